//! The database files' times show only the store's own housekeeping tick, never when the
//! latest statement arrived. Every commit writes the WAL (and each checkpoint the main
//! file), and a file's mtime would date it to the millisecond on an image of a quiet server.
//! So the writer and the checkpointer put the time of the last tick back on the database,
//! WAL and shared-memory files after each write, and the checkpointer ticks every `EVERY`
//! whether or not anything was written.
//!
//! The inode change time (ctime) cannot be set by anyone; ticking keeps it at the latest
//! tick on a server that has been quiet for longer than `EVERY` (SECURITY.md says so).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How often the files are stamped with a fresh time.
pub const EVERY: Duration = Duration::from_secs(30);

pub struct FileStamp {
    paths: [PathBuf; 3],
    /// The last tick, in milliseconds since the Unix epoch.
    tick_ms: AtomicU64,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl FileStamp {
    /// For the database at `db` (its `-wal` and `-shm` files beside it); ticks at once.
    pub fn new(db: &Path) -> FileStamp {
        let stamp = FileStamp {
            paths: [
                db.to_path_buf(),
                super::connection::wal_path(db),
                super::connection::shm_path(db),
            ],
            tick_ms: AtomicU64::new(0),
        };
        stamp.tick();
        stamp
    }

    /// Ticks if the last tick is `EVERY` old.
    pub fn tick_if_due(&self) {
        let due = self.tick_ms.load(Ordering::Relaxed) + EVERY.as_millis() as u64;
        if now_ms() >= due {
            self.tick();
        }
    }

    /// A housekeeping tick: a fresh time, applied to every file.
    pub fn tick(&self) {
        self.tick_ms.store(now_ms(), Ordering::Relaxed);
        self.apply();
    }

    /// Puts the last tick's time back on every file (after a commit or checkpoint).
    /// Best effort: a file that does not exist yet, or cannot be stamped, is left alone.
    ///
    /// By path (`utimensat`), never by opening the file: closing any descriptor of a file
    /// drops every POSIX lock this process holds on it, SQLite's included — an earlier
    /// version that opened the files let a CLI backup delete the running server's WAL.
    pub fn apply(&self) {
        use rustix::fs::{AtFlags, CWD, Timestamps, utimensat};
        let ms = self.tick_ms.load(Ordering::Relaxed);
        let at = rustix::fs::Timespec {
            tv_sec: i64::try_from(ms / 1000).unwrap_or(i64::MAX),
            tv_nsec: i64::try_from((ms % 1000) * 1_000_000).unwrap_or(0),
        };
        let times = Timestamps {
            last_access: at,
            last_modification: at,
        };
        for path in &self.paths {
            let _ = utimensat(CWD, path, &times, AtFlags::empty());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_keep_the_tick_time_after_a_write() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        std::fs::write(&db, b"one").unwrap();
        std::fs::write(dir.path().join("x.db-wal"), b"one").unwrap();
        let stamp = FileStamp::new(&db);
        let ticked = std::fs::metadata(&db).unwrap().modified().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(dir.path().join("x.db-wal"), b"two").unwrap();
        stamp.apply();
        for name in ["x.db", "x.db-wal"] {
            let modified = std::fs::metadata(dir.path().join(name))
                .unwrap()
                .modified()
                .unwrap();
            assert_eq!(modified, ticked, "{name}");
        }
    }
}
