//! Where a testimony is in the staff workflow. Spam leaves the public counts.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    New,
    Read,
    InProgress,
    Resolved,
    Spam,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [
        Status::New,
        Status::Read,
        Status::InProgress,
        Status::Resolved,
        Status::Spam,
    ];

    /// The key in forms, URLs and the database.
    pub fn key(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Read => "read",
            Status::InProgress => "in_progress",
            Status::Resolved => "resolved",
            Status::Spam => "spam",
        }
    }

    pub fn parse(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// True for spam, which no counting policy ever counts (see `publish::publisher::counted`).
    pub fn is_spam(self) -> bool {
        self == Status::Spam
    }
}

text_column!(Status, "status", key, parse);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_parses_from_its_key() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.key()), Some(s));
        }
        assert_eq!(Status::parse("deleted"), None);
        assert_eq!(Status::parse("Spam"), None);
    }
}
