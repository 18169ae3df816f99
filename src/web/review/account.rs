//! `GET/POST /review/account/password`: a passphrase change rewraps the private key and the
//! TOTP secret; nothing else changes and everything stays readable.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use secrecy::SecretString;

use super::{Nav, Staff, field, now};
use crate::crypto::passphrase;
use crate::error::AppError;
use crate::review::{ReviewError, staff_admin};
use crate::web::AppState;
use crate::web::layout::{Layout, page};

#[derive(Template)]
#[template(path = "review/password.html")]
struct PasswordView<'a> {
    layout: &'a Layout,
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
            layout: &state.layout,
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
    let pairs = super::read_form(&req, &staff.0, body).await?;
    let current = SecretString::from(field(&pairs, "current").to_owned());
    let new = SecretString::from(field(&pairs, "new").to_owned());
    let store = state.store.clone();
    let (id, memory) = (staff.0.staff_id, state.config.argon2_memory_kib);
    let rewrapped = state
        .argon
        .run(move || {
            store
                .read_blocking(|conn| Ok(staff_admin::rewrap(conn, &id, &current, &new, memory)))?
        })
        .await;
    let rewrapped = match rewrapped {
        Ok(r) => r,
        Err(ReviewError::BadCredentials) => {
            // Guessing through a stolen session counts toward the lockout, and is audited.
            let (now_secs, at) = now();
            let who = Some((id, staff.0.username.clone()));
            state
                .store
                .write(move |conn| {
                    crate::review::auth::record_bad(conn, who.as_ref(), now_secs, &at)?;
                    let actor = who.as_ref().map(|(_, u)| u.as_str()).unwrap_or("-");
                    crate::store::audit::append(
                        conn,
                        &at,
                        actor,
                        "staff.password_change.failure",
                        "",
                    )
                })
                .await?;
            return Ok(render(
                &staff,
                &state,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("Your current passphrase did not match."),
                false,
            ));
        }
        Err(ReviewError::InvalidInput(m)) => {
            return Ok(render(
                &staff,
                &state,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(m),
                false,
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let (_, at) = now();
    let actor = staff.0.username.clone();
    state
        .store
        .write(move |conn| staff_admin::commit_rewrap(conn, &id, &rewrapped, &actor, &at))
        .await?;
    // Other sessions (another browser, perhaps a thief's) end; this one goes on.
    if let Some(cookie) =
        crate::web::cookies::read(&req, &state.config, crate::web::cookies::SESSION)
    {
        state.sessions.destroy_others(&id, &cookie);
    }
    Ok(render(&staff, &state, StatusCode::OK, None, true))
}
