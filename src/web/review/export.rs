//! `GET /review/export?format=json|csv[&status=…][&scope=selected&id=…&id=…]` (admin,
//! audited): all testimonies (or one status) streamed in batches, or just the ones ticked
//! in the inbox.

use actix_web::http::header;
use actix_web::web::{Bytes, Data};
use actix_web::{HttpRequest, HttpResponse};
use futures_util::StreamExt as _;

use super::extract::Admin;
use crate::domain::{Status, TestimonyId};
use crate::error::AppError;
use crate::review::export::{Format, MAX_SELECTED, Scope};
use crate::web::{AppState, form};

pub async fn download(
    req: HttpRequest,
    admin: Admin,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = form::FormPairs(form::decode(req.query_string().as_bytes())?);
    let format = pairs
        .0
        .iter()
        .find(|(k, _)| k == "format")
        .map_or(Some(Format::Json), |(_, v)| Format::parse(v))
        .ok_or(AppError::BadRequest("Choose format=json or format=csv."))?;
    let status = match pairs.get("status") {
        "" | "all" => None,
        s => Some(Status::parse(s).ok_or(AppError::BadRequest("Unknown status filter."))?),
    };
    let mut selected = pairs
        .0
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| {
            TestimonyId::parse_hex(v).ok_or(AppError::BadRequest(
                "A selected testimony id is not valid.",
            ))
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    selected.sort_unstable();
    selected.dedup();
    if selected.len() > MAX_SELECTED {
        return Err(AppError::BadRequest(
            "Select at most 100 testimonies, or export them all.",
        ));
    }
    let scope = if pairs.get("scope") == "selected" || !selected.is_empty() {
        Scope::Selected(selected)
    } else {
        Scope::All(status)
    };
    let pieces = state.desk.export(&admin.0, format, scope).await?;
    let body = pieces.map(|piece| {
        piece
            .map(Bytes::from)
            .map_err(actix_web::error::ErrorInternalServerError)
    });
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
