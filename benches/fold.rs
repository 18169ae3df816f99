//! A publication tick over a big day (prints figures; asserts nothing): a million new rows
//! wait to be counted, then one tick folds them while a probe keeps writing one row every
//! few milliseconds, as intake would. Prints how long the tick took and how long the probe's
//! writes waited before, during and after it — the tick must not hold intake up by more
//! than a few tens of milliseconds. Run: `cargo bench --bench fold` (optionally
//! `-- 200000` rows).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chorus::clock::{Clock, parse_day};
use chorus::config::Config;
use chorus::domain::{Status, TestimonyId};
use chorus::publish::Publisher;
use chorus::review::Desk;
use chorus::store::testimonies::{self, StoredTestimony};
use chorus::store::{Store, StoreResult, keys};
use secrecy::SecretString;

/// About the size of a sealed statement of a few hundred words.
const CIPHERTEXT_BYTES: usize = 1_800;
const PROBE_EVERY: Duration = Duration::from_millis(5);

fn row(epoch_id: chorus::domain::EpochId, i: usize) -> StoredTestimony {
    StoredTestimony {
        id: TestimonyId::random().unwrap(),
        received_day: format!("2026-11-{:02}", 1 + i % 28),
        epoch_id,
        status: Status::New,
        uncounted: true,
        ciphertext: vec![0x5a; CIPHERTEXT_BYTES],
        receipt: None,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

fn report(name: &str, mut waits: Vec<Duration>) {
    waits.sort();
    println!(
        "{name:<22} {:>6} writes  p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        waits.len(),
        percentile(&waits, 0.5).as_secs_f64() * 1e3,
        percentile(&waits, 0.99).as_secs_f64() * 1e3,
        waits.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}

/// Writes one row every `PROBE_EVERY` until `stop`, returning each write's wait.
fn probe(store: Store, epoch_id: chorus::domain::EpochId, stop: Arc<AtomicBool>) -> Vec<Duration> {
    let mut waits = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        let r = row(epoch_id, 0);
        let started = Instant::now();
        store
            .write_blocking(move |conn| {
                testimonies::insert(conn, &r, || chorus::crypto::random::word().ok())
            })
            .unwrap();
        waits.push(started.elapsed());
        std::thread::sleep(PROBE_EVERY);
    }
    waits
}

fn probe_for(store: &Store, epoch_id: chorus::domain::EpochId, d: Duration) -> Vec<Duration> {
    let stop = Arc::new(AtomicBool::new(false));
    let handle = {
        let (store, stop) = (store.clone(), stop.clone());
        std::thread::spawn(move || probe(store, epoch_id, stop))
    };
    std::thread::sleep(d);
    stop.store(true, Ordering::Relaxed);
    handle.join().unwrap()
}

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("chorus.db"), 4096).unwrap();
    let config = Config {
        argon2_memory_kib: 64 * 1024,
        ..Config::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let publisher = Arc::new(Publisher::load(store.clone(), &config, Clock::system()).unwrap());
    let desk = Desk::new(store.clone(), &config, publisher.clone(), Clock::system());
    runtime
        .block_on(desk.set_up_from_cli(
            "bench",
            SecretString::from("fold bench passphrase".to_owned()),
        ))
        .unwrap();
    let (epoch_id, _) = store.read_blocking(keys::newest_epoch).unwrap().unwrap();

    let started = Instant::now();
    for first in (0..rows).step_by(10_000) {
        let batch: Vec<StoredTestimony> = (first..rows.min(first + 10_000))
            .map(|i| row(epoch_id, i))
            .collect();
        let queued: Vec<(TestimonyId, String)> = batch
            .iter()
            .map(|r| (r.id, r.received_day.clone()))
            .collect();
        store
            .write_blocking(move |conn| {
                for r in &batch {
                    testimonies::insert(conn, r, || chorus::crypto::random::word().ok())?;
                }
                StoreResult::Ok(())
            })
            .unwrap();
        for (id, day) in queued {
            let categories = vec!["harassment".to_owned(), "work".to_owned()];
            publisher.note_testimony(id, parse_day(&day).unwrap(), categories);
        }
    }
    runtime.block_on(store.checkpoint());
    println!(
        "{rows} uncounted rows stored and queued in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    report(
        "probe before the tick",
        probe_for(&store, epoch_id, Duration::from_secs(3)),
    );

    let stop = Arc::new(AtomicBool::new(false));
    let handle = {
        let (store, stop) = (store.clone(), stop.clone());
        std::thread::spawn(move || probe(store, epoch_id, stop))
    };
    let tick_started = Instant::now();
    runtime
        .block_on(publisher.tick(Clock::system().now().time()))
        .unwrap();
    let tick = tick_started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let during = handle.join().unwrap();
    let counted = store
        .read_blocking(|conn| -> StoreResult<i64> {
            Ok(
                conn.query_row("SELECT count FROM counters WHERE cell = 'total'", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    println!(
        "tick folded {counted} rows and published in {:.2} s",
        tick.as_secs_f64()
    );
    report("probe during the tick", during);
    report(
        "probe after the tick",
        probe_for(&store, epoch_id, Duration::from_secs(3)),
    );
}
