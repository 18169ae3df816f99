//! How the enums here are stored: as the text of their key.

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
