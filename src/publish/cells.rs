//! The names of what the counter stores, one type per table and one encoding per name.
//! `counters` holds true counts (`Cell`); `noise` holds each noise draw and the few things a
//! release remembers (`Kept`). A week's exact count (`Cell::Week`) and its noise draw
//! (`Kept::WeekNoise`) are different things that happen to share the text `week:LABEL`,
//! each in its own table. The encodings are in every database: they never change.

use time::Date;

use crate::clock::{day_string, parse_day};

/// A cell of `counters`: a true count, changed only by a tick's fold.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    /// Every statement counted (the exact total, published with noise off).
    Total,
    /// Statements counted by the ticks that folded into this day: the day's block.
    Fold(Date),
    /// Statements removed by the ticks that folded into this day (kept apart from `Fold`,
    /// so a cell never goes below zero).
    Unfold(Date),
    /// Pledges added by the ticks that folded into this day.
    PledgeFold(Date),
    /// Statements received in an ISO week (`2026-W48`), exact (noise off).
    Week(String),
    /// Statements naming a category, each category it names, exact (noise off).
    Category(String),
    /// Statements counted under one category each (see `privacy::counted_categories`): the
    /// bounded tally the noised category figures are built from.
    CountedCategory(String),
    /// Every pledge.
    PledgeTotal,
    /// Pledges of one kind.
    Pledge(String),
}

impl Cell {
    pub fn key(&self) -> String {
        match self {
            Cell::Total => "total".to_owned(),
            Cell::Fold(day) => format!("fold:{}", day_string(*day)),
            Cell::Unfold(day) => format!("unfold:{}", day_string(*day)),
            Cell::PledgeFold(day) => format!("pfold:{}", day_string(*day)),
            Cell::Week(label) => format!("week:{label}"),
            Cell::Category(key) => format!("category:{key}"),
            Cell::CountedCategory(key) => format!("dpcat:{key}"),
            Cell::PledgeTotal => "pledge:total".to_owned(),
            Cell::Pledge(key) => format!("pledge:{key}"),
        }
    }

    /// None for a name no build of Chorus writes.
    pub fn parse(key: &str) -> Option<Cell> {
        if key == "total" {
            return Some(Cell::Total);
        }
        if key == "pledge:total" {
            return Some(Cell::PledgeTotal);
        }
        let (kind, rest) = key.split_once(':')?;
        let day = || parse_day(rest).ok();
        Some(match kind {
            "fold" => Cell::Fold(day()?),
            "unfold" => Cell::Unfold(day()?),
            "pfold" => Cell::PledgeFold(day()?),
            "week" => Cell::Week(rest.to_owned()),
            "category" => Cell::Category(rest.to_owned()),
            "dpcat" => Cell::CountedCategory(rest.to_owned()),
            "pledge" => Cell::Pledge(rest.to_owned()),
            _ => return None,
        })
    }
}

/// A day kept in `noise` (`Start`, `ReleasedThrough`, `CategoriesReleased`) as its Julian
/// day number.
pub fn kept_day(value: i64) -> Option<Date> {
    i32::try_from(value)
        .ok()
        .and_then(|j| Date::from_julian_day(j).ok())
}

/// A value of `noise`: a noise draw, kept so it is never drawn again, or a release's memory.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kept {
    /// The Monday of the first published week (as a Julian day).
    Start,
    /// The last day whose blocks were released (Julian day): no fold may land on it again.
    ReleasedThrough,
    /// The Monday of the week whose close last released the categories (Julian day).
    CategoriesReleased,
    /// A category's figure as last released (rounded; -1 for "fewer than").
    ReleasedCategory(String),
    /// The noise of a closed week's block (statements).
    WeekNoise(String),
    /// The noise of a closed week's block (pledges).
    PledgeWeekNoise(String),
    /// The noise of a closed day of the open week (statements).
    DayNoise(Date),
    /// The noise of a closed day of the open week (pledges).
    PledgeDayNoise(Date),
    /// The noise a category release (named by the week that closed) adds to a category.
    CategoryNoise { week: String, category: String },
}

impl Kept {
    pub fn key(&self) -> String {
        match self {
            Kept::Start => "start".to_owned(),
            Kept::ReleasedThrough => "released:through".to_owned(),
            Kept::CategoriesReleased => "released:categories".to_owned(),
            Kept::ReleasedCategory(key) => format!("released:category:{key}"),
            Kept::WeekNoise(label) => format!("week:{label}"),
            Kept::PledgeWeekNoise(label) => format!("pweek:{label}"),
            Kept::DayNoise(day) => format!("day:{}", day_string(*day)),
            Kept::PledgeDayNoise(day) => format!("pday:{}", day_string(*day)),
            Kept::CategoryNoise { week, category } => format!("category:{week}:{category}"),
        }
    }

