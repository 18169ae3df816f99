//! How a route's resource is built: every method it does not serve answers 405 with our
//! page (or JSON under `/api/`) and an `Allow` header; unknown paths answer 404 the same way.

use actix_web::http::StatusCode;
use actix_web::http::header::{ALLOW, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use super::error::{AppError, json_error};

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

fn is_api(req: &HttpRequest) -> bool {
    req.path().starts_with("/api/")
}

pub(crate) async fn not_found(req: HttpRequest) -> Result<HttpResponse, AppError> {
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
