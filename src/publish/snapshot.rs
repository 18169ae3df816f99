//! One snapshot as served, and the figures published with noise off: the true counts, each
//! cell rounded down to a multiple of `min_cell` (or `null` below it), weeks published once
//! closed and never revised.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use super::cells::Cell;
use super::published::{PledgeCounts, Privacy, PublicCounts, StatementCounts, published_at, round};
use super::signed::Signed;
use crate::clock::week_label;

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
            .and_then(|s| serde_json::from_str::<Signed>(s).ok())
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

/// Rounds the true counts into the published figures (noise off).
pub(super) fn build(
    cells: &BTreeMap<Cell, u64>,
    now: OffsetDateTime,
    previous: &PublicCounts,
    min_cell: u64,
    categories: &[String],
) -> PublicCounts {
    let cell = |c: &Cell| cells.get(c).copied().unwrap_or(0);
    let this_week = week_label(now.date());
    let mut by_week = previous.statements.by_week.clone();
    for (c, count) in cells {
        if let Cell::Week(week) = c {
            // Closed weeks only ("YYYY-Www" sorts in time order), each published once.
            if *week < this_week && !by_week.contains_key(week) {
                by_week.insert(week.clone(), round(*count, min_cell));
            }
        }
    }
    PublicCounts {
        published_at: published_at(now),
        min_cell,
        statements: StatementCounts {
            total: round(cell(&Cell::Total), min_cell),
            by_category: categories
                .iter()
                .map(|k| (k.clone(), round(cell(&Cell::Category(k.clone())), min_cell)))
                .collect(),
            by_week,
        },
        pledges: PledgeCounts {
            total: round(cell(&Cell::PledgeTotal), min_cell),
        },
        privacy: Privacy::off(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn only_closed_weeks_are_published_and_never_revised() {
        let empty = PublicCounts::empty(10, &[]);
        let mut cells = BTreeMap::new();
        cells.insert(Cell::Total, 45);
        cells.insert(Cell::Week("2026-W47".to_owned()), 25);
        cells.insert(Cell::Week("2026-W48".to_owned()), 20);
        cells.insert(Cell::Category("a".to_owned()), 3);
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
        cells.insert(Cell::Week("2026-W47".to_owned()), 40);
        let second = build(&cells, datetime!(2026-12-01 00:00 UTC), &first, 10, &[]);
        assert_eq!(second.statements.by_week.get("2026-W47"), Some(&Some(20)));
        assert_eq!(second.statements.by_week.get("2026-W48"), Some(&Some(20)));
        assert_eq!(second.published_at.as_deref(), Some("2026-12-01T00:00:00Z"));
    }
}
