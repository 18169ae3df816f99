//! How the staff alerts are doing, in words, for the admin page and (when one is failing)
//! a notice on every admin's inbox.

use crate::notify::{AlertState, Failure};
use crate::web::layout::Chrome;

pub struct AlertsView {
    /// The channels set up, in words (empty: none).
    pub channels: String,
    pub next: String,
    pub last: String,
    /// One sentence per failing channel.
    pub failing: Vec<String>,
}

fn instant(layout: &Chrome<'_>, t: time::OffsetDateTime) -> String {
    layout.tr.unix_time(t.unix_timestamp())
}

impl AlertsView {
    pub fn of(layout: &Chrome<'_>, state: &AlertState) -> AlertsView {
        AlertsView {
            channels: state
                .channels
                .iter()
                .map(|c| layout.tr.t(c.key()))
                .collect::<Vec<_>>()
                .join(", "),
            next: state
                .next_tick
                .map(|t| instant(layout, t))
                .unwrap_or_default(),
            last: state
                .last_sent
                .map_or_else(|| layout.tr.t("alerts-never"), |t| instant(layout, t)),
            failing: failing(layout, state),
        }
    }
}

/// "E-mail alerts are failing since …: could not connect (3 attempts)."
pub fn failing(layout: &Chrome<'_>, state: &AlertState) -> Vec<String> {
    state
        .failing
        .iter()
        .map(|f| {
            let reason = match f.failure {
                Failure::HttpStatus(code) => layout.tr.t1("alerts-failure-http", "code", code),
                other => layout.tr.t(other.key()),
            };
            layout.tr.args(
                "alerts-failing",
                &[
                    ("channel", layout.tr.t(f.channel.key())),
                    ("since", instant(layout, f.since)),
                    ("reason", reason),
                    ("attempts", layout.tr.number(u64::from(f.attempts))),
                ],
            )
        })
        .collect()
}
