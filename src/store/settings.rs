//! Deployment-wide values kept in `settings`.

use rusqlite::{Connection, OptionalExtension, params};

use super::{StoreError, StoreResult};

const RECEIPT_SALT: &str = "receipt_salt";

/// The per-deployment salt receipt codes are derived with; made once, at first start.
pub fn receipt_salt(conn: &Connection) -> StoreResult<Vec<u8>> {
    let found: Option<Vec<u8>> = conn
        .query_row(
            "SELECT value FROM settings WHERE name = ?1",
            [RECEIPT_SALT],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(salt) => Ok(salt),
        None => {
            let salt = crate::crypto::random::bytes::<32>().map_err(|_| StoreError::Random)?;
            conn.execute(
                "INSERT OR IGNORE INTO settings (name, value) VALUES (?1, ?2)",
                params![RECEIPT_SALT, salt.to_vec()],
            )?;
            Ok(conn.query_row(
                "SELECT value FROM settings WHERE name = ?1",
                [RECEIPT_SALT],
                |r| r.get(0),
            )?)
        }
    }
}
