//! Staff sessions, in memory only: a restart logs everyone out and locks everything.
//!
//! The cookie carries `session id ‖ vault key`. The server keeps, under SHA-256 of the id,
//! who is logged in and the vault: the private key their login unwrapped, encrypted under the
//! vault key that only the cookie holds. Each request opens the vault and, with that key, the
//! epoch grants currently on file — so a rotation reaches open sessions at once, and a
//! disabled member's sessions open nothing even before they end. Idle and absolute lifetimes are enforced on every
//! use and by a reaper; logout and expiry drop the entry (and wipe its buffers).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use super::ReviewError;
use crate::crypto::suite::SecretKey;
use crate::crypto::{random, vault};
use crate::domain::{Role, StaffId};
use crate::i18n::Language;

struct Session {
    staff_id: StaffId,
    username: String,
    role: Role,
    /// The language of their pages; `None` follows the deployment's default.
    language: Option<Language>,
    csrf: String,
    created: Instant,
    last_seen: Instant,
    vault: Vec<u8>,
}

impl Drop for Session {
    fn drop(&mut self) {
        self.vault.zeroize();
        self.csrf.zeroize();
    }
}

/// What a request learns from a valid session cookie.
pub struct SessionView {
    pub staff_id: StaffId,
    pub username: String,
    pub role: Role,
    pub language: Option<Language>,
    pub csrf: String,
    /// How long the session lasts without a request, and at most (from this request on).
    pub idle_left: Duration,
    pub absolute_left: Duration,
    vault_key: Zeroizing<Vec<u8>>,
    vault: Vec<u8>,
}

impl SessionView {
    /// The staff member's private key, for the length of this request.
    pub fn staff_secret(&self) -> Result<SecretKey, ReviewError> {
        vault::open(&self.vault_key, &self.vault)?
            .into_iter()
            .find(|(id, _)| id == self.staff_id.as_bytes())
            .map(|(_, key)| key)
            .ok_or(ReviewError::NoSession)
    }

    /// Constant-time check of a form's CSRF token.
    pub fn csrf_matches(&self, submitted: &str) -> bool {
        !submitted.is_empty() && bool::from(self.csrf.as_bytes().ct_eq(submitted.as_bytes()))
    }
}

impl Drop for SessionView {
    fn drop(&mut self) {
        self.vault.zeroize();
    }
}

pub struct SessionStore {
    sessions: Mutex<HashMap<[u8; 32], Session>>,
    idle: Duration,
    absolute: Duration,
}

fn lookup_key(session_id: &[u8]) -> [u8; 32] {
    Sha256::digest(session_id).into()
}

/// A secret byte string, wiped when dropped.
type SecretBytes = Zeroizing<Vec<u8>>;

/// Splits a cookie value into (session id, vault key).
fn parse_cookie(value: &str) -> Option<(SecretBytes, SecretBytes)> {
    let (id, key) = value.split_once('.')?;
    let id = Zeroizing::new(hex::decode(id).ok()?);
    let key = Zeroizing::new(hex::decode(key).ok()?);
    (id.len() == 32 && key.len() == 32).then_some((id, key))
}

impl SessionStore {
    pub fn new(idle: Duration, absolute: Duration) -> SessionStore {
        SessionStore {
            sessions: Mutex::new(HashMap::new()),
            idle,
            absolute,
        }
    }

