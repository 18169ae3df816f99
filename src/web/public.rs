//! What anyone can see: the counts (page, JSON, badge), pledges, help, health.
//! The three count views serve the one stored snapshot, cacheable by its id (ETag), so a
//! viral spike costs no database work.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::layout::{Chrome, page};
use super::phone::{ContactPart, contact_parts};
use super::{AppState, form, origin, svg};
use crate::config::{Choice, Resource};
use crate::error::AppError;
use crate::intake::IntakeError;
use crate::publish::Snapshot;

const PUBLIC_CACHE: &str = "public, max-age=300";

fn etag(snapshot: &Snapshot) -> String {
    format!("\"{}\"", snapshot.id)
}

/// 304 when the client already has this snapshot.
fn not_modified(req: &HttpRequest, snapshot: &Snapshot) -> Option<HttpResponse> {
    let tag = etag(snapshot);
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    matches.then(|| {
        HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .insert_header((header::CACHE_CONTROL, PUBLIC_CACHE))
            .finish()
    })
}

fn cacheable(mut response: HttpResponse, snapshot: &Snapshot) -> HttpResponse {
    let headers = response.headers_mut();
    if let Ok(tag) = HeaderValue::from_str(&etag(snapshot)) {
        headers.insert(header::ETAG, tag);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(PUBLIC_CACHE),
    );
    response
}

/// One row of the text equivalent of the chart.
pub struct WeekRow {
    pub week: String,
    pub count: String,
}

#[derive(Template)]
#[template(path = "public/counts.html")]
struct CountsView<'a> {
    layout: Chrome<'a>,
    total: String,
    published: Option<String>,
    min_cell: u64,
    categories: Vec<(String, String)>,
    weeks: Vec<WeekRow>,
    chart_svg: String,
    pledges: String,
    base: String,
    /// How large the noise is, when figures carry it.
    noise: Option<NoiseNote>,
    reviewed_only: bool,
}

/// The noise on the published figures, in words: 95 % margins and the budget.
struct NoiseNote {
    epsilon: String,
    total: String,
    week: String,
    /// None until the categories have been released once.
    category: Option<String>,
}

/// "1,230", or "fewer than 10" for a hidden cell.
pub fn shown(count: Option<u64>, min_cell: u64) -> String {
    match count {
        Some(n) => group_thousands(n),
        None => format!("fewer than {min_cell}"),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn label_for(key: &str, list: &[Choice]) -> String {
    list.iter()
        .find(|c| c.key == key)
        .map(|c| c.label.clone())
        .unwrap_or_else(|| key.to_owned())
}

pub async fn counts_page(req: HttpRequest, state: Data<AppState>) -> HttpResponse {
    let base = super::public_base(&req, &state.config);
    let snapshot = state.publisher.latest();
    if let Some(res) = not_modified(&req, &snapshot) {
        return res;
    }
    let c = &snapshot.counts;
    let view = CountsView {
        layout: state.layout.chrome(),
        total: shown(c.statements.total, c.min_cell),
        published: c.published_at.as_deref().map(human_time),
        min_cell: c.min_cell,
        categories: c
            .statements
            .by_category
            .iter()
            .map(|(k, v)| {
                (
                    label_for(k, &state.config.categories),
                    shown(*v, c.min_cell),
                )
            })
            .collect(),
        weeks: c
            .statements
            .by_week
            .iter()
            .rev()
            .map(|(w, v)| WeekRow {
                week: w.clone(),
                count: shown(*v, c.min_cell),
            })
            .collect(),
        chart_svg: svg::weekly_chart(&c.statements.by_week, c.min_cell),
        pledges: shown(c.pledges.total, c.min_cell),
        base,
        noise: c.privacy.error_95.as_ref().map(|m| NoiseNote {
            epsilon: format!("{}", c.privacy.epsilon),
            total: group_thousands(m.total),
            week: group_thousands(m.by_week),
            category: (m.by_category > 0).then(|| group_thousands(m.by_category)),
        }),
        reviewed_only: state.config.count_policy == crate::config::CountPolicy::Reviewed,
    };
    cacheable(page(StatusCode::OK, &view), &snapshot)
}

/// "2026-11-28T00:00:00Z" → "28 November 2026, 00:00 UTC".
fn human_time(rfc3339: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(rfc3339, &Rfc3339)
        .map_or_else(|_| rfc3339.to_owned(), crate::clock::human_instant)
}

pub async fn counts_json(req: HttpRequest, state: Data<AppState>) -> HttpResponse {
    let snapshot = state.publisher.latest();
    if let Some(res) = not_modified(&req, &snapshot) {
        return res;
    }
    let response = HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .body(snapshot.json.clone());
    cacheable(response, &snapshot)
}

pub async fn badge(req: HttpRequest, state: Data<AppState>) -> HttpResponse {
    let snapshot = state.publisher.latest();
    let mut response = match not_modified(&req, &snapshot) {
        Some(res) => res,
        None => {
            let c = &snapshot.counts;
            let body = svg::badge("me too", &shown(c.statements.total, c.min_cell));
            cacheable(
                HttpResponse::Ok()
                    .insert_header((header::CONTENT_TYPE, "image/svg+xml"))
                    .body(body),
                &snapshot,
            )
        }
    };
    response.headers_mut().insert(
        header::HeaderName::from_static(super::headers::CROSS_ORIGIN_MARK),
        HeaderValue::from_static("1"),
    );
    response
}

#[derive(Template)]
#[template(path = "public/pledge.html")]
struct PledgeView<'a> {
    layout: Chrome<'a>,
    pledges: &'a [Choice],
    error: Option<&'a str>,
    total: String,
}

#[derive(Template)]
#[template(path = "public/pledged.html")]
struct PledgedView<'a> {
    layout: Chrome<'a>,
    pledge: Option<String>,
}

