//! The staff area. Every route here needs a live session (anonymous GETs are sent to the
//! login page, anything else gets 401); admin routes also need the admin role (403).
//! Every state-changing form carries the session's CSRF token (403 when missing or wrong).

pub mod account;
pub mod admin;
pub mod audit;
pub mod export;
pub mod inbox;
pub mod invite;
pub mod login;
pub mod testimony;

use std::future::{Ready, ready};

use actix_web::dev::Payload as DevPayload;
use actix_web::http::Method;
use actix_web::web::{self, Data};
use actix_web::{FromRequest, HttpRequest};

use super::form::FormPairs;
use super::{AppState, cookies, get, get_post, post};
use crate::error::AppError;
use crate::review::sessions::{Role, SessionView};

/// Staff route paths, and who may use them. Tests walk this table, so a route added here
/// without protection fails them.
pub mod paths {
    pub const LOGIN: &str = "/review/login";
    pub const LOGOUT: &str = "/review/logout";
    pub const INBOX: &str = "/review";
    pub const TESTIMONY: &str = "/review/t/{id}";
    pub const STATUS: &str = "/review/t/{id}/status";
    pub const NOTE: &str = "/review/t/{id}/note";
    pub const DELETE: &str = "/review/t/{id}/delete";
    pub const REPLY: &str = "/review/t/{id}/reply";
    pub const EXPORT: &str = "/review/export";
    pub const AUDIT: &str = "/review/audit";
    pub const ADMIN: &str = "/review/admin";
    pub const INVITE_CREATE: &str = "/review/admin/invite";
    pub const GRANT: &str = "/review/admin/staff/{id}/grant";
    pub const DISABLE: &str = "/review/admin/staff/{id}/disable";
    pub const ROTATE: &str = "/review/admin/keys/rotate";
    pub const PASSWORD: &str = "/review/account/password";
    pub const INVITE_ACCEPT: &str = "/review/invite/{token}";

    /// Who may use a route.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Access {
        /// Anyone (login, invitation acceptance).
        Public,
        Staff,
        Admin,
    }

    /// (method, path, access) for every staff route.
    pub const ROUTES: &[(&str, &str, Access)] = &[
        ("GET", LOGIN, Access::Public),
        ("POST", LOGIN, Access::Public),
        ("POST", LOGOUT, Access::Staff),
        ("GET", INBOX, Access::Staff),
        ("GET", TESTIMONY, Access::Staff),
        ("POST", STATUS, Access::Staff),
        ("POST", NOTE, Access::Staff),
        ("POST", DELETE, Access::Staff),
        ("POST", REPLY, Access::Staff),
        ("GET", EXPORT, Access::Admin),
        ("GET", AUDIT, Access::Admin),
        ("GET", ADMIN, Access::Admin),
        ("POST", INVITE_CREATE, Access::Admin),
        ("POST", GRANT, Access::Admin),
        ("POST", DISABLE, Access::Admin),
        ("POST", ROTATE, Access::Admin),
        ("GET", PASSWORD, Access::Staff),
        ("POST", PASSWORD, Access::Staff),
        ("GET", INVITE_ACCEPT, Access::Public),
        ("POST", INVITE_ACCEPT, Access::Public),
    ];
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get_post(paths::LOGIN, login::form, login::submit))
        .service(post(paths::LOGOUT, login::logout))
        .service(get(paths::INBOX, inbox::show))
        .service(get(paths::TESTIMONY, testimony::view))
        .service(post(paths::STATUS, testimony::status))
        .service(post(paths::NOTE, testimony::note))
        .service(post(paths::DELETE, testimony::delete))
        .service(post(paths::REPLY, testimony::reply))
        .service(get(paths::EXPORT, export::download))
        .service(get(paths::AUDIT, audit::show))
        .service(get(paths::ADMIN, admin::show))
        .service(post(paths::INVITE_CREATE, admin::invite))
        .service(post(paths::GRANT, admin::grant))
        .service(post(paths::DISABLE, admin::disable))
        .service(post(paths::ROTATE, admin::rotate))
        .service(get_post(paths::PASSWORD, account::form, account::submit))
        .service(get_post(paths::INVITE_ACCEPT, invite::form, invite::submit));
}

