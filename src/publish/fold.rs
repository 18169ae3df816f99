//! The transaction of one tick: waiting tallies fold into `counters`, the marks on the rows
//! they counted are cleared, waiting pledges are added, and a new rounded snapshot is stored
//! — all or nothing.

use time::{Date, OffsetDateTime};

use super::publisher::PublishError;
use super::snapshot::{PublicCounts, Snapshot, build};
use crate::clock::week_label;
use crate::domain::TestimonyId;
use crate::store::{counts, testimonies};

/// A change waiting for the next tick.
#[derive(Clone)]
pub(super) struct Pending {
    pub id: TestimonyId,
    pub day: Date,
    pub categories: Vec<String>,
    pub change: Change,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    /// A new (uncounted) row: counted once, unless it is spam by then.
    Fold,
    /// A counted row marked spam or withdrawn: leaves the counts.
    Subtract,
    /// A counted row un-marked as spam: comes back.
    Restore,
}

/// The transaction of a tick; returns the new snapshot (if one was published) and the new
/// rows it left waiting.
///
/// New rows are folded only in groups of at least `min_cell` rows that will really count
/// (still there, still uncounted, not spam): a tick that folded a single row would let two
/// backups taken around it show that row's categories.
pub(super) fn fold(
    conn: &rusqlite::Connection,
    pending: &[Pending],
    now: OffsetDateTime,
    previous: &PublicCounts,
    min_cell: u64,
    categories: &[String],
    skip_unchanged: bool,
) -> Result<(Option<Snapshot>, Vec<Pending>), PublishError> {
    let mut eligible = 0u64;
    for p in pending.iter().filter(|p| p.change == Change::Fold) {
        if testimonies::would_count(conn, &p.id)? {
            eligible += 1;
        }
    }
    let defer = eligible < min_cell;
    let mut deferred = Vec::new();
    for p in pending {
        let delta: i64 = match p.change {
            Change::Fold if defer => {
                deferred.push(p.clone());
                0
            }
            // Skips rows deleted meanwhile, rows already counted, and spam.
            Change::Fold => i64::from(testimonies::mark_counted(conn, &p.id)?),
            Change::Subtract => -1,
            Change::Restore => 1,
        };
        if delta == 0 {
            continue;
        }
        counts::adjust(conn, "total", delta)?;
        counts::adjust(conn, &format!("week:{}", week_label(p.day)), delta)?;
        for c in &p.categories {
            counts::adjust(conn, &format!("category:{c}"), delta)?;
        }
    }
    for (key, n) in counts::take_pledges(conn)? {
        counts::add(conn, "pledge:total", n)?;
        if !key.is_empty() {
            counts::add(conn, &format!("pledge:{key}"), n)?;
        }
    }
    let cells = counts::all(conn)?;
    let counts = build(&cells, now, previous, min_cell, categories);
    let unchanged = previous.published_at.is_some()
        && counts.statements == previous.statements
        && counts.pledges == previous.pledges;
    if skip_unchanged && unchanged {
        return Ok((None, deferred));
    }
    let id = crate::crypto::random::token_hex()
        .map(|t| t.chars().take(32).collect::<String>())
        .unwrap_or_else(|_| format!("{}", now.unix_timestamp()));
    let body = serde_json::to_string(&counts)?;
    counts::insert_snapshot(
        conn,
        &id,
        counts.published_at.as_deref().unwrap_or_default(),
        &body,
    )?;
    Ok((
        Some(Snapshot {
            id,
            counts,
            json: body,
        }),
        deferred,
    ))
}
