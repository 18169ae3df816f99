//! Random 128-bit identifiers, one type per kind of thing, so a staff id can never be passed
//! where a testimony id is expected. Shown as 32 hex digits; stored as 16-byte blobs.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::crypto::{CryptoError, random};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name([u8; 16]);

        impl $name {
            /// A fresh id from the OS generator.
            pub fn random() -> Result<$name, CryptoError> {
                Ok($name(random::id()?))
            }

            pub const fn from_bytes(bytes: [u8; 16]) -> $name {
                $name(bytes)
            }

            pub fn as_bytes(&self) -> &[u8; 16] {
                &self.0
            }

            /// 32 lower-case hex digits, as in URLs and the audit log.
            pub fn to_hex(&self) -> String {
                hex::encode(self.0)
            }

            /// Parses 32 hex digits; None for anything else.
            pub fn parse_hex(text: &str) -> Option<$name> {
                let bytes: [u8; 16] = hex::decode(text).ok()?.try_into().ok()?;
                Some($name(bytes))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.to_hex())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::Borrowed(ValueRef::Blob(&self.0)))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<$name> {
                let bytes = value.as_blob()?;
                let bytes: [u8; 16] = bytes
                    .try_into()
                    .map_err(|_| FromSqlError::InvalidBlobSize {
                        expected_size: 16,
                        blob_size: bytes.len(),
                    })?;
                Ok($name(bytes))
            }
        }
    };
}

id_type!(
    /// A testimony (the row's random primary key, also bound into its seal).
    TestimonyId
);
id_type!(
    /// A staff member.
    StaffId
);
id_type!(
    /// An epoch key pair.
    EpochId
);
id_type!(
    /// A message in a testimony's thread (note, follow-up or reply).
    MessageId
);
id_type!(
    /// A pledge waiting for the next tick.
    PledgeId
);
id_type!(
    /// An offline recovery key on file.
    RecoveryKeyId
);
id_type!(
    /// Whoever an epoch key is sealed to: a staff member or a recovery key.
    RecipientId
);

impl From<StaffId> for RecipientId {
    fn from(id: StaffId) -> RecipientId {
        RecipientId(id.0)
    }
}

impl From<RecoveryKeyId> for RecipientId {
    fn from(id: RecoveryKeyId) -> RecipientId {
        RecipientId(id.0)
    }
}

impl From<EpochId> for crate::crypto::suite::KeyId {
    fn from(id: EpochId) -> crate::crypto::suite::KeyId {
        crate::crypto::suite::KeyId(id.0)
    }
}

impl From<crate::crypto::suite::KeyId> for EpochId {
    fn from(id: crate::crypto::suite::KeyId) -> EpochId {
        EpochId(id.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_hex_and_refuse_anything_else() {
        let id = TestimonyId::random().unwrap();
        assert_eq!(TestimonyId::parse_hex(&id.to_hex()), Some(id));
        assert_eq!(id.to_string().len(), 32);
        assert_eq!(TestimonyId::parse_hex("00"), None);
        assert_eq!(TestimonyId::parse_hex(&"zz".repeat(16)), None);
    }

    #[test]
    fn ids_round_trip_through_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let id = StaffId::random().unwrap();
        let back: StaffId = conn.query_row("SELECT ?1", [id], |r| r.get(0)).unwrap();
        assert_eq!(back, id);
        let short: rusqlite::Result<StaffId> = conn.query_row("SELECT x'00'", [], |r| r.get(0));
        assert!(short.is_err());
    }
}
