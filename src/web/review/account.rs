//! `GET/POST /review/account/password`: a passphrase change rewraps the private key and the
//! TOTP secret; nothing else changes and everything stays readable.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use secrecy::SecretString;

use super::extract::{Staff, read_form};
use super::nav::Nav;
use crate::crypto::passphrase;
use crate::error::AppError;
use crate::review::ReviewError;
use crate::web::layout::{Chrome, page};
use crate::web::{AppState, cookies};

#[derive(Template)]
#[template(path = "review/password.html")]
struct PasswordView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    error: Option<&'a str>,
    done: bool,
    suggestion: String,
}

fn render(
    staff: &Staff,
    state: &AppState,
    status: StatusCode,
    error: Option<&str>,
    done: bool,
) -> HttpResponse {
    page(
        status,
        &PasswordView {
            layout: state.layout.chrome(),
            nav: Nav::of(&staff.0),
            error,
            done,
            suggestion: passphrase::suggest(),
        },
    )
}

pub async fn form(staff: Staff, state: Data<AppState>) -> HttpResponse {
    render(&staff, &state, StatusCode::OK, None, false)
}

pub async fn submit(
    req: HttpRequest,
    staff: Staff,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = read_form(&req, &staff.0, body).await?;
    let current = SecretString::from(pairs.get("current").to_owned());
    let new = SecretString::from(pairs.get("new").to_owned());
    // Other sessions (another browser, perhaps a thief's) end; this one goes on.
    let this_session = cookies::read(&req, &state.config, cookies::SESSION);
    let changed = state
        .desk
        .change_passphrase(&staff.0, current, new, this_session.as_deref())
        .await;
    let error = match changed {
        Ok(()) => return Ok(render(&staff, &state, StatusCode::OK, None, true)),
        Err(ReviewError::BadCredentials) => "Your current passphrase did not match.",
        Err(ReviewError::InvalidInput(m)) => m,
        Err(e) => return Err(e.into()),
    };
    Ok(render(
        &staff,
        &state,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some(error),
        false,
    ))
}