    /// None for a name no build of Chorus writes.
    pub fn parse(key: &str) -> Option<Kept> {
        match key {
            "start" => return Some(Kept::Start),
            "released:through" => return Some(Kept::ReleasedThrough),
            "released:categories" => return Some(Kept::CategoriesReleased),
            _ => {}
        }
        if let Some(category) = key.strip_prefix("released:category:") {
            return Some(Kept::ReleasedCategory(category.to_owned()));
        }
        let (kind, rest) = key.split_once(':')?;
        let day = || parse_day(rest).ok();
        Some(match kind {
            "week" => Kept::WeekNoise(rest.to_owned()),
            "pweek" => Kept::PledgeWeekNoise(rest.to_owned()),
            "day" => Kept::DayNoise(day()?),
            "pday" => Kept::PledgeDayNoise(day()?),
            // A week label has no colon; a category key may.
            "category" => {
                let (week, category) = rest.split_once(':')?;
                Kept::CategoryNoise {
                    week: week.to_owned(),
                    category: category.to_owned(),
                }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn every_name_keeps_the_encoding_databases_hold_and_parses_back() {
        let day = date!(2026 - 12 - 01);
        let cells = [
            (Cell::Total, "total"),
            (Cell::Fold(day), "fold:2026-12-01"),
            (Cell::Unfold(day), "unfold:2026-12-01"),
            (Cell::PledgeFold(day), "pfold:2026-12-01"),
            (Cell::Week("2026-W48".to_owned()), "week:2026-W48"),
            (Cell::Category("work".to_owned()), "category:work"),
            (Cell::CountedCategory("work".to_owned()), "dpcat:work"),
            (Cell::PledgeTotal, "pledge:total"),
            (Cell::Pledge("listen".to_owned()), "pledge:listen"),
        ];
        for (cell, key) in cells {
            assert_eq!(cell.key(), key);
            assert_eq!(Cell::parse(key), Some(cell));
        }
        let kept = [
            (Kept::Start, "start"),
            (Kept::ReleasedThrough, "released:through"),
            (Kept::CategoriesReleased, "released:categories"),
            (
                Kept::ReleasedCategory("work".to_owned()),
                "released:category:work",
            ),
            (Kept::WeekNoise("2026-W48".to_owned()), "week:2026-W48"),
            (
                Kept::PledgeWeekNoise("2026-W48".to_owned()),
                "pweek:2026-W48",
            ),
            (Kept::DayNoise(day), "day:2026-12-01"),
            (Kept::PledgeDayNoise(day), "pday:2026-12-01"),
            (
                Kept::CategoryNoise {
                    week: "2026-W48".to_owned(),
                    category: "a:b".to_owned(),
                },
                "category:2026-W48:a:b",
            ),
        ];
        for (value, key) in kept {
            assert_eq!(value.key(), key);
            assert_eq!(Kept::parse(key), Some(value));
        }
        for stray in ["", "fold:yesterday", "tally:x", "day:2026-13-01"] {
            assert_eq!(Cell::parse(stray), None, "{stray}");
            assert_eq!(Kept::parse(stray), None, "{stray}");
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        fn day() -> impl Strategy<Value = Date> {
            (2_400_000i32..2_500_000).prop_map(|j| Date::from_julian_day(j).unwrap())
        }

        fn week() -> impl Strategy<Value = String> {
            day().prop_map(crate::clock::week_label)
        }

        // Configured keys are [a-z0-9_-]; any text without a line break is tried here.
        fn key() -> impl Strategy<Value = String> {
            "[^\n]{0,24}"
        }

        fn cell() -> impl Strategy<Value = Cell> {
            prop_oneof![
                Just(Cell::Total),
                day().prop_map(Cell::Fold),
                day().prop_map(Cell::Unfold),
                day().prop_map(Cell::PledgeFold),
                week().prop_map(Cell::Week),
                key().prop_map(Cell::Category),
                key().prop_map(Cell::CountedCategory),
                Just(Cell::PledgeTotal),
                key()
                    .prop_filter("the total has its own name", |k| k != "total")
                    .prop_map(Cell::Pledge),
            ]
        }

        fn kept() -> impl Strategy<Value = Kept> {
            prop_oneof![
                Just(Kept::Start),
                Just(Kept::ReleasedThrough),
                Just(Kept::CategoriesReleased),
                key().prop_map(Kept::ReleasedCategory),
                week().prop_map(Kept::WeekNoise),
                week().prop_map(Kept::PledgeWeekNoise),
                day().prop_map(Kept::DayNoise),
                day().prop_map(Kept::PledgeDayNoise),
                (week(), key()).prop_map(|(week, category)| Kept::CategoryNoise { week, category }),
            ]
        }

        proptest! {
            /// A name that did not read back as itself would be redrawn under another name,
            /// or (the draw is inserted, never replaced) stop every tick.
            #[test]
            fn every_name_reads_back_as_itself(c in cell(), k in kept()) {
                prop_assert_eq!(Cell::parse(&c.key()), Some(c));
                prop_assert_eq!(Kept::parse(&k.key()), Some(k));
            }
        }
    }
}
