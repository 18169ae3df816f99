//! Exporting testimonies (admin, audited) as JSON lines or CSV, decrypted batch by batch so
//! an export of 100,000 rows streams instead of filling memory. Each JSON line carries the
//! statement's thread (follow-ups and replies; staff notes only when asked for), a CSV row
//! how many messages that thread holds. CSV cells that a spreadsheet would run as a
//! formula are prefixed with `'`.

use std::sync::Arc;

use futures_util::stream::{self, BoxStream, StreamExt};
use serde::Serialize;

use super::ReviewError;
use super::desk::{Actor, Desk};
use super::keyring::EpochKeys;
use super::sessions::SessionView;
use crate::blocking;
use crate::domain::{AuditAction, MessageKind, Status, TestimonyId};
use crate::store::messages::{self, StoredMessage};
use crate::store::testimonies::{self, StoredTestimony};

/// Rows decrypted per batch of a streamed export.
const BATCH: u32 = 500;

/// Most testimonies one selection may name (they travel in the URL).
pub const MAX_SELECTED: usize = 100;

/// What to export.
pub enum Scope {
    /// Everything, or everything with one status, streamed.
    All(Option<Status>),
    /// The testimonies ticked in the inbox (1 to [`MAX_SELECTED`], deduplicated).
    Selected(Vec<TestimonyId>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/x-ndjson; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "jsonl",
            Format::Csv => "csv",
        }
    }
}

#[derive(Serialize)]
struct Record<'a> {
    id: String,
    received_day: &'a str,
    status: &'static str,
    statement: &'a str,
    categories: &'a [String],
    setting: Option<&'a str>,
    consent_publish: bool,
    language: &'a str,
    thread: Vec<ThreadRecord>,
}

/// One message of a statement's thread, opened.
#[derive(Serialize)]
struct ThreadRecord {
    kind: &'static str,
    /// The staff member who wrote a reply or note; none for the author's follow-ups.
    author: Option<String>,
    day: String,
    #[serde(serialize_with = "plain_text")]
    text: zeroize::Zeroizing<String>,
}

/// Serialises an opened text without copying it out of its zeroizing buffer.
fn plain_text<S: serde::Serializer>(
    text: &zeroize::Zeroizing<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(text)
}

/// A batch to export: the rows and, by testimony, the thread messages to include.
pub struct Batch {
    pub rows: Vec<StoredTestimony>,
    pub threads: std::collections::HashMap<TestimonyId, Vec<StoredMessage>>,
}

impl Batch {
    /// Reads the threads of `rows`, leaving notes out unless `notes`.
    pub fn read(
        conn: &rusqlite::Connection,
        rows: Vec<StoredTestimony>,
        notes: bool,
    ) -> Result<Batch, ReviewError> {
        let mut threads = std::collections::HashMap::new();
        for row in &rows {
            let thread: Vec<StoredMessage> = messages::for_testimony(conn, &row.id)?
                .into_iter()
                .filter(|m| notes || m.kind != MessageKind::Note)
                .collect();
            threads.insert(row.id, thread);
        }
        Ok(Batch { rows, threads })
    }
}

/// The CSV header line.
pub fn csv_header() -> &'static str {
    "id,received_day,status,statement,categories,setting,consent_publish,language,thread_messages\n"
}

