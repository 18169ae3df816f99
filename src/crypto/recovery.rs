//! The offline recovery key: an HPKE key pair whose private half is shown once at set-up,
//! never stored, and typed back (on stdin) only to re-grant access.
//!
//! Text form: `chorus-recovery-` then the 32-byte seed and a 2-byte SHA-256 checksum in hex,
//! in groups of four, so a typo is caught before any decryption is attempted.

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::CryptoError;
use super::suite::SecretKey;

const PREFIX: &str = "chorus-recovery-";

/// Renders a recovery secret for printing once.
pub fn encode(key: &SecretKey) -> Zeroizing<String> {
    let mut bytes = Zeroizing::new(key.seed().to_vec());
    let check = Sha256::digest(key.seed());
    bytes.extend_from_slice(check.get(..2).unwrap_or_default());
    let hex = Zeroizing::new(hex::encode(bytes.as_slice()));
    let groups: Vec<&str> = hex
        .as_bytes()
        .chunks(4)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    Zeroizing::new(format!("{PREFIX}{}", groups.join("-")))
}

/// Parses what [`encode`] printed, forgiving case, spaces and line breaks.
pub fn decode(text: &str) -> Result<SecretKey, CryptoError> {
    let lower = Zeroizing::new(text.trim().to_ascii_lowercase());
    let body = lower.strip_prefix(PREFIX).ok_or(CryptoError::Format)?;
    let hex: Zeroizing<String> =
        Zeroizing::new(body.chars().filter(|c| c.is_ascii_hexdigit()).collect());
    if body
        .chars()
        .any(|c| !(c.is_ascii_hexdigit() || c == '-' || c.is_whitespace()))
    {
        return Err(CryptoError::Format);
    }
    let bytes = Zeroizing::new(hex::decode(hex.as_bytes()).map_err(|_| CryptoError::Format)?);
    let (seed, check) = bytes.split_at_checked(32).ok_or(CryptoError::Format)?;
    if check.len() != 2 || Sha256::digest(seed).get(..2) != Some(check) {
        return Err(CryptoError::Format);
    }
    SecretKey::from_seed(seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_forgives_case_and_spacing() {
        let key = SecretKey::generate().unwrap();
        let text = encode(&key);
        assert!(text.starts_with(PREFIX));
        let spaced = format!("  {}\n", text.to_uppercase().replace('-', " ")).replacen(
            "CHORUS RECOVERY ",
            "CHORUS-RECOVERY-",
            1,
        );
        let back = decode(&spaced).unwrap();
        assert_eq!(back.seed(), key.seed());
    }

    #[test]
    fn typos_are_caught_by_the_checksum() {
        let key = SecretKey::from_seed(&[5; 32]).unwrap();
        let text = encode(&key).to_string();
        let last = text.chars().last().unwrap();
        let typo = format!(
            "{}{}",
            &text[..text.len() - 1],
            if last == '0' { '1' } else { '0' }
        );
        assert!(decode(&typo).is_err());
        assert!(decode("chorus-recovery-zz").is_err());
        assert!(decode("nonsense").is_err());
    }
}
