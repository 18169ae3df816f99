//! The survivor's pages: the landing page, the form, and what happens when it is sent.
//! A refused form is always shown again with everything the person wrote still in it.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::language::{Lang, Localized};
use super::layout::{Chrome, padded_page, page};
use super::refusal::Refusal;
use super::{AppState, form, origin};
use crate::crypto::code_words::CodeWords;
use crate::intake::IntakeError;
use crate::submission::{MAX_STATEMENT_CHARS, SubmissionError, SubmissionForm};
use crate::web::error::AppError;

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
    /// The one-tap form's one-time token.
    token: String,
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
    /// The form's one-time token.
    token: String,
}

#[derive(Template)]
#[template(path = "survivor/received.html")]
struct ReceivedView<'a> {
    layout: Chrome<'a>,
    told_story: bool,
    /// The same form came again: nothing new was saved, and no code is shown.
    already: bool,
    /// The receipt code's words, in order, shown this once; and their language.
    receipt: Option<&'a [String]>,
    code_lang: &'static str,
}

/// The words a code shown on a page in `lang` is made of: that language's.
fn code_words_for(lang: crate::i18n::Language) -> CodeWords {
    use crate::i18n::Language;
    match lang {
        Language::En => CodeWords::En,
        Language::Es => CodeWords::Es,
        Language::Fr => CodeWords::Fr,
        Language::Ar => CodeWords::Ar,
    }
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
    let open = state.app.takes_statements() && state.app.intake.is_open().await;
    Ok(page(
        StatusCode::OK,
        &LandingView {
            layout: state.chrome("/"),
            open,
            token: state
                .app
                .intake
                .form_token()
                .map(|t| t.as_str().to_owned())
                .unwrap_or_default(),
        },
    ))
}

pub async fn form(lang: Lang, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    if !state.takes_statements() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    let open = state.app.intake.is_open().await;
    Ok(render_page(
        &state,
        &SubmissionForm::default(),
        Shown::Fresh,
        open,
    ))
}

/// The refusals only the statement form has.
trait IntakeRefusal {
    /// Too much at once (the site-wide ceiling, or the writer's queue): try again soon.
    fn busy(state: &Localized) -> Refusal;
    /// What intake's refusal means for the person.
    fn of_intake(state: &Localized, e: IntakeError) -> Refusal;
}

impl IntakeRefusal for Refusal {
    fn busy(state: &Localized) -> Refusal {
        Refusal::keyed(state, StatusCode::SERVICE_UNAVAILABLE, "error-busy")
    }

    fn of_intake(state: &Localized, e: IntakeError) -> Refusal {
        match e {
            IntakeError::NotOpen => Refusal::keyed(
                state,
                StatusCode::SERVICE_UNAVAILABLE,
                "error-not-open-kept",
            ),
            IntakeError::StorageFull => {
                Refusal::keyed(state, StatusCode::SERVICE_UNAVAILABLE, "error-storage-full")
            }
            IntakeError::Overloaded(_) | IntakeError::SealingBusy => Refusal::busy(state),
            e => {
                let err = AppError::internal(e);
                Refusal::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    state.tr.t1(
                        "error-internal-kept",
                        "error",
                        err.incident().unwrap_or("?"),
                    ),
                )
            }
        }
    }
}

/// What the form page shows above the form.
enum Shown {
    /// A fresh form.
    Fresh,
    /// A note that changes nothing (Enter pressed on a choice).
    Notice(String),
    /// Why what was sent was not stored.
    Refused(Refusal),
}