fn csv_cell(text: &str) -> String {
    // Spreadsheets skip leading whitespace before deciding a cell is a formula.
    let guarded =
        if text.trim_start().starts_with(['=', '+', '-', '@']) || text.starts_with(['\t', '\r']) {
            format!("'{text}")
        } else {
            text.to_owned()
        };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// Renders one batch; rows that do not open are listed with an empty statement and a note.
pub fn render(format: Format, keys: &EpochKeys, batch: &Batch) -> String {
    let mut out = String::new();
    for row in &batch.rows {
        let thread = batch.threads.get(&row.id).map_or(&[][..], Vec::as_slice);
        let opened = keys.open_testimony(row);
        let (statement, categories, setting, consent, language) = match &opened {
            Ok(t) => (
                t.statement.as_str(),
                t.categories.as_slice(),
                t.setting.as_deref(),
                t.consent_publish,
                t.language.as_str(),
            ),
            Err(_) => (
                "(cannot be opened with your keys)",
                &[][..],
                None,
                false,
                "",
            ),
        };
        match format {
            Format::Json => {
                let record = Record {
                    id: row.id.to_hex(),
                    received_day: &row.received_day,
                    status: row.status.key(),
                    statement,
                    categories,
                    setting,
                    consent_publish: consent,
                    language,
                    thread: thread
                        .iter()
                        .map(|m| ThreadRecord {
                            kind: m.kind.as_str(),
                            author: m.author.clone(),
                            day: m.created_day.clone(),
                            text: keys
                                .open_message(m.kind, &row.id, &m.id, &m.ciphertext)
                                .unwrap_or_else(|_| {
                                    zeroize::Zeroizing::new(
                                        "(cannot be opened with your keys)".to_owned(),
                                    )
                                }),
                        })
                        .collect(),
                };
                if let Ok(line) = serde_json::to_string(&record) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            Format::Csv => {
                let cells = [
                    csv_cell(&row.id.to_hex()),
                    csv_cell(&row.received_day),
                    csv_cell(row.status.key()),
                    csv_cell(statement),
                    csv_cell(&categories.join(";")),
                    csv_cell(setting.unwrap_or_default()),
                    csv_cell(if consent { "yes" } else { "no" }),
                    csv_cell(language),
                    csv_cell(&thread.len().to_string()),
                ];
                out.push_str(&cells.join(","));
                out.push('\n');
            }
        }
    }
    out
}

impl Desk {
    /// Starts an export: audits it (before anything is decrypted), then yields the file in
    /// pieces — the CSV header, then one rendered batch at a time.
    #[tracing::instrument(skip_all)]
    pub async fn export(
        &self,
        session: &SessionView,
        format: Format,
        scope: Scope,
        notes: bool,
    ) -> Result<BoxStream<'static, Result<String, ReviewError>>, ReviewError> {
        Actor::Staff(session).require_admin()?;
        match &scope {
            // An empty selection must never turn into "everything".
            Scope::Selected(ids) if ids.is_empty() => {
                return Err(ReviewError::InvalidInput("err-export-none-ticked"));
            }
            Scope::Selected(ids) if ids.len() > MAX_SELECTED => {
                return Err(ReviewError::InvalidInput("err-export-too-many"));
            }
            _ => {}
        }
        let keys = Arc::new(self.keys_of(session).await?);
        let with_notes = if notes { ", with internal notes" } else { "" };
        let (what, subjects) = match &scope {
            Scope::All(status) => (
                format!(
                    "{} of {}{with_notes}",
                    format.extension(),
                    status.map_or("all", Status::key)
                ),
                Vec::new(),
            ),
            Scope::Selected(ids) => (
                format!(
                    "{} of {} selected{with_notes}",
                    format.extension(),
                    ids.len()
                ),
                ids.clone(),
            ),
        };
        self.audit(session, AuditAction::Export, what, subjects)
            .await?;
        let header = match format {
            Format::Csv => Some(Ok(csv_header().to_owned())),
            Format::Json => None,
        };
        let body = match scope {
            Scope::Selected(ids) => {
                let batch = self
                    .store
                    .read(move |conn| -> Result<_, ReviewError> {
                        let mut rows = Vec::new();
                        for id in &ids {
                            rows.extend(testimonies::get(conn, id)?);
                        }
                        Batch::read(conn, rows, notes)
                    })
                    .await?;
                let text = blocking::run(move || render(format, &keys, &batch)).await?;
                stream::once(async move { Ok(text) }).boxed()
            }
            Scope::All(status) => self.batches(format, status, keys, notes),
        };
        Ok(stream::iter(header).chain(body).boxed())
    }

    /// Every testimony (or one status), one batch per step: read, then decrypt on the
    /// blocking pool.
    fn batches(
        &self,
        format: Format,
        status: Option<Status>,
        keys: Arc<EpochKeys>,
        notes: bool,
    ) -> BoxStream<'static, Result<String, ReviewError>> {
        let store = self.store.clone();
        // State: (cursor, finished).
        stream::unfold(
            (None::<(String, TestimonyId)>, false),
            move |(cursor, done)| {
                let (store, keys) = (store.clone(), keys.clone());
                async move {
                    if done {
                        return None;
                    }
                    let after = cursor.clone();
                    let batch = store
                        .read(move |conn| -> Result<_, ReviewError> {
                            let rows = testimonies::page(
                                conn,
                                status,
                                after.as_ref().map(|(d, i)| (d.as_str(), i)),
                                BATCH,
                            )?;
                            Batch::read(conn, rows, notes)
                        })
                        .await;
                    let batch = match batch {
                        Ok(batch) if batch.rows.is_empty() => return None,
                        Ok(batch) => batch,
                        Err(e) => return Some((Err(e), (cursor, true))),
                    };
                    let next = batch.rows.last().map(|r| (r.received_day.clone(), r.id));
                    let finished = batch.rows.len() < BATCH as usize;
                    match blocking::run(move || render(format, &keys, &batch)).await {
                        Ok(text) => Some((Ok(text), (next, finished))),
                        Err(e) => Some((Err(ReviewError::from(e)), (next, true))),
                    }
                }
            },
        )
        .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-1"), "\"'-1\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    }
}
