//! `GET/POST /review/login`, `POST /review/logout`.

use actix_web::cookie::time::Duration;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use secrecy::SecretString;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::extract::{Staff, read_form};
use super::paths;
use crate::crypto::random;
use crate::review::{LoginAttempt, ReviewError};
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page, see_other};
use crate::web::{AppState, cookies, form, origin};

#[derive(Template)]
#[template(path = "review/login.html")]
struct LoginView<'a> {
    layout: Chrome<'a>,
    csrf: &'a str,
    failed: bool,
    username: &'a str,
    /// How long a session lasts without activity.
    idle_minutes: u64,
}

/// Every failure answers with this status and the same page.
const FAILED: StatusCode = StatusCode::UNAUTHORIZED;

fn render(
    state: &AppState,
    status: StatusCode,
    failed: bool,
    username: &str,
) -> Result<HttpResponse, AppError> {
    // A fresh login-CSRF token each time the form is shown, tied to this browser by cookie.
    let token = random::token_hex().map_err(AppError::internal)?;
    let mut response = page(
        status,
        &LoginView {
            layout: state.layout.default_chrome(),
            csrf: &token,
            failed,
            username,
            idle_minutes: state.config.session_idle_secs.div_ceil(60),
        },
    );
    response
        .add_cookie(&cookies::build(&state.config, cookies::LOGIN, token, None))
        .map_err(AppError::internal)?;
    Ok(response)
}

pub async fn form(state: Data<AppState>) -> Result<HttpResponse, AppError> {
    render(&state, StatusCode::OK, false, "")
}

pub async fn submit(
    req: HttpRequest,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = form::read(&req, body).await?;
    let expected = cookies::read(&req, &state.config, cookies::LOGIN).unwrap_or_default();
    let submitted = pairs.get("csrf_token");
    if expected.is_empty() || !bool::from(expected.as_bytes().ct_eq(submitted.as_bytes())) {
        return Err(AppError::Forbidden("err-login-expired"));
    }
    origin::refuse_cross_site(&req, &state.config)?;
    let username = pairs.get("username").trim().to_ascii_lowercase();
    let attempt = LoginAttempt {
        username: username.clone(),
        password: SecretString::from(pairs.get("password").to_owned()),
        code: Zeroizing::new(pairs.get("totp").to_owned()),
        device_token: cookies::read(&req, &state.config, cookies::DEVICE),
    };
    let logged_in = match state.desk.log_in(attempt).await {
        Ok(logged_in) => logged_in,
        Err(ReviewError::BadCredentials) => return render(&state, FAILED, true, &username),
        Err(e) => return Err(e.into()),
    };
    let mut response = see_other(paths::INBOX);
    for c in [
        cookies::build(
            &state.config,
            cookies::SESSION,
            logged_in.session_cookie.to_string(),
            None,
        ),
        cookies::build(
            &state.config,
            cookies::DEVICE,
            logged_in.device_token,
            Some(Duration::days(365)),
        ),
        cookies::removal(&state.config, cookies::LOGIN),
    ] {
        response.add_cookie(&c).map_err(AppError::internal)?;
    }
    Ok(response)
}

pub async fn logout(
    req: HttpRequest,
    staff: Staff,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let _pairs = read_form(&req, &staff.0, body).await?;
    if let Some(cookie) = cookies::read(&req, &state.config, cookies::SESSION) {
        state.desk.log_out(&cookie);
    }
    let mut response = see_other(paths::LOGIN);
    // Not "cookies": the device cookie must outlive logout (it exempts this browser from
    // lockout); the session cookie is removed explicitly instead.
    response.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("clear-site-data"),
        actix_web::http::header::HeaderValue::from_static("\"cache\", \"storage\""),
    );
    response
        .add_cookie(&cookies::removal(&state.config, cookies::SESSION))
        .map_err(AppError::internal)?;
    Ok(response)
}