/// The one rendering of the form: fresh, with a notice, or refused — always with what the
/// person wrote and chose, and a one-time token (the one it was sent with, so sending the
/// same form again after a refusal still works).
fn render_page(state: &Localized, form: &SubmissionForm, shown: Shown, open: bool) -> HttpResponse {
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
    let (status, error, notice, refusal) = match shown {
        Shown::Fresh => (StatusCode::OK, None, None, None),
        Shown::Notice(n) => (StatusCode::OK, None, Some(n), None),
        Shown::Refused(r) => (r.status, Some(r.message.clone()), None, Some(r)),
    };
    let token = form
        .token
        .clone()
        .or_else(|| state.app.intake.form_token().ok())
        .map(|t| t.as_str().to_owned())
        .unwrap_or_default();
    // Words typed, or a message about them: switching language here would lose them.
    let holds_words = !form.statement.is_empty() || error.is_some() || notice.is_some();
    let view = SubmitView {
        layout: if holds_words {
            state.chrome_staying()
        } else {
            state.chrome("/submit")
        },
        error,
        notice: notice.as_deref(),
        statement: &form.statement,
        categories: options("category", &state.app.config.categories, &|k| {
            form.categories.iter().any(|c| c == k)
        }),
        settings: options("setting", &state.app.config.settings, &|k| {
            form.setting == k
        }),
        no_setting: form.setting.is_empty(),
        consent_publish: form.consent_publish,
        want_receipt: form.want_receipt,
        max_chars: state.tr.number(MAX_STATEMENT_CHARS as u64),
        open,
        token,
    };
    let response = page(status, &view);
    match refusal {
        Some(r) => r.pace(response),
        None => response,
    }
}

/// 400 for a form that is not this form's shape; 422 for values it cannot accept.
fn status_for(e: &SubmissionError) -> StatusCode {
    match e {
        SubmissionError::UnexpectedField => StatusCode::BAD_REQUEST,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Every "received" page is padded to a multiple of this many bytes.
const RECEIVED_PAGE_BLOCK: usize = 4096;

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
    let open = state.app.intake.is_open().await;
    let refuse = |form: &SubmissionForm, refusal: Refusal| {
        Ok(render_page(&state, form, Shown::Refused(refusal), open))
    };
    let pairs = match form::decode(&body) {
        Ok(pairs) => form::FormPairs(pairs),
        Err(AppError::BadRequest(message)) => {
            // Show back what we can, so a broken encoding never loses what they typed.
            let mut kept = SubmissionForm::default();
            kept.statement = form::lossy_field(&body, "statement");
            return refuse(
                &kept,
                Refusal::new(StatusCode::BAD_REQUEST, state.tr.t(message)),
            );
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
            return refuse(
                &kept,
                Refusal::new(status_for(&e), state.submission_error(&e)),
            );
        }
    };
    if origin::is_cross_site(&req, &state.app.config) {
        return refuse(
            &submitted,
            Refusal::keyed(&state, StatusCode::FORBIDDEN, "error-cross-site-kept"),
        );
    }
    if submitted.pressed_enter {
        // Enter on a checkbox or radio "clicks" the form's first submit button, the hidden
        // one: an unfinished statement sent without a code could never be withdrawn.
        let notice = state.tr.t("notice-pressed-enter");
        return Ok(render_page(&state, &submitted, Shown::Notice(notice), open));
    }
    let testimony = match submitted.validate_in(&state.app.config, state.lang) {
        Ok(t) => t,
        Err(e) => {
            return refuse(
                &submitted,
                Refusal::new(status_for(&e), state.submission_error(&e)),
            );
        }
    };
    if let Err(wait) = state.app.network_admits(&req) {
        return refuse(
            &submitted,
            Refusal::throttled(&state, "error-network-busy", wait),
        );
    }
    if !state.app.intake_admits() {
        return refuse(&submitted, Refusal::busy(&state));
    }
    let told_story = !testimony.statement.is_empty();
    let words = code_words_for(state.lang);
    let stored = state
        .app
        .intake
        .submit(
            testimony,
            submitted.want_receipt.then_some(words),
            submitted.token.as_ref(),
        )
        .await;
    let (receipt, already) = match stored {
        Ok(code) => (code.map(|c| c.word_list()), false),
        Err(IntakeError::AlreadyReceived) => (None, true),
        Err(e) => return refuse(&submitted, Refusal::of_intake(&state, e)),
    };
    // One size for every "received" page, receipt code or not, first time or again.
    Ok(padded_page(
        StatusCode::OK,
        &ReceivedView {
            layout: state.chrome_staying(),
            told_story,
            already,
            receipt: receipt.as_ref().map(|words| words.as_slice()),
            code_lang: words.code(),
        },
        RECEIVED_PAGE_BLOCK,
    ))
}
