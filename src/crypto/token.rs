//! One-time tokens (set-up and invitation links, device cookies, TOTP recovery codes) are
//! stored only as a SHA-256 hash, so a copy of the database cannot be used to claim one.
//! The tokens carry ≥ 50 bits from the OS generator, so a fast hash is enough. The stored
//! form, with its normalising rules, is `domain::TokenHash`.

use sha2::{Digest, Sha256};

/// SHA-256 of a token's text.
pub fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}
