//! Random identifiers and secrets straight from the operating system's generator.

use super::CryptoError;

/// `N` bytes from the OS generator.
pub fn bytes<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).map_err(|_| CryptoError::Random)?;
    Ok(out)
}

/// A 128-bit random identifier for rows: nothing sequential is ever visible.
pub fn id() -> Result<[u8; 16], CryptoError> {
    bytes::<16>()
}

/// 64 random bits (a statement's place in its day: see `store::testimonies::insert`).
pub fn word() -> Result<u64, CryptoError> {
    Ok(u64::from_le_bytes(bytes::<8>()?))
}

/// A 256-bit token rendered as lowercase hex (setup links, invitations, sessions).
pub fn token_hex() -> Result<String, CryptoError> {
    Ok(hex::encode(bytes::<32>()?))
}
