//! Leaving and staying safe on this device. "Leave this site" goes to `GET /leave`, a bare
//! page that moves on at once (a meta refresh, so no script is needed) to `GET /leave/go`,
//! which answers `Clear-Site-Data: "cache"` and a 303 to the neutral site. The hop is what
//! makes it work: a browser files the page being left in its back/forward cache only when
//! the next page commits, so the clearing must come in a later response — then it evicts
//! this site's pages (measured in Chromium: evicted, "CacheFlushed"; with the header on the
//! first response, the page stayed and Back restored it), and Back after leaving shows no
//! story and no receipt code, and re-sends nothing. `/safety` says what that can and cannot
//! erase, and how to stay safe on a shared or watched device.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use actix_web::web::Data;
use askama::Template;

use super::AppState;
use super::language::{Lang, Localized};
use super::layout::{Chrome, page};

/// The first step out: nothing on it but the way on.
pub async fn leave() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .body(
            "<!doctype html><html><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"refresh\" content=\"0;url=/leave/go\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>\u{2026}</title></head><body><p><a href=\"/leave/go\">\u{2192}</a></p></body></html>",
        )
}

/// The second step: the browser drops this site's pages, and goes to the neutral site.
pub async fn leave_go(state: Data<AppState>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, state.config.quick_exit_url.as_str()))
        .insert_header(("Clear-Site-Data", "\"cache\""))
        .finish()
}

#[derive(Template)]
#[template(path = "survivor/safety.html")]
struct SafetyView<'a> {
    layout: Chrome<'a>,
}

pub async fn safety(lang: Lang, state: Data<AppState>) -> HttpResponse {
    let state = Localized::new(state, lang);
    page(
        StatusCode::OK,
        &SafetyView {
            layout: state.chrome("/safety"),
        },
    )
}
