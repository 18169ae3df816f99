//! The HTTP layer: handlers parse input into domain types, call one service method and
//! render; they never touch SQL or keys. `routes` holds the one route table.

pub mod client_network;
pub mod cookies;
pub mod enrolment;
pub mod error_pages;
pub mod form;
pub mod headers;
pub mod layout;
pub mod origin;
pub mod phone;
pub mod public;
pub mod request_log;
pub mod returning;
pub mod review;
pub mod routes;
pub mod setup;
pub mod state;
pub mod static_files;
pub mod survivor;
pub mod svg;

pub use routes::{configure, paths, public_base};
pub use state::AppState;
