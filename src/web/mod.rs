//! The HTTP layer: one route table used by production and tests alike. Handlers parse
//! input into domain types and call services; they never touch SQL or keys.

pub mod cookies;
pub mod form;
pub mod headers;
pub mod layout;
pub mod origin;
pub mod public;
pub mod request_log;
pub mod returning;
pub mod review;
pub mod setup;
pub mod static_files;
pub mod survivor;
pub mod svg;

use std::sync::Arc;

use actix_web::{HttpRequest, HttpResponse, web};

use crate::config::Config;
use crate::error::{AppError, json_error};
use crate::intake::Intake;
use crate::publish::Publisher;
use crate::review::argon_gate::ArgonGate;
use crate::review::sessions::SessionStore;
use crate::store::Store;
use layout::Layout;

/// Route paths, named so tests and templates agree with the table.
pub mod paths {
    pub const HOME: &str = "/";
    pub const SUBMIT: &str = "/submit";
    pub const COUNTS: &str = "/counts";
    pub const API_COUNTS: &str = "/api/v1/counts";
    pub const BADGE: &str = "/badge.svg";
    pub const PLEDGE: &str = "/pledge";
    pub const RESOURCES: &str = "/resources";
    pub const HEALTH: &str = "/healthz";
    pub const SETUP: &str = "/setup/{token}";
    pub const RETURN: &str = "/return";
    pub const FOLLOW_UP: &str = "/return/follow-up";
    pub const WITHDRAW: &str = "/return/withdraw";
    pub const STATIC: &str = "/static/{file}";

    /// Survivor pages and actions, never logged one by one (see `request_log`).
    pub const SURVIVOR_ACTIONS: &[&str] = &[SUBMIT, PLEDGE, RETURN, FOLLOW_UP, WITHDRAW];
}

type IntakeLimiter = governor::RateLimiter<
    governor::state::NotKeyed,
    governor::state::InMemoryState,
    governor::clock::DefaultClock,
>;

/// Everything handlers share.
pub struct AppState {
    pub config: Arc<Config>,
    pub layout: Layout,
    pub store: Store,
    pub intake: Intake,
    pub publisher: Arc<Publisher>,
    pub argon: ArgonGate,
    /// One Argon2 permit kept for browsers that logged in before.
    pub argon_reserved: ArgonGate,
    /// Browsers that logged in before, by account.
    pub devices: crate::review::devices::KnownDevices,
    pub sessions: SessionStore,
    intake_limiter: Option<IntakeLimiter>,
    login_limiter: IntakeLimiter,
}

impl AppState {
    pub fn new(config: Arc<Config>, store: Store, publisher: Arc<Publisher>) -> AppState {
        let intake_limiter = match config.rate_limits {
            crate::config::Toggle::Off => None,
            crate::config::Toggle::On => {
                let per_second = std::num::NonZeroU32::new(config.intake_per_second)
                    .unwrap_or(std::num::NonZeroU32::MIN);
                let burst = std::num::NonZeroU32::new(config.intake_burst)
                    .unwrap_or(std::num::NonZeroU32::MIN);
                Some(governor::RateLimiter::direct(
                    governor::Quota::per_second(per_second).allow_burst(burst),
                ))
            }
        };
        let login_per_second =
            std::num::NonZeroU32::new(config.login_per_second).unwrap_or(std::num::NonZeroU32::MIN);
        let login_burst =
            std::num::NonZeroU32::new(config.login_burst).unwrap_or(std::num::NonZeroU32::MIN);
        AppState {
            sessions: SessionStore::new(
                std::time::Duration::from_secs(config.session_idle_secs),
                std::time::Duration::from_secs(config.session_absolute_secs),
            ),
            login_limiter: governor::RateLimiter::direct(
                governor::Quota::per_second(login_per_second).allow_burst(login_burst),
            ),
            layout: Layout::from_config(&config),
            intake: Intake::new(store.clone(), publisher.clone()),
            argon: ArgonGate::new(config.argon2_concurrency),
            argon_reserved: ArgonGate::new(1),
            devices: crate::review::devices::KnownDevices::new(),
            config,
            store,
            publisher,
            intake_limiter,
        }
    }

