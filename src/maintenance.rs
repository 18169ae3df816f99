//! Housekeeping while the server runs: expire staff sessions (and end those of anyone
//! disabled from the command line), forget their browsers, checkpoint the WAL so old frames
//! — which keep the order things were written in — do not linger, apply the retention
//! limit daily, and write to the audit log the reopenings of days that have closed. Each
//! step is a `Desk` method; this only keeps time.

use std::sync::Arc;
use std::time::Duration;

use crate::review::{Actor, Desk};

const EVERY: Duration = Duration::from_secs(30);
/// Checkpoints every this many rounds (10 minutes).
const CHECKPOINT_ROUNDS: u64 = 20;
/// Retention runs every this many rounds (about daily), first a minute after start.
const RETENTION_ROUNDS: u64 = 2 * 60 * 24;

pub async fn run(desk: Arc<Desk>) {
    let mut round: u64 = 0;
    loop {
        tokio::time::sleep(EVERY).await;
        round += 1;
        if let Err(e) = desk.reap_sessions().await {
            tracing::warn!(error = %e, "could not check active staff");
        }
        // Devices of people disabled (from the web or the command line) stop being known.
        if let Err(e) = desk.reload_known_devices().await {
            tracing::warn!(error = %e, "could not reload known devices");
        }
        if let Err(e) = desk.record_reopenings().await {
            tracing::warn!(error = %e, "could not record reopened statements");
        }
        if round.is_multiple_of(CHECKPOINT_ROUNDS) {
            desk.checkpoint().await;
        }
        if round % RETENTION_ROUNDS == 2 {
            match desk.purge_expired(Actor::System("retention")).await {
                Ok(n) if n > 0 => tracing::info!(deleted = n, "retention purge"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "retention purge failed"),
            }
        }
    }
}
