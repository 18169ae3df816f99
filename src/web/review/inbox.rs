//! `GET /review`: newest first, paginated by (day, id), filtered by status. Only the rows a
//! page shows are decrypted, so it stays fast on 100,000 testimonies.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use askama::Template;
use serde::Deserialize;

use super::extract::Staff;
use super::nav::Nav;
use super::visible::reveal;
use crate::domain::Status;
use crate::error::AppError;
use crate::review::triage::Cursor;
use crate::web::AppState;
use crate::web::layout::{Layout, page};

#[derive(Deserialize)]
pub struct InboxQuery {
    status: Option<String>,
    after: Option<String>,
    deleted: Option<String>,
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
    total: i64,
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
        total: inbox.total(),
        rows: inbox
            .rows
            .into_iter()
            .map(|r| Row {
                id: r.id.to_hex(),
                day: r.received_day,
                status: r.status.label(),
                preview: reveal(&r.preview),
                has_statement: r.has_statement,
                has_receipt: r.has_receipt,
            })
            .collect(),
    };
    Ok(page(StatusCode::OK, &view))
}
