//! The first-admin set-up token (invitations have their own table). Only a hash of a token
//! is stored (the services hash it), so a copy of the database cannot be used to claim one.

use rusqlite::{Connection, params};

use super::StoreResult;
use crate::domain::TokenHash;

pub const PURPOSE_FIRST_ADMIN: &str = "first-admin";

/// Replaces any earlier token for `purpose` with `token`, valid until `expires_at` (unix s).
pub fn replace(
    conn: &Connection,
    purpose: &str,
    token: &TokenHash,
    expires_at: i64,
) -> StoreResult<()> {
    conn.execute("DELETE FROM setup_tokens WHERE purpose = ?1", [purpose])?;
    conn.execute(
        "INSERT INTO setup_tokens (token_hash, purpose, expires_at) VALUES (?1, ?2, ?3)",
        params![token, purpose, expires_at],
    )?;
    Ok(())
}

/// True if `token` is a live token for `purpose` (not used, not expired).
pub fn is_valid(
    conn: &Connection,
    purpose: &str,
    token: &TokenHash,
    now: i64,
) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM setup_tokens
                        WHERE token_hash = ?1 AND purpose = ?2 AND expires_at > ?3)",
        params![token, purpose, now],
        |r| r.get(0),
    )?)
}

/// Uses up `token`; true if it was live. Single use: a second call returns false.
pub fn consume(conn: &Connection, purpose: &str, token: &TokenHash, now: i64) -> StoreResult<bool> {
    let deleted = conn.execute(
        "DELETE FROM setup_tokens WHERE token_hash = ?1 AND purpose = ?2 AND expires_at > ?3",
        params![token, purpose, now],
    )?;
    Ok(deleted == 1)
}

pub fn clear(conn: &Connection, purpose: &str) -> StoreResult<()> {
    conn.execute("DELETE FROM setup_tokens WHERE purpose = ?1", [purpose])?;
    Ok(())
}
