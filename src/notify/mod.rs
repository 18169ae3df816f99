//! Staff alerts that say only "something is waiting": by e-mail (SMTP through `lettre`,
//! TLS or STARTTLS beyond this machine) and/or a webhook (a small JSON POST). Sent at
//! wall-clock ticks, only when statements or follow-ups arrived since the last alert, and
//! never with a statement's text, category, id, receipt word — nor, unless the operator
//! chose `notify_detail = "counts"`, how many.
//!
//! - `news`: what arrived, counted in RAM by intake and returning survivors
//! - `alert`: what an alert says (pure)
//! - `mail`, `webhook`: the two channels, each answering a typed [`Failure`]
//! - `notifier`: the service that keeps time, delivers, retries and reports to admins

mod alert;
mod mail;
mod news;
mod notifier;
mod webhook;

pub use alert::{Alert, AlertText};
pub use news::{Arrived, News};
pub use notifier::{AlertState, Channel, ChannelFailure, Notifier};

/// Why a delivery failed, in words safe to log and show (never the server's answer, which
/// may quote an address, nor the URL, which may hold a token).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The channel could not be set up (its TLS settings).
    Setup,
    /// No connection (refused, unreachable, name not found).
    Connect,
    /// TLS failed: certificate, or STARTTLS not offered.
    Tls,
    /// It took too long.
    Timeout,
    /// The server refused: a login, a sender or recipient, or the message.
    Refused,
    /// The server asked to try again later.
    Deferred,
    /// The webhook answered with an HTTP error status.
    HttpStatus(u16),
}

impl Failure {
    /// The catalogue key for the admin page (English for the log via `i18n::english`).
    pub fn key(self) -> &'static str {
        match self {
            Failure::Setup => "alerts-failure-setup",
            Failure::Connect => "alerts-failure-connect",
            Failure::Tls => "alerts-failure-tls",
            Failure::Timeout => "alerts-failure-timeout",
            Failure::Refused => "alerts-failure-refused",
            Failure::Deferred => "alerts-failure-deferred",
            Failure::HttpStatus(_) => "alerts-failure-http",
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::HttpStatus(code) => write!(f, "the webhook answered HTTP {code}"),
            other => f.write_str(&crate::i18n::english(other.key())),
        }
    }
}
