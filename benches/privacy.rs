//! What the noise costs and what it buys (prints figures; asserts nothing). Every figure
//! comes from the code that publishes (`chorus::publish::figures`), run on an in-memory
//! database at simulated daily ticks.
//!
//! 1. **Error over time** at the default ε = 1: the 95th percentile of |published − true|
//!    for the total, one category and one week after 1, 30, 365 and 1,825 daily ticks (and
//!    369: a year ending on a Sunday, the day the open week adds the most noise).
//! 2. **The n−1 flooder.** The attacker knows every statement but one survivor's (they sent
//!    the rest, or flooded until the others were known) and wants to learn whether the
//!    survivor spoke up on a given day, naming a given category. Without noise (rounding to
//!    10 only) the attacker tops the count up to one below a step and reads the answer off
//!    the next tick. With noise, the attacker is given every advantage (no rounding, every
//!    earlier noise value known) and decides by likelihood ratio from the day's, the
//!    week's and the category's releases. A coin flip scores 50 %; ε-DP caps any attacker
//!    at e^ε / (1 + e^ε).
//!
//! Run: `cargo bench --bench privacy` (optionally `-- TRIALS`, default 300). With
//! `CHORUS_BENCH_SEED=N` every draw comes from a generator seeded with N instead of the OS,
//! so two builds print the same figures exactly when they publish the same figures (how a
//! refactoring of the publishing code is checked to change nothing).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use chorus::crypto::CryptoError;
use chorus::publish::cells::{Cell, Kept};
use chorus::publish::noise::{OsUniform, Scale, Uniform};
use chorus::publish::privacy::Budget;
use chorus::publish::{PublicCounts, Release, figures};
use chorus::store::counts;
use rusqlite::Connection;
use time::{Date, Duration, OffsetDateTime, Time};

const PER_DAY: u64 = 20;
const CATEGORY_PER_DAY: u64 = 8;

fn db() -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    chorus::store::connection::migrations()
        .to_latest(&mut conn)
        .unwrap();
    conn
}

fn empty() -> PublicCounts {
    PublicCounts::empty(1, &[])
}

fn midnight(day: Date) -> OffsetDateTime {
    day.with_time(Time::MIDNIGHT).assume_utc()
}

fn how(min_cell: u64, budget: Option<Budget>) -> Release {
    Release {
        min_cell,
        categories: vec!["a".to_owned()],
        budget,
    }
}

/// The OS generator, or a seeded one (SplitMix64) when `CHORUS_BENCH_SEED` is set.
enum Draws {
    Os,
    Seeded(u64),
}

impl Uniform for Draws {
    fn below(&mut self, n: u64) -> Result<u64, CryptoError> {
        match self {
            Draws::Os => OsUniform.below(n),
            Draws::Seeded(state) => {
                // Rejection sampling: no modulo bias, as in the server's sampler.
                let zone = u64::MAX - u64::MAX % n;
                loop {
                    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
                    let mut z = *state;
                    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                    z ^= z >> 31;
                    if z < zone {
                        return Ok(z % n);
                    }
                }
            }
        }
    }
}

