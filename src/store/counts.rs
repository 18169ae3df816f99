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

/// A snapshot to store: `seq` comes from [`chain_head`] in the same write job.
pub struct NewSnapshot<'a> {
    pub id: &'a str,
    pub seq: u64,
    pub published_at: &'a str,
    pub body: &'a str,
    pub hash: &'a str,
    pub signed: &'a str,
}

pub fn insert_snapshot(conn: &Connection, s: &NewSnapshot<'_>) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO snapshots (id, generation, published_at, body, hash, signed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            s.id,
            to_sql(s.seq),
            s.published_at,
            s.body,
            s.hash,
            s.signed
        ],
    )?;
    Ok(())
}

/// The next snapshot's sequence number, and the hash of the last signed one (its
/// `previous`; none before the first).
pub fn chain_head(conn: &Connection) -> StoreResult<(u64, Option<String>)> {
    let next: i64 = conn.query_row(
        "SELECT coalesce(max(generation), 0) + 1 FROM snapshots",
        [],
        |r| r.get(0),
    )?;
    let next = from_sql(next);
    let previous = conn
        .query_row(
            "SELECT hash FROM snapshots WHERE hash IS NOT NULL ORDER BY generation DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok((next, previous))
}

/// The most recent snapshot: (id, body, signed envelope if any).
pub fn latest_snapshot(conn: &Connection) -> StoreResult<Option<(String, String, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT id, body, signed FROM snapshots ORDER BY generation DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// One line of the public history: (seq, published at, hash).
pub type HistoryLine = (u64, String, String);

/// Signed snapshots after `after`, oldest first, at most `limit`.
pub fn history(conn: &Connection, after: u64, limit: u32) -> StoreResult<Vec<HistoryLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT generation, published_at, hash FROM snapshots
         WHERE hash IS NOT NULL AND generation > ?1 ORDER BY generation LIMIT ?2",
    )?;
    let lines = stmt
        .query_map(params![to_sql(after), limit], |r| {
            Ok((from_sql(r.get(0)?), r.get(1)?, r.get(2)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(lines)
}

/// The signed envelope of snapshot `seq`, if it was signed.
pub fn signed_snapshot(conn: &Connection, seq: u64) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT signed FROM snapshots WHERE generation = ?1",
            [to_sql(seq)],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// Every signed envelope, oldest first: the transparency log's entries.
pub fn signed_envelopes(conn: &Connection) -> StoreResult<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT signed FROM snapshots WHERE signed IS NOT NULL ORDER BY generation")?;
    let envelopes = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(envelopes)
}

/// The signed envelopes of snapshots `first..=last` with their sequence numbers, oldest
/// first.
pub fn signed_between(conn: &Connection, first: u64, last: u64) -> StoreResult<Vec<(u64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT generation, signed FROM snapshots
         WHERE signed IS NOT NULL AND generation BETWEEN ?1 AND ?2 ORDER BY generation",
    )?;
    let envelopes = stmt
        .query_map(params![to_sql(first), to_sql(last)], |r| {
            Ok((from_sql(r.get(0)?), r.get(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(envelopes)
}

/// A sequence number as SQLite stores it (a signed 64-bit integer).
pub fn to_sql(seq: u64) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}

/// A stored sequence number (never negative).
pub fn from_sql(seq: i64) -> u64 {
    u64::try_from(seq).unwrap_or(0)
}
