//! Background checkpoints, off the commit path. With SQLite's default, the commit that
//! takes the WAL past 1,000 pages copies them into the main file and fsyncs it before it
//! returns — about 10 ms that every request in that batch waited (it was the p99 of intake
//! at any rate). Here a thread of its own moves committed frames into the main file every
//! `EVERY` with a PASSIVE checkpoint, which never blocks the writer; the writer resets the
//! WAL on its next commit once everything is copied. The writer keeps a far higher
//! automatic threshold as a safety net, should this thread ever fall behind.
//!
//! The same thread keeps the files' times on the housekeeping tick (see `file_times`).

use std::path::PathBuf;
use std::sync::{Arc, Weak};
use std::time::Duration;

use super::connection;
use super::file_times::FileStamp;

const EVERY: Duration = Duration::from_millis(100);

/// Runs while `alive` can be upgraded (the store exists).
pub fn start(db: PathBuf, stamp: Arc<FileStamp>, alive: Weak<()>) {
    let spawned = std::thread::Builder::new()
        .name("chorus-checkpoint".to_owned())
        .spawn(move || {
            let conn = match connection::open(&db) {
                Ok(conn) => conn,
                Err(e) => {
                    tracing::warn!(error = %e, "no background checkpoints: cannot open the database");
                    return;
                }
            };
            // (WAL frames, frames copied) after the last checkpoint: the main file was
            // written only when they change, and only then do its times need putting back.
            let mut last = (0i64, 0i64);
            while alive.upgrade().is_some() {
                std::thread::sleep(EVERY);
                match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                    Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
                }) {
                    Ok(now) if now != last && now.1 > 0 => {
                        last = now;
                        stamp.apply();
                    }
                    Ok(now) => last = now,
                    Err(e) => tracing::debug!(error = %e, "background checkpoint skipped"),
                }
                stamp.tick_if_due();
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "no background checkpoints: cannot start the thread");
    }
}