fn pledge_page(state: &AppState, status: StatusCode, error: Option<&str>) -> HttpResponse {
    let c = &state.publisher.latest().counts;
    page(
        status,
        &PledgeView {
            layout: state.layout.chrome(),
            pledges: &state.config.pledges,
            error,
            total: shown(c.pledges.total, c.min_cell),
        },
    )
}

pub async fn pledge_form(state: Data<AppState>) -> HttpResponse {
    pledge_page(&state, StatusCode::OK, None)
}

pub async fn pledge(
    req: HttpRequest,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = form::read(&req, body).await?;
    if origin::is_cross_site(&req, &state.config) {
        return Ok(pledge_page(
            &state,
            StatusCode::FORBIDDEN,
            Some(origin::REFUSED_FORM_KEPT),
        ));
    }
    let mut key = None;
    for (name, value) in &pairs.0 {
        if name != "pledge" || key.is_some() {
            return Ok(pledge_page(
                &state,
                StatusCode::BAD_REQUEST,
                Some(
                    "The form was sent with a field it does not have. Please use the buttons on this page.",
                ),
            ));
        }
        key = Some(value.clone());
    }
    let key = key.unwrap_or_default();
    if !key.is_empty() && !state.config.pledges.iter().any(|p| p.key == key) {
        return Ok(pledge_page(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("That pledge is not one of the choices here. Please pick one of the buttons."),
        ));
    }
    if let Err(wait) = state.network_admits(&req) {
        let message = super::survivor::network_busy(wait);
        return Ok(super::survivor::retry_after(
            pledge_page(&state, StatusCode::TOO_MANY_REQUESTS, Some(&message)),
            wait,
        ));
    }
    if !state.intake_admits() {
        return Ok(pledge_page(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            Some("Very many people are pledging right now. Please try again in a minute."),
        ));
    }
    let label = (!key.is_empty()).then(|| label_for(&key, &state.config.pledges));
    match state.intake.pledge(key).await {
        Ok(()) => Ok(page(
            StatusCode::OK,
            &PledgedView {
                layout: state.layout.chrome(),
                pledge: label,
            },
        )),
        Err(IntakeError::StorageFull) => Ok(pledge_page(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            Some(
                "This site cannot store anything new right now: its storage is nearly full. Please try again later.",
            ),
        )),
        Err(IntakeError::Overloaded(_)) => Ok(pledge_page(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            Some("Very many people are pledging right now. Please try again in a minute."),
        )),
        Err(e) => Err(AppError::internal(e)),
    }
}

#[derive(Template)]
#[template(path = "public/resources.html")]
struct ResourcesView<'a> {
    layout: Chrome<'a>,
    resources: Vec<ResourceRow<'a>>,
}

struct ResourceRow<'a> {
    resource: &'a Resource,
    contact: Vec<ContactPart>,
}

pub async fn resources(state: Data<AppState>) -> HttpResponse {
    let resources = state
        .config
        .resources
        .iter()
        .map(|resource| ResourceRow {
            resource,
            contact: resource
                .contact
                .as_deref()
                .map(contact_parts)
                .unwrap_or_default(),
        })
        .collect();
    page(
        StatusCode::OK,
        &ResourcesView {
            layout: state.layout.chrome(),
            resources,
        },
    )
}

pub async fn health() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body("ok")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_small_ones_hidden() {
        assert_eq!(shown(Some(1_234_560), 10), "1,234,560");
        assert_eq!(shown(Some(100), 10), "100");
        assert_eq!(shown(None, 10), "fewer than 10");
    }
}
