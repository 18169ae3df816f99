//! The survivor's pages: the landing page, the form, and what happens when it is sent.
//! A refused form is always shown again with everything the person wrote still in it.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::language::{Lang, Localized};
use super::layout::{Chrome, padded_page, page};
use super::{AppState, form, origin};
use crate::error::AppError;
use crate::intake::IntakeError;
use crate::submission::{MAX_STATEMENT_CHARS, SubmissionError, SubmissionForm};

/// A checkbox or radio option as the template shows it.
pub struct Option_ {
    pub key: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "survivor/landing.html")]
struct LandingView<'a> {
    layout: Chrome<'a>,
    open: bool,
}

#[derive(Template)]
#[template(path = "survivor/submit.html")]
struct SubmitView<'a> {
    layout: Chrome<'a>,
    error: Option<String>,
    notice: Option<&'a str>,
    statement: &'a str,
    categories: Vec<Option_>,
    settings: Vec<Option_>,
    no_setting: bool,
    consent_publish: bool,
    want_receipt: bool,
    /// The statement limit as people read it ("20,000").
    max_chars: String,
    open: bool,
}

#[derive(Template)]
#[template(path = "survivor/received.html")]
struct ReceivedView<'a> {
    layout: Chrome<'a>,
    told_story: bool,
    /// The receipt code's words, shown this once.
    receipt: Option<&'a str>,
}

/// `/`: one tap says "me too" — or, on a site that only adds up other campaigns' counts,
/// those counts.
pub async fn landing(
    req: HttpRequest,
    lang: Lang,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if !state.takes_statements() && state.federation.is_on() {
        return super::federation::page_view(req, lang, state).await;
    }
    let state = Localized::new(state, lang);
    let open = state.takes_statements() && state.intake.is_open().await;
    Ok(page(
        StatusCode::OK,
        &LandingView {
            layout: state.chrome("/"),
            open,
        },
    ))
}

pub async fn form(lang: Lang, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    if !state.takes_statements() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    let open = state.intake.is_open().await;
    Ok(render_form(
        &state,
        StatusCode::OK,
        &SubmissionForm::default(),
        None,
        open,
    ))
}

/// Adds `Retry-After` (whole seconds, rounded up) to a refusal.
pub fn retry_after(mut response: HttpResponse, wait: std::time::Duration) -> HttpResponse {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&secs.max(1).to_string()) {
        response
            .headers_mut()
            .insert(actix_web::http::header::RETRY_AFTER, value);
    }
    response
}

fn render_form(
    state: &Localized,
    status: StatusCode,
    form: &SubmissionForm,
    error: Option<String>,
    open: bool,
) -> HttpResponse {
    render_page(state, status, form, error, None, open)
}

fn render_form_with_notice(
    state: &Localized,
    form: &SubmissionForm,
    notice: Option<&str>,
    open: bool,
) -> HttpResponse {
    render_page(state, StatusCode::OK, form, None, notice, open)
}

fn render_page(
    state: &Localized,
    status: StatusCode,
    form: &SubmissionForm,
    error: Option<String>,
    notice: Option<&str>,
    open: bool,
) -> HttpResponse {
    let options = |kind: &str,
                   list: &[crate::config::Choice],
                   chosen: &dyn Fn(&str) -> bool|
     -> Vec<Option_> {
        list.iter()
            .map(|c| Option_ {
                key: c.key.clone(),
                label: state.label(kind, c),
                checked: chosen(&c.key),
            })
            .collect()
    };
    // Words typed, or a message about them: switching language here would lose them.
    let holds_words = !form.statement.is_empty() || error.is_some() || notice.is_some();
    let view = SubmitView {
        layout: if holds_words {
            state.chrome_staying()
        } else {
            state.chrome("/submit")
        },
        error,
        notice,
        statement: &form.statement,
        categories: options("category", &state.config.categories, &|k| {
            form.categories.iter().any(|c| c == k)
        }),
        settings: options("setting", &state.config.settings, &|k| form.setting == k),
        no_setting: form.setting.is_empty(),
        consent_publish: form.consent_publish,
        want_receipt: form.want_receipt,
        max_chars: state.number(MAX_STATEMENT_CHARS as u64),
        open,
    };
    let mut response = page(status, &view);
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response.headers_mut().insert(
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from_static("30"),
        );
    }
    response
}

