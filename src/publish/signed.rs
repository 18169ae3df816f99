//! The signed form of a snapshot: the exact payload bytes, their signature and the public
//! key, as `/api/v1/counts.signed` serves them. The payload names its sequence number and
//! the hash of the snapshot before it, so a mirror that kept the history can tell a
//! rewritten past, and a federation a replayed or forked one.

use serde::{Deserialize, Serialize};

use super::published::PublicCounts;
use crate::crypto::publication::{self, PublicationKey};

/// What the payload says it is.
pub const FORMAT: &str = "chorus-snapshot-1";

/// What is signed. Serialised once, when published; the bytes are served as they are.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Payload {
    pub format: String,
    pub seq: u64,
    /// The hash of the previous signed snapshot (none for the first).
    pub previous: Option<String>,
    pub published_at: String,
    pub counts: PublicCounts,
}

/// The envelope: `payload` is a string so that nothing depends on serialising JSON again.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Signed {
    pub payload: String,
    /// Ed25519 over the payload's bytes (base64).
    pub signature: String,
    /// The publication key (hex).
    pub public_key: String,
    /// SHA-256 of the payload's bytes (hex).
    pub hash: String,
}

impl Signed {
    /// Signs `counts` as snapshot `seq`, after `previous`.
    pub fn seal(
        key: &PublicationKey,
        seq: u64,
        previous: Option<String>,
        counts: &PublicCounts,
    ) -> Result<Signed, serde_json::Error> {
        let payload = serde_json::to_string(&Payload {
            format: FORMAT.to_owned(),
            seq,
            previous,
            published_at: counts.published_at.clone().unwrap_or_default(),
            counts: counts.clone(),
        })?;
        Ok(Signed {
            signature: key.sign(payload.as_bytes()),
            public_key: key.public_hex(),
            hash: publication::hash(payload.as_bytes()),
            payload,
        })
    }

    /// The payload, if the signature holds for `public_key` (the one the verifier trusts,
    /// not the one the envelope names) and the payload is a snapshot.
    pub fn open(&self, public_key: &str) -> Result<Payload, OpenError> {
        publication::verify(public_key, self.payload.as_bytes(), &self.signature)
            .map_err(|_| OpenError::Signature)?;
        let payload: Payload =
            serde_json::from_str(&self.payload).map_err(|_| OpenError::NotASnapshot)?;
        // Sequence numbers are stored as SQLite integers; the time is said once.
        let consistent = payload.format == FORMAT
            && i64::try_from(payload.seq).is_ok()
            && payload.counts.published_at.as_deref() == Some(payload.published_at.as_str());
        if !consistent {
            return Err(OpenError::NotASnapshot);
        }
        Ok(payload)
    }

    /// The hash of the payload as received (the envelope's own `hash` is not trusted).
    pub fn payload_hash(&self) -> String {
        publication::hash(self.payload.as_bytes())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("the signature does not verify with the configured key")]
    Signature,
    #[error("the signed payload is not a Chorus snapshot")]
    NotASnapshot,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_snapshot_opens_with_its_key_only_and_names_its_place() {
        let key = PublicationKey::generate().unwrap();
        let mut counts = PublicCounts::empty(10, &["a".to_owned()]);
        counts.published_at = Some("2026-12-01T00:00:00Z".to_owned());
        let signed = Signed::seal(&key, 7, Some("ab".repeat(32)), &counts).unwrap();
        let payload = signed.open(&key.public_hex()).unwrap();
        assert_eq!((payload.seq, payload.counts), (7, counts.clone()));
        assert_eq!(signed.payload_hash(), signed.hash);
        let other = PublicationKey::generate().unwrap();
        assert_eq!(
            signed.open(&other.public_hex()),
            Err(OpenError::Signature),
            "the envelope's own key is not trusted"
        );
        let mut tampered = signed.clone();
        tampered.payload = tampered.payload.replace("\"seq\":7", "\"seq\":8");
        assert_eq!(tampered.open(&key.public_hex()), Err(OpenError::Signature));
    }
}
