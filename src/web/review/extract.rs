//! What staff handlers take from a request: the session (`Staff`, `Admin`), a form checked
//! against the session's CSRF token, and ids from the path.

use std::future::{Ready, ready};

use actix_web::dev::Payload as DevPayload;
use actix_web::http::Method;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpRequest};

use crate::domain::Role;
use crate::review::sessions::SessionView;
use crate::web::error::AppError;
use crate::web::form::{self, FormPairs};
use crate::web::{AppState, cookies, origin};

/// A request from a logged-in staff member.
pub struct Staff(pub SessionView);

/// A request from a logged-in admin.
pub struct Admin(pub SessionView);

/// The live session of this request: a GET without one is sent to the login page, any
/// other method gets 401.
fn session_of(req: &HttpRequest) -> Result<SessionView, AppError> {
    let refuse = || {
        if req.method() == Method::GET {
            AppError::LoginRequired
        } else {
            AppError::Unauthorized
        }
    };
    let state = req
        .app_data::<Data<AppState>>()
        .ok_or_else(|| AppError::internal("no app state"))?;
    let cookie = cookies::read(req, &state.config, cookies::SESSION).ok_or_else(refuse)?;
    state.desk.authenticate(&cookie).ok_or_else(refuse)
}

/// For the forms where staff write (notes, replies): the session, or the news that it has
/// ended — so the handler can give back what was written instead of losing it.
pub enum MaybeStaff {
    Live(SessionView),
    Ended,
}

impl FromRequest for MaybeStaff {
    type Error = AppError;
    type Future = Ready<Result<MaybeStaff, AppError>>;
    fn from_request(req: &HttpRequest, _: &mut DevPayload) -> Self::Future {
        ready(match session_of(req) {
            Ok(session) => Ok(MaybeStaff::Live(session)),
            Err(AppError::Unauthorized | AppError::LoginRequired) => Ok(MaybeStaff::Ended),
            Err(e) => Err(e),
        })
    }
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
                Err(AppError::Forbidden("err-admins-only"))
            }
        }))
    }
}

/// Reads a staff form and refuses it (403) unless it carries the session's CSRF token and
/// does not plainly come from another site (depth beside the SameSite=Strict cookie).
pub async fn read_form(
    req: &HttpRequest,
    session: &SessionView,
    body: actix_web::web::Payload,
) -> Result<FormPairs, AppError> {
    let pairs = form::read(req, body).await?;
    if let Some(state) = req.app_data::<Data<AppState>>() {
        origin::refuse_cross_site(req, &state.config)?;
    }
    if session.csrf_matches(pairs.get("csrf_token")) {
        Ok(pairs)
    } else {
        Err(AppError::Forbidden("err-form-expired"))
    }
}

/// Refuses (422, `refusal`, nothing changed) unless the form's `box_name` checkbox was
/// ticked: the confirmations before deleting, disabling, granting and bulk spam.
pub fn require_ticked(
    pairs: &FormPairs,
    box_name: &str,
    refusal: &'static str,
) -> Result<(), AppError> {
    if pairs.get(box_name) == "yes" {
        Ok(())
    } else {
        Err(AppError::Unprocessable(refusal))
    }
}

/// An id from a path segment (32 hex digits); 404 otherwise.
pub fn path_id<T>(text: &str, parse: impl FnOnce(&str) -> Option<T>) -> Result<T, AppError> {
    parse(text).ok_or(AppError::NotFound)
}
