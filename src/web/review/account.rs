//! `/review/account`: a staff member's own settings. The language of their staff pages, and
//! their passphrase: a change rewraps the private key and the TOTP secret; nothing else
//! changes and everything stays readable.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use secrecy::SecretString;

use super::extract::{Staff, read_form};
use super::nav::{Nav, staff_page};
use crate::crypto::passphrase;
use crate::i18n::Language;
use crate::review::ReviewError;
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page};
use crate::web::{AppState, cookies};

/// The value of "the site's default language" in the language form.
const DEFAULT_CHOICE: &str = "default";

#[derive(Template)]
#[template(path = "review/account.html")]
struct AccountView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    /// Which form the message is about, and the message (already in the page's language).
    error: Option<String>,
    done: Option<String>,
    /// (value, name in itself, chosen) for each language, after "the site's default".
    languages: Vec<(&'static str, &'static str, bool)>,
    default_chosen: bool,
    suggestion: String,
}

fn render(
    staff: &Staff,
    state: &AppState,
    status: StatusCode,
    error: Option<&str>,
    done: Option<&str>,
) -> HttpResponse {
    let (layout, nav) = staff_page(state, &staff.0);
    let chosen = staff.0.language;
    let view = AccountView {
        error: error.map(|k| layout.tr.t(k)),
        done: done.map(|k| layout.tr.t(k)),
        languages: Language::ALL
            .into_iter()
            .map(|l| (l.code(), l.native_name(), chosen == Some(l)))
            .collect(),
        default_chosen: chosen.is_none(),
        suggestion: passphrase::suggest(),
        layout,
        nav,
    };
    page(status, &view)
}

pub async fn form(staff: Staff, state: Data<AppState>) -> HttpResponse {
    render(&staff, &state, StatusCode::OK, None, None)
}

/// `POST /review/account/language`: one of the shipped languages, or the site's default.
pub async fn language(
    req: HttpRequest,
    staff: Staff,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = read_form(&req, &staff.0, body).await?;
    let language = match pairs.get("language") {
        DEFAULT_CHOICE => None,
        code => {
            Some(Language::parse(code).ok_or(AppError::Unprocessable("account-language-unknown"))?)
        }
    };
    state.desk.set_language(&staff.0, language).await?;
    // This request's session still holds the old choice; the page shows the new one.
    let mut staff = staff;
    staff.0.language = language;
    Ok(render(
        &staff,
        &state,
        StatusCode::OK,
        None,
        Some("account-language-saved"),
    ))
}

/// `POST /review/account/password`.
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
        Ok(()) => {
            return Ok(render(
                &staff,
                &state,
                StatusCode::OK,
                None,
                Some("account-password-changed"),
            ));
        }
        Err(ReviewError::BadCredentials) => "account-password-mismatch",
        Err(ReviewError::InvalidInput(m)) => m,
        Err(e) => return Err(e.into()),
    };
    Ok(render(
        &staff,
        &state,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some(error),
        None,
    ))
}
