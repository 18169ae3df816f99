//! One-time tokens (set-up and invitation links, device cookies, TOTP recovery codes) are
//! stored only as a SHA-256 hash, so a copy of the database cannot be used to claim one.
//! The tokens carry ≥ 50 bits from the OS generator, so a fast hash is enough.

use sha2::{Digest, Sha256};

use crate::domain::TokenHash;

/// The stored form of a token.
pub fn hash(token: &str) -> TokenHash {
    TokenHash::from_digest(Sha256::digest(token.as_bytes()).into())
}

/// The stored form of a TOTP recovery code, compared case- and space-insensitively.
pub fn hash_recovery_code(code: &str) -> TokenHash {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    hash(&normal)
}
