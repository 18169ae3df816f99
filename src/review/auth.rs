//! Staff login: passphrase + TOTP (or a one-time recovery code). One Argon2id run opens the
//! staff member's keys; every failure — unknown user, wrong passphrase, wrong or replayed
//! code, locked account — costs the same work and gives the same answer. Ten consecutive
//! failures lock an account for a while, except for a browser holding a device cookie from an
//! earlier good login to it, so an attacker cannot lock staff out.

use rusqlite::Connection;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::keyring::EpochKeys;
use super::{ReviewError, epochs, setup};
use crate::crypto::staff_key::{PasswordKeys, Wrapped};
use crate::crypto::suite::SecretKey;
use crate::store::staff::StaffRow;
use crate::store::{StoreResult, audit, devices, keys, recovery_codes, staff};

/// Consecutive failures that lock an account.
pub const MAX_FAILURES: i64 = 10;
/// How long a lock lasts.
pub const LOCK_SECS: i64 = 15 * 60;
/// TOTP issuer shown in authenticator apps.
pub const ISSUER: &str = "Chorus";

pub struct LoginInput {
    pub username: String,
    pub password: SecretString,
    pub code: Zeroizing<String>,
    pub device_token: Option<String>,
}

/// What the slow, read-only part of a login concluded.
pub enum Verdict {
    Good {
        member: Box<StaffRow>,
        /// Their private key, for the session vault.
        secret: SecretKey,
        keys: EpochKeys,
        totp_step: Option<i64>,
        recovery_code: Option<Zeroizing<String>>,
    },
    /// A failure; `member` when the account exists (its counter goes up).
    Bad { member: Option<([u8; 16], String)> },
}

/// The slow part, on the blocking pool: Argon2id, TOTP, unwrapping keys. Reads only.
pub fn verify(
    conn: &Connection,
    input: &LoginInput,
    memory_kib: u32,
    now: i64,
) -> Result<Verdict, ReviewError> {
    let username = input.username.trim().to_ascii_lowercase();
    let member = staff::by_username(conn, &username)?.filter(|m| m.active);
    // Unknown users cost the same Argon2id run, against a dummy salt.
    let salt = member
        .as_ref()
        .map(|m| m.salt.clone())
        .unwrap_or_else(|| vec![0u8; 16]);
    let derived = PasswordKeys::derive(&input.password, &salt, memory_kib);
    let Some(member) = member else {
        return Ok(Verdict::Bad { member: None });
    };
    let bad = Verdict::Bad {
        member: Some((member.id, member.username.clone())),
    };
    let Ok(derived) = derived else { return Ok(bad) };
    let known_device = match &input.device_token {
        Some(token) => devices::is_known(conn, token, &member.id)?,
        None => false,
    };
    let locked = member.locked_until.is_some_and(|until| until > now) && !known_device;
    if locked || !derived.verifies(&member.verifier) {
        return Ok(bad);
    }
    let Ok(totp_secret) =
        derived.unwrap(Wrapped::TotpSecret, &member.sealed_totp_secret, &member.id)
    else {
        return Ok(bad);
    };
    let code: String = input.code.chars().filter(|c| !c.is_whitespace()).collect();
    let (totp_step, recovery_code) = if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit())
    {
        let totp = setup::totp(&totp_secret, &member.username, ISSUER)?;
        match totp.check(&code, u64::try_from(now).unwrap_or(0)) {
            // A step at or before the last one used is a replay.
            Some(step) => {
                let step = i64::try_from(step).unwrap_or(i64::MAX);
                if member.totp_last_step.is_some_and(|last| step <= last) {
                    return Ok(bad);
                }
                (Some(step), None)
            }
            None => return Ok(bad),
        }
    } else if !code.is_empty() && recovery_codes::exists(conn, &member.id, &code)? {
        (None, Some(Zeroizing::new(code)))
    } else {
        return Ok(bad);
    };
    let Ok(seed) = derived.unwrap(Wrapped::PrivateKey, &member.wrapped_private_key, &member.id)
    else {
        return Ok(bad);
    };
    let secret = SecretKey::from_seed(&seed)?;
    let mut opened = Vec::new();
    for (epoch_id, sealed) in keys::grants_for(conn, &member.id)? {
        opened.push((
            epoch_id,
            epochs::open_grant(&epoch_id, &member.id, &secret, &sealed)?,
        ));
    }
    Ok(Verdict::Good {
        member: Box::new(member),
        secret,
        keys: EpochKeys::from_pairs(opened),
        totp_step,
        recovery_code,
    })
}

/// Records a good login in one transaction: clears failures, stores the TOTP step (refusing a
/// replay that raced us), uses up a recovery code, remembers the device, audits. False if the
/// login must be refused after all.
pub fn record_good(
    conn: &Connection,
    member: &StaffRow,
    totp_step: Option<i64>,
    recovery_code: Option<&str>,
    device_token: &str,
    at: &str,
) -> StoreResult<bool> {
    if !staff::record_success(conn, &member.id, totp_step)? {
        return Ok(false);
    }
    // A recovery code used meanwhile: roll back the whole record (failure reset included).
    if let Some(code) = recovery_code
        && !recovery_codes::consume(conn, &member.id, code)?
    {
        return Err(crate::store::StoreError::Conflict(
            "recovery code already used",
        ));
    }
    devices::insert(conn, device_token, &member.id)?;
    let how = if recovery_code.is_some() {
        "recovery code"
    } else {
        "totp"
    };
    audit::append(conn, at, &member.username, "login.success", how)?;
    Ok(true)
}

/// Records a failure: counts it against an existing account (locking it at the limit) and
/// audits it — naming the account only if it exists.
pub fn record_bad(
    conn: &Connection,
    member: Option<&([u8; 16], String)>,
    now: i64,
    at: &str,
) -> StoreResult<()> {
    match member {
        Some((id, username)) => {
            staff::record_failure(conn, id, MAX_FAILURES, now + LOCK_SECS)?;
            audit::append(conn, at, username, "login.failure", "")
        }
        None => audit::append(conn, at, "-", "login.failure", "unknown account"),
    }
}
