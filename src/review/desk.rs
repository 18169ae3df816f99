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
    #[tracing::instrument(skip_all)]
    pub(super) async fn keys_of(&self, session: &SessionView) -> Result<EpochKeys, ReviewError> {
        let secret = session.staff_secret()?;
        let id = session.staff_id;
        self.store
            .read(move |conn| keyring::open_grants(conn, id.into(), &secret))
            .await
    }

    /// Reloads the browsers known to have logged in (at start, and periodically, so
    /// disabling someone from the command line takes effect).
    #[tracing::instrument(skip_all)]
    pub async fn reload_known_devices(&self) -> Result<(), ReviewError> {
        let pairs = self.store.read(devices::all_active).await?;
        self.devices.replace_all(pairs);
        Ok(())
    }

    /// Housekeeping while the server runs: drop expired sessions, and end those of anyone
    /// disabled from the command line.
    #[tracing::instrument(skip_all)]
    pub async fn reap_sessions(&self) -> Result<(), ReviewError> {
        self.sessions.reap();
        let active = self.store.read(staff::active).await?;
        let ids: HashSet<_> = active.iter().map(|m| m.id).collect();
        self.sessions.retain_staff(&ids);
        Ok(())
    }

    /// Moves the WAL into the database file (housekeeping).
    #[tracing::instrument(skip_all)]
    pub async fn checkpoint(&self) {
        self.store.checkpoint().await;
    }

    /// Drops every session's keys (shutdown).
    pub fn lock_everything(&self) {
        self.sessions.clear();
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::domain::Username;
    use crate::review::ReviewError;

    fn desk_at(store: &Store, at: time::OffsetDateTime) -> Desk {
        let config = Config::default();
        let clock = Clock::fixed(at);
        let publisher = Publisher::load(store.clone(), &config, clock.clone()).unwrap();
        Desk::new(store.clone(), &config, Arc::new(publisher), clock)
    }

    #[tokio::test]
    async fn the_desk_reads_the_time_only_from_its_clock() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("chorus.db"), 16).unwrap();
        let made = datetime!(2026-12-01 09:00:00 UTC);
        let desk = desk_at(&store, made);
        let token = desk
            .invite(Actor::CLI, &Username::typed("sam"), Role::Reviewer)
            .await
            .unwrap();
        assert_eq!(
            desk.invitation(&token).await.unwrap(),
            ("sam".to_owned(), Role::Reviewer)
        );
        let (page, _) = desk
            .audit_log(Actor::CLI, crate::store::audit::AuditQuery::default())
            .await
            .unwrap();
        let entries = page.entries;
        assert_eq!(entries[0].at, "2026-12-01T09:00:00Z");
        assert_eq!(entries[0].action, "staff.invite");
        // A day and a second later, by another desk's clock, the link has expired.
        let later = desk_at(&store, made + time::Duration::seconds(24 * 3600 + 1));
        assert!(matches!(
            later.invitation(&token).await,
            Err(ReviewError::TokenInvalid)
        ));
    }

    #[tokio::test]
    async fn a_refused_action_leaves_no_audit_entry() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("chorus.db"), 16).unwrap();
        let desk = desk_at(&store, datetime!(2026-12-01 09:00:00 UTC));
        desk.invite(Actor::CLI, &Username::typed("sam"), Role::Reviewer)
            .await
            .unwrap();
        // No one to seal a new epoch to: refused, and nothing of it is kept.
        assert!(matches!(
            desk.rotate(Actor::CLI).await,
            Err(ReviewError::InvalidInput(_))
        ));
        let (page, check) = desk
            .audit_log(Actor::CLI, crate::store::audit::AuditQuery::default())
            .await
            .unwrap();
        let entries = page.entries;
        assert_eq!(entries.len(), 1);
        assert_eq!(check.verdict, Ok(1));
    }
}
