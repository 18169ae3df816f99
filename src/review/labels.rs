//! Labels, sealed: a statement's whole set (`set_labels`), one label added to or taken from
//! many statements (`label_many`), and the labels in use for the inbox's choices. Sets are
//! sealed under keys derived from the newest epoch key, tags made under every epoch key the
//! session holds, so `?label=` finds statements labelled before a rotation too. Each tag in
//! use keeps its label's text sealed beside it, and loses it when no statement carries the
//! tag any more. Audit entries say how many labels, never which: the audit log is not
//! encrypted.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::ReviewError;
use super::desk::Desk;
use super::keyring::EpochKeys;
use super::sessions::SessionView;
use crate::crypto::labels::{self, LabelKeys};
use crate::crypto::suite::KeyId;
use crate::domain::{AuditAction, Label, TestimonyId};
use crate::store::{audit, keys, labels as stored, testimonies};

/// The label keys of every epoch a session holds.
pub struct LabelRing {
    keys: Vec<LabelKeys>,
}

impl LabelRing {
    pub fn of(epochs: &EpochKeys) -> Result<LabelRing, ReviewError> {
        let keys = epochs
            .iter()
            .map(|(id, secret)| LabelKeys::derive(KeyId::from(*id), secret))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(LabelRing { keys })
    }

    fn for_epoch(&self, epoch: KeyId) -> Option<&LabelKeys> {
        self.keys.iter().find(|k| k.epoch() == epoch)
    }

    /// The label's tag under each epoch: a statement labelled under any of them matches.
    pub fn tags(&self, label: &Label) -> Result<Vec<Vec<u8>>, ReviewError> {
        let compared = label.compared();
        Ok(self
            .keys
            .iter()
            .map(|k| k.tag(&compared))
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// A stored set, opened (None when these keys cannot open it).
    pub fn open_set(&self, id: &TestimonyId, blob: &[u8]) -> Option<Vec<Label>> {
        let keys = self.for_epoch(labels::epoch_of(blob).ok()?)?;
        let texts = keys.open_set(id.as_bytes(), blob).ok()?;
        Some(texts.into_iter().map(Label::trusted).collect())
    }

    /// The keys new sets are sealed under: the newest epoch's.
    fn newest(&self, conn: &Connection) -> Result<&LabelKeys, ReviewError> {
        let (newest, _) =
            keys::newest_epoch(conn)?.ok_or(ReviewError::InvalidInput("err-no-epoch"))?;
        self.for_epoch(KeyId::from(newest))
            .ok_or(ReviewError::InvalidInput("err-labels-no-key"))
    }

    /// Stores `set` as the statement's labels (in the caller's transaction), keeping each
    /// new label's sealed text beside its tag, and forgetting texts no longer used.
    fn store_set(
        &self,
        conn: &Connection,
        id: &TestimonyId,
        set: &[Label],
    ) -> Result<(), ReviewError> {
        let newest = self.newest(conn)?;
        if set.is_empty() {
            stored::replace(conn, id, None, &[])?;
            return Ok(());
        }
        let texts: Vec<String> = set.iter().map(|l| l.as_str().to_owned()).collect();
        let sealed = newest.seal_set(id.as_bytes(), &texts)?;
        let tags = set
            .iter()
            .map(|l| newest.tag(&l.compared()))
            .collect::<Result<Vec<_>, _>>()?;
        for (label, tag) in set.iter().zip(&tags) {
            if !stored::is_remembered(conn, tag)? {
                stored::remember(conn, tag, &newest.seal_name(tag, label.as_str())?)?;
            }
        }
        stored::replace(conn, id, Some(&sealed), &tags)?;
        Ok(())
    }
}

/// One label added to, or taken from, many statements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelChange {
    Add,
    Remove,
}

impl Desk {
    /// The session's label keys.
    pub(super) async fn label_ring(&self, session: &SessionView) -> Result<LabelRing, ReviewError> {
        let epochs = self.keys_of(session).await?;
        LabelRing::of(&epochs)
    }

    /// Replaces a statement's whole set of labels (audited with how many, not which).
    #[tracing::instrument(skip_all)]
    pub async fn set_labels(
        &self,
        session: &SessionView,
        id: TestimonyId,
        set: Vec<Label>,
    ) -> Result<(), ReviewError> {
        let ring = self.label_ring(session).await?;
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                testimonies::status_of(conn, &id)?.ok_or(ReviewError::NotFound)?;
                ring.store_set(conn, &id, &set)?;
                let detail = format!("{id} labels: {}", set.len());
                audit::append_about(
                    conn,
                    &at,
                    &actor,
                    AuditAction::TestimonyLabels,
                    &detail,
                    &[id],
                )?;
                Ok(())
            })
            .await
    }

    /// Adds `label` to (or takes it from) every statement in `ids` whose set these keys
    /// open, in one transaction with one short audit entry. Returns how many changed.
    #[tracing::instrument(skip_all)]
    pub async fn label_many(
        &self,
        session: &SessionView,
        ids: Vec<TestimonyId>,
        label: Label,
        change: LabelChange,
    ) -> Result<usize, ReviewError> {
        super::bulk::check_selection(&ids)?;
        let ring = self.label_ring(session).await?;
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let mut changed = Vec::new();
                for id in &ids {
                    if testimonies::status_of(conn, id)?.is_none() {
                        continue;
                    }
                    let mut set = match stored::set_of(conn, id)? {
                        Some(blob) => match ring.open_set(id, &blob) {
                            Some(set) => set,
                            // A set these keys cannot open is left alone.
                            None => continue,
                        },
                        None => Vec::new(),
                    };
                    let had = set.iter().any(|l| l.compared() == label.compared());
                    match (change, had) {
                        (LabelChange::Add, false) if set.len() < crate::domain::MAX_LABELS => {
                            set.push(label.clone());
                        }
                        (LabelChange::Remove, true) => {
                            set.retain(|l| l.compared() != label.compared());
                        }
                        _ => continue,
                    }
                    ring.store_set(conn, id, &set)?;
                    changed.push(*id);
                }
                if !changed.is_empty() {
                    let verb = match change {
                        LabelChange::Add => "added to",
                        LabelChange::Remove => "taken from",
                    };
                    let detail = format!("a label {verb} {} statements", changed.len());
                    audit::append_about(
                        conn,
                        &at,
                        &actor,
                        AuditAction::TestimonyLabelsBulk,
                        &detail,
                        &changed,
                    )?;
                }
                Ok(changed.len())
            })
            .await
    }

    /// The labels in use that this session can read, with how many statements carry each
    /// (for the inbox's choices), in alphabetical order.
    #[tracing::instrument(skip_all)]
    pub async fn labels_in_use(
        &self,
        session: &SessionView,
    ) -> Result<Vec<(Label, u64)>, ReviewError> {
        let ring = Arc::new(self.label_ring(session).await?);
        let tags = self.store.read(stored::in_use).await?;
        // One label may have a tag under each epoch: counted together.
        let mut by_compared: BTreeMap<String, (Label, u64)> = BTreeMap::new();
        for (tag, sealed, n) in tags {
            let Some(keys) = labels::epoch_of(&sealed)
                .ok()
                .and_then(|epoch| ring.for_epoch(epoch))
            else {
                continue;
            };
            let Ok(text) = keys.open_name(&tag, &sealed) else {
                continue;
            };
            let label = Label::trusted(text);
            by_compared
                .entry(label.compared())
                .and_modify(|(_, total)| *total += n)
                .or_insert((label, n));
        }
        Ok(by_compared.into_values().filter(|(_, n)| *n > 0).collect())
    }
}
