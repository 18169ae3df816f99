//! `/return`: a survivor with a receipt code sees status and replies, adds a follow-up, or
//! withdraws. The code travels only in POST bodies, never in a URL; pages are `no-store`.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use zeroize::Zeroizing;

use super::layout::{Layout, page};
use super::{AppState, form, origin};
use crate::crypto::receipt::ParseError;
use crate::error::AppError;
use crate::intake::IntakeError;
use crate::returning::{Found, Lookup, ReturnError, status_words};
use crate::submission::Statement;
use crate::web::survivor::{BUSY, STORAGE_FULL};

fn code_busy(wait: std::time::Duration) -> String {
    let minutes = wait.as_secs().div_ceil(60).max(1);
    format!(
        "A lot has been added with this code in the last hour, so this was not sent. What you \
         wrote is still in the box: please send it again in {minutes} minutes."
    )
}

const THREAD_FULL: &str = "This statement already holds as many additions as it can. The team \
     can read everything you added so far. If there is more to say, you can send a new \
     statement from the “Say me too” page (what you wrote here is still in the box to copy).";

#[derive(Template)]
#[template(path = "survivor/return.html")]
struct ReturnView<'a> {
    layout: &'a Layout,
    message: Option<String>,
    /// What was typed, given back after a code that opened nothing, so one wrong word does
    /// not mean typing all eight again.
    typed: &'a str,
}

pub struct ReplyRow {
    pub day: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "survivor/thread.html")]
struct ThreadView<'a> {
    layout: &'a Layout,
    receipt: &'a str,
    day: &'a str,
    status: &'static str,
    replies: Vec<ReplyRow>,
    notice: Option<&'a str>,
    error: Option<String>,
    follow_up: &'a str,
}

#[derive(Template)]
#[template(path = "survivor/withdrawn.html")]
struct WithdrawnView<'a> {
    layout: &'a Layout,
}

/// The one answer to every code that opens nothing. A word that is not in the list gets a
/// hint naming its position; that says nothing about whether any testimony exists.
fn not_found(state: &AppState, typed: &str, why: Option<ParseError>) -> HttpResponse {
    let message = match why {
        Some(ParseError::UnknownWord(n)) => format!(
            "We could not open anything with that code. Word {n} is not one of the words codes are made of — please check its spelling."
        ),
        Some(ParseError::WordCount(n)) => format!(
            "We could not open anything with that code. Codes have 8 words; we found {n}."
        ),
        None => "We could not open anything with that code. Please check each word. If the statement was withdrawn, nothing can be found any more.".to_owned(),
    };
    page(
        StatusCode::NOT_FOUND,
        &ReturnView {
            layout: &state.layout,
            message: Some(message),
            typed,
        },
    )
}

pub async fn form(state: Data<AppState>) -> HttpResponse {
    page(
        StatusCode::OK,
        &ReturnView {
            layout: &state.layout,
            message: None,
            typed: "",
        },
    )
}

/// Reads the form, refuses cross-site posts, looks the code up.
async fn open(
    req: &HttpRequest,
    body: Payload,
    state: &AppState,
    fields: &[&str],
) -> Result<(form::FormPairs, Result<Box<Found>, HttpResponse>), AppError> {
    let pairs = form::read(req, body).await?;
    pairs.only(fields)?;
    origin::refuse_cross_site(req, &state.config)?;
    let code = Zeroizing::new(pairs.get("receipt").to_owned());
    let found = state.returning.lookup(&code).await?;
    let outcome = match found {
        Lookup::Found(found) => Ok(found),
        Lookup::NotFound => Err(not_found(state, &code, None)),
        Lookup::Malformed(why) => Err(not_found(state, &code, Some(why))),
    };
    Ok((pairs, outcome))
}

async fn thread(
    state: &AppState,
    found: Box<Found>,
    receipt: &str,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<String>,
    follow_up: &str,
) -> Result<HttpResponse, AppError> {
    let replies = state.returning.replies(&found).await?;
    Ok(page(
        status,
        &ThreadView {
            layout: &state.layout,
            receipt,
            day: &crate::clock::human_day(&found.row.received_day),
            status: status_words(found.row.status),
            replies: replies
                .into_iter()
                .map(|r| ReplyRow {
                    day: crate::clock::human_day(&r.day),
                    text: r.text.to_string(),
                })
                .collect(),
            notice,
            error,
            follow_up,
        },
    ))
}

pub async fn view(
    req: HttpRequest,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (pairs, found) = open(&req, body, &state, &["receipt"]).await?;
    match found {
        Ok(found) => {
            thread(
                &state,
                found,
                pairs.get("receipt"),
                StatusCode::OK,
                None,
                None,
                "",
            )
            .await
        }
        Err(response) => Ok(response),
    }
}

pub async fn follow_up(
    req: HttpRequest,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (pairs, found) = open(&req, body, &state, &["receipt", "message"]).await?;
    let found = match found {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let receipt = pairs.get("receipt");
    let raw = pairs.get("message");
    let text = match Statement::parse(raw) {
        Ok(s) if !s.is_empty() => s,
        Ok(_) => {
            return thread(
                &state,
                found,
                receipt,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                Some("There was nothing to add.".to_owned()),
                raw,
            )
            .await;
        }
        Err(e) => {
            return thread(
                &state,
                found,
                receipt,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                Some(e.to_string()),
                raw,
            )
            .await;
        }
    };
    // The code's own budget first: refusing it spends nothing from the network's.
    let budget = match state.code_admits(found.budget_key()) {
        Err(wait) => Err((wait, code_busy(wait))),
        Ok(()) => state
            .network_admits(&req)
            .map_err(|wait| (wait, super::survivor::network_busy(wait))),
    };
    if let Err((wait, message)) = budget {
        let page = thread(
            &state,
            found,
            receipt,
            StatusCode::TOO_MANY_REQUESTS,
            None,
            Some(message),
            raw,
        )
        .await?;
        return Ok(super::survivor::retry_after(page, wait));
    }
    let refused = match state.returning.follow_up(&found, text).await {
        Ok(()) => None,
        Err(ReturnError::Intake(IntakeError::StorageFull)) => {
            Some((StatusCode::SERVICE_UNAVAILABLE, STORAGE_FULL))
        }
        Err(ReturnError::ThreadFull) => Some((StatusCode::UNPROCESSABLE_ENTITY, THREAD_FULL)),
        Err(e) => match AppError::from(e) {
            AppError::Busy => Some((StatusCode::SERVICE_UNAVAILABLE, BUSY)),
            other => return Err(other),
        },
    };
    if let Some((status, message)) = refused {
        // What they wrote stays in the box.
        return thread(
            &state,
            found,
            receipt,
            status,
            None,
            Some(message.to_owned()),
            raw,
        )
        .await;
    }
    thread(
        &state,
        found,
        receipt,
        StatusCode::OK,
        Some("Added. The team will see it with what you wrote before."),
        None,
        "",
    )
    .await
}

pub async fn withdraw(
    req: HttpRequest,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (pairs, found) = open(&req, body, &state, &["receipt", "confirm"]).await?;
    let found = match found {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let receipt = pairs.get("receipt").to_owned();
    if pairs.get("confirm") != "yes" {
        let error =
            Some("To withdraw, tick the box that confirms it; nothing was deleted.".to_owned());
        return thread(
            &state,
            found,
            &receipt,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            error,
            "",
        )
        .await;
    }
    state.returning.withdraw(found).await?;
    Ok(page(
        StatusCode::OK,
        &WithdrawnView {
            layout: &state.layout,
        },
    ))
}
