//! Setting up the first admin, by the one-time link printed at first start or by
//! `chorus init`. One Argon2id run over the password gives the login verifier and the keys
//! that wrap the admin's private key and seal their TOTP secret; the recovery key pair is
//! made and its private half handed back to be shown once; the first epoch is sealed to both.

use rusqlite::Connection;
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::{ReviewError, epochs};
use crate::crypto::staff_key::{MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS, PasswordKeys, Wrapped};
use crate::crypto::suite::{PublicKey, SecretKey};
use crate::crypto::{random, recovery};
use crate::store::staff::StaffRow;
use crate::store::{StoreError, audit, keys, setup_tokens, staff};

/// Bytes of a TOTP secret (160 bits, as RFC 4226 recommends).
pub const TOTP_SECRET_BYTES: usize = 20;

/// A username: 1–64 characters of a-z, 0-9, `.`, `_`, `-` (lower-cased).
pub fn parse_username(raw: &str) -> Result<String, ReviewError> {
    let name = raw.trim().to_ascii_lowercase();
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(name)
    } else {
        Err(ReviewError::InvalidInput(
            "Usernames are 1 to 64 characters: letters, digits, dots, dashes or underscores.",
        ))
    }
}

/// A staff password: a passphrase of at least 15 characters, at most 1 KiB.
pub fn check_password(password: &SecretString) -> Result<(), ReviewError> {
    let p = password.expose_secret();
    if p.chars().count() < MIN_PASSWORD_CHARS {
        return Err(ReviewError::InvalidInput(
            "Please choose a passphrase of at least 15 characters, such as the suggested words.",
        ));
    }
    if p.len() > MAX_PASSWORD_BYTES {
        return Err(ReviewError::InvalidInput(
            "That passphrase is too long (1024 bytes at most).",
        ));
    }
    Ok(())
}

/// A new TOTP secret.
pub fn new_totp_secret() -> Result<Zeroizing<Vec<u8>>, ReviewError> {
    Ok(Zeroizing::new(
        random::bytes::<TOTP_SECRET_BYTES>()?.to_vec(),
    ))
}

/// The `otpauth://` URI an authenticator app scans.
pub fn totp_uri(secret: &[u8], username: &str, issuer: &str) -> Result<String, ReviewError> {
    totp(secret, username, issuer)?
        .to_url()
        .map_err(|_| ReviewError::InvalidInput("The authenticator secret is not valid."))
}

/// RFC 6238 parameters: SHA-1, 6 digits, 30 s steps, ±1 step of skew.
pub fn totp(secret: &[u8], username: &str, issuer: &str) -> Result<totp_rs::Totp, ReviewError> {
    totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(totp_rs::Secret::new(secret.to_vec().into_boxed_slice()))
        .with_issuer(Some(issuer))
        .with_account_name(username)
        .build()
        .map_err(|_| ReviewError::InvalidInput("The authenticator secret is not valid."))
}

/// Everything computed for the first admin, ready to commit in one transaction.
pub struct PreparedAdmin {
    row: StaffRow,
    recovery_id: [u8; 16],
    recovery_public: PublicKey,
    staff_public: PublicKey,
}

/// What the person setting up must see once.
pub struct FirstAdmin {
    pub username: String,
    pub recovery_key: Zeroizing<String>,
    pub totp_uri: String,
    pub key_fingerprint: String,
}

/// A new staff member's row: a fresh key pair wrapped under their passphrase, their TOTP
/// secret sealed under it too. Slow (Argon2id): run it through the Argon2 gate.
pub struct NewMember {
    pub row: StaffRow,
    pub public: PublicKey,
}

