//! The published figures — exactly the JSON of `/api/v1/counts`, what is signed and what a
//! federation sums — with the two rules every figure obeys: rounded down to a multiple of
//! `min_cell` (or `null` below it), and timed to the second. A leaf: it imports nothing else
//! of the counter.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The published figures, exactly the JSON of `/api/v1/counts`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PublicCounts {
    pub published_at: Option<String>,
    pub min_cell: u64,
    pub statements: StatementCounts,
    pub pledges: PledgeCounts,
    /// How the figures were noised (snapshots from before noise read as "none").
    #[serde(default)]
    pub privacy: Privacy,
}

impl PublicCounts {
    /// Nothing published yet: every category hidden, no weeks.
    pub fn empty(min_cell: u64, categories: &[String]) -> PublicCounts {
        PublicCounts {
            published_at: None,
            min_cell,
            statements: StatementCounts {
                total: None,
                by_category: categories.iter().map(|k| (k.clone(), None)).collect(),
                by_week: BTreeMap::new(),
            },
            pledges: PledgeCounts { total: None },
            privacy: Privacy::off(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct StatementCounts {
    pub total: Option<u64>,
    pub by_category: BTreeMap<String, Option<u64>>,
    pub by_week: BTreeMap<String, Option<u64>>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PledgeCounts {
    pub total: Option<u64>,
}

/// What `/api/v1/counts` says about the noise.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Privacy {
    pub mechanism: String,
    pub epsilon: f64,
    /// How far each kind of figure may be from the truth, 95 % of the time (before rounding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_95: Option<Margins>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Margins {
    pub total: u64,
    pub by_category: u64,
    pub by_week: u64,
    pub pledges: u64,
}

impl Privacy {
    pub fn off() -> Privacy {
        Privacy {
            mechanism: "none".to_owned(),
            epsilon: 0.0,
            error_95: None,
        }
    }
}

impl Default for Privacy {
    fn default() -> Privacy {
        Privacy::off()
    }
}

/// Rounds down to a multiple of `min_cell`; anything below it (zero included, so a first
/// submission never turns a 0 into "fewer than") is `None`.
pub fn round(count: u64, min_cell: u64) -> Option<u64> {
    if min_cell == 0 || count < min_cell {
        None
    } else {
        Some(count - count % min_cell)
    }
}

/// A tick's time as published: RFC 3339 UTC, to the second.
pub fn published_at(now: OffsetDateTime) -> Option<String> {
    now.replace_nanosecond(0)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_only_moves_in_steps_of_min_cell() {
        assert_eq!(round(0, 10), None);
        assert_eq!(round(9, 10), None);
        assert_eq!(round(10, 10), Some(10));
        assert_eq!(round(19, 10), Some(10));
        assert_eq!(round(20, 10), Some(20));
        for n in 0..1000 {
            if let Some(v) = round(n, 7) {
                assert!(v % 7 == 0 && v >= 7 && v <= n);
            }
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        fn cell() -> impl Strategy<Value = Option<u64>> {
            proptest::option::of(0u64..1_000_000_000)
        }

        proptest! {
            #[test]
            fn a_snapshot_reads_back_as_the_same_figures(
                total in cell(),
                pledges in cell(),
                min_cell in 1u64..100,
                categories in proptest::collection::btree_map("[a-z_-]{1,12}", cell(), 0..8),
                weeks in proptest::collection::btree_map("20[0-9]{2}-W[0-5][0-9]", cell(), 0..60),
            ) {
                let counts = PublicCounts {
                    published_at: Some("2026-12-01T00:00:00Z".to_owned()),
                    min_cell,
                    statements: StatementCounts { total, by_category: categories, by_week: weeks },
                    pledges: PledgeCounts { total: pledges },
                    privacy: Privacy::off(),
                };
                let json = serde_json::to_string(&counts).unwrap();
                let back: PublicCounts = serde_json::from_str(&json).unwrap();
                prop_assert_eq!(back, counts);
            }

            #[test]
            fn published_cells_are_null_or_whole_steps_of_min_cell(count in 0u64..1_000_000, min_cell in 1u64..1000) {
                match round(count, min_cell) {
                    None => prop_assert!(count < min_cell),
                    Some(v) => prop_assert!(v % min_cell == 0 && v >= min_cell && v <= count && count - v < min_cell),
                }
            }
        }
    }
}
