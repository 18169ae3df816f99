//! Differential privacy for every published figure: how the noised figures are built from
//! blocks of true counts, how the budget `ε` is shared among them, and how large the noise is.
//!
//! A tick folds what changed into a block named by the day of the tick: the net change,
//! `fold:YYYY-MM-DD` (statements counted) less `unfold:YYYY-MM-DD` (statements removed). Blocks of different days hold different
//! statements, so noising each block once composes in parallel. Each statement sits in one
//! day block, hence in one week; it is released through:
//!
//! - its **week** (55 % of ε): each closed ISO week's block sum, noised once — `by_week`,
//!   and the part of the total before this week;
//! - its **day** (25 %), while its week is still open: each closed day of the open week,
//!   noised once — the rest of the total. The total is a sum of noised blocks, so its error
//!   grows with the square root of the number of weeks, not of ticks;
//! - its **categories** (20 %): the category tally counts each statement under one of the
//!   categories it names (chosen by its random id when it names several), so one statement
//!   moves that tally by at most 1; it is released when a week closes, at most every four
//!   weeks, each release adding one noise draw per category (what entered between two
//!   releases is a disjoint set of statements). Counting a statement in every category it
//!   names would multiply the noise by their number (6 by default); releasing weekly would
//!   double it after a year. Both would make the kinds wobble by hundreds.
//!
//! 55 + 25 + 20 = 100 %: each statement's arrival costs at most ε. A later removal (spam,
//! withdrawal, leaving the `reviewed` counts) is one more event of the same kind. Pledges are
//! other people's acts, with their own ε: 70 % to weeks, 30 % to days.
//!
//! Noise is drawn once per released cell and kept in `noise`; rounding to `min_cell` and
//! "fewer than" come after, as post-processing. Figures move at most once a day.

use std::collections::BTreeMap;

use time::{Date, Duration, OffsetDateTime};

use super::cells::{Cell, Kept, kept_day};
use super::error::PublishError;
use super::noise::{Scale, Uniform, discrete_laplace};
use super::published::{
    Margins, PledgeCounts, Privacy, PublicCounts, StatementCounts, published_at, round,
};
use crate::clock::week_label;
use crate::domain::TestimonyId;

/// Shares of ε, in percent.
const WEEK_SHARE: u64 = 55;
const DAY_SHARE: u64 = 25;
const CATEGORY_SHARE: u64 = 20;
const PLEDGE_WEEK_SHARE: u64 = 70;
const PLEDGE_DAY_SHARE: u64 = 30;
// A statement is in one week, one day and one category block; a pledge in one week and one
// day block: each one's total loss is ε only if its shares add up to exactly 100.
const _: () = assert!(WEEK_SHARE + DAY_SHARE + CATEGORY_SHARE == 100);
const _: () = assert!(PLEDGE_WEEK_SHARE + PLEDGE_DAY_SHARE == 100);
/// Most categories one statement counts in, in the noised category figures.
pub const CATEGORIES_PER_STATEMENT: usize = 1;
/// Weeks between two releases of the category figures.
pub const CATEGORY_RELEASE_WEEKS: i64 = 4;

/// The noise scales of one deployment, from `noise_epsilon` in thousandths.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    pub milli_epsilon: u64,
    pub week: Scale,
    pub day: Scale,
    pub category: Scale,
    pub pledge_week: Scale,
    pub pledge_day: Scale,
}

impl Budget {
    /// None when noise is off (ε = 0).
    pub fn new(milli_epsilon: u64) -> Option<Budget> {
        let s = |sensitivity, share| Scale::for_budget(sensitivity, milli_epsilon, share);
        Some(Budget {
            milli_epsilon,
            week: s(1, WEEK_SHARE)?,
            day: s(1, DAY_SHARE)?,
            category: s(CATEGORIES_PER_STATEMENT as u64, CATEGORY_SHARE)?,
            pledge_week: s(1, PLEDGE_WEEK_SHARE)?,
            pledge_day: s(1, PLEDGE_DAY_SHARE)?,
        })
    }

