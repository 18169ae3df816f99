//! A staff username as stored and looked up: trimmed and ASCII lower-case, so `Sam`, ` sam`
//! and `sam` are one person wherever a name is typed — the login form, the admin pages and
//! the command line all go through [`Username::typed`].

/// A normalised staff username.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Username(String);

/// Longest username accepted for a new account.
pub const MAX_USERNAME_CHARS: usize = 64;

impl Username {
    /// What someone typed, normalised for a lookup: a name no account can have simply
    /// finds nothing.
    pub fn typed(raw: &str) -> Username {
        Username(raw.trim().to_ascii_lowercase())
    }

    /// A name for a new account: 1–64 characters of a-z, 0-9, `.`, `_`, `-` once
    /// normalised.
    pub fn new_account(raw: &str) -> Option<Username> {
        let name = Username::typed(raw);
        let ok = !name.0.is_empty()
            && name.0.len() <= MAX_USERNAME_CHARS
            && name
                .0
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
        ok.then_some(name)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::fmt::Display for Username {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn typed_names_are_one_person_however_they_are_written() {
        assert_eq!(Username::typed(" Sam "), Username::typed("sam"));
        assert_eq!(
            Username::new_account(" Alex.R ").unwrap().as_str(),
            "alex.r"
        );
        assert!(Username::new_account("").is_none());
        assert!(Username::new_account("a b").is_none());
        assert!(Username::new_account(&"a".repeat(65)).is_none());
    }
}
