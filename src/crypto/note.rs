//! C2SP `signed-note` with Ed25519 (the publication key): how the transparency log's
//! checkpoint is signed, and the verifier key (`name+hexid+base64(0x01||key)`) anyone's
//! note or tlog client takes. The format is small and fixed; the tests check it against
//! `signed_note` (Cloudflare's port of Go's `sumdb/note`), which only the tests build: the
//! crate would bring a second `ed25519-dalek` and `sha2` into the binary.
//!
//! The publication key also signs snapshots, always behind a context string holding a byte
//! no note may hold (`\0`): no snapshot message is a note, so neither signature can pass
//! for the other.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, VerifyingKey};
use sha2::{Digest, Sha256};

use super::CryptoError;
use super::publication::PublicationKey;

/// The signature type byte for Ed25519.
const ED25519: u8 = 0x01;

/// The line that starts each signature: an em dash and a space.
const SIGNATURE_PREFIX: &str = "\u{2014} ";

/// A key name: non-empty, no Unicode space, no `+`.
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c == '+')
}

/// Note text: ends in a newline, holds no other control character, no blank line at the end.
fn is_valid_text(text: &str) -> bool {
    text.ends_with('\n')
        && !text.ends_with("\n\n")
        && text != "\n"
        && !text.chars().any(|c| c.is_control() && c != '\n')
}

/// A key id: SHA-256(name || "\n" || signature type || public key)[..4].
pub(super) fn typed_key_id(name: &str, kind: u8, public: &[u8; 32]) -> [u8; 4] {
    let digest = Sha256::new()
        .chain_update(name.as_bytes())
        .chain_update(b"\n")
        .chain_update([kind])
        .chain_update(public)
        .finalize();
    let mut id = [0u8; 4];
    id.copy_from_slice(digest.get(..4).unwrap_or(&[0; 4]));
    id
}

fn key_id(name: &str, public: &[u8; 32]) -> [u8; 4] {
    typed_key_id(name, ED25519, public)
}

/// Reads a verifier key `name+hexid+base64(kind||key)` of signature type `kind`; the id
/// must be the key's own.
pub(super) fn parse_typed_vkey(
    vkey: &str,
    kind: u8,
) -> Result<(String, [u8; 4], VerifyingKey), CryptoError> {
    let mut parts = vkey.trim().splitn(3, '+');
    let (Some(name), Some(id), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(CryptoError::Format);
    };
    let data = BASE64.decode(data).map_err(|_| CryptoError::Format)?;
    let (Some(&found), Some(public)) = (data.first(), data.get(1..)) else {
        return Err(CryptoError::Format);
    };
    let public: [u8; 32] = public.try_into().map_err(|_| CryptoError::Format)?;
    let key = VerifyingKey::from_bytes(&public).map_err(|_| CryptoError::Format)?;
    let expected = typed_key_id(name, kind, &public);
    if found != kind || !is_valid_name(name) || hex::encode(expected) != id {
        return Err(CryptoError::Format);
    }
    Ok((name.to_owned(), expected, key))
}

/// A signature line's key name and decoded bytes.
pub(super) fn signature_line(line: &str) -> Result<(&str, Vec<u8>), CryptoError> {
    let (name, signature) = line
        .trim_end_matches('\n')
        .strip_prefix(SIGNATURE_PREFIX)
        .and_then(|l| l.rsplit_once(' '))
        .ok_or(CryptoError::Format)?;
    let bytes = BASE64.decode(signature).map_err(|_| CryptoError::Format)?;
    Ok((name, bytes))
}

/// The verifier key for `name` and the publication key, as `signed-note` writes it.
pub fn verifier_key(name: &str, key: &PublicationKey) -> String {
    let public = key.0.verifying_key().to_bytes();
    let mut data = vec![ED25519];
    data.extend_from_slice(&public);
    format!(
        "{name}+{}+{}",
        hex::encode(key_id(name, &public)),
        BASE64.encode(data)
    )
}

/// `text` signed by `key` under `name`: the text, a blank line and one signature line.
pub fn sign(key: &PublicationKey, name: &str, text: &str) -> Result<String, CryptoError> {
    if !is_valid_name(name) || !is_valid_text(text) {
        return Err(CryptoError::Format);
    }
    let public = key.0.verifying_key().to_bytes();
    let mut signature = key_id(name, &public).to_vec();
    signature.extend_from_slice(&key.0.sign(text.as_bytes()).to_bytes());
    Ok(format!(
        "{text}\n{SIGNATURE_PREFIX}{name} {}\n",
        BASE64.encode(signature)
    ))
}

/// A verifier key, parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    pub name: String,
    id: [u8; 4],
    key: VerifyingKey,
}

impl VerifierKey {
    /// The verifier key of a publication key (hex) under `name`: how a peer's log is
    /// checked from the key already in the federation's configuration.
    pub fn of_publication_key(name: &str, public_hex: &str) -> Result<VerifierKey, CryptoError> {
        let public: [u8; 32] = hex::decode(public_hex.trim())
            .ok()
            .and_then(|k| k.try_into().ok())
            .ok_or(CryptoError::Format)?;
        let key = VerifyingKey::from_bytes(&public).map_err(|_| CryptoError::Format)?;
        if !is_valid_name(name) {
            return Err(CryptoError::Format);
        }
        Ok(VerifierKey {
            name: name.to_owned(),
            id: key_id(name, &public),
            key,
        })
    }

