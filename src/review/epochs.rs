//! Epochs: a fresh HPKE key pair whose private half is stored only sealed ("granted") to
//! each staff member who holds access and to the recovery key. New submissions go to the
//! newest epoch. These run inside the caller's transaction.

use rusqlite::Connection;

use super::ReviewError;
use crate::crypto::CryptoError;
use crate::crypto::suite::{self, KeyId, Label, PublicKey, SecretKey};
use crate::domain::{EpochId, RecipientId};
use crate::store::{keys, staff};

/// What a grant is bound to: the epoch id and the recipient id.
fn grant_context(epoch_id: &EpochId, recipient_id: &RecipientId) -> Vec<u8> {
    [&epoch_id.as_bytes()[..], &recipient_id.as_bytes()[..]].concat()
}

/// Seals an epoch's private key to one recipient.
pub fn seal_grant(
    epoch_id: &EpochId,
    epoch_secret: &SecretKey,
    recipient_id: &RecipientId,
    recipient: &PublicKey,
) -> Result<Vec<u8>, CryptoError> {
    suite::seal(
        recipient,
        &KeyId(*recipient_id.as_bytes()),
        Label::EpochGrant,
        epoch_secret.seed(),
        &grant_context(epoch_id, recipient_id),
    )
}

/// Opens one grant with the recipient's private key.
pub fn open_grant(
    epoch_id: &EpochId,
    recipient_id: &RecipientId,
    recipient: &SecretKey,
    sealed: &[u8],
) -> Result<SecretKey, CryptoError> {
    let seed = suite::open(
        recipient,
        Label::EpochGrant,
        sealed,
        &grant_context(epoch_id, recipient_id),
    )?;
    SecretKey::from_seed(&seed)
}

/// Creates a new epoch sealed to `recipients`.
pub fn create(
    conn: &Connection,
    recipients: &[(RecipientId, PublicKey)],
    at: &str,
) -> Result<EpochId, ReviewError> {
    let secret = SecretKey::generate()?;
    let public = secret.public_key()?;
    let id = EpochId::random()?;
    keys::insert_epoch(conn, &id, &public.to_bytes(), at)?;
    for (recipient_id, recipient_key) in recipients {
        let sealed = seal_grant(&id, &secret, recipient_id, recipient_key)?;
        keys::insert_grant(conn, &id, recipient_id, &sealed)?;
    }
    Ok(id)
}

/// Everyone a new epoch must be sealed to: staff who hold access, and the recovery key(s).
pub fn current_recipients(conn: &Connection) -> Result<Vec<(RecipientId, PublicKey)>, ReviewError> {
    let mut out = Vec::new();
    // Only members an admin has granted (they hold at least one epoch key): an enrolled
    // invitee waiting for the fingerprint check must not receive keys through a rotation.
    // Disabling deletes every grant, so disabled members are left out too.
    for member in staff::active(conn)? {
        let recipient = RecipientId::from(member.id);
        if !keys::grants_for(conn, &recipient)?.is_empty() {
            out.push((recipient, PublicKey::from_bytes(&member.public_key)?));
        }
    }
    for (id, pk) in keys::recovery_keys(conn)? {
        out.push((id.into(), PublicKey::from_bytes(&pk)?));
    }
    Ok(out)
}

/// A new epoch for everything submitted from now on, sealed to the current recipients;
/// how many there were.
pub fn rotate(conn: &Connection, at: &str) -> Result<(EpochId, usize), ReviewError> {
    let recipients = current_recipients(conn)?;
    if recipients.is_empty() {
        return Err(ReviewError::InvalidInput("err-no-recipients"));
    }
    Ok((create(conn, &recipients, at)?, recipients.len()))
}