    /// The 95 % margins (normal approximation of a sum of noise draws) of the figures built
    /// from `weeks` closed weeks, `open_days` closed days of the open week and
    /// `category_releases` category releases.
    pub fn margins(&self, weeks: u64, open_days: u64, category_releases: u64) -> Margins {
        // 2.12 standard deviations: the 95 % point of one Laplace draw, a little above a
        // normal's 1.96, so a margin over few draws is not understated.
        let m = |variance: f64| (2.12 * variance.sqrt()).ceil() as u64;
        Margins {
            total: m(weeks as f64 * self.week.variance() + open_days as f64 * self.day.variance()),
            by_category: m(category_releases as f64 * self.category.variance()),
            by_week: m(self.week.variance()),
            pledges: m(weeks as f64 * self.pledge_week.variance()
                + open_days as f64 * self.pledge_day.variance()),
        }
    }

    fn privacy(&self, margins: Margins) -> Privacy {
        Privacy {
            mechanism: "discrete_laplace_blocks".to_owned(),
            epsilon: self.milli_epsilon as f64 / 1000.0,
            error_95: Some(margins),
        }
    }
}

/// The categories a statement counts in for the noised figures: the one it names, or one
/// of those it names chosen by its id (random, so the choice is uniform, and it stays the
/// same when the statement is later removed).
pub fn counted_categories(id: &TestimonyId, categories: &[String]) -> Vec<String> {
    let mut sorted: Vec<&String> = categories.iter().collect();
    sorted.sort();
    sorted.dedup();
    if sorted.len() <= CATEGORIES_PER_STATEMENT {
        return sorted.into_iter().cloned().collect();
    }
    let word = id
        .as_bytes()
        .iter()
        .take(8)
        .fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
    let pick = usize::try_from(word % sorted.len() as u64).unwrap_or(0);
    sorted
        .get(pick)
        .map(|c| vec![(*c).clone()])
        .unwrap_or_default()
}

/// What a release reads: the true counts and what earlier releases kept.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    pub cells: BTreeMap<Cell, u64>,
    pub kept: BTreeMap<Kept, i64>,
}

/// What a release decided: the figures, and what the write job stores for them.
#[derive(Debug)]
pub struct Released {
    pub figures: PublicCounts,
    /// Noise drawn for cells released for the first time: each stored once, never replaced.
    pub draws: Vec<(Kept, i64)>,
    /// The release's memory (start, days released, category figures), each overwritten.
    pub markers: Vec<(Kept, i64)>,
}

/// The one rule that makes kept noise safe to reuse: a release at `today` releases every
/// day before it (from `start`), and a tick folds only into a day after the last one
/// released. A fold into a released day would let two figures carrying the same kept noise
/// differ by exactly what it added.
pub fn released_through(today: Date, start: Date) -> Option<Date> {
    (today > start).then(|| today - Duration::days(1))
}

/// The day a tick at `now` folds into: the day before the tick (a tick at midnight closes
/// it), but never a day already released (see `released_through`).
pub fn fold_day(now: OffsetDateTime, released: Option<Date>) -> Date {
    let day = fold_day_of(now);
    match released {
        Some(r) if day <= r => r + Duration::days(1),
        _ => day,
    }
}

/// The day a tick's folds belong to when nothing was released yet.
fn fold_day_of(now: OffsetDateTime) -> Date {
    (now - Duration::seconds(1)).date()
}

fn monday(day: Date) -> Date {
    day - Duration::days(i64::from(day.weekday().number_days_from_monday()))
}

