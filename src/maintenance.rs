//! Housekeeping while the server runs: expire staff sessions (and end those of anyone
//! disabled from the command line), checkpoint the WAL so old frames — which keep the order
//! things were written in — do not linger, and apply the retention limit daily.

use std::collections::HashSet;
use std::time::Duration;

use actix_web::web::Data;

use crate::review::retention;
use crate::store::{devices, staff};
use crate::web::AppState;

const EVERY: Duration = Duration::from_secs(30);
/// Checkpoints every this many rounds (10 minutes).
const CHECKPOINT_ROUNDS: u64 = 20;
/// Retention runs every this many rounds (about daily), first a minute after start.
const RETENTION_ROUNDS: u64 = 2 * 60 * 24;

pub async fn run(state: Data<AppState>) {
    let mut round: u64 = 0;
    loop {
        tokio::time::sleep(EVERY).await;
        round += 1;
        state.sessions.reap();
        // Devices of people disabled (from the web or the command line) stop being known.
        match state.store.read(devices::all_active).await {
            Ok(pairs) => state.devices.replace_all(pairs),
            Err(e) => tracing::warn!(error = %e, "could not reload known devices"),
        }
        match state.store.read(staff::active).await {
            Ok(active) => {
                let ids: HashSet<[u8; 16]> = active.iter().map(|m| m.id).collect();
                state.sessions.retain_staff(&ids);
            }
            Err(e) => tracing::warn!(error = %e, "could not check active staff"),
        }
        if round.is_multiple_of(CHECKPOINT_ROUNDS) {
            state.store.checkpoint().await;
        }
        let days = state.config.retention_days;
        if days > 0 && round % RETENTION_ROUNDS == 2 {
            let at = crate::time_util::now_rfc3339();
            let now = time::OffsetDateTime::now_utc();
            match state
                .store
                .write(move |conn| retention::purge(conn, days, now, "retention", &at))
                .await
            {
                Ok(n) if n > 0 => {
                    tracing::info!(deleted = n, "retention purge");
                    state.store.checkpoint().await;
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "retention purge failed"),
            }
        }
    }
}
