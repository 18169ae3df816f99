//! The HTTP layer: handlers parse input into domain types, call one service method and
//! render; they never touch SQL or keys. `routes` holds the one route table.

pub mod card;
pub mod client_network;
pub mod cookies;
pub mod enrolment;
pub mod error;
pub mod error_pages;
pub mod federation;
pub mod form;
pub mod headers;
pub mod language;
pub mod layout;
pub mod log;
pub mod origin;
pub mod paths;
pub mod phone;
pub mod public;
pub mod refusal;
pub mod request_log;
pub mod resource;
pub mod returning;
pub mod review;
pub mod routes;
pub mod safety;
pub mod setup;
pub mod signed;
pub mod state;
pub mod static_files;
pub mod survivor;
pub mod svg;

pub use origin::public_base;
pub use routes::configure;
pub use state::AppState;

/// Characters a query-string value keeps as they are (dates and keys stay readable).
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

/// A value percent-encoded for a link's query string.
pub fn query_value(v: &str) -> String {
    percent_encoding::utf8_percent_encode(v, QUERY_VALUE).to_string()
}
