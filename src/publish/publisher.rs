//! The running publisher: what changed since the last tick waits here in RAM (never on a
//! row), each wall-clock tick folds it in (see `fold`), and the latest snapshot is what
//! every public view serves.

use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use time::{Date, OffsetDateTime};
use tokio::sync::Notify;

use super::error::PublishError;
use super::fold::{Change, Pending, Release, Waiting, fold_chunk, publish};
use super::log::{self, Log};
use super::privacy::Budget;
use super::published::PublicCounts;
use super::snapshot::Snapshot;
use super::tile::Tile;
use crate::clock::Clock;
use crate::config::{Config, CountPolicy};
use crate::crypto::publication::PublicationKey;
use crate::domain::Status;
use crate::domain::TestimonyId;
use crate::store::testimonies::StoredTestimony;
use crate::store::witness as witness_store;
use crate::store::{Store, StoreError, StoreResult, counts, settings, testimonies};

/// Whether a testimony with this status is in the counts under `policy`.
fn counted(policy: CountPolicy, status: Status) -> bool {
    match policy {
        CountPolicy::Received => status != Status::Spam,
        CountPolicy::Reviewed => !matches!(status, Status::New | Status::Spam),
    }
}

/// What the counts need of a statement: the day it arrived and the categories it names.
pub type Tally = (Date, Vec<String>);

/// History lines per page of `/api/v1/counts/history`.
pub const HISTORY_PAGE: u32 = 1000;

pub struct Publisher {
    store: Store,
    clock: Clock,
    interval_secs: u64,
    policy: CountPolicy,
    release: Arc<Release>,
    pending: Mutex<Waiting>,
    latest: RwLock<Arc<Snapshot>>,
    /// The transparency log of every signed snapshot (`/log/`).
    log: RwLock<Log>,
    /// The log's size, for whoever asks witnesses to cosign each new checkpoint.
    log_size: tokio::sync::watch::Sender<u64>,
    changed: Notify,
    /// Whether a staff unlock has already re-queued the rows left uncounted at start.
    adopted: std::sync::atomic::AtomicBool,
}

