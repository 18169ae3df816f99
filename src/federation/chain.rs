//! Whether a member's newest snapshot follows the last one this deployment verified: the
//! sequence only grows, and each snapshot names the hash of the one before it.

use crate::store::federation::Seen;

/// How a verified snapshot (`seq`, its `previous`, its `hash`) stands to what was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Nothing seen yet (or seen under another key): trusted on first use.
    First,
    /// The very snapshot seen last.
    Same,
    /// The next one, naming the last seen as its previous.
    Next,
    /// Later, with snapshots in between to check one by one (`from..=to`).
    Gap { from: u64, to: u64 },
    /// An older number than the last seen: a replay.
    Backwards,
    /// The last seen number with other contents, or a next one that does not name the
    /// last seen: the member's history was rewritten.
    Rewritten,
}

pub fn link(
    seen: Option<&Seen>,
    public_key: &str,
    seq: u64,
    previous: Option<&str>,
    hash: &str,
) -> Link {
    let Some(seen) = seen.filter(|s| s.public_key.eq_ignore_ascii_case(public_key)) else {
        return Link::First;
    };
    if seq < seen.seq {
        Link::Backwards
    } else if seq == seen.seq {
        if hash == seen.hash {
            Link::Same
        } else {
            Link::Rewritten
        }
    } else if seq == seen.seq + 1 {
        if previous == Some(seen.hash.as_str()) {
            Link::Next
        } else {
            Link::Rewritten
        }
    } else {
        Link::Gap {
            from: seen.seq + 1,
            to: seq - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(seq: u64, hash: &str) -> Seen {
        Seen {
            name: "a".into(),
            public_key: "k".into(),
            seq,
            hash: hash.into(),
            payload: String::new(),
            verified_at: String::new(),
            conflict: None,
        }
    }

    #[test]
    fn the_sequence_only_grows_and_each_names_the_one_before() {
        let s = seen(5, "h5");
        assert_eq!(link(None, "k", 9, None, "x"), Link::First);
        assert_eq!(link(Some(&s), "other", 1, None, "x"), Link::First);
        assert_eq!(link(Some(&s), "k", 5, Some("h4"), "h5"), Link::Same);
        assert_eq!(link(Some(&s), "k", 5, Some("h4"), "h5b"), Link::Rewritten);
        assert_eq!(link(Some(&s), "k", 6, Some("h5"), "h6"), Link::Next);
        assert_eq!(link(Some(&s), "k", 6, Some("hx"), "h6"), Link::Rewritten);
        assert_eq!(link(Some(&s), "k", 4, Some("h3"), "h4"), Link::Backwards);
        assert_eq!(
            link(Some(&s), "k", 9, Some("h8"), "h9"),
            Link::Gap { from: 6, to: 8 }
        );
    }
}
