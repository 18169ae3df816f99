//! Sharing the work: who is on a statement (one at a time, or many at once), and the audit
//! record of statements a survivor's follow-up reopened, written once the day has closed.

use super::ReviewError;
use super::desk::{Actor, Desk};
use super::sessions::SessionView;
use crate::domain::{AuditAction, StaffId, TestimonyId};
use crate::store::{audit, casework, staff, testimonies};

impl Desk {
    /// The active staff a statement can be assigned to, by username.
    pub async fn assignable(&self) -> Result<Vec<String>, ReviewError> {
        let mut names: Vec<String> = self
            .store
            .read(staff::active)
            .await?
            .into_iter()
            .map(|m| m.username)
            .collect();
        names.sort();
        Ok(names)
    }

    /// The active staff member called `username` (refused when there is none).
    fn staff_named(conn: &rusqlite::Connection, username: &str) -> Result<StaffId, ReviewError> {
        staff::by_username(conn, username)?
            .filter(|m| m.active)
            .map(|m| m.id)
            .ok_or(ReviewError::InvalidInput("err-assign-unknown"))
    }

    /// Puts `username` on a statement, or nobody with `None` (audited).
    #[tracing::instrument(skip_all)]
    pub async fn assign(
        &self,
        session: &SessionView,
        id: TestimonyId,
        username: Option<String>,
    ) -> Result<(), ReviewError> {
        self.keys_of(session).await?;
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                testimonies::status_of(conn, &id)?.ok_or(ReviewError::NotFound)?;
                let to = match &username {
                    Some(name) => Some(Desk::staff_named(conn, name)?),
                    None => None,
                };
                casework::assign(conn, &id, to.as_ref())?;
                let detail = match &username {
                    Some(name) => format!("{id} -> {name}"),
                    None => format!("{id} -> nobody"),
                };
                audit::append_about(
                    conn,
                    &at,
                    &actor,
                    AuditAction::TestimonyAssign,
                    &detail,
                    &[id],
                )?;
                Ok(())
            })
            .await
    }

    /// Puts `username` (or nobody) on every statement in `ids` that exists: one transaction,
    /// one short audit entry. Returns how many changed.
    #[tracing::instrument(skip_all)]
    pub async fn assign_many(
        &self,
        session: &SessionView,
        ids: Vec<TestimonyId>,
        username: Option<String>,
    ) -> Result<usize, ReviewError> {
        super::bulk::check_selection(&ids)?;
        self.keys_of(session).await?;
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let to = match &username {
                    Some(name) => Some(Desk::staff_named(conn, name)?),
                    None => None,
                };
                let mut changed = Vec::new();
                for id in &ids {
                    if testimonies::status_of(conn, id)?.is_none() {
                        continue;
                    }
                    if casework::assign(conn, id, to.as_ref())? != to {
                        changed.push(*id);
                    }
                }
                if !changed.is_empty() {
                    let who = username.as_deref().unwrap_or("nobody");
                    let detail = format!("-> {who} for {} statements", changed.len());
                    audit::append_about(
                        conn,
                        &at,
                        &actor,
                        AuditAction::TestimonyAssignBulk,
                        &detail,
                        &changed,
                    )?;
                }
                Ok(changed.len())
            })
            .await
    }

    /// Writes to the audit log the statements follow-ups reopened on days that have closed:
    /// one entry per day, by "follow-up", with the day only. Returns how many days.
    #[tracing::instrument(skip_all)]
    pub async fn record_reopenings(&self) -> Result<usize, ReviewError> {
        let now = self.now();
        let (today, at) = (now.day(), now.rfc3339());
        let actor = Actor::System("follow-up").name();
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let days = casework::reopened_before(conn, &today)?;
                for (day, ids) in &days {
                    let detail = format!(
                        "{day}: {} statements resolved -> in_progress by their author's follow-up",
                        ids.len()
                    );
                    audit::append_about(
                        conn,
                        &at,
                        &actor,
                        AuditAction::TestimonyReopen,
                        &detail,
                        ids,
                    )?;
                    casework::clear_reopened(conn, day)?;
                }
                Ok(days.len())
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use secrecy::SecretString;
    use time::macros::datetime;

    use super::*;
    use crate::clock::Clock;
    use crate::config::Config;
    use crate::domain::Status;
    use crate::publish::Publisher;
    use crate::store::testimonies::StoredTestimony;
    use crate::store::{Store, keys};

    fn desk_at(store: &Store, at: time::OffsetDateTime) -> Desk {
        let config = Config {
            argon2_memory_kib: 64 * 1024,
            ..Config::default()
        };
        let clock = Clock::fixed(at);
        let publisher = Publisher::load(store.clone(), &config, clock.clone()).unwrap();
        Desk::new(store.clone(), &config, Arc::new(publisher), clock)
    }

    #[tokio::test]
    async fn a_reopening_is_audited_only_after_its_day_with_the_day_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("chorus.db"), 16).unwrap();
        let that_day = desk_at(&store, datetime!(2026-12-01 21:47:13 UTC));
        that_day
            .set_up_from_cli("admin", SecretString::from("a long enough passphrase"))
            .await
            .unwrap();
        let id = TestimonyId::random().unwrap();
        store
            .write(move |conn| -> Result<_, ReviewError> {
                let (epoch_id, _) = keys::newest_epoch(conn)?.unwrap();
                testimonies::insert(
                    conn,
                    &StoredTestimony {
                        id,
                        received_day: "2026-11-30".to_owned(),
                        epoch_id,
                        status: Status::InProgress,
                        uncounted: false,
                        ciphertext: vec![0; 8],
                        receipt: None,
                    },
                    || crate::crypto::random::word().ok(),
                )?;
                casework::note_reopened(conn, &id, "2026-12-01")?;
                Ok(())
            })
            .await
            .unwrap();
        // The same day: nothing is written yet.
        assert_eq!(that_day.record_reopenings().await.unwrap(), 0);
        // The next morning: one entry, naming the day, never the follow-up's time.
        let next = desk_at(&store, datetime!(2026-12-02 08:00:30 UTC));
        assert_eq!(next.record_reopenings().await.unwrap(), 1);
        assert_eq!(next.record_reopenings().await.unwrap(), 0);
        let (page, check) = next
            .audit_log(Actor::CLI, audit::AuditQuery::default())
            .await
            .unwrap();
        let entry = &page.entries[0];
        assert_eq!(entry.action, "testimony.reopen");
        assert_eq!(entry.actor, "follow-up");
        assert_eq!(entry.at, "2026-12-02T08:00:30Z");
        assert!(
            entry.detail.contains("2026-12-01: 1 statements"),
            "{}",
            entry.detail
        );
        assert!(!entry.detail.contains("21:47"));
        assert!(check.verdict.is_ok());
    }
}
