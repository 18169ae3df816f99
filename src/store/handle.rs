//! The handle every service holds: writes go to the single writer (group commit), reads to
//! a small pool on the blocking pool, each read in one transaction.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::Connection;

use super::checkpointer;
use super::file_times::FileStamp;
use super::read_pool::ReadPool;
use super::writer::Writer;
use super::{StoreError, StoreResult, connection};

/// The writer checkpoints on its own only past this many WAL pages (16 MiB), should the
/// background checkpointer fall behind.
const WRITER_AUTOCHECKPOINT_PAGES: i64 = 4_096;

/// A checkpoint waits for readers this many times, this long apart (reads are short).
const CHECKPOINT_TRIES: u32 = 100;
const CHECKPOINT_RETRY: std::time::Duration = std::time::Duration::from_millis(20);

/// Handle to the database: cheap to clone, shared by every request.
#[derive(Clone)]
pub struct Store {
    writer: Writer,
    reads: ReadPool,
    path: PathBuf,
    /// The background checkpointer runs while any clone of this exists.
    _alive: Arc<()>,
}

impl Store {
    /// Opens (creating if needed) the database, applies migrations and starts the writer.
    pub fn open(path: &Path, queue_capacity: usize) -> StoreResult<Store> {
        if let Some(dir) = path.parent() {
            connection::create_private_dir(dir)?;
        }
        let mut conn = connection::open(path)?;
        connection::migrate(&mut conn)?;
        // Routine checkpoints run in the background; the writer's own automatic one is only a
        // safety net (see `checkpointer`).
        conn.pragma_update(None, "wal_autocheckpoint", WRITER_AUTOCHECKPOINT_PAGES)?;
        let stamp = Arc::new(FileStamp::new(path));
        let alive = Arc::new(());
        checkpointer::start(path.to_path_buf(), stamp.clone(), Arc::downgrade(&alive));
        Ok(Store {
            writer: Writer::start(conn, queue_capacity, Some(stamp)),
            reads: ReadPool::new(path.to_path_buf(), 4),
            path: path.to_path_buf(),
            _alive: alive,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` inside the next group-committed transaction, in its own savepoint; resolves
    /// only once that transaction is durably committed. If `f` returns `Err` (of any error
    /// type that a [`StoreError`] converts into), everything `f` did is rolled back and the
    /// error is the answer. A full queue answers [`StoreError::Busy`] at once.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
    {
        self.writer
            .submit(f)?
            .await
            .map_err(|_| E::from(StoreError::WriterGone))?
    }

    /// Runs `f` on a pooled read connection on the blocking pool, inside one read
    /// transaction so everything it reads comes from the same snapshot. Keep `f` short: an
    /// open snapshot keeps the WAL from being reset while intake writes (holding one across
    /// an Argon2id run doubled intake's p99 under a login flood), so slow work goes outside.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
    {
        let reads = self.reads.clone();
        crate::blocking::run(move || read_on(&reads, f))
            .await
            .map_err(|_| E::from(StoreError::Join))?
    }

    /// Moves the WAL into the main file and truncates it, so deleted or replaced data (and
    /// the order things were written in) does not linger there. Runs on the writer between
    /// batches, and is tried again while short reads still hold the WAL. Best effort, after
    /// the change it follows has committed: a failure is logged, and the maintenance task
    /// checkpoints again within minutes.
    pub async fn checkpoint(&self) {
        for _ in 0..CHECKPOINT_TRIES {
            let done = match self.writer.checkpoint() {
                Ok(answer) => answer.await.unwrap_or(Err(StoreError::WriterGone)),
                Err(e) => Err(e),
            };
            match done {
                Ok(true) => return,
                Ok(false) => tokio::time::sleep(CHECKPOINT_RETRY).await,
                Err(e) => {
                    tracing::warn!(error = %e, "WAL checkpoint failed; the maintenance task will retry");
                    return;
                }
            }
        }
        tracing::warn!("WAL checkpoint kept waiting for readers; the maintenance task will retry");
    }

    /// Synchronous write for the CLI, outside any async runtime (it would panic inside one).
    pub fn write_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
    {
        self.writer
            .submit(f)?
            .blocking_recv()
            .map_err(|_| E::from(StoreError::WriterGone))?
    }

    /// Synchronous read for the CLI, start-up and work already on the blocking pool.
    pub fn read_blocking<T, E>(&self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        read_on(&self.reads, f)
    }
}

/// One read transaction on a pooled connection (a deferred transaction only reads, and
/// ends when dropped).
fn read_on<T, E>(reads: &ReadPool, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E>
where
    E: From<StoreError>,
{
    let conn = reads.get()?;
    let tx = conn
        .unchecked_transaction()
        .map_err(|e| E::from(StoreError::from(e)))?;
    f(&tx)
}
