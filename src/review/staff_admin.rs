//! Managing staff: invitations (which carry no key), granting epoch keys from an admin's
//! unlocked session, disabling (which deletes grants and rotates), passphrase changes.

use rusqlite::Connection;
use secrecy::SecretString;

use super::keyring::EpochKeys;
use super::{ReviewError, epochs, setup};
use crate::crypto::random;
use crate::crypto::staff_key::{PasswordKeys, Wrapped};
use crate::crypto::suite::PublicKey;
use crate::store::{
    StoreError, StoreResult, audit, devices, invitations, keys, recovery_codes, staff,
};

/// How long an invitation link stays valid.
pub const INVITATION_SECS: i64 = 24 * 3600;
/// One-time TOTP recovery codes handed out at enrolment.
pub const RECOVERY_CODES: usize = 8;

/// Creates an invitation; returns the token for the link (shown once, stored hashed).
pub fn invite(
    conn: &Connection,
    username: &str,
    role: &str,
    actor: &str,
    now: i64,
    at: &str,
) -> Result<String, ReviewError> {
    let username = setup::parse_username(username)?;
    if super::sessions::Role::parse(role).is_none() {
        return Err(ReviewError::InvalidInput(
            "Choose a role: reviewer or admin.",
        ));
    }
    if staff::by_username(conn, &username)?.is_some() {
        return Err(ReviewError::InvalidInput(
            "Someone already has that username.",
        ));
    }
    let token = random::token_hex()?;
    invitations::insert(conn, &token, &username, role, now + INVITATION_SECS)?;
    audit::append(
        conn,
        at,
        actor,
        "staff.invite",
        &format!("{username} as {role}"),
    )?;
    Ok(token)
}

/// Fresh one-time recovery codes: 10 characters from a 32-letter alphabet (50 bits each).
pub fn new_recovery_codes() -> Result<Vec<String>, ReviewError> {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let bytes = random::bytes::<10>()?;
        let code: String = bytes
            .iter()
            .map(|b| char::from(ALPHABET.get(usize::from(b % 32)).copied().unwrap_or(b'a')))
            .collect();
        codes.push(format!(
            "{}-{}",
            code.get(..5).unwrap_or_default(),
            code.get(5..).unwrap_or_default()
        ));
    }
    Ok(codes)
}

/// Commits an accepted invitation: the new member (without grants) and their recovery codes.
pub fn accept(
    conn: &Connection,
    token: &str,
    member: &setup::NewMember,
    codes: &[String],
    now: i64,
    at: &str,
) -> StoreResult<()> {
    match invitations::consume(conn, token, now)? {
        Some((username, role)) if username == member.row.username && role == member.row.role => {}
        _ => return Err(StoreError::Conflict("token")),
    }
    if staff::by_username(conn, &member.row.username)?.is_some() {
        return Err(StoreError::Conflict("username taken"));
    }
    staff::insert(conn, &member.row, at)?;
    recovery_codes::replace_all(conn, &member.row.id, codes)?;
    audit::append(
        conn,
        at,
        &member.row.username,
        "staff.enrol",
        &format!("key {} awaiting a grant", member.public.fingerprint()),
    )
}

