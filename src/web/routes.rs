//! The route table, used by production and tests alike, and the helpers that build its
//! resources so every unused method answers 405 with our page and an `Allow` header.

use actix_web::http::StatusCode;
use actix_web::http::header::{ALLOW, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use super::{federation, public, returning, review, safety, setup, signed, static_files, survivor};
use crate::config::Config;
use crate::web::error::{AppError, json_error};

/// Route paths, named so tests and templates agree with the table.
pub mod paths {
    pub const HOME: &str = "/";
    pub const SUBMIT: &str = "/submit";
    pub const COUNTS: &str = "/counts";
    pub const API_COUNTS: &str = "/api/v1/counts";
    pub const COUNTS_CARD: &str = "/counts.png";
    pub const BADGE: &str = "/badge.svg";
    pub const API_COUNTS_SIGNED: &str = "/api/v1/counts.signed";
    pub const API_HISTORY: &str = "/api/v1/counts/history";
    pub const API_HISTORY_ONE: &str = "/api/v1/counts/history/{seq}";
    pub const FEDERATION: &str = "/federation";
    pub const FEDERATION_CARD: &str = "/federation.png";
    pub const FEDERATION_BADGE: &str = "/federation/badge.svg";
    pub const API_FEDERATION: &str = "/api/v1/federation";
    pub const PLEDGE: &str = "/pledge";
    pub const RESOURCES: &str = "/resources";
    pub const HEALTH: &str = "/healthz";
    pub const LEAVE: &str = "/leave";
    pub const LEAVE_GO: &str = "/leave/go";
    pub const SAFETY: &str = "/safety";
    pub const SETUP: &str = "/setup/{token}";
    pub const RETURN: &str = "/return";
    pub const FOLLOW_UP: &str = "/return/follow-up";
    pub const WITHDRAW: &str = "/return/withdraw";
    pub const STATIC: &str = "/static/{file}";

    /// The survivor's pages in another language than the default: `/es/submit`…
    pub const L_HOME: &str = "/{lang:en|es|fr|ar}";
    pub const L_HOME_SLASH: &str = "/{lang:en|es|fr|ar}/";
    pub const L_SUBMIT: &str = "/{lang:en|es|fr|ar}/submit";
    pub const L_RETURN: &str = "/{lang:en|es|fr|ar}/return";
    pub const L_FOLLOW_UP: &str = "/{lang:en|es|fr|ar}/return/follow-up";
    pub const L_WITHDRAW: &str = "/{lang:en|es|fr|ar}/return/withdraw";
    pub const L_COUNTS: &str = "/{lang:en|es|fr|ar}/counts";
    pub const L_PLEDGE: &str = "/{lang:en|es|fr|ar}/pledge";
    pub const L_RESOURCES: &str = "/{lang:en|es|fr|ar}/resources";
    pub const L_SAFETY: &str = "/{lang:en|es|fr|ar}/safety";
    pub const L_COUNTS_CARD: &str = "/{lang:en|es|fr|ar}/counts.png";
    pub const L_BADGE: &str = "/{lang:en|es|fr|ar}/badge.svg";
    pub const L_FEDERATION: &str = "/{lang:en|es|fr|ar}/federation";
    pub const L_FEDERATION_CARD: &str = "/{lang:en|es|fr|ar}/federation.png";
    pub const L_FEDERATION_BADGE: &str = "/{lang:en|es|fr|ar}/federation/badge.svg";

    /// Survivor pages and actions, never logged one by one (see `request_log`).
    pub const SURVIVOR_ACTIONS: &[&str] = &[
        SUBMIT,
        PLEDGE,
        RETURN,
        FOLLOW_UP,
        WITHDRAW,
        L_SUBMIT,
        L_RETURN,
        L_FOLLOW_UP,
        L_WITHDRAW,
        L_PLEDGE,
    ];
}

/// The route table.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get(paths::HOME, survivor::landing))
        .service(get_post(paths::SUBMIT, survivor::form, survivor::submit))
        .service(get(paths::COUNTS, public::counts_page))
        .service(get(paths::API_COUNTS, public::counts_json))
        .service(get(paths::COUNTS_CARD, public::counts_card))
        .service(get(paths::BADGE, public::badge))
        .service(get(paths::API_COUNTS_SIGNED, signed::latest))
        .service(get(paths::API_HISTORY, signed::history))
        .service(get(paths::API_HISTORY_ONE, signed::one))
        .service(get(paths::FEDERATION, federation::page_view))
        .service(get(paths::FEDERATION_CARD, federation::card))
        .service(get(paths::FEDERATION_BADGE, federation::badge))
        .service(get(paths::API_FEDERATION, federation::json))
        .service(get_post(paths::PLEDGE, public::pledge_form, public::pledge))
        .service(get(paths::RESOURCES, public::resources))
        .service(get(paths::HEALTH, public::health))
        .service(get(paths::LEAVE, safety::leave))
        .service(get(paths::LEAVE_GO, safety::leave_go))
        .service(get(paths::SAFETY, safety::safety))
        .service(get(paths::L_SAFETY, safety::safety))
        .service(get_post(paths::SETUP, setup::form, setup::submit))
        .service(get_post(paths::RETURN, returning::form, returning::view))
        .service(post(paths::FOLLOW_UP, returning::follow_up))
        .service(post(paths::WITHDRAW, returning::withdraw))
        .service(get(paths::STATIC, static_files::serve))
        .service(get(paths::L_HOME, survivor::landing))
        .service(get(paths::L_HOME_SLASH, survivor::landing))
        .service(get_post(paths::L_SUBMIT, survivor::form, survivor::submit))
        .service(get_post(paths::L_RETURN, returning::form, returning::view))
        .service(post(paths::L_FOLLOW_UP, returning::follow_up))
        .service(post(paths::L_WITHDRAW, returning::withdraw))
        .service(get(paths::L_COUNTS, public::counts_page))
        .service(get_post(
            paths::L_PLEDGE,
            public::pledge_form,
            public::pledge,
        ))
        .service(get(paths::L_RESOURCES, public::resources))
        .service(get(paths::L_COUNTS_CARD, public::counts_card))
        .service(get(paths::L_BADGE, public::badge))
        .service(get(paths::L_FEDERATION, federation::page_view))
        .service(get(paths::L_FEDERATION_CARD, federation::card))
        .service(get(paths::L_FEDERATION_BADGE, federation::badge))
        .configure(review::routes::configure)
        .default_service(web::to(not_found));
}

