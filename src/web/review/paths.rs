//! The staff route paths, named so the route table, redirects and tests agree.

pub const LOGIN: &str = "/review/login";
pub const LOGOUT: &str = "/review/logout";
pub const INBOX: &str = "/review";
pub const TESTIMONY: &str = "/review/t/{id}";
pub const STATUS: &str = "/review/t/{id}/status";
pub const NOTE: &str = "/review/t/{id}/note";
pub const DELETE: &str = "/review/t/{id}/delete";
pub const REPLY: &str = "/review/t/{id}/reply";
pub const SAME_TEXT: &str = "/review/t/{id}/same-text-spam";
pub const BULK: &str = "/review/bulk";
pub const EXPORT: &str = "/review/export";
pub const AUDIT: &str = "/review/audit";
pub const AUDIT_ENTRY: &str = "/review/audit/{seq}";
pub const ASSIGN: &str = "/review/t/{id}/assign";
pub const LABELS: &str = "/review/t/{id}/labels";
pub const ADMIN: &str = "/review/admin";
pub const INVITE_CREATE: &str = "/review/admin/invite";
pub const INVITE_REVOKE: &str = "/review/admin/invitations/revoke";
pub const GRANT: &str = "/review/admin/staff/{id}/grant";
pub const DISABLE: &str = "/review/admin/staff/{id}/disable";
pub const ROTATE: &str = "/review/admin/keys/rotate";
pub const ACCOUNT: &str = "/review/account";
pub const PASSWORD: &str = "/review/account/password";
pub const LANGUAGE: &str = "/review/account/language";
pub const INVITE_ACCEPT: &str = "/review/invite/{token}";
