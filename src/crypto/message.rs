//! Sealing a thread message (a staff note now; follow-ups and replies later) to an epoch key,
//! padded like a testimony and bound to its testimony and its own id.

use zeroize::Zeroizing;

use super::CryptoError;
use super::padding;
use super::suite::{self, KeyId, Label, PublicKey, SecretKey};

fn context(testimony_id: &[u8; 16], message_id: &[u8; 16]) -> Vec<u8> {
    [&testimony_id[..], &message_id[..]].concat()
}

pub fn seal(
    epoch_key: &PublicKey,
    epoch_id: &KeyId,
    label: Label,
    testimony_id: &[u8; 16],
    message_id: &[u8; 16],
    text: &str,
) -> Result<Vec<u8>, CryptoError> {
    let padded = padding::pad(text.as_bytes())?;
    suite::seal(
        epoch_key,
        epoch_id,
        label,
        &padded,
        &context(testimony_id, message_id),
    )
}

pub fn open(
    secret: &SecretKey,
    label: Label,
    testimony_id: &[u8; 16],
    message_id: &[u8; 16],
    blob: &[u8],
) -> Result<Zeroizing<String>, CryptoError> {
    let padded = suite::open(secret, label, blob, &context(testimony_id, message_id))?;
    let text = padding::unpad(&padded)?;
    Ok(Zeroizing::new(
        std::str::from_utf8(text)
            .map_err(|_| CryptoError::Format)?
            .to_owned(),
    ))
}
