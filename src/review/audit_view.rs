//! Reading the audit log: the newest entries for the admin page, and a check of the whole
//! hash chain (the page and `chorus audit verify`).

use super::ReviewError;
use super::desk::{Actor, Desk};
use crate::store::audit::{self, AuditEntry, AuditQuery, BrokenEntry};

/// Entries one audit page shows.
pub const AUDIT_PAGE: u32 = 50;

/// One page of the audit log.
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Entries matching the filters, in all.
    pub total: u64,
    /// Whether older (and newer) matching entries exist beyond this page.
    pub older: bool,
    pub newer: bool,
}

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

    /// One entry and the statements it is about (a bulk action's ids, one click away).
    #[tracing::instrument(skip_all)]
    pub async fn audit_entry(
        &self,
        actor: Actor<'_>,
        seq: i64,
    ) -> Result<(AuditEntry, Vec<crate::domain::TestimonyId>), ReviewError> {
        actor.require_admin()?;
        self.store
            .read(move |conn| -> Result<_, ReviewError> {
                let entry = audit::entry(conn, seq)?.ok_or(ReviewError::NotFound)?;
                Ok((entry, audit::subjects_of(conn, seq)?))
            })
            .await
    }

    /// One page of entries, newest first, and the state of the chain.
    #[tracing::instrument(skip_all)]
    pub async fn audit_log(
        &self,
        actor: Actor<'_>,
        query: AuditQuery,
    ) -> Result<(AuditPage, ChainCheck), ReviewError> {
        actor.require_admin()?;
        self.store
            .read(move |conn| -> Result<_, ReviewError> {
                let check = ChainCheck {
                    verdict: audit::verify(conn)?,
                    head: audit::head(conn)?,
                };
                let (entries, total) = audit::page(conn, &query, AUDIT_PAGE)?;
                let (older, newer) = match (entries.last(), entries.first()) {
                    (Some(last), Some(first)) => (
                        audit::any_beyond(conn, &query, last.seq, true)?,
                        audit::any_beyond(conn, &query, first.seq, false)?,
                    ),
                    _ => (false, false),
                };
                Ok((
                    AuditPage {
                        entries,
                        total,
                        older,
                        newer,
                    },
                    check,
                ))
            })
            .await
    }
}
