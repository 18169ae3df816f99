//! Running Chorus as a service: `doctor`, rotating backups, `restore` and `setup-link`,
//! each through the real binary.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::helpers::*;

/// Publication at every change, exact to one (loopback tests only).
const PUBLISH_NOW: [(&str, &str); 2] = [
    ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
    ("CHORUS_MIN_CELL", "1"),
];

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Lines of `chorus doctor` that start with `verdict`.
fn lines_with<'a>(report: &'a str, verdict: &str) -> Vec<&'a str> {
    report
        .lines()
        .filter(|l| l.starts_with(&format!("{verdict} ")))
        .collect()
}

#[tokio::test]
async fn doctor_passes_a_fresh_deployment_and_fails_a_data_dir_others_can_read() {
    let d = dirs();
    // As the packaged service's StateDirectory= and Chorus's own first start make it.
    std::fs::set_permissions(d.data.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let (server, _) = ready_server(&d, &[]);
    assert_eq!(submit(&server, "a first statement", &[]).await, 200);

    let (ok, report, err) = cli(d.data.path(), &["doctor"], "");
    assert!(ok, "a fresh deployment passes: {report}{err}");
    assert!(lines_with(&report, "fail").is_empty(), "{report}");
    for topic in [
        "data dir:",
        "free space:",
        "open files:",
        "public url:",
        "trusted proxy:",
        "migrations: schema",
        "admins: only one",
        "publication key:",
    ] {
        assert!(report.contains(topic), "doctor reports {topic}: {report}");
    }
    assert!(
        report.contains("up to date"),
        "the running server applied every migration: {report}"
    );

    // Group and others must not reach the data dir: doctor names it and exits non-zero.
    std::fs::set_permissions(d.data.path(), std::fs::Permissions::from_mode(0o750)).unwrap();
    let (ok, report, _) = cli(d.data.path(), &["doctor"], "");
    assert!(!ok, "{report}");
    let failed = lines_with(&report, "fail");
    assert_eq!(failed.len(), 1, "{report}");
    assert!(
        failed[0].starts_with("fail data dir:") && failed[0].contains("0750"),
        "{report}"
    );
    std::fs::set_permissions(d.data.path(), std::fs::Permissions::from_mode(0o700)).unwrap();

    // It only reads: the database is byte-for-byte what it was, and the server goes on.
    let before = std::fs::read(server.db()).unwrap();
    assert!(cli(d.data.path(), &["doctor"], "").0);
    assert_eq!(std::fs::read(server.db()).unwrap(), before);
    assert_eq!(submit(&server, "a second statement", &[]).await, 200);
}

#[test]
fn doctor_fails_a_server_reachable_in_plain_http_and_reports_an_onion_address() {
    let d = dirs();
    std::fs::set_permissions(d.data.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let run = |env: &[(&str, &str)]| {
        let out = std::process::Command::new(bin())
            .env("CHORUS_CONFIG", NO_CONFIG_FILE)
            .env("CHORUS_DATA_DIR", d.data.path())
            .envs(env.iter().copied())
            .arg("doctor")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (ok, report) = run(&[("CHORUS_BIND", "0.0.0.0:8080")]);
    assert!(
        !ok && report.contains("fail public url: not set"),
        "{report}"
    );
    let (ok, report) = run(&[
        ("CHORUS_BIND", "0.0.0.0:8080"),
        ("CHORUS_PUBLIC_URL", "http://metoo.example.org"),
    ]);
    assert!(!ok && report.contains("plain http"), "{report}");
    let onion = "http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion";
    let (ok, report) = run(&[("CHORUS_PUBLIC_URL", onion)]);
    assert!(ok, "{report}");
    assert!(
        report.contains(
            "ok   onion address: abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion"
        ),
        "{report}"
    );
    // Behind Tor, trusting X-Forwarded-For lets any visitor spend another network's budget.
    let (ok, report) = run(&[("CHORUS_PUBLIC_URL", onion), ("CHORUS_TRUSTED_PROXY", "on")]);
    assert!(!ok && report.contains("fail trusted proxy"), "{report}");
}

#[tokio::test]
async fn backup_keep_three_run_five_times_leaves_the_three_newest_valid_private_files() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    assert_eq!(submit(&server, "kept in every backup", &[]).await, 200);
    let dir = d.logs.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    // Files of the admin's own, even ones named like Chorus's, are never touched.
    for other in ["notes.txt", "chorus-before-the-move.db"] {
        std::fs::write(dir.join(other), "mine").unwrap();
    }
    let mut written = Vec::new();
    for _ in 0..5 {
        let (ok, out, err) = cli(
            d.data.path(),
            &["backup", "--keep", "3", dir.to_str().unwrap()],
            "",
        );
        assert!(ok, "{err}");
        let path = out
            .lines()
            .find_map(|l| l.strip_prefix("backup written to "))
            .unwrap()
            .to_owned();
        written.push(path);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with("Z.db"))
        .collect();
    left.sort();
    assert_eq!(left, written[2..].to_vec(), "the newest three stay");
    for path in &left {
        let path = Path::new(path);
        assert_eq!(mode(path), 0o600, "{}", path.display());
        let conn = connect(path);
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        assert_eq!(row_count(path), 1);
    }
    for other in ["notes.txt", "chorus-before-the-move.db"] {
        assert!(dir.join(other).exists(), "{other} was deleted");
    }
    // N must be at least one.
    let (ok, _, err) = cli(
        d.data.path(),
        &["backup", "--keep", "0", dir.to_str().unwrap()],
        "",
    );
    assert!(!ok && err.contains("--keep"), "{err}");
}

#[tokio::test]
async fn restore_refuses_while_the_server_runs_and_restores_a_backup_the_admin_reads() {
    let d = dirs();
    let publish_now = PUBLISH_NOW;
    let (server, _, secret) = staff_server(&d, &publish_now);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let rita_pass = "rita's long passphrase";
    let (rita_secret, _) = add_member(&server, &admin, "rita", "reviewer", rita_pass).await;
    assert_eq!(submit(&server, "written before the backup", &[]).await, 200);
    assert_eq!(submit(&server, "deleted after the backup", &[]).await, 200);
    let backup = d.logs.path().join("before.db");
    assert!(cli(d.data.path(), &["backup", backup.to_str().unwrap()], "").0);
    assert_eq!(submit(&server, "written after the backup", &[]).await, 200);
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 3 }).await);
    // After the backup: one statement deleted (as a withdrawal would), Rita disabled.
    let inbox = admin.html(&server, "/review").await;
    let deleted = inbox_ids(&inbox)
        .into_iter()
        .find(|id| {
            let at = inbox.find(&format!("/review/t/{id}")).unwrap();
            inbox[at..]
                .split("</tr>")
                .next()
                .unwrap()
                .contains("deleted after the backup")
        })
        .unwrap();
    let res = admin
        .post(
            &server,
            &format!("/review/t/{deleted}/delete"),
            "confirm=yes",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(cli(d.data.path(), &["reviewer", "disable", "rita"], "").0);
    let published = |db: &Path| -> (i64, i64, String) {
        (
            scalar(db, "SELECT count(*) FROM snapshots"),
            scalar(db, "SELECT count(*) FROM noise"),
            scalar(
                db,
                "SELECT group_concat(cell || '=' || count) FROM counters",
            ),
        )
    };

    let (ok, _, err) = cli(d.data.path(), &["restore", backup.to_str().unwrap()], "");
    assert!(!ok, "a restore under a running server was allowed");
    assert!(err.contains("server is running"), "{err}");
    assert_eq!(row_count(&server.db()), 2, "nothing changed");

    // A second server on the same data dir is refused the same way.
    let second = std::process::Command::new(bin())
        .env("CHORUS_CONFIG", NO_CONFIG_FILE)
        .env("CHORUS_DATA_DIR", d.data.path())
        .env("CHORUS_BIND", "127.0.0.1:0")
        .arg("serve")
        .output()
        .unwrap();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("server is running"));

    let published_total = counts_json(&server).await["statements"]["total"]
        .as_u64()
        .unwrap();
    let data_dir = server.data_dir.clone();
    drop(server);
    let history_before = published(&data_dir.join("chorus.db"));
    // Not a Chorus database, or a damaged one: refused, nothing replaced.
    let stranger = d.logs.path().join("stranger.db");
    connect(&stranger)
        .execute_batch("CREATE TABLE notes (text TEXT)")
        .unwrap();
    let (ok, _, err) = cli(&data_dir, &["restore", stranger.to_str().unwrap()], "");
    assert!(!ok && err.contains("not a Chorus database"), "{err}");
    let damaged = d.logs.path().join("damaged.db");
    let mut bytes = std::fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    bytes.truncate(middle);
    std::fs::write(&damaged, bytes).unwrap();
    let (ok, _, err) = cli(&data_dir, &["restore", damaged.to_str().unwrap()], "");
    assert!(!ok && err.contains("nothing restored"), "{err}");
    assert_eq!(row_count(&data_dir.join("chorus.db")), 2, "nothing changed");

    let (ok, out, err) = cli(&data_dir, &["restore", backup.to_str().unwrap()], "");
    assert!(ok, "{err}");
    assert!(out.contains("were kept as they are now"), "{out}");
    assert!(
        out.contains("disabled again") && out.contains("rita"),
        "{out}"
    );
    assert!(out.contains("keys rotated"), "{out}");
    assert!(
        out.contains("1 statement(s) withdrawn or deleted since the backup stay gone"),
        "{out}"
    );
    // What the public saw is not rolled back: same counts, noise and signed snapshots.
    assert_eq!(published(&data_dir.join("chorus.db")), history_before);
    let aside = std::fs::read_dir(&data_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("chorus.db.before-restore-")
                && !p.to_string_lossy().ends_with("-wal")
                && !p.to_string_lossy().ends_with("-shm")
        })
        .expect("the replaced database is kept aside");
    assert!(out.contains(&aside.display().to_string()), "{out}");
    assert_eq!(
        row_count(&aside),
        2,
        "the set aside copy is whole (3 written, 1 deleted)"
    );
    assert_eq!(mode(&data_dir.join("chorus.db")), 0o600);

    // The same admin logs in to the restored deployment and reads what the backup held.
    let mut env = vec![("CHORUS_RATE_LIMITS", "off")];
    env.extend_from_slice(&publish_now);
    let server = TestServer::start(&data_dir, d.logs.path(), &env);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.html(&server, "/review").await;
    assert!(inbox.contains("written before the backup"), "{inbox}");
    assert!(!inbox.contains("written after the backup"));
    assert!(
        !inbox.contains("deleted after the backup"),
        "a deleted statement came back"
    );
    // Rita does not come back with the backup.
    assert_ne!(
        login_status(&server, "rita", rita_pass, &rita_secret).await,
        303,
        "a disabled reviewer logged in after the restore"
    );
    // What the public saw stays; the restored statement, counted before, is not counted
    // again; a new one is.
    let shown = counts_json(&server).await["statements"]["total"]
        .as_u64()
        .unwrap();
    assert_eq!(shown, published_total);
    assert_eq!(submit(&server, "written after the restore", &[]).await, 200);
    assert!(
        eventually(|| async {
            counts_json(&server).await["statements"]["total"].as_u64() == Some(shown + 1)
        })
        .await
    );
}

