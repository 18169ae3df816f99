//! `GET /review/audit` (admin): the latest entries and whether the chain holds.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;

use super::extract::Admin;
use super::nav::Nav;
use crate::error::AppError;
use crate::review::Actor;
use crate::review::AuditEntry;
use crate::web::AppState;
use crate::web::layout::{Layout, page};

#[derive(Template)]
#[template(path = "review/audit.html")]
struct AuditView<'a> {
    layout: &'a Layout,
    nav: Nav,
    entries: Vec<AuditEntry>,
    verdict: String,
}

pub async fn show(admin: Admin, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    let (entries, check) = state.desk.audit_log(Actor::Staff(&admin.0)).await?;
    let verdict = match check.verdict {
        Ok(n) => format!("The chain of all {n} entries is intact."),
        Err(bad) => format!(
            "The chain is BROKEN at entry {} (expected entry {}).",
            bad.seq, bad.expected_seq
        ),
    };
    Ok(page(
        StatusCode::OK,
        &AuditView {
            layout: &state.layout,
            nav: Nav::of(&admin.0),
            entries,
            verdict,
        },
    ))
}
