//! `GET /review`: newest first, paginated by (day, id), filtered by status. Only the rows a
//! page shows are decrypted, so it stays fast on 100,000 testimonies.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use askama::Template;
use serde::Deserialize;

use super::{Nav, Staff, now};
use crate::error::AppError;
use crate::review::triage::{self, InboxRow};
use crate::store::{audit, testimonies};
use crate::web::AppState;
use crate::web::layout::{Layout, page};

/// Rows per page.
pub const PAGE_SIZE: u32 = 50;

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
    filter: &'a str,
    filters: Vec<(&'static str, &'static str, i64)>,
    next: Option<String>,
    deleted: bool,
    total: i64,
}

fn parse_cursor(text: &str) -> Option<(String, [u8; 16])> {
    let (day, id) = text.split_once('.')?;
    let id: [u8; 16] = hex::decode(id).ok()?.try_into().ok()?;
    crate::publish::parse_day(day).ok()?;
    Some((day.to_owned(), id))
}

pub async fn show(
    staff: Staff,
    query: Query<InboxQuery>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let status = match query.status.as_deref() {
        None | Some("") | Some("all") => None,
        Some(s) => {
            Some(triage::parse_status(s).ok_or(AppError::BadRequest("Unknown status filter."))?)
        }
    };
    let cursor = match query.after.as_deref() {
        None | Some("") => None,
        Some(c) => {
            Some(parse_cursor(c).ok_or(AppError::BadRequest("That page link is not valid."))?)
        }
    };
    let keys = super::session_keys(&state, &staff.0).await?;
    let (rows, counts) = state
        .store
        .read(move |conn| {
            let rows = testimonies::page(
                conn,
                status,
                cursor.as_ref().map(|(d, i)| (d.as_str(), i)),
                PAGE_SIZE + 1,
            )?;
            Ok((rows, testimonies::status_counts(conn)?))
        })
        .await?;
    let more = rows.len() > PAGE_SIZE as usize;
    let shown: Vec<_> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    let next = if more {
        shown
            .last()
            .map(|r| format!("{}.{}", r.received_day, hex::encode(r.id)))
    } else {
        None
    };
    let opened: Vec<InboxRow> =
        tokio::task::spawn_blocking(move || triage::inbox_rows(&keys, &shown))
            .await
            .map_err(AppError::internal)?;
    let (_, at) = now();
    let actor = staff.0.username.clone();
    // Which previews were decrypted, by id: a clear record of who read what.
    let ids: Vec<String> = opened.iter().map(|r| hex::encode(r.id)).collect();
    let filter_name = status.unwrap_or("all").to_owned();
    state
        .store
        .write(move |conn| {
            audit::append(
                conn,
                &at,
                &actor,
                "inbox.view",
                &format!("filter {filter_name}; previews {}", ids.join(" ")),
            )
        })
        .await?;
    let count_of = |key: &str| {
        counts
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let view = InboxView {
        layout: &state.layout,
        nav: Nav::of(&staff.0),
        rows: opened
            .into_iter()
            .map(|r| Row {
                id: hex::encode(r.id),
                day: r.received_day,
                status: triage::status_label(&r.status),
                preview: r.preview.to_string(),
                has_statement: r.has_statement,
                has_receipt: r.has_receipt,
            })
            .collect(),
        filter: status.unwrap_or("all"),
        filters: triage::STATUSES
            .iter()
            .map(|(k, l)| (*k, *l, count_of(k)))
            .collect(),
        next,
        deleted: query.deleted.is_some(),
        total: counts.iter().map(|(_, n)| n).sum(),
    };
    Ok(page(StatusCode::OK, &view))
}
