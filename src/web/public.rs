//! What anyone can see: the counts (page, JSON, badge), pledges, help, health.
//! The three count views serve the one stored snapshot, cacheable by its id (ETag), so a
//! viral spike costs no database work.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::language::{Lang, Localized};
use super::layout::{Chrome, page};
use super::phone::{ContactPart, contact_parts};
use super::refusal::Refusal;
use super::{AppState, form, origin, svg};
use crate::config::Resource;
use crate::intake::IntakeError;
use crate::publish::Snapshot;
use crate::web::error::AppError;

const PUBLIC_CACHE: &str = "public, max-age=300";

fn etag(snapshot: &Snapshot) -> String {
    format!("\"{}\"", snapshot.id)
}

/// 304 when the client already has this snapshot.
pub(super) fn not_modified(req: &HttpRequest, snapshot: &Snapshot) -> Option<HttpResponse> {
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

pub(super) fn cacheable(mut response: HttpResponse, snapshot: &Snapshot) -> HttpResponse {
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
    /// The first published week's Monday, in words ("what a count is").
    since: Option<String>,
    /// This page's absolute address, for link previews (`og:url`).
    page_url: String,
    share_title: String,
    share_description: String,
    /// The publication key (hex) and its fingerprint, once a snapshot has been signed.
    publication_key: Option<(String, String)>,
    /// When the next figures come: (RFC 3339, in words).
    next: Option<(String, String)>,
}

/// The noise on the published figures, in words: 95 % margins and the budget.
struct NoiseNote {
    epsilon: String,
    total: String,
    week: String,
    /// None until the categories have been released once.
    category: Option<String>,
}

pub async fn counts_page(req: HttpRequest, lang: Lang, state: Data<AppState>) -> HttpResponse {
    let state = Localized::new(state, lang);
    let base = super::public_base(&req, &state.app.config);
    let snapshot = state.app.publisher.latest();
    if let Some(res) = not_modified(&req, &snapshot) {
        return res;
    }
    let c = &snapshot.counts;
    let shown = |v: Option<u64>| state.tr.shown(v, c.min_cell);
    let view = CountsView {
        layout: state.chrome("/counts"),
        total: shown(c.statements.total),
        published: c.published_at.as_deref().map(|t| state.tr.instant(t)),
        min_cell: c.min_cell,
        // In the order the operator configured, not by key.
        categories: state
            .app
            .config
            .categories
            .iter()
            .map(|cat| {
                let count = c.statements.by_category.get(&cat.key).copied().flatten();
                (state.label("category", cat), shown(count))
            })
            .collect(),
        // Oldest first, as the chart reads; each week named by its Monday.
        weeks: c
            .statements
            .by_week
            .iter()
            .map(|(w, v)| WeekRow {
                week: week_monday(w).map_or_else(
                    || w.clone(),
                    |monday| state.tr.t1("counts-week-of", "date", state.tr.day(&monday)),
                ),
                count: shown(*v),
            })
            .collect(),
        since: c
            .statements
            .by_week
            .keys()
            .next()
            .and_then(|w| week_monday(w))
            .map(|monday| state.tr.day(&monday)),
        page_url: format!("{base}{}/counts", state.chrome("/").prefix),
        share_title: state.tr.args(
            "share-title",
            &[
                ("title", state.tr.t("counts-title")),
                ("total", shown(c.statements.total)),
            ],
        ),
        share_description: state.tr.t("counts-share-description"),
        publication_key: snapshot.publication_key.clone(),
        chart_svg: svg::weekly_chart(
            &c.statements.by_week,
            c.min_cell,
            &svg::ChartText {
                title: state.tr.t("counts-chart-title"),
                desc: state.tr.t("counts-chart-desc"),
                empty: state.tr.t("counts-no-weeks"),
                fewer: state.tr.shown(None, c.min_cell),
            },
            &|w| week_monday(w).map_or_else(|| w.to_owned(), |m| state.tr.short_day(&m)),
            state.lang.dir() == "rtl",
        ),
        pledges: shown(c.pledges.total),
        base,
        next: snapshot
            .next_publication_at
            .as_ref()
            .map(|at| (at.clone(), state.tr.instant(at))),
        // No margin sentence before a noised figure exists: "within about ±0" on launch
        // day says nothing true.
        noise: c
            .privacy
            .error_95
            .as_ref()
            .filter(|m| m.total > 0)
            .map(|m| NoiseNote {
                epsilon: format!("{}", c.privacy.epsilon),
                total: state.tr.number(m.total),
                week: state.tr.number(m.by_week),
                category: (m.by_category > 0).then(|| state.tr.number(m.by_category)),
            }),
        reviewed_only: state.app.config.count_policy == crate::config::CountPolicy::Reviewed,
    };
    cacheable(page(StatusCode::OK, &view), &snapshot)
}

/// "2026-W48" → "2026-11-23" (that ISO week's Monday).
fn week_monday(label: &str) -> Option<String> {
    let (year, week) = label.split_once("-W")?;
    let date = time::Date::from_iso_week_date(
        year.parse().ok()?,
        week.parse().ok()?,
        time::Weekday::Monday,
    )
    .ok()?;
    Some(crate::clock::day_string(date))
}

/// `GET /counts.png` (and `/LANG/counts.png`): the current total as a link-preview card.
pub async fn counts_card(req: HttpRequest, lang: Lang, state: Data<AppState>) -> HttpResponse {
    let state = Localized::new(state, lang);
    let snapshot = state.app.publisher.latest();
    if let Some(res) = not_modified(&req, &snapshot) {
        return res;
    }
    let c = &snapshot.counts;
    let total = state.tr.shown(c.statements.total, c.min_cell);
    let when = c.published_at.as_deref();
    let site = state.chrome_staying().site_name;
    match super::card::response(
        &state.app.cards,
        &snapshot.id,
        super::card::Caption {
            tr: &state.tr,
            site: &site,
        },
        &total,
        "counts-title",
        when,
    ) {
        Some(res) => cacheable(res, &snapshot),
        None => HttpResponse::InternalServerError().finish(),
    }
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

/// `/badge.svg`, `/es/badge.svg`…: the total for other sites to show, in the language of
/// its address.
pub async fn badge(req: HttpRequest, lang: Lang, state: Data<AppState>) -> HttpResponse {
    let state = Localized::new(state, lang);
    let snapshot = state.app.publisher.latest();
    let mut response = match not_modified(&req, &snapshot) {
        Some(res) => res,
        None => {
            let c = &snapshot.counts;
            let body = svg::badge(
                &state.tr.t("badge-label"),
                &state.tr.shown(c.statements.total, c.min_cell),
            );
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
    /// (key, label in this language)
    pledges: Vec<(String, String)>,
    error: Option<String>,
    total: String,
}

#[derive(Template)]
#[template(path = "public/pledged.html")]
struct PledgedView<'a> {
    layout: Chrome<'a>,
    pledge: Option<String>,
}

/// The pledge form; `error` is already in the page's language.
fn pledge_page(state: &Localized, status: StatusCode, error: Option<String>) -> HttpResponse {
    let c = &state.app.publisher.latest().counts;
    page(
        status,
        &PledgeView {
            layout: state.chrome("/pledge"),
            pledges: state
                .app
                .config
                .pledges
                .iter()
                .map(|p| (p.key.clone(), state.label("pledge", p)))
                .collect(),
            error,
            total: state.tr.shown(c.pledges.total, c.min_cell),
        },
    )
}

pub async fn pledge_form(lang: Lang, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    if !state.takes_statements() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    Ok(pledge_page(&state, StatusCode::OK, None))
}

pub async fn pledge(
    req: HttpRequest,
    lang: Lang,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if !state.takes_statements() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    let pairs = form::read(&req, body).await?;
    // Every refusal: the form again, with why (and when to try again).
    let refuse = |r: Refusal| Ok(r.pace(pledge_page(&state, r.status, Some(r.message.clone()))));
    if origin::is_cross_site(&req, &state.app.config) {
        return refuse(Refusal::keyed(
            &state,
            StatusCode::FORBIDDEN,
            "pledge-error-cross-site",
        ));
    }
    let mut key = None;
    for (name, value) in &pairs.0 {
        if name != "pledge" || key.is_some() {
            return refuse(Refusal::keyed(
                &state,
                StatusCode::BAD_REQUEST,
                "pledge-error-field",
            ));
        }
        key = Some(value.clone());
    }
    let key = key.unwrap_or_default();
    if !key.is_empty() && !state.app.config.pledges.iter().any(|p| p.key == key) {
        return refuse(Refusal::keyed(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            "pledge-error-unknown",
        ));
    }
    if let Err(wait) = state.app.network_admits(&req) {
        return refuse(Refusal::throttled(&state, "error-network-busy", wait));
    }
    let busy = || Refusal::keyed(&state, StatusCode::SERVICE_UNAVAILABLE, "pledge-error-busy");
    if !state.app.intake_admits() {
        return refuse(busy());
    }
    let label = state
        .app
        .config
        .pledges
        .iter()
        .find(|p| p.key == key)
        .map(|p| state.label("pledge", p));
    match state.app.intake.pledge(key).await {
        Ok(()) => Ok(page(
            StatusCode::OK,
            &PledgedView {
                layout: state.chrome("/pledge"),
                pledge: label,
            },
        )),
        Err(IntakeError::StorageFull) => refuse(Refusal::keyed(
            &state,
            StatusCode::SERVICE_UNAVAILABLE,
            "pledge-error-storage-full",
        )),
        Err(IntakeError::Overloaded(_)) => refuse(busy()),
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
    /// Name and description in this language.
    name: String,
    description: String,
    contact: Vec<ContactPart>,
}

pub async fn resources(lang: Lang, state: Data<AppState>) -> HttpResponse {
    let state = Localized::new(state, lang);
    let resources = state
        .app
        .config
        .resources
        .iter()
        .enumerate()
        .map(|(i, resource)| ResourceRow {
            name: state.resource_text(i, resource, "name", &resource.name),
            description: state.resource_text(i, resource, "description", &resource.description),
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
            layout: state.chrome("/resources"),
            resources,
        },
    )
}

pub async fn health() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body("ok")
}
