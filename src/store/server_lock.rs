//! Who may use a data directory at once, with two advisory locks (flock) the kernel drops
//! when a process dies, even by `kill -9`:
//! - `chorus.lock`: held exclusively by the one server running there;
//! - `chorus.use.lock`: held *shared* by the server and by every command that opens the
//!   database, and *exclusively* by `chorus restore` — so a restore waits for nothing, and
//!   refuses while anything else has the database open (a write would land in the database
//!   being replaced, and a closing connection deletes the WAL by its name).
//!
//! Separate files, not the database: SQLite's own POSIX locks on `chorus.db` are dropped
//! when any descriptor of that file in the process closes, so nothing else may open it
//! just to lock it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// The server's lock file inside the data directory.
pub const LOCK_FILE: &str = "chorus.lock";
/// The lock file of everything that opens the database.
pub const USE_LOCK_FILE: &str = "chorus.use.lock";

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct DataDirLock {
    // Holding the open file holds the lock.
    _file: File,
}

/// Why a lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("a Chorus server is running on {0} (stop it first, e.g. `systemctl stop chorus`)")]
    ServerRunning(String),
    #[error(
        "Chorus is using {0} (a server, or a command such as a backup): stop it first, e.g. \
         `systemctl stop chorus`, and try again"
    )]
    InUse(String),
    #[error("a restore is under way on {0}: try again when it has finished")]
    Restoring(String),
    #[error("cannot open {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

#[derive(Clone, Copy)]
enum Mode {
    Shared,
    Exclusive,
}

/// Opens (creating, 0600) `data_dir/name` and tries the lock; `Ok(None)` when it is held.
fn try_lock(data_dir: &Path, name: &str, mode: Mode) -> Result<Option<DataDirLock>, LockError> {
    let path = data_dir.join(name);
    let io = |source| LockError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(&path).map_err(io)?;
    let locked = match mode {
        Mode::Shared => file.try_lock_shared(),
        Mode::Exclusive => file.try_lock(),
    };
    match locked {
        Ok(()) => Ok(Some(DataDirLock { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(source)) => Err(io(source)),
    }
}

impl DataDirLock {
    /// The server's locks: alone as a server, and using the database.
    pub fn server(data_dir: &Path) -> Result<[DataDirLock; 2], LockError> {
        let dir = || data_dir.display().to_string();
        let server = try_lock(data_dir, LOCK_FILE, Mode::Exclusive)?
            .ok_or_else(|| LockError::ServerRunning(dir()))?;
        let using = try_lock(data_dir, USE_LOCK_FILE, Mode::Shared)?
            .ok_or_else(|| LockError::Restoring(dir()))?;
        Ok([server, using])
    }

    /// A command that opens the database: alongside the server and other commands, never
    /// during a restore.
    pub fn command(data_dir: &Path) -> Result<DataDirLock, LockError> {
        try_lock(data_dir, USE_LOCK_FILE, Mode::Shared)?
            .ok_or_else(|| LockError::Restoring(data_dir.display().to_string()))
    }

    /// `chorus restore`: nothing else may have the database open.
    pub fn restore(data_dir: &Path) -> Result<DataDirLock, LockError> {
        let dir = || data_dir.display().to_string();
        let server = try_lock(data_dir, LOCK_FILE, Mode::Exclusive)?
            .ok_or_else(|| LockError::ServerRunning(dir()))?;
        let sole = try_lock(data_dir, USE_LOCK_FILE, Mode::Exclusive)?
            .ok_or_else(|| LockError::InUse(dir()))?;
        drop(server);
        Ok(sole)
    }

    /// True while a server runs on `data_dir`. Only reads: works for any user who may
    /// read the directory.
    pub fn server_running(data_dir: &Path) -> bool {
        File::open(data_dir.join(LOCK_FILE))
            .is_ok_and(|file| matches!(file.try_lock_shared(), Err(TryLockError::WouldBlock)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn one_server_commands_beside_it_and_a_restore_only_alone() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let server = DataDirLock::server(d).unwrap();
        assert!(DataDirLock::server_running(d));
        assert!(matches!(
            DataDirLock::server(d),
            Err(LockError::ServerRunning(_))
        ));
        let command = DataDirLock::command(d).unwrap();
        assert!(matches!(
            DataDirLock::restore(d),
            Err(LockError::ServerRunning(_))
        ));
        drop(server);
        assert!(!DataDirLock::server_running(d));
        // A command still has the database open.
        assert!(matches!(DataDirLock::restore(d), Err(LockError::InUse(_))));
        drop(command);
        let restore = DataDirLock::restore(d).unwrap();
        assert!(matches!(
            DataDirLock::command(d),
            Err(LockError::Restoring(_))
        ));
        assert!(matches!(
            DataDirLock::server(d),
            Err(LockError::Restoring(_))
        ));
        drop(restore);
        assert!(DataDirLock::server(d).is_ok());
    }
}
