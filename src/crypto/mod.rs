//! Every cryptographic operation Chorus performs, built from reviewed crates. Nothing
//! outside this module names a primitive; callers seal and open with labels.

pub mod message;
pub mod padding;
pub mod passphrase;
pub mod random;
pub mod receipt;
pub mod recovery;
pub mod staff_key;
pub mod suite;
pub mod testimony;
pub mod token;
pub mod vault;

/// Why a cryptographic operation failed. Deliberately vague: callers must not learn
/// (or tell anyone) which check failed.
#[derive(Debug, thiserror::Error)]
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
