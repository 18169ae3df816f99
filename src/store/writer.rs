//! The single writer. Requests queue here (bounded: a full queue is refused at once, never
//! waited on); the writer thread takes everything queued, runs each job in its own savepoint
//! inside one transaction, commits once (one fsync for the whole batch) and only then
//! answers each caller. A failed commit answers every waiter with an error. A panic on this
//! thread aborts the process, so no request is ever left hanging.
//!
//! `TRUNCATE` checkpoints (after deletions and ticks) run here too, between batches: from
//! another connection one would take the write lock and leave this thread sleeping in
//! SQLite's busy handler for longer than the checkpoint itself. Routine checkpoints run in
//! the background (`checkpointer`). After every commit the files get their housekeeping time
//! back (see `file_times`).

use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::time::Duration;

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::file_times::FileStamp;
use super::{StoreError, StoreResult, connection};

/// Most jobs folded into one transaction.
const MAX_BATCH: usize = 512;

type Finish = Box<dyn FnOnce(StoreResult<()>) + Send>;
type TxJob = Box<dyn FnOnce(&Connection) -> (bool, Finish) + Send>;

enum Job {
    /// Work inside the next group-committed transaction.
    Tx(TxJob),
    /// A `TRUNCATE` checkpoint outside any transaction; answers whether it completed.
    Checkpoint(oneshot::Sender<StoreResult<bool>>),
}

#[derive(Clone)]
pub struct Writer {
    queue: SyncSender<Job>,
}

impl Writer {
    /// Starts the writer on `conn`; `stamp` (if any) goes back on the files after each commit.
    pub fn start(conn: Connection, capacity: usize, stamp: Option<Arc<FileStamp>>) -> Writer {
        let (queue, jobs) = sync_channel(capacity);
        std::thread::Builder::new()
            .name("chorus-writer".to_owned())
            .spawn(move || {
                let _abort = AbortOnPanic;
                run(conn, jobs, stamp);
            })
            .map(drop)
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "cannot start the database writer");
                std::process::exit(1);
            });
        Writer { queue }
    }

    /// Queues `f`; the receiver resolves after the commit that included it. `f` runs in its
    /// own savepoint: if it returns `Err` — a database error or the caller's own reason —
    /// everything it did is rolled back and nothing else in the batch is touched.
    pub fn submit<T, E, F>(&self, f: F) -> StoreResult<oneshot::Receiver<Result<T, E>>>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: TxJob = Box::new(move |conn| {
            let outcome = f(conn);
            let ok = outcome.is_ok();
            let finish: Finish = Box::new(move |commit: StoreResult<()>| {
                let answer = match (outcome, commit) {
                    // Rolled back: the job's own reason is the answer.
                    (Err(e), _) => Err(e),
                    (Ok(value), Ok(())) => Ok(value),
                    (Ok(_), Err(e)) => Err(E::from(e)),
                };
                let _ = reply.send(answer);
            });
            (ok, finish)
        });
        self.send(Job::Tx(job))?;
        Ok(answer)
    }

    /// Queues a `TRUNCATE` checkpoint; the receiver says whether it moved every frame into
    /// the main file and emptied the WAL (false: a reader still used the WAL; try again).
    pub fn checkpoint(&self) -> StoreResult<oneshot::Receiver<StoreResult<bool>>> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Checkpoint(reply))?;
        Ok(answer)
    }

    fn send(&self, job: Job) -> StoreResult<()> {
        self.queue.try_send(job).map_err(|e| match e {
            TrySendError::Full(_) => StoreError::Busy,
            TrySendError::Disconnected(_) => StoreError::WriterGone,
        })
    }
}

fn run(mut conn: Connection, jobs: Receiver<Job>, stamp: Option<Arc<FileStamp>>) {
    let mut batch: Vec<TxJob> = Vec::with_capacity(MAX_BATCH);
    while let Ok(first) = jobs.recv() {
        // A checkpoint ends the batch: it runs after the commit of the jobs queued before it.
        let mut checkpoint = None;
        match first {
            Job::Tx(job) => batch.push(job),
            Job::Checkpoint(reply) => checkpoint = Some(reply),
        }
        while checkpoint.is_none() && batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(Job::Tx(job)) => batch.push(job),
                Ok(Job::Checkpoint(reply)) => checkpoint = Some(reply),
                Err(_) => break,
            }
        }
        if !batch.is_empty() {
            commit_and_answer(&mut conn, batch.drain(..));
        }
        if let Some(reply) = checkpoint {
            let _ = reply.send(checkpoint_now(&conn));
        }
        if let Some(stamp) = &stamp {
            stamp.apply();
        }
    }
}

fn commit_and_answer(conn: &mut Connection, batch: impl Iterator<Item = TxJob>) {
    let (commit, finishers) = match commit_batch(conn, batch) {
        Ok(finishers) => (Ok(()), finishers),
        Err((e, finishers)) => {
            tracing::error!(error = %e, "group commit failed; every waiter gets 503");
            (Err(StoreError::CommitFailed), finishers)
        }
    };
    for finish in finishers {
        finish(match &commit {
            Ok(()) => Ok(()),
            Err(_) => Err(StoreError::CommitFailed),
        });
    }
}

/// A `TRUNCATE` checkpoint that never waits: with a reader still on the WAL (or another
/// process writing) it does what it can and says so, and the caller tries again later.
fn checkpoint_now(conn: &Connection) -> StoreResult<bool> {
    conn.busy_timeout(Duration::ZERO)?;
    let done = connection::checkpoint_truncate(conn);
    conn.busy_timeout(connection::BUSY_TIMEOUT)?;
    done
}

