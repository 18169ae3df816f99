//! Security headers on every response, actix's own 404/405/413 included: a strict CSP,
//! same-origin referrers, nosniff, COOP/CORP, no caching unless a handler chose to (public
//! counts, badge, static files), and no `Server` or `X-Powered-By`.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;

/// The CSP for every page: nothing from any other origin, no inline script or style.
pub const PAGE_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; \
                            form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/// The badge is an image meant for other sites: it may be embedded anywhere but can do nothing.
pub const BADGE_CSP: &str = "default-src 'none'; sandbox";

/// Marks a response (set by handlers) as embeddable from other origins.
pub const CROSS_ORIGIN_MARK: &str = "x-chorus-cross-origin";

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let hsts = req
        .app_data::<actix_web::web::Data<crate::web::AppState>>()
        .map(|s| {
            s.config
                .public_origin()
                .is_some_and(|o| o.starts_with("https://"))
        })
        .unwrap_or(false);
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    let cross_origin = headers
        .remove(HeaderName::from_static(CROSS_ORIGIN_MARK))
        .next()
        .is_some();
    let set = |headers: &mut header::HeaderMap, name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    if cross_origin {
        set(headers, header::CONTENT_SECURITY_POLICY, BADGE_CSP);
        set(
            headers,
            HeaderName::from_static("cross-origin-resource-policy"),
            "cross-origin",
        );
    } else {
        set(headers, header::CONTENT_SECURITY_POLICY, PAGE_CSP);
        set(
            headers,
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        );
        set(headers, header::X_FRAME_OPTIONS, "DENY");
    }
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if hsts {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000",
        );
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    headers.remove(header::SERVER);
    headers.remove(HeaderName::from_static("x-powered-by"));
    Ok(res)
}