/// A request from a logged-in staff member.
pub struct Staff(pub SessionView);

/// A request from a logged-in admin.
pub struct Admin(pub SessionView);

fn session_of(req: &HttpRequest) -> Result<SessionView, AppError> {
    let refuse = if req.method() == Method::GET {
        AppError::LoginRequired
    } else {
        AppError::Unauthorized
    };
    let state = req
        .app_data::<Data<AppState>>()
        .ok_or_else(|| AppError::internal("no app state"))?;
    let cookie = cookies::read(req, &state.config, cookies::SESSION).ok_or(refuse)?;
    state
        .sessions
        .authenticate(&cookie)
        .ok_or(if req.method() == Method::GET {
            AppError::LoginRequired
        } else {
            AppError::Unauthorized
        })
}

impl FromRequest for Staff {
    type Error = AppError;
    type Future = Ready<Result<Staff, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut DevPayload) -> Self::Future {
        ready(session_of(req).map(Staff))
    }
}

impl FromRequest for Admin {
    type Error = AppError;
    type Future = Ready<Result<Admin, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut DevPayload) -> Self::Future {
        ready(session_of(req).and_then(|s| {
            if s.role == Role::Admin {
                Ok(Admin(s))
            } else {
                Err(AppError::Forbidden("This page is for admins."))
            }
        }))
    }
}

/// The epoch keys a session can open right now (its key, then the grants on file). On the
/// blocking pool: it is a database read and a few decapsulations.
pub async fn session_keys(
    state: &AppState,
    session: &SessionView,
) -> Result<crate::review::keyring::EpochKeys, AppError> {
    let secret = session.staff_secret()?;
    let id = session.staff_id;
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || {
        store.read_blocking(|conn| Ok(crate::review::keyring::open_grants(conn, &id, &secret)))
    })
    .await
    .map_err(AppError::internal)??
    .map_err(AppError::from)
}

/// The first value of a form field ("" when absent).
pub fn field<'a>(pairs: &'a FormPairs, name: &str) -> &'a str {
    pairs
        .0
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// Reads a staff form and refuses it (403) unless it carries the session's CSRF token.
pub async fn read_form(
    req: &HttpRequest,
    session: &SessionView,
    body: actix_web::web::Payload,
) -> Result<FormPairs, AppError> {
    let pairs = super::form::read(req, body).await?;
    check_csrf(session, &pairs)?;
    Ok(pairs)
}

/// Refuses a state-changing form whose CSRF token is missing or wrong.
pub fn check_csrf(session: &SessionView, pairs: &FormPairs) -> Result<(), AppError> {
    if session.csrf_matches(field(pairs, "csrf_token")) {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "This form has expired or did not come from this site. Please go back, reload the page and try again.",
        ))
    }
}

/// A testimony or staff id from a path segment (32 hex digits); 404 otherwise.
pub fn parse_id(text: &str) -> Result<[u8; 16], AppError> {
    let bytes = hex::decode(text).map_err(|_| AppError::NotFound)?;
    bytes.try_into().map_err(|_| AppError::NotFound)
}

/// 303 to `location` (after a POST).
pub fn see_other(location: &str) -> actix_web::HttpResponse {
    actix_web::HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.to_owned()))
        .finish()
}

/// Now, as unix seconds and as the RFC 3339 string audit entries carry.
pub fn now() -> (i64, String) {
    (
        time::OffsetDateTime::now_utc().unix_timestamp(),
        crate::time_util::now_rfc3339(),
    )
}

/// What every staff page's navigation needs.
pub struct Nav {
    pub username: String,
    pub is_admin: bool,
    pub csrf: String,
}

impl Nav {
    pub fn of(session: &SessionView) -> Nav {
        Nav {
            username: session.username.clone(),
            is_admin: session.role == Role::Admin,
            csrf: session.csrf.clone(),
        }
    }
}
