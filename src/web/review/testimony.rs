//! One testimony: `GET /review/t/{id}` (decrypts; audited) and its triage actions.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::{Nav, Staff, field, now, parse_id, see_other};
use crate::error::AppError;
use crate::review::triage;
use crate::store::{audit, messages, testimonies};
use crate::web::AppState;
use crate::web::layout::{Layout, page};

pub struct Message {
    pub kind: &'static str,
    pub author: String,
    pub day: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "review/testimony.html")]
struct TestimonyView<'a> {
    layout: &'a Layout,
    nav: Nav,
    id: String,
    day: String,
    status: String,
    status_label: &'static str,
    statuses: &'static [(&'static str, &'static str)],
    statement: String,
    categories: Vec<String>,
    setting: Option<String>,
    consent_publish: bool,
    has_receipt: bool,
    messages: Vec<Message>,
}

fn label(key: &str, list: &[crate::config::Choice]) -> String {
    list.iter()
        .find(|c| c.key == key)
        .map(|c| c.label.clone())
        .unwrap_or_else(|| key.to_owned())
}

pub async fn view(
    staff: Staff,
    id: Path<String>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let keys = super::session_keys(&state, &staff.0).await?;
    let store = state.store.clone();
    let opened = tokio::task::spawn_blocking(move || {
        store.read_blocking(|conn| Ok(triage::open(conn, &keys, &id)))
    })
    .await
    .map_err(AppError::internal)??;
    let opened = opened?.ok_or(AppError::NotFound)?;
    // The view is recorded before anything is shown; opening a new testimony marks it read.
    let (_, at) = now();
    let actor = staff.0.username.clone();
    let mark_read = opened.row.status == "new";
    state
        .store
        .write(move |conn| {
            if mark_read {
                testimonies::set_status(conn, &id, "read")?;
            }
            audit::append(conn, &at, &actor, "testimony.view", &hex::encode(id))
        })
        .await?;
    let t = &opened.testimony;
    let view = TestimonyView {
        layout: &state.layout,
        nav: Nav::of(&staff.0),
        id: hex::encode(id),
        day: opened.row.received_day.clone(),
        status: if mark_read {
            "read".to_owned()
        } else {
            opened.row.status.clone()
        },
        status_label: triage::status_label(if mark_read {
            "read"
        } else {
            &opened.row.status
        }),
        statuses: triage::STATUSES,
        statement: t.statement.clone(),
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
        messages: opened
            .messages
            .iter()
            .map(|m| Message {
                kind: match m.kind.as_str() {
                    "note" => "Staff note",
                    "follow_up" => "Added by the author",
                    "reply" => "Reply to the author",
                    _ => "Message",
                },
                author: m.author.clone().unwrap_or_default(),
                day: m.day.clone(),
                text: m.text.to_string(),
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
    let id = parse_id(&id)?;
    let pairs = super::read_form(&req, &staff.0, body).await?;
    let new_status = triage::parse_status(field(&pairs, "status")).ok_or(
        AppError::Unprocessable("Choose one of the statuses listed."),
    )?;
    // Learn the categories first: a spam change must be able to adjust the counts, so it
    // is refused before anything changes if this session cannot open the testimony.
    let keys = super::session_keys(&state, &staff.0).await?;
    let row = state
        .store
        .read(move |conn| testimonies::get(conn, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    let categories = keys.open_testimony(&row).map(|t| t.categories.clone()).ok();
    let touches_spam = row.status == "spam" || new_status == "spam";
    if touches_spam && categories.is_none() {
        return Err(AppError::Unprocessable(
            "Your keys cannot open this testimony, so its counts cannot be adjusted. Ask an admin to grant you access.",
        ));
    }
    let (_, at) = now();
    let actor = staff.0.username.clone();
    // Read the previous status and whether the row was counted in the same transaction as
    // the change, so a tick cannot slip between them.
    let can_adjust = categories.is_some();
    let changed = state
        .store
        .write(move |conn| {
            let Some(row) = testimonies::get(conn, &id)? else {
                return Ok(None);
            };
            // Checked again on the row as it is now: it may have become spam meanwhile.
            if (row.status == "spam" || new_status == "spam") && !can_adjust {
                return Err(crate::store::StoreError::Conflict("cannot adjust counts"));
            }
            testimonies::set_status(conn, &id, new_status)?;
            audit::append(
                conn,
                &at,
                &actor,
                "testimony.status",
                &format!("{} {} -> {new_status}", hex::encode(id), row.status),
            )?;
            Ok(Some(row))
        })
        .await
        .map_err(|e| match e {
            crate::store::StoreError::Conflict(_) => AppError::Unprocessable(
                "Your keys cannot open this testimony, so its counts cannot be adjusted. Ask an admin to grant you access.",
            ),
            other => other.into(),
        })?
        .ok_or(AppError::NotFound)?;
    let was_spam = changed.status == "spam";
    let is_spam = new_status == "spam";
    if was_spam != is_spam {
        let day = crate::publish::parse_day(&changed.received_day).map_err(AppError::internal)?;
        let categories = categories.unwrap_or_default();
        let was_counted = !changed.uncounted;
        if is_spam {
            state
                .publisher
                .note_removed(changed.id, day, categories, was_counted);
        } else {
            state
                .publisher
                .note_restored(changed.id, day, categories, was_counted);
        }
    }
    Ok(see_other(&format!("/review/t/{}", hex::encode(id))))
}

pub async fn note(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let pairs = super::read_form(&req, &staff.0, body).await?;
    let text = triage::parse_note(field(&pairs, "note"))?;
    add_to_thread(
        &state,
        &staff,
        id,
        "testimony.note",
        move |conn, actor, day| {
            triage::seal_note(conn, &id, actor, &text, day).map_err(AppError::from)
        },
    )
    .await
}

/// Seals a thread message on the blocking pool, then stores it with its audit entry in one
/// transaction (404 if the testimony went meanwhile) and returns to the testimony.
async fn add_to_thread<F>(
    state: &AppState,
    staff: &Staff,
    id: [u8; 16],
    action: &'static str,
    seal: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&rusqlite::Connection, &str, &str) -> Result<messages::StoredMessage, AppError>
        + Send
        + 'static,
{
    let (_, at) = now();
    let day = crate::publish::day_string(time::OffsetDateTime::now_utc().date());
    let actor = staff.0.username.clone();
    let store = state.store.clone();
    let sealer = actor.clone();
    let sealed = tokio::task::spawn_blocking(move || {
        store.read_blocking(|conn| Ok(seal(conn, &sealer, &day)))
    })
    .await
    .map_err(AppError::internal)???;
    let added = state
        .store
        .write(move |conn| {
            if testimonies::get(conn, &id)?.is_none() {
                return Ok(false);
            }
            messages::insert(conn, &sealed)?;
            audit::append(conn, &at, &actor, action, &hex::encode(id))?;
            Ok(true)
        })
        .await?;
    if !added {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/review/t/{}", hex::encode(id))))
}

pub async fn delete(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let pairs = super::read_form(&req, &staff.0, body).await?;
    if field(&pairs, "confirm") != "yes" {
        return Err(AppError::Unprocessable(
            "Tick the box to confirm the deletion; nothing was deleted.",
        ));
    }
    let (_, at) = now();
    let actor = staff.0.username.clone();
    let existed = state
        .store
        .write(move |conn| triage::delete(conn, &id, &actor, &at))
        .await?;
    if !existed {
        return Err(AppError::NotFound);
    }
    // Deleted pages must not linger in the WAL.
    state.store.checkpoint().await;
    Ok(see_other("/review?deleted=1"))
}

pub async fn reply(
    req: HttpRequest,
    staff: Staff,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let pairs = super::read_form(&req, &staff.0, body).await?;
    let text = triage::parse_note(field(&pairs, "reply"))?;
    add_to_thread(
        &state,
        &staff,
        id,
        "testimony.reply",
        move |conn, actor, day| {
            let row = testimonies::get(conn, &id)?.ok_or(AppError::NotFound)?;
            triage::seal_reply(conn, &row, actor, &text, day).map_err(AppError::from)
        },
    )
    .await
}
