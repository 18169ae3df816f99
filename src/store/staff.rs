//! The `staff` table: who can unlock, with what (wrapped) keys.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use crate::domain::{Role, StaffId};

#[derive(Clone, Debug)]
pub struct StaffRow {
    pub id: StaffId,
    pub username: String,
    pub role: Role,
    pub active: bool,
    pub salt: Vec<u8>,
    pub verifier: Vec<u8>,
    pub public_key: Vec<u8>,
    pub wrapped_private_key: Vec<u8>,
    pub sealed_totp_secret: Vec<u8>,
    /// The last TOTP step accepted (a code is never accepted twice).
    pub totp_last_step: Option<i64>,
    pub failed_logins: i64,
    /// Unix seconds until which password logins are refused (except from known devices).
    pub locked_until: Option<i64>,
    /// The language of their staff pages (a shipped language's tag); `None` follows the
    /// deployment's default.
    pub language: Option<String>,
}

pub fn insert(conn: &Connection, row: &StaffRow, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO staff (id, username, role, active, salt, verifier, public_key,
                            wrapped_private_key, sealed_totp_secret, created_at, totp_last_step)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            row.id,
            row.username,
            row.role,
            row.active,
            row.salt,
            row.verifier,
            row.public_key,
            row.wrapped_private_key,
            row.sealed_totp_secret,
            at,
            row.totp_last_step
        ],
    )?;
    Ok(())
}

const COLUMNS: &str = "id, username, role, active, salt, verifier, public_key, \
                       wrapped_private_key, sealed_totp_secret, totp_last_step, \
                       failed_logins, locked_until, language";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StaffRow> {
    Ok(StaffRow {
        id: r.get(0)?,
        username: r.get(1)?,
        role: r.get(2)?,
        active: r.get(3)?,
        salt: r.get(4)?,
        verifier: r.get(5)?,
        public_key: r.get(6)?,
        wrapped_private_key: r.get(7)?,
        sealed_totp_secret: r.get(8)?,
        totp_last_step: r.get(9)?,
        failed_logins: r.get(10)?,
        locked_until: r.get(11)?,
        language: r.get(12)?,
    })
}

pub fn by_username(conn: &Connection, username: &str) -> StoreResult<Option<StaffRow>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE username = ?1"))?
        .query_row([username], from_row)
        .optional()?)
}

pub fn active(conn: &Connection) -> StoreResult<Vec<StaffRow>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE active = 1"))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn any_admin(conn: &Connection) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM staff WHERE role = ?1 AND active = 1)",
        [Role::Admin],
        |r| r.get(0),
    )?)
}

/// How many admins can log in (`chorus doctor` warns at one).
pub fn active_admins(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM staff WHERE role = ?1 AND active = 1",
        [Role::Admin],
        |r| r.get(0),
    )?)
}

pub fn by_id(conn: &Connection, id: &StaffId) -> StoreResult<Option<StaffRow>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// Everyone, active first, then by name.
pub fn all(conn: &Connection) -> StoreResult<Vec<StaffRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM staff ORDER BY active DESC, username"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// A failed login for an existing account: counts it and locks after `max_failures`.
pub fn record_failure(
    conn: &Connection,
    id: &StaffId,
    max_failures: i64,
    lock_until: i64,
) -> StoreResult<()> {
    conn.execute(
        "UPDATE staff SET failed_logins = failed_logins + 1,
                locked_until = CASE WHEN failed_logins + 1 >= ?2 THEN ?3 ELSE locked_until END
         WHERE id = ?1",
        params![id, max_failures, lock_until],
    )?;
    Ok(())
}

/// A good login: clears failures and the lock, and records the TOTP step used. Refuses
/// (false) if that step or a later one was already used — a replayed code.
pub fn record_success(
    conn: &Connection,
    id: &StaffId,
    totp_step: Option<i64>,
) -> StoreResult<bool> {
    let changed = conn.execute(
        "UPDATE staff SET failed_logins = 0, locked_until = NULL,
                totp_last_step = coalesce(?2, totp_last_step)
         WHERE id = ?1 AND (?2 IS NULL OR totp_last_step IS NULL OR totp_last_step < ?2)",
        params![id, totp_step],
    )?;
    Ok(changed == 1)
}

/// `chorus reviewer unlock`: clears a lockout.
pub fn unlock(conn: &Connection, username: &str) -> StoreResult<bool> {
    let changed = conn.execute(
        "UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE username = ?1",
        [username],
    )?;
    Ok(changed == 1)
}

/// Sets (or, with `None`, clears) the language of a member's staff pages.
pub fn set_language(conn: &Connection, id: &StaffId, language: Option<&str>) -> StoreResult<()> {
    conn.execute(
        "UPDATE staff SET language = ?2 WHERE id = ?1",
        params![id, language],
    )?;
    Ok(())
}

pub fn set_active(conn: &Connection, id: &StaffId, active: bool) -> StoreResult<()> {
    conn.execute(
        "UPDATE staff SET active = ?2 WHERE id = ?1",
        params![id, active],
    )?;
    Ok(())
}

/// Replaces the password-derived material (a password change).
pub fn update_secrets(
    conn: &Connection,
    id: &StaffId,
    salt: &[u8],
    verifier: &[u8],
    wrapped_private_key: &[u8],
    sealed_totp_secret: &[u8],
) -> StoreResult<()> {
    conn.execute(
        "UPDATE staff SET salt = ?2, verifier = ?3, wrapped_private_key = ?4,
                sealed_totp_secret = ?5
         WHERE id = ?1",
        params![id, salt, verifier, wrapped_private_key, sealed_totp_secret],
    )?;
    Ok(())
}
