//! The route table, used by production and tests alike (the staff pages' part is in
//! `review::routes`; both build their resources with `resource`).

use actix_web::{HttpRequest, web};

use super::resource::{get, get_post, not_found, post};
use super::{federation, public, returning, review, safety, setup, signed, static_files, survivor};
use crate::config::Config;

/// Route paths, named so tests and templates agree with the table.
pub mod paths {
    pub const HOME: &str = "/";
    pub const SUBMIT: &str = "/submit";
    pub const COUNTS: &str = "/counts";
    pub const API_COUNTS: &str = "/api/v1/counts";
    pub const COUNTS_CARD: &str = "/counts.png";
    pub const BADGE: &str = "/badge.svg";
    pub const API_COUNTS_SIGNED: &str = "/api/v1/counts.signed";
    pub const API_HISTORY: &str = "/api/v1/counts/history";
    pub const API_HISTORY_ONE: &str = "/api/v1/counts/history/{seq}";
    pub const FEDERATION: &str = "/federation";
    pub const FEDERATION_CARD: &str = "/federation.png";
    pub const FEDERATION_BADGE: &str = "/federation/badge.svg";
    pub const API_FEDERATION: &str = "/api/v1/federation";
    pub const PLEDGE: &str = "/pledge";
    pub const RESOURCES: &str = "/resources";
    pub const HEALTH: &str = "/healthz";
    pub const LEAVE: &str = "/leave";
    pub const LEAVE_GO: &str = "/leave/go";
    pub const SAFETY: &str = "/safety";
    pub const SETUP: &str = "/setup/{token}";
    pub const RETURN: &str = "/return";
    pub const FOLLOW_UP: &str = "/return/follow-up";
    pub const WITHDRAW: &str = "/return/withdraw";
    pub const STATIC: &str = "/static/{file}";

    /// The survivor's pages in another language than the default: `/es/submit`…
    pub const L_HOME: &str = "/{lang:en|es|fr|ar}";
    pub const L_HOME_SLASH: &str = "/{lang:en|es|fr|ar}/";
    pub const L_SUBMIT: &str = "/{lang:en|es|fr|ar}/submit";
    pub const L_RETURN: &str = "/{lang:en|es|fr|ar}/return";
    pub const L_FOLLOW_UP: &str = "/{lang:en|es|fr|ar}/return/follow-up";
    pub const L_WITHDRAW: &str = "/{lang:en|es|fr|ar}/return/withdraw";
    pub const L_COUNTS: &str = "/{lang:en|es|fr|ar}/counts";
    pub const L_PLEDGE: &str = "/{lang:en|es|fr|ar}/pledge";
    pub const L_RESOURCES: &str = "/{lang:en|es|fr|ar}/resources";
    pub const L_SAFETY: &str = "/{lang:en|es|fr|ar}/safety";
    pub const L_COUNTS_CARD: &str = "/{lang:en|es|fr|ar}/counts.png";
    pub const L_BADGE: &str = "/{lang:en|es|fr|ar}/badge.svg";
    pub const L_FEDERATION: &str = "/{lang:en|es|fr|ar}/federation";
    pub const L_FEDERATION_CARD: &str = "/{lang:en|es|fr|ar}/federation.png";
    pub const L_FEDERATION_BADGE: &str = "/{lang:en|es|fr|ar}/federation/badge.svg";

    /// Survivor pages and actions, never logged one by one (see `request_log`).
    pub const SURVIVOR_ACTIONS: &[&str] = &[
        SUBMIT,
        PLEDGE,
        RETURN,
        FOLLOW_UP,
        WITHDRAW,
        L_SUBMIT,
        L_RETURN,
        L_FOLLOW_UP,
        L_WITHDRAW,
        L_PLEDGE,
    ];
}

/// The route table.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get(paths::HOME, survivor::landing))
        .service(get_post(paths::SUBMIT, survivor::form, survivor::submit))
        .service(get(paths::COUNTS, public::counts_page))
        .service(get(paths::API_COUNTS, public::counts_json))
        .service(get(paths::COUNTS_CARD, public::counts_card))
        .service(get(paths::BADGE, public::badge))
        .service(get(paths::API_COUNTS_SIGNED, signed::latest))
        .service(get(paths::API_HISTORY, signed::history))
        .service(get(paths::API_HISTORY_ONE, signed::one))
        .service(get(paths::FEDERATION, federation::page_view))
        .service(get(paths::FEDERATION_CARD, federation::card))
        .service(get(paths::FEDERATION_BADGE, federation::badge))
        .service(get(paths::API_FEDERATION, federation::json))
        .service(get_post(paths::PLEDGE, public::pledge_form, public::pledge))
        .service(get(paths::RESOURCES, public::resources))
        .service(get(paths::HEALTH, public::health))
        .service(get(paths::LEAVE, safety::leave))
        .service(get(paths::LEAVE_GO, safety::leave_go))
        .service(get(paths::SAFETY, safety::safety))
        .service(get(paths::L_SAFETY, safety::safety))
        .service(get_post(paths::SETUP, setup::form, setup::submit))
        .service(get_post(paths::RETURN, returning::form, returning::view))
        .service(post(paths::FOLLOW_UP, returning::follow_up))
        .service(post(paths::WITHDRAW, returning::withdraw))
        .service(get(paths::STATIC, static_files::serve))
        .service(get(paths::L_HOME, survivor::landing))
        .service(get(paths::L_HOME_SLASH, survivor::landing))
        .service(get_post(paths::L_SUBMIT, survivor::form, survivor::submit))
        .service(get_post(paths::L_RETURN, returning::form, returning::view))
        .service(post(paths::L_FOLLOW_UP, returning::follow_up))
        .service(post(paths::L_WITHDRAW, returning::withdraw))
        .service(get(paths::L_COUNTS, public::counts_page))
        .service(get_post(
            paths::L_PLEDGE,
            public::pledge_form,
            public::pledge,
        ))
        .service(get(paths::L_RESOURCES, public::resources))
        .service(get(paths::L_COUNTS_CARD, public::counts_card))
        .service(get(paths::L_BADGE, public::badge))
        .service(get(paths::L_FEDERATION, federation::page_view))
        .service(get(paths::L_FEDERATION_CARD, federation::card))
        .service(get(paths::L_FEDERATION_BADGE, federation::badge))
        .configure(review::routes::configure)
        .default_service(web::to(not_found));
}

/// Where people reach us, for links we show: the public URL, or the host this request used.
pub fn public_base(req: &HttpRequest, config: &Config) -> String {
    match config.public_url.as_deref() {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        }
    }
}
