//! Invitations: a one-time token (stored hashed, 24 h) naming a username and a role.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use crate::domain::{Role, TokenHash};

pub fn insert(
    conn: &Connection,
    token: &TokenHash,
    username: &str,
    role: Role,
    expires_at: i64,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO invitations (token_hash, username, role, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token, username, role, expires_at],
    )?;
    Ok(())
}

/// Every live invitation: (username, role, expires at), soonest to expire first.
pub fn open(conn: &Connection, now: i64) -> StoreResult<Vec<(String, Role, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT username, role, expires_at FROM invitations WHERE expires_at > ?1
         ORDER BY expires_at",
    )?;
    let rows = stmt
        .query_map([now], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Withdraws every invitation naming `username` (a link that leaked opens nothing); how
/// many there were.
pub fn revoke(conn: &Connection, username: &str) -> StoreResult<usize> {
    Ok(conn.execute("DELETE FROM invitations WHERE username = ?1", [username])?)
}

/// The (username, role) of a live invitation.
pub fn find(conn: &Connection, token: &TokenHash, now: i64) -> StoreResult<Option<(String, Role)>> {
    Ok(conn
        .query_row(
            "SELECT username, role FROM invitations WHERE token_hash = ?1 AND expires_at > ?2",
            params![token, now],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Uses up a live invitation; its (username, role) if it was live.
pub fn consume(
    conn: &Connection,
    token: &TokenHash,
    now: i64,
) -> StoreResult<Option<(String, Role)>> {
    let found = find(conn, token, now)?;
    if found.is_some() {
        conn.execute("DELETE FROM invitations WHERE token_hash = ?1", [token])?;
    }
    Ok(found)
}
