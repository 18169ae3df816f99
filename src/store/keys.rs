//! Epoch keys, their grants, and the recovery key's public half.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreResult;
use crate::domain::{EpochId, RecipientId, RecoveryKeyId};

/// The epoch new submissions are sealed to: (id, public key).
pub fn newest_epoch(conn: &Connection) -> StoreResult<Option<(EpochId, Vec<u8>)>> {
    Ok(conn
        .prepare_cached("SELECT id, public_key FROM epoch_keys ORDER BY generation DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub fn insert_epoch(
    conn: &Connection,
    id: &EpochId,
    public_key: &[u8],
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO epoch_keys (id, generation, public_key, created_at)
         VALUES (?1, (SELECT coalesce(max(generation), 0) + 1 FROM epoch_keys), ?2, ?3)",
        params![id, public_key, at],
    )?;
    Ok(())
}

/// Seals an epoch to a recipient; a recipient who already holds that epoch keeps their
/// grant (granting is idempotent).
pub fn insert_grant(
    conn: &Connection,
    epoch_id: &EpochId,
    recipient_id: &RecipientId,
    sealed_key: &[u8],
) -> StoreResult<()> {
    conn.execute(
        "INSERT OR IGNORE INTO key_grants (epoch_id, recipient_id, sealed_key) VALUES (?1, ?2, ?3)",
        params![epoch_id, recipient_id, sealed_key],
    )?;
    Ok(())
}

/// Every (epoch id, sealed key) granted to `recipient_id`.
pub fn grants_for(
    conn: &Connection,
    recipient_id: &RecipientId,
) -> StoreResult<Vec<(EpochId, Vec<u8>)>> {
    let mut stmt =
        conn.prepare_cached("SELECT epoch_id, sealed_key FROM key_grants WHERE recipient_id = ?1")?;
    let rows = stmt
        .query_map([recipient_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn insert_recovery_key(
    conn: &Connection,
    id: &RecoveryKeyId,
    public_key: &[u8],
    at: &str,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO recovery_keys (id, public_key, created_at) VALUES (?1, ?2, ?3)",
        params![id, public_key, at],
    )?;
    Ok(())
}

/// The recovery public keys on file: (id, public key).
pub fn recovery_keys(conn: &Connection) -> StoreResult<Vec<(RecoveryKeyId, Vec<u8>)>> {
    let mut stmt = conn.prepare_cached("SELECT id, public_key FROM recovery_keys")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Removes every grant a recipient holds (a disabled staff member).
pub fn delete_grants_for(conn: &Connection, recipient_id: &RecipientId) -> StoreResult<usize> {
    Ok(conn.execute(
        "DELETE FROM key_grants WHERE recipient_id = ?1",
        [recipient_id],
    )?)
}

/// True if `recipient_id` holds a grant for every epoch.
pub fn has_all_grants(conn: &Connection, recipient_id: &RecipientId) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM epoch_keys e WHERE NOT EXISTS
            (SELECT 1 FROM key_grants g WHERE g.epoch_id = e.id AND g.recipient_id = ?1))",
        [recipient_id],
        |r| r.get(0),
    )?)
}

/// Every epoch id.
pub fn all_epoch_ids(conn: &Connection) -> StoreResult<Vec<EpochId>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM epoch_keys")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}
