//! Witnessing state: `witnessed` (the latest cosigned checkpoint of each peer's log) and
//! `cosignatures` (the latest cosignature each witness gave this deployment's log).

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use super::counts::{from_sql, to_sql};

/// The size and root hash of the latest checkpoint cosigned for log `origin`.
pub fn witnessed(conn: &Connection, origin: &str) -> StoreResult<Option<(u64, Vec<u8>)>> {
    Ok(conn
        .query_row(
            "SELECT size, root FROM witnessed WHERE origin = ?1",
            [origin],
            |r| Ok((from_sql(r.get(0)?), r.get(1)?)),
        )
        .optional()?)
}

/// Records the checkpoint just cosigned for log `origin`.
pub fn set_witnessed(conn: &Connection, origin: &str, size: u64, root: &[u8]) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO witnessed (origin, size, root) VALUES (?1, ?2, ?3)
         ON CONFLICT (origin) DO UPDATE SET size = ?2, root = ?3",
        params![origin, to_sql(size), root],
    )?;
    Ok(())
}

/// Forgets what was cosigned for log `origin`. True if there was a record.
pub fn forget(conn: &Connection, origin: &str) -> StoreResult<bool> {
    Ok(conn.execute("DELETE FROM witnessed WHERE origin = ?1", [origin])? > 0)
}

/// Every witness's latest cosignature of this log: (witness, size, line).
pub fn cosignatures(conn: &Connection) -> StoreResult<Vec<(String, u64, String)>> {
    let mut stmt = conn.prepare("SELECT witness, size, line FROM cosignatures")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, from_sql(r.get(1)?), r.get(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Records witness `witness`'s cosignature of the checkpoint of `size`.
pub fn set_cosignature(conn: &Connection, witness: &str, size: u64, line: &str) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO cosignatures (witness, size, line) VALUES (?1, ?2, ?3)
         ON CONFLICT (witness) DO UPDATE SET size = ?2, line = ?3",
        params![witness, to_sql(size), line],
    )?;
    Ok(())
}
