//! `chorus restore FILE`: puts a backup back as the deployment's database.
//!
//! Refused while a server runs on the data dir (it holds `chorus.lock`; the restore holds it
//! too, so no server starts halfway). The backup is copied into the data dir first and
//! checked there — SQLite's integrity check, a Chorus schema no newer than this build, then
//! migrated to this build's schema — so a damaged or foreign file never replaces anything.
//! The current database is kept aside under `chorus.db.before-restore-<UTC time>` (with its
//! WAL, when one is left), and only then is the checked copy renamed into place.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::store::connection;
use crate::store::server_lock::{LockError, ServerLock};
use crate::store::{StoreError, StoreResult};

/// Tables every Chorus database has had since the first release.
const CHORUS_TABLES: [&str; 4] = ["testimonies", "audit_log", "counters", "staff"];

/// Why nothing was restored. The current database is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{0}")]
    Running(#[from] LockError),
    #[error("{0} is not a file")]
    NotAFile(String),
    #[error("the backup is damaged (SQLite's integrity check says: {0})")]
    Damaged(String),
    #[error("the backup is not a Chorus database (it has no {0} table)")]
    NotChorus(&'static str),
    #[error(
        "the backup comes from a newer Chorus (schema {found}; this one knows up to {known}): \
         install that version or newer first"
    )]
    Newer { found: i64, known: i64 },
    #[error("cannot read the backup: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What the restore did.
#[derive(Debug)]
pub struct Restored {
    /// Where the database that was replaced now is (None on an empty data dir).
    pub kept_aside: Option<PathBuf>,
    /// The backup's schema version before it was brought up to date.
    pub from_version: i64,
}

/// Installs `backup` as `data_dir/chorus.db`.
pub fn restore(
    data_dir: &Path,
    backup: &Path,
    now: time::OffsetDateTime,
) -> Result<Restored, RestoreError> {
    if !backup.is_file() {
        return Err(RestoreError::NotAFile(backup.display().to_string()));
    }
    connection::create_private_dir(data_dir)?;
    let _lock = ServerLock::try_acquire(data_dir)?;
    let database = data_dir.join("chorus.db");
    let suffix = hex::encode(crate::crypto::random::bytes::<6>().map_err(|_| StoreError::Random)?);
    let staged = data_dir.join(format!(".chorus.db.restore-{suffix}.partial"));
    let result = (|| {
        copy_private(backup, &staged)?;
        let from_version = check_and_migrate(&staged)?;
        let kept_aside = keep_aside(&database, now)?;
        std::fs::rename(&staged, &database)?;
        File::open(data_dir)?.sync_all()?;
        Ok(Restored {
            kept_aside,
            from_version,
        })
    })();
    if result.is_err() {
        for leftover in [staged.clone(), wal_of(&staged), shm_of(&staged)] {
            let _ = std::fs::remove_file(leftover);
        }
    }
    result
}

/// Copies `from` to a new file `to` that only this user can read, and syncs it.
fn copy_private(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut target = options.open(to)?;
    std::io::copy(&mut File::open(from)?, &mut target)?;
    target.sync_all()
}

/// Integrity, a Chorus schema this build can migrate, then the migration itself; returns
/// the schema version the backup had. Closing the connection folds its WAL back in.
fn check_and_migrate(staged: &Path) -> Result<i64, RestoreError> {
    let mut conn = connection::open(staged)?;
    let verdict: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(|e| RestoreError::Damaged(e.to_string()))?;
    if verdict != "ok" {
        return Err(RestoreError::Damaged(verdict));
    }
    for table in CHORUS_TABLES {
        if !has_table(&conn, table)? {
            return Err(RestoreError::NotChorus(table));
        }
    }
    let found = connection::schema_version(&conn)?;
    let known = connection::latest_version();
    if found > known {
        return Err(RestoreError::Newer { found, known });
    }
    connection::migrate(&mut conn)?;
    connection::checkpoint_truncate(&conn)?;
    drop(conn);
    Ok(found)
}

fn has_table(conn: &rusqlite::Connection, name: &str) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
        [name],
        |r| r.get(0),
    )?)
}

/// Moves the current database (and any WAL it left) aside, as one set that SQLite opens
/// together. Its WAL is folded in first when it can be, so usually one file moves.
fn keep_aside(database: &Path, now: time::OffsetDateTime) -> Result<Option<PathBuf>, RestoreError> {
    if !database.exists() {
        return Ok(None);
    }
    if let Ok(conn) = connection::open(database) {
        let _ = connection::checkpoint_truncate(&conn);
    }
    let aside = database.with_file_name(format!(
        "chorus.db.before-restore-{}",
        crate::backup::rotating_name(now)
            .trim_start_matches("chorus-")
            .trim_end_matches(".db")
    ));
    std::fs::rename(database, &aside)?;
    for (from, to) in [
        (wal_of(database), wal_of(&aside)),
        (shm_of(database), shm_of(&aside)),
    ] {
        if from.exists() {
            std::fs::rename(from, to)?;
        }
    }
    Ok(Some(aside))
}

fn wal_of(database: &Path) -> PathBuf {
    suffixed(database, "-wal")
}

fn shm_of(database: &Path) -> PathBuf {
    suffixed(database, "-shm")
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
