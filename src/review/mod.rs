//! Staff-side services: first-admin set-up, epoch keys and their grants, opening keys with
//! a password or the recovery key.

pub mod argon_gate;
pub mod auth;
pub mod devices;
pub mod epochs;
pub mod export;
pub mod keyring;
pub mod retention;
pub mod sessions;
pub mod setup;
pub mod staff_admin;
pub mod triage;

use crate::crypto::CryptoError;
use crate::store::StoreError;

/// Why a staff operation failed. Messages are safe to show: they never say which of
/// username, password or code was wrong.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("those details did not match")]
    BadCredentials,
    #[error("{0}")]
    InvalidInput(&'static str),
    #[error("set-up has already been completed")]
    AlreadySetUp,
    #[error("this link is no longer valid")]
    TokenInvalid,
    #[error("the server is busy; please try again in a moment")]
    Busy,
    #[error("a cryptographic operation failed: {0}")]
    Crypto(#[from] CryptoError),
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
}