/// The noised figures built from the blocks of `ledger` at `now`, drawing noise for every
/// cell released for the first time. Pure: the caller stores the draws and markers in the
/// same transaction it read the ledger in.
pub fn release(
    ledger: &Ledger,
    now: OffsetDateTime,
    min_cell: u64,
    categories: &[String],
    budget: &Budget,
    rng: &mut impl Uniform,
) -> Result<Released, PublishError> {
    let cells = &ledger.cells;
    let mut kept = Keeper::new(&ledger.kept);
    let today = now.date();
    let this_monday = monday(today);
    let cell = |c: Cell| {
        cells
            .get(&c)
            .map_or(0, |n| i64::try_from(*n).unwrap_or(i64::MAX))
    };
    // A day's net change: what was counted less what was removed. Pledges are never
    // removed.
    let block = |day: Date| cell(Cell::Fold(day)) - cell(Cell::Unfold(day));
    let pledge_block = |day: Date| cell(Cell::PledgeFold(day));
    // Every week from the start is published, with or without statements: a week missing
    // from the list would say it had none. The start is fixed at the first release, from the
    // clock alone (the week of that tick's fold day) — or earlier, when blocks from before
    // noise was on are there (their figures were published exact already).
    let start = match kept.day(&Kept::Start) {
        Some(start) => start,
        None => {
            let first_week = monday(fold_day_of(now));
            let earliest = cells
                .keys()
                .filter_map(|c| match c {
                    Cell::Fold(d) | Cell::PledgeFold(d) => Some(*d),
                    _ => None,
                })
                .filter(|d| *d < first_week)
                .min()
                .map(monday);
            let start = earliest.map_or(first_week, |e| e.min(first_week));
            kept.mark_day(Kept::Start, start);
            start
        }
    };
    if let Some(through) = released_through(today, start)
        && kept.day(&Kept::ReleasedThrough).is_none_or(|t| t < through)
    {
        kept.mark_day(Kept::ReleasedThrough, through);
    }

    let (mut total, mut pledges) = (0i64, 0i64);
    let mut by_week = BTreeMap::new();
    let mut weeks = 0u64;
    let mut week = start;
    while week < this_monday {
        let label = week_label(week);
        let days = (0..7).map(|i| week + Duration::days(i));
        let (t, p) = days.fold((0, 0), |(t, p), d| (t + block(d), p + pledge_block(d)));
        let noised = t + kept.draw(rng, Kept::WeekNoise(label.clone()), budget.week)?;
        by_week.insert(label.clone(), round(clamp(noised), min_cell));
        total += noised;
        pledges += p + kept.draw(rng, Kept::PledgeWeekNoise(label), budget.pledge_week)?;
        weeks += 1;
        week += Duration::days(7);
    }
    let mut open_days = 0u64;
    let mut day = this_monday;
    while day < today {
        total += block(day) + kept.draw(rng, Kept::DayNoise(day), budget.day)?;
        pledges +=
            pledge_block(day) + kept.draw(rng, Kept::PledgeDayNoise(day), budget.pledge_day)?;
        open_days += 1;
        day += Duration::days(1);
    }

    // Categories: released when a week closes, at most every `CATEGORY_RELEASE_WEEKS`.
    let last_closed = (this_monday > start).then(|| this_monday - Duration::days(7));
    let released = kept.day(&Kept::CategoriesReleased);
    let due = |closed: &Date| {
        released.is_none_or(|r| *closed >= r + Duration::weeks(CATEGORY_RELEASE_WEEKS))
    };
    if let Some(closed) = last_closed.filter(due) {
        let label = week_label(closed);
        for c in categories {
            let noise = Kept::CategoryNoise {
                week: label.clone(),
                category: c.clone(),
            };
            kept.draw(rng, noise, budget.category)?;
        }
        for c in categories {
            let noise_sum: i64 = kept
                .all()
                .filter_map(|(k, v)| match k {
                    Kept::CategoryNoise { category, .. } if category == c => Some(*v),
                    _ => None,
                })
                .sum();
            // Kept as published (rounded, -1 for "fewer than"): kept exact beside the noise
            // draws, it would give away the exact tally at the release, and so the
            // categories of everything counted since.
            let shown = round(
                clamp(cell(Cell::CountedCategory(c.clone())) + noise_sum),
                min_cell,
            )
            .map_or(-1, |v| i64::try_from(v).unwrap_or(i64::MAX));
            kept.mark(Kept::ReleasedCategory(c.clone()), shown);
        }
        kept.mark_day(Kept::CategoriesReleased, closed);
    }
    let by_category = categories
        .iter()
        .map(|c| {
            let v = kept.get(&Kept::ReleasedCategory(c.clone()));
            (c.clone(), v.and_then(|v| u64::try_from(v).ok()))
        })
        .collect();
    let category_releases = kept
        .all()
        .filter_map(|(k, _)| match k {
            Kept::CategoryNoise { week, .. } => Some(week),
            _ => None,
        })
        .collect::<std::collections::BTreeSet<_>>()
        .len() as u64;

    let margins = budget.margins(weeks, open_days, category_releases);
    let figures = PublicCounts {
        published_at: published_at(now),
        min_cell,
        statements: StatementCounts {
            total: round(clamp(total), min_cell),
            by_category,
            by_week,
        },
        pledges: PledgeCounts {
            total: round(clamp(pledges), min_cell),
        },
        privacy: budget.privacy(margins),
    };
    Ok(kept.into_released(figures))
}

/// What one release has kept so far: the stored values, and what it added to them.
struct Keeper<'a> {
    stored: &'a BTreeMap<Kept, i64>,
    added: BTreeMap<Kept, i64>,
    draws: Vec<(Kept, i64)>,
    markers: Vec<(Kept, i64)>,
}

