//! The route table, used by production and tests alike (the staff pages' part is in
//! `review::routes`; both build their resources with `resource`).

use actix_web::web;

use super::paths;
use super::resource::{get, get_post, not_found, post};
use super::{
    federation, log, public, returning, review, safety, setup, signed, static_files, survivor,
};

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
        .service(get(paths::LOG_CHECKPOINT, log::checkpoint))
        .service(get(paths::LOG_TILE, log::tile))
        .service(post(paths::WITNESS_ADD_CHECKPOINT, log::add_checkpoint))
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
