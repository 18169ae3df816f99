//! `GET /review/admin` (admin): staff, invitations, grants, disabling, key rotation and the
//! settings in force.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::extract::{Admin, path_id, read_form, require_ticked};
use super::nav::{Nav, staff_page};
use crate::domain::{Role, StaffId, Username};
use crate::review::Actor;
use crate::review::staff_admin::Member as Who;
use crate::web::error::AppError;
use crate::web::layout::{Chrome, page, see_other};
use crate::web::{AppState, public_base};

pub struct Member {
    pub id: String,
    pub username: String,
    pub role: String,
    pub active: bool,
    pub locked: bool,
    pub granted: bool,
    pub fingerprint: String,
}

#[derive(Template)]
#[template(path = "review/admin.html")]
struct AdminView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    members: Vec<Member>,
    /// Open invitations: who, as what, until when.
    invitations: Vec<(String, String, String)>,
    message: Option<String>,
    min_cell: u64,
    interval: u64,
    categories: String,
    alerts: super::alerts::AlertsView,
}

#[derive(Template)]
#[template(path = "review/invited.html")]
struct InvitedView<'a> {
    layout: Chrome<'a>,
    nav: Nav,
    username: &'a str,
    link: &'a str,
}

/// The page; `message` is the catalogue key of what was just done.
async fn render(
    admin: &Admin,
    state: &AppState,
    message: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let (layout, nav) = staff_page(state, &admin.0);
    let role = |r: Role| layout.tr.t(&format!("role-{}", r.as_str()));
    let members = state
        .desk
        .staff_list(Actor::Staff(&admin.0))
        .await?
        .into_iter()
        .map(|m| Member {
            id: m.id.to_hex(),
            username: m.username,
            role: role(m.role),
            active: m.active,
            locked: m.locked,
            granted: m.granted,
            fingerprint: m.fingerprint,
        })
        .collect();
    let invitations = state
        .desk
        .open_invitations(Actor::Staff(&admin.0))
        .await?
        .into_iter()
        .map(|(username, r, until)| (username, role(r), layout.tr.unix_time(until)))
        .collect();
    let c = &state.config;
    Ok(page(
        StatusCode::OK,
        &AdminView {
            members,
            invitations,
            message: message.map(|k| layout.tr.t(k)),
            min_cell: c.min_cell,
            interval: c.publish_interval_secs,
            alerts: super::alerts::AlertsView::of(&layout, &state.notifier.state()),
            layout,
            nav,
            categories: c
                .categories
                .iter()
                .map(|x| x.key.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        },
    ))
}

pub async fn show(
    admin: Admin,
    state: Data<AppState>,
    query: actix_web::web::Query<Done>,
) -> Result<HttpResponse, AppError> {
    let message = match query.done.as_deref() {
        Some("granted") => Some("admin-done-granted"),
        Some("disabled") => Some("admin-done-disabled"),
        Some("rotated") => Some("admin-done-rotated"),
        Some("revoked") => Some("admin-done-revoked"),
        _ => None,
    };
    render(&admin, &state, message).await
}

#[derive(serde::Deserialize)]
pub struct Done {
    done: Option<String>,
}

pub async fn invite(
    req: HttpRequest,
    admin: Admin,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = read_form(&req, &admin.0, body).await?;
    let role = Role::parse(pairs.get("role")).ok_or(AppError::Unprocessable("err-choose-role"))?;
    let username = Username::typed(pairs.get("username"));
    let token = state
        .desk
        .invite(Actor::Staff(&admin.0), &username, role)
        .await?;
    let link = format!(
        "{}/review/invite/{}",
        public_base(&req, &state.config),
        token.as_str()
    );
    let (layout, nav) = staff_page(&state, &admin.0);
    Ok(page(
        StatusCode::OK,
        &InvitedView {
            layout,
            nav,
            username: username.as_str(),
            link: &link,
        },
    ))
}

pub async fn grant(
    req: HttpRequest,
    admin: Admin,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, StaffId::parse_hex)?;
    let pairs = read_form(&req, &admin.0, body).await?;
    // Granting opens every testimony to that key: compare first, then grant.
    require_ticked(&pairs, "compared", "err-confirm-grant")?;
    state.desk.grant(&admin.0, id).await?;
    Ok(see_other("/review/admin?done=granted"))
}

pub async fn disable(
    req: HttpRequest,
    admin: Admin,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = path_id(&id, StaffId::parse_hex)?;
    let pairs = read_form(&req, &admin.0, body).await?;
    require_ticked(&pairs, "confirm", "err-confirm-disable")?;
    state
        .desk
        .disable(Actor::Staff(&admin.0), Who::Id(id))
        .await?;
    Ok(see_other("/review/admin?done=disabled"))
}

pub async fn rotate(
    req: HttpRequest,
    admin: Admin,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let _pairs = read_form(&req, &admin.0, body).await?;
    state.desk.rotate(Actor::Staff(&admin.0)).await?;
    Ok(see_other("/review/admin?done=rotated"))
}

/// `POST /review/admin/invitations/revoke` (`username`): a leaked link opens nothing.
pub async fn revoke(
    req: HttpRequest,
    admin: Admin,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pairs = read_form(&req, &admin.0, body).await?;
    state
        .desk
        .revoke_invitation(
            Actor::Staff(&admin.0),
            &Username::typed(pairs.get("username")),
        )
        .await?;
    Ok(see_other("/review/admin?done=revoked"))
}
