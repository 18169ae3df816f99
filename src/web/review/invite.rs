//! `GET/POST /review/invite/{token}`: an invited person chooses a passphrase (their key pair
//! is made) and enrols TOTP; they get one-time recovery codes and wait for an admin's grant.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use crate::crypto::passphrase;
use crate::review::{ReviewError, totp};
use crate::web::enrolment::{self, TotpDisplay};
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page};
use crate::web::setup::closed;
use crate::web::{AppState, form, origin};

#[derive(Template)]
#[template(path = "review/invite.html")]
struct InviteView<'a> {
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
#[template(path = "review/enrolled.html")]
struct EnrolledView<'a> {
    layout: Chrome<'a>,
    username: &'a str,
    fingerprint: &'a str,
    codes: &'a [String],
}

fn render(
    state: &AppState,
    status: StatusCode,
    username: &str,
    secret: &[u8],
    error: Option<&str>,
) -> HttpResponse {
    let layout = state.layout.default_chrome();
    let shown = TotpDisplay::new(secret, username);
    page(
        status,
        &InviteView {
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
    let username = match state.desk.invitation(&token).await {
        Ok((username, _)) => username,
        Err(ReviewError::TokenInvalid) => return Ok(closed(&state, false)),
        Err(e) => return Err(e.into()),
    };
    let secret = totp::new_secret()?;
    Ok(render(&state, StatusCode::OK, &username, &secret, None))
}

pub async fn submit(
    req: HttpRequest,
    token: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = form::read(&req, body).await?;
    origin::refuse_cross_site(&req, &state.config)?;
    let username = match state.desk.invitation(&token).await {
        Ok((username, _)) => username,
        Err(ReviewError::TokenInvalid) => return Ok(closed(&state, false)),
        Err(e) => return Err(e.into()),
    };
    let input = enrolment::parse(&pairs, Some(&username))?;
    let secret = input.totp_secret.clone();
    if !enrolment::passphrases_match(&pairs) {
        return Ok(render(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            &username,
            &secret,
            Some(enrolment::PASSPHRASES_DIFFER),
        ));
    }
    match state.desk.enrol_invited(&token, input).await {
        Ok(enrolled) => Ok(page(
            StatusCode::OK,
            &EnrolledView {
                layout: state.layout.default_chrome(),
                username: &enrolled.username,
                fingerprint: &enrolled.fingerprint,
                codes: &enrolled.recovery_codes,
            },
        )),
        Err(ReviewError::TokenInvalid) => Ok(closed(&state, false)),
        Err(ReviewError::InvalidInput(message)) => Ok(render(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            &username,
            &secret,
            Some(message),
        )),
        Err(e) => Err(e.into()),
    }
}
