//! Sealed label sets, their keyed tags, and each epoch's sealed vocabulary. Only ciphertext
//! and opaque tags are stored: the keys that made them exist only in unlocked sessions.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use crate::domain::{EpochId, TestimonyId};

/// A statement's sealed set, if it has one.
pub fn set_of(conn: &Connection, id: &TestimonyId) -> StoreResult<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT sealed FROM label_sets WHERE testimony_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Replaces a statement's labels: its sealed set (none when empty) and its tags.
pub fn replace(
    conn: &Connection,
    id: &TestimonyId,
    sealed: Option<&[u8]>,
    tags: &[Vec<u8>],
) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM label_index WHERE testimony_id = ?1")?
        .execute([id])?;
    match sealed {
        Some(sealed) => {
            conn.prepare_cached(
                "INSERT INTO label_sets (testimony_id, sealed) VALUES (?1, ?2)
                 ON CONFLICT (testimony_id) DO UPDATE SET sealed = excluded.sealed",
            )?
            .execute(params![id, sealed])?;
        }
        None => {
            conn.prepare_cached("DELETE FROM label_sets WHERE testimony_id = ?1")?
                .execute([id])?;
        }
    }
    let mut insert = conn
        .prepare_cached("INSERT OR IGNORE INTO label_index (tag, testimony_id) VALUES (?1, ?2)")?;
    for tag in tags {
        insert.execute(params![tag, id])?;
    }
    Ok(())
}

/// How many statements carry any of `tags` (one label's tags under several epochs).
pub fn count_tagged(conn: &Connection, tags: &[Vec<u8>]) -> StoreResult<u64> {
    let mut stmt = conn.prepare_cached("SELECT count(*) FROM label_index WHERE tag = ?1")?;
    let mut n = 0u64;
    for tag in tags {
        let c: i64 = stmt.query_row([tag], |r| r.get(0))?;
        n += u64::try_from(c).unwrap_or(0);
    }
    Ok(n)
}

/// Every epoch's sealed vocabulary.
pub fn vocabularies(conn: &Connection) -> StoreResult<Vec<(EpochId, Vec<u8>)>> {
    let mut stmt = conn.prepare_cached("SELECT epoch_id, sealed FROM label_vocabulary")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn vocabulary_of(conn: &Connection, epoch: &EpochId) -> StoreResult<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT sealed FROM label_vocabulary WHERE epoch_id = ?1")?
        .query_row([epoch], |r| r.get(0))
        .optional()?)
}

pub fn set_vocabulary(conn: &Connection, epoch: &EpochId, sealed: &[u8]) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO label_vocabulary (epoch_id, sealed) VALUES (?1, ?2)
         ON CONFLICT (epoch_id) DO UPDATE SET sealed = excluded.sealed",
    )?
    .execute(params![epoch, sealed])?;
    Ok(())
}
