//! What new things are sealed to: the newest epoch key. Testimonies (in `intake`) and every
//! thread message — staff notes, replies, the author's follow-ups — go to it; a reply also
//! gets a second copy sealed to the author's receipt-code key, which is what `/return` opens.

use rusqlite::Connection;

use crate::crypto::suite::{KeyId, PublicKey};
use crate::crypto::{self, CryptoError};
use crate::domain::{EpochId, MessageId, MessageKind, TestimonyId};
use crate::store::messages::StoredMessage;
use crate::store::{StoreError, keys};

/// Why something could not be sealed.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    /// Set-up has not made the first epoch yet.
    #[error("no epoch key exists yet")]
    NoEpoch,
    #[error("sealing failed: {0}")]
    Crypto(#[from] CryptoError),
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
}

/// The epoch new things are sealed to.
#[derive(Clone)]
pub struct NewestEpoch {
    pub id: EpochId,
    pub public_key: PublicKey,
}

impl NewestEpoch {
    pub fn read(conn: &Connection) -> Result<NewestEpoch, SealError> {
        let (id, public_key) = keys::newest_epoch(conn)?.ok_or(SealError::NoEpoch)?;
        Ok(NewestEpoch {
            id,
            public_key: PublicKey::from_bytes(&public_key)?,
        })
    }

    /// True if it is still the newest (checked inside the transaction that stores what was
    /// sealed to it, so a rotation in between is noticed).
    pub fn is_current(&self, conn: &Connection) -> Result<bool, StoreError> {
        Ok(keys::newest_epoch(conn)?.map(|(id, _)| id) == Some(self.id))
    }
}

/// One thread message, sealed: to the epoch, and for a reply also to `author_key` (the
/// survivor's code-derived key). `author` is the staff member who wrote it (None for a
/// follow-up); `day` is all the time it carries.
pub fn thread_message(
    epoch: &NewestEpoch,
    testimony_id: &TestimonyId,
    kind: MessageKind,
    author: Option<&str>,
    text: &str,
    day: String,
    author_key: Option<&PublicKey>,
) -> Result<StoredMessage, CryptoError> {
    let id = MessageId::random()?;
    let ciphertext = crypto::message::seal(
        &epoch.public_key,
        &KeyId::from(epoch.id),
        kind.label(),
        testimony_id.as_bytes(),
        id.as_bytes(),
        text,
    )?;
    let survivor_ciphertext = match (kind, author_key) {
        (MessageKind::Reply, Some(key)) => Some(crypto::receipt::seal_reply(
            key,
            testimony_id.as_bytes(),
            id.as_bytes(),
            text,
        )?),
        _ => None,
    };
    Ok(StoredMessage {
        id,
        testimony_id: *testimony_id,
        seq: 0,
        kind,
        author: author.map(str::to_owned),
        created_day: day,
        ciphertext,
        survivor_ciphertext,
    })
}
