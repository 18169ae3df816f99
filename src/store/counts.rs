//! `counters` (true aggregates, changed only at ticks), `pledges` waiting for a tick, and
//! `snapshots` (what was published).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use crate::domain::PledgeId;

/// Adds `by` to a counter cell.
pub fn add(conn: &Connection, cell: &str, by: u64) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO counters (cell, count) VALUES (?1, ?2)
         ON CONFLICT (cell) DO UPDATE SET count = count + excluded.count",
    )?
    .execute(params![cell, i64::try_from(by).unwrap_or(i64::MAX)])?;
    Ok(())
}

/// Adds `delta` (possibly negative) to a cell, never going below zero.
pub fn adjust(conn: &Connection, cell: &str, delta: i64) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO counters (cell, count) VALUES (?1, max(?2, 0))
         ON CONFLICT (cell) DO UPDATE SET count = max(count + ?2, 0)",
    )?
    .execute(params![cell, delta])?;
    Ok(())
}

/// Every counter cell.
pub fn all(conn: &Connection) -> StoreResult<BTreeMap<String, u64>> {
    let mut stmt = conn.prepare_cached("SELECT cell, count FROM counters")?;
    let cells = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    Ok(cells)
}

pub fn insert_pledge(conn: &Connection, id: &PledgeId, key: &str) -> StoreResult<()> {
    conn.prepare_cached("INSERT INTO pledges (id, pledge_key) VALUES (?1, ?2)")?
        .execute(params![id, key])?;
    Ok(())
}

/// Takes every waiting pledge: their counts by key, and the rows deleted.
pub fn take_pledges(conn: &Connection) -> StoreResult<BTreeMap<String, u64>> {
    let mut stmt =
        conn.prepare_cached("SELECT pledge_key, count(*) FROM pledges GROUP BY pledge_key")?;
    let counts = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    conn.execute("DELETE FROM pledges", [])?;
    Ok(counts)
}

pub fn insert_snapshot(
    conn: &Connection,
    id: &str,
    published_at: &str,
    body: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO snapshots (id, generation, published_at, body)
         VALUES (?1, (SELECT coalesce(max(generation), 0) + 1 FROM snapshots), ?2, ?3)",
        params![id, published_at, body],
    )?;
    Ok(())
}

/// The most recent snapshot: (id, body).
pub fn latest_snapshot(conn: &Connection) -> StoreResult<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, body FROM snapshots ORDER BY generation DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
