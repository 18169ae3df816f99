//! Why a cryptographic operation failed.

/// Why a cryptographic operation failed. Deliberately vague: callers must not learn
/// (or tell anyone) which check failed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("the ciphertext does not open with this key")]
    Open,
    #[error("the ciphertext is malformed or uses an unknown format")]
    Format,
    #[error("sealing failed")]
    Seal,
    #[error("the operating system's random generator failed")]
    Random,
    #[error("key derivation failed")]
    Kdf,
}
