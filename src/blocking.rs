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

/// Runs `work` on the sealing pool: one thread per core, first come first served. A burst
/// of submissions on tokio's blocking pool became one thread each, all sharing the cores at
/// once, so every seal in the burst finished late and crowded out the HTTP workers; here
/// the earliest finish first and the rest queue.
pub async fn run_sealing<T, F>(work: F) -> Result<T, Joined>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let span = tracing::Span::current();
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = reply.send(span.in_scope(work));
    });
    sealing_pool()
        .lock()
        .map_err(|_| Joined)?
        .send(job)
        .map_err(|_| Joined)?;
    answer.await.map_err(|_| Joined)
}

type Job = Box<dyn FnOnce() + Send>;

fn sealing_pool() -> &'static std::sync::Mutex<std::sync::mpsc::Sender<Job>> {
    use std::sync::{Arc, Mutex, OnceLock, mpsc};
    static POOL: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (send, jobs) = mpsc::channel::<Job>();
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
        Mutex::new(send)
    })
}
