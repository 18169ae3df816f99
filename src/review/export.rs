//! Exporting testimonies (admin, audited) as JSON lines or CSV, decrypted batch by batch so
//! an export of 100,000 rows streams instead of filling memory. CSV cells that a spreadsheet
//! would run as a formula are prefixed with `'`.

use std::sync::Arc;

use futures_util::stream::{self, BoxStream, StreamExt};
use serde::Serialize;

use super::ReviewError;
use super::desk::{Actor, Desk};
use super::keyring::EpochKeys;
use super::sessions::SessionView;
use crate::blocking;
use crate::domain::{AuditAction, Status, TestimonyId};
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
}

/// The CSV header line.
pub fn csv_header() -> &'static str {
    "id,received_day,status,statement,categories,setting,consent_publish,language\n"
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
pub fn render(format: Format, keys: &EpochKeys, rows: &[StoredTestimony]) -> String {
    let mut out = String::new();
    for row in rows {
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
        let what = match &scope {
            Scope::All(status) => {
                format!(
                    "{} of {}",
                    format.extension(),
                    status.map_or("all", Status::key)
                )
            }
            Scope::Selected(ids) => {
                let ids: Vec<String> = ids.iter().map(TestimonyId::to_hex).collect();
                format!(
                    "{} of {} selected: {}",
                    format.extension(),
                    ids.len(),
                    ids.join(" ")
                )
            }
        };
        self.audit(session, AuditAction::Export, what).await?;
        let header = match format {
            Format::Csv => Some(Ok(csv_header().to_owned())),
            Format::Json => None,
        };
        let body = match scope {
            Scope::Selected(ids) => {
                let rows = self
                    .store
                    .read(move |conn| -> Result<_, ReviewError> {
                        let mut rows = Vec::new();
                        for id in &ids {
                            rows.extend(testimonies::get(conn, id)?);
                        }
                        Ok(rows)
                    })
                    .await?;
                let text = blocking::run(move || render(format, &keys, &rows)).await?;
                stream::once(async move { Ok(text) }).boxed()
            }
            Scope::All(status) => self.batches(format, status, keys),
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
                    let rows = store
                        .read(move |conn| {
                            testimonies::page(
                                conn,
                                status,
                                after.as_ref().map(|(d, i)| (d.as_str(), i)),
                                BATCH,
                            )
                        })
                        .await;
                    let rows = match rows {
                        Ok(rows) if rows.is_empty() => return None,
                        Ok(rows) => rows,
                        Err(e) => return Some((Err(ReviewError::from(e)), (cursor, true))),
                    };
                    let next = rows.last().map(|r| (r.received_day.clone(), r.id));
                    let finished = rows.len() < BATCH as usize;
                    match blocking::run(move || render(format, &keys, &rows)).await {
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
