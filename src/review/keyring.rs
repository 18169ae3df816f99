//! Opening epoch keys: a staff password (one Argon2id run) unwraps that person's private key,
//! which opens their grants; or the offline recovery key opens its own grants.

use std::collections::HashMap;

use rusqlite::Connection;
use secrecy::SecretString;

use super::ReviewError;
use super::epochs;
use crate::crypto::staff_key::{PasswordKeys, Wrapped};
use crate::crypto::suite::{self, SecretKey};
use crate::crypto::{self, CryptoError};
use crate::store::testimonies::StoredTestimony;
use crate::store::{keys, staff};
use crate::submission::Testimony;

/// Opened epoch private keys, by epoch id. Lives only in RAM; zeroized when dropped.
#[derive(Default)]
pub struct EpochKeys {
    keys: HashMap<[u8; 16], SecretKey>,
}

impl EpochKeys {
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Rebuilds opened keys (from a session vault).
    pub fn from_pairs(pairs: Vec<([u8; 16], SecretKey)>) -> EpochKeys {
        EpochKeys {
            keys: pairs.into_iter().collect(),
        }
    }

    /// Every opened (epoch id, key).
    pub fn iter(&self) -> impl Iterator<Item = (&[u8; 16], &SecretKey)> {
        self.keys.iter()
    }

    pub fn get(&self, epoch_id: &[u8; 16]) -> Option<&SecretKey> {
        self.keys.get(epoch_id)
    }

    /// Decrypts one note (or other thread message) sealed to one of these epochs.
    pub fn open_message(
        &self,
        label: suite::Label,
        testimony_id: &[u8; 16],
        message_id: &[u8; 16],
        blob: &[u8],
    ) -> Result<zeroize::Zeroizing<String>, CryptoError> {
        let kid = suite::key_id_of(blob)?;
        let secret = self.keys.get(&kid.0).ok_or(CryptoError::Open)?;
        crypto::message::open(secret, label, testimony_id, message_id, blob)
    }

    /// Decrypts one stored testimony.
    pub fn open_testimony(&self, row: &StoredTestimony) -> Result<Testimony, CryptoError> {
        let kid = suite::key_id_of(&row.ciphertext)?;
        let secret = self.keys.get(&kid.0).ok_or(CryptoError::Open)?;
        crypto::testimony::open(secret, &row.id, &row.ciphertext)
    }

    fn open_grants_of(
        conn: &Connection,
        recipient_id: &[u8; 16],
        secret: &SecretKey,
    ) -> Result<EpochKeys, ReviewError> {
        let mut opened = EpochKeys::default();
        for (epoch_id, sealed) in keys::grants_for(conn, recipient_id)? {
            let key = epochs::open_grant(&epoch_id, recipient_id, secret, &sealed)?;
            opened.keys.insert(epoch_id, key);
        }
        Ok(opened)
    }
}

/// Verifies `password` for `username` and opens their epoch keys. Unknown users cost the
/// same Argon2id run against a dummy salt and answer the same error. Blocking: run it
/// through the Argon2 gate.
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
        .unwrap(Wrapped::PrivateKey, &member.wrapped_private_key, &member.id)
        .map_err(|_| ReviewError::BadCredentials)?;
    let secret = SecretKey::from_seed(&seed)?;
    EpochKeys::open_grants_of(conn, &member.id, &secret)
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
    EpochKeys::open_grants_of(conn, &id, recovery)
}

/// Opens every epoch key granted to `recipient_id` with its private key.
pub fn open_grants(
    conn: &Connection,
    recipient_id: &[u8; 16],
    secret: &SecretKey,
) -> Result<EpochKeys, ReviewError> {
    EpochKeys::open_grants_of(conn, recipient_id, secret)
}
