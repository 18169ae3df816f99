//! One error type for the web layer. Each variant documents its HTTP status; every page it
//! renders is calm and plain, and never quotes what was submitted. 5xx pages are opaque and
//! carry an incident id; the cause goes to the log (never with request data).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::web::layout::Layout;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request could not be read (bad encoding, malformed form). The messages of
    /// this and the other variants that carry one are catalogue keys, shown in the page's
    /// language (English in logs).
    #[error("{}", crate::i18n::english(.0))]
    BadRequest(&'static str),
    /// 303 to the login page: a staff page was asked for without a live session.
    #[error("login required")]
    LoginRequired,
    /// 401: a staff action without a live session.
    #[error("not logged in")]
    Unauthorized,
    /// 403: refused (a missing or wrong token, a reviewer on an admin page).
    #[error("{}", crate::i18n::english(.0))]
    Forbidden(&'static str),
    /// 403: a form sent from another website (by `Origin` / `Sec-Fetch-Site`).
    #[error("cross-site form")]
    CrossSite,
    /// 404: no such page.
    #[error("not found")]
    NotFound,
    /// 405: the page exists but not for this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 408: the body took too long to arrive.
    #[error("request timeout")]
    RequestTimeout,
    /// 413: the body is larger than any valid form.
    #[error("too large")]
    PayloadTooLarge,
    /// 415: not a form post.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// 422: understood but not acceptable.
    #[error("{}", crate::i18n::english(.0))]
    Unprocessable(&'static str),
    /// 503 + Retry-After: busy; nothing was stored.
    #[error("busy")]
    Busy,
    /// 500: something broke; the cause is logged under the incident id.
    #[error("internal error {incident}")]
    Internal { incident: String },
}

/// Every staff action's error becomes its HTTP status here, and only here (the statuses are
/// documented on `ReviewError`'s variants). Pages that answer some errors with a page of
/// their own (the login form, the set-up and invitation pages) match those first.
impl From<crate::review::ReviewError> for AppError {
    fn from(e: crate::review::ReviewError) -> Self {
        use crate::review::ReviewError;
        match e {
            ReviewError::BadCredentials => AppError::Forbidden("err-bad-credentials"),
            ReviewError::NoSession => AppError::Unauthorized,
            ReviewError::NotAdmin => AppError::Forbidden("err-admins-only"),
            ReviewError::InvalidInput(m) => AppError::Unprocessable(m),
            ReviewError::NotFound | ReviewError::TokenInvalid | ReviewError::AlreadySetUp => {
                AppError::NotFound
            }
            // A full write queue, a failed commit or a stopped writer is "busy, try again"
            // (503), never an opaque 500.
            ReviewError::Busy => AppError::Busy,
            ReviewError::Store(e) if e.is_overload() => AppError::Busy,
            ReviewError::Store(e) => AppError::internal(e),
            other @ (ReviewError::Crypto(_) | ReviewError::Joined(_)) => AppError::internal(other),
        }
    }
}

impl From<crate::returning::ReturnError> for AppError {
    fn from(e: crate::returning::ReturnError) -> Self {
        use crate::returning::ReturnError;
        match e {
            ReturnError::Store(e) if e.is_overload() => AppError::Busy,
            ReturnError::Intake(
                crate::intake::IntakeError::Overloaded(_) | crate::intake::IntakeError::SealingBusy,
            ) => AppError::Busy,
            other => AppError::internal(other),
        }
    }
}

impl AppError {
    /// Logs `cause` (which must not contain request data) and returns an opaque 500.
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        let incident = crate::crypto::random::token_hex()
            .map(|t| t.chars().take(12).collect())
            .unwrap_or_else(|_| "unknown".to_owned());
        tracing::error!(incident = %incident, cause = %cause, "internal error");
        AppError::Internal { incident }
    }

    /// The page's title and message in `tr`'s language.
    fn title_and_message(&self, tr: &crate::i18n::Tr) -> (String, String) {
        match self {
            AppError::BadRequest(m) => (tr.t("error-title-unreadable"), tr.t(m)),
            AppError::LoginRequired | AppError::Unauthorized => {
                (tr.t("error-title-login"), tr.t("error-login-message"))
            }
            AppError::Forbidden(m) => (tr.t("error-title-refused"), tr.t(m)),
            AppError::CrossSite => (
                tr.t("error-title-refused"),
                tr.t("error-cross-site-message"),
            ),
            AppError::NotFound => (
                tr.t("error-title-not-found"),
                tr.t("error-not-found-message"),
            ),
            AppError::MethodNotAllowed => (
                tr.t("error-title-not-available"),
                tr.t("error-not-available-message"),
            ),
            AppError::PayloadTooLarge => (
                tr.t("error-title-too-large"),
                tr.t("error-too-large-message"),
            ),
            AppError::RequestTimeout => {
                (tr.t("error-title-timeout"), tr.t("error-timeout-message"))
            }
            AppError::UnsupportedMediaType => (
                tr.t("error-title-unreadable"),
                tr.t("error-unsupported-message"),
            ),
            AppError::Unprocessable(m) => (tr.t("error-title-check"), tr.t(m)),
            AppError::Busy => (tr.t("error-title-busy"), tr.t("error-busy-message")),
            AppError::Internal { incident } => (
                tr.t("error-title-internal"),
                tr.t1("error-internal-message", "incident", incident),
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorView<'a> {
    pub layout: crate::web::layout::Chrome<'a>,
    pub title: String,
    pub message: String,
    /// Staff whose session ended get a way back in, not only the public home page.
    pub login: bool,
}

impl AppError {
    /// The error page in `layout`'s default language, with its status and headers.
    pub fn page(&self, layout: &Layout) -> HttpResponse {
        self.page_in(layout.default_chrome())
    }

    /// The incident id of an internal error, to quote on a page.
    pub fn incident(&self) -> Option<&str> {
        match self {
            AppError::Internal { incident } => Some(incident),
            _ => None,
        }
    }

    /// The error page in `chrome` (the language of the page that failed).
    pub fn page_in(&self, chrome: crate::web::layout::Chrome<'_>) -> HttpResponse {
        let (title, message) = self.title_and_message(&chrome.tr);
        let view = ErrorView {
            layout: chrome,
            title,
            message,
            login: matches!(self, AppError::LoginRequired | AppError::Unauthorized),
        };
        let page = crate::web::layout::page(self.status_code(), &view);
        self.with_headers(page)
    }

    /// The status and headers alone; `web::error_pages` adds the page, in the layout of the
    /// app that answered (actix asks for this without telling which app).
    fn bare(&self) -> HttpResponse {
        self.with_headers(HttpResponse::new(self.status_code()))
    }

    fn with_headers(&self, mut response: HttpResponse) -> HttpResponse {
        if matches!(self, AppError::LoginRequired) {
            response.headers_mut().insert(
                actix_web::http::header::LOCATION,
                actix_web::http::header::HeaderValue::from_static("/review/login"),
            );
        }
        if matches!(self, AppError::Busy) {
            response.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from_static("30"),
            );
        }
        response
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::LoginRequired => StatusCode::SEE_OTHER,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) | AppError::CrossSite => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.bare()
    }
}

/// The JSON form of an error, for `/api/` routes.
pub fn json_error(status: StatusCode, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(serde_json::json!({ "error": message }))
}
