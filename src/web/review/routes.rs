//! The staff routes: one list, from which both the route table and [`ROUTES`] (what tests
//! walk to check every route refuses the anonymous and the under-privileged) are made, so
//! the two cannot drift.

use actix_web::web;

use super::{account, admin, audit, export, inbox, invite, login, paths, testimony};
use crate::web::resource::{get_or_head, resource};

/// Who may use a route. (The extractors `Staff` and `Admin` enforce it; this says what the
/// tests expect.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone (login, invitation acceptance).
    Public,
    Staff,
    Admin,
}

macro_rules! method_route {
    (GET) => {
        get_or_head()
    };
    (POST) => {
        web::post()
    };
}

macro_rules! staff_routes {
    ($($path:ident ($access:ident): $($method:ident => $handler:path),+;)+) => {
        /// (method, path, access) for every staff route.
        pub const ROUTES: &[(&str, &str, Access)] = &[
            $($((stringify!($method), paths::$path, Access::$access),)+)+
        ];

        pub fn configure(cfg: &mut web::ServiceConfig) {
            $(cfg.service(
                resource(paths::$path, &[$(stringify!($method)),+])
                    $(.route(method_route!($method).to($handler)))+
            );)+
        }
    };
}

staff_routes! {
    LOGIN (Public): GET => login::form, POST => login::submit;
    LOGOUT (Staff): POST => login::logout;
    INBOX (Staff): GET => inbox::show;
    TESTIMONY (Staff): GET => testimony::view;
    STATUS (Staff): POST => testimony::status;
    NOTE (Staff): POST => testimony::note;
    DELETE (Staff): POST => testimony::delete;
    REPLY (Staff): POST => testimony::reply;
    SAME_TEXT (Staff): POST => testimony::same_text;
    BULK (Staff): POST => inbox::bulk;
    EXPORT (Admin): GET => export::page, POST => export::download;
    AUDIT (Admin): GET => audit::show;
    AUDIT_ENTRY (Admin): GET => audit::entry;
    ASSIGN (Staff): POST => testimony::assign;
    LABELS (Staff): POST => testimony::labels;
    ADMIN (Admin): GET => admin::show;
    INVITE_CREATE (Admin): POST => admin::invite;
    INVITE_REVOKE (Admin): POST => admin::revoke;
    GRANT (Admin): POST => admin::grant;
    DISABLE (Admin): POST => admin::disable;
    ROTATE (Admin): POST => admin::rotate;
    ACCOUNT (Staff): GET => account::form;
    PASSWORD (Staff): GET => account::form, POST => account::submit;
    LANGUAGE (Staff): POST => account::language;
    INVITE_ACCEPT (Public): GET => invite::form, POST => invite::submit;
}
