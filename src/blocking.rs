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

/// Why a seal did not run: its queue was full, or the job failed.
#[derive(Debug, thiserror::Error)]
pub enum SealingError {
    /// Answered at once with 503 (the page keeps the text), never waited on.
    #[error("the sealing queue is full")]
    Busy,
    #[error(transparent)]
    Joined(#[from] Joined),
}

/// Most seals waiting for a sealing thread. A seal takes well under a millisecond of a
/// core, so a full queue is a fraction of a second's work: a burst beyond it is refused at
/// once instead of waiting, and the queue never holds more than this many statements.
pub const SEALING_QUEUE: usize = 512;

/// Runs `work` on the sealing pool: one thread per core, first come first served, at most
/// [`SEALING_QUEUE`] waiting. A burst of submissions on tokio's blocking pool became one
/// thread each, all sharing the cores at once, so every seal in the burst finished late and
/// crowded out the HTTP workers; here the earliest finish first and the rest queue.
pub async fn run_sealing<T, F>(work: F) -> Result<T, SealingError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let span = tracing::Span::current();
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = reply.send(span.in_scope(work));
    });
    sealing_pool().try_send(job).map_err(|e| match e {
        std::sync::mpsc::TrySendError::Full(_) => SealingError::Busy,
        std::sync::mpsc::TrySendError::Disconnected(_) => SealingError::Joined(Joined),
    })?;
    Ok(answer.await.map_err(|_| Joined)?)
}

type Job = Box<dyn FnOnce() + Send>;

fn sealing_pool() -> &'static std::sync::mpsc::SyncSender<Job> {
    use std::sync::{Arc, Mutex, OnceLock, mpsc};
    static POOL: OnceLock<mpsc::SyncSender<Job>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (send, jobs) = mpsc::sync_channel::<Job>(SEALING_QUEUE);
        let jobs = Arc::new(Mutex::new(jobs));
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        for i in 0..threads {
            let jobs = jobs.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("chorus-seal-{i}"))
                .spawn(move || {
                    loop {
                        let job = match jobs.lock() {
                            Ok(jobs) => jobs.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = job else { return };
                        // A panicking job drops its reply (the caller sees `Joined`); the
                        // thread lives on.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a sealing thread");
            }
        }
        send
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex, mpsc};

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_sealing_queue_refuses_at_once_and_drains() {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (open, gate) = mpsc::channel::<()>();
        let gate = Arc::new(Mutex::new(gate));
        let started = Arc::new(AtomicUsize::new(0));
        let hold = |gate: Arc<Mutex<mpsc::Receiver<()>>>, started: Arc<AtomicUsize>| {
            move || {
                started.fetch_add(1, Ordering::SeqCst);
                let _ = gate.lock().map(|g| g.recv());
            }
        };
        let mut held = Vec::new();
        // Every sealing thread busy…
        for _ in 0..threads {
            held.push(tokio::spawn(run_sealing(hold(
                gate.clone(),
                started.clone(),
            ))));
        }
        while started.load(Ordering::SeqCst) < threads {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        // …and the queue full: a seal is queued at its first poll, so each is polled once here.
        let mut queued = Vec::new();
        for _ in 0..SEALING_QUEUE {
            let mut job = Box::pin(run_sealing(hold(gate.clone(), started.clone())));
            let pending = std::future::poll_fn(|cx| {
                std::task::Poll::Ready(std::future::Future::poll(job.as_mut(), cx).is_pending())
            })
            .await;
            assert!(pending, "queued, not refused");
            queued.push(job);
        }
        let probe = tokio::time::timeout(std::time::Duration::from_secs(5), run_sealing(|| ()));
        assert!(matches!(probe.await, Ok(Err(SealingError::Busy))));
        for _ in 0..threads + SEALING_QUEUE {
            open.send(()).unwrap();
        }
        for job in held {
            job.await.unwrap().unwrap();
        }
        for job in queued {
            job.await.unwrap();
        }
        assert_eq!(run_sealing(|| 7).await.unwrap(), 7);
    }
}
