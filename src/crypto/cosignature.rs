//! C2SP `tlog-cosignature` (`cosignature/v1`, Ed25519): a witness's statement that it saw a
//! checkpoint at a time, and saw nothing inconsistent with it before. The witness key is
//! its own Ed25519 key, never the publication key: a deployment that witnesses its peers
//! must not be able to pass its cosignature off as its own log's signature, or back.
//!
//! The signed message is `cosignature/v1\ntime <seconds>\n` followed by the checkpoint's
//! text; the signature line carries the key id, the time (8 bytes, big-endian) and the
//! signature.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use zeroize::Zeroizing;

use super::CryptoError;
use super::note::{is_valid_name, parse_typed_vkey, signature_line, typed_key_id};

/// The signature type byte for `cosignature/v1`.
const COSIGNATURE_V1: u8 = 0x04;

/// What begins every signature line.
const SIGNATURE_PREFIX: &str = "\u{2014} ";

fn key_id(name: &str, public: &[u8; 32]) -> [u8; 4] {
    typed_key_id(name, COSIGNATURE_V1, public)
}

fn message(checkpoint: &str, time: u64) -> Vec<u8> {
    format!("cosignature/v1\ntime {time}\n{checkpoint}").into_bytes()
}

/// A witness's signing key.
pub struct WitnessKey(SigningKey);

impl WitnessKey {
    /// The key kept as its 32-byte seed.
    pub fn from_seed(seed: &[u8]) -> Result<WitnessKey, CryptoError> {
        let seed: Zeroizing<[u8; 32]> =
            Zeroizing::new(seed.try_into().map_err(|_| CryptoError::Format)?);
        Ok(WitnessKey(SigningKey::from_bytes(&seed)))
    }

    /// The verifier key peers configure: `name+hexid+base64(0x04||key)`.
    pub fn verifier_key(&self, name: &str) -> String {
        let public = self.0.verifying_key().to_bytes();
        let mut data = vec![COSIGNATURE_V1];
        data.extend_from_slice(&public);
        format!(
            "{name}+{}+{}",
            hex::encode(key_id(name, &public)),
            BASE64.encode(data)
        )
    }

    /// The cosignature line for `checkpoint` (the note's text) at `time`.
    pub fn cosign(&self, name: &str, checkpoint: &str, time: u64) -> Result<String, CryptoError> {
        if !is_valid_name(name) {
            return Err(CryptoError::Format);
        }
        let public = self.0.verifying_key().to_bytes();
        let mut bytes = key_id(name, &public).to_vec();
        bytes.extend_from_slice(&time.to_be_bytes());
        bytes.extend_from_slice(&self.0.sign(&message(checkpoint, time)).to_bytes());
        Ok(format!(
            "{SIGNATURE_PREFIX}{name} {}\n",
            BASE64.encode(bytes)
        ))
    }
}

/// A witness's verifier key, parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WitnessVerifier {
    pub name: String,
    id: [u8; 4],
    key: VerifyingKey,
}

impl WitnessVerifier {
    pub fn parse(vkey: &str) -> Result<WitnessVerifier, CryptoError> {
        let (name, id, key) = parse_typed_vkey(vkey, COSIGNATURE_V1)?;
        Ok(WitnessVerifier { name, id, key })
    }

    /// Whether `line` (one signature line of a note, with or without its newline) is this
    /// witness's cosignature of `checkpoint`; the time it was made.
    pub fn verify(&self, checkpoint: &str, line: &str) -> Result<u64, CryptoError> {
        let (name, bytes) = signature_line(line)?;
        if name != self.name || bytes.get(..4) != Some(self.id.as_slice()) {
            return Err(CryptoError::Open);
        }
        let time = bytes
            .get(4..12)
            .and_then(|t| <[u8; 8]>::try_from(t).ok())
            .map(u64::from_be_bytes)
            .ok_or(CryptoError::Format)?;
        let signature = bytes
            .get(12..)
            .and_then(|s| <[u8; 64]>::try_from(s).ok())
            .ok_or(CryptoError::Format)?;
        self.key
            .verify_strict(
                &message(checkpoint, time),
                &Signature::from_bytes(&signature),
            )
            .map_err(|_| CryptoError::Open)?;
        Ok(time)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHECKPOINT: &str = "example.org/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";

    #[test]
    fn a_cosignature_verifies_for_its_checkpoint_witness_and_time_only() {
        let key = WitnessKey::from_seed(&[7; 32]).unwrap();
        let line = key
            .cosign("witness.example", CHECKPOINT, 1_765_000_000)
            .unwrap();
        let verifier = WitnessVerifier::parse(&key.verifier_key("witness.example")).unwrap();
        assert_eq!(verifier.verify(CHECKPOINT, &line), Ok(1_765_000_000));
        let other = CHECKPOINT.replace("\n3\n", "\n4\n");
        assert_eq!(verifier.verify(&other, &line), Err(CryptoError::Open));
        let stranger = WitnessKey::from_seed(&[8; 32]).unwrap();
        let forged = stranger.cosign("witness.example", CHECKPOINT, 1).unwrap();
        assert!(verifier.verify(CHECKPOINT, &forged).is_err());
        // A later time in the line than was signed.
        let mut bytes = BASE64
            .decode(line.trim_end().rsplit_once(' ').unwrap().1)
            .unwrap();
        bytes[11] ^= 1;
        let moved = format!("\u{2014} witness.example {}\n", BASE64.encode(bytes));
        assert_eq!(verifier.verify(CHECKPOINT, &moved), Err(CryptoError::Open));
    }

    #[test]
    fn the_verifier_key_names_the_cosignature_type() {
        let key = WitnessKey::from_seed(&[7; 32]).unwrap();
        let vkey = key.verifier_key("w");
        let data = BASE64.decode(vkey.rsplit('+').next().unwrap()).unwrap();
        assert_eq!(data[0], 0x04);
        assert!(WitnessVerifier::parse(&vkey.replacen("w+", "v+", 1)).is_err());
        // A signed-note (0x01) key is not a witness key.
        let mut ed25519 = data.clone();
        ed25519[0] = 0x01;
        let id = vkey.split('+').nth(1).unwrap();
        let wrong = format!("w+{id}+{}", BASE64.encode(ed25519));
        assert!(WitnessVerifier::parse(&wrong).is_err());
    }
}
