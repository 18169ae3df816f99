//! The write jobs of one tick: waiting tallies fold into `counters` chunk by chunk (each
//! chunk clears the marks of the rows it counted in the same transaction), then waiting
//! pledges are added and a new rounded snapshot is stored.

use std::collections::{BTreeMap, HashSet};

use time::{Date, OffsetDateTime};

use super::cells::{Cell, Kept, kept_day};
use super::error::PublishError;
use super::noise::{OsUniform, Uniform};
use super::privacy::{Budget, Ledger, counted_categories, fold_day, release};
use super::published::PublicCounts;
use super::signed::Signed;
use super::snapshot::{Snapshot, build};
use crate::clock::week_label;
use crate::crypto::publication::PublicationKey;
use crate::domain::{Status, TestimonyId};
use crate::store::{counts, noise, settings, testimonies};

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

/// Most changes folded in one write job. One chunk of this size holds the writer for a few
/// milliseconds (see `cargo bench --bench fold`), so intake barely notices a tick.
pub(super) const CHUNK: usize = 1_000;

/// Changes waiting for the next tick, each new row at most once (recounting after a crash
/// must not queue a row twice) — checked in constant time, as a day's queue can hold a
/// million rows.
#[derive(Default)]
pub(super) struct Waiting {
    changes: Vec<Pending>,
    folds: HashSet<TestimonyId>,
}

impl Waiting {
    pub fn push(&mut self, p: Pending) {
        if p.change == Change::Fold && !self.folds.insert(p.id) {
            return;
        }
        self.changes.push(p);
    }

    pub fn take(&mut self) -> Vec<Pending> {
        self.folds.clear();
        std::mem::take(&mut self.changes)
    }
}

/// Splits a tick's changes into chunks of at most `CHUNK`, all of nearly the same size, so
/// no chunk is a small remainder (a chunk that counts fewer than `min_cell` rows waits).
/// In id order, so each chunk clears marks that sit side by side in the `uncounted` table.
pub(super) fn chunks(mut changes: Vec<Pending>) -> Vec<Vec<Pending>> {
    changes.sort_by_key(|p| p.id);
    let n = changes.len().div_ceil(CHUNK).max(1);
    let (size, larger) = (changes.len() / n, changes.len() % n);
    let mut rest = changes.into_iter();
    // The first `larger` chunks take one more, so sizes differ by at most one.
    (0..n)
        .map(|i| rest.by_ref().take(size + usize::from(i < larger)).collect())
        .collect()
}

/// Folds one chunk into `counters` in the caller's transaction and clears the marks of the
/// rows it counted; returns the new rows it left waiting.
///
/// New rows are folded only in groups of at least `min_cell` rows that will really count
/// (still there, still uncounted, not spam): a tick that folded a single row would let two
/// backups taken around it show that row's categories.
///
/// Beside the true cells, each change also moves the day block of this tick (`fold:DAY` for
/// additions, `unfold:DAY` for removals) and the bounded category tally (`dpcat:KEY`) that
/// the noised figures are built from.
pub(super) fn fold_chunk(
    conn: &rusqlite::Connection,
    chunk: &[Pending],
    min_cell: u64,
    excluded: Option<Status>,
    now: OffsetDateTime,
) -> Result<Vec<Pending>, PublishError> {
    let block = block_day(conn, now)?;
    let mut eligible = HashSet::new();
    for p in chunk.iter().filter(|p| p.change == Change::Fold) {
        if testimonies::would_count(conn, &p.id, excluded)? {
            eligible.insert(p.id);
        }
    }
    let defer = (eligible.len() as u64) < min_cell;
    let mut deferred = Vec::new();
    // Summed per cell first: one update per cell, not one per row and category.
    let mut deltas: BTreeMap<Cell, i64> = BTreeMap::new();
    for p in chunk {
        let delta: i64 = match p.change {
            // Skips rows deleted meanwhile, rows already counted, spam, and (when only
            // reviewed testimonies count) rows still new: they keep their mark and are queued
            // again when staff give them a status.
            Change::Fold if !eligible.contains(&p.id) => 0,
            Change::Fold if defer => {
                deferred.push(p.clone());
                0
            }
            Change::Fold => i64::from(testimonies::mark_counted(conn, &p.id)?),
            Change::Subtract => -1,
            Change::Restore => 1,
        };
        if delta == 0 {
            continue;
        }
        *deltas.entry(Cell::Total).or_default() += delta;
        // Blocks hold additions and removals apart: a cell never goes below zero.
        let side = if delta > 0 {
            Cell::Fold(block)
        } else {
            Cell::Unfold(block)
        };
        *deltas.entry(side).or_default() += delta.abs();
        for c in counted_categories(&p.id, &p.categories) {
            *deltas.entry(Cell::CountedCategory(c)).or_default() += delta;
        }
        *deltas.entry(Cell::Week(week_label(p.day))).or_default() += delta;
        for c in &p.categories {
            *deltas.entry(Cell::Category(c.clone())).or_default() += delta;
        }
    }
    for (cell, delta) in deltas {
        if delta == 0 {
            continue;
        }
        counts::adjust(conn, &cell.key(), delta)?;
    }
    Ok(deferred)
}

