//! One testimony: `GET /review/t/{id}` (decrypts; audited) and its triage actions.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::extract::{MaybeStaff, Staff, path_id, read_form, require_ticked};
use super::nav::{Nav, staff_page};
use super::visible::reveal;
use crate::domain::{Label, Status, TestimonyId};
use crate::review::triage::ThreadText;
use crate::web::AppState;
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page, see_other};

pub struct Message {
    pub kind: String,
    /// `note`, `follow_up` or `reply`: each kind has its own look, so a note is never
    /// mistaken for a reply.
    pub kind_key: &'static str,
    /// Who can read it, in plain words.
    pub readers: String,
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
    status_label: String,
    statuses: Vec<(&'static str, String)>,
    statement: String,
    categories: Vec<String>,
    setting: Option<String>,
    consent_publish: bool,
    has_receipt: bool,
    /// (BCP 47 code, name in that language) of the page it was sent from, when kept.
    page_language: Option<(&'static str, &'static str)>,
    /// The author wrote last and has had no reply since.
    awaiting_reply: bool,
    assignee: String,
    /// Who it can be assigned to.
    assignable: Vec<String>,
    /// Its labels; None when they cannot be opened with these keys.
    labels: Option<Vec<String>>,
    /// Empty boxes offered for new labels.
    new_label_slots: Vec<usize>,
    /// The thread's earlier page starts before this sequence number.
    earlier: Option<i64>,
    /// This is not the latest page of the thread.
    later: bool,
    messages: Vec<Message>,
}

/// A stored category's or setting's label in the page's language (the key itself once the
/// operator has removed it from the configuration).
pub(super) fn label(
    layout: &Chrome<'_>,
    kind: &str,
    key: &str,
    list: &[crate::config::Choice],
) -> String {
    list.iter()
        .find(|c| c.key == key)
        .map(|c| layout.label(kind, c))
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
    let (layout, nav) = staff_page(&state, &staff.0);
    let view = TestimonyView {
        id: id.to_hex(),
        day: layout.tr.day(&opened.row.received_day),
        status: opened.row.status.key(),
        status_label: layout.status(opened.row.status),
        statuses: Status::ALL
            .iter()
            .map(|s| (s.key(), layout.status(*s)))
            .collect(),
        statement: reveal(&t.statement),
        categories: t
            .categories
            .iter()
            .map(|k| label(&layout, "category", k, &state.config.categories))
            .collect(),
        setting: t
            .setting
            .as_deref()
            .map(|k| label(&layout, "setting", k, &state.config.settings)),
        consent_publish: t.consent_publish,
        has_receipt: opened.row.receipt.is_some(),
        page_language: crate::i18n::Language::parse(&t.language)
            .map(|l| (l.code(), l.native_name())),
        awaiting_reply: opened.awaiting_reply,
        assignee: opened.assignee.clone().unwrap_or_default(),
        assignable: opened.assignable.clone(),
        new_label_slots: vec![1, 2],
        labels: opened
            .labels
            .as_ref()
            .map(|set| set.iter().map(|l| l.as_str().to_owned()).collect()),
        earlier: opened.earlier,
        later: opened.later,
        messages: opened
            .messages
            .iter()
            .map(|m| Message {
                kind: layout.tr.t(&format!("message-heading-{}", m.kind.as_str())),
                kind_key: m.kind.as_str(),
                readers: layout.tr.t(&format!("message-readers-{}", m.kind.as_str())),
                author: m.author.clone().unwrap_or_default(),
                day: layout.tr.day(&m.day),
                text: reveal(&m.text),
            })
            .collect(),
        layout,
        nav,
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
    let status =
        Status::parse(pairs.get("status")).ok_or(AppError::Unprocessable("err-choose-status"))?;
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
        return ended_with_text(&req, body, &state, "note").await;
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
        return ended_with_text(&req, body, &state, "reply").await;
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
    /// Catalogue keys for what was not sent.
    heading: String,
    label: String,
    text: &'a str,
}

/// The session ended while someone was writing: nothing was sent, and what they wrote
/// comes back on the page, next to the way to log in again (it was lost before). `field` is
/// the form's field, `note` or `reply`. No session says whose language this is: the
/// page speaks the site's default.
async fn ended_with_text(
    req: &HttpRequest,
    body: Payload,
    state: &AppState,
    field: &str,
) -> Result<HttpResponse, AppError> {
    let pairs = crate::web::form::read(req, body).await?;
    // Only our own pages' words come back: another site cannot have its text shown here.
    crate::web::origin::refuse_cross_site(req, &state.config)?;
    Ok(page(
        StatusCode::UNAUTHORIZED,
        &EndedView {
            layout: state.layout.default_chrome(),
            heading: format!("ended-heading-{field}"),
            label: format!("ended-label-{field}"),
            text: pairs.get(field),
        },
    ))
}

/// `POST /review/t/{id}/assign` (field `staff`: a username, or empty for nobody).
pub async fn assign(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let pairs = read_form(&req, &staff.0, body).await?;
    let to = Some(pairs.get("staff").trim())
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    state.desk.assign(&staff.0, id, to).await?;
    Ok(back_to(id))
}

/// `POST /review/t/{id}/labels` (field `label`, repeatable: the statement's whole set;
/// blank boxes are ignored).
pub async fn labels(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, TestimonyId::parse_hex)?;
    let pairs = read_form(&req, &staff.0, body).await?;
    let set = Label::parse_set(
        pairs
            .0
            .iter()
            .filter(|(k, _)| k == "label")
            .map(|(_, v)| v.as_str()),
    )
    .map_err(AppError::Unprocessable)?;
    state.desk.set_labels(&staff.0, id, set).await?;
    Ok(back_to(id))
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
    require_ticked(&pairs, "confirm", "err-confirm-delete")?;
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
    require_ticked(&pairs, "confirm", "err-confirm-first")?;
    let outcome = state.desk.spam_same_text(&staff.0, id).await?;
    Ok(see_other(&format!("/review?changed={}", outcome.changed)))
}
