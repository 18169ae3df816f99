//! Epochs: a fresh HPKE key pair whose private half is stored only sealed to each active
//! staff member and to the recovery key. New submissions go to the newest epoch.

use rusqlite::Connection;

use crate::crypto::CryptoError;
use crate::crypto::suite::{self, KeyId, Label, PublicKey, SecretKey};
use crate::store::{StoreError, StoreResult, audit, keys, staff};

/// What grants an epoch key: the epoch id and the recipient id, bound into the seal.
pub fn grant_context(epoch_id: &[u8; 16], recipient_id: &[u8; 16]) -> Vec<u8> {
    [&epoch_id[..], &recipient_id[..]].concat()
}

/// Seals an epoch's private key to one recipient.
pub fn seal_grant(
    epoch_id: &[u8; 16],
    epoch_secret: &SecretKey,
    recipient_id: &[u8; 16],
    recipient: &PublicKey,
) -> Result<Vec<u8>, CryptoError> {
    suite::seal(
        recipient,
        &KeyId(*recipient_id),
        Label::EpochGrant,
        epoch_secret.seed(),
        &grant_context(epoch_id, recipient_id),
    )
}

/// Opens one grant with the recipient's private key.
pub fn open_grant(
    epoch_id: &[u8; 16],
    recipient_id: &[u8; 16],
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

/// Creates a new epoch sealed to `recipients` inside the caller's transaction.
pub fn create(
    conn: &Connection,
    recipients: &[([u8; 16], PublicKey)],
    at: &str,
) -> StoreResult<[u8; 16]> {
    let crypto = |_: CryptoError| StoreError::Conflict("epoch key sealing failed");
    let secret = SecretKey::generate().map_err(crypto)?;
    let public = secret.public_key().map_err(crypto)?;
    let id = crate::crypto::random::id().map_err(crypto)?;
    keys::insert_epoch(conn, &id, &public.to_bytes(), at)?;
    for (recipient_id, recipient_key) in recipients {
        let sealed = seal_grant(&id, &secret, recipient_id, recipient_key).map_err(crypto)?;
        keys::insert_grant(conn, &id, recipient_id, &sealed)?;
    }
    Ok(id)
}

/// Everyone a new epoch must be sealed to: active staff and the recovery key(s).
pub fn current_recipients(conn: &Connection) -> StoreResult<Vec<([u8; 16], PublicKey)>> {
    let bad = |_: CryptoError| StoreError::Conflict("a stored public key is malformed");
    let mut out = Vec::new();
    // Only members an admin has granted (they hold at least one epoch key): an enrolled
    // invitee waiting for the fingerprint check must not receive keys through a rotation.
    // Disabling deletes every grant, so disabled members are left out too.
    for member in staff::active(conn)? {
        if !keys::grants_for(conn, &member.id)?.is_empty() {
            out.push((
                member.id,
                PublicKey::from_bytes(&member.public_key).map_err(bad)?,
            ));
        }
    }
    for (id, pk) in keys::recovery_keys(conn)? {
        out.push((id, PublicKey::from_bytes(&pk).map_err(bad)?));
    }
    Ok(out)
}

/// `chorus keys rotate`: a new epoch for everything submitted from now on. Needs no login:
/// it only uses public keys. Audited.
pub fn rotate(conn: &Connection, at: &str, actor: &str) -> StoreResult<[u8; 16]> {
    let recipients = current_recipients(conn)?;
    if recipients.is_empty() {
        return Err(StoreError::Conflict(
            "no one to seal a new epoch to: run set-up first",
        ));
    }
    let id = create(conn, &recipients, at)?;
    audit::append(
        conn,
        at,
        actor,
        "keys.rotate",
        &format!(
            "new epoch {} sealed to {} recipients",
            hex::encode(id),
            recipients.len()
        ),
    )?;
    Ok(id)
}
