//! The staff side's vocabulary as types: ids that cannot be swapped, statuses, roles, kinds
//! of thread message and the list of accountable actions. Each stores itself in SQLite
//! (`ToSql`/`FromSql`), so no string spelling of these lives anywhere else.

/// Stores an enum as the text of its key: `$key` names it, `$parse` reads it back.
macro_rules! text_column {
    ($ty:ty, $column:literal, $key:ident, $parse:ident) => {
        impl rusqlite::types::ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::Borrowed(
                    rusqlite::types::ValueRef::Text(self.$key().as_bytes()),
                ))
            }
        }

        impl rusqlite::types::FromSql for $ty {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<$ty> {
                let text = value.as_str()?;
                <$ty>::$parse(text).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("unknown {} {text:?}", $column).into(),
                    )
                })
            }
        }
    };
}

mod audit_action;
mod ids;
mod message_kind;
mod role;
mod status;

pub use audit_action::AuditAction;
pub use ids::{EpochId, MessageId, PledgeId, RecipientId, RecoveryKeyId, StaffId, TestimonyId};
pub use message_kind::MessageKind;
pub use role::Role;
pub use status::Status;
