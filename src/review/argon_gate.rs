//! Argon2id runs cost ~128 MiB and hundreds of milliseconds each. They run on the blocking
//! pool, never on an async worker, behind a global semaphore: when every permit is taken the
//! caller is told "busy" at once (503 + Retry-After) instead of queueing, so a login flood
//! cannot starve submissions.

use std::sync::Arc;

use tokio::sync::Semaphore;

use super::ReviewError;

#[derive(Clone)]
pub struct ArgonGate {
    permits: Arc<Semaphore>,
}

impl ArgonGate {
    pub fn new(concurrency: usize) -> ArgonGate {
        ArgonGate {
            permits: Arc::new(Semaphore::new(concurrency)),
        }
    }

    /// Runs `work` on the blocking pool holding a permit, or answers `Busy` at once.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ReviewError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, ReviewError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .try_acquire_owned()
            .map_err(|_| ReviewError::Busy)?;
        crate::blocking::run(move || {
            // The permit moves into the closure: it is released only when the work is done,
            // even if the request that started it has gone away.
            let _permit = permit;
            work()
        })
        .await
        .map_err(|_| ReviewError::Busy)?
    }
}
