//! C2SP `tlog-checkpoint`: the text a log signs — its origin, its size and its root hash,
//! one per line, then any extension lines.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::merkle::Hash;

/// A checkpoint's contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
}

impl Checkpoint {
    /// The checkpoint's text (no extension lines), ending in a newline.
    pub fn text(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            BASE64.encode(self.root)
        )
    }

    /// Reads a checkpoint's text; extension lines are allowed and ignored.
    pub fn parse(text: &str) -> Option<Checkpoint> {
        let body = text.strip_suffix('\n')?;
        let mut lines = body.split('\n');
        let origin = lines.next().filter(|o| !o.is_empty())?;
        let size = decimal(lines.next()?)?;
        let root: Hash = BASE64.decode(lines.next()?).ok()?.try_into().ok()?;
        if lines.any(str::is_empty) {
            return None;
        }
        Some(Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
        })
    }

    /// The origin line of a checkpoint's text (which log it claims to be), unchecked.
    pub fn origin_of(text: &str) -> Option<&str> {
        text.split('\n').next().filter(|o| !o.is_empty())
    }
}

/// A number as the C2SP formats write it: decimal, no sign, no leading zero (tree sizes,
/// tile indices and widths, a witness's old size). One spelling per number.
pub fn decimal(s: &str) -> Option<u64> {
    let canonical =
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    canonical.then(|| s.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_reads_back_and_malformed_ones_do_not() {
        let c = Checkpoint {
            origin: "example.org/log".to_owned(),
            size: 42,
            root: [9; 32],
        };
        assert_eq!(Checkpoint::parse(&c.text()), Some(c.clone()));
        let with_extension = format!("{}ext line\n", c.text());
        assert_eq!(Checkpoint::parse(&with_extension), Some(c.clone()));
        for bad in [
            "",
            "example.org/log\n42\n",
            "example.org/log\n042\nCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=\n",
            "example.org/log\n-1\nCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=\n",
            "example.org/log\n42\nCQkJ\n",
            "example.org/log\n42\nCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=",
            "\n42\nCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=\n",
            "example.org/log\n42\nCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=\n\nx\n",
        ] {
            assert_eq!(Checkpoint::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Checkpoint::origin_of(&c.text()), Some("example.org/log"));
    }

    /// As `tlog_tiles` (an implementation this crate does not contain) reads it.
    #[test]
    fn an_independent_implementation_reads_the_same_checkpoint() {
        let c = Checkpoint {
            origin: "example.org/log".to_owned(),
            size: 42,
            root: [9; 32],
        };
        let theirs = tlog_tiles::Checkpoint::from_bytes(c.text().as_bytes()).unwrap();
        assert_eq!(
            (theirs.origin(), theirs.size(), theirs.hash().0),
            ("example.org/log", 42, [9; 32])
        );
    }
}
