//! `GET /review`: newest first, paginated by (day, id), filtered by status, day, kind,
//! language, label, assignee, "has a code" and "needs a reply"; compact rows so a laptop
//! screen holds a page's worth, and "select all on this page" that needs no JavaScript (a
//! link that renders the page with every box ticked). Only the rows a page shows are
//! decrypted, so it stays fast on 100,000 testimonies. `POST /review/bulk` applies one
//! action to the ticked rows.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Payload, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::extract::{Staff, read_form};
use super::nav::{Nav, staff_page};
use super::visible::reveal;
use crate::domain::{Label, Role, Status, TestimonyId};
use crate::i18n::Language;
use crate::review::bulk::MAX_BULK;
use crate::review::inbox::{Assigned, Cursor, InboxFilter, MAX_SCAN, Paging};
use crate::review::labels::LabelChange;
use crate::web::AppState;
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page, see_other};

#[derive(Deserialize)]
pub struct InboxQuery {
    status: Option<String>,
    day: Option<String>,
    /// `1`: only testimonies with a written statement.
    text: Option<String>,
    category: Option<String>,
    /// A language code: only testimonies sent from a page in it.
    lang: Option<String>,
    /// `1`: only testimonies whose author kept a receipt code.
    code: Option<String>,
    /// `reply`: only testimonies whose author wrote last, unanswered.
    needs: Option<String>,
    /// `me`, or a staff member's username.
    assigned: Option<String>,
    label: Option<String>,
    /// `all`: every row of the page ticked.
    select: Option<String>,
    /// The page older than this cursor.
    after: Option<String>,
    /// The page newer than this cursor.
    before: Option<String>,
    deleted: Option<String>,
    /// How many testimonies a bulk action just changed.
    changed: Option<usize>,
    /// "Save and next" found no new testimony left.
    done: Option<String>,
}

pub struct Row {
    pub id: String,
    pub day: String,
    pub status: String,
    pub preview: String,
    pub has_statement: bool,
    pub has_receipt: bool,
    /// The kinds ticked, in words.
    pub kinds: String,
    /// (code, native name) of the page language, when known.
    pub language: Option<(&'static str, &'static str)>,
    pub awaiting_reply: bool,
    pub assignee: String,
    /// (text, link) of each label; None when they cannot be opened with these keys.
    pub labels: Option<Vec<(String, String)>>,
}

/// A link in the row of tabs.
pub struct Tab {
    pub href: String,
    pub label: String,
    pub count: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "review/inbox.html")]
struct InboxView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    rows: Vec<Row>,
    tabs: Vec<Tab>,
    /// The filter's query string (`status=…&day=…`), for every link that keeps it.
    keep: String,
    /// `keep` and the page's place, for links back to this very page.
    here: String,
    status: &'static str,
    day: String,
    with_text: bool,
    has_code: bool,
    needs_reply: bool,
    category: String,
    categories: Vec<(String, String)>,
    language: String,
    languages: Vec<(&'static str, &'static str)>,
    assigned: String,
    staff: Vec<String>,
    label: String,
    labels_in_use: Vec<(String, String)>,
    /// The label filtered by is among `labels_in_use`.
    label_listed: bool,
    /// Any filter beyond the tabs: the filter form starts open.
    detailed: bool,
    select_all: bool,
    older: Option<String>,
    newer: Option<String>,
    position: Option<String>,
    scan_note: Option<String>,
    deleted: bool,
    changed: Option<u64>,
    done: bool,
    statuses: Vec<(&'static str, String)>,
    /// For admins: alert channels that are failing, in words.
    alerts_failing: Vec<String>,
}

fn ticked(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "on" | "yes"))
}

