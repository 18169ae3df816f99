//! `chorus backup PATH`: one SQLite file that alone restores the deployment. `VACUUM INTO`
//! a temporary file beside the target, fsync it, rename it into place, fsync the directory,
//! so a crash mid-backup never leaves a half-written file under the final name. Safe while
//! the server runs (it reads a consistent snapshot).

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::store::{StoreError, connection};

pub fn backup(database: &Path, target: &Path) -> Result<(), StoreError> {
    if target.exists() {
        return Err(StoreError::Conflict(
            "the backup file already exists; choose a new name",
        ));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix = hex::encode(
        crate::crypto::random::bytes::<6>().map_err(|_| StoreError::Conflict("random"))?,
    );
    let temp = dir.join(format!(".{name}.{suffix}.partial"));
    let conn = connection::open(database)?;
    let result = (|| -> Result<(), StoreError> {
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
