//! The inbox: pages of testimonies, newest day first, filtered and paged both ways. Status,
//! day, "has a code", "needs a reply", the assignee and a label (by its keyed tags) are
//! filtered in SQL; "with text only", a category and the page language live inside the
//! ciphertext, so those filters decrypt rows a chunk at a time until the page is full
//! (never more than `MAX_SCAN` rows a page). Every preview decrypted is audited, in one
//! short entry whose ids are listed beside it.

use zeroize::Zeroizing;

use super::ReviewError;
use super::desk::Desk;
use super::keyring::EpochKeys;
use super::labels::LabelRing;
use super::sessions::SessionView;
use crate::blocking;
use crate::clock::parse_day;
use crate::domain::{AuditAction, Label, StaffId, Status, TestimonyId};
use crate::store::testimonies::{self, PageQuery, StoredTestimony};
use crate::store::{casework, staff};

/// Rows per inbox page.
pub const PAGE_SIZE: u32 = 50;
/// Rows decrypted at a time when a filter needs the plaintext.
const SCAN_CHUNK: u32 = 200;
/// Most rows one page decrypts looking for matches; past it the page says how far it got
/// and offers to search on.
pub const MAX_SCAN: usize = 2_000;

/// A place in the inbox order: a (day, id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub day: String,
    pub id: TestimonyId,
}

impl Cursor {
    /// `YYYY-MM-DD.<32 hex>`, as page links carry it.
    pub fn parse(text: &str) -> Option<Cursor> {
        let (day, id) = text.split_once('.')?;
        parse_day(day).ok()?;
        Some(Cursor {
            day: day.to_owned(),
            id: TestimonyId::parse_hex(id)?,
        })
    }

    fn of(row: &StoredTestimony) -> Cursor {
        Cursor {
            day: row.received_day.clone(),
            id: row.id,
        }
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.day, self.id)
    }
}

/// Whose statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assigned {
    /// The staff member looking.
    Me,
    /// Another staff member, by username.
    Named(String),
}

/// What the inbox shows.
#[derive(Clone, Debug, Default)]
pub struct InboxFilter {
    pub status: Option<Status>,
    /// One received day, `YYYY-MM-DD`.
    pub day: Option<String>,
    /// Only testimonies with a written statement (not a bare "me too").
    pub with_text: bool,
    /// Only testimonies naming this category key.
    pub category: Option<String>,
    /// Only testimonies sent from a page in this language (a code shipped languages use).
    pub language: Option<String>,
    /// Only testimonies whose author kept a receipt code.
    pub has_code: bool,
    /// Only testimonies whose author wrote last and has had no reply since.
    pub needs_reply: bool,
    pub assigned: Option<Assigned>,
    pub label: Option<Label>,
}

impl InboxFilter {
    /// True when matching needs the plaintext.
    pub fn needs_plaintext(&self) -> bool {
        self.with_text || self.category.is_some() || self.language.is_some()
    }

    fn matches(&self, row: &InboxRow) -> bool {
        (!self.with_text || row.has_statement)
            && self
                .category
                .as_ref()
                .is_none_or(|c| row.categories.iter().any(|k| k == c))
            && self.language.as_ref().is_none_or(|l| *l == row.language)
    }

    /// How the audit log names the filter (never a label's text: the log is not sealed).
    fn describe(&self) -> String {
        let mut parts = vec![format!("status {}", self.status.map_or("all", Status::key))];
        if let Some(day) = &self.day {
            parts.push(format!("day {day}"));
        }
        if self.with_text {
            parts.push("with text".to_owned());
        }
        if let Some(c) = &self.category {
            parts.push(format!("category {c}"));
        }
        if let Some(l) = &self.language {
            parts.push(format!("language {l}"));
        }
        if self.has_code {
            parts.push("with a code".to_owned());
        }
        if self.needs_reply {
            parts.push("needs a reply".to_owned());
        }
        match &self.assigned {
            Some(Assigned::Me) => parts.push("assigned to me".to_owned()),
            Some(Assigned::Named(n)) => parts.push(format!("assigned to {n}")),
            None => {}
        }
        if self.label.is_some() {
            parts.push("one label".to_owned());
        }
        parts.join(", ")
    }
}

