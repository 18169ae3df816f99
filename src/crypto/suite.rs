//! The sealing suite: HPKE (RFC 9180) base mode with KEM = X-Wing (ML-KEM-768 + X25519),
//! KDF = HKDF-SHA256 and AEAD = ChaCha20-Poly1305.
//!
//! Every sealed blob is `header ‖ encapsulated key ‖ ciphertext`, where the header is
//! `format version (1) ‖ suite id (1) ‖ key id (16)`. The header is always part of the AEAD
//! associated data, followed by a caller-supplied context (for a testimony, its row id), so a
//! blob cannot be replayed under another key id or moved to another row.

use hpke::{Deserializable, Kem as _, OpModeR, OpModeS, Serializable};
use zeroize::Zeroizing;

use super::CryptoError;

type Kem = hpke::kem::XWing;
type Kdf = hpke::kdf::HkdfSha256;
type Aead = hpke::aead::ChaCha20Poly1305;

/// Current format version written in every header.
pub const FORMAT_VERSION: u8 = 1;
/// Suite 1: X-Wing / HKDF-SHA256 / ChaCha20-Poly1305.
pub const SUITE_XWING_SHA256_CHACHA: u8 = 1;
/// Header length: version, suite, 16-byte key id.
pub const HEADER_LEN: usize = 2 + 16;
/// Encapsulated key length for X-Wing.
pub const ENCAPPED_LEN: usize = 1120;
/// AEAD tag length.
pub const TAG_LEN: usize = 16;
/// Bytes a sealed blob adds to its plaintext.
pub const OVERHEAD: usize = HEADER_LEN + ENCAPPED_LEN + TAG_LEN;
/// Length of a serialised public key.
pub const PUBLIC_KEY_LEN: usize = 1216;

/// What a blob is for; HPKE's `info`, so a blob of one kind never opens as another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Testimony,
    EpochGrant,
    Note,
    FollowUp,
    Reply,
    ReceiptBox,
}

impl Label {
    fn info(self) -> &'static [u8] {
        match self {
            Label::Testimony => b"chorus/v1/testimony",
            Label::EpochGrant => b"chorus/v1/epoch-grant",
            Label::Note => b"chorus/v1/note",
            Label::FollowUp => b"chorus/v1/follow-up",
            Label::Reply => b"chorus/v1/reply",
            Label::ReceiptBox => b"chorus/v1/receipt-box",
        }
    }
}

/// Identifies which key a blob was sealed to (an epoch, a staff key, the recovery key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyId(pub [u8; 16]);

impl KeyId {
    pub fn random() -> Result<KeyId, CryptoError> {
        Ok(KeyId(super::random::id()?))
    }
    pub fn from_slice(bytes: &[u8]) -> Result<KeyId, CryptoError> {
        Ok(KeyId(bytes.try_into().map_err(|_| CryptoError::Format)?))
    }
}

/// A public key anyone may seal to.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(<Kem as hpke::Kem>::PublicKey);

