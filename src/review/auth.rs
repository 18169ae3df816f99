//! Staff login: passphrase + TOTP (or a one-time recovery code). One Argon2id run opens the
//! staff member's keys; every failure — unknown user, wrong passphrase, wrong or replayed
//! code, locked account — costs the same work and gives the same answer. Ten consecutive
//! failures lock an account for a while, except for a browser holding a device cookie from an
//! earlier good login to it, so an attacker cannot lock staff out.

use rusqlite::Connection;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::desk::Desk;
use super::keyring::{self, EpochKeys};
use super::{ReviewError, totp};
use crate::clock::Now;
use crate::crypto::random;
use crate::crypto::staff_key::{PasswordKeys, Wrapped};
use crate::crypto::suite::SecretKey;
use crate::domain::{AuditAction, StaffId, TokenHash, Username};
use crate::i18n::Language;
use crate::store::staff::StaffRow;
use crate::store::{Store, audit, devices, recovery_codes, staff, testimonies};

/// Consecutive failures that lock an account.
pub const MAX_FAILURES: i64 = 10;
/// How long a lock lasts.
pub const LOCK_SECS: i64 = 15 * 60;

/// What the login form carried.
pub struct LoginAttempt {
    pub username: String,
    pub password: SecretString,
    pub code: Zeroizing<String>,
    /// The device cookie, when this browser has one.
    pub device_token: Option<String>,
}

/// A good login: the session cookie and the device cookie to set.
pub struct LoggedIn {
    pub session_cookie: Zeroizing<String>,
    pub device_token: String,
}

/// What the slow, read-only part of a login concluded.
enum Verdict {
    Good {
        member: Box<StaffRow>,
        /// Their private key, for the session vault.
        secret: SecretKey,
        totp_step: Option<i64>,
        recovery_code: Option<Zeroizing<String>>,
    },
    /// A failure; `member` when the account exists (its counter goes up).
    Bad { member: Option<(StaffId, String)> },
}

impl Desk {
    /// Logs in. Every failure is [`ReviewError::BadCredentials`], recorded against the
    /// account when it exists; a spent throttle or a taken Argon2 permit is `Busy`.
    #[tracing::instrument(skip_all)]
    pub async fn log_in(&self, attempt: LoginAttempt) -> Result<LoggedIn, ReviewError> {
        let username = Username::typed(&attempt.username).into_string();
        // A browser that logged in to this account before skips the site-wide throttle (with
        // a small budget of its own) and uses the reserved Argon2 permit: a login flood must
        // not lock staff out. Recognised in memory: no database work before the throttle.
        let known_device = attempt
            .device_token
            .as_deref()
            .is_some_and(|token| self.devices.knows(token, &username));
        let admitted = match attempt.device_token.as_deref() {
            Some(token) if known_device => self.devices.admits(token),
            _ => self.login_limiter.check().is_ok(),
        };
        if !admitted {
            return Err(ReviewError::Busy);
        }
        let now = self.now();
        let (store, memory) = (self.store.clone(), self.memory_kib);
        let work = move || {
            verify(&store, &username, &attempt, memory, now.unix())
                .map(|verdict| (verdict, attempt))
        };
        let gate = if known_device {
            &self.argon_reserved
        } else {
            &self.argon
        };
        let (verdict, attempt) = gate.run(work).await?;
        let (member, secret, totp_step, recovery_code) = match verdict {
            Verdict::Good {
                member,
                secret,
                totp_step,
                recovery_code,
            } => (member, secret, totp_step, recovery_code),
            Verdict::Bad { member } => return Err(self.record_bad(member, now).await),
        };
        let device = match &attempt.device_token {
            Some(token) => token.clone(),
            None => random::token_hex()?,
        };
        // The session exists before the login is recorded, so no `login.success` is ever
        // written for a login that could not open one; it is dropped if the record fails.
        let session_cookie =
            self.sessions
                .create(member.id, member.username.clone(), member.role, &secret)?;
        let language = member.language.as_deref().and_then(Language::parse);
        self.sessions.set_language(&member.id, language);
        let (m, d) = (member.clone(), device.clone());
        let recorded = self
            .store
            .write(move |conn| record_good(conn, &m, totp_step, recovery_code.as_deref(), &d, now))
            .await;
        if recorded.is_err() {
            self.sessions.destroy(&session_cookie);
        }
        match recorded {
            Ok(()) => {}
            // A replayed code that raced another login, or a recovery code used meanwhile.
            Err(ReviewError::BadCredentials) => {
                return Err(self
                    .record_bad(Some((member.id, member.username.clone())), now)
                    .await);
            }
            Err(e) => return Err(e),
        }
        self.devices.add(&device, &member.username);
        self.recount_uncounted(&member, &secret).await;
        Ok(LoggedIn {
            session_cookie,
            device_token: device,
        })
    }

    /// Ends the session behind `cookie`.
    pub fn log_out(&self, cookie: &str) {
        self.sessions.destroy(cookie);
    }

    /// Counts a failure (locking the account at the limit) and audits it; the answer to give.
    #[tracing::instrument(skip_all)]
    pub(super) async fn record_bad(
        &self,
        member: Option<(StaffId, String)>,
        now: Now,
    ) -> ReviewError {
        let recorded = self
            .store
            .write(move |conn| record_failure(conn, member.as_ref(), now))
            .await;
        match recorded {
            Ok(()) => ReviewError::BadCredentials,
            Err(e) => e,
        }
    }

