//! Public counts. Intake never touches `counters`: each new row is marked uncounted and its
//! categories wait here, in RAM. At a wall-clock tick (every `publish_interval_secs`, never at
//! start-up) the waiting tallies fold into `counters` in one transaction that clears the
//! marks, and a rounded snapshot is stored. The HTML page, the JSON and the badge all serve
//! that one snapshot, so they agree and a restart changes nothing.
//!
//! Every published cell is the true count rounded down to a multiple of `min_cell`, or
//! `null` below it; weeks appear once closed and are never revised.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};
use tokio::sync::Notify;

use crate::clock::{Clock, parse_day, week_label};
use crate::config::Config;
use crate::domain::TestimonyId;
use crate::store::{Store, StoreError, StoreResult, counts, testimonies};

/// Why a tick could not publish (its tallies wait for the next one).
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    #[error("the snapshot could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
}

/// A change waiting for the next tick.
#[derive(Clone)]
struct Pending {
    id: TestimonyId,
    day: Date,
    categories: Vec<String>,
    change: Change,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    /// A new (uncounted) row: counted once, unless it is spam by then.
    Fold,
    /// A counted row marked spam or withdrawn: leaves the counts.
    Subtract,
    /// A counted row un-marked as spam: comes back.
    Restore,
}

/// The published figures, exactly the JSON of `/api/v1/counts`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PublicCounts {
    pub published_at: Option<String>,
    pub min_cell: u64,
    pub statements: StatementCounts,
    pub pledges: PledgeCounts,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct StatementCounts {
    pub total: Option<u64>,
    pub by_category: BTreeMap<String, Option<u64>>,
    pub by_week: BTreeMap<String, Option<u64>>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PledgeCounts {
    pub total: Option<u64>,
}

/// One snapshot as served: figures, its id (the ETag) and the JSON body ready to send.
#[derive(Debug)]
pub struct Snapshot {
    pub id: String,
    pub counts: PublicCounts,
    pub json: String,
}

impl Snapshot {
    fn new(id: String, counts: PublicCounts) -> Snapshot {
        let json = serde_json::to_string(&counts).unwrap_or_else(|_| "{}".to_owned());
        Snapshot { id, counts, json }
    }
}

pub struct Publisher {
    store: Store,
    clock: Clock,
    min_cell: u64,
    interval_secs: u64,
    categories: Vec<String>,
    pending: Mutex<Vec<Pending>>,
    latest: RwLock<Arc<Snapshot>>,
    changed: Notify,
    /// Whether a staff unlock has already re-queued the rows left uncounted at start.
    adopted: std::sync::atomic::AtomicBool,
}

/// Rounds down to a multiple of `min_cell`; anything below it (zero included, so a first
/// submission never turns a 0 into "fewer than") is `None`.
pub fn round(count: u64, min_cell: u64) -> Option<u64> {
    if min_cell == 0 || count < min_cell {
        None
    } else {
        Some(count - count % min_cell)
    }
}

impl Publisher {
    /// Loads the last published snapshot; publishes nothing.
    pub fn load(store: Store, config: &Config, clock: Clock) -> StoreResult<Publisher> {
        let categories: Vec<String> = config.categories.iter().map(|c| c.key.clone()).collect();
        let empty = PublicCounts {
            published_at: None,
            min_cell: config.min_cell,
            statements: StatementCounts {
                total: None,
                by_category: categories.iter().map(|k| (k.clone(), None)).collect(),
                by_week: BTreeMap::new(),
            },
            pledges: PledgeCounts { total: None },
        };
        let latest = match store.read_blocking(counts::latest_snapshot)? {
            Some((id, body)) => match serde_json::from_str::<PublicCounts>(&body) {
                Ok(counts) => Snapshot::new(id, counts),
                Err(_) => Snapshot::new("none".to_owned(), empty),
            },
            None => Snapshot::new("none".to_owned(), empty),
        };
        Ok(Publisher {
            store,
            clock,
            min_cell: config.min_cell,
            interval_secs: config.publish_interval_secs,
            categories,
            pending: Mutex::new(Vec::new()),
            latest: RwLock::new(Arc::new(latest)),
            changed: Notify::new(),
            adopted: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The snapshot every public view serves.
    pub fn latest(&self) -> Arc<Snapshot> {
        self.latest
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Called by intake after a testimony's commit: remember it for the next tick.
    pub fn note_testimony(&self, id: TestimonyId, day: Date, categories: Vec<String>) {
        self.queue(Pending {
            id,
            day,
            categories,
            change: Change::Fold,
        });
    }

    /// A counted testimony became spam (or was withdrawn): it leaves the counts at the next
    /// tick. Rows not yet folded need nothing: folding skips spam and deleted rows.
    pub fn note_removed(
        &self,
        id: TestimonyId,
        day: Date,
        categories: Vec<String>,
        was_counted: bool,
    ) {
        if was_counted {
            self.queue(Pending {
                id,
                day,
                categories,
                change: Change::Subtract,
            });
        }
    }

    /// A counted testimony is no longer spam: it comes back at the next tick.
    pub fn note_restored(
        &self,
        id: TestimonyId,
        day: Date,
        categories: Vec<String>,
        was_counted: bool,
    ) {
        if was_counted {
            self.queue(Pending {
                id,
                day,
                categories,
                change: Change::Restore,
            });
        }
    }

    /// After a restart the tallies of uncounted rows are gone with the RAM; the first staff
    /// unlock after start can read their categories again, so they are queued for the next
    /// tick. Decrypts on the blocking pool; returns how many rows were queued (None when an
    /// earlier unlock already did it).
    pub async fn adopt_uncounted(
        &self,
        keys: crate::review::keyring::EpochKeys,
    ) -> StoreResult<Option<usize>> {
        if self.adopted.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return Ok(None);
        }
        let outcome = self.queue_uncounted(keys).await;
        // Not done unless every row opened (a member waiting for a grant opens none): the
        // next unlock tries again; queued folds are deduplicated.
        if !matches!(outcome, Ok((opened, total)) if opened == total) {
            self.adopted
                .store(false, std::sync::atomic::Ordering::SeqCst);
        }
        outcome.map(|(opened, _)| Some(opened))
    }

    /// Queues every uncounted row these keys open; (opened, uncounted rows).
    async fn queue_uncounted(
        &self,
        keys: crate::review::keyring::EpochKeys,
    ) -> StoreResult<(usize, usize)> {
        let rows = self.store.read(testimonies::uncounted).await?;
        let total = rows.len();
        let opened = crate::blocking::run(move || {
            rows.iter()
                .filter_map(|row| {
                    let testimony = keys.open_testimony(row).ok()?;
                    let day = parse_day(&row.received_day).ok()?;
                    Some((row.id, day, testimony.categories.clone()))
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|_| StoreError::Join)?;
        let n = opened.len();
        for (id, day, categories) in opened {
            self.queue(Pending {
                id,
                day,
                categories,
                change: Change::Fold,
            });
        }
        Ok((n, total))
    }

    fn queue(&self, p: Pending) {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        // A row is folded once: recounting after a crash must not queue it twice.
        let duplicate = p.change == Change::Fold
            && pending
                .iter()
                .any(|q| q.id == p.id && q.change == Change::Fold);
        if !duplicate {
            pending.push(p);
        }
        drop(pending);
        self.note_change();
    }

    /// Something countable changed (only matters when publishing at every change).
    pub fn note_change(&self) {
        if self.interval_secs == 0 {
            self.changed.notify_one();
        }
    }

    /// Runs forever: waits for each wall-clock tick (or each change, for interval 0), then
    /// publishes.
    pub async fn run(self: Arc<Self>) {
        loop {
            if self.interval_secs == 0 {
                self.changed.notified().await;
            } else {
                tokio::time::sleep(until_next_tick(self.clock.now().time(), self.interval_secs))
                    .await;
            }
            // A failed tick (a busy or failing disk) is retried a minute later, not a day.
            while let Err(e) = self.tick(self.clock.now().time()).await {
                tracing::error!(error = %e, "publishing the counts failed; retrying in a minute");
                if self.interval_secs == 0 {
                    break;
                }
                tokio::time::sleep(Duration::from_secs(60)).await;
            }
        }
    }

    /// Folds waiting tallies into `counters` and stores a new rounded snapshot, all in one
    /// transaction. On failure the tallies go back to wait for the next tick.
    pub async fn tick(&self, now: OffsetDateTime) -> Result<(), PublishError> {
        let pending = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|p| p.into_inner()));
        let kept = pending.clone();
        let previous = self.latest().counts.clone();
        let (min_cell, categories) = (self.min_cell, self.categories.clone());
        // Publishing at every change (tests): a tick that changed nothing publishes nothing.
        let skip_unchanged = self.interval_secs == 0;
        let folded = self
            .store
            .write(move |conn| {
                fold(
                    conn,
                    &pending,
                    now,
                    &previous,
                    min_cell,
                    &categories,
                    skip_unchanged,
                )
            })
            .await;
        match folded {
            Ok((snapshot, deferred)) => {
                let changed = snapshot.is_some();
                if let Some(snapshot) = snapshot {
                    *self.latest.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(snapshot);
                }
                if !deferred.is_empty() {
                    self.pending
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .extend(deferred);
                }
                // The fold's frames (which rows flipped, which cells moved) leave the WAL.
                // Best effort: the maintenance task checkpoints again within minutes.
                if changed {
                    self.store.checkpoint().await;
                }
                Ok(())
            }
            Err(e) => {
                // Nothing was folded: the tallies wait for the next tick.
                self.pending
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .extend(kept);
                Err(e)
            }
        }
    }
}

fn until_next_tick(now: OffsetDateTime, interval_secs: u64) -> Duration {
    let now_ms = u64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
    let interval_ms = interval_secs.saturating_mul(1000).max(1);
    let next = (now_ms / interval_ms + 1) * interval_ms;
    Duration::from_millis(next - now_ms)
}

/// The transaction of a tick; returns the new snapshot (if one was published) and the new
/// rows it left waiting.
///
/// New rows are folded only in groups of at least `min_cell` rows that will really count
/// (still there, still uncounted, not spam): a tick that folded a single row would let two
/// backups taken around it show that row's categories.
fn fold(
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

/// Rounds the true counts into the published figures.
fn build(
    cells: &BTreeMap<String, u64>,
    now: OffsetDateTime,
    previous: &PublicCounts,
    min_cell: u64,
    categories: &[String],
) -> PublicCounts {
    let cell = |name: &str| cells.get(name).copied().unwrap_or(0);
    let this_week = week_label(now.date());
    let mut by_week = previous.statements.by_week.clone();
    for (name, count) in cells {
        if let Some(week) = name.strip_prefix("week:") {
            // Closed weeks only ("YYYY-Www" sorts in time order), each published once.
            if week < this_week.as_str() && !by_week.contains_key(week) {
                by_week.insert(week.to_owned(), round(*count, min_cell));
            }
        }
    }
    PublicCounts {
        published_at: now
            .replace_nanosecond(0)
            .ok()
            .and_then(|t| t.format(&Rfc3339).ok()),
        min_cell,
        statements: StatementCounts {
            total: round(cell("total"), min_cell),
            by_category: categories
                .iter()
                .map(|k| (k.clone(), round(cell(&format!("category:{k}")), min_cell)))
                .collect(),
            by_week,
        },
        pledges: PledgeCounts {
            total: round(cell("pledge:total"), min_cell),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn rounding_only_moves_in_steps_of_min_cell() {
        assert_eq!(round(0, 10), None);
        assert_eq!(round(9, 10), None);
        assert_eq!(round(10, 10), Some(10));
        assert_eq!(round(19, 10), Some(10));
        assert_eq!(round(20, 10), Some(20));
        for n in 0..1000 {
            if let Some(v) = round(n, 7) {
                assert!(v % 7 == 0 && v >= 7 && v <= n);
            }
        }
    }

    #[test]
    fn ticks_land_on_wall_clock_multiples() {
        let now = datetime!(2026-11-28 23:59:30 UTC);
        assert_eq!(until_next_tick(now, 86_400), Duration::from_secs(30));
        assert_eq!(until_next_tick(now, 60), Duration::from_secs(30));
    }

    #[test]
    fn only_closed_weeks_are_published_and_never_revised() {
        let empty = PublicCounts {
            published_at: None,
            min_cell: 10,
            statements: StatementCounts {
                total: None,
                by_category: BTreeMap::new(),
                by_week: BTreeMap::new(),
            },
            pledges: PledgeCounts { total: None },
        };
        let mut cells = BTreeMap::new();
        cells.insert("total".to_owned(), 45);
        cells.insert("week:2026-W47".to_owned(), 25);
        cells.insert("week:2026-W48".to_owned(), 20);
        cells.insert("category:a".to_owned(), 3);
        let first = build(
            &cells,
            datetime!(2026-11-28 00:00 UTC),
            &empty,
            10,
            &["a".to_owned(), "b".to_owned()],
        );
        assert_eq!(first.statements.total, Some(40));
        assert_eq!(first.statements.by_week.get("2026-W47"), Some(&Some(20)));
        assert!(
            !first.statements.by_week.contains_key("2026-W48"),
            "W48 is still open"
        );
        assert_eq!(first.statements.by_category.get("a"), Some(&None));
        assert_eq!(first.statements.by_category.get("b"), Some(&None));
        // Late rows for W47 do not revise it once published.
        cells.insert("week:2026-W47".to_owned(), 40);
        let second = build(&cells, datetime!(2026-12-01 00:00 UTC), &first, 10, &[]);
        assert_eq!(second.statements.by_week.get("2026-W47"), Some(&Some(20)));
        assert_eq!(second.statements.by_week.get("2026-W48"), Some(&Some(20)));
        assert_eq!(second.published_at.as_deref(), Some("2026-12-01T00:00:00Z"));
    }
}