#[tokio::test]
async fn a_backup_restored_over_a_fresh_install_keeps_its_own_history() {
    let d = dirs();
    let publish_now = PUBLISH_NOW;
    let (server, _, secret) = staff_server(&d, &publish_now);
    assert_eq!(submit(&server, "kept through a reinstall", &[]).await, 200);
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 1 }).await);
    let backup = d.logs.path().join("old-machine.db");
    assert!(cli(d.data.path(), &["backup", backup.to_str().unwrap()], "").0);
    drop(server);

    // A new machine: the package started the service once, which made an empty database.
    let fresh = dirs();
    drop(TestServer::start(fresh.data.path(), fresh.logs.path(), &[]));
    let (ok, out, err) = cli(
        fresh.data.path(),
        &["restore", backup.to_str().unwrap()],
        "",
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("restored as it is") && out.contains("another set-up"),
        "{out}"
    );
    std::fs::copy(
        d.logs.path().join("chorus.toml"),
        fresh.logs.path().join("chorus.toml"),
    )
    .unwrap();
    let mut env = vec![("CHORUS_RATE_LIMITS", "off")];
    env.extend_from_slice(&publish_now);
    let server = TestServer::start(fresh.data.path(), fresh.logs.path(), &env);
    assert_eq!(counts_json(&server).await["statements"]["total"], 1);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    assert!(
        admin
            .html(&server, "/review")
            .await
            .contains("kept through a reinstall")
    );
}

