//! The staff desk: one service object with one async method per staff action — log in,
//! triage, export, manage staff and keys, read the audit log, purge — spread over the files
//! of `review/` by area. Like `Intake`, each method owns its transaction (any `Err` rolls
//! all of it back), writes its audit entry in that same transaction, and answers a typed
//! [`ReviewError`]. The web handlers and the CLI call these methods and nothing below them.

use std::collections::HashSet;
use std::sync::Arc;

use super::ReviewError;
use super::argon_gate::ArgonGate;
use super::devices::KnownDevices;
use super::keyring::{self, EpochKeys};
use super::sessions::{SessionStore, SessionView};
use crate::clock::{Clock, Now};
use crate::config::Config;
use crate::domain::Role;
use crate::publish::Publisher;
use crate::store::{Store, devices, staff};
use crate::throttle::{self, Limiter};

/// Who an action is done by, as the audit log names them.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    /// A logged-in staff member.
    Staff(&'a SessionView),
    /// The operator at the command line, the recovery key, or the server itself
    /// (retention): trusted because they hold the data dir.
    System(&'static str),
}

impl Actor<'_> {
    /// `chorus …` at the command line.
    pub const CLI: Actor<'static> = Actor::System("cli");

    pub fn name(&self) -> String {
        match self {
            Actor::Staff(session) => session.username.clone(),
            Actor::System(name) => (*name).to_owned(),
        }
    }

    /// Admin-only actions refuse reviewers here too, not only in the web extractor.
    pub fn require_admin(&self) -> Result<(), ReviewError> {
        match self {
            Actor::Staff(session) if session.role != Role::Admin => Err(ReviewError::NotAdmin),
            _ => Ok(()),
        }
    }
}

pub struct Desk {
    pub(super) store: Store,
    pub(super) clock: Clock,
    pub(super) publisher: Arc<Publisher>,
    pub(super) memory_kib: u32,
    pub(super) retention_days: u32,
    /// Argon2id runs (each ~128 MiB): a global semaphore, busy answers 503 at once.
    pub(super) argon: ArgonGate,
    /// One Argon2 permit kept for browsers that logged in before.
    pub(super) argon_reserved: ArgonGate,
    /// Browsers that logged in before, by account.
    pub(super) devices: KnownDevices,
    pub(super) sessions: SessionStore,
    /// Site-wide login throttle (always on).
    pub(super) login_limiter: Limiter,
}

impl Desk {
    pub fn new(store: Store, config: &Config, publisher: Arc<Publisher>, clock: Clock) -> Desk {
        Desk {
            store,
            clock,
            publisher,
            memory_kib: config.argon2_memory_kib,
            retention_days: config.retention_days,
            argon: ArgonGate::new(config.argon2_concurrency),
            argon_reserved: ArgonGate::new(1),
            devices: KnownDevices::new(),
            sessions: SessionStore::new(
                std::time::Duration::from_secs(config.session_idle_secs),
                std::time::Duration::from_secs(config.session_absolute_secs),
            ),
            login_limiter: throttle::site_wide(config.login_per_second, config.login_burst),
        }
    }

    pub(super) fn now(&self) -> Now {
        self.clock.now()
    }

    /// The live session behind a cookie (None when expired, unknown, or its vault key does
    /// not open its vault); touches its idle timer.
    pub fn authenticate(&self, cookie: &str) -> Option<SessionView> {
        self.sessions.authenticate(cookie)
    }

    /// The epoch keys a session can open right now: its private key from the vault, then
    /// the grants on file (so a rotation reaches open sessions at once).
    pub(super) async fn keys_of(&self, session: &SessionView) -> Result<EpochKeys, ReviewError> {
        let secret = session.staff_secret()?;
        let id = session.staff_id;
        self.store
            .read(move |conn| keyring::open_grants(conn, id.into(), &secret))
            .await
    }

    /// Reloads the browsers known to have logged in (at start, and periodically, so
    /// disabling someone from the command line takes effect).
    pub async fn reload_known_devices(&self) -> Result<(), ReviewError> {
        let pairs = self.store.read(devices::all_active).await?;
        self.devices.replace_all(pairs);
        Ok(())
    }

    /// Housekeeping while the server runs: drop expired sessions, and end those of anyone
    /// disabled from the command line.
    pub async fn reap_sessions(&self) -> Result<(), ReviewError> {
        self.sessions.reap();
        let active = self.store.read(staff::active).await?;
        let ids: HashSet<_> = active.iter().map(|m| m.id).collect();
        self.sessions.retain_staff(&ids);
        Ok(())
    }

    /// Moves the WAL into the database file (housekeeping).
    pub async fn checkpoint(&self) {
        self.store.checkpoint().await;
    }

    /// Drops every session's keys (shutdown).
    pub fn lock_everything(&self) {
        self.sessions.clear();
    }
}
