//! Deployment-wide values kept in `settings`.

use rusqlite::{Connection, OptionalExtension, params};

use super::{StoreError, StoreResult};

const RECEIPT_SALT: &str = "receipt_salt";

/// The per-deployment salt receipt codes are derived with: the stored one, or `fresh`
/// (32 random bytes from the caller) stored now if there is none yet.
pub fn receipt_salt(conn: &Connection, fresh: &[u8; 32]) -> StoreResult<Vec<u8>> {
    made_once(conn, RECEIPT_SALT, fresh)
}

/// The receipt salt if it was made, without making it.
pub fn stored_receipt_salt(conn: &Connection) -> StoreResult<Option<Vec<u8>>> {
    stored(conn, RECEIPT_SALT)
}

const PUBLICATION_SEED: &str = "publication_key_seed";

/// The seed of the deployment's publication signing key; `fresh` becomes it the first time
/// it is asked for (the first publication, or `chorus keys publication`). In the database,
/// so a backup restored elsewhere goes on signing with the same key.
pub fn publication_seed(
    conn: &Connection,
    fresh: &[u8; 32],
) -> StoreResult<zeroize::Zeroizing<Vec<u8>>> {
    made_once(conn, PUBLICATION_SEED, fresh).map(zeroize::Zeroizing::new)
}

const WITNESS_SEED: &str = "witness_key_seed";

/// The seed of the key this deployment cosigns its peers' checkpoints with; `fresh`
/// becomes it the first time it is asked for. Never the publication key: a cosignature
/// must not pass for this deployment's own log's signature.
pub fn witness_seed(
    conn: &Connection,
    fresh: &[u8; 32],
) -> StoreResult<zeroize::Zeroizing<Vec<u8>>> {
    made_once(conn, WITNESS_SEED, fresh).map(zeroize::Zeroizing::new)
}

/// The publication seed if one was made, without making one (for read-only checks).
pub fn stored_publication_seed(
    conn: &Connection,
) -> StoreResult<Option<zeroize::Zeroizing<Vec<u8>>>> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE name = ?1",
            [PUBLICATION_SEED],
            |r| r.get::<_, Vec<u8>>(0),
        )
        .optional()?
        .map(zeroize::Zeroizing::new))
}

fn stored(conn: &Connection, name: &str) -> StoreResult<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The bytes kept under `name`; `fresh` is stored the first time (two racing callers get
/// the same bytes: the first one's).
fn made_once(conn: &Connection, name: &str, fresh: &[u8; 32]) -> StoreResult<Vec<u8>> {
    if let Some(value) = stored(conn, name)? {
        return Ok(value);
    }
    conn.execute(
        "INSERT OR IGNORE INTO settings (name, value) VALUES (?1, ?2)",
        params![name, fresh.to_vec()],
    )?;
    stored(conn, name)?.ok_or(StoreError::Random)
}

const COUNT_POLICY: &str = "count_policy";

/// Checks the counting policy against the one the counts were built under, recording it on
/// a deployment that has no statements yet. Switching policy later would count some rows
/// twice and others never (which rows are counted depends on the policy in force when
/// their status changed), so it is refused.
pub fn check_count_policy(conn: &Connection, wanted: &str) -> StoreResult<()> {
    let stored: Option<Vec<u8>> = conn
        .query_row(
            "SELECT value FROM settings WHERE name = ?1",
            [COUNT_POLICY],
            |r| r.get(0),
        )
        .optional()?;
    let stored = stored.map(|v| String::from_utf8_lossy(&v).into_owned());
    // Deployments from before the setting existed counted everything received.
    let any: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM testimonies)", [], |r| {
        r.get(0)
    })?;
    let built_under = stored.or_else(|| any.then(|| "received".to_owned()));
    match built_under {
        Some(policy) if policy == wanted => Ok(()),
        Some(policy) if any => Err(StoreError::Incompatible(format!(
            "count_policy is `{wanted}`, but this deployment's counts were built under \
             `{policy}`; a policy can only be chosen before the first statement arrives"
        ))),
        _ => {
            conn.execute(
                "INSERT INTO settings (name, value) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                params![COUNT_POLICY, wanted.as_bytes()],
            )?;
            Ok(())
        }
    }
}

const WAITING_AT_ALERT: &str = "notify_waiting";

/// What was waiting (new statements, statements awaiting a reply) when the last alert went
/// out: after a restart, the alerts compare with it to tell whether anything arrived. Two
/// figures, written only at alert ticks.
pub fn waiting_at_alert(conn: &Connection) -> StoreResult<Option<(u64, u64)>> {
    let value: Option<Vec<u8>> = conn
        .query_row(
            "SELECT value FROM settings WHERE name = ?1",
            [WAITING_AT_ALERT],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| {
        let text = String::from_utf8(v).ok()?;
        let (a, b) = text.split_once(',')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    }))
}

pub fn set_waiting_at_alert(conn: &Connection, waiting: (u64, u64)) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        params![
            WAITING_AT_ALERT,
            format!("{},{}", waiting.0, waiting.1).into_bytes()
        ],
    )?;
    Ok(())
}
