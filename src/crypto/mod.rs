//! Every cryptographic operation Chorus performs, built from reviewed crates. Nothing
//! outside this module names a primitive; callers seal and open with labels.

pub mod checkpoint;
pub mod code_words;
pub mod cosignature;
pub mod labels;
pub mod merkle;
pub mod message;
pub mod note;
pub mod padding;
pub mod passphrase;
pub mod publication;
pub mod random;
pub mod receipt;
pub mod recovery;
pub mod staff_key;
pub mod suite;
pub mod testimony;
pub mod token;
pub mod vault;

mod error;

pub use error::CryptoError;
