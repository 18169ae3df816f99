//! Promise 1 and 2: a seized server reads nothing, and no identity or plaintext is kept.

use crate::helpers::*;

#[tokio::test]
async fn a_seized_data_dir_and_the_logs_reveal_no_statement() {
    let d = dirs();
    let (server, _) = ready_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    let marker = "ZEBRA-MARKER-7c1e9 what happened to me at the office";
    assert_eq!(submit(&server, marker, &["harassment"]).await, 200);
    for i in 0..5 {
        assert_eq!(
            submit(&server, &format!("other statement {i}"), &[]).await,
            200
        );
    }
    // A backup in the data dir must be just as opaque.
    let backup = server.data_dir.join("backup.db");
    let (ok, _, err) = cli(&server.data_dir, &["backup", backup.to_str().unwrap()], "");
    assert!(ok, "{err}");

    let needles: Vec<Vec<u8>> = vec![
        b"ZEBRA-MARKER-7c1e9".to_vec(),
        enc("ZEBRA-MARKER-7c1e9").into_bytes(),
        "ZEBRA-MARKER-7c1e9"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect(),
        b"at the office".to_vec(),
    ];
    let files = files_under(&server.data_dir);
    assert!(
        files.iter().any(|f| f.ends_with("chorus.db-wal")),
        "the WAL is checked too: {files:?}"
    );
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for needle in &needles {
            assert!(
                !contains(&bytes, needle),
                "plaintext found in {}",
                file.display()
            );
        }
    }
    // Identifying headers a browser or proxy would send never reach the log either.
    let res = client()
        .get(server.url("/counts?who=QUERY-MARKER"))
        .header("user-agent", "UA-MARKER/1.0")
        .header("referer", "https://referer-marker.example/")
        .header("x-forwarded-for", "203.0.113.77")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let log = server.log();
    assert!(log.contains("route=/counts"), "the log is being written");
    for marker in [
        "ZEBRA",
        "UA-MARKER",
        "referer-marker",
        "203.0.113.77",
        "QUERY-MARKER",
    ] {
        assert!(!log.contains(marker), "{marker} in the log");
    }
    for line in log.lines().filter(|l| l.contains("request")) {
        assert!(
            !line.contains("127.0.0.1"),
            "client address in the log: {line}"
        );
    }
    // Survivor posts are not logged one by one (a log line is a timestamp).
    assert!(
        !log.contains("route=/submit status=200"),
        "a submission was logged with its time"
    );
}

#[tokio::test]
async fn the_testimonies_table_holds_nothing_about_content_or_order() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    // Forty statements one after another: their places must not tell in which order.
    const SENT: usize = 40;
    for n in 0..SENT {
        let statement = format!("statement {n}");
        assert_eq!(
            submit(&server, &statement, &["assault", "online"]).await,
            200
        );
    }
    let conn = connect(&server.db());
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('testimonies')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // Receipt columns hold only values derived from a code (null without one): nothing
    // about content, category, setting or time.
    assert_eq!(
        columns,
        [
            "place",
            "id",
            "received_day",
            "epoch_id",
            "status",
            "receipt_tag",
            "receipt_order_free_tag",
            "reply_public_key",
            "receipt_box",
            "ciphertext"
        ]
    );
    // The one table with a rowid: its key is the day and random bits, so the rowid is not
    // an arrival counter.
    let keys = keys_by_password(&server.db(), PASSWORD).unwrap();
    let mut by_arrival = vec![0i64; SENT];
    for row in rows(&server.db()) {
        let text = keys.open_testimony(&row).unwrap().statement.clone();
        let n: usize = text.trim_start_matches("statement ").parse().unwrap();
        let (place, rowid, day): (i64, i64, i64) = conn
            .query_row(
                "SELECT place, rowid, CAST(julianday(received_day) AS INTEGER)
                 FROM testimonies WHERE id = ?1",
                [row.id.as_bytes().to_vec()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((rowid, place >> 40), (place, day), "the rowid is the place");
        by_arrival[n] = place;
    }
    let rising = by_arrival.windows(2).filter(|w| w[0] < w[1]).count();
    assert!(
        (6..=33).contains(&rising),
        "{rising} of {} places rise in the order of arrival",
        SENT - 1
    );
    for table in [
        "uncounted",
        "pledges",
        "counters",
        "snapshots",
        "staff",
        "epoch_keys",
        "key_grants",
        // Casework tables that hold a statement's id.
        "awaiting_reply",
        "reopened",
        "shown_resolved",
        "assignments",
        "label_sets",
        "label_index",
        "label_vocabulary",
        "audit_subjects",
    ] {
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            sql.contains("WITHOUT ROWID"),
            "{table} keeps a rowid (arrival order)"
        );
    }
    let day: String = conn
        .query_row("SELECT received_day FROM testimonies LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(day.len(), 10, "only a day, never a time: {day}");
    let counters: i64 = conn
        .query_row("SELECT count(*) FROM counters", [], |r| r.get(0))
        .unwrap();
    assert_eq!(counters, 0, "intake never touches counters");
}

#[tokio::test]
async fn anonymous_pages_set_no_cookies() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    for path in [
        "/",
        "/submit",
        "/counts",
        "/pledge",
        "/resources",
        "/api/v1/counts",
        "/badge.svg",
    ] {
        let res = client().get(server.url(path)).send().await.unwrap();
        assert!(
            res.headers().get("set-cookie").is_none(),
            "{path} set a cookie"
        );
    }
    let res = post_form(&server, "/submit", "statement=x").await;
    assert!(res.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn a_flood_of_refused_submissions_leaves_no_line_per_request_in_the_log() {
    let d = dirs();
    // A throttle that admits one submission and refuses the rest.
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        "intake_per_second = 1\nintake_burst = 1\n",
    )
    .unwrap();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let mut refused = 0;
    for i in 0..60 {
        let res = post_form(&server, "/submit", format!("statement=flood+{i}")).await;
        if res.status() == 503 {
            refused += 1;
            assert!(res.text().await.unwrap().contains(&format!("flood {i}")));
        }
    }
    assert!(refused >= 50, "the throttle refused {refused}");
    let log = server.log();
    let per_request = log
        .lines()
        .filter(|l| l.contains("/submit") || l.contains("status=503"))
        .count();
    assert_eq!(per_request, 0, "{log}");
    let summaries = log.lines().filter(|l| l.contains("refused")).count();
    assert!(summaries <= 1, "at most one summary a minute: {log}");
}

#[tokio::test]
async fn the_database_files_times_do_not_date_the_latest_statement() {
    let d = dirs();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    // Well after the start-up tick, one statement arrives on a quiet server.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let before = std::time::SystemTime::now() - std::time::Duration::from_millis(500);
    assert_eq!(
        submit(&server, "a statement on a quiet day", &[]).await,
        200
    );
    // The background checkpointer has had time to copy it into the main file too.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    for name in ["chorus.db", "chorus.db-wal", "chorus.db-shm"] {
        let modified = std::fs::metadata(server.data_dir.join(name))
            .unwrap()
            .modified()
            .unwrap();
        assert!(
            modified < before,
            "{name} was modified at the statement's time, not at the housekeeping tick"
        );
    }
}
