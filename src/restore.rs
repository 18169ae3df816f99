//! `chorus restore FILE`: puts a backup back as the deployment's database.
//!
//! - **Alone.** Refused while a server or any other command has the data dir's database open
//!   (`DataDirLock::restore`), and nothing else can open it until the restore is done.
//! - **Checked first.** The backup is copied into the data dir and checked there — SQLite's
//!   integrity check, the Chorus tables, a schema no newer than this build — then migrated
//!   to this build's schema, so a damaged or foreign file never replaces anything.
//! - **What happened since stays.** When the current database is a later state of the same
//!   deployment (same recovery key; the backup's newest signed snapshot in its history), it
//!   is not rolled back with the statements:
//!   - the public history: counters, the noise drawn for released cells, the signed
//!     snapshots, what federation members were verified at, the publication key. Drawing
//!     noise again for a released cell would let anyone who kept both figures average the
//!     noise away; an older signed chain would look rewritten to every federation. A
//!     statement in both keeps its current status and counted mark, so the counts agree;
//!     statements received since the backup are lost, and the counts that included them
//!     stay, as after a purge;
//!   - statements withdrawn, deleted or purged since stay gone (a survivor who withdrew must
//!     not find their words back), unless `--keep-deleted`;
//!   - staff disabled since stay disabled (the command then rotates keys, as disabling does).
//!
//!   When the current database cannot be read, the restore refuses unless
//!   `--without-current`; when it is another set-up or older, the backup is the newest state
//!   and is restored as it is.
//! - **Nothing lost.** The current database is kept as `chorus.db.before-restore-<UTC time>`
//!   (a hard link made before anything moves, so `chorus.db` never goes missing); the checked
//!   copy then replaces `chorus.db` in one rename. The current WAL is folded in first; if it
//!   cannot be, it moves aside with its database, never left beside the restored one.

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::store::connection;
use crate::store::server_lock::{DataDirLock, LockError};
use crate::store::{StoreError, StoreResult};

/// Tables every Chorus database has had since the first release.
const CHORUS_TABLES: [&str; 4] = ["testimonies", "audit_log", "counters", "staff"];

/// Why nothing was restored. The current database is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{0}")]
    Locked(#[from] LockError),
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error("{0} is not a file")]
    NotAFile(String),
    #[error(
        "{0} has a write-ahead log beside it: it was copied while in use, and the log's \
         transactions would be lost. Restore a file made by `chorus backup`"
    )]
    LiveCopy(String),
    #[error("the backup is damaged (SQLite's integrity check says: {0})")]
    Damaged(String),
    #[error("the backup is not a Chorus database (it has no {0} table)")]
    NotChorus(&'static str),
    #[error(
        "the backup comes from a newer Chorus (schema {found}; this one knows up to {known}): \
         install that version or newer first"
    )]
    Newer { found: i64, known: i64 },
    #[error(
        "the current database cannot be read ({0}), so what happened since the backup — \
         withdrawals, staff disabled, counts published — cannot be kept. If that is expected \
         (a damaged disk), run again with --without-current, then disable again anyone who \
         left since the backup and rotate keys"
    )]
    CurrentUnreadable(String),
    #[error("cannot read the backup: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What was carried over from the database being replaced.
#[derive(Debug, PartialEq, Eq)]
pub enum History {
    /// It was a later state of the same deployment: its public history, the statements it
    /// no longer has and the staff it disabled are kept as they are now.
    CarriedOver {
        /// Staff disabled since the backup, disabled again (the caller rotates keys).
        disabled_again: Vec<String>,
        /// Statements withdrawn, deleted or purged since the backup.
        gone_since: usize,
        /// Whether those came back (`--keep-deleted`) instead of staying gone.
        kept_gone: bool,
        /// No active admin is left once those were disabled again.
        no_admin_left: bool,
    },
    /// Nothing to carry (an empty data dir).
    NoCurrentDatabase,
    /// The backup is the newest state there is; why.
    BackupIsNewest(String),
    /// The current database could not be read and `--without-current` was given.
    Lost(String),
}

/// How to restore.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Restore even when the current database cannot be read (nothing carried over).
    pub without_current: bool,
    /// Bring back statements withdrawn or deleted since the backup.
    pub keep_deleted: bool,
}

/// What the restore did. Holds the data dir's lock until dropped, so the caller's
/// follow-up (a key rotation) runs before anything else opens the database.
#[derive(Debug)]
pub struct Restored {
    pub lock: DataDirLock,
    /// Where the database that was replaced now is (None on an empty data dir).
    pub kept_aside: Option<PathBuf>,
    /// The backup's schema version before it was brought up to date.
    pub from_version: i64,
    pub history: History,
}

