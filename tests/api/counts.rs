//! Public counts: built at ticks, rounded, closed weeks only, stable across restarts.

use crate::helpers::*;

#[tokio::test]
async fn intake_leaves_counters_untouched_until_a_tick() {
    let d = dirs();
    // Hourly ticks: none will happen during this test (and none at start-up).
    let (server, _) = ready_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "3600"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    for _ in 0..3 {
        assert_eq!(submit(&server, "", &["harassment"]).await, 200);
    }
    assert_eq!(
        post_form(&server, "/pledge", "pledge=believe")
            .await
            .status(),
        200
    );
    let conn = connect(&server.db());
    let counters: i64 = conn
        .query_row("SELECT count(*) FROM counters", [], |r| r.get(0))
        .unwrap();
    let uncounted: i64 = conn
        .query_row("SELECT count(*) FROM uncounted", [], |r| r.get(0))
        .unwrap();
    let snapshots: i64 = conn
        .query_row("SELECT count(*) FROM snapshots", [], |r| r.get(0))
        .unwrap();
    assert_eq!((counters, uncounted, snapshots), (0, 3, 0));
    let json = counts_json(&server).await;
    assert!(json["published_at"].is_null());
    assert!(json["statements"]["total"].is_null());
}

fn uncounted(db: &std::path::Path) -> i64 {
    connect(db)
        .query_row("SELECT count(*) FROM uncounted", [], |r| r.get(0))
        .unwrap()
}

fn assert_cell(value: &serde_json::Value, min_cell: u64, what: &str) {
    if let Some(n) = value.as_u64() {
        assert!(
            n >= min_cell && n % min_cell == 0,
            "{what} = {n} is not a multiple of {min_cell}"
        );
    } else {
        assert!(
            value.is_null(),
            "{what} is neither null nor a number: {value}"
        );
    }
}

#[tokio::test]
async fn published_cells_are_null_or_multiples_of_min_cell_with_the_contract_shape() {
    let d = dirs();
    let (server, _) = ready_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "3"),
        ],
    );
    // 4 + 5 rows; new rows are folded only in groups of at least min_cell, so at most the
    // last 2 may still wait: harassment is 4 (shown 3), assault 3 to 5 (shown 3).
    for i in 0..9 {
        let cats: &[&str] = if i < 4 {
            &["harassment", "online"]
        } else {
            &["assault"]
        };
        assert_eq!(submit(&server, "", cats).await, 200);
    }
    for _ in 0..2 {
        assert_eq!(post_form(&server, "/pledge", "").await.status(), 200);
    }
    let db = server.db();
    assert!(eventually(|| async { uncounted(&db) < 3 }).await);
    assert!(
        eventually(|| async {
            let total = counts_json(&server).await["statements"]["total"].clone();
            total == 6 || total == 9
        })
        .await
    );
    let json = counts_json(&server).await;
    let top: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        top,
        [
            "min_cell",
            "next_publication_at",
            "pledges",
            "privacy",
            "published_at",
            "statements"
        ]
    );
    assert_eq!(json["min_cell"], 3);
    let published = json["published_at"].as_str().unwrap();
    assert!(
        time::OffsetDateTime::parse(published, &time::format_description::well_known::Rfc3339)
            .is_ok()
    );
    let statements = json["statements"].as_object().unwrap();
    let keys: Vec<&str> = statements.keys().map(String::as_str).collect();
    assert_eq!(keys, ["by_category", "by_week", "total"]);
    assert_eq!(json["statements"]["by_category"]["harassment"], 3);
    assert_eq!(json["statements"]["by_category"]["assault"], 3);
    assert!(
        json["statements"]["by_category"]["rape"].is_null(),
        "0 is below min_cell too"
    );
    assert!(json["pledges"]["total"].is_null(), "2 pledges < 3");
    for (k, v) in json["statements"]["by_category"].as_object().unwrap() {
        assert_cell(v, 3, k);
    }
    // Only closed weeks: this week's statements are not listed yet.
    let this_week = chorus::clock::week_label(time::OffsetDateTime::now_utc().date());
    assert!(
        !json["statements"]["by_week"]
            .as_object()
            .unwrap()
            .contains_key(&this_week)
    );
    // The true counts are kept (for the next rounding), the public ones rounded.
    let total: i64 = connect(&server.db())
        .query_row("SELECT count FROM counters WHERE cell = 'total'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(total + uncounted(&server.db()), 9);
    assert_eq!(json["statements"]["total"], total - total % 3);
}

