//! `GET /review/audit` (admin): the log a page at a time, newest first, filtered by action
//! or by staff member, and whether the chain holds.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use askama::Template;
use serde::Deserialize;

use super::extract::Admin;
use super::nav::{Nav, staff_page};
use crate::domain::AuditAction;
use crate::review::{Actor, AuditQuery};
use crate::web::AppState;
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page};

#[derive(Deserialize)]
pub struct AuditParams {
    before: Option<String>,
    after: Option<String>,
    action: Option<String>,
    actor: Option<String>,
    /// A statement's id: only entries about it.
    testimony: Option<String>,
}

pub struct EntryRow {
    seq: i64,
    when: String,
    actor: String,
    action: String,
    /// The detail, without the digest of a list of statements (and cut short if long).
    detail: String,
    /// The entry names more statements than its detail shows: they are a click away.
    listed: bool,
}

/// Whether a detail names a statement itself (a word of 32 hex digits).
fn names_an_id(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.len() == 32 && w.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Longest detail a row of the audit page shows; the entry's own page shows all of it.
const DETAIL_CHARS: usize = 160;

impl EntryRow {
    fn of(e: crate::review::AuditEntry, tr: &crate::i18n::Tr) -> EntryRow {
        // Entries about many statements list them on their own page; an entry about one
        // names it in its text.
        let (text, listed) = match e.detail.split_once("; ids sha256:") {
            Some((text, _)) => (text.to_owned(), !names_an_id(text)),
            None => (e.detail.clone(), false),
        };
        let long = text.chars().count() > DETAIL_CHARS;
        let detail = if long {
            let mut cut: String = text.chars().take(DETAIL_CHARS).collect();
            cut.push('…');
            cut
        } else {
            text
        };
        EntryRow {
            seq: e.seq,
            when: when(tr, &e.at),
            actor: e.actor,
            action: e.action,
            detail,
            listed: listed || long,
        }
    }
}

#[derive(Template)]
#[template(path = "review/audit.html")]
struct AuditView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    entries: Vec<EntryRow>,
    verdict: String,
    head: String,
    /// Groups and single actions a filter can name.
    actions: Vec<&'static str>,
    action: String,
    actor: String,
    testimony: String,
    keep: String,
    older: Option<i64>,
    newer: Option<i64>,
    summary: String,
}

/// The groups (`login`, `staff`…) and then every single action.
fn action_choices() -> Vec<&'static str> {
    let mut groups: Vec<&'static str> = AuditAction::ALL
        .iter()
        .filter_map(|a| a.as_str().split_once('.').map(|(g, _)| g))
        .collect();
    groups.dedup();
    groups.extend(AuditAction::ALL.iter().map(|a| a.as_str()));
    groups.dedup();
    groups
}

/// "1 December 2026, 18:05:07": to the second, as audit entries are kept.
fn when(tr: &crate::i18n::Tr, at: &str) -> String {
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).map_or_else(
        |_| at.to_owned(),
        |t| {
            tr.args(
                "audit-when",
                &[
                    ("date", tr.day(&crate::clock::day_string(t.date()))),
                    (
                        "time",
                        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()),
                    ),
                ],
            )
        },
    )
}

pub async fn show(
    admin: Admin,
    params: Query<AuditParams>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let seq = |v: &Option<String>| -> Result<Option<i64>, AppError> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => s
                .parse::<i64>()
                .map(Some)
                .map_err(|_| AppError::BadRequest("err-page-link")),
        }
    };
    let choices = action_choices();
    let action = match params.action.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(a) => Some(
            choices
                .iter()
                .find(|c| **c == a)
                .map(|c| (*c).to_owned())
                .ok_or(AppError::BadRequest("err-unknown-action"))?,
        ),
    };
    let actor = params
        .actor
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned);
    if actor.as_ref().is_some_and(|a| a.chars().count() > 64) {
        return Err(AppError::BadRequest("err-username-too-long"));
    }
    let testimony = match params.testimony.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => Some(
            crate::domain::TestimonyId::parse_hex(id)
                .ok_or(AppError::BadRequest("err-audit-testimony"))?,
        ),
    };
    let query = AuditQuery {
        before: seq(&params.before)?,
        after: seq(&params.after)?,
        action: action.clone(),
        actor: actor.clone(),
        testimony,
    };
    let (page_of, check) = state.desk.audit_log(Actor::Staff(&admin.0), query).await?;
    let (layout, nav) = staff_page(&state, &admin.0);
    let verdict = match check.verdict {
        Ok(n) => layout.tr.tn("audit-intact", "n", n),
        Err(bad) => layout.tr.args(
            "audit-broken",
            &[
                ("seq", bad.seq.to_string()),
                ("expected", bad.expected_seq.to_string()),
            ],
        ),
    };
    let enc = crate::web::query_value;
    let mut keep = Vec::new();
    if let Some(a) = &action {
        keep.push(format!("action={}", enc(a)));
    }
    if let Some(a) = &actor {
        keep.push(format!("actor={}", enc(a)));
    }
    if let Some(t) = &testimony {
        keep.push(format!("testimony={t}"));
    }
    let summary = match (page_of.entries.first(), page_of.entries.last()) {
        (Some(first), Some(last)) => layout.tr.args(
            "audit-summary",
            &[
                ("first", last.seq.to_string()),
                ("last", first.seq.to_string()),
                ("total", layout.tr.number(page_of.total)),
            ],
        ),
        _ => layout.tr.t("audit-none"),
    };
    let view = AuditView {
        older: page_of
            .entries
            .last()
            .filter(|_| page_of.older)
            .map(|e| e.seq),
        newer: page_of
            .entries
            .first()
            .filter(|_| page_of.newer)
            .map(|e| e.seq),
        entries: page_of
            .entries
            .into_iter()
            .map(|e| EntryRow::of(e, &layout.tr))
            .collect(),
        verdict,
        head: check.head.unwrap_or_default(),
        actions: choices,
        action: action.unwrap_or_default(),
        actor: actor.unwrap_or_default(),
        testimony: testimony.map(|t| t.to_hex()).unwrap_or_default(),
        keep: keep.join("&"),
        summary,
        layout,
        nav,
    };
    Ok(page(StatusCode::OK, &view))
}

#[derive(Template)]
#[template(path = "review/audit_entry.html")]
struct EntryView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    seq: i64,
    when: String,
    actor: String,
    action: String,
    detail: String,
    /// The statements it is about, as ids.
    subjects: Vec<String>,
}

/// `GET /review/audit/{seq}` (admin): one entry in full, with every statement it names.
pub async fn entry(
    admin: Admin,
    seq: actix_web::web::Path<String>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let seq: i64 = seq.parse().map_err(|_| AppError::NotFound)?;
    let (entry, subjects) = state.desk.audit_entry(Actor::Staff(&admin.0), seq).await?;
    let (layout, nav) = staff_page(&state, &admin.0);
    let view = EntryView {
        seq: entry.seq,
        when: when(&layout.tr, &entry.at),
        actor: entry.actor,
        action: entry.action,
        detail: entry.detail,
        subjects: subjects.iter().map(|id| id.to_hex()).collect(),
        layout,
        nav,
    };
    Ok(page(StatusCode::OK, &view))
}
