//! Our own request log: method, route pattern, status and latency. Never the client
//! address, User-Agent, Referer, query string, path parameters or body — actix's default
//! `Logger` format logs the peer address, which would put survivors' IPs in the logs.
//!
//! A log line carries a timestamp, so requests to survivor pages (the form, the return
//! page, posting a testimony, a pledge or a receipt code) are not logged one by one at all
//! unless the server failed them: the log must not become a diary of when people spoke up.

use std::time::Instant;

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;

use crate::tally::REFUSED;

pub async fn log_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let res = next.call(req).await?;
    // The pattern (`/setup/{token}`), never the concrete path, which may hold a token.
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "(unmatched)".to_owned());
    let survivor_action = crate::web::paths::SURVIVOR_ACTIONS.contains(&route.as_str());
    // Refusals (busy, throttled, disk nearly full) come in floods: one line a minute with
    // their number, never a timestamped line per survivor who was turned away. (Counted
    // first: a 429 is not a server error, and must still be counted.)
    let refused = matches!(
        res.status(),
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::TOO_MANY_REQUESTS
    );
    if survivor_action && refused {
        REFUSED.note();
        return Ok(res);
    }
    // Any other request to a survivor page (the form, the return page, their posts) stays
    // out of the log unless the server failed it.
    if survivor_action && !res.status().is_server_error() {
        return Ok(res);
    }
    tracing::info!(
        method = %method,
        route = %route,
        status = res.status().as_u16(),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    Ok(res)
}