impl PublicKey {
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes().to_vec()
    }
    pub fn from_bytes(bytes: &[u8]) -> Result<PublicKey, CryptoError> {
        <Kem as hpke::Kem>::PublicKey::from_bytes(bytes)
            .map(PublicKey)
            .map_err(|_| CryptoError::Format)
    }
    /// Short fingerprint people can compare by eye: the first 16 bytes of SHA-256, in hex.
    pub fn fingerprint(&self) -> String {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(self.to_bytes());
        let hex = hex::encode(digest.get(..16).unwrap_or_default());
        hex.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

/// A private key. Its 32-byte seed is the whole secret; it is zeroized when dropped and
/// never printed.
#[derive(Clone)]
pub struct SecretKey {
    seed: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    /// A fresh key pair from the OS generator.
    pub fn generate() -> Result<SecretKey, CryptoError> {
        Ok(SecretKey {
            seed: Zeroizing::new(super::random::bytes::<32>()?),
        })
    }

    /// Rebuilds a key from its seed (unwrapped from storage, or derived).
    pub fn from_seed(seed: &[u8]) -> Result<SecretKey, CryptoError> {
        let seed: [u8; 32] = seed.try_into().map_err(|_| CryptoError::Format)?;
        Ok(SecretKey {
            seed: Zeroizing::new(seed),
        })
    }

    /// The seed, for wrapping. Callers keep it in zeroizing buffers.
    pub fn seed(&self) -> &[u8; 32] {
        &self.seed
    }

    fn hpke_secret(&self) -> Result<<Kem as hpke::Kem>::PrivateKey, CryptoError> {
        // X-Wing private keys are their 32-byte seed, as in draft-connolly-cfrg-xwing-kem.
        <Kem as hpke::Kem>::PrivateKey::from_bytes(self.seed.as_slice())
            .map_err(|_| CryptoError::Format)
    }

    pub fn public_key(&self) -> Result<PublicKey, CryptoError> {
        Ok(PublicKey(Kem::sk_to_pk(&self.hpke_secret()?)))
    }
}

fn header(key_id: &KeyId) -> [u8; HEADER_LEN] {
    let mut h = [0u8; HEADER_LEN];
    h[0] = FORMAT_VERSION;
    h[1] = SUITE_XWING_SHA256_CHACHA;
    h[2..].copy_from_slice(&key_id.0);
    h
}

fn aad(header: &[u8], context: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(header.len() + context.len());
    aad.extend_from_slice(header);
    aad.extend_from_slice(context);
    aad
}

/// Seals `plaintext` to `recipient` (whose key id goes in the header), bound to `context`.
pub fn seal(
    recipient: &PublicKey,
    key_id: &KeyId,
    label: Label,
    plaintext: &[u8],
    context: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let header = header(key_id);
    let (encapped, ciphertext) = hpke::single_shot_seal::<Aead, Kdf, Kem>(
        &OpModeS::Base,
        &recipient.0,
        label.info(),
        plaintext,
        &aad(&header, context),
    )
    .map_err(|_| CryptoError::Seal)?;
    let mut out = Vec::with_capacity(OVERHEAD + plaintext.len());
    out.extend_from_slice(&header);
    out.extend_from_slice(&encapped.to_bytes());
    out.extend_from_slice(&ciphertext);
    Ok(out)
}

/// The key id a blob was sealed to, after checking the version and suite.
pub fn key_id_of(blob: &[u8]) -> Result<KeyId, CryptoError> {
    match blob {
        [FORMAT_VERSION, SUITE_XWING_SHA256_CHACHA, rest @ ..] if blob.len() >= OVERHEAD => {
            KeyId::from_slice(rest.get(..16).ok_or(CryptoError::Format)?)
        }
        _ => Err(CryptoError::Format),
    }
}

/// Opens a blob sealed by [`seal`] with the same label and context.
pub fn open(
    secret: &SecretKey,
    label: Label,
    blob: &[u8],
    context: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    key_id_of(blob)?;
    let (header, rest) = blob.split_at(HEADER_LEN);
    let (encapped, ciphertext) = rest.split_at(ENCAPPED_LEN);
    let encapped =
        <Kem as hpke::Kem>::EncappedKey::from_bytes(encapped).map_err(|_| CryptoError::Format)?;
    hpke::single_shot_open::<Aead, Kdf, Kem>(
        &OpModeR::Base,
        &secret.hpke_secret()?,
        &encapped,
        label.info(),
        ciphertext,
        &aad(header, context),
    )
    .map(Zeroizing::new)
    .map_err(|_| CryptoError::Open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_binding() {
        let sk = SecretKey::generate().unwrap();
        let pk = sk.public_key().unwrap();
        let kid = KeyId([7; 16]);
        let blob = seal(&pk, &kid, Label::Testimony, b"me too", b"row-1").unwrap();
        assert_eq!(blob.len(), OVERHEAD + 6);
        assert_eq!(key_id_of(&blob).unwrap(), kid);
        assert_eq!(
            open(&sk, Label::Testimony, &blob, b"row-1")
                .unwrap()
                .as_slice(),
            b"me too"
        );
        // Another row, another label, another key, a flipped header byte: all refused.
        assert!(open(&sk, Label::Testimony, &blob, b"row-2").is_err());
        assert!(open(&sk, Label::EpochGrant, &blob, b"row-1").is_err());
        assert!(
            open(
                &SecretKey::generate().unwrap(),
                Label::Testimony,
                &blob,
                b"row-1"
            )
            .is_err()
        );
        let mut moved = blob.clone();
        moved[5] ^= 1;
        assert!(open(&sk, Label::Testimony, &moved, b"row-1").is_err());
        let mut future = blob;
        future[0] = 2;
        assert!(matches!(key_id_of(&future), Err(CryptoError::Format)));
    }

    /// Known-answer test: pins the key derivation and public-key format so a dependency
    /// update that changed them could not silently orphan stored keys.
    #[test]
    fn public_key_from_seed_is_pinned() {
        let sk = SecretKey::from_seed(&[0x42; 32]).unwrap();
        let pk = sk.public_key().unwrap().to_bytes();
        assert_eq!(pk.len(), PUBLIC_KEY_LEN);
        use sha2::Digest;
        let digest = hex::encode(sha2::Sha256::digest(&pk));
        assert_eq!(
            digest,
            include_str!("../../tests/kat/xwing_pk_seed42.sha256").trim()
        );
    }

    /// Known-answer test: a blob sealed by an earlier build still opens, so the format
    /// (header layout, labels, aad construction) is pinned.
    #[test]
    fn sealed_blob_from_an_earlier_build_still_opens() {
        let sk = SecretKey::from_seed(&[0x42; 32]).unwrap();
        let blob = hex::decode(include_str!("../../tests/kat/testimony_blob.hex").trim()).unwrap();
        let opened = open(&sk, Label::Testimony, &blob, b"kat-row").unwrap();
        assert_eq!(opened.as_slice(), b"known answer");
        assert_eq!(key_id_of(&blob).unwrap(), KeyId([0x11; 16]));
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(32))]

            #[test]
            fn whatever_is_sealed_opens_only_with_its_context(
                plaintext in proptest::collection::vec(any::<u8>(), 0..5_000),
                context in proptest::collection::vec(any::<u8>(), 0..64),
                seed in any::<[u8; 32]>(),
            ) {
                let sk = SecretKey::from_seed(&seed).unwrap();
                let pk = sk.public_key().unwrap();
                let blob = seal(&pk, &KeyId([3; 16]), Label::Note, &plaintext, &context).unwrap();
                prop_assert_eq!(key_id_of(&blob).unwrap().0, [3; 16]);
                prop_assert_eq!(&open(&sk, Label::Note, &blob, &context).unwrap()[..], &plaintext[..]);
                let mut other = context.clone();
                other.push(0);
                prop_assert!(open(&sk, Label::Note, &blob, &other).is_err());
                prop_assert!(open(&sk, Label::Reply, &blob, &context).is_err());
            }
        }
    }
}