#[tokio::test]
async fn a_restart_changes_nothing_published() {
    let d = dirs();
    let env = [
        ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
        ("CHORUS_MIN_CELL", "1"),
    ];
    let (server, _) = ready_server(&d, &env);
    for _ in 0..6 {
        assert_eq!(submit(&server, "", &["other"]).await, 200);
    }
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 6 }).await);
    let db = server.db();
    assert!(
        eventually(|| async { uncounted(&db) == 0 }).await,
        "every row folded"
    );
    let before = client()
        .get(server.url("/api/v1/counts"))
        .send()
        .await
        .unwrap();
    let etag = before.headers()["etag"].to_str().unwrap().to_owned();
    let before: serde_json::Value = before.json().await.unwrap();
    let server = server.restart(d.logs.path());
    let after = client()
        .get(server.url("/api/v1/counts"))
        .send()
        .await
        .unwrap();
    assert_eq!(after.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(after.json::<serde_json::Value>().await.unwrap(), before);
    let snapshots: i64 = scalar(&server.db(), "SELECT count(*) FROM snapshots");
    let html = page_text(&server, "/counts").await;
    assert!(html.contains(">6<"), "the page shows the same figure");
    assert!(snapshots >= 1);
}

#[tokio::test]
async fn counts_are_cacheable_by_snapshot_etag() {
    let d = dirs();
    let (server, _) = ready_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    assert_eq!(submit(&server, "", &[]).await, 200);
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 1 }).await);
    for path in ["/api/v1/counts", "/counts", "/badge.svg"] {
        let res = client().get(server.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let etag = res.headers()["etag"].to_str().unwrap().to_owned();
        assert!(
            res.headers()["cache-control"]
                .to_str()
                .unwrap()
                .starts_with("public")
        );
        let again = client()
            .get(server.url(path))
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    }
    let json_tag = client()
        .get(server.url("/api/v1/counts"))
        .send()
        .await
        .unwrap()
        .headers()["etag"]
        .clone();
    let badge_tag = client()
        .get(server.url("/badge.svg"))
        .send()
        .await
        .unwrap()
        .headers()["etag"]
        .clone();
    assert_eq!(json_tag, badge_tag, "one snapshot behind every view");
}

#[tokio::test]
async fn the_badge_is_embeddable_and_inert() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let res = client().get(server.url("/badge.svg")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers();
    assert_eq!(h["content-type"], "image/svg+xml");
    assert_eq!(h["cross-origin-resource-policy"], "cross-origin");
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("sandbox"),
        "{csp}"
    );
    assert!(h.get("x-frame-options").is_none());
    let body = res.text().await.unwrap();
    assert!(body.starts_with("<svg") && !body.contains("<script") && !body.contains("href"));
    assert!(body.contains("fewer than 10"));
}

#[tokio::test]
async fn the_counts_page_has_a_chart_with_a_text_equivalent() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let html = page_text(&server, "/counts").await;
    assert!(html.contains("<svg") && html.contains("role=\"img\""));
    assert!(html.contains("<table") && html.contains("<th scope=\"col\">Week</th>"));
    assert!(html.contains("fewer than 10"));
}

#[tokio::test]
async fn launch_day_says_when_the_next_figures_come_and_claims_no_margin_yet() {
    let d = dirs();
    let (server, _) = ready_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "86400"),
            ("CHORUS_NOISE_EPSILON", "1.0"),
        ],
    );
    for i in 0..30 {
        assert_eq!(submit(&server, &format!("launch day {i}"), &[]).await, 200);
    }
    let tomorrow = time::OffsetDateTime::now_utc().date().next_day().unwrap();
    let midnight = format!("{}T00:00:00Z", chorus::clock::day_string(tomorrow));
    let json = counts_json(&server).await;
    assert_eq!(json["next_publication_at"], midnight.as_str(), "{json}");
    let page = page_text(&server, "/counts").await;
    assert!(
        page.contains(&format!("<time datetime=\"{midnight}\">")),
        "{page}"
    );
    assert!(page.contains("once that day has closed"), "{page}");
    // Nothing noised has been published yet: no "within about ±0".
    assert!(!page.contains("id=\"noise-note\""), "{page}");
    assert!(!page.contains("±0"));
}