impl Publisher {
    /// Loads the last published snapshot; publishes nothing.
    pub fn load(store: Store, config: &Config, clock: Clock) -> StoreResult<Publisher> {
        let categories: Vec<String> = config.categories.iter().map(|c| c.key.clone()).collect();
        let empty = PublicCounts::empty(config.min_cell, &categories);
        let latest = match store.read_blocking(counts::latest_snapshot)? {
            Some((id, body, signed)) => match serde_json::from_str::<PublicCounts>(&body) {
                Ok(counts) => Snapshot::new(id, counts, signed),
                Err(_) => Snapshot::new("none".to_owned(), empty, None),
            },
            None => Snapshot::new("none".to_owned(), empty, None),
        };
        let latest = latest.due_next(next_publication(
            clock.now().time(),
            config.publish_interval_secs,
        ));
        let mut log = Log::new(config.log_origin());
        for envelope in store.read_blocking(counts::signed_envelopes)? {
            if let Err(e) = log.append(&envelope) {
                tracing::error!(error = %e, "a snapshot could not join the transparency log");
            }
        }
        log.sign(stored_key(
            store.read_blocking(settings::stored_publication_seed)?,
        ));
        for (witness, size, line) in store.read_blocking(witness_store::cosignatures)? {
            log.cosigned(&witness, size, &line);
        }
        let (log_size, _) = tokio::sync::watch::channel(log.size());
        Ok(Publisher {
            store,
            clock,
            interval_secs: config.publish_interval_secs,
            policy: config.count_policy,
            release: Arc::new(Release {
                min_cell: config.min_cell,
                categories,
                budget: Budget::new(config.noise_milli_epsilon()),
            }),
            pending: Mutex::new(Waiting::default()),
            latest: RwLock::new(Arc::new(latest)),
            log: RwLock::new(log),
            log_size,
            changed: Notify::new(),
            adopted: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Signed snapshots after `after` (seq, published at, hash), oldest first, a page of
    /// [`HISTORY_PAGE`] at a time: enough for anyone to mirror the whole chain.
    pub async fn history(&self, after: u64) -> StoreResult<Vec<counts::HistoryLine>> {
        self.store
            .read(move |conn| counts::history(conn, after, HISTORY_PAGE))
            .await
    }

    /// The signed envelope of snapshot `seq`, if there is one.
    pub async fn signed(&self, seq: u64) -> StoreResult<Option<String>> {
        self.store
            .read(move |conn| counts::signed_snapshot(conn, seq))
            .await
    }

    /// The publication key's public half (hex), made now if nothing was published yet.
    pub async fn publication_key(&self) -> Result<String, PublishError> {
        let key = self.store.write(super::fold::publication_key).await?;
        Ok(key.public_hex())
    }

    /// The verifier key of the publication key under the log's origin (C2SP `signed-note`),
    /// made now if nothing was published yet.
    pub async fn verifier_key(&self) -> Result<String, PublishError> {
        let key = self.store.write(super::fold::publication_key).await?;
        let origin = self.log().origin().to_owned();
        Ok(crate::crypto::note::verifier_key(&origin, &key))
    }

    fn log(&self) -> std::sync::RwLockReadGuard<'_, Log> {
        self.log.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The log's signed checkpoint with its cosignatures; none before the first
    /// publication.
    pub fn checkpoint(&self) -> Option<String> {
        self.log().cosigned_checkpoint()
    }

    /// The log's size and its signed checkpoint without cosignatures (what witnesses are
    /// asked to cosign).
    pub fn bare_checkpoint(&self) -> Option<(u64, String)> {
        let log = self.log();
        log.checkpoint().map(|note| (log.size(), note.to_owned()))
    }

    /// The proof that the log at `old` entries is a prefix of the log at `new`.
    pub fn consistency_proof(
        &self,
        old: u64,
        new: u64,
    ) -> Result<Vec<crate::crypto::merkle::Hash>, crate::crypto::merkle::ProofError> {
        self.log().tree().consistency_proof(old, new)
    }

    /// Serves witness `witness`'s cosignature (already verified and stored) with the
    /// checkpoint of `size`.
    pub fn add_cosignature(&self, witness: &str, size: u64, line: &str) {
        let mut log = self.log.write().unwrap_or_else(|p| p.into_inner());
        log.cosigned(witness, size, line);
    }

    /// Each witness and the log size it last cosigned.
    pub fn cosigned_sizes(&self) -> Vec<(String, u64)> {
        self.log().cosigned_sizes()
    }

    /// Wakes when the log grows.
    pub fn log_growth(&self) -> tokio::sync::watch::Receiver<u64> {
        self.log_size.subscribe()
    }

    /// A tile of the log's hashes, if the log holds it.
    pub fn hash_tile(&self, tile: &Tile) -> Option<Vec<u8>> {
        self.log().hash_tile(tile)
    }

    /// A tile of the log's entries, read from the database and checked against the tree.
    pub async fn entry_tile(&self, tile: &Tile) -> Result<Option<Vec<u8>>, PublishError> {
        let Some((seqs, leaves)) = self.log().entry_span(tile) else {
            return Ok(None);
        };
        let (Some(&first), Some(&last)) = (seqs.first(), seqs.last()) else {
            return Ok(None);
        };
        let rows = self
            .store
            .read(move |conn| counts::signed_between(conn, first, last))
            .await?;
        // Only the snapshots the log holds (one that could not join it is left out).
        let entries: Vec<String> = rows
            .into_iter()
            .filter(|(seq, _)| seqs.binary_search(seq).is_ok())
            .map(|(_, envelope)| envelope)
            .collect();
        log::bundle(&entries, &leaves)
            .map(Some)
            .ok_or(PublishError::LogMismatch)
    }

    /// Adds a new signed snapshot to the log and signs its checkpoint.
    async fn extend_log(&self, envelope: &str) {
        let has_key = self.log().checkpoint().is_some();
        let key = match has_key {
            true => None,
            false => self
                .store
                .read(settings::stored_publication_seed)
                .await
                .ok()
                .and_then(stored_key),
        };
        let size = {
            let mut log = self.log.write().unwrap_or_else(|p| p.into_inner());
            if let Err(e) = log.append(envelope) {
                tracing::error!(error = %e, "a snapshot could not join the transparency log");
            }
            log.sign(key);
            log.size()
        };
        self.log_size.send_replace(size);
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

    /// Refuses a counting policy other than the one the stored counts were built under
    /// (recording it on a deployment with no statements yet). Run once before serving.
    pub async fn check_policy(&self) -> StoreResult<()> {
        let policy = self.policy.key();
        self.store
            .write(move |conn| crate::store::settings::check_count_policy(conn, policy))
            .await
    }

    /// What the counts count.
    pub fn policy(&self) -> CountPolicy {
        self.policy
    }

    /// Whether a row is in the counts now: folded (its mark cleared) and counted under the
    /// policy. Spam carries no mark, and is never counted.
    pub fn is_counted(&self, status: Status, marked: bool) -> bool {
        !marked && counted(self.policy, status)
    }

    /// A testimony's status changed from `before` to `after`; `marked` says whether it was
    /// still waiting to be counted for the first time. If that moves it into or out of the
    /// counts, the change waits for the next tick. Needs the categories only then.
    pub fn note_status_change(
        &self,
        id: TestimonyId,
        day: Date,
        categories: Vec<String>,
        (before, after): (Status, Status),
        marked: bool,
    ) {
        let (was, will) = (counted(self.policy, before), counted(self.policy, after));
        if was == will {
            return;
        }
        let change = match (will, marked) {
            // Entering, never folded yet: folded now (it kept its mark).
            (true, true) => Change::Fold,
            // Entering again after leaving (or after spam cleared its mark).
            (true, false) => Change::Restore,
            // Leaving after being counted.
            (false, false) => Change::Subtract,
            // Leaving before it was ever counted: folding will skip it.
            (false, true) => return,
        };
        self.queue(Pending {
            id,
            day,
            categories,
            change,
        });
    }

    /// True if a status change from `before` to `after` moves a row into or out of the
    /// counts (and so needs its categories).
    pub fn moves_counts(&self, before: Status, after: Status) -> bool {
        counted(self.policy, before) != counted(self.policy, after)
    }

    /// A counted testimony was withdrawn: it leaves the counts at the next tick. Rows not
    /// yet folded need nothing: folding skips deleted rows.
    pub fn note_removed(
        &self,
        id: TestimonyId,
        day: Date,
        categories: Vec<String>,
        was_counted: bool,
    ) {
        self.queue_counted(id, day, categories, was_counted, Change::Subtract);
    }

    fn queue_counted(
        &self,
        id: TestimonyId,
        day: Date,
        categories: Vec<String>,
        was_counted: bool,
        change: Change,
    ) {
        if was_counted {
            self.queue(Pending {
                id,
                day,
                categories,
                change,
            });
        }
    }

    /// True once a staff unlock has re-queued every row left uncounted at start.
    pub fn has_adopted(&self) -> bool {
        self.adopted.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// After a restart the tallies of uncounted rows are gone with the RAM; the first staff
    /// unlock after start can read their categories again (`tally_of` opens a row with the
    /// session's keys: its day and categories), so they are queued for the next tick.
    /// Opens rows on the blocking pool; returns how many rows were queued (None when an
    /// earlier unlock already did it).
    pub async fn adopt_uncounted(
        &self,
        tally_of: impl Fn(&StoredTestimony) -> Option<Tally> + Send + 'static,
    ) -> StoreResult<Option<usize>> {
        if self.adopted.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return Ok(None);
        }
        let outcome = self.queue_uncounted(tally_of).await;
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
        tally_of: impl Fn(&StoredTestimony) -> Option<Tally> + Send + 'static,
    ) -> StoreResult<(usize, usize)> {
        let rows = self.store.read(testimonies::uncounted).await?;
        let total = rows.len();
        let opened = crate::blocking::run(move || {
            rows.iter()
                .filter_map(|row| {
                    let (day, categories) = tally_of(row)?;
                    Some((row.id, day, categories))
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
        self.pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(p);
        self.note_change();
    }

    /// Puts changes back to wait for the next tick.
    fn requeue(&self, changes: Vec<Pending>) {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        for p in changes {
            pending.push(p);
        }
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

    /// Folds waiting tallies into `counters` and stores a new rounded snapshot. On failure
    /// the tallies not yet folded go back to wait for the next tick.
    ///
    /// The tallies fold in chunks, each its own short write job (marks cleared and cells
    /// moved together, so a crash between chunks leaves every row counted exactly once):
    /// a tick of a million rows never holds intake up for longer than one chunk.
    pub async fn tick(&self, now: OffsetDateTime) -> Result<(), PublishError> {
        let pending = self
            .pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        let min_cell = self.release.min_cell;
        let excluded = (self.policy == CountPolicy::Reviewed).then_some(Status::New);
        let mut chunks = super::fold::chunks(pending).into_iter();
        let mut deferred = Vec::new();
        while let Some(chunk) = chunks.next() {
            // Shared with the write job, not copied: kept only in case it fails.
            let chunk = Arc::new(chunk);
            let job = chunk.clone();
            match self
                .store
                .write(move |conn| fold_chunk(conn, &job, min_cell, excluded, now))
                .await
            {
                Ok(left) => deferred.extend(left),
                Err(e) => {
                    // This chunk and the ones after it wait for the next tick.
                    self.requeue(deferred);
                    self.requeue(Arc::unwrap_or_clone(chunk));
                    self.requeue(chunks.flatten().collect());
                    return Err(e);
                }
            }
        }
        self.requeue(deferred);
        let previous = self.latest().counts.clone();
        let how = self.release.clone();
        // Publishing at every change (tests): a tick that changed nothing publishes nothing.
        let skip_unchanged = self.interval_secs == 0;
        let snapshot = self
            .store
            .write(move |conn| publish(conn, now, &previous, &how, skip_unchanged))
            .await?;
        if let Some(snapshot) = snapshot {
            let snapshot = snapshot.due_next(next_publication(now, self.interval_secs));
            if let Some(envelope) = &snapshot.signed {
                self.extend_log(envelope).await;
            }
            *self.latest.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(snapshot);
            // The fold's frames (which rows flipped, which cells moved) leave the WAL.
            // Best effort: the maintenance task checkpoints again within minutes.
            self.store.checkpoint().await;
        }
        Ok(())
    }
}

/// The publication key from its stored seed.
fn stored_key(seed: Option<zeroize::Zeroizing<Vec<u8>>>) -> Option<PublicationKey> {
    seed.and_then(|seed| PublicationKey::from_seed(&seed).ok())
}

/// When the publication after `now` is due: the next wall-clock tick. None when it
/// happens at every change (tests): no time can be promised, and a time that moved with
/// the clock would make a restart look like a new publication.
fn next_publication(now: OffsetDateTime, interval_secs: u64) -> Option<OffsetDateTime> {
    (interval_secs > 0).then(|| crate::clock::next_tick(now, interval_secs, 0))
}

fn until_next_tick(now: OffsetDateTime, interval_secs: u64) -> Duration {
    crate::clock::until(now, crate::clock::next_tick(now, interval_secs, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_next_publication_is_the_next_tick() {
        let now = datetime!(2026-12-07 13:05:00.5 UTC);
        assert_eq!(
            next_publication(now, 86_400),
            Some(datetime!(2026-12-08 00:00:00 UTC))
        );
        assert_eq!(
            next_publication(now, 3_600),
            Some(datetime!(2026-12-07 14:00:00 UTC))
        );
        assert_eq!(
            next_publication(now, 0),
            None,
            "at every change: no time to promise"
        );
    }

    #[test]
    fn ticks_land_on_wall_clock_multiples() {
        let now = datetime!(2026-11-28 23:59:30 UTC);
        assert_eq!(until_next_tick(now, 86_400), Duration::from_secs(30));
        assert_eq!(until_next_tick(now, 60), Duration::from_secs(30));
    }
}
