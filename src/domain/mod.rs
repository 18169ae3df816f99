//! The staff side's vocabulary as types: ids that cannot be swapped, statuses, roles, kinds
//! of thread message and the list of accountable actions. Each stores itself in SQLite
//! (`ToSql`/`FromSql`), so no string spelling of these lives anywhere else.

#[macro_use]
mod text_column;

mod audit_action;
mod ids;
mod label;
mod message_kind;
mod role;
mod status;
mod token_hash;
mod username;

pub use audit_action::AuditAction;
pub use ids::{EpochId, MessageId, PledgeId, RecipientId, RecoveryKeyId, StaffId, TestimonyId};
pub use label::{Label, MAX_LABEL_CHARS, MAX_LABELS};
pub use message_kind::MessageKind;
pub use role::Role;
pub use status::Status;
pub use token_hash::TokenHash;
pub use username::{MAX_USERNAME_CHARS, Username};