    /// Starts a session holding `keys`; returns the cookie value (secret: never log it).
    pub fn create(
        &self,
        staff_id: StaffId,
        username: String,
        role: Role,
        staff_secret: &SecretKey,
    ) -> Result<Zeroizing<String>, ReviewError> {
        let session_id = Zeroizing::new(random::bytes::<32>()?);
        let (vault_key, vault) = vault::seal(std::iter::once((staff_id.as_bytes(), staff_secret)))?;
        let now = Instant::now();
        let session = Session {
            staff_id,
            username,
            role,
            language: None,
            csrf: random::token_hex()?,
            created: now,
            last_seen: now,
            vault,
        };
        let cookie = Zeroizing::new(format!(
            "{}.{}",
            hex::encode(session_id.as_slice()),
            hex::encode(vault_key.as_slice())
        ));
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.insert(lookup_key(session_id.as_slice()), session);
        }
        Ok(cookie)
    }

    /// The session behind a cookie, if it is live and the cookie's vault key opens its
    /// vault (a right id with a wrong key is no session, not an error); touches its idle
    /// timer.
    pub fn authenticate(&self, cookie: &str) -> Option<SessionView> {
        let (id, vault_key) = parse_cookie(cookie)?;
        let key = lookup_key(&id);
        let mut sessions = self.sessions.lock().ok()?;
        let now = Instant::now();
        let live = sessions.get(&key).is_some_and(|s| {
            now.duration_since(s.last_seen) < self.idle
                && now.duration_since(s.created) < self.absolute
        });
        if !live {
            sessions.remove(&key);
            return None;
        }
        let session = sessions.get_mut(&key)?;
        let view = SessionView {
            staff_id: session.staff_id,
            username: session.username.clone(),
            role: session.role,
            language: session.language,
            csrf: session.csrf.clone(),
            idle_left: self.idle,
            absolute_left: self
                .absolute
                .saturating_sub(now.duration_since(session.created)),
            vault_key,
            vault: session.vault.clone(),
        };
        view.staff_secret().ok()?;
        session.last_seen = now;
        Some(view)
    }

    /// Logout.
    pub fn destroy(&self, cookie: &str) {
        if let (Some((id, _)), Ok(mut sessions)) = (parse_cookie(cookie), self.sessions.lock()) {
            sessions.remove(&lookup_key(&id));
        }
    }

    /// The language of every open session of one staff member (set at login from their
    /// account, and when they change it).
    pub fn set_language(&self, staff_id: &StaffId, language: Option<Language>) {
        if let Ok(mut sessions) = self.sessions.lock() {
            for s in sessions.values_mut().filter(|s| &s.staff_id == staff_id) {
                s.language = language;
            }
        }
    }

    /// Ends every session of one staff member (disabled).
    pub fn destroy_for(&self, staff_id: &StaffId) {
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.retain(|_, s| &s.staff_id != staff_id);
        }
    }

    /// Drops expired sessions; returns how many remain.
    pub fn reap(&self) -> usize {
        let now = Instant::now();
        match self.sessions.lock() {
            Ok(mut sessions) => {
                sessions.retain(|_, s| {
                    now.duration_since(s.last_seen) < self.idle
                        && now.duration_since(s.created) < self.absolute
                });
                sessions.len()
            }
            Err(_) => 0,
        }
    }

    /// Ends every session of `staff_id` except the one behind `keep` (a passphrase change).
    pub fn destroy_others(&self, staff_id: &StaffId, keep: &str) {
        let keep = parse_cookie(keep).map(|(id, _)| lookup_key(&id));
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.retain(|k, s| &s.staff_id != staff_id || Some(*k) == keep);
        }
    }

    /// Ends the sessions of anyone not in `active` (disabled from the command line).
    pub fn retain_staff(&self, active: &std::collections::HashSet<StaffId>) {
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.retain(|_, s| active.contains(&s.staff_id));
        }
    }

    /// Drops every session (shutdown).
    pub fn clear(&self) {
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn key() -> SecretKey {
        SecretKey::generate().unwrap()
    }

    #[test]
    fn a_cookie_opens_its_vault_and_nothing_else_does() {
        let store = SessionStore::new(Duration::from_secs(60), Duration::from_secs(600));
        let secret = key();
        let cookie = store
            .create(
                StaffId::from_bytes([1; 16]),
                "a".into(),
                Role::Admin,
                &secret,
            )
            .unwrap();
        let view = store.authenticate(&cookie).unwrap();
        assert_eq!(view.staff_secret().unwrap().seed(), secret.seed());
        assert!(view.csrf_matches(&view.csrf.clone()));
        assert!(!view.csrf_matches(""));
        // The id alone, with a guessed vault key, is no session at all.
        let (id, _) = cookie.split_once('.').unwrap();
        let forged = format!("{id}.{}", "00".repeat(32));
        assert!(store.authenticate(&forged).is_none());
        assert!(store.authenticate("garbage").is_none());
        store.destroy(&cookie);
        assert!(store.authenticate(&cookie).is_none());
    }

    #[test]
    fn a_passphrase_change_ends_only_the_other_sessions() {
        let store = SessionStore::new(Duration::from_secs(60), Duration::from_secs(600));
        let here = store
            .create(
                StaffId::from_bytes([1; 16]),
                "a".into(),
                Role::Admin,
                &key(),
            )
            .unwrap();
        let there = store
            .create(
                StaffId::from_bytes([1; 16]),
                "a".into(),
                Role::Admin,
                &key(),
            )
            .unwrap();
        let someone_else = store
            .create(
                StaffId::from_bytes([2; 16]),
                "b".into(),
                Role::Admin,
                &key(),
            )
            .unwrap();
        store.destroy_others(&StaffId::from_bytes([1; 16]), &here);
        assert!(store.authenticate(&here).is_some());
        assert!(store.authenticate(&there).is_none());
        assert!(store.authenticate(&someone_else).is_some());
    }

    #[test]
    fn idle_sessions_expire() {
        let store = SessionStore::new(Duration::from_millis(50), Duration::from_secs(600));
        let cookie = store
            .create(
                StaffId::from_bytes([1; 16]),
                "a".into(),
                Role::Reviewer,
                &key(),
            )
            .unwrap();
        std::thread::sleep(Duration::from_millis(80));
        assert!(store.authenticate(&cookie).is_none());
        assert_eq!(store.reap(), 0);
    }
}