    /// True if the site-wide login throttle admits one more attempt now (always on).
    pub fn login_admits(&self) -> bool {
        self.login_limiter.check().is_ok()
    }

    /// True if the site-wide intake throttle admits one more submission now. Generous by
    /// default (a burst of hundreds): it stops floods, never a person.
    pub fn intake_admits(&self) -> bool {
        self.intake_limiter
            .as_ref()
            .is_none_or(|l| l.check().is_ok())
    }
}

/// A resource whose unused methods answer 405 with our page and an `Allow` header.
pub(crate) fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(move |req: HttpRequest| {
        method_not_allowed(req, allow)
    }))
}

/// GET (and HEAD, which actix answers without a body) only.
pub(crate) fn get<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    resource(path, "GET, HEAD").route(get_or_head().to(handler))
}

/// POST only.
pub(crate) fn post<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    resource(path, "POST").route(web::post().to(handler))
}

/// A page with a form: GET (and HEAD) shows it, POST sends it.
pub(crate) fn get_post<G, GA, P, PA>(path: &str, show: G, send: P) -> actix_web::Resource
where
    G: actix_web::Handler<GA>,
    GA: actix_web::FromRequest + 'static,
    G::Output: actix_web::Responder + 'static,
    P: actix_web::Handler<PA>,
    PA: actix_web::FromRequest + 'static,
    P::Output: actix_web::Responder + 'static,
{
    resource(path, "GET, HEAD, POST")
        .route(get_or_head().to(show))
        .route(web::post().to(send))
}

fn get_or_head() -> actix_web::Route {
    web::route().guard(actix_web::guard::Any(actix_web::guard::Get()).or(actix_web::guard::Head()))
}

/// The route table.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get(paths::HOME, survivor::landing))
        .service(get_post(paths::SUBMIT, survivor::form, survivor::submit))
        .service(get(paths::COUNTS, public::counts_page))
        .service(get(paths::API_COUNTS, public::counts_json))
        .service(get(paths::BADGE, public::badge))
        .service(get_post(paths::PLEDGE, public::pledge_form, public::pledge))
        .service(get(paths::RESOURCES, public::resources))
        .service(get(paths::HEALTH, public::health))
        .service(get_post(paths::SETUP, setup::form, setup::submit))
        .service(get_post(paths::RETURN, returning::form, returning::view))
        .service(post(paths::FOLLOW_UP, returning::follow_up))
        .service(post(paths::WITHDRAW, returning::withdraw))
        .service(get(paths::STATIC, static_files::serve))
        .configure(review::configure)
        .default_service(web::to(not_found));
}

/// Where people reach us, for links we show: the public URL, or the host this request used.
pub fn public_base(req: &HttpRequest, config: &Config) -> String {
    match config.public_url.as_deref() {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        }
    }
}

fn is_api(req: &HttpRequest) -> bool {
    req.path().starts_with("/api/")
}

async fn not_found(req: HttpRequest) -> Result<HttpResponse, AppError> {
    if is_api(&req) {
        return Ok(json_error(
            actix_web::http::StatusCode::NOT_FOUND,
            "not found",
        ));
    }
    Err(AppError::NotFound)
}

async fn method_not_allowed(req: HttpRequest, allow: &'static str) -> HttpResponse {
    let mut response = if is_api(&req) {
        json_error(
            actix_web::http::StatusCode::METHOD_NOT_ALLOWED,
            "method not allowed",
        )
    } else {
        actix_web::ResponseError::error_response(&AppError::MethodNotAllowed)
    };
    response.headers_mut().insert(
        actix_web::http::header::ALLOW,
        actix_web::http::header::HeaderValue::from_static(allow),
    );
    response
}