/// Reads the inbox's filters from the query string; anything unknown is a 400.
fn filter_of(query: &InboxQuery, state: &AppState) -> Result<InboxFilter, AppError> {
    let status = match query.status.as_deref() {
        None | Some("") | Some("all") => None,
        Some(s) => Some(Status::parse(s).ok_or(AppError::BadRequest("err-unknown-status"))?),
    };
    let day = match query.day.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => {
            crate::clock::parse_day(d).map_err(|_| AppError::BadRequest("err-day-format"))?;
            Some(d.to_owned())
        }
    };
    let category = match query.category.as_deref() {
        None | Some("") => None,
        Some(c) => Some(
            state
                .config
                .categories
                .iter()
                .find(|k| k.key == c)
                .map(|k| k.key.clone())
                .ok_or(AppError::BadRequest("err-unknown-category"))?,
        ),
    };
    let language = match query.lang.as_deref() {
        None | Some("") => None,
        Some(code) => Some(
            Language::parse(code)
                .ok_or(AppError::BadRequest("err-unknown-language"))?
                .code()
                .to_owned(),
        ),
    };
    let needs_reply = match query.needs.as_deref() {
        None | Some("") => false,
        Some("reply") => true,
        Some(_) => return Err(AppError::BadRequest("err-unknown-needs")),
    };
    let assigned = match query.assigned.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("me") => Some(Assigned::Me),
        Some(name) => Some(Assigned::Named(name.to_owned())),
    };
    let label = match query.label.as_deref() {
        None => None,
        Some(text) => Label::parse(text).map_err(AppError::BadRequest)?,
    };
    Ok(InboxFilter {
        status,
        day,
        with_text: ticked(query.text.as_deref()),
        category,
        language,
        has_code: ticked(query.code.as_deref()),
        needs_reply,
        assigned,
        label,
    })
}

/// The query string that keeps `filter` in links (every value encoded).
fn keep_of(filter: &InboxFilter) -> String {
    let enc = crate::web::query_value;
    let mut parts = vec![format!(
        "status={}",
        filter.status.map_or("all", Status::key)
    )];
    if let Some(day) = &filter.day {
        parts.push(format!("day={}", enc(day)));
    }
    if filter.with_text {
        parts.push("text=1".to_owned());
    }
    if let Some(c) = &filter.category {
        parts.push(format!("category={}", enc(c)));
    }
    if let Some(l) = &filter.language {
        parts.push(format!("lang={}", enc(l)));
    }
    if filter.has_code {
        parts.push("code=1".to_owned());
    }
    if filter.needs_reply {
        parts.push("needs=reply".to_owned());
    }
    match &filter.assigned {
        Some(Assigned::Me) => parts.push("assigned=me".to_owned()),
        Some(Assigned::Named(n)) => parts.push(format!("assigned={}", enc(n))),
        None => {}
    }
    if let Some(label) = &filter.label {
        parts.push(format!("label={}", enc(label.as_str())));
    }
    parts.join("&")
}

/// A `keep` string sent back by the bulk form, if it is one we could have written (so the
/// redirect after an action can only ever lead to an inbox page).
fn kept(value: &str) -> Option<&str> {
    let safe = value.len() <= 600
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"%&=._-+~".contains(&b));
    safe.then_some(value)
}

