//! Retention: testimonies older than `retention_days` are deleted (audited), by
//! `chorus purge` and by a daily task. Counts are history and stay.

use time::Duration;

use super::ReviewError;
use super::desk::{Actor, Desk};
use crate::clock::day_string;
use crate::domain::AuditAction;
use crate::store::{audit, testimonies};

impl Desk {
    /// Deletes what is older than the retention limit; how many went (0 when retention is
    /// off). Checkpoints after a deletion so nothing lingers in the WAL.
    #[tracing::instrument(skip_all)]
    pub async fn purge_expired(&self, actor: Actor<'_>) -> Result<usize, ReviewError> {
        actor.require_admin()?;
        let days = self.retention_days;
        if days == 0 {
            return Ok(0);
        }
        let now = self.now();
        let cutoff = day_string((now.time() - Duration::days(i64::from(days))).date());
        let by = actor.name();
        let deleted = self
            .store
            .write(move |conn| -> Result<_, ReviewError> {
                let deleted = testimonies::delete_before(conn, &cutoff)?;
                if deleted > 0 {
                    let detail = format!("{deleted} received before {cutoff}");
                    audit::append(
                        conn,
                        &now.rfc3339(),
                        &by,
                        AuditAction::RetentionPurge,
                        &detail,
                    )?;
                }
                Ok(deleted)
            })
            .await?;
        if deleted > 0 {
            self.store.checkpoint().await;
        }
        Ok(deleted)
    }
}