/// The SQL side of a filter, resolved: the assignee's id and the label's tags.
#[derive(Clone, Default)]
struct Resolved {
    assignee: Option<StaffId>,
    label_tags: Option<Vec<Vec<u8>>>,
}

impl Resolved {
    fn query<'a>(&'a self, filter: &'a InboxFilter) -> PageQuery<'a> {
        PageQuery {
            status: filter.status,
            day: filter.day.as_deref(),
            has_code: filter.has_code,
            needs_reply: filter.needs_reply,
            assignee: self.assignee.as_ref(),
            label_tags: self.label_tags.as_deref(),
            ..PageQuery::default()
        }
    }
}

/// Which page: the newest, the one older than a cursor, or the one newer than it.
#[derive(Clone, Debug)]
pub enum Paging {
    Newest,
    Older(Cursor),
    Newer(Cursor),
}

/// One row of the inbox, opened for its preview.
pub struct InboxRow {
    pub id: TestimonyId,
    pub received_day: String,
    pub status: Status,
    pub preview: Zeroizing<String>,
    pub has_statement: bool,
    pub categories: Vec<String>,
    /// The author kept a receipt code: replies can reach them.
    pub has_receipt: bool,
    /// The page language it was sent from (with a code), else empty.
    pub language: String,
    /// The author wrote last and has had no reply since.
    pub awaiting_reply: bool,
    pub assignee: Option<String>,
    /// None when the labels were sealed under an epoch this session cannot open.
    pub labels: Option<Vec<Label>>,
}

/// Where a page sits among all the rows its filter matches (known when SQL alone filters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub first: u64,
    pub last: u64,
    pub total: u64,
}

/// One inbox page.
pub struct InboxPage {
    pub rows: Vec<InboxRow>,
    /// Where the older page starts, if there may be one.
    pub older: Option<Cursor>,
    /// Where the newer page starts, if there may be one.
    pub newer: Option<Cursor>,
    pub position: Option<Position>,
    /// Rows decrypted to fill the page, when a filter needed the plaintext.
    pub scanned: usize,
    /// True when the scan stopped at `MAX_SCAN` before the page was full.
    pub scan_stopped: bool,
    /// How many testimonies have each status.
    pub counts: Vec<(Status, i64)>,
    /// How many wait for a reply, and how many are assigned to the one looking.
    pub awaiting: u64,
    pub mine: u64,
    /// The labels in use this session can read, with how many carry each.
    pub labels_in_use: Vec<(Label, u64)>,
}

impl InboxPage {
    pub fn count_of(&self, status: Status) -> i64 {
        self.counts
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }

