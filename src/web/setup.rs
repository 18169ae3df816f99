//! The first-admin set-up page behind the one-time link printed at first start. The person
//! picks a username and passphrase, scans the TOTP secret, proves it with a code, and is
//! shown the recovery key once.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::enrolment::{self, TotpDisplay};
use super::layout::{Chrome, page};
use super::{AppState, form, origin};
use crate::crypto::passphrase;
use crate::review::{ReviewError, totp};
use crate::web::error::AppError;

#[derive(Template)]
#[template(path = "setup/form.html")]
struct SetupView<'a> {
    layout: Chrome<'a>,
    error: Option<String>,
    username: &'a str,
    suggestion: String,
    totp_secret: String,
    totp_grouped: String,
    totp_uri: String,
    qr_svg: String,
}

#[derive(Template)]
#[template(path = "setup/done.html")]
struct DoneView<'a> {
    layout: Chrome<'a>,
    username: &'a str,
    recovery_key: &'a str,
    fingerprint: &'a str,
}

/// The page for a link that no longer works (used, expired, or set-up already done).
#[derive(Template)]
#[template(path = "setup/closed.html")]
pub struct ClosedView<'a> {
    pub layout: Chrome<'a>,
    pub already_set_up: bool,
}

pub fn closed(state: &AppState, already_set_up: bool) -> HttpResponse {
    page(
        StatusCode::NOT_FOUND,
        &ClosedView {
            layout: state.layout.default_chrome(),
            already_set_up,
        },
    )
}

fn render_form(
    state: &AppState,
    status: StatusCode,
    username: &str,
    secret: &[u8],
    error: Option<&str>,
) -> HttpResponse {
    let layout = state.layout.default_chrome();
    let account = if username.is_empty() {
        "admin"
    } else {
        username
    };
    let shown = TotpDisplay::new(secret, account);
    page(
        status,
        &SetupView {
            error: error.map(|key| layout.tr.t(key)),
            layout,
            username,
            suggestion: passphrase::suggest(),
            totp_secret: shown.base32,
            totp_grouped: shown.grouped,
            totp_uri: shown.uri,
            qr_svg: shown.qr_svg,
        },
    )
}

pub async fn form(token: Path<String>, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    match state.desk.check_setup_link(&token).await {
        Ok(()) => {}
        Err(ReviewError::AlreadySetUp) => return Ok(closed(&state, true)),
        Err(ReviewError::TokenInvalid) => return Ok(closed(&state, false)),
        Err(e) => return Err(e.into()),
    }
    let secret = totp::new_secret()?;
    Ok(render_form(&state, StatusCode::OK, "", &secret, None))
}

pub async fn submit(
    req: HttpRequest,
    token: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = form::read(&req, body).await?;
    let input = enrolment::parse(&pairs, None)?;
    origin::refuse_cross_site(&req, &state.config)?;
    let (username, secret) = (input.username.clone(), input.totp_secret.clone());
    if !enrolment::passphrases_match(&pairs) {
        return Ok(render_form(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            &username,
            &secret,
            Some(enrolment::PASSPHRASES_DIFFER),
        ));
    }
    match state.desk.set_up_by_link(&token, input).await {
        Ok(shown) => Ok(page(
            StatusCode::OK,
            &DoneView {
                layout: state.layout.default_chrome(),
                username: &shown.username,
                recovery_key: &shown.recovery_key,
                fingerprint: &shown.key_fingerprint,
            },
        )),
        Err(ReviewError::AlreadySetUp) => Ok(closed(&state, true)),
        Err(ReviewError::TokenInvalid) => Ok(closed(&state, false)),
        Err(ReviewError::InvalidInput(message)) => Ok(render_form(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            &username,
            &secret,
            Some(message),
        )),
        Err(e) => Err(e.into()),
    }
}
