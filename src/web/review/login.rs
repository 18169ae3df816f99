//! `GET/POST /review/login`, `POST /review/logout`.

use actix_web::cookie::time::Duration;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use secrecy::SecretString;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::{Staff, field, now, see_other};
use crate::crypto::random;
use crate::error::AppError;
use crate::review::ReviewError;
use crate::review::auth::{self, LoginInput, Verdict};
use crate::review::sessions::Role;
use crate::store::audit;
use crate::web::layout::{Layout, page};
use crate::web::{AppState, cookies, form, origin};

#[derive(Template)]
#[template(path = "review/login.html")]
struct LoginView<'a> {
    layout: &'a Layout,
    csrf: &'a str,
    failed: bool,
    username: &'a str,
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
            layout: &state.layout,
            csrf: &token,
            failed,
            username,
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
    let submitted = field(&pairs, "csrf_token");
    if expected.is_empty() || !bool::from(expected.as_bytes().ct_eq(submitted.as_bytes())) {
        return Err(AppError::Forbidden(
            "This login form has expired. Please reload the page and try again.",
        ));
    }
    if origin::is_cross_site(&req, &state.config) {
        return Err(AppError::Forbidden(
            "This form was sent from another website, so it was refused.",
        ));
    }
    let username = field(&pairs, "username").trim().to_ascii_lowercase();
    // A browser that logged in to this account before skips the site-wide throttle (with a
    // small budget of its own) and uses the reserved Argon2 permit: a login flood must not
    // lock staff out. Recognised in memory: no database work before the throttle.
    let device = cookies::read(&req, &state.config, cookies::DEVICE);
    let known_device = device
        .as_deref()
        .is_some_and(|token| state.devices.knows(token, &username));
    let admitted = match device.as_deref() {
        Some(token) if known_device => state.devices.admits(token),
        _ => state.login_admits(),
    };
    if !admitted {
        return Err(AppError::Busy);
    }
    let input = LoginInput {
        username: username.clone(),
        password: SecretString::from(field(&pairs, "password").to_owned()),
        code: Zeroizing::new(field(&pairs, "totp").to_owned()),
        device_token: device,
    };
    let (now_secs, at) = now();
    let store = state.store.clone();
    let memory = state.config.argon2_memory_kib;
    let work = move || {
        store
            .read_blocking(|conn| Ok(auth::verify(conn, &input, memory, now_secs)))?
            .map(|v| (v, input))
    };
    let verdict = if known_device {
        state.argon_reserved.run(work).await
    } else {
        state.argon.run(work).await
    };
    let (verdict, input) = match verdict {
        Ok(v) => v,
        Err(ReviewError::Busy) => return Err(AppError::Busy),
        Err(e) => return Err(AppError::internal(e)),
    };
    match verdict {
        Verdict::Good {
            member,
            secret,
            keys,
            totp_step,
            recovery_code,
        } => {
            let device = match &input.device_token {
                Some(token) => token.clone(),
                None => random::token_hex().map_err(AppError::internal)?,
            };
            let (m, d, a) = (member.clone(), device.clone(), at.clone());
            let recorded = state
                .store
                .write(move |conn| {
                    auth::record_good(
                        conn,
                        &m,
                        totp_step,
                        recovery_code.as_deref().map(|c| c.as_str()),
                        &d,
                        &a,
                    )
                })
                .await;
            let recorded = match recorded {
                Ok(ok) => ok,
                Err(crate::store::StoreError::Conflict(_)) => false,
                Err(e) => return Err(e.into()),
            };
            if !recorded {
                // A replayed code that raced another login, or a recovery code used meanwhile.
                let who = Some((member.id, member.username.clone()));
                state
                    .store
                    .write(move |conn| auth::record_bad(conn, who.as_ref(), now_secs, &at))
                    .await?;
                return render(&state, FAILED, true, &username);
            }
            state.devices.add(&device, &member.username);
            let role = Role::parse(&member.role).unwrap_or(Role::Reviewer);
            let cookie = state
                .sessions
                .create(member.id, member.username.clone(), role, &secret)
                .map_err(AppError::internal)?;
            // Rows left uncounted at start (their tallies were in the RAM of the previous
            // process) are counted again now that keys are open: decrypted, so audited.
            match state.publisher.adopt_uncounted(keys).await {
                Ok(Some(n)) => {
                    let (actor, at) = (member.username.clone(), at.clone());
                    let _ = state
                        .store
                        .write(move |conn| {
                            audit::append(
                                conn,
                                &at,
                                &actor,
                                "counts.recount",
                                &format!("{n} uncounted rows decrypted for their categories"),
                            )
                        })
                        .await;
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "could not recount uncounted rows"),
            }
            let mut response = see_other(super::paths::INBOX);
            for c in [
                cookies::build(&state.config, cookies::SESSION, cookie.to_string(), None),
                cookies::build(
                    &state.config,
                    cookies::DEVICE,
                    device,
                    Some(Duration::days(365)),
                ),
                cookies::removal(&state.config, cookies::LOGIN),
            ] {
                response.add_cookie(&c).map_err(AppError::internal)?;
            }
            Ok(response)
        }
        Verdict::Bad { member } => {
            state
                .store
                .write(move |conn| auth::record_bad(conn, member.as_ref(), now_secs, &at))
                .await?;
            render(&state, FAILED, true, &username)
        }
    }
}

pub async fn logout(
    req: HttpRequest,
    staff: Staff,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let _pairs = super::read_form(&req, &staff.0, body).await?;
    if let Some(cookie) = cookies::read(&req, &state.config, cookies::SESSION) {
        state.sessions.destroy(&cookie);
    }
    let mut response = see_other(super::paths::LOGIN);
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