    pub fn total(&self) -> i64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// The first `chars` characters of a statement, on one line.
pub fn preview(text: &str, chars: usize) -> Zeroizing<String> {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(chars).collect();
    if flat.chars().count() > chars {
        out.push('…');
    }
    Zeroizing::new(out)
}

/// Decrypts rows for their previews (and what the plaintext filters need).
pub fn inbox_rows(keys: &EpochKeys, rows: &[StoredTestimony]) -> Vec<InboxRow> {
    rows.iter()
        .map(|row| {
            let (preview_text, has_statement, categories, language) = match keys.open_testimony(row)
            {
                Ok(t) if t.statement.is_empty() => (
                    Zeroizing::new("(“me too”, no statement)".to_owned()),
                    false,
                    t.categories.clone(),
                    t.language.clone(),
                ),
                Ok(t) => (
                    preview(&t.statement, 140),
                    true,
                    t.categories.clone(),
                    t.language.clone(),
                ),
                Err(_) => (
                    Zeroizing::new("(cannot be opened with your keys)".to_owned()),
                    false,
                    Vec::new(),
                    String::new(),
                ),
            };
            InboxRow {
                id: row.id,
                received_day: row.received_day.clone(),
                status: row.status,
                preview: preview_text,
                has_statement,
                categories,
                has_receipt: row.receipt.is_some(),
                language,
                awaiting_reply: false,
                assignee: None,
                labels: Some(Vec::new()),
            }
        })
        .collect()
}

impl Desk {
    /// One inbox page. Only what the page needs is decrypted, and every decrypted preview
    /// is named in the audit log (with how many more rows a plaintext filter read).
    #[tracing::instrument(skip_all)]
    pub async fn inbox_page(
        &self,
        session: &SessionView,
        filter: InboxFilter,
        paging: Paging,
    ) -> Result<InboxPage, ReviewError> {
        let keys = std::sync::Arc::new(self.keys_of(session).await?);
        let ring = LabelRing::of(&keys)?;
        let resolved = self.resolve(session, &filter, &ring).await?;
        let (newer, start) = match &paging {
            Paging::Newest => (false, None),
            Paging::Older(c) => (false, Some(c.clone())),
            Paging::Newer(c) => (true, Some(c.clone())),
        };
        let mut cursor = start.clone();
        let mut matched: Vec<InboxRow> = Vec::new();
        let mut scanned = 0usize;
        let mut exhausted = false;
        let want = PAGE_SIZE as usize + 1;
        // SQL alone filters: one read of a page and one more row. Otherwise chunks of rows
        // are decrypted until the page is full, the rows run out or the scan cap is hit.
        let chunk = if filter.needs_plaintext() {
            SCAN_CHUNK
        } else {
            PAGE_SIZE + 1
        };
        while matched.len() < want && scanned < MAX_SCAN && !exhausted {
            let (f, r) = (filter.clone(), resolved.clone());
            let at = cursor.clone();
            let rows = self
                .store
                .read(move |conn| {
                    let query = PageQuery {
                        cursor: at.as_ref().map(|c| (c.day.as_str(), &c.id)),
                        newer,
                        ..r.query(&f)
                    };
                    testimonies::page_where(conn, &query, chunk)
                })
                .await?;
            exhausted = rows.len() < chunk as usize;
            let Some(last) = rows.last() else { break };
            cursor = Some(Cursor::of(last));
            scanned += rows.len();
            let keys = keys.clone();
            let opened = blocking::run(move || inbox_rows(&keys, &rows)).await?;
            let f = filter.clone();
            matched.extend(opened.into_iter().filter(|r| f.matches(r)));
        }
        let scan_stopped = matched.len() < want && !exhausted && scanned >= MAX_SCAN;
        let more_beyond = matched.len() > PAGE_SIZE as usize || scan_stopped;
        matched.truncate(PAGE_SIZE as usize);
        if newer {
            matched.reverse();
        }
        // Links: beyond the far end of this page if more may be there; back the way we came
        // whenever the page did not start at the newest row.
        let first = matched.first().map(|r| Cursor {
            day: r.received_day.clone(),
            id: r.id,
        });
        let last = matched.last().map(|r| Cursor {
            day: r.received_day.clone(),
            id: r.id,
        });
        let (older, newer_link) = if newer {
            let newer_link = if scan_stopped {
                cursor.clone()
            } else if more_beyond {
                first.clone()
            } else {
                None
            };
            (last.clone().or(start.clone()), newer_link)
        } else {
            let older = if scan_stopped {
                cursor.clone()
            } else if more_beyond {
                last.clone()
            } else {
                None
            };
            (older, if start.is_some() { first.clone() } else { None })
        };
        let first_for_count = first.clone();
        let plain = !filter.needs_plaintext();
        let (f, r) = (filter.clone(), resolved.clone());
        let ids: Vec<TestimonyId> = matched.iter().map(|row| row.id).collect();
        let page_ids = ids.clone();
        let me = session.staff_id;
        let (position, counts, awaiting, mine, mut facts) = self
            .store
            .read(move |conn| -> Result<_, ReviewError> {
                let position = match (&first_for_count, plain) {
                    (Some(first), true) => {
                        let (total, before) = testimonies::position(
                            conn,
                            &r.query(&f),
                            Some((first.day.as_str(), &first.id)),
                        )?;
                        Some((total, before))
                    }
                    _ => None,
                };
                Ok((
                    position,
                    testimonies::status_counts(conn)?,
                    casework::awaiting_count(conn)?,
                    casework::assigned_count(conn, &me)?,
                    casework::facts(conn, &page_ids)?,
                ))
            })
            .await?;
        for row in &mut matched {
            if let Some(f) = facts.remove(&row.id) {
                row.awaiting_reply = f.awaiting_reply;
                row.assignee = f.assignee;
                row.labels = match f.labels {
                    Some(blob) => ring.open_set(&row.id, &blob),
                    None => Some(Vec::new()),
                };
            }
        }
        let shown = matched.len() as u64;
        let position = position.map(|(total, before)| Position {
            first: before + 1,
            last: before + shown,
            total,
        });
        // A newer page exists exactly when rows come before this one.
        let newer_link = match position {
            Some(p) if p.first > 1 => first.clone(),
            Some(_) => None,
            None => newer_link,
        };
        let mut detail = format!("filter {}; {} previews", filter.describe(), ids.len());
        if filter.needs_plaintext() {
            detail.push_str(&format!("; {scanned} rows read to filter"));
        }
        self.audit(session, AuditAction::InboxView, detail, ids)
            .await?;
        let labels_in_use = self.labels_in_use(session).await?;
        Ok(InboxPage {
            rows: matched,
            older,
            newer: newer_link,
            position,
            scanned,
            scan_stopped,
            counts,
            awaiting,
            mine,
            labels_in_use,
        })
    }
}

impl Desk {
    /// The assignee's id and the label's tags a filter names (an unknown username is
    /// refused; a label no key has tagged simply matches nothing).
    async fn resolve(
        &self,
        session: &SessionView,
        filter: &InboxFilter,
        ring: &LabelRing,
    ) -> Result<Resolved, ReviewError> {
        let assignee = match &filter.assigned {
            None => None,
            Some(Assigned::Me) => Some(session.staff_id),
            Some(Assigned::Named(name)) => {
                let name = name.clone();
                let found = self
                    .store
                    .read(move |conn| staff::by_username(conn, &name))
                    .await?;
                Some(
                    found
                        .ok_or(ReviewError::InvalidInput("err-assign-unknown"))?
                        .id,
                )
            }
        };
        let label_tags = match &filter.label {
            Some(label) => Some(ring.tags(label)?),
            None => None,
        };
        Ok(Resolved {
            assignee,
            label_tags,
        })
    }

    /// The newest testimony still new other than `done` ("save and next"). Reads ids and
    /// days only; opening it is what gets audited.
    pub async fn next_new(
        &self,
        session: &SessionView,
        done: TestimonyId,
    ) -> Result<Option<TestimonyId>, ReviewError> {
        self.keys_of(session).await?;
        let rows = self
            .store
            .read(move |conn| {
                testimonies::page_where(
                    conn,
                    &PageQuery {
                        status: Some(Status::New),
                        ..PageQuery::default()
                    },
                    2,
                )
            })
            .await?;
        Ok(rows.into_iter().map(|r| r.id).find(|id| *id != done))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_anything_else() {
        let id = TestimonyId::random().unwrap();
        let c = Cursor {
            day: "2026-12-01".into(),
            id,
        };
        assert_eq!(Cursor::parse(&c.to_string()), Some(c));
        assert_eq!(Cursor::parse("2026-13-01.00"), None);
        assert_eq!(Cursor::parse("nonsense"), None);
    }
}
