//! Opening connections: the same pragmas on every one, and embedded migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::StoreResult;

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_initial.sql")),
    M::up(include_str!("../../migrations/0002_staff_area.sql")),
    M::up(include_str!("../../migrations/0003_receipts.sql")),
    M::up(include_str!("../../migrations/0004_uncounted_table.sql")),
    M::up(include_str!("../../migrations/0005_noise.sql")),
    M::up(include_str!("../../migrations/0006_staff_language.sql")),
    M::up(include_str!("../../migrations/0007_signed_snapshots.sql")),
    M::up(include_str!("../../migrations/0008_casework.sql")),
    M::up(include_str!(
        "../../migrations/0009_receipt_order_free_tag.sql"
    )),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The schema version this build migrates to (`PRAGMA user_version` once migrated).
pub fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// The schema version recorded in `conn`'s database (0: not a migrated Chorus database).
pub fn schema_version(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// How long a connection waits for another's lock (the CLI and the server share the file).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens `path` with durability and hygiene pragmas:
/// WAL with `synchronous=FULL` (an acknowledged write survives power loss),
/// `secure_delete` (deleted testimonies are overwritten), foreign keys, a busy timeout.
pub fn open(path: &Path) -> StoreResult<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    // 32 MiB of pages (the default is 2 MiB): the writer's inserts land at random ids, and
    // with a small cache each one re-reads its path through the tree from the kernel.
    conn.pragma_update(None, "cache_size", -32_768)?;
    Ok(conn)
}

pub fn migrate(conn: &mut Connection) -> StoreResult<()> {
    migrations().to_latest(conn)?;
    Ok(())
}

/// Creates the data directory readable by its owner only.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Creates a new file (never an existing one) readable by its owner only.
pub fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// The database's write-ahead log beside it (`chorus.db-wal`).
pub fn wal_path(db: &Path) -> PathBuf {
    companion(db, "-wal")
}

/// The WAL's shared-memory index beside the database (`chorus.db-shm`).
pub fn shm_path(db: &Path) -> PathBuf {
    companion(db, "-shm")
}

fn companion(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Moves everything from the WAL into the main file and truncates the WAL, so deleted or
/// replaced data does not linger there. False when a reader (or another writer) kept it
/// from finishing.
pub fn checkpoint_truncate(conn: &Connection) -> StoreResult<bool> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    Ok(busy == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn pragmas_hold_on_every_connection() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = open(&dir.path().join("t.db")).unwrap();
        migrate(&mut conn).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "FULL");
        let sd: i64 = conn
            .query_row("PRAGMA secure_delete", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sd, 1);
        let fk: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }
}
