//! Labels, sealed: a statement's whole set (`set_labels`), one label added to or taken from
//! many statements (`label_many`), and the labels in use for the inbox's choices. Sets are
//! sealed under keys derived from the newest epoch key, tags made under every epoch key the
//! session holds, so `?label=` finds statements labelled before a rotation too. Audit
//! entries say how many labels, never which: the audit log is not encrypted.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::ReviewError;
use super::desk::Desk;
use super::keyring::EpochKeys;
use super::sessions::SessionView;
use crate::crypto::labels::{self, LabelKeys};
use crate::crypto::suite::KeyId;
use crate::domain::{AuditAction, EpochId, Label, TestimonyId};
use crate::store::{audit, keys, labels as stored, testimonies};

/// Most labels one epoch's vocabulary remembers for the inbox's choices (labels beyond it
/// still work; they are only not offered).
const MAX_VOCABULARY: usize = 500;

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

    /// Stores `set` as the statement's labels (in the caller's transaction) and adds them
    /// to the newest epoch's vocabulary.
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
        stored::replace(conn, id, Some(&sealed), &tags)?;
        self.remember(conn, newest, set)
    }

    /// Adds any label not yet in the newest epoch's vocabulary.
    fn remember(
        &self,
        conn: &Connection,
        newest: &LabelKeys,
        set: &[Label],
    ) -> Result<(), ReviewError> {
        let epoch = EpochId::from(newest.epoch());
        let mut known = match stored::vocabulary_of(conn, &epoch)? {
            Some(blob) => newest.open_vocabulary(&blob)?,
            None => Vec::new(),
        };
        let before = known.len();
        for label in set {
            let compared = label.compared();
            if known.len() < MAX_VOCABULARY && !known.iter().any(|k| k.to_lowercase() == compared) {
                known.push(label.as_str().to_owned());
            }
        }
        if known.len() != before {
            stored::set_vocabulary(conn, &epoch, &newest.seal_vocabulary(&known)?)?;
        }
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
        self.store
            .read(move |conn| -> Result<_, ReviewError> {
                let mut by_compared: BTreeMap<String, Label> = BTreeMap::new();
                for (epoch, blob) in stored::vocabularies(conn)? {
                    let Some(keys) = ring.for_epoch(KeyId::from(epoch)) else {
                        continue;
                    };
                    for text in keys.open_vocabulary(&blob).unwrap_or_default() {
                        let label = Label::trusted(text);
                        by_compared.entry(label.compared()).or_insert(label);
                    }
                }
                let mut out = Vec::new();
                for label in by_compared.into_values() {
                    let n = stored::count_tagged(conn, &ring.tags(&label)?)?;
                    if n > 0 {
                        out.push((label, n));
                    }
                }
                Ok(out)
            })
            .await
    }
}