pub fn new_member(
    username: &str,
    role: &str,
    password: &SecretString,
    totp_secret: &[u8],
    memory_kib: u32,
) -> Result<NewMember, ReviewError> {
    let username = parse_username(username)?;
    check_password(password)?;
    let id = random::id()?;
    let salt = random::bytes::<16>()?;
    let derived = PasswordKeys::derive(password, &salt, memory_kib)?;
    let secret = SecretKey::generate()?;
    let public = secret.public_key()?;
    let row = StaffRow {
        id,
        username,
        role: role.to_owned(),
        active: true,
        salt: salt.to_vec(),
        verifier: derived.verifier().to_vec(),
        public_key: public.to_bytes(),
        wrapped_private_key: derived.wrap(Wrapped::PrivateKey, secret.seed(), &id)?,
        sealed_totp_secret: derived.wrap(Wrapped::TotpSecret, totp_secret, &id)?,
        totp_last_step: None,
        failed_logins: 0,
        locked_until: None,
    };
    Ok(NewMember { row, public })
}

/// The first admin plus the recovery key pair. Blocking (Argon2id).
pub fn prepare(
    username: &str,
    password: &SecretString,
    totp_secret: &[u8],
    memory_kib: u32,
    issuer: &str,
) -> Result<(PreparedAdmin, FirstAdmin), ReviewError> {
    let member = new_member(username, "admin", password, totp_secret, memory_kib)?;
    let recovery_secret = SecretKey::generate()?;
    let recovery_public = recovery_secret.public_key()?;
    let shown = FirstAdmin {
        recovery_key: recovery::encode(&recovery_secret),
        totp_uri: totp_uri(totp_secret, &member.row.username, issuer)?,
        key_fingerprint: member.public.fingerprint(),
        username: member.row.username.clone(),
    };
    let prepared = PreparedAdmin {
        row: member.row,
        recovery_id: random::id()?,
        recovery_public,
        staff_public: member.public,
    };
    Ok((prepared, shown))
}

impl PreparedAdmin {
    /// Commits the admin, the recovery key, the first epoch and the audit entries. With a
    /// `token`, it must be a live set-up token and is used up.
    pub fn commit(
        &self,
        conn: &Connection,
        token: Option<&str>,
        now: i64,
        at: &str,
    ) -> Result<(), StoreError> {
        if staff::any_admin(conn)? {
            return Err(StoreError::Conflict("already set up"));
        }
        if let Some(token) = token
            && !setup_tokens::consume(conn, setup_tokens::PURPOSE_FIRST_ADMIN, token, now)?
        {
            return Err(StoreError::Conflict("token"));
        }
        setup_tokens::clear(conn, setup_tokens::PURPOSE_FIRST_ADMIN)?;
        staff::insert(conn, &self.row, at)?;
        keys::insert_recovery_key(
            conn,
            &self.recovery_id,
            &self.recovery_public.to_bytes(),
            at,
        )?;
        let recipients = vec![
            (self.row.id, self.staff_public.clone()),
            (self.recovery_id, self.recovery_public.clone()),
        ];
        let epoch = epochs::create(conn, &recipients, at)?;
        audit::append(
            conn,
            at,
            &self.row.username,
            "setup.first_admin",
            &format!("admin key {}", self.staff_public.fingerprint()),
        )?;
        audit::append(
            conn,
            at,
            &self.row.username,
            "keys.epoch",
            &format!("first epoch {}", hex::encode(epoch)),
        )?;
        Ok(())
    }
}

/// Maps a commit refusal to what the person should hear.
pub fn commit_error(e: StoreError) -> ReviewError {
    match e {
        StoreError::Conflict("already set up") => ReviewError::AlreadySetUp,
        StoreError::Conflict("token") => ReviewError::TokenInvalid,
        other => ReviewError::Store(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_and_passwords_are_checked() {
        assert_eq!(parse_username(" Alex.R ").unwrap(), "alex.r");
        assert!(parse_username("").is_err());
        assert!(parse_username("a b").is_err());
        assert!(parse_username(&"a".repeat(65)).is_err());
        assert!(check_password(&SecretString::from("short")).is_err());
        assert!(check_password(&SecretString::from("fifteen chars!!")).is_ok());
    }
}