#[test]
fn restore_never_pairs_the_restored_database_with_an_old_wal() {
    let d = dirs();
    init_admin(d.data.path());
    let backup = d.logs.path().join("good.db");
    assert!(cli(d.data.path(), &["backup", backup.to_str().unwrap()], "").0);
    // An admin moved the broken database away by hand; its WAL stayed behind.
    let db = d.data.path().join("chorus.db");
    std::fs::rename(&db, d.data.path().join("broken.db")).unwrap();
    std::fs::write(d.data.path().join("chorus.db-wal"), vec![0x37; 8192]).unwrap();
    let (ok, _, err) = cli(d.data.path(), &["restore", backup.to_str().unwrap()], "");
    assert!(ok, "{err}");
    assert!(
        !d.data.path().join("chorus.db-wal").exists() || {
            std::fs::metadata(d.data.path().join("chorus.db-wal"))
                .unwrap()
                .len()
                == 0
        }
    );
    let check: String = connect(&db)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert!(cli(d.data.path(), &["audit", "verify"], "").0);
    // A current database that cannot be read: refused, unless the admin accepts that nothing
    // since the backup can be kept.
    std::fs::write(&db, vec![0x42; 16384]).unwrap();
    let (ok, _, err) = cli(d.data.path(), &["restore", backup.to_str().unwrap()], "");
    assert!(!ok && err.contains("--without-current"), "{err}");
    let (ok, out, err) = cli(
        d.data.path(),
        &["restore", "--without-current", backup.to_str().unwrap()],
        "",
    );
    assert!(ok, "{err}");
    assert!(out.contains("Disable again"), "{out}");
    // A copy taken while in use (a WAL beside it) is refused: its log would be lost.
    let live = d.logs.path().join("live.db");
    std::fs::copy(&backup, &live).unwrap();
    std::fs::write(d.logs.path().join("live.db-wal"), vec![1; 4096]).unwrap();
    let (ok, _, err) = cli(d.data.path(), &["restore", live.to_str().unwrap()], "");
    assert!(!ok && err.contains("write-ahead log"), "{err}");
}

