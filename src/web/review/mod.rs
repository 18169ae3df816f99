//! The staff area. Every route needs a live session (anonymous GETs are sent to the login
//! page, anything else gets 401); admin routes also need the admin role (403). Every
//! state-changing form carries the session's CSRF token (403 when missing or wrong).

pub mod account;
pub mod admin;
pub mod alerts;
pub mod audit;
pub mod export;
pub mod extract;
pub mod inbox;
pub mod invite;
pub mod login;
pub mod nav;
pub mod paths;
pub mod routes;
pub mod testimony;
pub mod visible;
