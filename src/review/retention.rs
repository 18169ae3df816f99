//! Retention: testimonies older than the configured age are deleted (audited), by
//! `chorus purge` and by a daily task. Counts are history and stay.

use rusqlite::Connection;
use time::{Duration, OffsetDateTime};

use crate::store::{StoreResult, audit, testimonies};

/// The first day kept when keeping `days` days.
pub fn cutoff_day(now: OffsetDateTime, days: u32) -> String {
    crate::publish::day_string((now - Duration::days(i64::from(days))).date())
}

/// Deletes what is older than `days` days; how many went.
pub fn purge(
    conn: &Connection,
    days: u32,
    now: OffsetDateTime,
    actor: &str,
    at: &str,
) -> StoreResult<usize> {
    let cutoff = cutoff_day(now, days);
    let deleted = testimonies::delete_before(conn, &cutoff)?;
    if deleted > 0 {
        audit::append(
            conn,
            at,
            actor,
            "retention.purge",
            &format!("{deleted} received before {cutoff}"),
        )?;
    }
    Ok(deleted)
}