impl<'a> Keeper<'a> {
    fn new(stored: &'a BTreeMap<Kept, i64>) -> Keeper<'a> {
        Keeper {
            stored,
            added: BTreeMap::new(),
            draws: Vec::new(),
            markers: Vec::new(),
        }
    }

    fn get(&self, k: &Kept) -> Option<i64> {
        self.added.get(k).or_else(|| self.stored.get(k)).copied()
    }

    /// Every value, each once (what this release set overrides what was stored).
    fn all(&self) -> impl Iterator<Item = (&Kept, &i64)> {
        self.added.iter().chain(
            self.stored
                .iter()
                .filter(|(k, _)| !self.added.contains_key(*k)),
        )
    }

    /// A day stored as its Julian day number.
    fn day(&self, k: &Kept) -> Option<Date> {
        self.get(k).and_then(kept_day)
    }

    /// The noise of `cell`: the value kept if it was ever drawn, else a new draw.
    fn draw(
        &mut self,
        rng: &mut impl Uniform,
        cell: Kept,
        scale: Scale,
    ) -> Result<i64, PublishError> {
        if let Some(v) = self.get(&cell) {
            return Ok(v);
        }
        let z = discrete_laplace(rng, scale).map_err(|_| PublishError::Random)?;
        self.added.insert(cell.clone(), z);
        self.draws.push((cell, z));
        Ok(z)
    }

    fn mark(&mut self, k: Kept, value: i64) {
        self.added.insert(k.clone(), value);
        self.markers.push((k, value));
    }

    fn mark_day(&mut self, k: Kept, day: Date) {
        self.mark(k, i64::from(day.to_julian_day()));
    }

    fn into_released(self, figures: PublicCounts) -> Released {
        Released {
            figures,
            draws: self.draws,
            markers: self.markers,
        }
    }
}

fn clamp(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::noise::tests::Seeded;
    use time::macros::{date, datetime};

    fn add(ledger: &mut Ledger, cell: Cell, n: u64) {
        *ledger.cells.entry(cell).or_default() += n;
    }

    /// What the write job does with a release: keeps its draws and markers.
    fn keep(ledger: &mut Ledger, released: &Released) {
        for (k, v) in released.draws.iter().chain(&released.markers) {
            ledger.kept.insert(k.clone(), *v);
        }
    }

    #[test]
    fn a_statement_counts_in_one_category_always_the_same_one() {
        let all: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        let mut seen = std::collections::BTreeMap::<String, u32>::new();
        for i in 0..5000u32 {
            let id = TestimonyId::from_bytes(crate::crypto::random::id().unwrap());
            let picked = counted_categories(&id, &all);
            assert_eq!(picked.len(), 1);
            let mut reversed = all.clone();
            reversed.reverse();
            assert_eq!(
                counted_categories(&id, &reversed),
                picked,
                "order does not matter"
            );
            *seen.entry(picked[0].clone()).or_default() += 1;
            let _ = i;
        }
        // Uniform: each of 5 gets about 1,000 of 5,000.
        for (c, n) in &seen {
            assert!((850..1150).contains(n), "{c}: {n} ({seen:?})");
        }
        let one = TestimonyId::from_bytes([1; 16]);
        assert_eq!(counted_categories(&one, &all[..1]), all[..1].to_vec());
        assert!(counted_categories(&one, &[]).is_empty());
    }

    #[test]
    fn noise_is_drawn_once_and_figures_are_sums_of_noised_blocks() {
        let mut ledger = Ledger::default();
        let budget = Budget::new(1000).unwrap();
        let cats = ["a".to_owned()];
        // Three closed weeks of 100 each (Mondays 9, 16, 23 Nov 2026) and two days of the
        // open week (Mon 30 Nov, Tue 1 Dec) of 10 each; now is Wed 2 Dec.
        for day in [
            date!(2026 - 11 - 09),
            date!(2026 - 11 - 16),
            date!(2026 - 11 - 23),
        ] {
            add(&mut ledger, Cell::Fold(day), 100);
        }
        for day in [date!(2026 - 11 - 30), date!(2026 - 12 - 01)] {
            add(&mut ledger, Cell::Fold(day), 10);
        }
        add(&mut ledger, Cell::CountedCategory("a".to_owned()), 250);
        let now = datetime!(2026-12-02 00:00 UTC);
        let first = release(&ledger, now, 1, &cats, &budget, &mut Seeded(1)).unwrap();
        keep(&mut ledger, &first);
        let again = release(&ledger, now, 1, &cats, &budget, &mut Seeded(99)).unwrap();
        assert_eq!(first.figures, again.figures, "kept noise is used again");
        assert!(again.draws.is_empty(), "a second release draws nothing new");
        let n = |k: Kept| ledger.kept[&k];
        let weeks = ["2026-W46", "2026-W47", "2026-W48"];
        for w in weeks {
            assert_eq!(
                first.figures.statements.by_week[w],
                round(clamp(100 + n(Kept::WeekNoise(w.to_owned()))), 1)
            );
        }
        let expected = 300
            + weeks
                .iter()
                .map(|w| n(Kept::WeekNoise((*w).to_owned())))
                .sum::<i64>()
            + 20
            + n(Kept::DayNoise(date!(2026 - 11 - 30)))
            + n(Kept::DayNoise(date!(2026 - 12 - 01)));
        assert_eq!(first.figures.statements.total, round(clamp(expected), 1));
        let category_noise = Kept::CategoryNoise {
            week: "2026-W48".to_owned(),
            category: "a".to_owned(),
        };
        assert_eq!(
            first.figures.statements.by_category["a"],
            round(clamp(250 + n(category_noise)), 1)
        );
        let privacy = first.figures.privacy;
        assert_eq!(privacy.epsilon, 1.0);
        assert!(privacy.error_95.unwrap().total > 0);
    }

    #[test]
    fn figures_are_noised() {
        // Thirty closed weeks of 100: with noise, not all of them can read exactly 100.
        let mut ledger = Ledger::default();
        let budget = Budget::new(1000).unwrap();
        let mut day = date!(2026 - 05 - 04);
        for _ in 0..30 {
            add(&mut ledger, Cell::Fold(day), 100);
            day += Duration::days(7);
        }
        let counts = release(
            &ledger,
            datetime!(2026-12-02 00:00 UTC),
            1,
            &[],
            &budget,
            &mut Seeded(5),
        )
        .unwrap()
        .figures;
        let off = counts
            .statements
            .by_week
            .values()
            .filter(|v| **v != Some(100))
            .count();
        assert!(off > 10, "only {off} of 30 weeks carry noise");
    }

    #[test]
    fn a_fold_never_lands_on_a_day_already_released() {
        let mut ledger = Ledger::default();
        let budget = Budget::new(1000).unwrap();
        let midnight = datetime!(2026-12-02 00:00 UTC);
        let through = |ledger: &Ledger| {
            ledger
                .kept
                .get(&Kept::ReleasedThrough)
                .map(|j| Date::from_julian_day(i32::try_from(*j).unwrap()).unwrap())
        };
        assert_eq!(fold_day(midnight, through(&ledger)), date!(2026 - 12 - 01));
        let first = release(&ledger, midnight, 1, &[], &budget, &mut Seeded(2)).unwrap();
        keep(&mut ledger, &first);
        assert_eq!(through(&ledger), Some(date!(2026 - 12 - 01)));
        // A second tick within the same second would fold into the 1st, already released.
        let again = datetime!(2026-12-02 00:00:00.5 UTC);
        assert_eq!(fold_day(again, through(&ledger)), date!(2026 - 12 - 02));
    }

    #[test]
    fn the_published_weeks_start_where_the_clock_says_whatever_was_folded() {
        // The first tick ever, Monday 00:00: whether Sunday's block holds anything must not
        // change which weeks are listed.
        let monday = datetime!(2026-11-30 00:00 UTC);
        let budget = Budget::new(1000).unwrap();
        let weeks = |with_sunday: bool| {
            let mut ledger = Ledger::default();
            if with_sunday {
                add(&mut ledger, Cell::Fold(date!(2026 - 11 - 29)), 12);
            }
            let released = release(&ledger, monday, 1, &[], &budget, &mut Seeded(4)).unwrap();
            released
                .figures
                .statements
                .by_week
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(weeks(true), weeks(false));
        assert_eq!(weeks(false), ["2026-W48"]);
    }

    #[test]
    fn the_default_budget_meets_the_accuracy_target() {
        // A year of daily ticks: 52 closed weeks, and on the worst day 6 open days.
        let m = Budget::new(1000).unwrap().margins(52, 6, 13);
        assert!(m.total <= 50, "{m:?}");
    }
}
