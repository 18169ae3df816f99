//! The published figures — exactly the JSON of `/api/v1/counts` — and how the true counts
//! become them: every cell rounded down to a multiple of `min_cell` (or `null` below it),
//! weeks published once closed and never revised.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::privacy::Privacy;
use crate::clock::week_label;

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

/// One snapshot as served: figures, its id (the ETag) and the JSON body ready to send.
#[derive(Debug)]
pub struct Snapshot {
    pub id: String,
    pub counts: PublicCounts,
    pub json: String,
    /// The signed envelope (`/api/v1/counts.signed`); none before the first signed
    /// publication.
    pub signed: Option<String>,
    /// The key that signed it (hex) and its fingerprint, read once here rather than at
    /// every page view.
    pub publication_key: Option<(String, String)>,
    /// When the next figures come (RFC 3339): served beside the figures, not part of them
    /// (nor of what is signed).
    pub next_publication_at: Option<String>,
}

impl Snapshot {
    pub(super) fn new(id: String, counts: PublicCounts, signed: Option<String>) -> Snapshot {
        let json = serde_json::to_string(&counts).unwrap_or_else(|_| "{}".to_owned());
        Snapshot::with_json(id, counts, json, signed)
    }

    pub(super) fn with_json(
        id: String,
        counts: PublicCounts,
        json: String,
        signed: Option<String>,
    ) -> Snapshot {
        let publication_key = signed
            .as_deref()
            .and_then(|s| serde_json::from_str::<super::signed::Signed>(s).ok())
            .map(|s| {
                let fingerprint = crate::crypto::publication::fingerprint(&s.public_key);
                (s.public_key, fingerprint)
            });
        Snapshot {
            id,
            counts,
            json,
            signed,
            publication_key,
            next_publication_at: None,
        }
    }

    /// The same snapshot, saying when the next publication is due; `/api/v1/counts` then
    /// carries it as `next_publication_at` (null when it is "at the next change").
    pub(super) fn due_next(mut self, at: Option<OffsetDateTime>) -> Snapshot {
        let next = at.and_then(published_at);
        if let Ok(serde_json::Value::Object(mut map)) =
            serde_json::from_str::<serde_json::Value>(&self.json)
        {
            map.insert(
                "next_publication_at".to_owned(),
                next.clone()
                    .map_or(serde_json::Value::Null, serde_json::Value::from),
            );
            if let Ok(json) = serde_json::to_string(&map) {
                self.json = json;
            }
        }
        self.next_publication_at = next;
        self
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
pub(super) fn published_at(now: OffsetDateTime) -> Option<String> {
    now.replace_nanosecond(0)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
}

/// Rounds the true counts into the published figures (noise off).
pub(super) fn build(
    cells: &BTreeMap<String, u64>,
    now: OffsetDateTime,
    previous: &PublicCounts,
    min_cell: u64,
    categories: &[String],
) -> PublicCounts {
    let cell = |name: &str| cells.get(name).copied().unwrap_or(0);
    let this_week = week_label(now.date());
    let mut by_week = previous.statements.by_week.clone();
    for (name, count) in cells {
        if let Some(week) = name.strip_prefix("week:") {
            // Closed weeks only ("YYYY-Www" sorts in time order), each published once.
            if week < this_week.as_str() && !by_week.contains_key(week) {
                by_week.insert(week.to_owned(), round(*count, min_cell));
            }
        }
    }
    PublicCounts {
        published_at: published_at(now),
        min_cell,
        statements: StatementCounts {
            total: round(cell("total"), min_cell),
            by_category: categories
                .iter()
                .map(|k| (k.clone(), round(cell(&format!("category:{k}")), min_cell)))
                .collect(),
            by_week,
        },
        pledges: PledgeCounts {
            total: round(cell("pledge:total"), min_cell),
        },
        privacy: Privacy::off(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

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

    #[test]
    fn only_closed_weeks_are_published_and_never_revised() {
        let empty = PublicCounts::empty(10, &[]);
        let mut cells = BTreeMap::new();
        cells.insert("total".to_owned(), 45);
        cells.insert("week:2026-W47".to_owned(), 25);
        cells.insert("week:2026-W48".to_owned(), 20);
        cells.insert("category:a".to_owned(), 3);
        let first = build(
            &cells,
            datetime!(2026-11-28 00:00 UTC),
            &empty,
            10,
            &["a".to_owned(), "b".to_owned()],
        );
        assert_eq!(first.statements.total, Some(40));
        assert_eq!(first.statements.by_week.get("2026-W47"), Some(&Some(20)));
        assert!(
            !first.statements.by_week.contains_key("2026-W48"),
            "W48 is still open"
        );
        assert_eq!(first.statements.by_category.get("a"), Some(&None));
        assert_eq!(first.statements.by_category.get("b"), Some(&None));
        // Late rows for W47 do not revise it once published.
        cells.insert("week:2026-W47".to_owned(), 40);
        let second = build(&cells, datetime!(2026-12-01 00:00 UTC), &first, 10, &[]);
        assert_eq!(second.statements.by_week.get("2026-W47"), Some(&Some(20)));
        assert_eq!(second.statements.by_week.get("2026-W48"), Some(&Some(20)));
        assert_eq!(second.published_at.as_deref(), Some("2026-12-01T00:00:00Z"));
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
