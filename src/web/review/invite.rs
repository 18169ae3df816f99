//! `GET/POST /review/invite/{token}`: an invited person chooses a passphrase (their key pair
//! is made) and enrols TOTP; they get one-time recovery codes and wait for an admin's grant.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::{field, now};
use crate::crypto::passphrase;
use crate::error::AppError;
use crate::review::auth::ISSUER;
use crate::review::{ReviewError, setup, staff_admin};
use crate::store::{StoreError, invitations};
use crate::web::layout::{Layout, page};
use crate::web::setup::qr_svg;
use crate::web::{AppState, form, origin};

#[derive(Template)]
#[template(path = "review/invite.html")]
struct InviteView<'a> {
    layout: &'a Layout,
    error: Option<String>,
    username: &'a str,
    suggestion: String,
    totp_secret: String,
    qr_svg: String,
}

#[derive(Template)]
#[template(path = "review/enrolled.html")]
struct EnrolledView<'a> {
    layout: &'a Layout,
    username: &'a str,
    fingerprint: &'a str,
    codes: &'a [String],
}

#[derive(Template)]
#[template(path = "setup/closed.html")]
struct ClosedView<'a> {
    layout: &'a Layout,
    already_set_up: bool,
}

fn closed(state: &AppState) -> HttpResponse {
    page(
        StatusCode::NOT_FOUND,
        &ClosedView {
            layout: &state.layout,
            already_set_up: false,
        },
    )
}

fn render(
    state: &AppState,
    status: StatusCode,
    username: &str,
    secret: &[u8],
    error: Option<String>,
) -> HttpResponse {
    let uri = setup::totp_uri(secret, username, ISSUER).unwrap_or_default();
    page(
        status,
        &InviteView {
            layout: &state.layout,
            error,
            username,
            suggestion: passphrase::suggest(),
            totp_secret: totp_rs::Secret::new(secret.to_vec().into_boxed_slice()).to_base32(),
            qr_svg: qr_svg(&uri),
        },
    )
}

async fn invitation(state: &AppState, token: String) -> Result<Option<(String, String)>, AppError> {
    Ok(state
        .store
        .read(move |conn| invitations::find(conn, &token, now().0))
        .await?)
}

pub async fn form(token: Path<String>, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    let Some((username, _)) = invitation(&state, token.into_inner()).await? else {
        return Ok(closed(&state));
    };
    let secret = setup::new_totp_secret()?;
    Ok(render(&state, StatusCode::OK, &username, &secret, None))
}

pub async fn submit(
    req: HttpRequest,
    token: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let pairs = form::read(&req, body).await?;
    if origin::is_cross_site(&req, &state.config) {
        return Err(AppError::Forbidden(
            "This form was sent from another website, so it was refused.",
        ));
    }
    let Some((username, role)) = invitation(&state, token.clone()).await? else {
        return Ok(closed(&state));
    };
    let secret = totp_rs::Secret::try_from_base32(field(&pairs, "totp_secret"))
        .map(|s| Zeroizing::new(s.as_bytes().to_vec()))
        .map_err(|_| AppError::BadRequest("The authenticator secret on the form was changed. Please start again from the link."))?;
    if secret.len() != setup::TOTP_SECRET_BYTES {
        return Err(AppError::BadRequest(
            "The authenticator secret on the form was changed. Please start again from the link.",
        ));
    }
    let password = SecretString::from(field(&pairs, "password").to_owned());
    let code = field(&pairs, "totp_code").trim().to_owned();
    let checked = setup::check_password(&password).and_then(|()| {
        if let Some(step) = setup::totp(&secret, &username, ISSUER)?.check_current(&code) {
            Ok(step)
        } else {
            Err(ReviewError::InvalidInput("That code did not match. Check the time on your phone, and enter the 6 digits your authenticator app shows now."))
        }
    });
    let enrolment_step = match checked {
        Ok(step) => step,
        Err(e) => {
            return Ok(render(
                &state,
                StatusCode::UNPROCESSABLE_ENTITY,
                &username,
                &secret,
                Some(e.to_string()),
            ));
        }
    };
    let memory = state.config.argon2_memory_kib;
    let (name, r) = (username.clone(), role.clone());
    let work_secret = secret.clone();
    let mut member = state
        .argon
        .run(move || setup::new_member(&name, &r, &password, &work_secret, memory))
        .await?;
    // The code typed at enrolment cannot be replayed at the first login.
    member.row.totp_last_step = i64::try_from(enrolment_step).ok();
    let codes = staff_admin::new_recovery_codes()?;
    let fingerprint = member.public.fingerprint();
    let (now_secs, at) = now();
    let stored_codes = codes.clone();
    let accepted = state
        .store
        .write(move |conn| staff_admin::accept(conn, &token, &member, &stored_codes, now_secs, &at))
        .await;
    match accepted {
        Ok(()) => Ok(page(
            StatusCode::OK,
            &EnrolledView {
                layout: &state.layout,
                username: &username,
                fingerprint: &fingerprint,
                codes: &codes,
            },
        )),
        Err(StoreError::Conflict(_)) => Ok(closed(&state)),
        Err(e) => Err(e.into()),
    }
}
