//! A session's vault: the epoch private keys a login opened, held in server RAM only as
//! ciphertext under a per-session key that lives only in the staff member's cookie. A memory
//! dump of the server, or a stolen session id without the cookie's key, opens nothing; the
//! plaintext keys exist only for the length of one request.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use zeroize::Zeroizing;

use super::suite::SecretKey;
use super::{CryptoError, random};

const AAD: &[u8] = b"chorus/v1/session-vault";
const ENTRY: usize = 16 + 32;

/// Seals `(epoch id, seed)` pairs under a fresh key; returns (key, blob).
pub fn seal<'a>(
    keys: impl Iterator<Item = (&'a [u8; 16], &'a SecretKey)>,
) -> Result<(Zeroizing<[u8; 32]>, Vec<u8>), CryptoError> {
    let mut plain = Zeroizing::new(Vec::new());
    for (id, secret) in keys {
        plain.extend_from_slice(id);
        plain.extend_from_slice(secret.seed());
    }
    let key = Zeroizing::new(random::bytes::<32>()?);
    let nonce_bytes = random::bytes::<12>()?;
    let nonce = Nonce::try_from(&nonce_bytes[..]).map_err(|_| CryptoError::Seal)?;
    let cipher = ChaCha20Poly1305::new_from_slice(key.as_slice()).map_err(|_| CryptoError::Seal)?;
    let ciphertext = cipher
        .encrypt(
            &nonce,
            Payload {
                msg: &plain,
                aad: AAD,
            },
        )
        .map_err(|_| CryptoError::Seal)?;
    Ok((key, [&nonce_bytes[..], &ciphertext].concat()))
}

/// Opens a vault into `(epoch id, key)` pairs.
pub fn open(key: &[u8], blob: &[u8]) -> Result<Vec<([u8; 16], SecretKey)>, CryptoError> {
    let (nonce, ciphertext) = blob.split_at_checked(12).ok_or(CryptoError::Format)?;
    let nonce = Nonce::try_from(nonce).map_err(|_| CryptoError::Format)?;
    let cipher = ChaCha20Poly1305::new_from_slice(key).map_err(|_| CryptoError::Open)?;
    let plain = Zeroizing::new(
        cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad: AAD,
                },
            )
            .map_err(|_| CryptoError::Open)?,
    );
    if plain.len() % ENTRY != 0 {
        return Err(CryptoError::Format);
    }
    plain
        .chunks_exact(ENTRY)
        .map(|entry| {
            let (id, seed) = entry.split_at(16);
            let id: [u8; 16] = id.try_into().map_err(|_| CryptoError::Format)?;
            Ok((id, SecretKey::from_seed(seed)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_wrong_key() {
        let a = SecretKey::generate().unwrap();
        let b = SecretKey::generate().unwrap();
        let (ida, idb) = ([1u8; 16], [2u8; 16]);
        let (key, blob) = seal([(&ida, &a), (&idb, &b)].into_iter()).unwrap();
        let opened = open(key.as_slice(), &blob).unwrap();
        assert_eq!(opened.len(), 2);
        assert_eq!(opened[0].0, ida);
        assert_eq!(opened[1].1.seed(), b.seed());
        assert!(open(&[0u8; 32], &blob).is_err());
        assert!(open(key.as_slice(), &blob[..10]).is_err());
    }
}
