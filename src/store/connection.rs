//! Opening connections: the same pragmas on every one, and embedded migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::{StoreError, StoreResult};

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
    M::up(include_str!(
        "../../migrations/0010_testimonies_by_place.sql"
    ))
    .foreign_key_check(),
    M::up(include_str!("../../migrations/0011_federation_summed.sql")),
    M::up(include_str!("../../migrations/0012_witnessing.sql")),
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
    // 32 MiB of pages (the default is 2 MiB): the writer's inserts still land at random
    // places of the id index, and with a small cache each one re-reads its path through
    // the tree from the kernel.
    conn.pragma_update(None, "cache_size", -32_768)?;
    Ok(conn)
}

/// Brings the schema up to date. Foreign keys are off meanwhile (SQLite ignores the pragma
/// inside the migrations' transaction): a migration that rebuilds a table drops the old one,
/// which would otherwise delete, by cascade, every row that names it. Each such migration
/// checks the keys before it commits.
pub fn migrate(conn: &mut Connection) -> StoreResult<()> {
    let version = schema_version(conn)?;
    // Migration 0010 rewrites every statement (about a minute per 250,000 on two cores):
    // say so, or a large deployment's first start after the upgrade looks hung.
    let moving = if (1..PLACES_VERSION).contains(&version) {
        conn.query_row("SELECT count(*) FROM testimonies", [], |r| {
            r.get::<_, i64>(0)
        })?
    } else {
        0
    };
    if moving > 0 {
        room_to_move(conn, moving)?;
        tracing::info!(
            statements = moving,
            "moving statements to the new storage layout"
        );
    }
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let migrated = migrations().to_latest(conn);
    if enforced {
        conn.pragma_update(None, "foreign_keys", "ON")?;
    }
    migrated?;
    if moving > 0 {
        tracing::info!(statements = moving, "statements moved");
    }
    Ok(())
}

/// Refuses to start migration 0010 without room for it: it writes every statement again,
/// and `secure_delete` overwrites each old page too, so the WAL grows to about twice the
/// database before its checkpoint. Running out would roll it back, and a service restarted
/// on failure would start it over and over.
fn room_to_move(conn: &Connection, statements: i64) -> StoreResult<()> {
    let Some(path) = conn.path().filter(|p| !p.is_empty()).map(Path::new) else {
        return Ok(());
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(wal_path(path))
            .map(|m| m.len())
            .unwrap_or(0);
    let Some(free) = path.parent().and_then(super::space::free_bytes) else {
        return Ok(());
    };
    let needed = size.saturating_mul(3);
    if free < needed {
        return Err(StoreError::NoRoomToMigrate {
            statements,
            needed_mib: needed.div_ceil(1 << 20),
            free_mib: free >> 20,
        });
    }
    Ok(())
}

/// The schema version whose migration gives statements their places.
const PLACES_VERSION: i64 = 10;

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

    #[test]
    fn moving_statements_to_their_places_keeps_every_row_and_everything_that_names_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = open(&dir.path().join("t.db")).unwrap();
        migrations().to_version(&mut conn, 9).unwrap();
        conn.execute_batch(
            "INSERT INTO epoch_keys (id, generation, public_key, created_at)
                 VALUES (x'01', 1, x'02', '2026-12-01');
             INSERT INTO testimonies (id, received_day, epoch_id, status, ciphertext,
                                      receipt_tag, reply_public_key, receipt_box)
                 VALUES (x'0a', '2026-12-01', x'01', 'new', x'aaaa', x'77', x'78', x'79'),
                        (x'0b', '2026-12-01', x'01', 'read', x'bbbb', NULL, NULL, NULL),
                        (x'0c', '2026-12-02', x'01', 'spam', x'cccc', NULL, NULL, NULL);
             INSERT INTO uncounted (id) VALUES (x'0a');
             INSERT INTO messages (id, testimony_id, seq, kind, created_day, ciphertext)
                 VALUES (x'f1', x'0b', 1, 'note', '2026-12-02', x'dd');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), latest_version());
        let fk: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1, "foreign keys are on again");
        type Row = (i64, Vec<u8>, String, String, Vec<u8>, Option<Vec<u8>>);
        let rows: Vec<Row> = conn
            .prepare(
                "SELECT place, id, received_day, status, ciphertext, receipt_box
                 FROM testimonies ORDER BY id",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows.len(), 3);
        let day = |d: &str| -> i64 {
            conn.query_row("SELECT CAST(julianday(?1) AS INTEGER)", [d], |r| r.get(0))
                .unwrap()
        };
        for (place, _, received_day, ..) in &rows {
            assert_eq!(
                place >> 40,
                day(received_day),
                "the day is the place's high bits"
            );
        }
        assert_eq!(rows[0].1, vec![0x0a]);
        assert_eq!(rows[0].5.as_deref(), Some(&[0x79][..]));
        assert_eq!(
            (rows[2].1.clone(), rows[2].3.as_str()),
            (vec![0x0c], "spam")
        );
        let kept: i64 = conn
            .query_row(
                "SELECT (SELECT count(*) FROM uncounted) + (SELECT count(*) FROM messages)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(kept, 2, "the rows that name statements are still there");
        // Deleting a statement still takes what names it along.
        conn.execute("DELETE FROM testimonies WHERE id = x'0b'", [])
            .unwrap();
        let notes: i64 = conn
            .query_row("SELECT count(*) FROM messages", [], |r| r.get(0))
            .unwrap();
        assert_eq!(notes, 0);
        let without_rowid: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema
                 WHERE name = 'testimonies' AND sql LIKE '%WITHOUT ROWID%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(without_rowid, 0);
    }
}