    /// Parses `name+hexid+base64(0x01||key)`; the id must be the key's own.
    pub fn parse(vkey: &str) -> Result<VerifierKey, CryptoError> {
        let (name, id, key) = parse_typed_vkey(vkey, ED25519)?;
        Ok(VerifierKey { name, id, key })
    }
}

/// A note whose signature by the expected key holds.
#[derive(Debug, PartialEq, Eq)]
pub struct Opened<'a> {
    /// The signed text, ending in a newline.
    pub text: &'a str,
    /// Every other signature line (cosignatures, other keys), unchecked.
    pub others: Vec<&'a str>,
}

/// The signed text of a note, unchecked: everything before the blank line that precedes
/// its signature lines.
pub fn text_of(note: &str) -> Option<&str> {
    let split = note.rfind("\n\n")?;
    note.get(..=split)
}

/// Opens a signed note with `key`: its text if one of its signature lines is `key`'s and
/// verifies (strictly: no malleable signature).
pub fn open<'a>(note: &'a str, key: &VerifierKey) -> Result<Opened<'a>, CryptoError> {
    let text = text_of(note).ok_or(CryptoError::Format)?;
    let block = note.get(text.len() + 1..).ok_or(CryptoError::Format)?;
    if !is_valid_text(text) || !block.ends_with('\n') {
        return Err(CryptoError::Format);
    }
    let mut verified = false;
    let mut others = Vec::new();
    for line in block.lines() {
        let (name, bytes) = signature_line(line)?;
        let mine = name == key.name && bytes.get(..4) == Some(key.id.as_slice());
        if !mine {
            others.push(line);
            continue;
        }
        let signature = bytes
            .get(4..)
            .and_then(|s| <[u8; 64]>::try_from(s).ok())
            .ok_or(CryptoError::Format)?;
        key.key
            .verify_strict(text.as_bytes(), &Signature::from_bytes(&signature))
            .map_err(|_| CryptoError::Open)?;
        verified = true;
    }
    if verified {
        Ok(Opened { text, others })
    } else {
        Err(CryptoError::Open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "example.org/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";

    #[test]
    fn a_signed_note_opens_with_its_key_and_nothing_else() {
        let key = PublicationKey::generate().unwrap();
        let note = sign(&key, "example.org/log", TEXT).unwrap();
        let vkey = VerifierKey::parse(&verifier_key("example.org/log", &key)).unwrap();
        let opened = open(&note, &vkey).unwrap();
        assert_eq!((opened.text, opened.others.len()), (TEXT, 0));

        let same = VerifierKey::of_publication_key("example.org/log", &key.public_hex()).unwrap();
        assert_eq!(same, vkey);

        let other = PublicationKey::generate().unwrap();
        let stranger = VerifierKey::parse(&verifier_key("example.org/log", &other)).unwrap();
        assert_eq!(open(&note, &stranger), Err(CryptoError::Open));
        let tampered = note.replacen("\n3\n", "\n4\n", 1);
        assert_eq!(open(&tampered, &vkey), Err(CryptoError::Open));
        // A cosignature line beside the signature is kept, not checked.
        let cosigned = format!("{note}\u{2014} witness.example AAAA\n");
        assert_eq!(open(&cosigned, &vkey).unwrap().others.len(), 1);
    }

    #[test]
    fn the_text_of_a_note_ends_before_its_signatures() {
        let note = "a/log\n1\nAA==\n\n\u{2014} a/log sig\n";
        assert_eq!(text_of(note), Some("a/log\n1\nAA==\n"));
        assert_eq!(text_of("no signatures\n"), None);
    }

    #[test]
    fn bad_names_texts_and_keys_are_refused() {
        let key = PublicationKey::generate().unwrap();
        assert!(sign(&key, "with space", TEXT).is_err());
        assert!(sign(&key, "a+b", TEXT).is_err());
        assert!(sign(&key, "ok", "no newline").is_err());
        assert!(sign(&key, "ok", "nul\0\n").is_err());
        assert!(sign(&key, "ok", "blank at the end\n\n").is_err());
        let vkey = verifier_key("example.org/log", &key);
        assert!(VerifierKey::parse(&vkey.replacen("example", "exampel", 1)).is_err());
        assert!(VerifierKey::parse("example.org/log+00000000+AQ==").is_err());
        assert!(VerifierKey::parse("nothing").is_err());
    }

    /// The note and the verifier key as `signed_note` (an implementation this crate does
    /// not contain) reads them.
    #[test]
    fn an_independent_implementation_verifies_the_note() {
        use signed_note::{Note, StandardVerifier, VerifierList};
        let key = PublicationKey::generate().unwrap();
        let name = "chorus.example/log";
        let note = sign(&key, name, TEXT).unwrap();
        let verifier = StandardVerifier::new(&verifier_key(name, &key)).unwrap();
        let parsed = Note::from_bytes(note.as_bytes()).unwrap();
        let (verified, unverified) = parsed
            .verify(&VerifierList::new(vec![Box::new(verifier)]))
            .unwrap();
        assert_eq!((verified.len(), unverified.len()), (1, 0));
        assert_eq!(parsed.text(), TEXT.as_bytes());
    }
}
