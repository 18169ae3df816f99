//! SQLite storage. One writer thread owns the only write connection and group-commits
//! whatever is queued into one transaction; readers use a small pool. Nothing here ever
//! sees plaintext: rows hold ids, days, statuses and ciphertext.

pub mod audit;
pub mod connection;
pub mod counts;
pub mod devices;
pub mod invitations;
pub mod keys;
pub mod messages;
pub mod read_pool;
pub mod recovery_codes;
pub mod settings;
pub mod setup_tokens;
pub mod staff;
pub mod testimonies;
pub mod writer;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use read_pool::ReadPool;
use writer::Writer;

/// Why a store operation failed. Callers map these to 503 (busy, commit failed) or 500.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the write queue is full")]
    Busy,
    #[error("the database could not commit")]
    CommitFailed,
    #[error("the writer has stopped")]
    WriterGone,
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("io error: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Conflict(&'static str),
    #[error("background task failed")]
    Join,
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Handle to the database: cheap to clone, shared by every request.
#[derive(Clone)]
pub struct Store {
    writer: Writer,
    reads: ReadPool,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database, applies migrations and starts the writer.
    pub fn open(path: &Path, queue_capacity: usize) -> StoreResult<Store> {
        if let Some(dir) = path.parent() {
            connection::create_private_dir(dir)?;
        }
        let mut conn = connection::open(path)?;
        connection::migrate(&mut conn)?;
        // Made before anything can need it, so concurrent readers never race to create it.
        settings::receipt_salt(&conn)?;
        Ok(Store {
            writer: Writer::start(conn, queue_capacity),
            reads: ReadPool::new(path.to_path_buf(), 4),
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` inside the next group-committed transaction; resolves only once that
    /// transaction is durably committed. A full queue answers [`StoreError::Busy`] at once.
    pub async fn write<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> StoreResult<T> + Send + 'static,
    {
        self.writer
            .submit(f)?
            .await
            .map_err(|_| StoreError::WriterGone)?
    }

    /// Runs `f` on a pooled read connection on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> StoreResult<T> + Send + 'static,
    {
        let reads = self.reads.clone();
        tokio::task::spawn_blocking(move || {
            let conn = reads.get()?;
            f(&conn)
        })
        .await
        .map_err(|_| StoreError::Join)?
    }

    /// Moves the WAL into the main file and truncates it, so deleted or replaced data (and
    /// the order things were written in) does not linger there. Best effort, after the
    /// change it follows has committed: a failure is logged, and the maintenance task
    /// checkpoints again within minutes.
    pub async fn checkpoint(&self) {
        if let Err(e) = self.read(connection::checkpoint_truncate).await {
            tracing::warn!(error = %e, "WAL checkpoint failed; the maintenance task will retry");
        }
    }

    /// Synchronous write for the CLI, outside any async runtime (it would panic inside one).
    pub fn write_blocking<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> StoreResult<T> + Send + 'static,
    {
        self.writer
            .submit(f)?
            .blocking_recv()
            .map_err(|_| StoreError::WriterGone)?
    }

    /// Synchronous read for the CLI and start-up (a quick read; no runtime needed).
    pub fn read_blocking<T>(
        &self,
        f: impl FnOnce(&Connection) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let conn = self.reads.get()?;
        f(&conn)
    }
}
