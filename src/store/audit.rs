//! The append-only, hash-chained audit log of staff actions:
//! `hash = SHA-256(prev_hash ‖ seq ‖ at ‖ actor ‖ action ‖ detail)` with length-prefixed
//! fields, so editing, deleting or reordering any entry breaks the chain from there on.
//!
//! The statements an entry is about are also listed in `audit_subjects`, so the log can be
//! filtered by statement. An entry about many (a bulk action, an inbox page) stays short:
//! its detail ends with `ids sha256:<digest>` of the sorted ids, which the chain covers and
//! [`verify`] checks against the listed ids; an entry about one names it in the detail.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::StoreResult;
use crate::domain::{AuditAction, TestimonyId};

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

/// Where the digest of an entry's statements starts in its detail.
const IDS_MARK: &str = "ids sha256:";

/// The digest of a set of statement ids (sorted first, so order does not matter).
fn ids_digest(ids: &[TestimonyId]) -> String {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    let mut h = Sha256::new();
    for id in &sorted {
        h.update(id.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Appends one entry about the statements `subjects` (see the module's note on how they
/// are named). Call inside the transaction that performs the action.
pub fn append_about(
    conn: &Connection,
    at: &str,
    actor: &str,
    action: AuditAction,
    detail: &str,
    subjects: &[TestimonyId],
) -> StoreResult<i64> {
    let mut subjects = subjects.to_vec();
    subjects.sort_unstable();
    subjects.dedup();
    // Every entry about statements commits to exactly which, through the digest; an entry
    // about one also names it, for people reading the log.
    let detail = match subjects.as_slice() {
        [] => detail.to_owned(),
        [one] if detail.contains(&one.to_hex()) => detail.to_owned(),
        [one] if detail.is_empty() => one.to_hex(),
        [one] => format!("{} {detail}", one.to_hex()),
        _ => detail.to_owned(),
    };
    let detail = if subjects.is_empty() {
        detail
    } else {
        format!("{detail}; {IDS_MARK}{}", ids_digest(&subjects))
    };
    let seq = append(conn, at, actor, action, &detail)?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO audit_subjects (testimony_id, seq) VALUES (?1, ?2)",
    )?;
    for id in &subjects {
        insert.execute(params![id, seq])?;
    }
    Ok(seq)
}

/// The statements one entry is about, in id order.
pub fn subjects_of(conn: &Connection, seq: i64) -> StoreResult<Vec<TestimonyId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT testimony_id FROM audit_subjects WHERE seq = ?1 ORDER BY testimony_id",
    )?;
    let ids = stmt
        .query_map([seq], |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}

/// Actions whose entries named statements in their detail before `audit_subjects` existed
/// (the migration listed those ids from the words of the detail).
fn named_in_detail(action: &str) -> bool {
    action.starts_with("testimony.") || action == "inbox.view" || action == "export"
}

/// The 32-hex-digit words of a detail, as the migration read them.
fn id_words(detail: &str) -> Vec<TestimonyId> {
    let mut ids: Vec<TestimonyId> = detail
        .split(' ')
        .map(|w| w.trim_end_matches([';', ':', ',']))
        .filter(|w| w.len() == 32)
        .filter_map(|w| TestimonyId::parse_hex(&w.to_ascii_lowercase()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether the statements listed for an entry (sorted) are exactly the ones its detail
/// committed to: through the digest, or — for entries from before the digest — through the
/// ids written in the detail.
fn subjects_match(action: &str, detail: &str, subjects: &[TestimonyId]) -> bool {
    match detail.rsplit_once(IDS_MARK) {
        Some((_, digest)) => !subjects.is_empty() && digest == ids_digest(subjects),
        None if named_in_detail(action) => subjects == id_words(detail).as_slice(),
        None => subjects.is_empty(),
    }
}

/// One entry, if it exists.
pub fn entry(conn: &Connection, seq: i64) -> StoreResult<Option<AuditEntry>> {
    Ok(conn
        .prepare_cached("SELECT seq, at, actor, action, detail FROM audit_log WHERE seq = ?1")?
        .query_row([seq], entry_of)
        .optional()?)
}

fn entry_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        detail: r.get(4)?,
    })
}

/// Appends one entry and returns its sequence number. Call inside the transaction that
/// performs the action, so the action and its record commit together.
pub fn append(
    conn: &Connection,
    at: &str,
    actor: &str,
    action: AuditAction,
    detail: &str,
) -> StoreResult<i64> {
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
    Ok(seq)
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
        // The side table must list exactly what the entry committed to.
        if !subjects_match(&action, &detail, &subjects_of(conn, seq)?) {
            return Ok(Err(BrokenEntry { seq, expected_seq }));
        }
        expected_prev = hash;
        expected_seq += 1;
        count += 1;
    }
    // And it may list nothing for an entry that does not exist (yet).
    let stray: Option<i64> = conn
        .query_row(
            "SELECT min(seq) FROM audit_subjects WHERE seq NOT IN (SELECT seq FROM audit_log)",
            [],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    if let Some(seq) = stray {
        return Ok(Err(BrokenEntry {
            seq,
            expected_seq: expected_seq.min(seq),
        }));
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
    /// Entries about one statement.
    pub testimony: Option<TestimonyId>,
}

/// The filter every audit query shares: ?1 action (or group), ?2 actor, ?3 statement.
const FILTER: &str = "(?1 IS NULL OR action = ?1 OR action LIKE ?1 || '.%') AND (?2 IS NULL OR actor = ?2) \
     AND (?3 IS NULL OR seq IN (SELECT seq FROM audit_subjects WHERE testimony_id = ?3))";

/// One page of entries as `query` asks, newest first; and how many entries match in all.
pub fn page(
    conn: &Connection,
    query: &AuditQuery,
    limit: u32,
) -> StoreResult<(Vec<AuditEntry>, u64)> {
    let filter = FILTER;
    let newer = query.before.is_none() && query.after.is_some();
    let sql = if newer {
        format!(
            "SELECT seq, at, actor, action, detail FROM audit_log
             WHERE {filter} AND seq > ?4 ORDER BY seq ASC LIMIT ?5"
        )
    } else {
        format!(
            "SELECT seq, at, actor, action, detail FROM audit_log
             WHERE {filter} AND (?4 IS NULL OR seq < ?4) ORDER BY seq DESC LIMIT ?5"
        )
    };
    let bound = if newer { query.after } else { query.before };
    let mut rows = conn
        .prepare_cached(&sql)?
        .query_map(
            params![query.action, query.actor, query.testimony, bound, limit],
            entry_of,
        )?
        .collect::<Result<Vec<_>, _>>()?;
    if newer {
        rows.reverse();
    }
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM audit_log WHERE {filter}"))?
        .query_row(params![query.action, query.actor, query.testimony], |r| {
            r.get(0)
        })?;
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
        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE {FILTER} AND seq {} ?4)",
        if older { "<" } else { ">" }
    );
    Ok(conn.prepare_cached(&sql)?.query_row(
        params![query.action, query.actor, query.testimony, seq],
        |r| r.get(0),
    )?)
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
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::connection::migrate(&mut conn).unwrap();
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

    #[test]
    fn an_entry_about_many_statements_is_short_and_its_list_is_checked() {
        let c = db();
        let ids: Vec<TestimonyId> = (0..1000).map(|_| TestimonyId::random().unwrap()).collect();
        let seq = append_about(
            &c,
            "2026-01-01T00:00:00Z",
            "admin",
            AuditAction::TestimonyStatusBulk,
            "status -> spam for 1000 statements",
            &ids,
        )
        .unwrap();
        let detail: String = c
            .query_row("SELECT detail FROM audit_log WHERE seq = ?1", [seq], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(detail.len() < 120, "{detail}");
        assert_eq!(subjects_of(&c, seq).unwrap().len(), 1000);
        assert_eq!(verify(&c).unwrap(), Ok(6));
        let one = ids[0];
        let query = AuditQuery {
            testimony: Some(one),
            ..AuditQuery::default()
        };
        assert_eq!(page(&c, &query, 10).unwrap().1, 1);
        // Taking a statement off the list (or adding one) breaks the check.
        c.execute("DELETE FROM audit_subjects WHERE testimony_id = ?1", [one])
            .unwrap();
        assert_eq!(verify(&c).unwrap().unwrap_err().seq, seq);
    }

    #[test]
    fn an_entry_about_one_statement_commits_to_it_too() {
        let c = db();
        let (one, other) = (
            TestimonyId::random().unwrap(),
            TestimonyId::random().unwrap(),
        );
        let seq = append_about(
            &c,
            "2026-01-01T00:00:00Z",
            "admin",
            AuditAction::TestimonyView,
            "",
            &[one],
        )
        .unwrap();
        assert_eq!(verify(&c).unwrap(), Ok(6));
        // Unlisting a read (hiding who read it) is caught...
        c.execute("DELETE FROM audit_subjects WHERE seq = ?1", [seq])
            .unwrap();
        assert_eq!(verify(&c).unwrap().unwrap_err().seq, seq);
        c.execute(
            "INSERT INTO audit_subjects (testimony_id, seq) VALUES (?1, ?2)",
            params![one, seq],
        )
        .unwrap();
        assert_eq!(verify(&c).unwrap(), Ok(6));
        // ...and so is a statement listed for an entry that never named it, or for one
        // that does not exist yet.
        c.execute(
            "INSERT INTO audit_subjects (testimony_id, seq) VALUES (?1, 2)",
            params![other],
        )
        .unwrap();
        assert_eq!(verify(&c).unwrap().unwrap_err().seq, 2);
        c.execute("DELETE FROM audit_subjects WHERE seq = 2", [])
            .unwrap();
        c.execute(
            "INSERT INTO audit_subjects (testimony_id, seq) VALUES (?1, 99)",
            params![other],
        )
        .unwrap();
        assert_eq!(verify(&c).unwrap().unwrap_err().seq, 99);
    }

    #[test]
    fn entries_from_before_the_list_are_checked_against_their_words() {
        let (a, b) = (
            TestimonyId::random().unwrap(),
            TestimonyId::random().unwrap(),
        );
        let detail = format!("2 -> spam: {a} {b}");
        let mut both = vec![a, b];
        both.sort_unstable();
        assert!(subjects_match("testimony.status.bulk", &detail, &both));
        assert!(!subjects_match(
            "testimony.status.bulk",
            &detail,
            &both[..1]
        ));
        assert!(!subjects_match("testimony.status.bulk", &detail, &[]));
        assert!(subjects_match("login.success", "", &[]));
        assert!(!subjects_match("staff.grant", &format!("{a}"), &[a]));
    }
}
