//! Differential privacy on the public figures, and what the counts count.
//!
//! The noised figures release closed days and weeks only, so these tests give the server a
//! history: blocks of past days written into its database (as ticks of past days would
//! have), then a tick of today.

use std::collections::BTreeMap;

use crate::helpers::*;

/// Thirty closed weeks of 100 statements each, folded on their Mondays (from May 2026), and
/// 40 pledges in the first of them.
fn seed_history(db: &std::path::Path) {
    let conn = connect(db);
    let mut day = time::macros::date!(2026 - 05 - 04);
    for _ in 0..30 {
        conn.execute(
            "INSERT INTO counters (cell, count) VALUES (?1, 100)",
            [format!("fold:{}", chorus::clock::day_string(day))],
        )
        .unwrap();
        day += time::Duration::days(7);
    }
    conn.execute(
        "INSERT INTO counters (cell, count) VALUES ('pfold:2026-05-04', 40), ('dpcat:harassment', 1500)",
        [],
    )
    .unwrap();
}

fn weeks(json: &serde_json::Value) -> BTreeMap<String, Option<u64>> {
    serde_json::from_value(json["statements"]["by_week"].clone()).unwrap()
}

/// One tick (interval 0 publishes at a change): one statement, folded and published.
async fn tick(server: &TestServer) {
    assert_eq!(submit(server, "", &["other"]).await, 200);
    let db = server.db();
    assert!(
        eventually(|| async {
            scalar::<i64>(&db, "SELECT count(*) FROM uncounted") == 0
                && !counts_json(server).await["published_at"].is_null()
        })
        .await,
        "no tick"
    );
}

#[tokio::test]
async fn figures_carry_noise_by_default_drawn_once_and_kept_across_restarts() {
    let d = dirs();
    let env = [
        ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
        ("CHORUS_MIN_CELL", "1"),
        // The default, stated: the helpers turn noise off for every other test.
        ("CHORUS_NOISE_EPSILON", "1.0"),
    ];
    let (server, _) = ready_server(&d, &env);
    seed_history(&server.db());
    tick(&server).await;
    assert!(eventually(|| async { weeks(&counts_json(&server).await).len() >= 30 }).await);
    let first = counts_json(&server).await;
    assert_eq!(first["privacy"]["mechanism"], "discrete_laplace_blocks");
    assert_eq!(first["privacy"]["epsilon"], 1.0);
    let by_week = weeks(&first);
    let noised = by_week
        .values()
        .filter(|v| v.is_some_and(|n| n != 100))
        .count();
    assert!(
        noised >= 10,
        "only {noised} of {} weeks differ from the true 100: {by_week:?}",
        by_week.len()
    );
    let total = first["statements"]["total"].as_u64().unwrap();
    assert_ne!(total, 3000, "the total is a sum of noised weeks");
    assert!((2800..3200).contains(&total), "total {total}");
    // The page says so, with the size of the noise.
    let page = page_text(&server, "/counts").await;
    assert!(page.contains("random noise"), "{page}");
    assert!(page.contains("95 %"));

    // More ticks, then a restart and another tick: the same figures, no new draw for them.
    tick(&server).await;
    let draws: i64 = scalar(&server.db(), "SELECT count(*) FROM noise");
    let server = server.restart(d.logs.path());
    tick(&server).await;
    let again = counts_json(&server).await;
    assert_eq!(
        again["statements"]["by_week"],
        first["statements"]["by_week"]
    );
    assert_eq!(again["statements"]["total"], first["statements"]["total"]);
    assert_eq!(
        again["statements"]["by_category"],
        first["statements"]["by_category"]
    );
    assert_eq!(again["pledges"], first["pledges"]);
    let after: i64 = scalar(&server.db(), "SELECT count(*) FROM noise");
    assert_eq!(draws, after, "re-publishing drew new noise");
}

#[tokio::test]
async fn without_noise_the_figures_are_exact() {
    let d = dirs();
    let (server, _) = ready_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    for _ in 0..4 {
        assert_eq!(submit(&server, "", &["harassment"]).await, 200);
    }
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 4 }).await);
    let json = counts_json(&server).await;
    assert_eq!(json["privacy"]["mechanism"], "none");
    assert_eq!(json["privacy"]["epsilon"], 0.0);
    assert_eq!(json["statements"]["by_category"]["harassment"], 4);
    assert!(!page_text(&server, "/counts").await.contains("random noise"));
}

#[test]
fn exact_counts_are_refused_on_a_public_interface() {
    let d = dirs();
    let out = std::process::Command::new(bin())
        .arg("serve")
        .env("CHORUS_DATA_DIR", d.data.path())
        .env("CHORUS_BIND", "0.0.0.0:0")
        .env("CHORUS_NOISE_EPSILON", "0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("noise_epsilon = 0"), "{err}");
    assert_eq!(files_under(d.data.path()).len(), 0, "nothing was created");
    // A nonsense budget is refused everywhere.
    let out = std::process::Command::new(bin())
        .arg("serve")
        .env("CHORUS_DATA_DIR", d.data.path())
        .env("CHORUS_BIND", "127.0.0.1:0")
        .env("CHORUS_NOISE_EPSILON", "-1")
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[tokio::test]
async fn the_reviewed_policy_counts_only_what_staff_have_triaged() {
    let d = dirs();
    let (server, _, secret) = staff_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
            ("CHORUS_COUNT_POLICY", "reviewed"),
        ],
    );
    for _ in 0..3 {
        assert_eq!(submit(&server, "to triage", &["assault"]).await, 200);
    }
    // Ticks run, but nothing is counted while every statement is new.
    assert!(eventually(|| async { !counts_json(&server).await["published_at"].is_null() }).await);
    assert!(counts_json(&server).await["statements"]["total"].is_null());
    assert!(
        page_text(&server, "/counts")
            .await
            .contains("read and reviewed")
    );
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let ids = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap());
    assert_eq!(ids.len(), 3);
    let set = |id: String, status: &'static str| {
        let admin = &admin;
        let server = &server;
        async move {
            let res = admin
                .post(
                    server,
                    &format!("/review/t/{id}/status"),
                    &format!("status={status}"),
                )
                .await;
            assert_eq!(res.status(), 303);
        }
    };
    set(ids[0].clone(), "read").await;
    set(ids[1].clone(), "in_progress").await;
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 2 }).await);
    assert_eq!(
        counts_json(&server).await["statements"]["by_category"]["assault"],
        2
    );
    // Back to new, or spam: out again at the next tick.
    set(ids[0].clone(), "new").await;
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 1 }).await);
    set(ids[1].clone(), "spam").await;
    assert!(
        eventually(|| async { counts_json(&server).await["statements"]["total"].is_null() }).await
    );
    // And in again: each row is counted once, however often it moves.
    set(ids[0].clone(), "resolved").await;
    set(ids[1].clone(), "read").await;
    set(ids[2].clone(), "read").await;
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 3 }).await);
    let uncounted: i64 = scalar(&server.db(), "SELECT count(*) FROM uncounted");
    assert_eq!(uncounted, 0);

    // The policy is fixed once statements arrived: the other one is refused at start.
    let data_dir = server.data_dir.clone();
    drop(server);
    let out = std::process::Command::new(bin())
        .arg("serve")
        .env("CHORUS_DATA_DIR", &data_dir)
        .env("CHORUS_BIND", "127.0.0.1:0")
        .env("CHORUS_NOISE_EPSILON", "0")
        .env("CHORUS_COUNT_POLICY", "received")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("count_policy"), "{err}");
}
