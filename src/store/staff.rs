//! The `staff` table: who can unlock, with what (wrapped) keys.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;

#[derive(Clone, Debug)]
pub struct StaffRow {
    pub id: [u8; 16],
    pub username: String,
    pub role: String,
    pub active: bool,
    pub salt: Vec<u8>,
    pub verifier: Vec<u8>,
    pub public_key: Vec<u8>,
    pub wrapped_private_key: Vec<u8>,
    pub sealed_totp_secret: Vec<u8>,
}

pub fn insert(conn: &Connection, row: &StaffRow, at: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO staff (id, username, role, active, salt, verifier, public_key,
                            wrapped_private_key, sealed_totp_secret, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
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
            at
        ],
    )?;
    Ok(())
}

const COLUMNS: &str = "id, username, role, active, salt, verifier, public_key, \
                       wrapped_private_key, sealed_totp_secret";

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
        "SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'admin' AND active = 1)",
        [],
        |r| r.get(0),
    )?)
}
