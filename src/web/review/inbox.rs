//! `GET /review`: newest first, paginated by (day, id), filtered by status. Only the rows a
//! page shows are decrypted, so it stays fast on 100,000 testimonies.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::{Staff, read_form};
use super::nav::{Nav, staff_page};
use super::visible::reveal;
use crate::domain::{Role, Status, TestimonyId};
use crate::error::AppError;
use crate::review::bulk::MAX_BULK;
use crate::review::inbox::{Cursor, InboxFilter, MAX_SCAN, Paging};
use crate::web::AppState;
use crate::web::layout::{Chrome, page, see_other};

#[derive(Deserialize)]
pub struct InboxQuery {
    status: Option<String>,
    day: Option<String>,
    /// `1`: only testimonies with a written statement.
    text: Option<String>,
    category: Option<String>,
    /// The page older than this cursor.
    after: Option<String>,
    /// The page newer than this cursor.
    before: Option<String>,
    deleted: Option<String>,
    /// How many testimonies a bulk action just changed.
    changed: Option<usize>,
    /// "Save and next" found no new testimony left.
    done: Option<String>,
}

pub struct Row {
    pub id: String,
    pub day: String,
    pub status: String,
    pub preview: String,
    pub has_statement: bool,
    pub has_receipt: bool,
}

#[derive(Template)]
#[template(path = "review/inbox.html")]
struct InboxView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    rows: Vec<Row>,
    filter: &'static str,
    filters: Vec<(&'static str, String, i64)>,
    /// The filter's query string (`status=…&day=…`), for every link that keeps it.
    keep: String,
    day: String,
    with_text: bool,
    category: String,
    categories: Vec<(String, String)>,
    older: Option<String>,
    newer: Option<String>,
    position: Option<String>,
    scan_note: Option<String>,
    deleted: bool,
    changed: Option<u64>,
    done: bool,
    total: i64,
    statuses: Vec<(&'static str, String)>,
}

/// Reads the inbox's filters from the query string; anything unknown is a 400.
fn filter_of(query: &InboxQuery, state: &AppState) -> Result<InboxFilter, AppError> {
    let status = match query.status.as_deref() {
        None | Some("") | Some("all") => None,
        Some(s) => Some(Status::parse(s).ok_or(AppError::BadRequest("err-unknown-status"))?),
    };
    let day = match query.day.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => {
            crate::clock::parse_day(d).map_err(|_| AppError::BadRequest("err-day-format"))?;
            Some(d.to_owned())
        }
    };
    let category = match query.category.as_deref() {
        None | Some("") => None,
        Some(c) => Some(
            state
                .config
                .categories
                .iter()
                .find(|k| k.key == c)
                .map(|k| k.key.clone())
                .ok_or(AppError::BadRequest("err-unknown-category"))?,
        ),
    };
    Ok(InboxFilter {
        status,
        day,
        with_text: matches!(query.text.as_deref(), Some("1" | "on")),
        category,
    })
}

/// The query string that keeps `filter` in links (values are keys and dates, encoded anyway).
fn keep_of(filter: &InboxFilter) -> String {
    let enc = crate::web::query_value;
    let mut parts = vec![format!(
        "status={}",
        filter.status.map_or("all", Status::key)
    )];
    if let Some(day) = &filter.day {
        parts.push(format!("day={}", enc(day)));
    }
    if filter.with_text {
        parts.push("text=1".to_owned());
    }
    if let Some(c) = &filter.category {
        parts.push(format!("category={}", enc(c)));
    }
    parts.join("&")
}