/// What a tick publishes with: the rounding step, the categories, and the noise budget
/// (None: noise off, true counts rounded).
pub struct Release {
    pub min_cell: u64,
    pub categories: Vec<String>,
    pub budget: Option<Budget>,
}

/// The figures a tick publishes from what `counters` holds now: noised (drawing and keeping
/// noise for cells released for the first time), or with noise off the true counts; rounded
/// either way. Public so the privacy benchmark plays attacks against this very code.
pub fn figures(
    conn: &rusqlite::Connection,
    now: OffsetDateTime,
    previous: &PublicCounts,
    how: &Release,
    rng: &mut impl Uniform,
) -> Result<PublicCounts, PublishError> {
    let ledger = ledger(conn)?;
    let Some(budget) = &how.budget else {
        return Ok(build(
            &ledger.cells,
            now,
            previous,
            how.min_cell,
            &how.categories,
        ));
    };
    let released = release(&ledger, now, how.min_cell, &how.categories, budget, rng)?;
    for (k, v) in &released.draws {
        noise::insert_draw(conn, &k.key(), *v)?;
    }
    for (k, v) in &released.markers {
        noise::set(conn, &k.key(), *v)?;
    }
    Ok(released.figures)
}

/// What `counters` and `noise` hold, by name (names no build writes are left out).
fn ledger(conn: &rusqlite::Connection) -> Result<Ledger, PublishError> {
    let cells = counts::all(conn)?
        .into_iter()
        .filter_map(|(k, v)| Some((Cell::parse(&k)?, v)))
        .collect();
    let kept = noise::all(conn)?
        .into_iter()
        .filter_map(|(k, v)| Some((Kept::parse(&k)?, v)))
        .collect();
    Ok(Ledger { cells, kept })
}

/// The day this tick's changes fold into (see `privacy::fold_day`).
fn block_day(conn: &rusqlite::Connection, now: OffsetDateTime) -> Result<Date, PublishError> {
    let released = noise::get(conn, &Kept::ReleasedThrough.key())?.and_then(kept_day);
    Ok(fold_day(now, released))
}

