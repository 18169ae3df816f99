//! What every page shares: the site name and the quick-exit target, and rendering a view
//! with a status.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use askama::Template;

use crate::config::Config;

#[derive(Clone, Debug)]
pub struct Layout {
    pub site_name: String,
    pub quick_exit_url: String,
    /// The operator's "About this campaign" text, if any.
    pub about: Option<String>,
    /// How long statements are kept, in words.
    pub kept_for: String,
}

impl Layout {
    pub fn from_config(config: &Config) -> Layout {
        Layout {
            site_name: config.site_name.clone(),
            quick_exit_url: config.quick_exit_url.clone(),
            about: config.about.clone().filter(|a| !a.trim().is_empty()),
            kept_for: match config.retention_days {
                0 => "Statements are kept until the team deletes them.".to_owned(),
                1 => "Statements are deleted after 1 day.".to_owned(),
                n => format!("Statements are deleted after {n} days."),
            },
        }
    }
}

/// Like [`page`], with the HTML padded by trailing white space to a multiple of `block`
/// bytes: pages whose length would tell a network observer what someone chose (a bare
/// "me too", a story, a receipt code) all weigh the same.
pub fn padded_page(status: StatusCode, view: &impl Template, block: usize) -> HttpResponse {
    match view.render() {
        Ok(mut html) => {
            let block = block.max(1);
            let target = html.len().div_ceil(block) * block;
            html.extend(std::iter::repeat_n(' ', target - html.len()));
            HttpResponse::build(status)
                .insert_header((
                    CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ))
                .body(html)
        }
        Err(_) => page(status, view),
    }
}

/// 303 to `location` (after a POST).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.to_owned()))
        .finish()
}

/// Renders `view` as an HTML response with `status`. A template that fails to render (a
/// bug, not input) gives a plain 500.
pub fn page(status: StatusCode, view: &impl Template) -> HttpResponse {
    match view.render() {
        Ok(html) => HttpResponse::build(status)
            .insert_header((
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ))
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            HttpResponse::InternalServerError()
                .insert_header((
                    CONTENT_TYPE,
                    HeaderValue::from_static("text/plain; charset=utf-8"),
                ))
                .body("Something went wrong. Nothing you sent was stored.")
        }
    }
}
