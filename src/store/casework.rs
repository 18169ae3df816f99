//! Casework state beside the sealed rows: which statements wait for a reply, which a
//! follow-up reopened (until that is written to the audit log), and who is assigned. Each
//! is its own narrow table keyed by random ids, so none adds arrival order, and a change
//! never rewrites a statement's large row.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use crate::domain::{StaffId, TestimonyId};

/// The author wrote last: a follow-up came and no reply since.
pub fn mark_awaiting(conn: &Connection, id: &TestimonyId) -> StoreResult<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO awaiting_reply (id) VALUES (?1)")?
        .execute([id])?;
    Ok(())
}

/// A reply went out: nothing is waiting any more.
pub fn mark_answered(conn: &Connection, id: &TestimonyId) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM awaiting_reply WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// How many statements wait for a reply.
pub fn awaiting_count(conn: &Connection) -> StoreResult<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM awaiting_reply", [], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// How many statements are assigned to `staff` (assignments go with their statements).
pub fn assigned_count(conn: &Connection, staff: &StaffId) -> StoreResult<u64> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM assignments WHERE staff_id = ?1")?
        .query_row([staff], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// A follow-up moved this statement from resolved back to in progress on `day`.
pub fn note_reopened(conn: &Connection, id: &TestimonyId, day: &str) -> StoreResult<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO reopened (testimony_id, day) VALUES (?1, ?2)")?
        .execute(params![id, day])?;
    Ok(())
}

/// A follow-up reopened this statement: its receipt code's page keeps showing "resolved"
/// (someone else holding the code must not see that the author wrote).
pub fn keep_shown_resolved(conn: &Connection, id: &TestimonyId) -> StoreResult<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO shown_resolved (id) VALUES (?1)")?
        .execute([id])?;
    Ok(())
}

/// Staff changed the status or replied: the code's page shows what is, from now on.
pub fn clear_shown_resolved(conn: &Connection, id: &TestimonyId) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM shown_resolved WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

pub fn is_shown_resolved(conn: &Connection, id: &TestimonyId) -> StoreResult<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM shown_resolved WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// Reopenings on days before `today`, by day (oldest first); statements deleted since are
/// gone with their rows.
pub fn reopened_before(
    conn: &Connection,
    today: &str,
) -> StoreResult<Vec<(String, Vec<TestimonyId>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, testimony_id FROM reopened WHERE day < ?1 ORDER BY day, testimony_id",
    )?;
    let rows = stmt
        .query_map([today], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?
        .collect::<Result<Vec<(String, TestimonyId)>, _>>()?;
    let mut days: Vec<(String, Vec<TestimonyId>)> = Vec::new();
    for (day, id) in rows {
        match days.last_mut() {
            Some((d, ids)) if *d == day => ids.push(id),
            _ => days.push((day, vec![id])),
        }
    }
    Ok(days)
}

/// Forgets the reopenings of `day` (written to the audit log).
pub fn clear_reopened(conn: &Connection, day: &str) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM reopened WHERE day = ?1")?
        .execute([day])?;
    Ok(())
}

/// Assigns a statement (or, with `None`, unassigns it); the previous assignee.
pub fn assign(
    conn: &Connection,
    id: &TestimonyId,
    staff: Option<&StaffId>,
) -> StoreResult<Option<StaffId>> {
    let before = assignee(conn, id)?;
    match staff {
        Some(staff) => conn
            .prepare_cached(
                "INSERT INTO assignments (testimony_id, staff_id) VALUES (?1, ?2)
                 ON CONFLICT (testimony_id) DO UPDATE SET staff_id = excluded.staff_id",
            )?
            .execute(params![id, staff])?,
        None => conn
            .prepare_cached("DELETE FROM assignments WHERE testimony_id = ?1")?
            .execute([id])?,
    };
    Ok(before)
}

pub fn assignee(conn: &Connection, id: &TestimonyId) -> StoreResult<Option<StaffId>> {
    Ok(conn
        .prepare_cached("SELECT staff_id FROM assignments WHERE testimony_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// What an inbox row shows beside its sealed contents.
#[derive(Clone, Debug, Default)]
pub struct RowFacts {
    pub awaiting_reply: bool,
    /// The assignee's username.
    pub assignee: Option<String>,
    /// The sealed label set, if any.
    pub labels: Option<Vec<u8>>,
}

/// The facts of each of `ids` (a page: a few dozen primary-key reads).
pub fn facts(
    conn: &Connection,
    ids: &[TestimonyId],
) -> StoreResult<HashMap<TestimonyId, RowFacts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM awaiting_reply WHERE id = ?1),
                (SELECT s.username FROM assignments a JOIN staff s ON s.id = a.staff_id
                 WHERE a.testimony_id = ?1),
                (SELECT sealed FROM label_sets WHERE testimony_id = ?1)",
    )?;
    let mut out = HashMap::with_capacity(ids.len());
    for id in ids {
        let facts = stmt.query_row([id], |r| {
            Ok(RowFacts {
                awaiting_reply: r.get(0)?,
                assignee: r.get(1)?,
                labels: r.get(2)?,
            })
        })?;
        out.insert(*id, facts);
    }
    Ok(out)
}