/// Seals every epoch key the admin's session holds to `member_id` (audited).
pub fn grant(
    conn: &Connection,
    admin_keys: &EpochKeys,
    member_id: &[u8; 16],
    actor: &str,
    at: &str,
) -> Result<String, ReviewError> {
    let member = staff::by_id(conn, member_id)?
        .filter(|m| m.active)
        .ok_or(ReviewError::InvalidInput("No such active staff member."))?;
    let public = PublicKey::from_bytes(&member.public_key)?;
    // The keys were opened before this transaction: if a rotation committed meanwhile they
    // miss the newest epoch, and the grant would be incomplete. Refuse; the admin retries.
    if keys::all_epoch_ids(conn)?
        .iter()
        .any(|id| admin_keys.get(id).is_none())
    {
        return Err(ReviewError::InvalidInput(
            "The keys changed while you were granting (a rotation). Please try again.",
        ));
    }
    let mut granted = 0;
    for (epoch_id, secret) in admin_keys.iter() {
        let sealed = epochs::seal_grant(epoch_id, secret, &member.id, &public)?;
        conn.execute(
            "INSERT OR IGNORE INTO key_grants (epoch_id, recipient_id, sealed_key) VALUES (?1, ?2, ?3)",
            rusqlite::params![epoch_id, member.id, sealed],
        )
        .map_err(StoreError::from)?;
        granted += 1;
    }
    let fingerprint = public.fingerprint();
    audit::append(
        conn,
        at,
        actor,
        "staff.grant",
        &format!("{} key {fingerprint}: {granted} epochs", member.username),
    )?;
    Ok(fingerprint)
}

/// Disables a member: no more logins, their grants deleted, their devices forgotten, and a
/// new epoch (so copies of their key in old backups open nothing submitted afterwards).
pub fn disable(
    conn: &Connection,
    username: &str,
    actor: &str,
    at: &str,
) -> Result<[u8; 16], ReviewError> {
    let member = staff::by_username(conn, username)?
        .filter(|m| m.active)
        .ok_or(ReviewError::InvalidInput("No such active staff member."))?;
    if member.role == "admin" {
        let other_admins = staff::active(conn)?
            .iter()
            .filter(|m| m.role == "admin" && m.id != member.id)
            .count();
        if other_admins == 0 {
            return Err(ReviewError::InvalidInput(
                "The last admin cannot be disabled.",
            ));
        }
    }
    staff::set_active(conn, &member.id, false)?;
    keys::delete_grants_for(conn, &member.id)?;
    devices::delete_for(conn, &member.id)?;
    audit::append(conn, at, actor, "staff.disable", &member.username)?;
    epochs::rotate(conn, at, actor)?;
    Ok(member.id)
}

/// New wrapped material for a passphrase change. Slow (two Argon2id runs): use the gate.
pub struct Rewrapped {
    pub salt: Vec<u8>,
    pub verifier: Vec<u8>,
    pub wrapped_private_key: Vec<u8>,
    pub sealed_totp_secret: Vec<u8>,
}

pub fn rewrap(
    conn: &Connection,
    staff_id: &[u8; 16],
    current: &SecretString,
    new: &SecretString,
    memory_kib: u32,
) -> Result<Rewrapped, ReviewError> {
    setup::check_password(new)?;
    let member = staff::by_id(conn, staff_id)?.ok_or(ReviewError::BadCredentials)?;
    let old = PasswordKeys::derive(current, &member.salt, memory_kib)
        .map_err(|_| ReviewError::BadCredentials)?;
    if !old.verifies(&member.verifier) {
        return Err(ReviewError::BadCredentials);
    }
    let seed = old.unwrap(Wrapped::PrivateKey, &member.wrapped_private_key, &member.id)?;
    let totp = old.unwrap(Wrapped::TotpSecret, &member.sealed_totp_secret, &member.id)?;
    let salt = random::bytes::<16>()?;
    let fresh = PasswordKeys::derive(new, &salt, memory_kib)?;
    Ok(Rewrapped {
        salt: salt.to_vec(),
        verifier: fresh.verifier().to_vec(),
        wrapped_private_key: fresh.wrap(Wrapped::PrivateKey, &seed, &member.id)?,
        sealed_totp_secret: fresh.wrap(Wrapped::TotpSecret, &totp, &member.id)?,
    })
}

pub fn commit_rewrap(
    conn: &Connection,
    staff_id: &[u8; 16],
    r: &Rewrapped,
    actor: &str,
    at: &str,
) -> StoreResult<()> {
    staff::update_secrets(
        conn,
        staff_id,
        &r.salt,
        &r.verifier,
        &r.wrapped_private_key,
        &r.sealed_totp_secret,
    )?;
    audit::append(conn, at, actor, "staff.password_change", "")
}