type Finishers = Vec<Finish>;

fn commit_batch(
    conn: &mut Connection,
    batch: impl Iterator<Item = TxJob>,
) -> Result<Finishers, (rusqlite::Error, Finishers)> {
    let mut finishers = Vec::new();
    let mut tx = match conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => {
            // Nothing ran: answer every job with the failure.
            for job in batch {
                drop(job);
            }
            return Err((e, finishers));
        }
    };
    for job in batch {
        // Each job gets a savepoint, so one failing job rolls back alone.
        let sp = match tx.savepoint() {
            Ok(sp) => sp,
            Err(e) => return Err((e, finishers)),
        };
        let (ok, finish) = job(&sp);
        // A savepoint dropped uncommitted rolls back (rusqlite's default drop behaviour).
        let settled = if ok { sp.commit() } else { sp.finish() };
        if let Err(e) = settled {
            finishers.push(finish);
            return Err((e, finishers));
        }
        finishers.push(finish);
    }
    match tx.commit() {
        Ok(()) => Ok(finishers),
        Err(e) => Err((e, finishers)),
    }
}

/// Aborts the process if the writer thread unwinds: better a restart than hung requests.
struct AbortOnPanic;

impl Drop for AbortOnPanic {
    fn drop(&mut self) {
        if std::thread::panicking() {
            tracing::error!("the database writer panicked; stopping the process");
            std::process::abort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writer() -> (tempfile::TempDir, Writer) {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("w.db")).unwrap();
        conn.execute_batch("CREATE TABLE t (v INTEGER UNIQUE)")
            .unwrap();
        (dir, Writer::start(conn, 8, None))
    }

    fn count(c: &Connection) -> StoreResult<i64> {
        Ok(c.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?)
    }

    #[test]
    fn a_failing_job_rolls_back_alone() {
        let (_dir, w) = writer();
        let a = w
            .submit(|c| StoreResult::Ok(c.execute("INSERT INTO t VALUES (1)", [])?))
            .unwrap();
        let b = w
            .submit(|c| StoreResult::Ok(c.execute("INSERT INTO t VALUES (1)", [])?))
            .unwrap();
        let n = w.submit(count).unwrap();
        assert!(a.blocking_recv().unwrap().is_ok());
        assert!(b.blocking_recv().unwrap().is_err());
        assert_eq!(n.blocking_recv().unwrap().unwrap(), 1);
    }

    /// A service's own error, as the staff services return them.
    #[derive(Debug, PartialEq)]
    enum Refusal {
        NotAllowed,
        Store,
    }

    impl From<StoreError> for Refusal {
        fn from(_: StoreError) -> Self {
            Refusal::Store
        }
    }

    #[test]
    fn a_job_that_writes_then_refuses_leaves_no_trace_while_its_batch_commits() {
        let (_dir, w) = writer();
        // Hold the writer so the next jobs land in one batch.
        let (hold, release) = std::sync::mpsc::channel::<()>();
        let blocker = w
            .submit(move |_| {
                let _ = release.recv();
                StoreResult::Ok(())
            })
            .unwrap();
        let before = w
            .submit(|c| StoreResult::Ok(c.execute("INSERT INTO t VALUES (1)", [])?))
            .unwrap();
        let refused = w
            .submit(|c| -> Result<(), Refusal> {
                c.execute("INSERT INTO t VALUES (2)", [])
                    .map_err(StoreError::from)?;
                c.execute("INSERT INTO t VALUES (3)", [])
                    .map_err(StoreError::from)?;
                Err(Refusal::NotAllowed)
            })
            .unwrap();
        let after = w
            .submit(|c| StoreResult::Ok(c.execute("INSERT INTO t VALUES (4)", [])?))
            .unwrap();
        hold.send(()).unwrap();
        assert!(blocker.blocking_recv().unwrap().is_ok());
        assert!(before.blocking_recv().unwrap().is_ok());
        assert_eq!(refused.blocking_recv().unwrap(), Err(Refusal::NotAllowed));
        assert!(after.blocking_recv().unwrap().is_ok());
        let values = w
            .submit(|c| {
                let mut stmt = c.prepare("SELECT v FROM t ORDER BY v")?;
                let v = stmt
                    .query_map([], |r| r.get::<_, i64>(0))?
                    .collect::<Result<Vec<_>, _>>()?;
                StoreResult::Ok(v)
            })
            .unwrap();
        assert_eq!(values.blocking_recv().unwrap().unwrap(), vec![1, 4]);
    }

    #[test]
    fn a_full_queue_is_refused_not_waited_on() {
        let (_dir, w) = writer();
        let (hold, release) = std::sync::mpsc::channel::<()>();
        let blocker = w
            .submit(move |_| {
                let _ = release.recv();
                StoreResult::Ok(())
            })
            .unwrap();
        let mut refused = false;
        let mut pending = Vec::new();
        for _ in 0..64 {
            match w.submit(|_| StoreResult::Ok(())) {
                Ok(rx) => pending.push(rx),
                Err(StoreError::Busy) => refused = true,
                Err(e) => panic!("unexpected {e}"),
            }
        }
        assert!(refused);
        hold.send(()).unwrap();
        assert!(blocker.blocking_recv().unwrap().is_ok());
        for rx in pending {
            assert!(rx.blocking_recv().unwrap().is_ok());
        }
    }
}
