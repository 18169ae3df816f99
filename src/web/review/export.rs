//! `GET /review/export?format=json|csv[&status=…]` (admin, audited): streamed in batches,
//! each decrypted on the blocking pool.

use std::sync::Arc;

use actix_web::HttpResponse;
use actix_web::http::header;
use actix_web::web::{Bytes, Data, Query};
use serde::Deserialize;

use super::{Admin, now};
use crate::error::AppError;
use crate::review::export::{self, Format};
use crate::review::triage;
use crate::store::{audit, testimonies};
use crate::web::AppState;

const BATCH: u32 = 500;

#[derive(Deserialize)]
pub struct ExportQuery {
    format: Option<String>,
    status: Option<String>,
}

pub async fn download(
    admin: Admin,
    query: Query<ExportQuery>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let format = Format::parse(query.format.as_deref().unwrap_or("json"))
        .ok_or(AppError::BadRequest("Choose format=json or format=csv."))?;
    let status = match query.status.as_deref() {
        None | Some("") | Some("all") => None,
        Some(s) => {
            Some(triage::parse_status(s).ok_or(AppError::BadRequest("Unknown status filter."))?)
        }
    };
    let keys = Arc::new(super::session_keys(&state, &admin.0).await?);
    let (_, at) = now();
    let actor = admin.0.username.clone();
    let what = format!("{} of {}", format.extension(), status.unwrap_or("all"));
    state
        .store
        .write(move |conn| audit::append(conn, &at, &actor, "export", &what))
        .await?;

    let store = state.store.clone();
    let header_line = match format {
        Format::Csv => Some(Bytes::from_static(export::csv_header().as_bytes())),
        Format::Json => None,
    };
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
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"chorus-export.{}\"",
                format.extension()
            ),
        ))
        .streaming(body))
}

use futures_util::StreamExt as _;
