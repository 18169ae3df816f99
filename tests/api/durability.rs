//! Promise 4: nothing acknowledged is lost — not to kill -9, not in a backup taken under load.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::helpers::*;

/// Runs `writers` concurrent submitters until `stop`; returns what was acknowledged (200).
fn load(
    server: &TestServer,
    writers: usize,
    stop: Arc<AtomicBool>,
    acked: Arc<Mutex<Vec<String>>>,
) -> Vec<tokio::task::JoinHandle<()>> {
    (0..writers)
        .map(|w| {
            let url = server.url("/submit");
            let (stop, acked) = (stop.clone(), acked.clone());
            tokio::spawn(async move {
                let c = client();
                for i in 0..100_000 {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let marker = format!("ack-{w}-{i}");
                    let res = c
                        .post(&url)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(format!("statement={marker}&category=harassment"))
                        .timeout(Duration::from_secs(10))
                        .send()
                        .await;
                    match res {
                        Ok(r) if r.status() == 200 => acked.lock().unwrap().push(marker),
                        Ok(_) => {}
                        Err(_) => break, // the server is gone
                    }
                }
            })
        })
        .collect()
}

fn statements(db: &std::path::Path) -> HashSet<String> {
    decrypt_all(db)
        .iter()
        .map(|t| t.statement.clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_load_loses_no_acknowledged_testimony() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[("CHORUS_PUBLISH_INTERVAL_SECS", "3600")]);
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Vec::new()));
    let tasks = load(&server, 16, stop.clone(), acked.clone());
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill9_by_pid();
    for t in tasks {
        t.await.unwrap();
    }
    let acked: Vec<String> = acked.lock().unwrap().clone();
    assert!(
        acked.len() > 20,
        "the load reached the server ({} acknowledged)",
        acked.len()
    );

    let server = server.restart(d.logs.path());
    let integrity: String = scalar(&server.db(), "PRAGMA integrity_check");
    assert_eq!(integrity, "ok");
    let stored = statements(&server.db());
    let lost: Vec<&String> = acked.iter().filter(|m| !stored.contains(*m)).collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged testimonies lost, e.g. {:?}",
        lost.len(),
        lost.first()
    );
    // Their tallies were only in RAM: the rows wait, marked uncounted, not lost or miscounted.
    let conn = connect(&server.db());
    let uncounted: i64 = conn
        .query_row("SELECT count(*) FROM uncounted", [], |r| r.get(0))
        .unwrap();
    assert_eq!(uncounted, row_count(&server.db()));
    let counters: i64 = conn
        .query_row("SELECT count(*) FROM counters", [], |r| r.get(0))
        .unwrap();
    assert_eq!(counters, 0);
    // And the restarted server takes submissions again.
    assert_eq!(submit(&server, "after the crash", &[]).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_load_restores_every_row_it_saw() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Vec::new()));
    let tasks = load(&server, 8, stop.clone(), acked.clone());
    tokio::time::sleep(Duration::from_millis(700)).await;
    let seen_before: Vec<String> = acked.lock().unwrap().clone();
    let backups = tempfile::tempdir().unwrap();
    let backup = backups.path().join("chorus-backup.db");
    let (data, target) = (server.data_dir.clone(), backup.clone());
    let (ok, _, err) =
        tokio::task::spawn_blocking(move || cli(&data, &["backup", target.to_str().unwrap()], ""))
            .await
            .unwrap();
    assert!(ok, "{err}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        t.await.unwrap();
    }
    assert!(!seen_before.is_empty());
    // Backup files are private and no partial file is left behind.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&backup).unwrap().permissions().mode() & 0o077,
            0
        );
    }
    assert_eq!(files_under(backups.path()).len(), 1);
    // A backup never overwrites an existing file.
    let (data, target) = (server.data_dir.clone(), backup.clone());
    assert!(!cli(&data, &["backup", target.to_str().unwrap()], "").0);

    // Restore: the backup alone, as the database of a fresh deployment.
    let restored = dirs();
    std::fs::copy(&backup, restored.data.path().join("chorus.db")).unwrap();
    let server2 = TestServer::start(
        restored.data.path(),
        restored.logs.path(),
        &[("CHORUS_RATE_LIMITS", "off")],
    );
    assert!(
        server2.setup_link.is_none(),
        "the restored deployment is already set up"
    );
    let stored = statements(&server2.db());
    let missing: Vec<&String> = seen_before
        .iter()
        .filter(|m| !stored.contains(*m))
        .collect();
    assert!(
        missing.is_empty(),
        "{} rows acknowledged before the backup are missing",
        missing.len()
    );
    assert_eq!(submit(&server2, "after restore", &[]).await, 200);
    assert!(statements(&server2.db()).contains("after restore"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_is_refused_with_the_text_kept_never_silently_dropped() {
    let d = dirs();
    // A one-slot write queue (from chorus.toml in the server's working directory).
    std::fs::write(d.logs.path().join("chorus.toml"), "write_queue = 1\n").unwrap();
    let (server, _) = ready_server(&d, &[]);
    let tasks: Vec<_> = (0..48)
        .map(|i| {
            let url = server.url("/submit");
            tokio::spawn(async move {
                let res = client()
                    .post(url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(format!("statement=overload-{i}"))
                    .send()
                    .await
                    .unwrap();
                let status = res.status().as_u16();
                let retry = res.headers().contains_key("retry-after");
                let page = res.text().await.unwrap();
                (i, status, retry, page)
            })
        })
        .collect();
    let mut accepted = HashSet::new();
    let mut refused = 0;
    for t in tasks {
        let (i, status, retry, page) = t.await.unwrap();
        match status {
            200 => {
                accepted.insert(format!("overload-{i}"));
            }
            503 => {
                refused += 1;
                assert!(retry, "503 without Retry-After");
                assert!(
                    page.contains(&format!("overload-{i}")),
                    "the refused text is kept on the page"
                );
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(
        refused > 0,
        "a one-slot queue under 48 concurrent posts refuses some"
    );
    assert_eq!(
        statements(&server.db()),
        accepted,
        "exactly the acknowledged ones are stored"
    );
}
