//! The `testimonies` table: random id, received day, epoch, status and the ciphertext —
//! nothing on a row says what the testimony is about — and the `uncounted` table, which
//! marks the rows not yet folded into the public counts. Rows sit at a `place` made of their
//! day and random bits (see `insert` and migration 0010), so a day's rows share a region of
//! the file and a statement fits its page plus one overflow page.

use rusqlite::{Connection, OptionalExtension, params};

use super::{StoreError, StoreResult};
use crate::domain::{EpochId, StaffId, Status, TestimonyId};

/// A sealed testimony as stored.
#[derive(Clone, Debug)]
pub struct StoredTestimony {
    pub id: TestimonyId,
    pub received_day: String,
    pub epoch_id: EpochId,
    pub status: Status,
    pub uncounted: bool,
    pub ciphertext: Vec<u8>,
    /// Present when the survivor asked for a receipt code (derived from it; see `crypto::receipt`).
    pub receipt: Option<Receipt>,
}

/// What a receipt code leaves on its row: nothing that opens anything without the code.
#[derive(Clone, Debug)]
pub struct Receipt {
    pub tag: Vec<u8>,
    pub reply_public_key: Vec<u8>,
    /// The categories and day, sealed to the code's key (so a withdrawal can uncount them).
    pub sealed_box: Vec<u8>,
    /// Derived from the code's words in any order (codes from before it have none; it is
    /// only written, never read back with the row).
    pub order_free_tag: Option<Vec<u8>>,
}

/// Tries at a new place before giving up (two rows of one day draw the same 40 bits about
/// once in a trillion).
const PLACE_TRIES: usize = 4;

/// The low bits of a place: 40 random bits below the day.
const PLACE_BITS: u64 = (1 << 40) - 1;

/// Inserts a new, uncounted testimony. (Intake checks, in the same transaction, that its
/// epoch is still the newest.)
///
/// Its place (the table's key) is its day in the high bits and 40 bits from `draw` below:
/// the day's rows share one region of the file, in no order of arrival. The service draws
/// them from the OS generator (SQLite's own `random()` is a ChaCha20 stream that never
/// rekeys: whoever captured the process's memory could replay it, and so order the day's
/// rows); a taken place is drawn again.
pub fn insert(
    conn: &Connection,
    row: &StoredTestimony,
    mut draw: impl FnMut() -> Option<u64>,
) -> StoreResult<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO testimonies (place, id, received_day, epoch_id, status, ciphertext,
                                  receipt_tag, reply_public_key, receipt_box,
                                  receipt_order_free_tag)
         VALUES ((CAST(julianday(?2) AS INTEGER) << 40) | ?10,
                 ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut tries = 0;
    loop {
        let bits = draw().ok_or(StoreError::Random)? & PLACE_BITS;
        let values = params![
            row.id,
            row.received_day,
            row.epoch_id,
            row.status,
            row.ciphertext,
            row.receipt.as_ref().map(|r| &r.tag),
            row.receipt.as_ref().map(|r| &r.reply_public_key),
            row.receipt.as_ref().map(|r| &r.sealed_box),
            row.receipt.as_ref().and_then(|r| r.order_free_tag.as_ref()),
            i64::try_from(bits).unwrap_or(0),
        ];
        match insert.execute(values) {
            Ok(_) => break,
            Err(e) if is_place_taken(&e) && tries + 1 < PLACE_TRIES => tries += 1,
            Err(e) => return Err(e.into()),
        }
    }
    if row.uncounted {
        conn.prepare_cached("INSERT INTO uncounted (id) VALUES (?1)")?
            .execute([row.id])?;
    }
    Ok(())
}

