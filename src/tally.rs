//! Things that come in floods — refused survivor requests, broken HTTP streams — are
//! counted and logged as one line a minute with their number: never a timestamped line per
//! event, which would date each survivor who was turned away and let a flood fill the disk.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How often at most a summary line is logged.
const SUMMARY_EVERY: Duration = Duration::from_secs(60);

pub struct Tally {
    count: AtomicU64,
    last: Mutex<Option<Instant>>,
    what: &'static str,
}

impl Tally {
    /// `what` ends the summary line: "{n} {what} since the last summary".
    pub const fn new(what: &'static str) -> Tally {
        Tally {
            count: AtomicU64::new(0),
            last: Mutex::new(None),
            what,
        }
    }

    /// Counts one; logs the count if the last summary is a minute old.
    pub fn note(&self) {
        self.count.fetch_add(1, Ordering::Relaxed);
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.is_none_or(|at| at.elapsed() >= SUMMARY_EVERY) {
            *last = Some(Instant::now());
            let n = self.count.swap(0, Ordering::Relaxed);
            tracing::warn!(count = n, "{} since the last summary", self.what);
        }
    }
}
