//! The stored form of a one-time token or code (a set-up link, an invitation, a known
//! browser, a TOTP recovery code): the services hash what people hold (`TokenHash::of`),
//! and the store only ever sees this — never the token itself.

use rusqlite::types::{ToSql, ToSqlOutput};

/// SHA-256 of a token, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenHash([u8; 32]);

impl TokenHash {
    /// The stored form of a token.
    pub fn of(token: &str) -> TokenHash {
        TokenHash(crate::crypto::token::digest(token))
    }

    /// The stored form of a TOTP recovery code, compared case- and space-insensitively.
    pub fn of_recovery_code(code: &str) -> TokenHash {
        let normal: String = code
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        TokenHash::of(&normal)
    }

    pub const fn from_digest(digest: [u8; 32]) -> TokenHash {
        TokenHash(digest)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl ToSql for TokenHash {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(&self.0[..]))
    }
}