/// Whether an insert failed only because its place was taken (not its id, nor anything else).
fn is_place_taken(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredTestimony> {
    Ok(StoredTestimony {
        id: r.get(0)?,
        received_day: r.get(1)?,
        epoch_id: r.get(2)?,
        status: r.get(3)?,
        uncounted: r.get(4)?,
        ciphertext: r.get(5)?,
        receipt: match (r.get::<_, Option<Vec<u8>>>(6)?, r.get(7)?, r.get(8)?) {
            (Some(tag), Some(reply_public_key), Some(sealed_box)) => Some(Receipt {
                tag,
                reply_public_key,
                sealed_box,
                order_free_tag: None,
            }),
            _ => None,
        },
    })
}

const COLUMNS: &str = "id, received_day, epoch_id, status, \
     EXISTS (SELECT 1 FROM uncounted u WHERE u.id = testimonies.id), \
     ciphertext, receipt_tag, reply_public_key, receipt_box";

pub fn get(conn: &Connection, id: &TestimonyId) -> StoreResult<Option<StoredTestimony>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM testimonies WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// A testimony's status, if it exists (without reading its ciphertext).
pub fn status_of(conn: &Connection, id: &TestimonyId) -> StoreResult<Option<Status>> {
    Ok(conn
        .prepare_cached("SELECT status FROM testimonies WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Every testimony, newest day first (ids within a day are random, so that order says nothing).
pub fn all(conn: &Connection) -> StoreResult<Vec<StoredTestimony>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM testimonies ORDER BY received_day DESC, id DESC"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Up to `limit` rows received on `day` that are not spam, in id order after `after` (a
/// flood arrives on a day; it is read in batches, never all at once).
pub fn on_day_after(
    conn: &Connection,
    day: &str,
    after: Option<&TestimonyId>,
    limit: u32,
) -> StoreResult<Vec<StoredTestimony>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM testimonies
         WHERE received_day = ?1 AND id > ?2 AND status != ?3 ORDER BY id LIMIT ?4"
    ))?;
    let after: &[u8] = after.map_or(&[], |id| id.as_bytes());
    let rows = stmt
        .query_map(params![day, after, Status::Spam, limit], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The rows with these ids that still exist.
pub fn some(conn: &Connection, ids: &[TestimonyId]) -> StoreResult<Vec<StoredTestimony>> {
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(row) = get(conn, id)? {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Rows a crash left uncounted (their tallies were only in RAM).
pub fn uncounted(conn: &Connection) -> StoreResult<Vec<StoredTestimony>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM testimonies WHERE id IN (SELECT id FROM uncounted)"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many rows a crash left uncounted.
pub fn count_uncounted(conn: &Connection) -> StoreResult<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM uncounted", [], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// True if folding this row now would count it: it is still marked (a deleted row's mark
/// goes with it, and marking a row spam clears its mark) and its status is not `excluded`
/// (`new` when only reviewed testimonies count; spam never carries a mark).
pub fn would_count(
    conn: &Connection,
    id: &TestimonyId,
    excluded: Option<Status>,
) -> StoreResult<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM uncounted u JOIN testimonies t ON t.id = u.id
             WHERE u.id = ?1 AND t.status IS NOT ?2)",
        )?
        .query_row(params![id, excluded], |r| r.get(0))?)
}

/// Clears the mark; true if this call was the one that counted the row (it was still
/// marked), so a row is never counted twice.
pub fn mark_counted(conn: &Connection, id: &TestimonyId) -> StoreResult<bool> {
    let cleared = conn
        .prepare_cached("DELETE FROM uncounted WHERE id = ?1")?
        .execute([id])?;
    Ok(cleared > 0)
}

pub fn count(conn: &Connection) -> StoreResult<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM testimonies", [], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// One inbox page, newest day first (ids within a day are random, so their order says
/// nothing): rows strictly after `cursor` (day, id) in that order.
pub fn page(
    conn: &Connection,
    status: Option<Status>,
    cursor: Option<(&str, &TestimonyId)>,
    limit: u32,
) -> StoreResult<Vec<StoredTestimony>> {
    page_where(
        conn,
        &PageQuery {
            status,
            cursor,
            ..PageQuery::default()
        },
        limit,
    )
}

/// What an inbox page asks SQL for: the filters it can apply on plain columns and the
/// casework tables, and where the page starts.
#[derive(Clone, Copy, Default)]
pub struct PageQuery<'a> {
    pub status: Option<Status>,
    /// One received day, `YYYY-MM-DD`.
    pub day: Option<&'a str>,
    /// Only statements whose author kept a receipt code.
    pub has_code: bool,
    /// Only statements whose author wrote last (a follow-up not yet answered).
    pub needs_reply: bool,
    /// Only statements assigned to this staff member.
    pub assignee: Option<&'a StaffId>,
    /// Only statements carrying one of these label tags (none matches an empty list).
    pub label_tags: Option<&'a [Vec<u8>]>,
    pub cursor: Option<(&'a str, &'a TestimonyId)>,
    /// Rows newer than the cursor, nearest first (the caller turns them round); otherwise
    /// rows older than it, newest first.
    pub newer: bool,
}

