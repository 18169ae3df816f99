//! `GET /review/export?format=json|csv[&status=…][&id=…&id=…]` (admin, audited): all
//! testimonies (or one status) streamed in batches, each decrypted on the blocking pool; or
//! just the ones ticked in the inbox.

use std::sync::Arc;

use actix_web::http::header;
use actix_web::web::{Bytes, Data};
use actix_web::{HttpRequest, HttpResponse};

use super::{Admin, now};
use crate::error::AppError;
use crate::review::export::{self, Format};
use crate::review::triage;
use crate::store::{audit, testimonies};
use crate::web::{AppState, form};

const BATCH: u32 = 500;

/// Most testimonies one selection may name (they travel in the URL).
const MAX_SELECTED: usize = 100;

pub async fn download(
    req: HttpRequest,
    admin: Admin,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = form::decode(req.query_string().as_bytes())?;
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let format = Format::parse(value("format").unwrap_or("json"))
        .ok_or(AppError::BadRequest("Choose format=json or format=csv."))?;
    let status = match value("status") {
        None | Some("") | Some("all") => None,
        Some(s) => {
            Some(triage::parse_status(s).ok_or(AppError::BadRequest("Unknown status filter."))?)
        }
    };
    let selected = pairs
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| {
            super::parse_id(v)
                .map_err(|_| AppError::BadRequest("A selected testimony id is not valid."))
        })
        .collect::<Result<Vec<[u8; 16]>, AppError>>()?;
    let mut selected = selected;
    selected.sort_unstable();
    selected.dedup();
    if value("scope") == Some("selected") && selected.is_empty() {
        // An empty selection must never turn into "everything".
        return Err(AppError::Unprocessable(
            "Tick the testimonies to export first; nothing was exported.",
        ));
    }
    if selected.len() > MAX_SELECTED {
        return Err(AppError::BadRequest(
            "Select at most 100 testimonies, or export them all.",
        ));
    }
    let keys = Arc::new(super::session_keys(&state, &admin.0).await?);
    let (_, at) = now();
    let actor = admin.0.username.clone();
    let what = if selected.is_empty() {
        format!("{} of {}", format.extension(), status.unwrap_or("all"))
    } else {
        let ids: Vec<String> = selected.iter().map(hex::encode).collect();
        format!(
            "{} of {} selected: {}",
            format.extension(),
            ids.len(),
            ids.join(" ")
        )
    };
    state
        .store
        .write(move |conn| audit::append(conn, &at, &actor, "export", &what))
        .await?;

    let header_line = match format {
        Format::Csv => Some(Bytes::from_static(export::csv_header().as_bytes())),
        Format::Json => None,
    };
    let attachment = (
        header::CONTENT_DISPOSITION,
        format!(
            "attachment; filename=\"chorus-export.{}\"",
            format.extension()
        ),
    );
    if !selected.is_empty() {
        let rows = state
            .store
            .read(move |conn| {
                let mut rows = Vec::new();
                for id in &selected {
                    rows.extend(testimonies::get(conn, id)?);
                }
                Ok(rows)
            })
            .await?;
        let body = tokio::task::spawn_blocking(move || export::render(format, &keys, &rows))
            .await
            .map_err(AppError::internal)?;
        let head = header_line
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        return Ok(HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, format.content_type()))
            .insert_header(attachment)
            .body(head + &body));
    }
    let store = state.store.clone();
    // State: (cursor, finished). Each step reads and decrypts one batch.
    let batches = futures_util::stream::unfold(
        (None::<(String, [u8; 16])>, false),
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
                    Ok(rows) => rows,
                    Err(e) => {
                        return Some((
                            Err(actix_web::error::ErrorInternalServerError(e)),
                            (cursor, true),
                        ));
                    }
                };
                if rows.is_empty() {
                    return None;
                }
                let next = rows.last().map(|r| (r.received_day.clone(), r.id));
                let finished = rows.len() < BATCH as usize;
                let text =
                    tokio::task::spawn_blocking(move || export::render(format, &keys, &rows)).await;
                match text {
                    Ok(text) => Some((Ok(Bytes::from(text)), (next, finished))),
                    Err(e) => Some((
                        Err(actix_web::error::ErrorInternalServerError(e)),
                        (next, true),
                    )),
                }
            }
        },
    );
    let body =
        futures_util::stream::iter(header_line.into_iter().map(Ok::<Bytes, actix_web::Error>))
            .chain(batches);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, format.content_type()))
        .insert_header(attachment)
        .streaming(body))
}

use futures_util::StreamExt as _;