#[tokio::test]
async fn setup_link_makes_a_fresh_link_while_no_admin_exists_and_says_what_to_do_after() {
    let d = dirs();
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let printed = server.setup_link.clone().unwrap();
    let (ok, out, err) = cli(d.data.path(), &["setup-link"], "");
    assert!(ok, "{err}");
    let link = out
        .lines()
        .map(str::trim)
        .find(|l| l.contains("/setup/"))
        .unwrap();
    let path = &link[link.find("/setup/").unwrap()..];
    // The fresh link opens the set-up page on the running server; the earlier one no longer does.
    let res = client().get(server.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let old_path = &printed[printed.find("/setup/").unwrap()..];
    let res = client().get(server.url(old_path)).send().await.unwrap();
    assert_ne!(res.status(), 200);

    init_admin(d.data.path());
    let (ok, out, err) = cli(d.data.path(), &["setup-link"], "");
    assert!(!ok, "{out}");
    assert!(!out.contains("/setup/"));
    assert!(
        err.contains("already exists") && err.contains("chorus reviewer invite"),
        "{err}"
    );
}

#[test]
fn under_systemd_the_set_up_link_stays_out_of_the_journal() {
    let d = dirs();
    let mut child = std::process::Command::new(bin())
        .env("CHORUS_CONFIG", NO_CONFIG_FILE)
        .env("CHORUS_DATA_DIR", d.data.path())
        .env("CHORUS_BIND", "127.0.0.1:0")
        // What systemd sets when standard output goes to the journal.
        .env("JOURNAL_STREAM", "8:12345")
        .arg("serve")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let mut seen = String::new();
    while let Some(Ok(line)) = lines.next() {
        seen.push_str(&line);
        seen.push('\n');
        if line.contains("setup-link") || line.contains("/setup/") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen.contains("chorus setup-link"), "{seen}");
    assert!(!seen.contains("/setup/"), "{seen}");
}
