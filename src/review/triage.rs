//! Reading and triaging testimonies. Every decryption is audited — opening a testimony
//! records the view, in a transaction of its own, and marks a new testimony read.

use zeroize::Zeroizing;

use super::ReviewError;
use super::desk::Desk;
use super::sessions::SessionView;
use crate::clock::parse_day;
use crate::crypto::suite::PublicKey;
use crate::domain::{AuditAction, Label, MessageKind, Status, TestimonyId};
use crate::sealing::{self, NewestEpoch};
use crate::store::testimonies::{self, StoredTestimony};
use crate::store::{audit, casework, messages};
use crate::submission::Testimony;

/// Longest note or reply staff may write.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// A message of the thread, opened.
pub struct OpenedMessage {
    pub kind: MessageKind,
    pub author: Option<String>,
    pub day: String,
    pub text: Zeroizing<String>,
}

/// A testimony with one page of its thread, opened.
pub struct OpenedTestimony {
    pub row: StoredTestimony,
    pub testimony: Testimony,
    /// Oldest first: the newest `THREAD_PAGE` messages before the page asked for.
    pub messages: Vec<OpenedMessage>,
    /// Where the page before this one ends (a sequence number), if there is one.
    pub earlier: Option<i64>,
    /// Whether newer messages than these exist (this is not the latest page).
    pub later: bool,
    /// The author wrote last and nobody has replied since.
    pub awaiting_reply: bool,
    /// Who is on it (a username).
    pub assignee: Option<String>,
    /// Its labels; None when they were sealed under an epoch this session cannot open.
    pub labels: Option<Vec<Label>>,
    /// Who it can be assigned to.
    pub assignable: Vec<String>,
}

/// Messages decrypted per page of a thread: a testimony with thousands opens as fast as one
/// with ten (4,411 follow-ups once took a staff page 2 s and 710 KB).
pub const THREAD_PAGE: u32 = 50;

/// The text of a note or a reply: not empty, at most 10,000 characters, no control
/// characters but CR, LF and TAB (CRLF becomes LF).
pub struct ThreadText(Zeroizing<String>);

