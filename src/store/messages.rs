//! `messages`: a testimony's thread — staff notes, the author's follow-ups, replies to the
//! author — each sealed; a reply also carries a copy sealed to the author's receipt code.

use rusqlite::{Connection, params};

use super::StoreResult;
use crate::domain::{MessageId, MessageKind, TestimonyId};

#[derive(Clone, Debug)]
pub struct StoredMessage {
    pub id: MessageId,
    pub testimony_id: TestimonyId,
    pub seq: i64,
    pub kind: MessageKind,
    pub author: Option<String>,
    pub created_day: String,
    pub ciphertext: Vec<u8>,
    /// A reply's second copy, sealed to the survivor's code-derived key.
    pub survivor_ciphertext: Option<Vec<u8>>,
}

/// Appends to a testimony's thread.
pub fn insert(conn: &Connection, m: &StoredMessage) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO messages (id, testimony_id, seq, kind, author, created_day, ciphertext,
                               survivor_ciphertext)
         VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE testimony_id = ?2),
                 ?3, ?4, ?5, ?6, ?7)",
        params![
            m.id,
            m.testimony_id,
            m.kind,
            m.author,
            m.created_day,
            m.ciphertext,
            m.survivor_ciphertext
        ],
    )?;
    Ok(())
}

const COLUMNS: &str =
    "id, testimony_id, seq, kind, author, created_day, ciphertext, survivor_ciphertext";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredMessage> {
    Ok(StoredMessage {
        id: r.get(0)?,
        testimony_id: r.get(1)?,
        seq: r.get(2)?,
        kind: r.get(3)?,
        author: r.get(4)?,
        created_day: r.get(5)?,
        ciphertext: r.get(6)?,
        survivor_ciphertext: r.get(7)?,
    })
}

/// How many follow-ups a testimony's author has added.
pub fn follow_ups(conn: &Connection, testimony_id: &TestimonyId) -> StoreResult<u64> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM messages WHERE testimony_id = ?1 AND kind = ?2")?
        .query_row(params![testimony_id, MessageKind::FollowUp], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// One page of a thread: the `limit` messages before `before` (a sequence number; the
/// newest when `None`), oldest first.
pub fn page(
    conn: &Connection,
    testimony_id: &TestimonyId,
    before: Option<i64>,
    limit: u32,
) -> StoreResult<Vec<StoredMessage>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM messages WHERE testimony_id = ?1 AND seq < ?2
         ORDER BY seq DESC LIMIT ?3"
    ))?;
    let mut rows = stmt
        .query_map(
            params![testimony_id, before.unwrap_or(i64::MAX), limit],
            from_row,
        )?
        .collect::<Result<Vec<_>, _>>()?;
    rows.reverse();
    Ok(rows)
}

pub fn for_testimony(
    conn: &Connection,
    testimony_id: &TestimonyId,
) -> StoreResult<Vec<StoredMessage>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM messages WHERE testimony_id = ?1 ORDER BY seq"
    ))?;
    let rows = stmt
        .query_map([testimony_id], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
