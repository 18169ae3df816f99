//! Exports (admin, audited). `GET /review/export` is a page, never a file: it shows what
//! would be exported (everything, one status, or the testimonies ticked in the inbox), the
//! format, and a plain warning. The decrypted file comes only from the explicit
//! `POST /review/export` it sends, with the session's CSRF token — so no link, prefetch or
//! stray click can drop every testimony, decrypted, into a Downloads folder.

use actix_web::http::{StatusCode, header};
use actix_web::web::{Bytes, Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use futures_util::StreamExt as _;

use super::extract::{Admin, read_form};
use super::nav::{Nav, staff_page};
use crate::domain::{Status, TestimonyId};
use crate::review::export::{Format, MAX_SELECTED, Scope};
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page as render};
use crate::web::{AppState, form};

#[derive(Template)]
#[template(path = "review/export.html")]
struct ExportView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    json: bool,
    /// `None`: every testimony, or one status; `Some`: the ids ticked in the inbox.
    selected: Option<Vec<String>>,
    status: &'a str,
    statuses: Vec<(&'static str, String)>,
    /// How many are selected (for the plural form).
    selected_count: u64,
}

/// What a request (the page's query or the POST's form) asks to export.
fn wanted(pairs: &form::FormPairs) -> Result<(Format, Scope), AppError> {
    let format = pairs
        .0
        .iter()
        .find(|(k, _)| k == "format")
        .map_or(Some(Format::Json), |(_, v)| Format::parse(v))
        .ok_or(AppError::BadRequest("err-export-format"))?;
    let status = match pairs.get("status") {
        "" | "all" => None,
        s => Some(Status::parse(s).ok_or(AppError::BadRequest("err-unknown-status"))?),
    };
    let mut selected = pairs
        .0
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| TestimonyId::parse_hex(v).ok_or(AppError::BadRequest("err-selected-id")))
        .collect::<Result<Vec<_>, AppError>>()?;
    selected.sort_unstable();
    selected.dedup();
    if selected.len() > MAX_SELECTED {
        return Err(AppError::BadRequest("err-export-too-many"));
    }
    let scope = if pairs.get("scope") == "selected" || !selected.is_empty() {
        Scope::Selected(selected)
    } else {
        Scope::All(status)
    };
    Ok((format, scope))
}

/// `GET`: the page to choose scope and format, with the warning. Decrypts nothing.
pub async fn page(
    req: HttpRequest,
    admin: Admin,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = form::FormPairs(form::decode(req.query_string().as_bytes())?);
    let (format, scope) = wanted(&pairs)?;
    let (selected, status) = match scope {
        Scope::Selected(ids) if ids.is_empty() => {
            return Err(AppError::Unprocessable("err-export-none-ticked"));
        }
        Scope::Selected(ids) => (Some(ids.iter().map(TestimonyId::to_hex).collect()), ""),
        Scope::All(status) => (None, status.map_or("all", Status::key)),
    };
    let (layout, nav) = staff_page(&state, &admin.0);
    Ok(render(
        StatusCode::OK,
        &ExportView {
            json: format == Format::Json,
            selected_count: selected
                .as_ref()
                .map_or(0, |ids: &Vec<String>| ids.len() as u64),
            selected,
            status,
            statuses: Status::ALL
                .iter()
                .map(|s| (s.key(), layout.status(*s)))
                .collect(),
            layout,
            nav,
        },
    ))
}

/// `POST`: the decrypted file, streamed in batches (audited by the service).
pub async fn download(
    req: HttpRequest,
    admin: Admin,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = read_form(&req, &admin.0, body).await?;
    let (format, scope) = wanted(&pairs)?;
    let notes = pairs.get("notes") == "on";
    let pieces = state.desk.export(&admin.0, format, scope, notes).await?;
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
