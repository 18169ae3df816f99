//! `chorus backup PATH`: one SQLite file that alone restores the deployment. `VACUUM INTO`
//! a temporary file beside the target, fsync it, rename it into place, fsync the directory,
//! so a crash mid-backup never leaves a half-written file under the final name. Safe while
//! the server runs (it reads a consistent snapshot).

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::store::{StoreError, connection};

/// Why a backup was not written.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the backup file already exists; choose a new name")]
    Exists,
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub fn backup(database: &Path, target: &Path) -> Result<(), BackupError> {
    if target.exists() {
        return Err(BackupError::Exists);
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix = hex::encode(crate::crypto::random::bytes::<6>().map_err(|_| StoreError::Random)?);
    let temp = dir.join(format!(".{name}.{suffix}.partial"));
    let conn = connection::open(database)?;
    let result = (|| -> Result<(), BackupError> {
        // Create the file private first: VACUUM INTO fills an empty file as it finds it.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        drop(options.open(&temp)?);
        conn.execute("VACUUM INTO ?1", [temp.to_string_lossy().as_ref()])?;
        File::open(&temp)?.sync_all()?;
        std::fs::rename(&temp, target)?;
        File::open(&dir)?.sync_all()?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
