//! Staff labels, sealed. A label says what staff think of a statement ("urgent", "minor",
//! "police report") and so is as sensitive as a note: it never rests in plaintext.
//!
//! Each epoch private key yields two keys through HKDF-SHA256: one seals a statement's
//! label set (XChaCha20-Poly1305, random 24-byte nonce, bound to the statement's id), the
//! other makes a keyed tag per label (HMAC-SHA256, first 16 bytes) so the inbox can find
//! every statement with a label without opening every set. Both exist only where the epoch
//! key does: in an unlocked staff session. A seized database shows which statements share
//! a tag and how many labels each has, never what a label says.
//!
//! A sealed set is `version (1) ‖ suite (2) ‖ epoch id (16) ‖ nonce (24) ‖ ciphertext`, the
//! header also bound as associated data; its plaintext is a JSON list behind a length
//! prefix, padded to a multiple of 256 bytes.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::suite::{FORMAT_VERSION, KeyId, SecretKey};
use super::{CryptoError, random};

/// Suite 2: a key derived from an epoch key, XChaCha20-Poly1305.
pub const SUITE_EPOCH_DERIVED_XCHACHA: u8 = 2;
const HEADER_LEN: usize = 2 + 16;
const NONCE_LEN: usize = 24;
/// Sets are padded to a multiple of this, so a ciphertext's size says little.
const PAD_TO: usize = 256;
/// Length of a label's tag.
pub const TAG_LEN: usize = 16;

/// What a set is bound to besides its header.
const SET_AAD: &[u8] = b"chorus/v1/label-set";
/// A label's text kept beside its tag (the inbox's choices) is bound to this and the tag.
const NAME_AAD: &[u8] = b"chorus/v1/label-name";

/// The two label keys of one epoch. Zeroized when dropped; never printed.
pub struct LabelKeys {
    epoch: KeyId,
    seal: Zeroizing<[u8; 32]>,
    tag: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for LabelKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LabelKeys(..)")
    }
}

impl LabelKeys {
    /// The label keys of the epoch `epoch`, whose private key is `secret`.
    pub fn derive(epoch: KeyId, secret: &SecretKey) -> Result<LabelKeys, CryptoError> {
        let hk = Hkdf::<Sha256>::new(Some(&epoch.0), secret.seed());
        let mut seal = Zeroizing::new([0u8; 32]);
        let mut tag = Zeroizing::new([0u8; 32]);
        hk.expand(b"chorus/v1/label-seal-key", seal.as_mut_slice())
            .map_err(|_| CryptoError::Kdf)?;
        hk.expand(b"chorus/v1/label-tag-key", tag.as_mut_slice())
            .map_err(|_| CryptoError::Kdf)?;
        Ok(LabelKeys { epoch, seal, tag })
    }

    pub fn epoch(&self) -> KeyId {
        self.epoch
    }

