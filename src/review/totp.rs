//! TOTP (RFC 6238) as staff use it: SHA-1, 6 digits, 30 s steps, ±1 step of skew, under one
//! issuer name, with 160-bit secrets.

use zeroize::Zeroizing;

use super::ReviewError;
use crate::crypto::random;

/// The issuer authenticator apps show.
pub const ISSUER: &str = "Chorus";

/// Bytes of a TOTP secret (160 bits, as RFC 4226 recommends).
pub const SECRET_BYTES: usize = 20;

/// A new TOTP secret.
pub fn new_secret() -> Result<Zeroizing<Vec<u8>>, ReviewError> {
    Ok(Zeroizing::new(random::bytes::<SECRET_BYTES>()?.to_vec()))
}

/// The generator for one account.
pub fn totp(secret: &[u8], username: &str) -> Result<totp_rs::Totp, ReviewError> {
    totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(totp_rs::Secret::new(secret.to_vec().into_boxed_slice()))
        .with_issuer(Some(ISSUER))
        .with_account_name(username)
        .build()
        .map_err(|_| ReviewError::InvalidInput("err-totp-secret"))
}

/// The `otpauth://` URI an authenticator app scans.
pub fn uri(secret: &[u8], username: &str) -> Result<String, ReviewError> {
    totp(secret, username)?
        .to_url()
        .map_err(|_| ReviewError::InvalidInput("err-totp-secret"))
}

/// The secret as people type it into an authenticator app (base32).
pub fn base32(secret: &[u8]) -> String {
    totp_rs::Secret::new(secret.to_vec().into_boxed_slice()).to_base32()
}

/// Reads back a secret a form carried as base32; None unless it is a whole secret.
pub fn parse_base32(text: &str) -> Option<Zeroizing<Vec<u8>>> {
    let secret = totp_rs::Secret::try_from_base32(text).ok()?;
    let bytes = Zeroizing::new(secret.as_bytes().to_vec());
    (bytes.len() == SECRET_BYTES).then_some(bytes)
}
