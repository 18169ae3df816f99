//! `GET /review`: newest first, paginated by (day, id), filtered by status. Only the rows a
//! page shows are decrypted, so it stays fast on 100,000 testimonies.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::{Staff, read_form};
use super::nav::Nav;
use super::visible::reveal;
use crate::domain::{Role, Status, TestimonyId};
use crate::error::AppError;
use crate::review::bulk::MAX_BULK;
use crate::review::triage::Cursor;
use crate::web::AppState;
use crate::web::layout::{Layout, page, see_other};

#[derive(Deserialize)]
pub struct InboxQuery {
    status: Option<String>,
    after: Option<String>,
    deleted: Option<String>,
    /// How many testimonies a bulk action just changed.
    changed: Option<usize>,
}

pub struct Row {
    pub id: String,
    pub day: String,
    pub status: &'static str,
    pub preview: String,
    pub has_statement: bool,
    pub has_receipt: bool,
}

#[derive(Template)]
#[template(path = "review/inbox.html")]
struct InboxView<'a> {
    layout: &'a Layout,
    nav: Nav,
    rows: Vec<Row>,
    filter: &'static str,
    filters: Vec<(&'static str, &'static str, i64)>,
    next: Option<String>,
    deleted: bool,
    changed: Option<usize>,
    total: i64,
    statuses: Vec<(&'static str, &'static str)>,
}

pub async fn show(
    staff: Staff,
    query: Query<InboxQuery>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let filter = match query.status.as_deref() {
        None | Some("") | Some("all") => None,
        Some(s) => Some(Status::parse(s).ok_or(AppError::BadRequest("Unknown status filter."))?),
    };
    let after = match query.after.as_deref() {
        None | Some("") => None,
        Some(c) => {
            Some(Cursor::parse(c).ok_or(AppError::BadRequest("That page link is not valid."))?)
        }
    };
    let inbox = state.desk.inbox_page(&staff.0, filter, after).await?;
    let view = InboxView {
        layout: &state.layout,
        nav: Nav::of(&staff.0),
        filter: filter.map_or("all", Status::key),
        filters: Status::ALL
            .iter()
            .map(|s| (s.key(), s.label(), inbox.count_of(*s)))
            .collect(),
        next: inbox.next.as_ref().map(Cursor::to_string),
        deleted: query.deleted.is_some(),
        changed: query.changed,
        statuses: Status::ALL.iter().map(|s| (s.key(), s.label())).collect(),
        total: inbox.total(),
        rows: inbox
            .rows
            .into_iter()
            .map(|r| Row {
                id: r.id.to_hex(),
                day: crate::clock::human_day(&r.received_day),
                status: r.status.label(),
                preview: reveal(&r.preview),
                has_statement: r.has_statement,
                has_receipt: r.has_receipt,
            })
            .collect(),
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
        .map(|(_, v)| {
            TestimonyId::parse_hex(v)
                .ok_or(AppError::BadRequest("A ticked testimony id is not valid."))
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    if ids.len() > MAX_BULK {
        return Err(AppError::BadRequest(
            "At most 1,000 testimonies can be changed at once.",
        ));
    }
    if pairs.get("action") == "export" {
        if staff.0.role != Role::Admin {
            return Err(AppError::Forbidden("This page is for admins."));
        }
        if ids.is_empty() {
            return Err(AppError::Unprocessable(
                "Tick the testimonies to export first; nothing was exported.",
            ));
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
    let status = Status::parse(pairs.get("status")).ok_or(AppError::Unprocessable(
        "Choose one of the statuses listed.",
    ))?;
    let outcome = state.desk.set_status_many(&staff.0, ids, status).await?;
    Ok(see_other(&format!("/review?changed={}", outcome.changed)))
}
