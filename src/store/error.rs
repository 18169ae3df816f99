//! Why a store operation failed.

/// Why a store operation failed. Callers map these to 503 (busy, commit failed, writer
/// gone: [`StoreError::is_overload`]) or 500. A service's own reasons to refuse are never
/// squeezed in here: it returns its own error type from the transaction closure.
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
    #[error("the operating system's random generator failed")]
    Random,
    #[error("background task failed")]
    Join,
    /// The stored data was built under a setting that the configuration now contradicts.
    #[error("{0}")]
    Incompatible(String),
    /// A migration that rewrites the statements needs more free space than the disk has.
    #[error(
        "moving {statements} statements to the new storage layout needs about {needed_mib} MiB \
         free beside the database, and {free_mib} MiB are: free some space (or move the data \
         directory) and start again; nothing was changed"
    )]
    NoRoomToMigrate {
        statements: i64,
        needed_mib: u64,
        free_mib: u64,
    },
}

impl StoreError {
    /// True for "try again in a moment" failures: the queue was full, the commit failed or
    /// the writer stopped. These answer 503, never 500.
    pub fn is_overload(&self) -> bool {
        match self {
            StoreError::Busy | StoreError::CommitFailed | StoreError::WriterGone => true,
            // A full disk is "try again later" too, never an opaque 500.
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                e.code == rusqlite::ErrorCode::DiskFull
            }
            _ => false,
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