impl ThreadText {
    pub fn parse(raw: &str) -> Result<ThreadText, ReviewError> {
        let text = Zeroizing::new(raw.replace("\r\n", "\n"));
        if text.trim().is_empty() {
            return Err(ReviewError::InvalidInput("err-note-empty"));
        }
        if text.chars().count() > MAX_NOTE_CHARS {
            return Err(ReviewError::InvalidInput("err-note-long"));
        }
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(ReviewError::InvalidInput("err-note-control"));
        }
        Ok(ThreadText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Desk {
    /// Decrypts one testimony and its thread; the view is audited before anything is
    /// shown, and a new testimony becomes read.
    #[tracing::instrument(skip_all)]
    pub async fn open_testimony(
        &self,
        session: &SessionView,
        id: TestimonyId,
        before: Option<i64>,
    ) -> Result<OpenedTestimony, ReviewError> {
        let keys = self.keys_of(session).await?;
        let ring = super::labels::LabelRing::of(&keys)?;
        let assignable = self.assignable().await?;
        // The snapshot only reads: decrypting happens after it, so a thread of long
        // messages never holds the WAL open.
        let (row, facts, page, earlier, later) = self
            .store
            .read(move |conn| -> Result<_, ReviewError> {
                let row = testimonies::get(conn, &id)?.ok_or(ReviewError::NotFound)?;
                let facts = casework::facts(conn, &[id])?
                    .remove(&id)
                    .unwrap_or_default();
                // One more than a page, to know whether an earlier page exists.
                let mut page = messages::page(conn, &id, before, THREAD_PAGE + 1)?;
                let earlier = if page.len() > THREAD_PAGE as usize {
                    page.remove(0);
                    page.first().map(|m| m.seq)
                } else {
                    None
                };
                // Newer messages exist when the newest of all comes at or after `before`.
                let later = match before {
                    Some(b) => messages::page(conn, &id, None, 1)?
                        .first()
                        .is_some_and(|newest| newest.seq >= b),
                    None => false,
                };
                Ok((row, facts, page, earlier, later))
            })
            .await?;
        let mut opened = crate::blocking::run(move || -> Result<_, ReviewError> {
            let testimony = keys.open_testimony(&row)?;
            let labels = match &facts.labels {
                Some(blob) => ring.open_set(&id, blob),
                None => Some(Vec::new()),
            };
            let thread = page
                .into_iter()
                .map(|m| OpenedMessage {
                    text: keys
                        .open_message(m.kind, &id, &m.id, &m.ciphertext)
                        .unwrap_or_else(|_| {
                            Zeroizing::new("(cannot be opened with your keys)".to_owned())
                        }),
                    kind: m.kind,
                    author: m.author,
                    day: m.created_day,
                })
                .collect();
            Ok(OpenedTestimony {
                row,
                testimony,
                messages: thread,
                earlier,
                later,
                awaiting_reply: facts.awaiting_reply,
                assignee: facts.assignee,
                labels,
                assignable,
            })
        })
        .await??;
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        let was_new = opened.row.status == Status::New;
        let marked_read = self
            .store
            .write(move |conn| -> Result<_, ReviewError> {
                let marked = if was_new {
                    testimonies::mark_read_if_new(conn, &id)?
                } else {
                    None
                };
                audit::append_about(conn, &at, &actor, AuditAction::TestimonyView, "", &[id])?;
                Ok(marked)
            })
            .await?;
        if let Some(uncounted) = marked_read {
            opened.row.status = Status::Read;
            // Reading it is a review: when only reviewed testimonies count, it joins them.
            if let Ok(day) = parse_day(&opened.row.received_day) {
                self.publisher.note_status_change(
                    id,
                    day,
                    opened.testimony.categories.clone(),
                    (Status::New, Status::Read),
                    uncounted,
                );
            }
        }
        Ok(opened)
    }

    /// Sets a status. Marking spam (or un-marking it) moves the public counts at the next
    /// tick, so it needs the categories: refused, changing nothing, if this session cannot
    /// open the testimony.
    #[tracing::instrument(skip_all)]
    pub async fn set_status(
        &self,
        session: &SessionView,
        id: TestimonyId,
        status: Status,
    ) -> Result<(), ReviewError> {
        const CANNOT_ADJUST: ReviewError = ReviewError::InvalidInput("err-cannot-adjust");
        let keys = self.keys_of(session).await?;
        let row = self
            .store
            .read(move |conn| testimonies::get(conn, &id))
            .await?
            .ok_or(ReviewError::NotFound)?;
        let categories = keys.open_testimony(&row).map(|t| t.categories.clone()).ok();
        let publisher = self.publisher.clone();
        if publisher.moves_counts(row.status, status) && categories.is_none() {
            return Err(CANNOT_ADJUST);
        }
        // Everything the counts will need is known before anything changes.
        let day = parse_day(&row.received_day)
            .map_err(|_| ReviewError::InvalidInput("err-day-malformed"))?;
        let can_adjust = categories.is_some();
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        // The previous status and whether the row was counted are read in the same
        // transaction as the change, so a tick cannot slip between them.
        let check = publisher.clone();
        let before = self
            .store
            .write(move |conn| -> Result<_, ReviewError> {
                let row = testimonies::get(conn, &id)?.ok_or(ReviewError::NotFound)?;
                // Checked again on the row as it is now: its status may have changed meanwhile.
                if check.moves_counts(row.status, status) && !can_adjust {
                    return Err(CANNOT_ADJUST);
                }
                testimonies::set_status(conn, &id, status)?;
                casework::clear_shown_resolved(conn, &id)?;
                let detail = format!("{id} {} -> {}", row.status.key(), status.key());
                audit::append_about(
                    conn,
                    &at,
                    &actor,
                    AuditAction::TestimonyStatus,
                    &detail,
                    &[id],
                )?;
                Ok(row)
            })
            .await?;
        publisher.note_status_change(
            before.id,
            day,
            categories.unwrap_or_default(),
            (before.status, status),
            before.uncounted,
        );
        Ok(())
    }

    /// A staff note: sealed to the newest epoch, for staff only.
    #[tracing::instrument(skip_all)]
    pub async fn add_note(
        &self,
        session: &SessionView,
        id: TestimonyId,
        text: ThreadText,
    ) -> Result<(), ReviewError> {
        self.add_to_thread(session, id, MessageKind::Note, text)
            .await
    }

    /// A reply to the author: sealed to the newest epoch and to the author's receipt code.
    #[tracing::instrument(skip_all)]
    pub async fn reply(
        &self,
        session: &SessionView,
        id: TestimonyId,
        text: ThreadText,
    ) -> Result<(), ReviewError> {
        self.add_to_thread(session, id, MessageKind::Reply, text)
            .await
    }

    /// Seals on the blocking pool, then stores the message with its audit entry in one
    /// transaction (NotFound if the testimony went meanwhile, or was rotated past).
    async fn add_to_thread(
        &self,
        session: &SessionView,
        id: TestimonyId,
        kind: MessageKind,
        text: ThreadText,
    ) -> Result<(), ReviewError> {
        let now = self.now();
        let author = session.username.clone();
        let sealer = author.clone();
        // Read in the snapshot, seal after it: sealing is the slow part.
        let (row, epoch) = self
            .store
            .read(move |conn| -> Result<_, ReviewError> {
                let row = testimonies::get(conn, &id)?.ok_or(ReviewError::NotFound)?;
                Ok((row, NewestEpoch::read(conn)?))
            })
            .await?;
        let sealed = crate::blocking::run_sealing(move || -> Result<_, ReviewError> {
            let author_key = match kind {
                MessageKind::Reply => Some(reply_key(&row)?),
                _ => None,
            };
            let message = sealing::thread_message(
                &epoch,
                &id,
                kind,
                Some(&sealer),
                text.as_str(),
                now.day(),
                author_key.as_ref(),
            )?;
            Ok((epoch, message))
        })
        .await??;
        let action = match kind {
            MessageKind::Reply => AuditAction::TestimonyReply,
            _ => AuditAction::TestimonyNote,
        };
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let (epoch, message) = sealed;
                testimonies::get(conn, &id)?.ok_or(ReviewError::NotFound)?;
                if !epoch.is_current(conn)? {
                    return Err(ReviewError::InvalidInput("err-rotated-writing"));
                }
                messages::insert(conn, &message)?;
                // A reply answers whatever the author wrote last; a note does not.
                if kind == MessageKind::Reply {
                    casework::mark_answered(conn, &id)?;
                    casework::clear_shown_resolved(conn, &id)?;
                }
                audit::append_about(conn, &now.rfc3339(), &author, action, "", &[id])?;
                Ok(())
            })
            .await
    }

