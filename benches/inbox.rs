//! Inbox at scale (prints figures; asserts nothing): 100,000 sealed testimonies, then the
//! time to fetch and decrypt one inbox page (newest, deep in the list, filtered), as the
//! staff handlers do. Run: `cargo bench --bench inbox` (optionally `-- 20000` rows).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing
)]

use std::time::{Duration, Instant};

use std::sync::Arc;

use chorus::clock::Clock;
use chorus::config::Config;
use chorus::crypto::suite::{KeyId, PublicKey};
use chorus::domain::{Status, TestimonyId};
use chorus::publish::Publisher;
use chorus::review::{Desk, inbox, keyring};
use chorus::store::testimonies::{self, PageQuery, StoredTestimony};
use chorus::store::{Store, StoreResult, casework, keys, labels};
use chorus::submission::Testimony;
use secrecy::SecretString;

const PASSWORD: &str = "inbox benchmark passphrase";

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("chorus.db"), 4096).unwrap();
    // The first admin, set up through the same service `chorus init` uses.
    let config = Config {
        argon2_memory_kib: 64 * 1024,
        ..Config::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let publisher = Publisher::load(store.clone(), &config, Clock::system()).unwrap();
    let desk = Desk::new(store.clone(), &config, Arc::new(publisher), Clock::system());
    runtime
        .block_on(desk.set_up_from_cli("bench", SecretString::from(PASSWORD.to_owned())))
        .unwrap();
    let (epoch_id, public) = store.read_blocking(keys::newest_epoch).unwrap().unwrap();
    let public = PublicKey::from_bytes(&public).unwrap();

    let started = Instant::now();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (store, public) = (store.clone(), public.clone());
            scope.spawn(move || {
                let mine: Vec<usize> = (t..rows).step_by(threads).collect();
                for chunk in mine.chunks(1000) {
                    let sealed: Vec<StoredTestimony> = chunk
                        .iter()
                        .map(|i| {
                            let id = TestimonyId::random().unwrap();
                            let testimony = Testimony {
                                statement: format!(
                                    "Statement number {i}: it happened at work, more than once."
                                ),
                                categories: vec!["harassment".into()],
                                setting: Some("work".into()),
                                consent_publish: false,
                                language: "en".into(),
                            };
                            let day = format!("2026-{:02}-{:02}", 1 + (i % 12), 1 + (i % 28));
                            StoredTestimony {
                                id,
                                received_day: day,
                                epoch_id,
                                status: if i % 5 == 0 {
                                    Status::Resolved
                                } else {
                                    Status::New
                                },
                                uncounted: true,
                                ciphertext: chorus::crypto::testimony::seal(
                                    &public,
                                    &KeyId::from(epoch_id),
                                    id.as_bytes(),
                                    &testimony,
                                )
                                .unwrap(),
                                receipt: None,
                            }
                        })
                        .collect();
                    store
                        .write_blocking(move |conn| {
                            for row in &sealed {
                                testimonies::insert(conn, row, || {
                                    chorus::crypto::random::word().ok()
                                })?;
                            }
                            StoreResult::Ok(())
                        })
                        .unwrap();
                }
            });
        }
    });
    println!(
        "sealed and stored {rows} testimonies in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let keys = store
        .read_blocking(|conn| {
            keyring::open_with_password(
                conn,
                "bench",
                &SecretString::from(PASSWORD.to_owned()),
                64 * 1024,
            )
        })
        .unwrap();
    let page = |status: Option<Status>, cursor: Option<(String, TestimonyId)>| {
        let rows = store
            .read_blocking(|conn| {
                testimonies::page(
                    conn,
                    status,
                    cursor.as_ref().map(|(d, i)| (d.as_str(), i)),
                    51,
                )
            })
            .unwrap();
        let shown: Vec<StoredTestimony> = rows.into_iter().take(50).collect();
        inbox::inbox_rows(&keys, &shown)
    };
    let newest = time(20, || page(None, None));
    let middle = store
        .read_blocking(|conn| {
            StoreResult::Ok(conn.query_row(
                "SELECT received_day, id FROM testimonies ORDER BY received_day DESC, id DESC LIMIT 1 OFFSET ?1",
                [i64::try_from(rows / 2).unwrap()],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, TestimonyId>(1)?)),
            )?)
        })
        .unwrap();
    let deep = time(20, || page(None, Some(middle.clone())));
    let filtered = time(20, || page(Some(Status::Resolved), None));
    let counts = time(20, || {
        store.read_blocking(testimonies::status_counts).unwrap()
    });
    // Casework filters over the whole table: a few dozen statements wait for a reply, are
    // assigned to one person, carry one label — scattered across every day.
    let staff = store
        .read_blocking(|conn| chorus::store::staff::by_username(conn, "bench"))
        .unwrap()
        .unwrap()
        .id;
    let tag = vec![7u8; 16];
    let (staff_w, tag_w) = (staff, tag.clone());
    store
        .write_blocking(move |conn| {
            let ids: Vec<TestimonyId> = conn
                .prepare("SELECT id FROM testimonies ORDER BY id LIMIT 40")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for id in &ids {
                casework::mark_awaiting(conn, id)?;
                casework::assign(conn, id, Some(&staff_w))?;
                labels::replace(
                    conn,
                    id,
                    Some(&[1u8; 300][..]),
                    std::slice::from_ref(&tag_w),
                )?;
            }
            StoreResult::Ok(())
        })
        .unwrap();
    let casework_page = |query: PageQuery<'_>| {
        store
            .read_blocking(|conn| testimonies::page_where(conn, &query, 51))
            .unwrap()
    };
    let tags = [tag];
    let needs_reply = time(20, || {
        casework_page(PageQuery {
            needs_reply: true,
            ..PageQuery::default()
        })
    });
    let assigned = time(20, || {
        casework_page(PageQuery {
            assignee: Some(&staff),
            ..PageQuery::default()
        })
    });
    let labelled = time(20, || {
        casework_page(PageQuery {
            label_tags: Some(&tags),
            ..PageQuery::default()
        })
    });
    let one = store
        .read_blocking(|conn| testimonies::get(conn, &middle.1))
        .unwrap()
        .unwrap();
    let open_one = time(200, || keys.open_testimony(&one).unwrap());
    println!(
        "inbox page (50 rows, read + decrypt), newest first:   {:>8.2} ms",
        newest.as_secs_f64() * 1e3
    );
    println!(
        "inbox page halfway down the list (keyset cursor):    {:>8.2} ms",
        deep.as_secs_f64() * 1e3
    );
    println!(
        "inbox page filtered by status:                       {:>8.2} ms",
        filtered.as_secs_f64() * 1e3
    );
    println!(
        "status counts for the filter bar (all rows):         {:>8.2} ms",
        counts.as_secs_f64() * 1e3
    );
    println!(
        "\"needs a reply\" page (40 of {rows} waiting):         {:>8.2} ms",
        needs_reply.as_secs_f64() * 1e3
    );
    println!(
        "\"assigned to me\" page (40 of {rows}):               {:>8.2} ms",
        assigned.as_secs_f64() * 1e3
    );
    println!(
        "one label's page (40 of {rows}, by keyed tag):       {:>8.2} ms",
        labelled.as_secs_f64() * 1e3
    );
    println!(
        "opening one testimony:                               {:>8.3} ms",
        open_one.as_secs_f64() * 1e3
    );
}
