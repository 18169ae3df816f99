//! One testimony: `GET /review/t/{id}` (decrypts; audited) and its triage actions.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::extract::{MaybeStaff, Staff, path_id, read_form, require_ticked};
use super::nav::Nav;
use super::visible::reveal;
use crate::domain::{Status, TestimonyId};
use crate::error::AppError;
use crate::review::triage::ThreadText;
use crate::web::AppState;
use crate::web::layout::{Chrome, page, see_other};

pub struct Message {
    pub kind: &'static str,
    /// `note`, `follow_up` or `reply`: each kind has its own look, so a note is never
    /// mistaken for a reply.
    pub kind_key: &'static str,
    /// Who can read it, in plain words.
    pub readers: &'static str,
    pub author: String,
    pub day: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "review/testimony.html")]
struct TestimonyView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    id: String,
    day: String,
    status: &'static str,
    status_label: &'static str,
    statuses: Vec<(&'static str, &'static str)>,
    statement: String,
    categories: Vec<String>,
    setting: Option<String>,
    consent_publish: bool,
    has_receipt: bool,
    /// The thread's earlier page starts before this sequence number.
    earlier: Option<i64>,
    /// This is not the latest page of the thread.
    later: bool,
    messages: Vec<Message>,
}

fn label(key: &str, list: &[crate::config::Choice]) -> String {
    list.iter()
        .find(|c| c.key == key)
        .map(|c| c.label.clone())
        .unwrap_or_else(|| key.to_owned())
}

fn back_to(id: TestimonyId) -> HttpResponse {
    see_other(&format!("/review/t/{id}"))
}

#[derive(serde::Deserialize)]
pub struct ThreadQuery {
    /// Show the page of messages before this sequence number (older ones).
    before: Option<i64>,
}

pub async fn view(
    staff: Staff,
    id: Path<String>,
    query: Query<ThreadQuery>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let opened = state
        .desk
        .open_testimony(&staff.0, id, query.before)
        .await?;
    let t = &opened.testimony;
    let view = TestimonyView {
        layout: state.layout.chrome(),
        nav: Nav::of(&staff.0),
        id: id.to_hex(),
        day: crate::clock::human_day(&opened.row.received_day),
        status: opened.row.status.key(),
        status_label: opened.row.status.label(),
        statuses: Status::ALL.iter().map(|s| (s.key(), s.label())).collect(),
        statement: reveal(&t.statement),
        categories: t
            .categories
            .iter()
            .map(|k| label(k, &state.config.categories))
            .collect(),
        setting: t
            .setting
            .as_deref()
            .map(|k| label(k, &state.config.settings)),
        consent_publish: t.consent_publish,
        has_receipt: opened.row.receipt.is_some(),
        earlier: opened.earlier,
        later: opened.later,
        messages: opened
            .messages
            .iter()
            .map(|m| Message {
                kind: m.kind.heading(),
                kind_key: m.kind.as_str(),
                readers: m.kind.readers(),
                author: m.author.clone().unwrap_or_default(),
                day: crate::clock::human_day(&m.day),
                text: reveal(&m.text),
            })
            .collect(),
    };
    Ok(page(StatusCode::OK, &view))
}

pub async fn status(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let pairs = read_form(&req, &staff.0, body).await?;
    let status = Status::parse(pairs.get("status")).ok_or(AppError::Unprocessable(
        "Choose one of the statuses listed.",
    ))?;
    state.desk.set_status(&staff.0, id, status).await?;
    if pairs.get("then") == "next" {
        return Ok(match state.desk.next_new(&staff.0, id).await? {
            Some(next) => see_other(&format!("/review/t/{}", next.to_hex())),
            None => see_other("/review?status=new&done=1"),
        });
    }
    Ok(back_to(id))
}

pub async fn note(
    req: HttpRequest,
    staff: MaybeStaff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let MaybeStaff::Live(session) = staff else {
        return ended_with_text(&req, body, &state, "note", "note").await;
    };
    let pairs = read_form(&req, &session, body).await?;
    let text = ThreadText::parse(pairs.get("note"))?;
    state.desk.add_note(&session, id, text).await?;
    Ok(back_to(id))
}

pub async fn reply(
    req: HttpRequest,
    staff: MaybeStaff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let MaybeStaff::Live(session) = staff else {
        return ended_with_text(&req, body, &state, "reply", "reply").await;
    };
    let pairs = read_form(&req, &session, body).await?;
    let text = ThreadText::parse(pairs.get("reply"))?;
    state.desk.reply(&session, id, text).await?;
    Ok(back_to(id))
}

#[derive(Template)]
#[template(path = "review/ended.html")]
struct EndedView<'a> {
    layout: Chrome<'a>,
    what: &'a str,
    text: &'a str,
}

/// The session ended while someone was writing: nothing was sent, and what they wrote
/// comes back on the page, next to the way to log in again (it was lost before).
async fn ended_with_text(
    req: &HttpRequest,
    body: Payload,
    state: &AppState,
    field: &str,
    what: &str,
) -> Result<HttpResponse, AppError> {
    let pairs = crate::web::form::read(req, body).await?;
    // Only our own pages' words come back: another site cannot have its text shown here.
    crate::web::origin::refuse_cross_site(req, &state.config)?;
    Ok(page(
        StatusCode::UNAUTHORIZED,
        &EndedView {
            layout: state.layout.chrome(),
            what,
            text: pairs.get(field),
        },
    ))
}

pub async fn delete(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let pairs = read_form(&req, &staff.0, body).await?;
    require_ticked(
        &pairs,
        "confirm",
        "Tick the box to confirm the deletion; nothing was deleted.",
    )?;
    state.desk.delete_testimony(&staff.0, id).await?;
    Ok(see_other("/review?deleted=1"))
}

/// `POST /review/t/{id}/same-text-spam`: every statement received that day with exactly
/// this text becomes spam (one audit entry listing them).
pub async fn same_text(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let pairs = read_form(&req, &staff.0, body).await?;
    require_ticked(
        &pairs,
        "confirm",
        "Nothing was changed. Tick the box to confirm first.",
    )?;
    let outcome = state.desk.spam_same_text(&staff.0, id).await?;
    Ok(see_other(&format!("/review?changed={}", outcome.changed)))
}
