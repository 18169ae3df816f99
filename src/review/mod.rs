//! The staff side as a service: [`Desk`] has one method per staff action, spread over the
//! files below by area; the web handlers and the CLI call those methods and nothing lower.
//!
//! - `desk`: the service object, who acts ([`Actor`]), session lookup, housekeeping
//! - `auth`: logging in and out (passphrase + TOTP, lockout, known browsers)
//! - `inbox`: the inbox page, its filters and counts
//! - `triage`: opening a testimony (which marks a new one read), status, notes, replies,
//!   deletion
//! - `bulk`, `casework`, `labels`: many at once, assignment, sealed labels
//! - `export`: decrypted exports, streamed
//! - `staff_admin`: invitations, enrolment, grants, disabling, rotation, unlocking,
//!   passphrase changes, recovery
//! - `setup`: the first admin (set-up link or `chorus init`)
//! - `audit_view`, `retention`: the audit log; deleting what is past retention
//! - `enrolment`, `totp`, `epochs`, `keyring`, `sessions`, `devices`, `argon_gate`: the
//!   pieces those actions are built from

mod argon_gate;
mod audit_view;
mod auth;
pub mod bulk;
mod casework;
mod desk;
mod devices;
pub mod enrolment;
pub mod epochs;
mod error;
pub mod export;
pub mod inbox;
pub mod keyring;
pub mod labels;
mod retention;
pub mod sessions;
mod setup;
pub mod staff_admin;
pub mod totp;
pub mod triage;

/// The audit log as the service reads it out.
pub use crate::store::audit::{AuditEntry, AuditQuery, BrokenEntry};
pub use audit_view::ChainCheck;
pub use auth::{LoggedIn, LoginAttempt};
pub use desk::{Actor, Desk};
pub use error::ReviewError;
pub use setup::FirstAdmin;
