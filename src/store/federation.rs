//! `federation_seen`: the last snapshot this deployment verified from each federation
//! member, so the chain check survives a restart.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;

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
}

pub fn get(conn: &Connection, name: &str) -> StoreResult<Option<Seen>> {
    Ok(conn
        .query_row(
            "SELECT name, public_key, seq, hash, payload, verified_at
             FROM federation_seen WHERE name = ?1",
            [name],
            |r| {
                Ok(Seen {
                    name: r.get(0)?,
                    public_key: r.get(1)?,
                    seq: super::counts::from_sql(r.get(2)?),
                    hash: r.get(3)?,
                    payload: r.get(4)?,
                    verified_at: r.get(5)?,
                })
            },
        )
        .optional()?)
}

pub fn put(conn: &Connection, seen: &Seen) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO federation_seen (name, public_key, seq, hash, payload, verified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET public_key = ?2, seq = ?3, hash = ?4,
             payload = ?5, verified_at = ?6",
        params![
            seen.name,
            seen.public_key,
            super::counts::to_sql(seen.seq),
            seen.hash,
            seen.payload,
            seen.verified_at
        ],
    )?;
    Ok(())
}
