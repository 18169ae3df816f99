//! Whether a member's verified figures are plausible enough to add up. A signature proves
//! who published a figure, not that it is true: a member that signs a total of 2^64−1 would
//! otherwise set the coalition's sum, badge and card to it. So every figure has a cap, and
//! the totals may rise only so fast since a baseline: figures summed earlier, which moves
//! at most once a day, with the time between measured on this site's clock (a member
//! dates its own snapshots). A refused member is shown with the reason and left out of the
//! sum; its figures come back into it once they are within the bounds again.

use crate::publish::PublicCounts;
use crate::publish::signed::Payload;

use super::view::Reason;

/// A day, in seconds: the baseline moves at most this often.
pub const DAY_SECS: i64 = 86_400;

/// The configured bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub max_figure: u64,
    pub max_daily_growth: u64,
}

/// Why figures are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implausible {
    /// A figure above the cap.
    TooLarge,
    /// Totals rising faster than the daily bound since the figures last summed.
    TooFast,
}

impl Implausible {
    pub fn reason(self) -> Reason {
        match self {
            Implausible::TooLarge => Reason::Implausible,
            Implausible::TooFast => Reason::TooFast,
        }
    }
}

/// Checks `next` against the bounds and the `baseline` (figures summed `elapsed` seconds
/// ago by this site's clock), if any.
pub fn check(
    next: &Payload,
    baseline: Option<(&Payload, i64)>,
    bounds: Bounds,
) -> Result<(), Implausible> {
    if figures(&next.counts).any(|n| n > bounds.max_figure) {
        return Err(Implausible::TooLarge);
    }
    let Some((baseline, elapsed)) = baseline else {
        return Ok(());
    };
    let rise = total(&next.counts).saturating_sub(total(&baseline.counts));
    // Whole days gone, at least one: the first day allows a day's growth, however often
    // the member publishes or is checked.
    let days = u64::try_from(elapsed / DAY_SECS).unwrap_or(0).max(1);
    if rise > bounds.max_daily_growth.saturating_mul(days) {
        return Err(Implausible::TooFast);
    }
    Ok(())
}

/// Statements and pledges together.
fn total(counts: &PublicCounts) -> u64 {
    let statements = counts.statements.total.unwrap_or(0);
    statements.saturating_add(counts.pledges.total.unwrap_or(0))
}

/// Every figure a snapshot publishes.
fn figures(counts: &PublicCounts) -> impl Iterator<Item = u64> + '_ {
    let s = &counts.statements;
    [s.total, counts.pledges.total]
        .into_iter()
        .chain(s.by_category.values().copied())
        .chain(s.by_week.values().copied())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Bounds = Bounds {
        max_figure: 1_000,
        max_daily_growth: 100,
    };

    fn payload(published_at: &str, statements: u64, pledges: u64) -> Payload {
        let mut counts = PublicCounts::empty(1, &["a".to_owned()]);
        counts.published_at = Some(published_at.to_owned());
        counts.statements.total = Some(statements);
        counts.pledges.total = Some(pledges);
        Payload {
            format: crate::publish::signed::FORMAT.to_owned(),
            seq: 1,
            previous: None,
            published_at: published_at.to_owned(),
            counts,
        }
    }

    #[test]
    fn every_refusal_and_every_acceptance() {
        let day0 = payload("2026-12-01T00:00:00Z", 100, 10);
        let mut huge_category = payload("2026-12-01T00:00:00Z", 1, 0);
        huge_category
            .counts
            .statements
            .by_category
            .insert("a".to_owned(), Some(u64::MAX));
        let mut huge_week = payload("2026-12-01T00:00:00Z", 1, 0);
        huge_week
            .counts
            .statements
            .by_week
            .insert("2026-W48".to_owned(), Some(1_001));
        type Case<'a> = (
            &'a str,
            Payload,
            Option<(&'a Payload, i64)>,
            Result<(), Implausible>,
        );
        let cases: [Case; 12] = [
            ("first sight, within the cap", day0.clone(), None, Ok(())),
            (
                "first sight, 2^64-1",
                payload("2026-12-01T00:00:00Z", u64::MAX, 0),
                None,
                Err(Implausible::TooLarge),
            ),
            (
                "a category over the cap",
                huge_category,
                None,
                Err(Implausible::TooLarge),
            ),
            (
                "a week over the cap",
                huge_week,
                None,
                Err(Implausible::TooLarge),
            ),
            (
                "pledges over the cap",
                payload("2026-12-01T00:00:00Z", 0, 1_001),
                None,
                Err(Implausible::TooLarge),
            ),
            (
                "a day's growth within the bound",
                payload("2026-12-02T00:00:00Z", 190, 20),
                Some((&day0, DAY_SECS)),
                Ok(()),
            ),
            (
                "an hour later, a day's worth is still allowed",
                payload("2026-12-01T01:00:00Z", 200, 10),
                Some((&day0, 3_600)),
                Ok(()),
            ),
            (
                "too fast within a day",
                payload("2026-12-01T01:00:00Z", 200, 11),
                Some((&day0, 3_600)),
                Err(Implausible::TooFast),
            ),
            (
                "three days allow three days' growth",
                payload("2026-12-04T00:00:00Z", 400, 10),
                Some((&day0, 3 * DAY_SECS)),
                Ok(()),
            ),
            (
                "a member dating its snapshot a year later gains nothing: this site's clock counts",
                payload("2027-12-01T00:00:00Z", 300, 10),
                Some((&day0, 3_600)),
                Err(Implausible::TooFast),
            ),
            (
                "a day and a half allows one day's growth, not two",
                payload("2026-12-02T12:00:00Z", 250, 10),
                Some((&day0, DAY_SECS + DAY_SECS / 2)),
                Err(Implausible::TooFast),
            ),
            (
                "figures that fall are not refused",
                payload("2026-12-01T01:00:00Z", 0, 0),
                Some((&day0, 3_600)),
                Ok(()),
            ),
        ];
        for (what, next, summed, expected) in cases {
            assert_eq!(check(&next, summed, BOUNDS), expected, "{what}");
        }
    }
}
