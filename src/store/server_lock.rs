//! One server per data directory. The server holds an exclusive lock on `chorus.lock` in the
//! data dir for as long as it runs; `chorus restore` takes the same lock, so it can tell that
//! a server is running there and refuse, and no server can start halfway through a restore.
//!
//! A separate file, not the database: SQLite's own POSIX locks on `chorus.db` are dropped
//! when any descriptor of that file in the process closes, so nothing else may open it
//! just to lock it. The kernel releases the lock when the process dies, even by `kill -9`.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// The lock file's name inside the data directory.
pub const LOCK_FILE: &str = "chorus.lock";

/// Held while a server (or a restore) uses the data directory; released when dropped.
#[derive(Debug)]
pub struct ServerLock {
    // Holding the open file holds the lock.
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("a Chorus server is running on {0} (stop it first, e.g. `systemctl stop chorus`)")]
    InUse(String),
    #[error("cannot open {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl ServerLock {
    /// Takes the data directory's lock without waiting; `InUse` while another process holds it.
    pub fn try_acquire(data_dir: &Path) -> Result<ServerLock, LockError> {
        let path = data_dir.join(LOCK_FILE);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&path).map_err(|source| LockError::Io {
            path: path.display().to_string(),
            source,
        })?;
        match file.try_lock() {
            Ok(()) => Ok(ServerLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::InUse(data_dir.display().to_string())),
            Err(TryLockError::Error(source)) => Err(LockError::Io {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// True while some process holds the lock of `data_dir` (a server is running there).
    /// Only reads: works for a user who may not write there.
    pub fn is_held(data_dir: &Path) -> bool {
        File::open(data_dir.join(LOCK_FILE))
            .is_ok_and(|file| matches!(file.try_lock_shared(), Err(TryLockError::WouldBlock)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = ServerLock::try_acquire(dir.path()).unwrap();
        assert!(matches!(
            ServerLock::try_acquire(dir.path()),
            Err(LockError::InUse(_))
        ));
        assert!(ServerLock::is_held(dir.path()));
        drop(first);
        assert!(!ServerLock::is_held(dir.path()));
        assert!(ServerLock::try_acquire(dir.path()).is_ok());
    }
}
