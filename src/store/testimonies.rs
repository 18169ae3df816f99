//! The `testimonies` table: random id, received day, epoch, status, the "uncounted" mark
//! and the ciphertext. Nothing on a row says what the testimony is about.

use rusqlite::{Connection, OptionalExtension, params};

use super::{StoreError, StoreResult};

/// A sealed testimony as stored.
#[derive(Clone, Debug)]
pub struct StoredTestimony {
    pub id: [u8; 16],
    pub received_day: String,
    pub epoch_id: [u8; 16],
    pub status: String,
    pub uncounted: bool,
    pub ciphertext: Vec<u8>,
}

/// Inserts a new, uncounted testimony. Refuses if `epoch_id` is no longer the newest epoch
/// (a `chorus keys rotate` ran meanwhile), so the caller reseals to the new key.
pub fn insert(conn: &Connection, row: &StoredTestimony) -> StoreResult<()> {
    if super::keys::newest_epoch(conn)?.map(|(id, _)| id) != Some(row.epoch_id) {
        return Err(StoreError::Conflict("stale epoch"));
    }
    conn.prepare_cached(
        "INSERT INTO testimonies (id, received_day, epoch_id, status, uncounted, ciphertext)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        row.id,
        row.received_day,
        row.epoch_id,
        row.status,
        row.uncounted,
        row.ciphertext
    ])?;
    Ok(())
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredTestimony> {
    Ok(StoredTestimony {
        id: r.get(0)?,
        received_day: r.get(1)?,
        epoch_id: r.get(2)?,
        status: r.get(3)?,
        uncounted: r.get(4)?,
        ciphertext: r.get(5)?,
    })
}

const COLUMNS: &str = "id, received_day, epoch_id, status, uncounted, ciphertext";

pub fn get(conn: &Connection, id: &[u8; 16]) -> StoreResult<Option<StoredTestimony>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM testimonies WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// Every testimony, newest day first (ids within a day are random, so that order says nothing).
pub fn all(conn: &Connection) -> StoreResult<Vec<StoredTestimony>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM testimonies ORDER BY received_day DESC, id"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Rows a crash left uncounted (their tallies were only in RAM).
pub fn uncounted(conn: &Connection) -> StoreResult<Vec<StoredTestimony>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM testimonies WHERE uncounted = 1"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Clears the mark; true if this call was the one that counted the row (it still exists
/// and was uncounted), so a row is never counted twice.
pub fn mark_counted(conn: &Connection, id: &[u8; 16]) -> StoreResult<bool> {
    let changed = conn
        .prepare_cached("UPDATE testimonies SET uncounted = 0 WHERE id = ?1 AND uncounted = 1")?
        .execute([id])?;
    Ok(changed == 1)
}

pub fn count(conn: &Connection) -> StoreResult<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM testimonies", [], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}
