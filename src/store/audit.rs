//! The append-only, hash-chained audit log of staff actions:
//! `hash = SHA-256(prev_hash ‖ seq ‖ at ‖ actor ‖ action ‖ detail)` with length-prefixed
//! fields, so editing, deleting or reordering any entry breaks the chain from there on.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::StoreResult;
use crate::domain::AuditAction;

const GENESIS: [u8; 32] = [0; 32];

fn entry_hash(prev: &[u8], seq: i64, at: &str, actor: &str, action: &str, detail: &str) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(seq.to_be_bytes());
    for field in [at, actor, action, detail] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    h.finalize().to_vec()
}

/// Appends one entry. Call inside the transaction that performs the action, so the action
/// and its record commit together.
pub fn append(
    conn: &Connection,
    at: &str,
    actor: &str,
    action: AuditAction,
    detail: &str,
) -> StoreResult<()> {
    let action = action.as_str();
    let last: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_vec()),
    };
    let hash = entry_hash(&prev, seq, at, actor, action, detail);
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![seq, at, actor, action, detail, prev, hash],
    )?;
    Ok(())
}

/// The first entry that does not fit the chain, if any; `Ok(count)` when the chain holds.
pub fn verify(conn: &Connection) -> StoreResult<Result<u64, BrokenEntry>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = GENESIS.to_vec();
    let mut expected_seq = 1i64;
    let mut count = 0u64;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, actor, action, detail): (String, String, String, String) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let prev: Vec<u8> = r.get(5)?;
        let hash: Vec<u8> = r.get(6)?;
        let recomputed = entry_hash(&expected_prev, expected_seq, &at, &actor, &action, &detail);
        if seq != expected_seq || prev != expected_prev || hash != recomputed {
            return Ok(Err(BrokenEntry { seq, expected_seq }));
        }
        expected_prev = hash;
        expected_seq += 1;
        count += 1;
    }
    Ok(Ok(count))
}

/// One entry, for display.
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

/// Which entries an audit page shows.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    /// Entries older than this sequence number (the next page).
    pub before: Option<i64>,
    /// Entries newer than this sequence number (the previous page).
    pub after: Option<i64>,
    /// An action (`login.failure`) or a group of them (`login`, `staff`, `testimony`).
    pub action: Option<String>,
    /// One staff member's username.
    pub actor: Option<String>,
}

/// One page of entries as `query` asks, newest first; and how many entries match in all.
pub fn page(
    conn: &Connection,
    query: &AuditQuery,
    limit: u32,
) -> StoreResult<(Vec<AuditEntry>, u64)> {
    let filter =
        "(?1 IS NULL OR action = ?1 OR action LIKE ?1 || '.%') AND (?2 IS NULL OR actor = ?2)";
    let newer = query.before.is_none() && query.after.is_some();
    let sql = if newer {
        format!(
            "SELECT seq, at, actor, action, detail FROM audit_log
             WHERE {filter} AND seq > ?3 ORDER BY seq ASC LIMIT ?4"
        )
    } else {
        format!(
            "SELECT seq, at, actor, action, detail FROM audit_log
             WHERE {filter} AND (?3 IS NULL OR seq < ?3) ORDER BY seq DESC LIMIT ?4"
        )
    };
    let bound = if newer { query.after } else { query.before };
    let mut rows = conn
        .prepare_cached(&sql)?
        .query_map(params![query.action, query.actor, bound, limit], |r| {
            Ok(AuditEntry {
                seq: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                detail: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if newer {
        rows.reverse();
    }
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM audit_log WHERE {filter}"))?
        .query_row(params![query.action, query.actor], |r| r.get(0))?;
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// Whether any entry matching `query`'s filters lies beyond `seq` (older when `older`).
pub fn any_beyond(
    conn: &Connection,
    query: &AuditQuery,
    seq: i64,
    older: bool,
) -> StoreResult<bool> {
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE (?1 IS NULL OR action = ?1 OR action LIKE ?1 || '.%')
         AND (?2 IS NULL OR actor = ?2) AND seq {} ?3)",
        if older { "<" } else { ">" }
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![query.action, query.actor, seq], |r| r.get(0))?)
}

/// The hash of the newest entry (hex), to note down off the machine: a later verify that
/// ends elsewhere shows entries were cut from the end.
pub fn head(conn: &Connection) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get::<_, Vec<u8>>(0),
        )
        .optional()?
        .map(hex::encode))
}

/// Where the chain breaks.
#[derive(Debug, PartialEq, Eq)]
pub struct BrokenEntry {
    /// The sequence number found.
    pub seq: i64,
    /// The sequence number the chain expected there.
    pub expected_seq: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("../../migrations/0001_initial.sql"))
            .unwrap();
        for i in 0..5 {
            append(
                &conn,
                "2026-01-01T00:00:00Z",
                "admin",
                AuditAction::Export,
                &format!("entry {i}"),
            )
            .unwrap();
        }
        conn
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify(&db()).unwrap(), Ok(5));
    }

    #[test]
    fn edits_deletions_and_reordering_break_the_chain() {
        let c = db();
        c.execute("UPDATE audit_log SET detail = 'edited' WHERE seq = 3", [])
            .unwrap();
        assert_eq!(verify(&c).unwrap().unwrap_err().seq, 3);

        let c = db();
        c.execute("DELETE FROM audit_log WHERE seq = 2", [])
            .unwrap();
        assert_eq!(verify(&c).unwrap().unwrap_err().seq, 3);

        let c = db();
        c.execute_batch(
            "UPDATE audit_log SET seq = 100 WHERE seq = 2;
             UPDATE audit_log SET seq = 2 WHERE seq = 3;
             UPDATE audit_log SET seq = 3 WHERE seq = 100;",
        )
        .unwrap();
        assert_eq!(verify(&c).unwrap().unwrap_err().seq, 2);
    }
}