/// 400 for a form that is not this form's shape; 422 for values it cannot accept.
/// Every "received" page is padded to a multiple of this many bytes.
const RECEIVED_PAGE_BLOCK: usize = 4096;

fn status_for(e: &SubmissionError) -> StatusCode {
    match e {
        SubmissionError::UnexpectedField => StatusCode::BAD_REQUEST,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

pub async fn submit(
    req: HttpRequest,
    lang: Lang,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if !state.takes_statements() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    let body = form::read_body(&req, body).await?;
    let open = state.intake.is_open().await;
    let pairs = match form::decode(&body) {
        Ok(pairs) => form::FormPairs(pairs),
        Err(AppError::BadRequest(message)) => {
            // Show back what we can, so a broken encoding never loses what they typed.
            let mut kept = SubmissionForm::default();
            kept.statement = form::lossy_field(&body, "statement");
            return Ok(render_form(
                &state,
                StatusCode::BAD_REQUEST,
                &kept,
                Some(state.t(message)),
                open,
            ));
        }
        Err(e) => return Err(e),
    };
    let submitted = match SubmissionForm::from_pairs(&pairs.0) {
        Ok(f) => f,
        Err(e) => {
            // Keep whatever text we can find so nothing typed is lost.
            let mut kept = SubmissionForm::default();
            if let Some((_, v)) = pairs.0.iter().find(|(k, _)| k == "statement") {
                kept.statement = v.clone();
            }
            return Ok(render_form(
                &state,
                status_for(&e),
                &kept,
                Some(state.submission_error(&e)),
                open,
            ));
        }
    };
    if origin::is_cross_site(&req, &state.config) {
        return Ok(render_form(
            &state,
            StatusCode::FORBIDDEN,
            &submitted,
            Some(state.t("error-cross-site-kept")),
            open,
        ));
    }
    if submitted.pressed_enter {
        // Enter on a checkbox or radio "clicks" the form's first submit button, the hidden
        // one: an unfinished statement sent without a code could never be withdrawn.
        let notice = state.t("notice-pressed-enter");
        return Ok(render_form_with_notice(
            &state,
            &submitted,
            Some(&notice),
            open,
        ));
    }
    let testimony = match submitted.validate_in(&state.config, state.lang) {
        Ok(t) => t,
        Err(e) => {
            return Ok(render_form(
                &state,
                status_for(&e),
                &submitted,
                Some(state.submission_error(&e)),
                open,
            ));
        }
    };
    if let Err(wait) = state.network_admits(&req) {
        return Ok(retry_after(
            render_form(
                &state,
                StatusCode::TOO_MANY_REQUESTS,
                &submitted,
                Some(state.wait_message("error-network-busy", wait)),
                open,
            ),
            wait,
        ));
    }
    let busy = state.t("error-busy");
    if !state.intake_admits() {
        return Ok(render_form(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            &submitted,
            Some(busy.clone()),
            open,
        ));
    }
    let told_story = !testimony.statement.is_empty();
    match state.intake.submit(testimony, submitted.want_receipt).await {
        // One size for every "received" page, receipt code or not.
        Ok(receipt) => Ok(padded_page(
            StatusCode::OK,
            &ReceivedView {
                layout: state.chrome_staying(),
                told_story,
                receipt: receipt.as_ref().map(|words| words.as_str()),
            },
            RECEIVED_PAGE_BLOCK,
        )),
        Err(IntakeError::NotOpen) => Ok(render_form(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            &submitted,
            Some(state.t("error-not-open-kept")),
            false,
        )),
        Err(IntakeError::StorageFull) => Ok(render_form(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            &submitted,
            Some(state.t("error-storage-full")),
            open,
        )),
        Err(IntakeError::Overloaded(_)) => Ok(render_form(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            &submitted,
            Some(busy.clone()),
            open,
        )),
        Err(e) => {
            let err = AppError::internal(e);
            let message = state.t1(
                "error-internal-kept",
                "error",
                err.incident().unwrap_or("?"),
            );
            Ok(render_form(
                &state,
                StatusCode::INTERNAL_SERVER_ERROR,
                &submitted,
                Some(message),
                open,
            ))
        }
    }
}