impl PageQuery<'_> {
    /// The `WHERE` clause (fixed fragments only; every value is bound) and its values.
    fn filter(&self, with_cursor: bool) -> (String, Vec<&dyn rusqlite::ToSql>) {
        let mut sql = String::from("WHERE 1 = 1");
        let mut values: Vec<&dyn rusqlite::ToSql> = Vec::new();
        if let Some(status) = &self.status {
            sql.push_str(" AND status = ?");
            values.push(status);
        }
        if let Some(day) = &self.day {
            sql.push_str(" AND received_day = ?");
            values.push(day);
        }
        if self.has_code {
            sql.push_str(" AND receipt_tag IS NOT NULL");
        }
        if self.needs_reply {
            sql.push_str(" AND id IN (SELECT id FROM awaiting_reply)");
        }
        if let Some(staff) = &self.assignee {
            sql.push_str(" AND id IN (SELECT testimony_id FROM assignments WHERE staff_id = ?)");
            values.push(*staff);
        }
        if let Some(tags) = self.label_tags {
            if tags.is_empty() {
                sql.push_str(" AND 0");
            } else {
                sql.push_str(" AND id IN (SELECT testimony_id FROM label_index WHERE tag IN (");
                sql.push_str(&vec!["?"; tags.len()].join(", "));
                sql.push_str("))");
                for tag in tags {
                    values.push(tag);
                }
            }
        }
        if let (true, Some((day, id))) = (with_cursor, &self.cursor) {
            sql.push_str(if self.newer {
                " AND (received_day, id) > (?, ?)"
            } else {
                " AND (received_day, id) < (?, ?)"
            });
            values.push(day);
            values.push(*id);
        }
        (sql, values)
    }
}

/// One page of rows as `query` asks; each shape is a plain range on an index
/// (`received_day, id`, or `status, received_day, id`), so page 2,000 costs what page 1 does.
pub fn page_where(
    conn: &Connection,
    query: &PageQuery,
    limit: u32,
) -> StoreResult<Vec<StoredTestimony>> {
    let (filter, mut values) = query.filter(true);
    let order = if query.newer { "ASC" } else { "DESC" };
    values.push(&limit);
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM testimonies {filter}
             ORDER BY received_day {order}, id {order} LIMIT ?"
        ))?
        .query_map(values.as_slice(), from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many rows match `query`'s filters, and how many of those are newer than `first`
/// (so a page can say "51–100 of 1,234").
pub fn position(
    conn: &Connection,
    query: &PageQuery,
    first: Option<(&str, &TestimonyId)>,
) -> StoreResult<(u64, u64)> {
    let (filter, values) = query.filter(false);
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM testimonies {filter}"))?
        .query_row(values.as_slice(), |r| r.get(0))?;
    let newer: i64 = match first {
        None => 0,
        Some((day, id)) => {
            let mut values = values;
            values.push(&day);
            values.push(id);
            conn.prepare_cached(&format!(
                "SELECT count(*) FROM testimonies {filter} AND (received_day, id) > (?, ?)"
            ))?
            .query_row(values.as_slice(), |r| r.get(0))?
        }
    };
    Ok((
        u64::try_from(total).unwrap_or(0),
        u64::try_from(newer).unwrap_or(0),
    ))
}

/// How many testimonies have each status.
pub fn status_counts(conn: &Connection) -> StoreResult<Vec<(Status, i64)>> {
    let mut stmt =
        conn.prepare_cached("SELECT status, count(*) FROM testimonies GROUP BY status")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Changes a status; the previous one if the row exists.
pub fn set_status(
    conn: &Connection,
    id: &TestimonyId,
    status: Status,
) -> StoreResult<Option<Status>> {
    let previous: Option<Status> = conn
        .query_row("SELECT status FROM testimonies WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    if previous.is_some() {
        conn.execute(
            "UPDATE testimonies SET status = ?2 WHERE id = ?1",
            params![id, status],
        )?;
        // Spam never needs counting: its mark goes now, so a tick only ever reads the
        // narrow `uncounted` table. (Taken out of spam later, it comes back as a counted row.)
        if status.is_spam() {
            conn.prepare_cached("DELETE FROM uncounted WHERE id = ?1")?
                .execute([id])?;
        }
    }
    Ok(previous)
}

/// Opening a new testimony marks it read — only if it is still new, decided in this
/// transaction (another session may have changed it meanwhile). Returns whether it changed,
/// and if so whether it still waits to be counted for the first time.
pub fn mark_read_if_new(conn: &Connection, id: &TestimonyId) -> StoreResult<Option<bool>> {
    let changed = conn
        .prepare_cached("UPDATE testimonies SET status = ?2 WHERE id = ?1 AND status = ?3")?
        .execute(params![id, Status::Read, Status::New])?;
    if changed == 0 {
        return Ok(None);
    }
    Ok(Some(
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM uncounted WHERE id = ?1)")?
            .query_row([id], |r| r.get(0))?,
    ))
}

/// Hard-deletes a testimony and its thread (the messages explicitly, not left to the
/// foreign key's cascade). True if it existed.
/// Labels and casework rows go with it (foreign keys), and so does the sealed text of a
/// label no other statement carries.
pub fn delete(conn: &Connection, id: &TestimonyId) -> StoreResult<bool> {
    conn.execute("DELETE FROM messages WHERE testimony_id = ?1", [id])?;
    let gone = conn.execute("DELETE FROM testimonies WHERE id = ?1", [id])? == 1;
    super::labels::forget_unused(conn)?;
    Ok(gone)
}

/// Deletes everything received before `day` (retention); how many went.
pub fn delete_before(conn: &Connection, day: &str) -> StoreResult<usize> {
    conn.execute(
        "DELETE FROM messages WHERE testimony_id IN (SELECT id FROM testimonies WHERE received_day < ?1)",
        [day],
    )?;
    let gone = conn.execute("DELETE FROM testimonies WHERE received_day < ?1", [day])?;
    super::labels::forget_unused(conn)?;
    Ok(gone)
}

/// The testimony a receipt code's lookup tag points to.
pub fn by_receipt_tag(conn: &Connection, tag: &[u8]) -> StoreResult<Option<StoredTestimony>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM testimonies WHERE receipt_tag = ?1"
        ))?
        .query_row([tag], from_row)
        .optional()?)
}