pub async fn show(
    staff: Staff,
    query: Query<InboxQuery>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let filter = filter_of(&query, &state)?;
    let cursor = |c: &Option<String>| -> Result<Option<Cursor>, AppError> {
        match c.as_deref() {
            None | Some("") => Ok(None),
            Some(c) => Cursor::parse(c)
                .map(Some)
                .ok_or(AppError::BadRequest("err-page-link")),
        }
    };
    let paging = match (cursor(&query.after)?, cursor(&query.before)?) {
        (Some(c), _) => Paging::Older(c),
        (None, Some(c)) => Paging::Newer(c),
        (None, None) => Paging::Newest,
    };
    let inbox = state
        .desk
        .inbox_page(&staff.0, filter.clone(), paging)
        .await?;
    let (layout, nav) = staff_page(&state, &staff.0);
    let shown = inbox.rows.len();
    let number = |n: u64| layout.tr.number(n);
    let position = inbox.position.map(|p| {
        if p.total == 0 {
            layout.t("inbox-none-match")
        } else {
            layout.tr.args(
                "inbox-position",
                &[
                    ("first", number(p.first)),
                    ("last", number(p.last)),
                    ("total", number(p.total)),
                ],
            )
        }
    });
    let scan_note = filter.needs_plaintext().then(|| {
        let (shown, read) = (number(shown as u64), number(inbox.scanned as u64));
        if inbox.scan_stopped {
            layout.tr.args(
                "inbox-scan-stopped",
                &[
                    ("shown", shown),
                    ("read", read),
                    ("max", number(MAX_SCAN as u64)),
                ],
            )
        } else {
            layout
                .tr
                .args("inbox-scan-done", &[("shown", shown), ("read", read)])
        }
    });
    let view = InboxView {
        filter: filter.status.map_or("all", Status::key),
        filters: Status::ALL
            .iter()
            .map(|s| (s.key(), layout.status(*s), inbox.count_of(*s)))
            .collect(),
        keep: keep_of(&filter),
        day: filter.day.clone().unwrap_or_default(),
        with_text: filter.with_text,
        category: filter.category.clone().unwrap_or_default(),
        categories: state
            .config
            .categories
            .iter()
            .map(|c| (c.key.clone(), layout.label("category", c)))
            .collect(),
        older: inbox.older.as_ref().map(Cursor::to_string),
        newer: inbox.newer.as_ref().map(Cursor::to_string),
        position,
        scan_note,
        deleted: query.deleted.is_some(),
        changed: query.changed.map(|n| n as u64),
        done: query.done.is_some(),
        statuses: Status::ALL
            .iter()
            .map(|s| (s.key(), layout.status(*s)))
            .collect(),
        total: inbox.total(),
        rows: inbox
            .rows
            .into_iter()
            .map(|r| Row {
                id: r.id.to_hex(),
                day: layout.tr.day(&r.received_day),
                status: layout.status(r.status),
                preview: if r.has_statement {
                    reveal(&r.preview)
                } else {
                    layout.t("inbox-me-too")
                },
                has_statement: r.has_statement,
                has_receipt: r.has_receipt,
            })
            .collect(),
        layout,
        nav,
    };
    Ok(page(StatusCode::OK, &view))
}

/// `POST /review/bulk`: the rows ticked on an inbox page get one status (one audit entry),
/// or — for admins — go to the export page.
pub async fn bulk(
    req: HttpRequest,
    staff: Staff,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = read_form(&req, &staff.0, body).await?;
    let ids = pairs
        .0
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| TestimonyId::parse_hex(v).ok_or(AppError::BadRequest("err-ticked-id")))
        .collect::<Result<Vec<_>, AppError>>()?;
    if ids.len() > MAX_BULK {
        return Err(AppError::BadRequest("err-bulk-too-many"));
    }
    if pairs.get("action") == "export" {
        if staff.0.role != Role::Admin {
            return Err(AppError::Forbidden("err-admins-only"));
        }
        if ids.is_empty() {
            return Err(AppError::Unprocessable("err-export-none-ticked"));
        }
        // Ids are not secrets; the export page still asks before anything is decrypted.
        let mut to = format!(
            "/review/export?scope=selected&format={}",
            if pairs.get("format") == "csv" {
                "csv"
            } else {
                "json"
            }
        );
        for id in &ids {
            to.push_str("&id=");
            to.push_str(&id.to_hex());
        }
        return Ok(see_other(&to));
    }
    if pairs.get("action") != "status" {
        // Enter pressed on a checkbox (the form's hidden first button): nothing changes.
        return Ok(see_other("/review"));
    }
    let status =
        Status::parse(pairs.get("status")).ok_or(AppError::Unprocessable("err-choose-status"))?;
    let outcome = state.desk.set_status_many(&staff.0, ids, status).await?;
    Ok(see_other(&format!("/review?changed={}", outcome.changed)))
}
