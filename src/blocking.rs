//! Work that must not run on an async worker (Argon2id, HPKE, SQLite) goes to the blocking
//! pool through here, carrying the caller's tracing span so its log lines stay attributed.

/// The blocking task was cancelled or panicked.
#[derive(Debug, thiserror::Error)]
#[error("a background task failed")]
pub struct Joined;

/// Runs `work` on the blocking pool inside the current span.
pub async fn run<T, F>(work: F) -> Result<T, Joined>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(work))
        .await
        .map_err(|_| Joined)
}