/// Whether a testimony's code has these words in some order (the order-free tag).
pub fn has_receipt_words(conn: &Connection, order_free_tag: &[u8]) -> StoreResult<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM testimonies WHERE receipt_order_free_tag = ?1)",
        )?
        .query_row([order_free_tag], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::connection::migrate(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO epoch_keys (id, generation, public_key, created_at)
             VALUES (?1, 1, x'02', '2026-12-01')",
            [EpochId::from_bytes([1; 16])],
        )
        .unwrap();
        conn
    }

    fn row(n: u16, day: &str) -> StoredTestimony {
        let mut id = [0u8; 16];
        id[..2].copy_from_slice(&n.to_be_bytes());
        StoredTestimony {
            id: TestimonyId::from_bytes(id),
            received_day: day.to_owned(),
            epoch_id: EpochId::from_bytes([1; 16]),
            status: Status::New,
            uncounted: true,
            ciphertext: vec![0xee; 5300],
            receipt: None,
        }
    }

    fn os_bits() -> Option<u64> {
        let mut b = [0u8; 8];
        getrandom::fill(&mut b).ok()?;
        Some(u64::from_le_bytes(b))
    }

    fn place(conn: &Connection, id: &TestimonyId) -> i64 {
        conn.query_row("SELECT place FROM testimonies WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
    }

    #[test]
    fn a_days_rows_share_its_region_in_no_order_of_arrival() {
        let conn = db();
        let rows: Vec<StoredTestimony> = (0..400).map(|n| row(n, "2026-12-07")).collect();
        for r in &rows {
            insert(&conn, r, os_bits).unwrap();
        }
        let day: i64 = conn
            .query_row("SELECT CAST(julianday('2026-12-07') AS INTEGER)", [], |r| {
                r.get(0)
            })
            .unwrap();
        let places: Vec<i64> = rows.iter().map(|r| place(&conn, &r.id)).collect();
        assert!(places.iter().all(|p| p >> 40 == day));
        // In the order they arrived, a row's place is above the one before about half the
        // time: the key keeps no order.
        let rising = places.windows(2).filter(|w| w[0] < w[1]).count();
        assert!((150..250).contains(&rising), "{rising} of 399 rising");
        let next_day = row(1000, "2026-12-08");
        insert(&conn, &next_day, os_bits).unwrap();
        assert!(place(&conn, &next_day.id) > *places.iter().max().unwrap());
    }

    #[test]
    fn a_taken_place_is_drawn_again_and_a_run_of_bad_luck_refused() {
        let conn = db();
        let day = "2026-12-07";
        insert(&conn, &row(1, day), || Some(5)).unwrap();
        let mut draws = [5u64, 5, 6].into_iter();
        insert(&conn, &row(2, day), || draws.next()).unwrap();
        assert_eq!(place(&conn, &row(2, day).id) & PLACE_BITS as i64, 6);
        assert!(insert(&conn, &row(3, day), || Some(5)).is_err());
        assert!(
            insert(&conn, &row(4, day), || None).is_err(),
            "no randomness, no row"
        );
        // The high bits are never touched by what is drawn.
        insert(&conn, &row(5, day), || Some(u64::MAX)).unwrap();
        assert_eq!(
            place(&conn, &row(5, day).id) & PLACE_BITS as i64,
            PLACE_BITS as i64
        );
    }

    #[test]
    fn a_taken_place_is_told_apart_from_a_taken_id() {
        let conn = db();
        let put = |place: i64, id: u8| {
            conn.execute(
                "INSERT INTO testimonies (place, id, received_day, epoch_id, ciphertext)
                 VALUES (?1, ?2, '2026-12-07', ?3, x'00')",
                params![place, vec![id], EpochId::from_bytes([1; 16])],
            )
        };
        put(5, 1).unwrap();
        assert!(is_place_taken(&put(5, 2).unwrap_err()));
        assert!(!is_place_taken(&put(6, 1).unwrap_err()));
    }
}
