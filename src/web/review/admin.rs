//! `GET /review/admin` (admin): staff, invitations, grants, disabling, key rotation and the
//! settings in force.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::{Admin, Nav, field, now, parse_id, see_other};
use crate::crypto::suite::PublicKey;
use crate::error::AppError;
use crate::review::{epochs, staff_admin};
use crate::store::{keys, staff};
use crate::web::AppState;
use crate::web::layout::{Layout, page};

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
    layout: &'a Layout,
    nav: Nav,
    members: Vec<Member>,
    message: Option<&'a str>,
    min_cell: u64,
    interval: u64,
    retention: u32,
    categories: String,
}

#[derive(Template)]
#[template(path = "review/invited.html")]
struct InvitedView<'a> {
    layout: &'a Layout,
    nav: Nav,
    username: &'a str,
    link: &'a str,
}

async fn render(
    admin: &Admin,
    state: &AppState,
    message: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let now_secs = now().0;
    let members = state
        .store
        .read(move |conn| {
            staff::all(conn)?
                .into_iter()
                .map(|m| {
                    Ok(Member {
                        id: hex::encode(m.id),
                        granted: keys::has_all_grants(conn, &m.id)?,
                        locked: m.locked_until.is_some_and(|t| t > now_secs),
                        fingerprint: PublicKey::from_bytes(&m.public_key)
                            .map(|k| k.fingerprint())
                            .unwrap_or_default(),
                        username: m.username,
                        role: m.role,
                        active: m.active,
                    })
                })
                .collect::<Result<Vec<_>, crate::store::StoreError>>()
        })
        .await?;
    let c = &state.config;
    Ok(page(
        StatusCode::OK,
        &AdminView {
            layout: &state.layout,
            nav: Nav::of(&admin.0),
            members,
            message,
            min_cell: c.min_cell,
            interval: c.publish_interval_secs,
            retention: c.retention_days,
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
        Some("granted") => Some(
            "Access granted. Compare the key fingerprint with the one the new member was shown.",
        ),
        Some("disabled") => {
            Some("Disabled. Their keys open nothing new: a new epoch key is in use.")
        }
        Some("rotated") => Some("A new epoch key is in use for everything submitted from now on."),
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
    let pairs = super::read_form(&req, &admin.0, body).await?;
    let username = field(&pairs, "username").to_owned();
    let role = field(&pairs, "role").to_owned();
    let (now_secs, at) = now();
    let actor = admin.0.username.clone();
    let shown_name = username.trim().to_ascii_lowercase();
    let token = state
        .store
        .write(move |conn| {
            Ok(staff_admin::invite(
                conn, &username, &role, &actor, now_secs, &at,
            ))
        })
        .await??;
    let link = format!(
        "{}/review/invite/{token}",
        crate::web::public_base(&req, &state.config)
    );
    Ok(page(
        StatusCode::OK,
        &InvitedView {
            layout: &state.layout,
            nav: Nav::of(&admin.0),
            username: &shown_name,
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
    let id = parse_id(&id)?;
    let _pairs = super::read_form(&req, &admin.0, body).await?;
    let keys = super::session_keys(&state, &admin.0).await?;
    let (_, at) = now();
    let actor = admin.0.username.clone();
    state
        .store
        .write(move |conn| Ok(staff_admin::grant(conn, &keys, &id, &actor, &at)))
        .await??;
    Ok(see_other("/review/admin?done=granted"))
}

pub async fn disable(
    req: HttpRequest,
    admin: Admin,
    id: Path<String>,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let _pairs = super::read_form(&req, &admin.0, body).await?;
    if id == admin.0.staff_id {
        return Err(AppError::Unprocessable("You cannot disable yourself."));
    }
    let (_, at) = now();
    let actor = admin.0.username.clone();
    let disabled = state
        .store
        .write(move |conn| {
            let Some(member) = staff::by_id(conn, &id)? else {
                return Ok(Err(crate::review::ReviewError::InvalidInput(
                    "No such staff member.",
                )));
            };
            Ok(staff_admin::disable(conn, &member.username, &actor, &at))
        })
        .await??;
    state.sessions.destroy_for(&disabled);
    state.store.checkpoint().await;
    Ok(see_other("/review/admin?done=disabled"))
}

pub async fn rotate(
    req: HttpRequest,
    admin: Admin,
    body: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let _pairs = super::read_form(&req, &admin.0, body).await?;
    let (_, at) = now();
    let actor = admin.0.username.clone();
    state
        .store
        .write(move |conn| epochs::rotate(conn, &at, &actor))
        .await?;
    state.store.checkpoint().await;
    Ok(see_other("/review/admin?done=rotated"))
}
