//! Reading the audit log: the newest entries for the admin page, and a check of the whole
//! hash chain (the page and `chorus audit verify`).

use super::ReviewError;
use super::desk::{Actor, Desk};
use crate::store::audit::{self, AuditEntry, BrokenEntry};

/// Entries the audit page shows.
const RECENT: u32 = 200;

/// The state of the chain.
pub struct ChainCheck {
    /// How many entries, or where the chain breaks.
    pub verdict: Result<u64, BrokenEntry>,
    /// The newest entry's hash (hex), to note down elsewhere.
    pub head: Option<String>,
}

impl Desk {
    /// `chorus audit verify`: the whole chain, end to end.
    #[tracing::instrument(skip_all)]
    pub async fn verify_audit_chain(&self, actor: Actor<'_>) -> Result<ChainCheck, ReviewError> {
        actor.require_admin()?;
        self.store
            .read(|conn| -> Result<_, ReviewError> {
                Ok(ChainCheck {
                    verdict: audit::verify(conn)?,
                    head: audit::head(conn)?,
                })
            })
            .await
    }

    /// The newest entries, newest first, and the state of the chain.
    #[tracing::instrument(skip_all)]
    pub async fn audit_log(
        &self,
        actor: Actor<'_>,
    ) -> Result<(Vec<AuditEntry>, ChainCheck), ReviewError> {
        actor.require_admin()?;
        self.store
            .read(|conn| -> Result<_, ReviewError> {
                let check = ChainCheck {
                    verdict: audit::verify(conn)?,
                    head: audit::head(conn)?,
                };
                Ok((audit::recent(conn, RECENT)?, check))
            })
            .await
    }
}