    /// The tag of one label, already in its compared form (see `domain::Label`).
    pub fn tag(&self, compared: &str) -> Result<Vec<u8>, CryptoError> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(self.tag.as_slice()).map_err(|_| CryptoError::Kdf)?;
        mac.update(compared.as_bytes());
        let full = mac.finalize().into_bytes();
        Ok(full.get(..TAG_LEN).ok_or(CryptoError::Kdf)?.to_vec())
    }

    /// Seals a statement's label set, bound to its id.
    pub fn seal_set(
        &self,
        testimony_id: &[u8; 16],
        labels: &[String],
    ) -> Result<Vec<u8>, CryptoError> {
        self.seal(&[SET_AAD, testimony_id].concat(), labels)
    }

    /// Seals one label's text, bound to its tag (so it cannot be shown for another).
    pub fn seal_name(&self, tag: &[u8], text: &str) -> Result<Vec<u8>, CryptoError> {
        self.seal(&[NAME_AAD, tag].concat(), &[text.to_owned()])
    }

    pub fn open_set(
        &self,
        testimony_id: &[u8; 16],
        blob: &[u8],
    ) -> Result<Vec<String>, CryptoError> {
        self.open(&[SET_AAD, testimony_id].concat(), blob)
    }

    pub fn open_name(&self, tag: &[u8], blob: &[u8]) -> Result<String, CryptoError> {
        self.open(&[NAME_AAD, tag].concat(), blob)?
            .into_iter()
            .next()
            .ok_or(CryptoError::Format)
    }

    fn header(&self) -> [u8; HEADER_LEN] {
        let mut h = [0u8; HEADER_LEN];
        h[0] = FORMAT_VERSION;
        h[1] = SUITE_EPOCH_DERIVED_XCHACHA;
        h[2..].copy_from_slice(&self.epoch.0);
        h
    }

    fn seal(&self, context: &[u8], labels: &[String]) -> Result<Vec<u8>, CryptoError> {
        let json = Zeroizing::new(serde_json::to_vec(labels).map_err(|_| CryptoError::Seal)?);
        let len = u32::try_from(json.len()).map_err(|_| CryptoError::Seal)?;
        let padded_len = (4 + json.len()).div_ceil(PAD_TO) * PAD_TO;
        let mut padded = Zeroizing::new(Vec::with_capacity(padded_len));
        padded.extend_from_slice(&len.to_be_bytes());
        padded.extend_from_slice(&json);
        padded.resize(padded_len, 0);
        let header = self.header();
        let nonce_bytes = random::bytes::<NONCE_LEN>()?;
        let nonce = XNonce::try_from(&nonce_bytes[..]).map_err(|_| CryptoError::Seal)?;
        let cipher = XChaCha20Poly1305::new_from_slice(self.seal.as_slice())
            .map_err(|_| CryptoError::Seal)?;
        let aad = [&header[..], context].concat();
        let ciphertext = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: &padded,
                    aad: &aad,
                },
            )
            .map_err(|_| CryptoError::Seal)?;
        Ok([&header[..], &nonce_bytes[..], &ciphertext].concat())
    }

    fn open(&self, context: &[u8], blob: &[u8]) -> Result<Vec<String>, CryptoError> {
        if epoch_of(blob)? != self.epoch {
            return Err(CryptoError::Open);
        }
        let (header, rest) = blob
            .split_at_checked(HEADER_LEN)
            .ok_or(CryptoError::Format)?;
        let (nonce, ciphertext) = rest
            .split_at_checked(NONCE_LEN)
            .ok_or(CryptoError::Format)?;
        let nonce = XNonce::try_from(nonce).map_err(|_| CryptoError::Format)?;
        let cipher = XChaCha20Poly1305::new_from_slice(self.seal.as_slice())
            .map_err(|_| CryptoError::Open)?;
        let aad = [header, context].concat();
        let padded = Zeroizing::new(
            cipher
                .decrypt(
                    &nonce,
                    Payload {
                        msg: ciphertext,
                        aad: &aad,
                    },
                )
                .map_err(|_| CryptoError::Open)?,
        );
        let (len, body) = padded.split_at_checked(4).ok_or(CryptoError::Format)?;
        let len = u32::from_be_bytes(len.try_into().map_err(|_| CryptoError::Format)?);
        let json = body
            .get(..usize::try_from(len).map_err(|_| CryptoError::Format)?)
            .ok_or(CryptoError::Format)?;
        serde_json::from_slice(json).map_err(|_| CryptoError::Format)
    }
}

/// The epoch a sealed set or vocabulary was made under (checks version and suite).
pub fn epoch_of(blob: &[u8]) -> Result<KeyId, CryptoError> {
    match blob {
        [FORMAT_VERSION, SUITE_EPOCH_DERIVED_XCHACHA, rest @ ..]
            if blob.len() >= HEADER_LEN + NONCE_LEN + 16 =>
        {
            KeyId::from_slice(rest.get(..16).ok_or(CryptoError::Format)?)
        }
        _ => Err(CryptoError::Format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(seed: u8) -> LabelKeys {
        let secret = SecretKey::from_seed(&[seed; 32]).unwrap();
        LabelKeys::derive(KeyId([seed; 16]), &secret).unwrap()
    }

    #[test]
    fn a_set_opens_only_for_its_statement_and_its_epoch() {
        let k = keys(1);
        let labels = vec!["urgent".to_owned(), "needs a lawyer".to_owned()];
        let blob = k.seal_set(&[9; 16], &labels).unwrap();
        assert_eq!(epoch_of(&blob).unwrap(), KeyId([1; 16]));
        assert_eq!(k.open_set(&[9; 16], &blob).unwrap(), labels);
        assert!(k.open_set(&[8; 16], &blob).is_err(), "moved to another row");
        assert!(keys(2).open_set(&[9; 16], &blob).is_err(), "another epoch");
        assert!(k.open_name(&[9; 16], &blob).is_err(), "a set is not a name");
        let tag = k.tag("urgent").unwrap();
        let name = k.seal_name(&tag, "Urgent").unwrap();
        assert_eq!(k.open_name(&tag, &name).unwrap(), "Urgent");
        assert!(
            k.open_name(&k.tag("minor").unwrap(), &name).is_err(),
            "another tag"
        );
        let mut flipped = blob.clone();
        if let Some(b) = flipped.last_mut() {
            *b ^= 1;
        }
        assert!(k.open_set(&[9; 16], &flipped).is_err());
        // The plaintext is nowhere in the blob, and sets of different sizes weigh the same.
        assert!(!blob.windows(6).any(|w| w == b"urgent"));
        let one = k.seal_set(&[9; 16], &["a".to_owned()]).unwrap();
        assert_eq!(one.len(), blob.len());
    }

    #[test]
    fn tags_are_stable_per_epoch_and_differ_across_epochs() {
        let (a, b) = (keys(1), keys(2));
        assert_eq!(a.tag("urgent").unwrap(), a.tag("urgent").unwrap());
        assert_ne!(a.tag("urgent").unwrap(), a.tag("minor").unwrap());
        assert_ne!(a.tag("urgent").unwrap(), b.tag("urgent").unwrap());
        assert_eq!(a.tag("urgent").unwrap().len(), TAG_LEN);
    }
}
