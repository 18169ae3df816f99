//! Things that come in floods — refused survivor requests, broken HTTP streams — are
//! counted, and a task logs each count once a minute if it is not zero: never a
//! timestamped line per event, which would date each survivor who was turned away (even
//! the first after a quiet spell) and let a flood fill the disk.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How often the counts are logged.
const SUMMARY_EVERY: Duration = Duration::from_secs(60);

/// Survivor requests refused (busy, throttled, storage nearly full).
pub static REFUSED: Tally =
    Tally::new("survivor requests refused (busy, throttled or storage nearly full)");
/// Streams actix's HTTP/1 parser gave up on.
pub static BROKEN_STREAMS: Tally = Tally::new("malformed or broken HTTP streams closed");

pub struct Tally {
    count: AtomicU64,
    what: &'static str,
}

impl Tally {
    /// `what` ends the summary line: "{n} {what} in the last minute".
    pub const fn new(what: &'static str) -> Tally {
        Tally {
            count: AtomicU64::new(0),
            what,
        }
    }

    /// Counts one. Logs nothing: the summary task does, on its own clock.
    pub fn note(&self) {
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    /// Takes the count so far.
    fn take(&self) -> u64 {
        self.count.swap(0, Ordering::Relaxed)
    }

    fn summarise(&self) {
        let n = self.take();
        if n > 0 {
            tracing::warn!(count = n, "{} in the last minute", self.what);
        }
    }
}

/// Runs forever: logs every tally once a minute.
pub async fn summarise_every_minute() {
    let mut every = tokio::time::interval(SUMMARY_EVERY);
    every.tick().await;
    loop {
        every.tick().await;
        REFUSED.summarise();
        BROKEN_STREAMS.summarise();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_counts_until_taken() {
        let t = Tally::new("things");
        t.note();
        t.note();
        assert_eq!(t.take(), 2);
        assert_eq!(t.take(), 0);
    }
}