    /// Deletes a testimony and its thread (audited), then checkpoints so no copy lingers in
    /// the WAL.
    #[tracing::instrument(skip_all)]
    pub async fn delete_testimony(
        &self,
        session: &SessionView,
        id: TestimonyId,
    ) -> Result<(), ReviewError> {
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                if !testimonies::delete(conn, &id)? {
                    return Err(ReviewError::NotFound);
                }
                audit::append_about(conn, &at, &actor, AuditAction::TestimonyDelete, "", &[id])?;
                Ok(())
            })
            .await?;
        self.store.checkpoint().await;
        Ok(())
    }

    /// One audit entry on its own (views: nothing else changes), about `subjects`.
    #[tracing::instrument(skip_all)]
    pub(super) async fn audit(
        &self,
        session: &SessionView,
        action: AuditAction,
        detail: String,
        subjects: Vec<TestimonyId>,
    ) -> Result<(), ReviewError> {
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                audit::append_about(conn, &at, &actor, action, &detail, &subjects)?;
                Ok(())
            })
            .await
    }
}

/// The key a reply to this testimony's author is sealed to.
fn reply_key(row: &StoredTestimony) -> Result<PublicKey, ReviewError> {
    let receipt = row
        .receipt
        .as_ref()
        .ok_or(ReviewError::InvalidInput("err-no-receipt"))?;
    Ok(PublicKey::from_bytes(&receipt.reply_public_key)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_text_is_checked() {
        assert!(ThreadText::parse("  \n ").is_err());
        assert!(ThreadText::parse("bell\u{7}").is_err());
        assert!(ThreadText::parse(&"a".repeat(MAX_NOTE_CHARS + 1)).is_err());
        assert_eq!(ThreadText::parse("a\r\nb").unwrap().as_str(), "a\nb");
    }
}
