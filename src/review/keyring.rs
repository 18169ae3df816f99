//! Opened epoch keys, and the ways to open them: a staff member's private key (from their
//! passphrase at login, or from their session vault) opens their grants; the offline
//! recovery key opens its own.

use std::collections::HashMap;

use rusqlite::Connection;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::{ReviewError, epochs};
use crate::crypto::staff_key::{PasswordKeys, Wrapped};
use crate::crypto::suite::{self, PublicKey, SecretKey};
use crate::crypto::{self, CryptoError};
use crate::domain::{EpochId, MessageId, MessageKind, RecipientId, TestimonyId};
use crate::store::testimonies::StoredTestimony;
use crate::store::{keys, staff};
use crate::submission::Testimony;

/// Opened epoch private keys, by epoch id. Lives only in RAM; zeroized when dropped.
#[derive(Default)]
pub struct EpochKeys {
    keys: HashMap<EpochId, SecretKey>,
}

impl EpochKeys {
    /// What the public counts need of a row — its day and categories — if these keys open
    /// it (recounting after a restart, spam in bulk).
    pub fn tally_of(&self, row: &StoredTestimony) -> Option<crate::publish::Tally> {
        let testimony = self.open_testimony(row).ok()?;
        let day = crate::clock::parse_day(&row.received_day).ok()?;
        Some((day, testimony.categories.clone()))
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Every opened (epoch id, key).
    pub fn iter(&self) -> impl Iterator<Item = (&EpochId, &SecretKey)> {
        self.keys.iter()
    }

    pub fn get(&self, epoch_id: &EpochId) -> Option<&SecretKey> {
        self.keys.get(epoch_id)
    }

    /// Decrypts one thread message sealed to one of these epochs.
    pub fn open_message(
        &self,
        kind: MessageKind,
        testimony_id: &TestimonyId,
        message_id: &MessageId,
        blob: &[u8],
    ) -> Result<Zeroizing<String>, CryptoError> {
        let secret = self.key_for(blob)?;
        crypto::message::open(
            secret,
            kind.label(),
            testimony_id.as_bytes(),
            message_id.as_bytes(),
            blob,
        )
    }

    /// Decrypts one stored testimony.
    pub fn open_testimony(&self, row: &StoredTestimony) -> Result<Testimony, CryptoError> {
        let secret = self.key_for(&row.ciphertext)?;
        crypto::testimony::open(secret, row.id.as_bytes(), &row.ciphertext)
    }

    fn key_for(&self, blob: &[u8]) -> Result<&SecretKey, CryptoError> {
        let epoch = EpochId::from(suite::key_id_of(blob)?);
        self.keys.get(&epoch).ok_or(CryptoError::Open)
    }
}

/// Opens every epoch key granted to `recipient` with its private key.
pub fn open_grants(
    conn: &Connection,
    recipient: RecipientId,
    secret: &SecretKey,
) -> Result<EpochKeys, ReviewError> {
    let mut opened = EpochKeys::default();
    for (epoch_id, sealed) in keys::grants_for(conn, &recipient)? {
        let key = epochs::open_grant(&epoch_id, &recipient, secret, &sealed)?;
        opened.keys.insert(epoch_id, key);
    }
    Ok(opened)
}

/// Verifies `password` for `username` and opens their epoch keys (tests and tools; the
/// login itself goes through `auth`). Unknown users cost the same Argon2id run against a
/// dummy salt and answer the same error. Blocking.
pub fn open_with_password(
    conn: &Connection,
    username: &str,
    password: &SecretString,
    memory_kib: u32,
) -> Result<EpochKeys, ReviewError> {
    let member = staff::by_username(conn, username)?.filter(|m| m.active);
    let salt = member
        .as_ref()
        .map(|m| m.salt.clone())
        .unwrap_or_else(|| vec![0u8; 16]);
    let derived = PasswordKeys::derive(password, &salt, memory_kib)
        .map_err(|_| ReviewError::BadCredentials)?;
    let member = member.ok_or(ReviewError::BadCredentials)?;
    if !derived.verifies(&member.verifier) {
        return Err(ReviewError::BadCredentials);
    }
    let seed = derived
        .unwrap(
            Wrapped::PrivateKey,
            &member.wrapped_private_key,
            member.id.as_bytes(),
        )
        .map_err(|_| ReviewError::BadCredentials)?;
    let secret = SecretKey::from_seed(&seed)?;
    open_grants(conn, member.id.into(), &secret)
}

/// Opens every epoch granted to the recovery key whose secret is `recovery`.
pub fn open_with_recovery(
    conn: &Connection,
    recovery: &SecretKey,
) -> Result<EpochKeys, ReviewError> {
    let public = recovery.public_key()?.to_bytes();
    let (id, _) = keys::recovery_keys(conn)?
        .into_iter()
        .find(|(_, pk)| *pk == public)
        .ok_or(ReviewError::BadCredentials)?;
    open_grants(conn, id.into(), recovery)
}

/// Seals every epoch key in `keys` to `recipient`; refuses unless `keys` holds every epoch
/// on file (they were opened before this transaction: a rotation may have committed since,
/// and the grant would be incomplete). How many epochs were granted.
pub fn grant_all(
    conn: &Connection,
    keys_held: &EpochKeys,
    recipient: &RecipientId,
    public: &PublicKey,
) -> Result<usize, ReviewError> {
    if keys::all_epoch_ids(conn)?
        .iter()
        .any(|id| keys_held.get(id).is_none())
    {
        return Err(ReviewError::InvalidInput("err-rotated-granting"));
    }
    let mut granted = 0;
    for (epoch_id, secret) in keys_held.iter() {
        let sealed = epochs::seal_grant(epoch_id, secret, recipient, public)?;
        keys::insert_grant(conn, epoch_id, recipient, &sealed)?;
        granted += 1;
    }
    Ok(granted)
}
