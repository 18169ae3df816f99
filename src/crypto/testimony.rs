//! Sealing a testimony: JSON payload → length prefix and padding → HPKE to the epoch key,
//! with the row id in the associated data so a ciphertext cannot be moved to another row.
//! Generic over what is sealed, so the cryptography names no type of the layers above it
//! (the testimony is `submission::Testimony`).

use serde::Serialize;
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

use super::CryptoError;
use super::padding;
use super::suite::{self, KeyId, Label, PublicKey, SecretKey};

pub fn seal<T: Serialize>(
    epoch_key: &PublicKey,
    epoch_id: &KeyId,
    row_id: &[u8; 16],
    testimony: &T,
) -> Result<Vec<u8>, CryptoError> {
    let json = Zeroizing::new(serde_json::to_vec(testimony).map_err(|_| CryptoError::Seal)?);
    let padded = padding::pad(&json)?;
    suite::seal(epoch_key, epoch_id, Label::Testimony, &padded, row_id)
}

pub fn open<T: DeserializeOwned>(
    epoch_secret: &SecretKey,
    row_id: &[u8; 16],
    blob: &[u8],
) -> Result<T, CryptoError> {
    let padded = suite::open(epoch_secret, Label::Testimony, blob, row_id)?;
    let json = padding::unpad(&padded)?;
    serde_json::from_slice(json).map_err(|_| CryptoError::Format)
}
