//! Browsers that once logged in to an account, so lockout never locks out its owner.

use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};

use super::StoreResult;

fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

pub fn insert(conn: &Connection, token: &str, staff_id: &[u8; 16]) -> StoreResult<()> {
    conn.execute(
        "INSERT OR IGNORE INTO devices (token_hash, staff_id) VALUES (?1, ?2)",
        params![hash(token), staff_id],
    )?;
    Ok(())
}

pub fn is_known(conn: &Connection, token: &str, staff_id: &[u8; 16]) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM devices WHERE token_hash = ?1 AND staff_id = ?2)",
        params![hash(token), staff_id],
        |r| r.get(0),
    )?)
}

/// True if this browser ever logged in to any account (it skips the site-wide login
/// throttle, so a flood cannot lock staff out).
pub fn is_known_any(conn: &Connection, token: &str) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM devices WHERE token_hash = ?1)",
        [hash(token)],
        |r| r.get(0),
    )?)
}

pub fn delete_for(conn: &Connection, staff_id: &[u8; 16]) -> StoreResult<()> {
    conn.execute("DELETE FROM devices WHERE staff_id = ?1", [staff_id])?;
    Ok(())
}