/// Installs `backup` as `data_dir/chorus.db`.
pub fn restore(
    data_dir: &Path,
    backup: &Path,
    now: time::OffsetDateTime,
    options: Options,
) -> Result<Restored, RestoreError> {
    let meta = std::fs::metadata(backup).map_err(|source| RestoreError::Unreadable {
        path: backup.display().to_string(),
        source,
    })?;
    if !meta.is_file() {
        return Err(RestoreError::NotAFile(backup.display().to_string()));
    }
    if std::fs::metadata(connection::wal_path(backup)).is_ok_and(|m| m.len() > 0) {
        return Err(RestoreError::LiveCopy(backup.display().to_string()));
    }
    connection::create_private_dir(data_dir)?;
    let alone = DataDirLock::restore(data_dir)?;
    let database = data_dir.join("chorus.db");
    let suffix = hex::encode(crate::crypto::random::bytes::<6>().map_err(|_| StoreError::Random)?);
    let staged = data_dir.join(format!(".chorus.db.restore-{suffix}.partial"));
    let result = (|| -> Result<_, RestoreError> {
        copy_private(backup, &staged)?;
        let from_version = check_and_migrate(&staged)?;
        let history = match carry_public_history(&staged, &database, options) {
            Ok(history) => history,
            Err(reason) if options.without_current => History::Lost(reason),
            Err(reason) => return Err(RestoreError::CurrentUnreadable(reason)),
        };
        let kept_aside = swap_in(&staged, &database, now)?;
        Ok((kept_aside, from_version, history))
    })();
    let result = result.map(|(kept_aside, from_version, history)| Restored {
        lock: alone,
        kept_aside,
        from_version,
        history,
    });
    if result.is_err() {
        for leftover in [
            staged.clone(),
            connection::wal_path(&staged),
            connection::shm_path(&staged),
        ] {
            let _ = std::fs::remove_file(leftover);
        }
    }
    result
}

/// Copies `from` to a new file `to` that only this user can read, and syncs it.
fn copy_private(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut target = connection::create_private_file(to)?;
    std::io::copy(&mut File::open(from)?, &mut target)?;
    target.sync_all()
}

/// Integrity, a Chorus schema this build can migrate, then the migration itself; returns
/// the schema version the backup had.
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
    Ok(found)
}

fn has_table(conn: &Connection, name: &str) -> StoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
        [name],
        |r| r.get(0),
    )?)
}

/// Brings what happened since the backup into `staged` when `current` is a later state of
/// the same deployment (see the module doc). `Err` when `current` cannot be read.
fn carry_public_history(
    staged: &Path,
    current: &Path,
    options: Options,
) -> Result<History, String> {
    if !current.exists() {
        return Ok(History::NoCurrentDatabase);
    }
    // The server would migrate it at its next start; under the lock, the restore may too.
    let mut from = connection::open(current).map_err(|e| e.to_string())?;
    connection::migrate(&mut from).map_err(|e| e.to_string())?;
    drop(from);
    let mut conn = connection::open(staged).map_err(|e| e.to_string())?;
    conn.execute(
        "ATTACH DATABASE ?1 AS current",
        [current.to_string_lossy().as_ref()],
    )
    .map_err(|e| e.to_string())?;
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    let later = is_later_state(&tx).map_err(|e| e.to_string())?;
    let outcome = match later {
        Some(reason) => History::BackupIsNewest(reason),
        None => carry(&tx, options).map_err(|e| e.to_string())?,
    };
    tx.commit().map_err(|e| e.to_string())?;
    conn.execute("DETACH DATABASE current", [])
        .map_err(|e| e.to_string())?;
    Ok(outcome)
}

/// None when `current` is the same deployment as the backup, with the backup's newest
/// signed snapshot in its history (a later state); otherwise why there is nothing later to
/// keep: another set-up (a fresh install has its own recovery key), or an older state.
fn is_later_state(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<Option<String>> {
    let same: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM main.recovery_keys m JOIN current.recovery_keys c
                        ON c.id = m.id)",
        [],
        |r| r.get(0),
    )?;
    if !same {
        return Ok(Some(
            "the database it replaces belongs to another set-up (a fresh install?)".to_owned(),
        ));
    }
    let extends: bool = tx.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM main.snapshots m
                            WHERE m.generation = (SELECT max(generation) FROM main.snapshots)
                              AND NOT EXISTS (SELECT 1 FROM current.snapshots c
                                              WHERE c.id = m.id AND c.generation = m.generation))",
        [],
        |r| r.get(0),
    )?;
    Ok((!extends).then(|| {
        "the database it replaces has not published what the backup has (it is older)".to_owned()
    }))
}

