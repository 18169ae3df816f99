//! The first-admin set-up page behind the one-time link printed at first start. The person
//! picks a username and passphrase, scans the TOTP secret, proves it with a code, and is
//! shown the recovery key once.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::layout::{Layout, page};
use super::{AppState, form, origin};
use crate::crypto::passphrase;
use crate::error::AppError;
use crate::review::{ReviewError, setup};
use crate::store::{setup_tokens, staff};

#[derive(Template)]
#[template(path = "setup/form.html")]
struct SetupView<'a> {
    layout: &'a Layout,
    error: Option<String>,
    username: &'a str,
    suggestion: String,
    totp_secret: String,
    qr_svg: String,
}

#[derive(Template)]
#[template(path = "setup/done.html")]
struct DoneView<'a> {
    layout: &'a Layout,
    username: &'a str,
    recovery_key: &'a str,
    fingerprint: &'a str,
}

#[derive(Template)]
#[template(path = "setup/closed.html")]
struct ClosedView<'a> {
    layout: &'a Layout,
    already_set_up: bool,
}

const ISSUER: &str = "Chorus";

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Is this link still good? (Also false once an admin exists.)
async fn link_state(state: &AppState, token: String) -> Result<(bool, bool), AppError> {
    state
        .store
        .read(move |conn| {
            let set_up = staff::any_admin(conn)?;
            let valid =
                setup_tokens::is_valid(conn, setup_tokens::PURPOSE_FIRST_ADMIN, &token, now())?;
            Ok((set_up, valid))
        })
        .await
        .map_err(AppError::internal)
}

fn closed(state: &AppState, already_set_up: bool) -> HttpResponse {
    page(
        StatusCode::NOT_FOUND,
        &ClosedView {
            layout: &state.layout,
            already_set_up,
        },
    )
}

pub fn qr_svg(uri: &str) -> String {
    match qrcode::QrCode::new(uri.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(220, 220)
                .quiet_zone(true)
                .build();
            // Inline it: drop the XML declaration.
            match svg.find("<svg") {
                Some(i) => svg.get(i..).unwrap_or_default().to_owned(),
                None => String::new(),
            }
        }
        Err(_) => String::new(),
    }
}

fn render_form(
    state: &AppState,
    status: StatusCode,
    username: &str,
    secret: &[u8],
    error: Option<String>,
) -> HttpResponse {
    let base32 = totp_rs::Secret::new(secret.to_vec().into_boxed_slice()).to_base32();
    let uri = setup::totp_uri(
        secret,
        if username.is_empty() {
            "admin"
        } else {
            username
        },
        ISSUER,
    )
    .unwrap_or_default();
    page(
        status,
        &SetupView {
            layout: &state.layout,
            error,
            username,
            suggestion: passphrase::suggest(),
            totp_secret: base32,
            qr_svg: qr_svg(&uri),
        },
    )
}

pub async fn form(token: Path<String>, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    let (set_up, valid) = link_state(&state, token.into_inner()).await?;
    if set_up || !valid {
        return Ok(closed(&state, set_up));
    }
    let secret = setup::new_totp_secret().map_err(AppError::internal)?;
    Ok(render_form(&state, StatusCode::OK, "", &secret, None))
}

pub async fn submit(
    req: HttpRequest,
    token: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let pairs = form::read(&req, body).await?;
    let field = |name: &str| {
        pairs
            .0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let username = field("username").to_owned();
    let password = SecretString::from(field("password").to_owned());
    let code = field("totp_code").trim().to_owned();
    let secret = totp_rs::Secret::try_from_base32(field("totp_secret"))
        .map(|s| Zeroizing::new(s.as_bytes().to_vec()))
        .map_err(|_| AppError::BadRequest("The authenticator secret on the form was changed. Please start again from the link."))?;
    if secret.len() != setup::TOTP_SECRET_BYTES {
        return Err(AppError::BadRequest(
            "The authenticator secret on the form was changed. Please start again from the link.",
        ));
    }
    if origin::is_cross_site(&req, &state.config) {
        return Err(AppError::Forbidden(
            "This form was sent from another website, so it was refused.",
        ));
    }
    let (set_up, valid) = link_state(&state, token.clone()).await?;
    if set_up || !valid {
        return Ok(closed(&state, set_up));
    }
    let input_error = setup::parse_username(&username).and_then(|name| {
        setup::check_password(&password)?;
        let totp = setup::totp(&secret, &name, ISSUER)?;
        if totp.check_current(&code).is_some() {
            Ok(())
        } else {
            Err(ReviewError::InvalidInput(
                "That code did not match. Check the time on your phone, and enter the 6 digits your authenticator app shows now.",
            ))
        }
    });
    if let Err(e) = input_error {
        return Ok(render_form(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            &username,
            &secret,
            Some(e.to_string()),
        ));
    }
    let memory = state.config.argon2_memory_kib;
    let secret_for_work = secret.clone();
    let prepared = state
        .argon
        .run(move || setup::prepare(&username, &password, &secret_for_work, memory, ISSUER))
        .await;
    let (prepared, shown) = match prepared {
        Ok(p) => p,
        Err(ReviewError::Busy) => return Err(AppError::Busy),
        Err(e) => return Err(AppError::internal(e)),
    };
    let at = crate::time_util::now_rfc3339();
    let committed = state
        .store
        .write(move |conn| prepared.commit(conn, Some(&token), now(), &at))
        .await
        .map_err(setup::commit_error);
    match committed {
        Ok(()) => Ok(page(
            StatusCode::OK,
            &DoneView {
                layout: &state.layout,
                username: &shown.username,
                recovery_key: &shown.recovery_key,
                fingerprint: &shown.key_fingerprint,
            },
        )),
        Err(ReviewError::AlreadySetUp) => Ok(closed(&state, true)),
        Err(ReviewError::TokenInvalid) => Ok(closed(&state, false)),
        Err(e) => Err(AppError::internal(e)),
    }
}