/// A resource whose unused methods answer 405 with our page and an `Allow` header naming
/// `methods` (GET implies HEAD).
pub(crate) fn resource(path: &str, methods: &[&str]) -> actix_web::Resource {
    let allow = methods
        .iter()
        .flat_map(|m| {
            if *m == "GET" {
                vec!["GET", "HEAD"]
            } else {
                vec![*m]
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    web::resource(path).default_service(web::to(move |req: HttpRequest| {
        method_not_allowed(req, allow.clone())
    }))
}

/// GET (and HEAD, which actix answers without a body) only.
pub(crate) fn get<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    resource(path, &["GET"]).route(get_or_head().to(handler))
}

/// POST only.
pub(crate) fn post<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    resource(path, &["POST"]).route(web::post().to(handler))
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
    resource(path, &["GET", "POST"])
        .route(get_or_head().to(show))
        .route(web::post().to(send))
}

/// GET or HEAD.
pub(crate) fn get_or_head() -> actix_web::Route {
    web::route().guard(actix_web::guard::Any(actix_web::guard::Get()).or(actix_web::guard::Head()))
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
        return Ok(json_error(StatusCode::NOT_FOUND, "not found"));
    }
    Err(AppError::NotFound)
}

/// Whether the path starts with a language this deployment does not offer (`/fr/…` when
/// only English is on): such a page does not exist, whatever the method.
fn in_disabled_language(req: &HttpRequest) -> bool {
    let state = req.app_data::<web::Data<super::AppState>>();
    let first = req.path().trim_start_matches('/').split('/').next();
    match (state, first.and_then(crate::i18n::Language::parse)) {
        (Some(state), Some(lang)) => !state.layout.enabled(lang),
        _ => false,
    }
}

async fn method_not_allowed(req: HttpRequest, allow: String) -> HttpResponse {
    if in_disabled_language(&req) {
        return super::error_pages::page_for(&req, &AppError::NotFound);
    }
    let mut response = if is_api(&req) {
        json_error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed")
    } else {
        super::error_pages::page_for(&req, &AppError::MethodNotAllowed)
    };
    if let Ok(value) = HeaderValue::from_str(&allow) {
        response.headers_mut().insert(ALLOW, value);
    }
    response
}