/// The carrying over itself, in the restore's transaction on the staged copy.
fn carry(tx: &rusqlite::Transaction<'_>, options: Options) -> rusqlite::Result<History> {
    // Statements withdrawn, deleted or purged since the backup stay gone: a survivor who
    // withdrew must not find their words back.
    let gone: i64 = tx.query_row(
        "SELECT count(*) FROM main.testimonies
         WHERE id NOT IN (SELECT id FROM current.testimonies)",
        [],
        |r| r.get(0),
    )?;
    if !options.keep_deleted {
        tx.execute(
            "DELETE FROM main.testimonies WHERE id NOT IN (SELECT id FROM current.testimonies)",
            [],
        )?;
    }
    tx.execute_batch(
        "DELETE FROM main.counters;
         INSERT INTO main.counters (cell, count) SELECT cell, count FROM current.counters;
         DELETE FROM main.noise;
         INSERT INTO main.noise (cell, value) SELECT cell, value FROM current.noise;
         DELETE FROM main.snapshots;
         INSERT INTO main.snapshots (id, generation, published_at, body, hash, signed)
             SELECT id, generation, published_at, body, hash, signed FROM current.snapshots;
         DELETE FROM main.federation_seen;
         INSERT INTO main.federation_seen
             (name, public_key, seq, hash, payload, verified_at, conflict)
             SELECT name, public_key, seq, hash, payload, verified_at, conflict
             FROM current.federation_seen;
         DELETE FROM main.pledges;
         INSERT INTO main.pledges (id, pledge_key) SELECT id, pledge_key FROM current.pledges;
         INSERT OR REPLACE INTO main.settings (name, value)
             SELECT name, value FROM current.settings
             WHERE name IN ('publication_key_seed', 'count_policy');
         -- A statement in both has the status and the counted mark it has now, which is
         -- what the counters above agree with.
         UPDATE main.testimonies SET status = (SELECT c.status FROM current.testimonies c
                                               WHERE c.id = main.testimonies.id)
             WHERE id IN (SELECT id FROM current.testimonies);
         DELETE FROM main.uncounted
             WHERE id IN (SELECT id FROM current.testimonies)
               AND id NOT IN (SELECT id FROM current.uncounted);
         INSERT OR IGNORE INTO main.uncounted (id)
             SELECT id FROM current.uncounted WHERE id IN (SELECT id FROM main.testimonies);",
    )?;
    // Someone disabled since the backup (who may have been the reason for it) must not
    // come back with it: disabled again, grants and known browsers gone.
    let disabled_again: Vec<(Vec<u8>, String)> = tx
        .prepare(
            "SELECT s.id, s.username FROM main.staff s JOIN current.staff c ON c.id = s.id
             WHERE s.active = 1 AND c.active = 0",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, _) in &disabled_again {
        for sql in [
            "UPDATE main.staff SET active = 0 WHERE id = ?1",
            "DELETE FROM main.key_grants WHERE recipient_id = ?1",
            "DELETE FROM main.devices WHERE staff_id = ?1",
        ] {
            tx.execute(sql, [id])?;
        }
    }
    let admins: i64 = tx.query_row(
        "SELECT count(*) FROM main.staff WHERE role = 'admin' AND active = 1",
        [],
        |r| r.get(0),
    )?;
    Ok(History::CarriedOver {
        no_admin_left: admins == 0,
        disabled_again: disabled_again.into_iter().map(|(_, name)| name).collect(),
        gone_since: usize::try_from(gone).unwrap_or(0),
        kept_gone: options.keep_deleted,
    })
}

/// Replaces `database` with `staged`; returns where the replaced database is kept.
fn swap_in(
    staged: &Path,
    database: &Path,
    now: time::OffsetDateTime,
) -> Result<Option<PathBuf>, RestoreError> {
    // The staged copy's own WAL is folded in and removed when its last connection closes;
    // make sure of it, so it is one self-contained file.
    {
        let conn = connection::open(staged)?;
        connection::checkpoint_truncate(&conn)?;
    }
    let _ = std::fs::remove_file(connection::wal_path(staged));
    let _ = std::fs::remove_file(connection::shm_path(staged));
    let aside = database.with_file_name(format!(
        "chorus.db.before-restore-{}",
        crate::backup::rotating_name(now)
            .trim_start_matches("chorus-")
            .trim_end_matches(".db")
    ));
    // Fold the current WAL into its database. Nothing else has it open (the lock), so
    // this empties it unless the database cannot be read.
    let folded = !database.exists()
        || connection::open(database)
            .and_then(|conn| connection::checkpoint_truncate(&conn))
            .unwrap_or(false);
    let wal_left = std::fs::metadata(connection::wal_path(database)).is_ok_and(|m| m.len() > 0);
    let kept = if database.exists() {
        std::fs::hard_link(database, &aside)?;
        Some(aside.clone())
    } else {
        None
    };
    let moved = (|| -> std::io::Result<()> {
        if wal_left || !folded {
            // Its WAL goes with it: the pair opens as one database under the new name.
            if connection::wal_path(database).exists() {
                std::fs::rename(connection::wal_path(database), connection::wal_path(&aside))?;
            }
        } else if connection::wal_path(database).exists() {
            std::fs::remove_file(connection::wal_path(database))?;
        }
        if connection::shm_path(database).exists() {
            std::fs::remove_file(connection::shm_path(database))?;
        }
        std::fs::rename(staged, database)
    })();
    if let Err(e) = moved {
        // `chorus.db` was never replaced: put its WAL back and drop the extra name.
        if connection::wal_path(&aside).exists() && !connection::wal_path(database).exists() {
            let _ = std::fs::rename(connection::wal_path(&aside), connection::wal_path(database));
        }
        if kept.is_some() {
            let _ = std::fs::remove_file(&aside);
        }
        return Err(e.into());
    }
    if let Some(dir) = database.parent() {
        File::open(dir)?.sync_all()?;
    }
    Ok(kept)
}
