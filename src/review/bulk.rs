//! Triage in bulk, for floods: one status for many testimonies at once — the rows ticked on
//! an inbox page, or every statement received the same day with exactly the same text as
//! one staff are looking at (compared after decrypting in the staff session; no tag derived
//! from the text is ever stored). Each action is one short audit entry ("status -> spam
//! for 1000 statements"); its ids are listed beside it, one click away.

use std::collections::BTreeMap;

use super::desk::Desk;
use super::error::ReviewError;
use super::keyring::EpochKeys;
use super::sessions::SessionView;
use crate::domain::{AuditAction, Status, TestimonyId};
use crate::store::testimonies::{self, StoredTestimony};
use crate::store::{audit, casework};

/// Most testimonies one action changes: a day of 10,000 junk rows is ten clicks, and one
/// audit entry stays a readable size.
pub const MAX_BULK: usize = 1_000;

/// Rows of a day read and compared at a time when looking for copies of one text.
const DAY_BATCH: u32 = 500;

/// Refuses an empty selection or one over [`MAX_BULK`] (every bulk action).
pub(super) fn check_selection(ids: &[TestimonyId]) -> Result<(), ReviewError> {
    if ids.is_empty() {
        return Err(ReviewError::InvalidInput("err-bulk-none-ticked"));
    }
    if ids.len() > MAX_BULK {
        return Err(ReviewError::InvalidInput("err-bulk-too-many"));
    }
    Ok(())
}

/// What a bulk action did.
#[derive(Debug, PartialEq, Eq)]
pub struct BulkOutcome {
    pub changed: usize,
    /// Rows these keys cannot open (their counts could not be adjusted) or already so.
    pub skipped: usize,
}

/// What the counts need about one row, known before anything changes.
struct Known {
    day: time::Date,
    categories: Vec<String>,
}

impl Desk {
    /// Gives `status` to every testimony in `ids` (at most `MAX_BULK`) in one transaction
    /// with one audit entry. Rows whose counts would move (into or out of spam) but that
    /// this session cannot open are skipped, as one at a time would refuse them.
    #[tracing::instrument(skip_all)]
    pub async fn set_status_many(
        &self,
        session: &SessionView,
        ids: Vec<TestimonyId>,
        status: Status,
    ) -> Result<BulkOutcome, ReviewError> {
        check_selection(&ids)?;
        let keys = self.keys_of(session).await?;
        let rows = self
            .store
            .read(move |conn| testimonies::some(conn, &ids))
            .await?;
        let known = crate::blocking::run(move || know(&keys, &rows)).await?;
        let wanted: Vec<TestimonyId> = known.keys().copied().collect();
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        // Each row's status before, read in the same transaction as the change.
        let changed = self
            .store
            .write(move |conn| -> Result<_, ReviewError> {
                let mut changed = Vec::new();
                for id in &wanted {
                    let Some(row) = testimonies::get(conn, id)? else {
                        continue;
                    };
                    if row.status == status {
                        continue;
                    }
                    testimonies::set_status(conn, id, status)?;
                    casework::clear_shown_resolved(conn, id)?;
                    changed.push((row.id, row.status, row.uncounted));
                }
                if !changed.is_empty() {
                    let ids: Vec<TestimonyId> = changed.iter().map(|(id, _, _)| *id).collect();
                    let detail = format!("status -> {} for {} statements", status.key(), ids.len());
                    audit::append_about(
                        conn,
                        &at,
                        &actor,
                        AuditAction::TestimonyStatusBulk,
                        &detail,
                        &ids,
                    )?;
                }
                Ok(changed)
            })
            .await?;
        let total = known.len();
        let mut known = known;
        for (id, before, marked) in &changed {
            if let Some(k) = known.remove(id) {
                self.publisher.note_status_change(
                    *id,
                    k.day,
                    k.categories,
                    (*before, status),
                    *marked,
                );
            }
        }
        Ok(BulkOutcome {
            changed: changed.len(),
            skipped: total.saturating_sub(changed.len()),
        })
    }

    /// Marks as spam every testimony received the same day as `id` whose statement is
    /// exactly the same as its (a bare "me too" has no text to compare and is refused).
    /// Returns what was done; decrypts the day's rows in this session, as an inbox would.
    #[tracing::instrument(skip_all)]
    pub async fn spam_same_text(
        &self,
        session: &SessionView,
        id: TestimonyId,
    ) -> Result<BulkOutcome, ReviewError> {
        let keys = std::sync::Arc::new(self.keys_of(session).await?);
        let row = self
            .store
            .read(move |conn| testimonies::get(conn, &id))
            .await?
            .ok_or(ReviewError::NotFound)?;
        let this = {
            let keys = keys.clone();
            crate::blocking::run(move || keys.open_testimony(&row).map(|t| (t, row)))
                .await?
                .map_err(|_| ReviewError::InvalidInput("err-cannot-open"))?
        };
        let (this, row) = this;
        if this.statement.trim().is_empty() {
            return Err(ReviewError::InvalidInput("err-no-text"));
        }
        let statement = std::sync::Arc::new(zeroize::Zeroizing::new(this.statement.clone()));
        // The day is read and compared a batch at a time: a flood day can hold a million
        // rows, which must never sit in memory (or hold a read snapshot) all at once.
        let mut same = Vec::new();
        let mut after: Option<TestimonyId> = None;
        loop {
            let (day, from) = (row.received_day.clone(), after);
            let batch = self
                .store
                .read(move |conn| testimonies::on_day_after(conn, &day, from.as_ref(), DAY_BATCH))
                .await?;
            let Some(last) = batch.last().map(|r| r.id) else {
                break;
            };
            after = Some(last);
            let (keys, statement) = (keys.clone(), statement.clone());
            let found = crate::blocking::run(move || {
                batch
                    .iter()
                    .filter(|r| {
                        keys.open_testimony(r)
                            .is_ok_and(|t| t.statement.as_str() == statement.as_str())
                    })
                    .map(|r| r.id)
                    .collect::<Vec<_>>()
            })
            .await?;
            same.extend(found);
            if same.len() >= MAX_BULK {
                same.truncate(MAX_BULK);
                break;
            }
        }
        if same.is_empty() {
            return Ok(BulkOutcome {
                changed: 0,
                skipped: 0,
            });
        }
        self.set_status_many(session, same, Status::Spam).await
    }
}

/// The rows these keys open, with what the counts need; the others are left out.
fn know(keys: &EpochKeys, rows: &[StoredTestimony]) -> BTreeMap<TestimonyId, Known> {
    rows.iter()
        .filter_map(|row| {
            let (day, categories) = keys.tally_of(row)?;
            Some((row.id, Known { day, categories }))
        })
        .collect()
}
