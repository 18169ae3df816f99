//! One-time TOTP recovery codes, stored hashed.

use rusqlite::{Connection, params};

use super::StoreResult;
use crate::domain::{StaffId, TokenHash};

pub fn replace_all(conn: &Connection, staff_id: &StaffId, codes: &[TokenHash]) -> StoreResult<()> {
    conn.execute(
        "DELETE FROM totp_recovery_codes WHERE staff_id = ?1",
        [staff_id],
    )?;
    for code in codes {
        conn.execute(
            "INSERT OR IGNORE INTO totp_recovery_codes (staff_id, code_hash) VALUES (?1, ?2)",
            params![staff_id, code],
        )?;
    }
    Ok(())
}

/// Uses up a code; true if it was valid.
pub fn consume(conn: &Connection, staff_id: &StaffId, code: &TokenHash) -> StoreResult<bool> {
    let deleted = conn.execute(
        "DELETE FROM totp_recovery_codes WHERE staff_id = ?1 AND code_hash = ?2",
        params![staff_id, code],
    )?;
    Ok(deleted == 1)
}

pub fn exists(conn: &Connection, staff_id: &StaffId, code: &TokenHash) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM totp_recovery_codes WHERE staff_id = ?1 AND code_hash = ?2)",
        params![staff_id, code],
        |r| r.get(0),
    )?)
}