/// The last write job of a tick: waiting pledges are added and a new snapshot is stored
/// (none if nothing changed and `skip_unchanged`).
pub(super) fn publish(
    conn: &rusqlite::Connection,
    now: OffsetDateTime,
    previous: &PublicCounts,
    how: &Release,
    skip_unchanged: bool,
) -> Result<Option<Snapshot>, PublishError> {
    let block = Cell::PledgeFold(block_day(conn, now)?).key();
    for (key, n) in counts::take_pledges(conn)? {
        counts::add(conn, &Cell::PledgeTotal.key(), n)?;
        counts::add(conn, &block, n)?;
        if !key.is_empty() {
            counts::add(conn, &Cell::Pledge(key).key(), n)?;
        }
    }
    let counts = figures(conn, now, previous, how, &mut OsUniform)?;
    let unchanged = previous.published_at.is_some()
        && counts.statements == previous.statements
        && counts.pledges == previous.pledges;
    if skip_unchanged && unchanged {
        return Ok(None);
    }
    let id = crate::crypto::random::token_hex()
        .map(|t| t.chars().take(32).collect::<String>())
        .unwrap_or_else(|_| format!("{}", now.unix_timestamp()));
    let body = serde_json::to_string(&counts)?;
    // Signed in the same write job that numbers it, so the chain has no gap and no fork.
    let key = publication_key(conn)?;
    let (seq, previous) = counts::chain_head(conn)?;
    let signed = Signed::seal(&key, seq, previous, &counts)?;
    let envelope = serde_json::to_string(&signed)?;
    counts::insert_snapshot(
        conn,
        &counts::NewSnapshot {
            id: &id,
            seq,
            published_at: counts.published_at.as_deref().unwrap_or_default(),
            body: &body,
            hash: &signed.hash,
            signed: &envelope,
        },
    )?;
    Ok(Some(Snapshot::with_json(id, counts, body, Some(envelope))))
}

/// The deployment's publication key; its seed is drawn and stored the first time (random
/// bytes are drawn only then, not at every publication).
pub(super) fn publication_key(conn: &rusqlite::Connection) -> Result<PublicationKey, PublishError> {
    let seed = match settings::stored_publication_seed(conn)? {
        Some(seed) => seed,
        None => {
            let fresh = zeroize::Zeroizing::new(
                crate::crypto::random::bytes::<32>().map_err(|_| PublishError::Key)?,
            );
            settings::publication_seed(conn, &fresh)?
        }
    };
    PublicationKey::from_seed(&seed).map_err(|_| PublishError::Key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(n: usize) -> Pending {
        Pending {
            id: TestimonyId::from_bytes([u8::try_from(n % 251).unwrap(); 16]),
            day: time::macros::date!(2026 - 12 - 01),
            categories: Vec::new(),
            change: Change::Subtract,
        }
    }

    #[test]
    fn a_release_is_stored_once_and_moves_the_next_fold_past_the_released_days() {
        use super::super::noise::tests::Seeded;
        use time::macros::{date, datetime};
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::store::connection::migrate(&mut conn).unwrap();
        counts::add(&conn, &Cell::Fold(date!(2026 - 11 - 23)).key(), 40).unwrap();
        let how = Release {
            min_cell: 1,
            categories: vec!["a".to_owned()],
            budget: Budget::new(1000),
        };
        let empty = PublicCounts::empty(1, &how.categories);
        let midnight = datetime!(2026-12-02 00:00 UTC);
        assert_eq!(block_day(&conn, midnight).unwrap(), date!(2026 - 12 - 01));
        let first = figures(&conn, midnight, &empty, &how, &mut Seeded(3)).unwrap();
        let stored = noise::all(&conn).unwrap();
        assert!(stored.contains_key("week:2026-W48") && stored.contains_key("start"));
        // A second release within the same second draws nothing and publishes the same.
        let again = figures(&conn, midnight, &empty, &how, &mut Seeded(4)).unwrap();
        assert_eq!(first, again);
        assert_eq!(noise::all(&conn).unwrap(), stored);
        // The 1st is released now: a fold in the same second lands on the 2nd.
        assert_eq!(block_day(&conn, midnight).unwrap(), date!(2026 - 12 - 02));
    }

    #[test]
    fn chunks_are_even_and_never_a_small_remainder() {
        for n in [0, 1, 999, 1_000, 1_001, 2_500, 10_000] {
            let parts = chunks((0..n).map(change).collect());
            assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), n);
            let (min, max) = (
                parts.iter().map(Vec::len).min().unwrap(),
                parts.iter().map(Vec::len).max().unwrap(),
            );
            assert!(max <= CHUNK, "{n}: a chunk of {max}");
            assert!(max - min <= 1, "{n}: chunks of {min} and {max}");
        }
    }
}
