//! Survivors coming back with their receipt code: see status and replies, add a follow-up,
//! or withdraw. Like `Intake`, a service that owns its transactions. Nothing here is
//! audited or logged (that would timestamp survivors), and any wrong code — near miss or
//! random — gets the same answer.

use std::sync::Arc;

use zeroize::Zeroizing;

use crate::blocking::Joined;
use crate::clock::{Clock, parse_day};
use crate::crypto::receipt::{self, Derived, ParseError, ReceiptCode};
use crate::crypto::{self, CryptoError};
use crate::domain::{MessageKind, Status};
use crate::intake::{Intake, IntakeError};
use crate::notify::News;
use crate::publish::Publisher;
use crate::sealing::{self, NewestEpoch, SealError};
use crate::store::testimonies::{self, StoredTestimony};
use crate::store::{Store, StoreError, casework, messages};
use crate::submission::Statement;

/// Why a returning survivor's action failed: all are "try again later" (503 when busy).
#[derive(Debug, thiserror::Error)]
pub enum ReturnError {
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    #[error("sealing failed: {0}")]
    Seal(#[from] SealError),
    #[error("cryptography failed: {0}")]
    Crypto(#[from] CryptoError),
    #[error("{0}")]
    Joined(#[from] Joined),
    #[error("{0}")]
    Intake(#[from] IntakeError),
    /// The epoch key changed twice while a follow-up was being sealed.
    #[error("the epoch key changed while sealing")]
    EpochChanged,
    /// The testimony holds `MAX_FOLLOW_UPS` already.
    #[error("the thread is full")]
    ThreadFull,
}

/// Follow-ups one testimony can hold: enough for anyone with more to say, few enough that
/// one stolen code cannot fill the staff's screen (4,411 follow-ups once took a staff page
/// 2 s and 710 KB).
pub const MAX_FOLLOW_UPS: u64 = 50;

/// What a code found.
pub struct Found {
    pub row: StoredTestimony,
    /// The status the code's page shows: never moved by the author's own follow-up.
    pub status_shown: Status,
    derived: Derived,
}

impl Found {
    /// The key of this code's own follow-up budget (the lookup tag, already derived from
    /// the code; the budget lives in RAM in the web layer and is never stored).
    pub fn budget_key(&self) -> &[u8] {
        &self.derived.tag
    }
}

/// The answer to a code.
pub enum Lookup {
    Found(Box<Found>),
    /// Well-formed, but no testimony has this code (or it was withdrawn).
    NotFound,
    /// A code's words, not in its order (it opens nothing until typed in order).
    WrongOrder,
    /// Not a code: a word not in the lists, or no list's number of words.
    Malformed(ParseError),
}

/// A reply opened with the code.
pub struct Reply {
    pub day: String,
    pub text: Zeroizing<String>,
}

/// The catalogue key of a status in words for the survivor. Spam is not named: a misjudged statement must not read
/// as an accusation.
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::New => "status-new",
        Status::InProgress => "status-in-progress",
        Status::Resolved => "status-resolved",
        Status::Read | Status::Spam => "status-read",
    }
}

pub struct Returning {
    store: Store,
    intake: Arc<Intake>,
    publisher: Arc<Publisher>,
    news: Arc<News>,
    clock: Clock,
}

impl Returning {
    pub fn new(
        store: Store,
        intake: Arc<Intake>,
        publisher: Arc<Publisher>,
        news: Arc<News>,
        clock: Clock,
    ) -> Returning {
        Returning {
            store,
            intake,
            publisher,
            news,
            clock,
        }
    }

    /// Looks a code up. Fast (HKDF and one indexed read): no throttle needed at ~103 bits,
    /// and none that could lock survivors out behind a shared Tor address.
    pub async fn lookup(&self, text: &str) -> Result<Lookup, ReturnError> {
        let readings = match ReceiptCode::readings(text) {
            Ok(readings) => readings,
            Err(e) => return Ok(Lookup::Malformed(e)),
        };
        let salt = self.intake.receipt_salt().await?;
        for code in &readings {
            if let found @ Lookup::Found(_) = self.lookup_one(code, &salt).await? {
                return Ok(found);
            }
        }
        // The right words in another order? (Codes from before the order-free tag cannot
        // tell, and get the plain answer.)
        for code in &readings {
            let tag = code.order_free_tag(&salt)?;
            let known = self
                .store
                .read(move |conn| testimonies::has_receipt_words(conn, &tag))
                .await?;
            if known {
                return Ok(Lookup::WrongOrder);
            }
        }
        Ok(Lookup::NotFound)
    }

    /// One reading of a code, looked up by its tag.
    async fn lookup_one(&self, code: &ReceiptCode, salt: &[u8]) -> Result<Lookup, ReturnError> {
        let derived = code.derive(salt)?;
        let tag = derived.tag.to_vec();
        let found = self
            .store
            .read(move |conn| -> Result<_, StoreError> {
                let Some(row) = testimonies::by_receipt_tag(conn, &tag)? else {
                    return Ok(None);
                };
                let status_shown = if casework::is_shown_resolved(conn, &row.id)? {
                    Status::Resolved
                } else {
                    row.status
                };
                Ok(Some((row, status_shown)))
            })
            .await?;
        Ok(match found {
            Some((row, status_shown)) => Lookup::Found(Box::new(Found {
                row,
                status_shown,
                derived,
            })),
            None => Lookup::NotFound,
        })
    }

    /// Replies from staff, opened with the code-derived key.
    pub async fn replies(&self, found: &Found) -> Result<Vec<Reply>, ReturnError> {
        let id = found.row.id;
        let thread = self
            .store
            .read(move |conn| messages::for_testimony(conn, &id))
            .await?;
        let mut out = Vec::new();
        for m in thread {
            let Some(blob) = m
                .survivor_ciphertext
                .as_ref()
                .filter(|_| m.kind == MessageKind::Reply)
            else {
                continue;
            };
            if let Ok(text) = crypto::message::open(
                &found.derived.secret,
                MessageKind::Reply.label(),
                id.as_bytes(),
                m.id.as_bytes(),
                blob,
            ) {
                out.push(Reply {
                    day: m.created_day,
                    text,
                });
            }
        }
        Ok(out)
    }

    /// Adds a follow-up, sealed to the newest epoch like the testimony (staff only). If a
    /// rotation lands between sealing and storing, it is sealed again to the new epoch.
    ///
    /// In the same transaction the statement is marked as waiting for a reply, and one
    /// marked resolved goes back to in progress: the words that most need an answer must
    /// not sit unseen under "resolved". The reopening is audited once its day has closed
    /// (`Desk::record_reopenings`), never at the moment, which would time the survivor; and
    /// the code's own page goes on showing "resolved" until staff act, so someone else
    /// holding the code learns nothing from it.
    pub async fn follow_up(&self, found: &Found, text: Statement) -> Result<(), ReturnError> {
        self.intake.check_space()?;
        let (id, text) = (found.row.id, Arc::new(text));
        for _ in 0..2 {
            let (day, sealing) = (self.clock.now().day(), text.clone());
            let reopened_on = day.clone();
            let (epoch, message) = self
                .store
                .read(move |conn| -> Result<_, ReturnError> {
                    let epoch = NewestEpoch::read(conn)?;
                    let message = sealing::thread_message(
                        &epoch,
                        &id,
                        MessageKind::FollowUp,
                        None,
                        sealing.as_str(),
                        day,
                        None,
                    )?;
                    Ok((epoch, message))
                })
                .await?;
            let stored = self
                .store
                .write(move |conn| -> Result<_, ReturnError> {
                    if !epoch.is_current(conn)? {
                        return Ok(false);
                    }
                    // Counted in the same transaction as the insert: concurrent posts with
                    // one code cannot pass the bound together.
                    if messages::follow_ups(conn, &id)? >= MAX_FOLLOW_UPS {
                        return Err(ReturnError::ThreadFull);
                    }
                    messages::insert(conn, &message)?;
                    casework::mark_awaiting(conn, &id)?;
                    // Resolved and in progress are both counted under either count policy:
                    // the public counts do not move.
                    if testimonies::status_of(conn, &id)? == Some(Status::Resolved) {
                        testimonies::set_status(conn, &id, Status::InProgress)?;
                        casework::note_reopened(conn, &id, &reopened_on)?;
                        casework::keep_shown_resolved(conn, &id)?;
                    }
                    Ok(true)
                })
                .await?;
            if stored {
                self.news.follow_up();
                return Ok(());
            }
        }
        Err(ReturnError::EpochChanged)
    }

    /// Deletes the testimony and its thread, reading in the same transaction whether it had
    /// been counted, so the counts follow at the next tick; then checkpoints so nothing
    /// lingers in the WAL.
    pub async fn withdraw(&self, found: Box<Found>) -> Result<(), ReturnError> {
        let Found { row, derived, .. } = *found;
        let tag = derived.tag.to_vec();
        let withdrawn = self
            .store
            .write(move |conn| -> Result<_, ReturnError> {
                let Some(row) = testimonies::by_receipt_tag(conn, &tag)? else {
                    return Ok(None);
                };
                testimonies::delete(conn, &row.id)?;
                Ok(Some(row))
            })
            .await?;
        drop(row);
        if let Some(gone) = withdrawn {
            let was_counted = self.publisher.is_counted(gone.status, gone.uncounted);
            // The box sealed to the code holds the categories and day: no staff key needed.
            let contents = gone.receipt.as_ref().and_then(|r| {
                receipt::open_box(&derived.secret, gone.id.as_bytes(), &r.sealed_box).ok()
            });
            let categories = contents
                .as_ref()
                .map(|c| c.categories.clone())
                .unwrap_or_default();
            let day = contents
                .map(|c| c.day)
                .unwrap_or_else(|| gone.received_day.clone());
            if let Ok(day) = parse_day(&day) {
                self.publisher
                    .note_removed(gone.id, day, categories, was_counted);
            }
        }
        self.store.checkpoint().await;
        Ok(())
    }
}
