//! Exporting testimonies (admin, audited) as JSON lines or CSV, decrypted batch by batch so
//! an export of 100,000 rows streams instead of filling memory. CSV cells that a spreadsheet
//! would run as a formula are prefixed with `'`.

use serde::Serialize;

use super::keyring::EpochKeys;
use crate::store::testimonies::StoredTestimony;

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
    status: &'a str,
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
                    id: hex::encode(row.id),
                    received_day: &row.received_day,
                    status: &row.status,
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
                    csv_cell(&hex::encode(row.id)),
                    csv_cell(&row.received_day),
                    csv_cell(&row.status),
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
