//! Browsers that once logged in to an account, so lockout never locks out its owner.

use rusqlite::{Connection, params};

use super::StoreResult;
use crate::domain::{StaffId, TokenHash};

pub fn insert(conn: &Connection, token: &TokenHash, staff_id: &StaffId) -> StoreResult<()> {
    conn.execute(
        "INSERT OR IGNORE INTO devices (token_hash, staff_id) VALUES (?1, ?2)",
        params![token, staff_id],
    )?;
    Ok(())
}

pub fn is_known(conn: &Connection, token: &TokenHash, staff_id: &StaffId) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM devices WHERE token_hash = ?1 AND staff_id = ?2)",
        params![token, staff_id],
        |r| r.get(0),
    )?)
}

/// Every (token hash, username) of active staff, for the in-memory copy the login uses.
pub fn all_active(conn: &Connection) -> StoreResult<Vec<(Vec<u8>, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.token_hash, s.username FROM devices d JOIN staff s ON s.id = d.staff_id WHERE s.active = 1",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn delete_for(conn: &Connection, staff_id: &StaffId) -> StoreResult<()> {
    conn.execute("DELETE FROM devices WHERE staff_id = ?1", [staff_id])?;
    Ok(())
}
