//! Why a staff action failed. `web::error` turns each variant into its HTTP status in one
//! place (documented on each variant); messages are safe to show and never say which of
//! username, passphrase or code was wrong.

use crate::blocking::Joined;
use crate::crypto::CryptoError;
use crate::sealing::SealError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The same answer for every cause: unknown user, wrong passphrase or code, a locked
    /// account, a replayed code. The login page renders it itself with 401; anywhere else
    /// (re-entering a passphrase) it maps to 403.
    #[error("those details did not match")]
    BadCredentials,
    /// 303 to the login page (GET) or 401: no live session, or a cookie whose vault key does
    /// not open its vault.
    #[error("not logged in")]
    NoSession,
    /// 403: an admin-only action by a reviewer.
    #[error("this is for admins")]
    NotAdmin,
    /// 422: understood but not acceptable; the message (a catalogue key, English in logs and
    /// on the command line) says why and what to do.
    #[error("{}", crate::i18n::english(.0))]
    InvalidInput(&'static str),
    /// 404: no such testimony or staff member (perhaps deleted meanwhile).
    #[error("not found")]
    NotFound,
    /// 404 with the "closed" page: set-up has already been completed.
    #[error("set-up has already been completed")]
    AlreadySetUp,
    /// 404 with the "closed" page: the set-up or invitation link is used, expired or unknown.
    #[error("this link is no longer valid")]
    TokenInvalid,
    /// 503 + Retry-After: every Argon2 permit is taken or the login throttle is spent.
    #[error("the server is busy; please try again in a moment")]
    Busy,
    /// 500.
    #[error("a cryptographic operation failed: {0}")]
    Crypto(#[from] CryptoError),
    /// 503 when the store is overloaded (queue full, commit failed), else 500.
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    /// 500.
    #[error("{0}")]
    Joined(#[from] Joined),
}

impl From<crate::blocking::SealingError> for ReviewError {
    fn from(e: crate::blocking::SealingError) -> Self {
        match e {
            crate::blocking::SealingError::Busy => ReviewError::Busy,
            crate::blocking::SealingError::Joined(j) => ReviewError::Joined(j),
        }
    }
}

impl From<SealError> for ReviewError {
    fn from(e: SealError) -> Self {
        match e {
            SealError::NoEpoch => ReviewError::InvalidInput("err-no-epoch"),
            SealError::Crypto(e) => ReviewError::Crypto(e),
            SealError::Store(e) => ReviewError::Store(e),
        }
    }
}
