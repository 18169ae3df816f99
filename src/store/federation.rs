//! `federation_seen`: the last snapshot this deployment verified from each federation
//! member, so the chain check survives a restart, and the evidence of a rewritten history.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use super::counts::{from_sql, to_sql};

/// What was last verified of one member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub name: String,
    /// The key it was verified with: a new key in the configuration starts afresh.
    pub public_key: String,
    pub seq: u64,
    pub hash: String,
    /// The verified payload, as the member signed it.
    pub payload: String,
    pub verified_at: String,
    /// A signed snapshot that contradicted the chain, if one was ever seen.
    pub conflict: Option<String>,
}

pub fn get(conn: &Connection, name: &str) -> StoreResult<Option<Seen>> {
    Ok(conn
        .query_row(
            "SELECT name, public_key, seq, hash, payload, verified_at, conflict
             FROM federation_seen WHERE name = ?1",
            [name],
            |r| {
                Ok(Seen {
                    name: r.get(0)?,
                    public_key: r.get(1)?,
                    seq: from_sql(r.get(2)?),
                    hash: r.get(3)?,
                    payload: r.get(4)?,
                    verified_at: r.get(5)?,
                    conflict: r.get(6)?,
                })
            },
        )
        .optional()?)
}

/// Records a newly verified snapshot. A conflict already on file stays, unless the key
/// changed: a new key starts afresh.
pub fn put(conn: &Connection, seen: &Seen) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO federation_seen (name, public_key, seq, hash, payload, verified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET public_key = ?2, seq = ?3, hash = ?4,
             payload = ?5, verified_at = ?6,
             conflict = CASE WHEN public_key = ?2 THEN conflict ELSE NULL END,
             summed = CASE WHEN public_key = ?2 THEN summed ELSE NULL END,
             summed_at = CASE WHEN public_key = ?2 THEN summed_at ELSE NULL END,
             log_size = CASE WHEN public_key = ?2 THEN log_size ELSE NULL END,
             log_root = CASE WHEN public_key = ?2 THEN log_root ELSE NULL END",
        params![
            seen.name,
            seen.public_key,
            to_sql(seen.seq),
            seen.hash,
            seen.payload,
            seen.verified_at
        ],
    )?;
    Ok(())
}

/// The payload of member `name`'s growth baseline (a snapshot added to the sum) and when
/// it became the baseline, if any.
pub fn summed(conn: &Connection, name: &str) -> StoreResult<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT summed, summed_at FROM federation_seen
             WHERE name = ?1 AND summed IS NOT NULL AND summed_at IS NOT NULL",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Makes `payload` member `name`'s growth baseline, as of `at` (this site's clock).
pub fn set_summed(conn: &Connection, name: &str, payload: &str, at: &str) -> StoreResult<()> {
    conn.execute(
        "UPDATE federation_seen SET summed = ?2, summed_at = ?3 WHERE name = ?1",
        params![name, payload, at],
    )?;
    Ok(())
}

/// The size and root of member `name`'s log checkpoint verified last under `public_key`,
/// if any (a new key starts a new log).
pub fn log_state(
    conn: &Connection,
    name: &str,
    public_key: &str,
) -> StoreResult<Option<(u64, Vec<u8>)>> {
    Ok(conn
        .query_row(
            "SELECT log_size, log_root FROM federation_seen
             WHERE name = ?1 AND public_key = ?2 AND log_size IS NOT NULL
                 AND log_root IS NOT NULL",
            params![name, public_key],
            |r| Ok((from_sql(r.get(0)?), r.get(1)?)),
        )
        .optional()?)
}

/// Records the checkpoint of member `name`'s log just verified.
pub fn set_log_state(conn: &Connection, name: &str, size: u64, root: &[u8]) -> StoreResult<()> {
    conn.execute(
        "UPDATE federation_seen SET log_size = ?2, log_root = ?3 WHERE name = ?1",
        params![name, to_sql(size), root],
    )?;
    Ok(())
}

/// Keeps `evidence` (a signed snapshot that contradicts the chain) for member `name`.
pub fn set_conflict(conn: &Connection, name: &str, evidence: &str) -> StoreResult<()> {
    conn.execute(
        "UPDATE federation_seen SET conflict = ?2 WHERE name = ?1",
        params![name, evidence],
    )?;
    Ok(())
}

/// Forgets member `name`: its next snapshot is trusted afresh. True if there was a record.
pub fn forget(conn: &Connection, name: &str) -> StoreResult<bool> {
    Ok(conn.execute("DELETE FROM federation_seen WHERE name = ?1", [name])? > 0)
}