fn draws() -> Draws {
    std::env::var("CHORUS_BENCH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Draws::Os, Draws::Seeded)
}

/// The bounded tally of category `a`, which its noised figure is built from.
fn category() -> String {
    Cell::CountedCategory("a".to_owned()).key()
}

/// The Monday of the week whose close last released the categories.
fn released_week(conn: &Connection) -> Option<Date> {
    conn.query_row(
        "SELECT value FROM noise WHERE cell = ?1",
        [Kept::CategoriesReleased.key()],
        |r| r.get::<_, i64>(0),
    )
    .ok()
    .and_then(|j| Date::from_julian_day(i32::try_from(j).ok()?).ok())
}

fn p95(mut errors: Vec<i64>) -> i64 {
    errors.iter_mut().for_each(|e| *e = e.abs());
    errors.sort_unstable();
    errors[(errors.len() * 95 / 100).min(errors.len() - 1)]
}

/// One deployment over `days` daily ticks; returns the errors of the total, the category
/// and the last closed week at the end.
fn run(days: i64, budget: Budget, rng: &mut Draws) -> (i64, i64, Option<i64>) {
    let conn = db();
    let start = time::macros::date!(2024 - 01 - 01); // a Monday
    let how = how(1, Some(budget));
    let mut category_at_release = 0i64;
    let mut last = None;
    for d in 0..days {
        let day = start + Duration::days(d);
        counts::add(&conn, &Cell::Fold(day).key(), PER_DAY).unwrap();
        counts::add(&conn, &category(), CATEGORY_PER_DAY).unwrap();
        let tick = day + Duration::days(1);
        // Categories are released at each week's close: tick every Monday, and at the end.
        if tick.weekday() == time::Weekday::Monday || d == days - 1 {
            let counts = figures(&conn, midnight(tick), &empty(), &how, rng).unwrap();
            if released_week(&conn) == Some(tick - Duration::days(7)) {
                category_at_release = (d + 1) * CATEGORY_PER_DAY as i64;
            }
            last = Some(counts);
        }
    }
    let counts = last.unwrap();
    let published = |v: Option<u64>| v.map_or(0, |n| n as i64);
    let total = published(counts.statements.total) - days * PER_DAY as i64;
    let category = if category_at_release > 0 {
        published(counts.statements.by_category["a"]) - category_at_release
    } else {
        0
    };
    let week = counts
        .statements
        .by_week
        .values()
        .last()
        .map(|v| published(*v) - 7 * PER_DAY as i64);
    (total, category, week)
}

fn error_over_time(trials: usize, rng: &mut Draws) {
    let budget = Budget::new(1000).unwrap();
    println!(
        "1. Error of the published figures at ε = 1 (95th percentile of |published − true|, {trials} deployments each)"
    );
    println!(
        "   {PER_DAY} statements a day; one category named by {CATEGORY_PER_DAY} a day; min_cell 1 so only noise shows"
    );
    println!(
        "   {:>12}  {:>8} {:>10}  {:>9} {:>10}  {:>6}",
        "daily ticks", "total", "predicted", "category", "predicted", "week"
    );
    for days in [1i64, 30, 365, 369, 1825] {
        let (mut t, mut c, mut w) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..trials {
            let (total, category, week) = run(days, budget, rng);
            t.push(total);
            c.push(category);
            if let Some(week) = week {
                w.push(week);
            }
        }
        let end = time::macros::date!(2024 - 01 - 01) + Duration::days(days);
        let weeks = (days / 7) as u64;
        let open_days = u64::from(end.weekday().number_days_from_monday());
        let releases = if weeks == 0 { 0 } else { 1 + (weeks - 1) / 4 };
        let predicted = budget.margins(weeks, open_days, releases);
        let week = if w.is_empty() {
            "—".to_owned()
        } else {
            format!("±{}", p95(w))
        };
        println!(
            "   {days:>12}  {:>8} {:>10}  {:>9} {:>10}  {week:>6}",
            format!("±{}", p95(t)),
            format!("±{}", predicted.total),
            if weeks == 0 {
                "—".to_owned()
            } else {
                format!("±{}", p95(c))
            },
            if weeks == 0 {
                "—".to_owned()
            } else {
                format!("±{}", predicted.by_category)
            },
        );
    }
}

/// Log-likelihood of seeing `y` when the truth is `x`, under discrete Laplace at `scale`.
fn log_likelihood(y: i64, x: i64, scale: Scale) -> f64 {
    -((y - x).abs() as f64) * scale.den() as f64 / scale.num() as f64
}

/// One n−1 attack with noise: true if the attacker guessed right.
fn attack_with_noise(budget: Budget, present: bool, rng: &mut Draws) -> bool {
    let conn = db();
    // Quiet weeks of history the attacker knows (they sent it all); the survivor speaks up
    // (or not) on Wednesday 13 March 2024. Daily ticks run until the category figures are
    // released again after that week.
    let start = time::macros::date!(2024 - 01 - 01);
    let target = time::macros::date!(2024 - 03 - 13);
    let how = how(1, Some(budget));
    let known_per_day = 3u64;
    let mut known_category = 0i64;
    // (tick, figures, what the attacker's own statements add up to in the category)
    let mut releases: Vec<(Date, PublicCounts, i64)> = Vec::new();
    let mut day = start;
    loop {
        let mut n = known_per_day;
        if day == target && present {
            n += 1;
            counts::add(&conn, &category(), 1).unwrap();
        }
        counts::add(&conn, &Cell::Fold(day).key(), n).unwrap();
        counts::add(&conn, &category(), 1).unwrap();
        known_category += 1;
        let tick = day + Duration::days(1);
        let counts = figures(&conn, midnight(tick), &empty(), &how, rng).unwrap();
        let released_now = released_week(&conn) == Some(tick - Duration::days(7));
        releases.push((tick, counts, if released_now { known_category } else { -1 }));
        day = tick;
        if released_now && tick > target + Duration::days(7) {
            break;
        }
    }
    let at = |d: Date| &releases.iter().find(|(t, _, _)| *t == d).unwrap().1;
    let value = |v: Option<u64>| v.map_or(0, |n| n as i64);
    // The attacker's view: the Wednesday block is the difference of two totals.
    let wed =
        value(at(target + Duration::days(1)).statements.total) - value(at(target).statements.total);
    let last = &releases.last().unwrap().1;
    let week = value(last.statements.by_week["2024-W11"]);
    // The category release that covers the target, less the one before it.
    let category_releases: Vec<&(Date, PublicCounts, i64)> =
        releases.iter().filter(|(_, _, k)| *k >= 0).collect();
    let (after, before) = (
        category_releases[category_releases.len() - 1],
        category_releases[category_releases.len() - 2],
    );
    let step =
        value(after.1.statements.by_category["a"]) - value(before.1.statements.by_category["a"]);
    let known_step = after.2 - before.2;
    let llr = |y: i64, known: i64, scale: Scale| {
        log_likelihood(y, known + 1, scale) - log_likelihood(y, known, scale)
    };
    let score = llr(wed, known_per_day as i64, budget.day)
        + llr(week, 7 * known_per_day as i64, budget.week)
        + llr(step, known_step, budget.category);
    let guess = if score == 0.0 {
        rng.below(2).unwrap() == 1
    } else {
        score > 0.0
    };
    guess == present
}

/// The same attack without noise, at the default rounding to 10: the attacker keeps the
/// total at one below a step, so the survivor's statement moves the published figure.
fn attack_without_noise(present: bool, rng: &mut Draws) -> bool {
    let conn = db();
    let how = how(10, None);
    let day = time::macros::date!(2024 - 03 - 13);
    // The attacker's flood brought the true total to 10k − 1.
    counts::add(&conn, &Cell::Total.key(), 99 + u64::from(present)).unwrap();
    counts::add(&conn, &Cell::Fold(day).key(), 0).unwrap();
    let counts = figures(
        &conn,
        midnight(day + Duration::days(1)),
        &empty(),
        &how,
        rng,
    )
    .unwrap();
    let guess = counts.statements.total == Some(100);
    guess == present
}

fn n_minus_one(trials: usize, rng: &mut Draws) {
    let budget = Budget::new(1000).unwrap();
    println!();
    println!(
        "2. The n−1 flooder: did one survivor speak up on a given day, naming a given category?"
    );
    let mut right = 0usize;
    for i in 0..trials {
        right += usize::from(attack_without_noise(i % 2 == 0, rng));
    }
    println!(
        "   no noise, min_cell 10, top-up attack:          right {:>5.1} % of {trials}",
        100.0 * right as f64 / trials as f64
    );
    let mut right = 0usize;
    let trials_noise = trials * 4;
    for i in 0..trials_noise {
        right += usize::from(attack_with_noise(budget, i % 2 == 0, rng));
    }
    let bound = 1.0f64.exp() / (1.0 + 1.0f64.exp());
    println!(
        "   noise ε = 1, no rounding, best attacker:        right {:>5.1} % of {trials_noise}  (coin flip 50 %; ε-DP caps any attacker at {:.1} %)",
        100.0 * right as f64 / trials_noise as f64,
        100.0 * bound
    );
}

fn main() {
    let trials = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(300);
    let mut rng = draws();
    error_over_time(trials, &mut rng);
    n_minus_one(trials, &mut rng);
}
