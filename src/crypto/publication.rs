//! The publication key: Ed25519 (RFC 8032, `ed25519-dalek`), one per deployment, made the
//! first time it publishes. It signs each snapshot's exact bytes, so anyone holding the
//! public key can check that these figures, in this order, came from this deployment — and a
//! federation can add up many deployments' figures without trusting a spreadsheet.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::CryptoError;

/// Signed together with every payload, so a signature made for anything else never
/// verifies as a snapshot.
const CONTEXT: &[u8] = b"chorus publication v1\0";

pub struct PublicationKey(pub(super) SigningKey);

impl PublicationKey {
    /// A new key from the operating system's randomness.
    pub fn generate() -> Result<PublicationKey, CryptoError> {
        let seed = Zeroizing::new(super::random::bytes::<32>()?);
        Ok(PublicationKey(SigningKey::from_bytes(&seed)))
    }

    /// The key kept as its 32-byte seed.
    pub fn from_seed(seed: &[u8]) -> Result<PublicationKey, CryptoError> {
        let seed: Zeroizing<[u8; 32]> =
            Zeroizing::new(seed.try_into().map_err(|_| CryptoError::Format)?);
        Ok(PublicationKey(SigningKey::from_bytes(&seed)))
    }

    pub fn seed(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    /// The public key, as federation members write it in their configuration (hex).
    pub fn public_hex(&self) -> String {
        hex::encode(self.0.verifying_key().as_bytes())
    }

    /// The signature of `payload` (base64).
    pub fn sign(&self, payload: &[u8]) -> String {
        BASE64.encode(self.0.sign(&[CONTEXT, payload].concat()).to_bytes())
    }
}

/// Checks `signature` (base64) over `payload` against `public_hex`.
pub fn verify(public_hex: &str, payload: &[u8], signature: &str) -> Result<(), CryptoError> {
    let key: [u8; 32] = hex::decode(public_hex.trim())
        .ok()
        .and_then(|k| k.try_into().ok())
        .ok_or(CryptoError::Format)?;
    let key = VerifyingKey::from_bytes(&key).map_err(|_| CryptoError::Format)?;
    let signature: [u8; 64] = BASE64
        .decode(signature.trim())
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or(CryptoError::Format)?;
    key.verify_strict(
        &[CONTEXT, payload].concat(),
        &Signature::from_bytes(&signature),
    )
    .map_err(|_| CryptoError::Open)
}

/// A public key's fingerprint as people compare it aloud: the first 16 bytes of its
/// SHA-256, in groups of four hex digits.
pub fn fingerprint(public_hex: &str) -> String {
    let digest = Sha256::digest(public_hex.trim().to_ascii_lowercase().as_bytes());
    hex::encode(digest.get(..16).unwrap_or_default())
        .as_bytes()
        .chunks(4)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A snapshot's hash, which the next one names as its `previous` (hex SHA-256).
pub fn hash(payload: &[u8]) -> String {
    hex::encode(Sha256::digest(payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_for_its_payload_and_key_only() {
        let key = PublicationKey::generate().unwrap();
        let other = PublicationKey::generate().unwrap();
        let signature = key.sign(b"{\"seq\":1}");
        assert!(verify(&key.public_hex(), b"{\"seq\":1}", &signature).is_ok());
        assert!(verify(&key.public_hex(), b"{\"seq\":2}", &signature).is_err());
        assert!(verify(&other.public_hex(), b"{\"seq\":1}", &signature).is_err());
        assert!(verify(&key.public_hex(), b"{\"seq\":1}", "not base64!").is_err());
        assert!(verify("beef", b"{\"seq\":1}", &signature).is_err());
        // Kept as its seed, the key signs the same.
        let again = PublicationKey::from_seed(key.seed().as_slice()).unwrap();
        assert_eq!(again.public_hex(), key.public_hex());
        assert!(verify(&key.public_hex(), b"x", &again.sign(b"x")).is_ok());
    }

    #[test]
    fn a_plain_ed25519_signature_of_the_payload_is_not_a_snapshot_signature() {
        let key = PublicationKey::generate().unwrap();
        let bare = BASE64.encode(key.0.sign(b"payload").to_bytes());
        assert!(verify(&key.public_hex(), b"payload", &bare).is_err());
    }
}