pub async fn show(
    staff: Staff,
    query: Query<InboxQuery>,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let filter = filter_of(&query, &state)?;
    let cursor = |c: &Option<String>| -> Result<Option<Cursor>, AppError> {
        match c.as_deref() {
            None | Some("") => Ok(None),
            Some(c) => Cursor::parse(c)
                .map(Some)
                .ok_or(AppError::BadRequest("err-page-link")),
        }
    };
    let paging = match (cursor(&query.after)?, cursor(&query.before)?) {
        (Some(c), _) => Paging::Older(c),
        (None, Some(c)) => Paging::Newer(c),
        (None, None) => Paging::Newest,
    };
    let inbox = state
        .desk
        .inbox_page(&staff.0, filter.clone(), paging)
        .await?;
    let (layout, nav) = staff_page(&state, &staff.0);
    let shown = inbox.rows.len();
    let number = |n: u64| layout.tr.number(n);
    let position = inbox.position.map(|p| {
        if p.total == 0 {
            layout.tr.t("inbox-none-match")
        } else {
            layout.tr.args(
                "inbox-position",
                &[
                    ("first", number(p.first)),
                    ("last", number(p.last)),
                    ("total", number(p.total)),
                ],
            )
        }
    });
    let scan_note = filter.needs_plaintext().then(|| {
        let (shown, read) = (number(shown as u64), number(inbox.scanned as u64));
        if inbox.scan_stopped {
            layout.tr.args(
                "inbox-scan-stopped",
                &[
                    ("shown", shown),
                    ("read", read),
                    ("max", number(MAX_SCAN as u64)),
                ],
            )
        } else {
            layout
                .tr
                .args("inbox-scan-done", &[("shown", shown), ("read", read)])
        }
    });
    let status_key = filter.status.map_or("all", Status::key);
    let plain_tabs = !filter.needs_reply && filter.assigned.is_none();
    let mut tabs = vec![Tab {
        href: "/review".to_owned(),
        label: layout.tr.t("inbox-all"),
        count: number(u64::try_from(inbox.total()).unwrap_or(0)),
        current: plain_tabs && filter.status.is_none(),
    }];
    tabs.extend(Status::ALL.iter().map(|s| Tab {
        href: format!("/review?status={}", s.key()),
        label: layout.status(*s),
        count: number(u64::try_from(inbox.count_of(*s)).unwrap_or(0)),
        current: plain_tabs && filter.status == Some(*s),
    }));
    tabs.push(Tab {
        href: "/review?needs=reply".to_owned(),
        label: layout.tr.t("inbox-needs-reply"),
        count: number(inbox.awaiting),
        current: filter.needs_reply && filter.status.is_none() && filter.assigned.is_none(),
    });
    tabs.push(Tab {
        href: "/review?assigned=me".to_owned(),
        label: layout.tr.t("inbox-assigned-me"),
        count: number(inbox.mine),
        current: filter.assigned == Some(Assigned::Me)
            && filter.status.is_none()
            && !filter.needs_reply,
    });
    let staff_names = state.desk.assignable().await?;
    let keep = keep_of(&filter);
    let here = match (&query.after, &query.before) {
        (Some(c), _) if !c.is_empty() => format!("{keep}&after={}", crate::web::query_value(c)),
        (_, Some(c)) if !c.is_empty() => format!("{keep}&before={}", crate::web::query_value(c)),
        _ => keep.clone(),
    };
    let view = InboxView {
        tabs,
        keep,
        here,
        status: status_key,
        day: filter.day.clone().unwrap_or_default(),
        with_text: filter.with_text,
        has_code: filter.has_code,
        needs_reply: filter.needs_reply,
        category: filter.category.clone().unwrap_or_default(),
        categories: state
            .config
            .categories
            .iter()
            .map(|c| (c.key.clone(), layout.label("category", c)))
            .collect(),
        language: filter.language.clone().unwrap_or_default(),
        languages: Language::ALL
            .iter()
            .map(|l| (l.code(), l.native_name()))
            .collect(),
        assigned: match &filter.assigned {
            Some(Assigned::Me) => "me".to_owned(),
            Some(Assigned::Named(n)) => n.clone(),
            None => String::new(),
        },
        staff: staff_names,
        label: filter
            .label
            .as_ref()
            .map(|l| l.as_str().to_owned())
            .unwrap_or_default(),
        label_listed: filter.label.as_ref().is_some_and(|l| {
            inbox
                .labels_in_use
                .iter()
                .any(|(u, _)| u.compared() == l.compared())
        }),
        labels_in_use: inbox
            .labels_in_use
            .iter()
            .map(|(l, n)| (l.as_str().to_owned(), number(*n)))
            .collect(),
        detailed: filter.day.is_some()
            || filter.with_text
            || filter.category.is_some()
            || filter.language.is_some()
            || filter.has_code
            || filter.label.is_some()
            || matches!(filter.assigned, Some(Assigned::Named(_))),
        select_all: query.select.as_deref() == Some("all"),
        older: inbox.older.as_ref().map(Cursor::to_string),
        newer: inbox.newer.as_ref().map(Cursor::to_string),
        position,
        scan_note,
        deleted: query.deleted.is_some(),
        changed: query.changed.map(|n| n as u64),
        done: query.done.is_some(),
        statuses: Status::ALL
            .iter()
            .map(|s| (s.key(), layout.status(*s)))
            .collect(),
        alerts_failing: if staff.0.role == Role::Admin {
            super::alerts::failing(&layout, &state.notifier.state())
        } else {
            Vec::new()
        },
        rows: inbox
            .rows
            .into_iter()
            .map(|r| Row {
                id: r.id.to_hex(),
                day: layout.tr.day(&r.received_day),
                status: layout.status(r.status),
                preview: if r.has_statement {
                    reveal(&r.preview)
                } else {
                    layout.tr.t("inbox-me-too")
                },
                has_statement: r.has_statement,
                has_receipt: r.has_receipt,
                kinds: r
                    .categories
                    .iter()
                    .map(|k| {
                        super::testimony::label(&layout, "category", k, &state.config.categories)
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                language: Language::parse(&r.language).map(|l| (l.code(), l.native_name())),
                awaiting_reply: r.awaiting_reply,
                assignee: r.assignee.unwrap_or_default(),
                labels: r.labels.map(|set| {
                    set.iter()
                        .map(|l| {
                            (
                                l.as_str().to_owned(),
                                format!("/review?label={}", crate::web::query_value(l.as_str())),
                            )
                        })
                        .collect()
                }),
            })
            .collect(),
        layout,
        nav,
    };
    Ok(page(StatusCode::OK, &view))
}

/// `POST /review/bulk`: one action for the rows ticked on an inbox page — a status, an
/// assignee, a label added or taken away (one short audit entry each) — or, for admins,
/// the export page.
pub async fn bulk(
    req: HttpRequest,
    staff: Staff,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = read_form(&req, &staff.0, body).await?;
    let ids = pairs
        .0
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, v)| TestimonyId::parse_hex(v).ok_or(AppError::BadRequest("err-ticked-id")))
        .collect::<Result<Vec<_>, AppError>>()?;
    if ids.len() > MAX_BULK {
        return Err(AppError::BadRequest("err-bulk-too-many"));
    }
    let back = kept(pairs.get("keep"))
        .filter(|k| !k.is_empty())
        .map(str::to_owned);
    let to_inbox = |extra: &str| match &back {
        Some(keep) if extra.is_empty() => see_other(&format!("/review?{keep}")),
        Some(keep) => see_other(&format!("/review?{keep}&{extra}")),
        None => see_other(&format!("/review?{extra}")),
    };
    let changed = match pairs.get("action") {
        "export" => {
            if staff.0.role != Role::Admin {
                return Err(AppError::Forbidden("err-admins-only"));
            }
            if ids.is_empty() {
                return Err(AppError::Unprocessable("err-export-none-ticked"));
            }
            // Ids are not secrets; the export page still asks before anything is decrypted.
            let mut to = format!(
                "/review/export?scope=selected&format={}",
                if pairs.get("format") == "csv" {
                    "csv"
                } else {
                    "json"
                }
            );
            for id in &ids {
                to.push_str("&id=");
                to.push_str(&id.to_hex());
            }
            return Ok(see_other(&to));
        }
        "status" => {
            let status = Status::parse(pairs.get("status"))
                .ok_or(AppError::Unprocessable("err-choose-status"))?;
            state
                .desk
                .set_status_many(&staff.0, ids, status)
                .await?
                .changed
        }
        "assign" => {
            let to = Some(pairs.get("staff").trim())
                .filter(|n| !n.is_empty())
                .map(str::to_owned);
            state.desk.assign_many(&staff.0, ids, to).await?
        }
        action @ ("label-add" | "label-remove") => {
            let label = Label::parse(pairs.get("bulk_label"))
                .map_err(AppError::Unprocessable)?
                .ok_or(AppError::Unprocessable("err-label-empty"))?;
            let change = if action == "label-add" {
                LabelChange::Add
            } else {
                LabelChange::Remove
            };
            state.desk.label_many(&staff.0, ids, label, change).await?
        }
        // Enter pressed on a checkbox (the form's hidden first button): nothing changes.
        _ => return Ok(to_inbox("")),
    };
    Ok(to_inbox(&format!("changed={changed}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_query_string_we_could_have_written_comes_back() {
        assert_eq!(
            kept("status=all&label=needs%20a%20lawyer"),
            Some("status=all&label=needs%20a%20lawyer")
        );
        assert_eq!(kept("status=all\r\nLocation: x"), None);
        assert_eq!(kept("a/b"), None);
        assert_eq!(kept(&"a".repeat(700)), None);
    }
}