    /// Rows left uncounted at start (their tallies were in the RAM of the previous process)
    /// are counted again now that keys are open. That decrypts them, so it is audited
    /// first: no audit entry, no decryption. Best effort.
    async fn recount_uncounted(&self, member: &StaffRow, secret: &SecretKey) {
        if self.publisher.has_adopted() {
            return;
        }
        let waiting = match self.store.read(testimonies::count_uncounted).await {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "could not count uncounted rows");
                return;
            }
        };
        let (actor, at) = (member.username.clone(), self.now().rfc3339());
        let audited: Result<(), ReviewError> = self
            .store
            .write(move |conn| {
                let detail = format!("{waiting} uncounted rows decrypted for their categories");
                audit::append(conn, &at, &actor, AuditAction::CountsRecount, &detail)?;
                Ok(())
            })
            .await;
        if let Err(e) = audited {
            tracing::warn!(error = %e, "could not audit the recount; rows stay uncounted for now");
            return;
        }
        let (id, secret) = (member.id, secret.clone());
        let keys: Result<EpochKeys, ReviewError> = self
            .store
            .read(move |conn| keyring::open_grants(conn, id.into(), &secret))
            .await;
        let adopted = match keys {
            Ok(keys) => self
                .publisher
                .adopt_uncounted(move |row| keys.tally_of(row))
                .await
                .map(|_| ()),
            Err(e) => {
                tracing::warn!(error = %e, "could not open keys to recount uncounted rows");
                return;
            }
        };
        if let Err(e) = adopted {
            tracing::warn!(error = %e, "could not recount uncounted rows");
        }
    }
}

/// The slow part, on the blocking pool: Argon2id, TOTP, unwrapping keys. Reads only, each
/// read short: no read snapshot is held across Argon2id (a long-lived reader keeps the WAL
/// from being reset while intake writes).
fn verify(
    store: &Store,
    username: &str,
    attempt: &LoginAttempt,
    memory_kib: u32,
    now: i64,
) -> Result<Verdict, ReviewError> {
    let member = store
        .read_blocking(|conn| staff::by_username(conn, username))?
        .filter(|m| m.active);
    // Unknown users cost the same Argon2id run, against a dummy salt.
    let salt = member
        .as_ref()
        .map(|m| m.salt.clone())
        .unwrap_or_else(|| vec![0u8; 16]);
    let derived = PasswordKeys::derive(&attempt.password, &salt, memory_kib);
    let Some(member) = member else {
        return Ok(Verdict::Bad { member: None });
    };
    let bad = Verdict::Bad {
        member: Some((member.id, member.username.clone())),
    };
    let Ok(derived) = derived else { return Ok(bad) };
    let known_device = match &attempt.device_token {
        Some(t) => {
            let device = TokenHash::of(t);
            store.read_blocking(|conn| devices::is_known(conn, &device, &member.id))?
        }
        None => false,
    };
    let locked = member.locked_until.is_some_and(|until| until > now) && !known_device;
    if locked || !derived.verifies(&member.verifier) {
        return Ok(bad);
    }
    let Ok(totp_secret) = derived.unwrap(
        Wrapped::TotpSecret,
        &member.sealed_totp_secret,
        member.id.as_bytes(),
    ) else {
        return Ok(bad);
    };
    let code: String = attempt
        .code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (totp_step, recovery_code) = if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit())
    {
        let totp = totp::totp(&totp_secret, &member.username)?;
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
    } else if !code.is_empty()
        && store.read_blocking(|conn| {
            recovery_codes::exists(conn, &member.id, &TokenHash::of_recovery_code(&code))
        })?
    {
        (None, Some(Zeroizing::new(code)))
    } else {
        return Ok(bad);
    };
    let Ok(seed) = derived.unwrap(
        Wrapped::PrivateKey,
        &member.wrapped_private_key,
        member.id.as_bytes(),
    ) else {
        return Ok(bad);
    };
    Ok(Verdict::Good {
        secret: SecretKey::from_seed(&seed)?,
        member: Box::new(member),
        totp_step,
        recovery_code,
    })
}

/// Records a good login in one transaction: clears failures, stores the TOTP step, uses up
/// a recovery code, remembers the device, audits. A replay that raced us, or a recovery
/// code used meanwhile, is `BadCredentials` and rolls all of it back.
fn record_good(
    conn: &Connection,
    member: &StaffRow,
    totp_step: Option<i64>,
    recovery_code: Option<&String>,
    device_token: &str,
    now: Now,
) -> Result<(), ReviewError> {
    if !staff::record_success(conn, &member.id, totp_step)? {
        return Err(ReviewError::BadCredentials);
    }
    if let Some(code) = recovery_code
        && !recovery_codes::consume(conn, &member.id, &TokenHash::of_recovery_code(code))?
    {
        return Err(ReviewError::BadCredentials);
    }
    devices::insert(conn, &TokenHash::of(device_token), &member.id)?;
    let how = if recovery_code.is_some() {
        "recovery code"
    } else {
        "totp"
    };
    audit::append(
        conn,
        &now.rfc3339(),
        &member.username,
        AuditAction::LoginSuccess,
        how,
    )?;
    Ok(())
}

/// Counts a failure against an existing account (locking it at the limit) and audits it —
/// naming the account only if it exists.
pub(super) fn record_failure(
    conn: &Connection,
    member: Option<&(StaffId, String)>,
    now: Now,
) -> Result<(), ReviewError> {
    let at = now.rfc3339();
    match member {
        Some((id, username)) => {
            staff::record_failure(conn, id, MAX_FAILURES, now.unix() + LOCK_SECS)?;
            audit::append(conn, &at, username, AuditAction::LoginFailure, "")?;
        }
        None => {
            audit::append(conn, &at, "-", AuditAction::LoginFailure, "unknown account")?;
        }
    }
    Ok(())
}
