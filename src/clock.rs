//! The one place that reads the wall clock, and the day and week formats built on it.
//!
//! Services hold a [`Clock`] given to them when they are built, so a test can run them at
//! any time it likes; `clippy.toml` forbids `OffsetDateTime::now_utc` everywhere else.
//! Staff-side records (audit entries, key creation) carry the second; survivor rows never
//! carry more than a day.

use std::sync::Arc;

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// Where "now" comes from.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> OffsetDateTime + Send + Sync>);

impl Clock {
    /// The system's UTC clock.
    pub fn system() -> Clock {
        #[allow(clippy::disallowed_methods)] // reason: this is the clock
        Clock(Arc::new(OffsetDateTime::now_utc))
    }

    /// A clock stopped at `at` (tests).
    pub fn fixed(at: OffsetDateTime) -> Clock {
        Clock(Arc::new(move || at))
    }

    pub fn now(&self) -> Now {
        Now((self.0)())
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// One reading of the clock, in the forms records need.
#[derive(Clone, Copy, Debug)]
pub struct Now(OffsetDateTime);

impl Now {
    pub fn time(self) -> OffsetDateTime {
        self.0
    }

    /// Unix seconds (token expiry, lockouts).
    pub fn unix(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// To the second, as RFC 3339 UTC: what audit entries carry.
    pub fn rfc3339(self) -> String {
        let t = self.0.replace_nanosecond(0).unwrap_or(self.0);
        t.format(&Rfc3339).unwrap_or_default()
    }

    pub fn date(self) -> Date {
        self.0.date()
    }

    /// Today as `YYYY-MM-DD`: all a survivor row or thread message carries.
    pub fn day(self) -> String {
        day_string(self.0.date())
    }
}

/// The first wall-clock tick after `now`: a multiple of `interval_secs` since the epoch,
/// plus `offset_secs` (publication ticks, alert ticks). A tick exactly at `now` is passed.
pub fn next_tick(now: OffsetDateTime, interval_secs: u64, offset_secs: u64) -> OffsetDateTime {
    let interval = i128::from(interval_secs.max(1)) * 1_000_000_000;
    let offset = i128::from(offset_secs) * 1_000_000_000;
    let t = now.unix_timestamp_nanos() - offset;
    let next = (t.div_euclid(interval) + 1) * interval + offset;
    OffsetDateTime::from_unix_timestamp_nanos(next).unwrap_or(now)
}

/// How long from `from` until `to` (zero if `to` has passed).
pub fn until(from: OffsetDateTime, to: OffsetDateTime) -> std::time::Duration {
    std::time::Duration::try_from(to - from).unwrap_or(std::time::Duration::ZERO)
}

/// `YYYY-MM-DD`.
pub fn day_string(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// Parses what [`day_string`] wrote.
pub fn parse_day(text: &str) -> Result<Date, time::error::Parse> {
    Date::parse(
        text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
}

/// ISO week label `YYYY-Www`.
pub fn week_label(day: Date) -> String {
    let (year, week, _) = day.to_iso_week_date();
    format!("{year:04}-W{week:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn days_and_weeks_are_formatted_and_parsed() {
        assert_eq!(week_label(date!(2026 - 11 - 28)), "2026-W48");
        assert_eq!(week_label(date!(2027 - 01 - 01)), "2026-W53");
        assert_eq!(day_string(date!(2026 - 01 - 05)), "2026-01-05");
        assert_eq!(parse_day("2026-01-05").unwrap(), date!(2026 - 01 - 05));
        assert!(parse_day("2026-13-05").is_err());
    }

    #[test]
    fn a_fixed_clock_reads_the_same_every_time() {
        let clock = Clock::fixed(datetime!(2026-12-01 12:34:56.789 UTC));
        let now = clock.now();
        assert_eq!(now.rfc3339(), "2026-12-01T12:34:56Z");
        assert_eq!(now.day(), "2026-12-01");
        assert_eq!(now.unix(), clock.now().unix());
    }
}
