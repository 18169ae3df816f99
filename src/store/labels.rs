//! Sealed label sets, their keyed tags, and each tag's sealed text (the inbox's choices).
//! Only ciphertext and opaque tags are stored: the keys that made them exist only in
//! unlocked sessions.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use crate::domain::TestimonyId;

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
    forget_unused(conn)
}

/// Keeps a label's sealed text beside its tag (once per tag).
pub fn remember(conn: &Connection, tag: &[u8], sealed: &[u8]) -> StoreResult<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO label_vocabulary (tag, sealed) VALUES (?1, ?2)")?
        .execute(params![tag, sealed])?;
    Ok(())
}

/// Whether a tag's text is kept already.
pub fn is_remembered(conn: &Connection, tag: &[u8]) -> StoreResult<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM label_vocabulary WHERE tag = ?1)")?
        .query_row([tag], |r| r.get(0))?)
}

/// Forgets the text of every tag no statement carries any more (after labels change,
/// a deletion, a withdrawal or a purge). Needs no key.
pub fn forget_unused(conn: &Connection) -> StoreResult<()> {
    conn.prepare_cached(
        "DELETE FROM label_vocabulary
         WHERE NOT EXISTS (SELECT 1 FROM label_index i WHERE i.tag = label_vocabulary.tag)",
    )?
    .execute([])?;
    Ok(())
}

/// A tag in use: the tag, its label's sealed text, how many statements carry it.
pub type TagInUse = (Vec<u8>, Vec<u8>, u64);

/// Every tag in use.
pub fn in_use(conn: &Connection) -> StoreResult<Vec<TagInUse>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.tag, v.sealed, (SELECT count(*) FROM label_index i WHERE i.tag = v.tag)
         FROM label_vocabulary v",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
