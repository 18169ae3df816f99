//! Error pages in the running app's own layout. Actix turns an `AppError` into a response
//! without telling it which app answered, so that response carries only the status and
//! headers; this middleware adds the page, with this app's site name and quick-exit target
//! — rendered once, and no process-wide state decides how it looks.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{Error, HttpRequest, HttpResponse};

use super::AppState;
use super::layout::Layout;
use crate::web::error::AppError;

pub async fn in_app_layout(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let res = next.call(req).await?;
    let again = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>())
        .map(|e| page_for(res.request(), e));
    Ok(match again {
        Some(page) => res.into_response(page),
        None => res.map_into_boxed_body(),
    })
}

/// `error`'s page in the layout of the app serving `req`, in the language of its path's
/// prefix (`/es/…`) when that is an enabled language, or on a staff page the language its
/// reader chose.
pub fn page_for(req: &HttpRequest, error: &AppError) -> HttpResponse {
    match req.app_data::<Data<AppState>>() {
        Some(state) => {
            let first = req.path().trim_start_matches('/').split('/').next();
            let prefixed = first
                .and_then(crate::i18n::Language::parse)
                .filter(|l| state.layout.enabled(*l));
            let staff_choice = || {
                let cookie =
                    crate::web::cookies::read(req, &state.config, crate::web::cookies::SESSION)?;
                state.desk.authenticate(&cookie)?.language
            };
            let chosen = match first {
                Some("review") => staff_choice(),
                _ => prefixed,
            };
            match chosen {
                Some(lang) => error.page_in(state.layout.chrome_in(lang, None)),
                None => error.page(&state.layout),
            }
        }
        None => error.page(&Layout::from_config(&crate::config::Config::default())),
    }
}
