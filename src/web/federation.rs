//! `/federation` (and `/LANG/federation`): the members' verified figures and their sum;
//! `/api/v1/federation` the same as JSON; `/federation.png` the picture a shared link shows;
//! `/federation/badge.svg` the sum for other sites.
//! All read the view the federation's last round left: nothing here waits on a member.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::AppState;
use super::language::{Lang, Localized};
use super::layout::{Chrome, page};
use crate::federation::view::{MemberView, State};
use crate::web::error::{AppError, json_error};

/// How long a shared copy of these pages may be kept: the figures move at most once a
/// round.
const CACHE: &str = "public, max-age=60";

struct Row {
    name: String,
    url: String,
    statements: String,
    pledges: String,
    published: String,
    state_key: &'static str,
    state: String,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "public/federation.html")]
struct FederationPage<'a> {
    layout: Chrome<'a>,
    total: String,
    summed: u64,
    left_out: u64,
    below_min: u64,
    checked: Option<String>,
    /// How many witnesses must have cosigned each member's log (0: none).
    quorum: u64,
    members: Vec<Row>,
    page_url: String,
    share_title: String,
    share_description: String,
    /// Where people reach this site, for the embed snippet.
    base: String,
}

fn state_key(state: State) -> &'static str {
    match state {
        State::Waiting => "waiting",
        State::Ok => "ok",
        State::Stale => "stale",
        State::Unreachable => "unreachable",
        State::Failed => "failed",
    }
}

fn row(state: &Localized, m: &MemberView) -> Row {
    let stale_days = state.app.config.federation_stale_days;
    let key = state_key(m.state);
    let figure = |n: Option<u64>| match (m.seq, n) {
        (None, _) => "—".to_owned(),
        (Some(_), n) => state.tr.shown(n, m.min_cell.unwrap_or(0)),
    };
    Row {
        name: m.name.clone(),
        url: m.url.clone(),
        statements: figure(m.statements),
        pledges: figure(m.pledges),
        published: m
            .published_at
            .as_deref()
            .map_or_else(|| state.tr.t("federation-never"), |t| state.tr.instant(t)),
        state_key: key,
        state: state.tr.t(&format!("federation-state-{key}")),
        // The number of days as a number, so each language picks its plural form.
        reason: m.reason.map(|r| {
            state.tr.tn(
                &format!("federation-reason-{}", r.key()),
                "days",
                u64::from(stale_days),
            )
        }),
    }
}

pub async fn page_view(
    req: HttpRequest,
    lang: Lang,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if !state.federation.is_on() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    let view = state.app.federation.view();
    let base = super::public_base(&req, &state.app.config);
    let total = state.tr.number(view.sum.statements);
    let page_view = FederationPage {
        layout: state.chrome("/federation"),
        summed: view.sum.members_summed as u64,
        left_out: view.sum.members_left_out as u64,
        below_min: view.sum.members_below_min_cell as u64,
        checked: view.checked_at.as_deref().map(|t| state.tr.instant(t)),
        quorum: state.app.config.witness_quorum as u64,
        members: view.members.iter().map(|m| row(&state, m)).collect(),
        page_url: format!("{base}{}/federation", state.chrome("/").prefix),
        base: base.clone(),
        share_title: state.tr.args(
            "share-title",
            &[
                ("title", state.tr.t("federation-title")),
                ("total", total.clone()),
            ],
        ),
        share_description: state.tr.t("federation-share-description"),
        total,
    };
    let mut res = page(StatusCode::OK, &page_view);
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    Ok(res)
}

/// `GET /api/v1/federation`.
pub async fn json(state: Data<AppState>) -> HttpResponse {
    if !state.federation.is_on() {
        return json_error(StatusCode::NOT_FOUND, "this site follows no federation");
    }
    let mut res = HttpResponse::Ok().json(state.federation.view());
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    res
}

/// `GET /federation/badge.svg` (and `/LANG/…`): the sum, for other sites to embed.
pub async fn badge(lang: Lang, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    if !state.federation.is_on() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    let total = state.tr.number(state.app.federation.view().sum.statements);
    let body = super::svg::badge(&state.tr.t("badge-label"), &total);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "image/svg+xml"))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(CACHE)))
        .insert_header((
            header::HeaderName::from_static(super::headers::CROSS_ORIGIN_MARK),
            HeaderValue::from_static("1"),
        ))
        .body(body))
}

/// `GET /federation.png` (and `/LANG/federation.png`): the sum as a link-preview card.
pub async fn card(lang: Lang, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    if !state.federation.is_on() {
        return Err(AppError::NotFound);
    }
    let state = Localized::new(state, lang);
    let view = state.app.federation.view();
    let total = state.tr.number(view.sum.statements);
    // Drawn again when the sum changes, not at every member's check.
    let key = format!("{} {}", view.sum.statements, view.sum.members_summed);
    let cards = &state.app.federation_cards;
    let when = view.checked_at.as_deref();
    let site = state.chrome_staying().site_name;
    let caption = super::card::Caption {
        tr: &state.tr,
        site: &site,
    };
    match super::card::response(cards, &key, caption, &total, "federation-title", when) {
        Some(mut res) => {
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
            Ok(res)
        }
        None => Err(AppError::internal("the federation card could not be drawn")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::federation::view::Reason;
    use crate::web::layout::tests::missing_in_some_catalogue;

    #[test]
    fn every_state_and_reason_has_its_message() {
        let keys = State::ALL
            .iter()
            .map(|s| format!("federation-state-{}", state_key(*s)))
            .chain(
                Reason::ALL
                    .iter()
                    .map(|r| format!("federation-reason-{}", r.key())),
            );
        let missing = missing_in_some_catalogue(keys);
        assert!(missing.is_empty(), "{missing:?}");
    }
}
