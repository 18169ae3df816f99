//! `/return`: a survivor with a receipt code sees status and replies, adds a follow-up, or
//! withdraws. The code travels only in POST bodies, never in a URL; pages are `no-store`.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use zeroize::Zeroizing;

use super::language::{Lang, Localized};
use super::layout::{Chrome, page};
use super::refusal::Refusal;
use super::{AppState, form, origin};
use crate::crypto::receipt::ParseError;
use crate::intake::IntakeError;
use crate::returning::{Found, Lookup, ReturnError, status_words};
use crate::submission::Statement;
use crate::web::error::AppError;

#[derive(Template)]
#[template(path = "survivor/return.html")]
struct ReturnView<'a> {
    layout: Chrome<'a>,
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
    layout: Chrome<'a>,
    receipt: &'a str,
    day: &'a str,
    status: String,
    replies: Vec<ReplyRow>,
    notice: Option<&'a str>,
    error: Option<String>,
    follow_up: &'a str,
}

#[derive(Template)]
#[template(path = "survivor/withdrawn.html")]
struct WithdrawnView<'a> {
    layout: Chrome<'a>,
}

/// Why a code opened nothing, as far as the answer may say.
enum Unopened {
    /// No testimony has this code (or it was withdrawn).
    Unknown,
    /// The right words of a code, in another order.
    Order,
    /// Not a code at all.
    Malformed(ParseError),
}

/// The one answer to every code that opens nothing. A word that is not in the list gets a
/// hint naming its position, a code's words in another order are told so; that says
/// nothing about whether any testimony exists to someone who does not hold its words.
fn not_found(state: &Localized, typed: &str, why: Unopened) -> HttpResponse {
    let message = match why {
        Unopened::Malformed(ParseError::UnknownWord(n)) => {
            state.tr.t1("error-code-unknown-word", "n", n)
        }
        Unopened::Malformed(ParseError::WordCount(n)) => {
            state.tr.t1("error-code-word-count", "n", n)
        }
        Unopened::Order => state.tr.t("error-code-order"),
        Unopened::Unknown => state.tr.t("error-code-not-found"),
    };
    page(
        StatusCode::NOT_FOUND,
        &ReturnView {
            layout: state.chrome("/return"),
            message: Some(message),
            typed,
        },
    )
}

pub async fn form(lang: Lang, state: Data<AppState>) -> HttpResponse {
    let state = Localized::new(state, lang);
    page(
        StatusCode::OK,
        &ReturnView {
            layout: state.chrome("/return"),
            message: None,
            typed: "",
        },
    )
}

/// Reads the form, refuses cross-site posts, looks the code up.
async fn open(
    req: &HttpRequest,
    body: Payload,
    state: &Localized,
    fields: &[&str],
) -> Result<(form::FormPairs, Result<Box<Found>, HttpResponse>), AppError> {
    let pairs = form::read(req, body).await?;
    pairs.only(fields)?;
    origin::refuse_cross_site(req, &state.app.config)?;
    let code = Zeroizing::new(pairs.get("receipt").to_owned());
    let found = state.app.returning.lookup(&code).await?;
    let outcome = match found {
        Lookup::Found(found) => Ok(found),
        Lookup::NotFound => Err(not_found(state, &code, Unopened::Unknown)),
        Lookup::WrongOrder => Err(not_found(state, &code, Unopened::Order)),
        Lookup::Malformed(why) => Err(not_found(state, &code, Unopened::Malformed(why))),
    };
    Ok((pairs, outcome))
}

async fn thread(
    state: &Localized,
    found: Box<Found>,
    receipt: &str,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<String>,
    follow_up: &str,
) -> Result<HttpResponse, AppError> {
    let replies = state.app.returning.replies(&found).await?;
    Ok(page(
        status,
        &ThreadView {
            layout: state.chrome_staying(),
            receipt,
            day: &state.tr.day(&found.row.received_day),
            status: state.tr.t(status_words(found.status_shown)),
            replies: replies
                .into_iter()
                .map(|r| ReplyRow {
                    day: state.tr.day(&r.day),
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
    lang: Lang,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let state = Localized::new(state, lang);
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
    lang: Lang,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let state = Localized::new(state, lang);
    let (pairs, found) = open(&req, body, &state, &["receipt", "message"]).await?;
    let found = match found {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let receipt = pairs.get("receipt");
    let raw = pairs.get("message");
    let refusal = refusal_of_follow_up(&req, &state, &found, raw).await?;
    match refusal {
        // What they wrote stays in the box.
        Some(r) => {
            let page = thread(
                &state,
                found,
                receipt,
                r.status,
                None,
                Some(r.message.clone()),
                raw,
            )
            .await?;
            Ok(r.pace(page))
        }
        None => {
            thread(
                &state,
                found,
                receipt,
                StatusCode::OK,
                Some(&state.tr.t("notice-added")),
                None,
                "",
            )
            .await
        }
    }
}

/// Stores a follow-up, or says why not (None: it was stored).
async fn refusal_of_follow_up(
    req: &HttpRequest,
    state: &Localized,
    found: &Found,
    raw: &str,
) -> Result<Option<Refusal>, AppError> {
    let unprocessable = |message| {
        Ok(Some(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            message,
        )))
    };
    let text = match Statement::parse(raw) {
        Ok(s) if !s.is_empty() => s,
        Ok(_) => return unprocessable(state.tr.t("error-nothing-to-add")),
        Err(e) => return unprocessable(state.submission_error(&e)),
    };
    // The code's own budget first: refusing it spends nothing from the network's.
    if let Err(wait) = state.app.code_admits(found.budget_key()) {
        return Ok(Some(Refusal::throttled(state, "error-code-busy", wait)));
    }
    if let Err(wait) = state.app.network_admits(req) {
        return Ok(Some(Refusal::throttled(state, "error-network-busy", wait)));
    }
    Ok(match state.app.returning.follow_up(found, text).await {
        Ok(()) => None,
        Err(ReturnError::Intake(IntakeError::StorageFull)) => Some(Refusal::keyed(
            state,
            StatusCode::SERVICE_UNAVAILABLE,
            "error-storage-full",
        )),
        Err(ReturnError::ThreadFull) => Some(Refusal::keyed(
            state,
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-thread-full",
        )),
        Err(e) => match AppError::from(e) {
            AppError::Busy => Some(Refusal::keyed(
                state,
                StatusCode::SERVICE_UNAVAILABLE,
                "error-busy",
            )),
            other => return Err(other),
        },
    })
}

pub async fn withdraw(
    req: HttpRequest,
    lang: Lang,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let state = Localized::new(state, lang);
    let (pairs, found) = open(&req, body, &state, &["receipt", "confirm"]).await?;
    let found = match found {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let receipt = pairs.get("receipt").to_owned();
    if pairs.get("confirm") != "yes" {
        let error = Some(state.tr.t("error-withdraw-confirm"));
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
    state.app.returning.withdraw(found).await?;
    Ok(page(
        StatusCode::OK,
        &WithdrawnView {
            layout: state.chrome("/return"),
        },
    ))
}
