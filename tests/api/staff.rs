//! Working the staff side: the inbox, opening and triaging testimonies, threads, bulk
//! actions, exports.

use crate::helpers::*;

#[tokio::test]
async fn markup_in_testimonies_and_notes_renders_inert_everywhere() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    assert_eq!(submit(&server, evil, &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.get(&server, "/review").await.text().await.unwrap();
    let id = inbox_ids(&inbox).remove(0);
    let res = admin
        .post(
            &server,
            &format!("/review/t/{id}/note"),
            &format!("note={}", enc(evil)),
        )
        .await;
    assert_eq!(res.status(), 303);
    let view = admin
        .get(&server, &format!("/review/t/{id}"))
        .await
        .text()
        .await
        .unwrap();
    for page in [&inbox, &view] {
        assert!(
            !page.contains("<script>alert"),
            "raw script tag in a staff page"
        );
        assert!(!page.contains("<img src=x"), "raw img tag in a staff page");
    }
    assert!(
        view.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "shown as text"
    );
    assert_eq!(
        view.matches("alert(1)").count(),
        2,
        "statement and note both shown, escaped"
    );
    for format in ["json", "csv"] {
        let res = export(&admin, &server, &format!("format={format}")).await;
        assert_eq!(res.status(), 200);
        let ct = res.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(!ct.contains("html"), "{ct}");
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        let body = res.text().await.unwrap();
        assert!(
            body.contains("alert(1)"),
            "the export holds the text, as data"
        );
    }
}

#[tokio::test]
async fn spam_leaves_the_counts_at_the_next_tick_and_deletion_removes_the_row() {
    let d = dirs();
    let (server, _, secret) = staff_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    for _ in 0..3 {
        assert_eq!(submit(&server, "counted", &["harassment"]).await, 200);
    }
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 3 }).await);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let ids = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap());
    assert_eq!(
        admin
            .post(
                &server,
                &format!("/review/t/{}/status", ids[0]),
                "status=spam"
            )
            .await
            .status(),
        303
    );
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 2 }).await);
    assert_eq!(
        counts_json(&server).await["statements"]["by_category"]["harassment"],
        2
    );
    assert_eq!(
        admin
            .post(
                &server,
                &format!("/review/t/{}/status", ids[0]),
                "status=read"
            )
            .await
            .status(),
        303
    );
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 3 }).await);

    let res = admin
        .post(&server, &format!("/review/t/{}/delete", ids[1]), "")
        .await;
    assert_eq!(res.status(), 422, "deletion needs the confirmation box");
    let res = admin
        .post(
            &server,
            &format!("/review/t/{}/delete", ids[1]),
            "confirm=yes",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(row_count(&server.db()), 2);
    assert_eq!(
        admin
            .get(&server, &format!("/review/t/{}", ids[1]))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn a_login_counts_what_a_crash_left_uncounted() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[("CHORUS_PUBLISH_INTERVAL_SECS", "3600")]);
    for _ in 0..3 {
        assert_eq!(submit(&server, "", &["online"]).await, 200);
    }
    drop(server);
    let server = TestServer::start(
        d.data.path(),
        d.logs.path(),
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    assert!(counts_json(&server).await["statements"]["total"].is_null());
    StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 3 }).await);
    assert_eq!(
        counts_json(&server).await["statements"]["by_category"]["online"],
        3
    );
}

#[tokio::test]
async fn the_inbox_pages_newest_first_and_decrypts_only_what_it_shows() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    for i in 0..60 {
        assert_eq!(
            submit(&server, &format!("statement number {i}"), &[]).await,
            200
        );
    }
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let first = admin.get(&server, "/review").await.text().await.unwrap();
    let first_ids = inbox_ids(&first);
    assert_eq!(first_ids.len(), 50);
    let at = first.find("after=").expect("an Older link");
    let cursor = &first[at + 6..at + 6 + first[at + 6..].find('"').unwrap()];
    let second = admin
        .get(&server, &format!("/review?status=all&after={cursor}"))
        .await
        .text()
        .await
        .unwrap();
    let second_ids = inbox_ids(&second);
    assert_eq!(second_ids.len(), 10);
    assert!(second_ids.iter().all(|id| !first_ids.contains(id)));
    assert_eq!(
        admin.get(&server, "/review?after=garbage").await.status(),
        400
    );
    let new_only = admin
        .get(&server, "/review?status=new")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(inbox_ids(&new_only).len(), 50);
}

#[tokio::test]
async fn admins_export_just_the_testimonies_they_select() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    for text in ["first of three", "second of three", "third of three"] {
        assert_eq!(submit(&server, text, &[]).await, 200);
    }
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.get(&server, "/review").await.text().await.unwrap();
    assert!(inbox.contains("Export selected"));
    let ids = inbox_ids(&inbox);
    let res = export(
        &admin,
        &server,
        &format!("format=json&id={}&id={}", ids[0], ids[1]),
    )
    .await;
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert_eq!(body.lines().count(), 2, "{body}");
    assert_eq!(
        admin
            .get(&server, "/review/export?format=json&id=nothex")
            .await
            .status(),
        400
    );
    // "Export selected" with nothing ticked exports nothing, never everything.
    let empty = admin
        .get(&server, "/review/export?scope=selected&format=json")
        .await;
    assert_eq!(empty.status(), 422);
    let posted = admin
        .post(&server, "/review/export", "scope=selected&format=json")
        .await;
    assert_eq!(posted.status(), 422);
    let detail: String = scalar(
        &server.db(),
        "SELECT detail FROM audit_log WHERE action = 'export'",
    );
    // One short entry; the ids it is about are listed beside it, and the chain covers them.
    assert!(
        detail.contains("2 selected") && detail.contains("ids sha256:"),
        "{detail}"
    );
    let named: i64 = scalar(
        &server.db(),
        &format!(
            "SELECT count(*) FROM audit_subjects s JOIN audit_log a ON a.seq = s.seq \
             WHERE a.action = 'export' AND s.testimony_id = x'{}'",
            ids[0]
        ),
    );
    assert_eq!(named, 1);
}

#[tokio::test]
async fn direction_overrides_and_invisible_characters_are_shown_to_staff() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    // Reads "it was the manager" but displays reversed without the mark shown.
    let sneaky = "it was the \u{202E}reganam\u{202C} and\u{200B}more\u{FEFF}";
    assert_eq!(submit(&server, sneaky, &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.get(&server, "/review").await.text().await.unwrap();
    assert!(
        inbox.contains("[U+202E]"),
        "the inbox preview shows the override"
    );
    let id = inbox_ids(&inbox).remove(0);
    let page = admin
        .get(&server, &format!("/review/t/{id}"))
        .await
        .text()
        .await
        .unwrap();
    for mark in ["[U+202E]", "[U+202C]", "[U+200B]", "[U+FEFF]"] {
        assert!(page.contains(mark), "{mark}");
    }
    for raw in ['\u{202E}', '\u{202C}', '\u{200B}', '\u{FEFF}'] {
        assert!(!page.contains(raw), "{raw:?} reached the page");
    }
}

/// What an admin does: open the export page for `query` (it must be a page with the
/// warning, never the file), then send its form.
pub async fn export(admin: &StaffBrowser, server: &TestServer, query: &str) -> reqwest::Response {
    let page = admin.get(server, &format!("/review/export?{query}")).await;
    assert_eq!(page.status(), 200);
    let ct = page.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ct.contains("text/html"), "{ct}");
    assert!(page.headers().get("content-disposition").is_none());
    let html = page.text().await.unwrap();
    assert!(html.contains("decrypted, in plain text"), "{html}");
    assert!(html.contains(r#"<form method="post" action="/review/export">"#));
    admin.post(server, "/review/export", query).await
}

#[tokio::test]
async fn the_export_page_decrypts_nothing_and_the_file_needs_an_explicit_post() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(
        submit(&server, "PAGE-MARKER only in the file", &[]).await,
        200
    );
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let page = admin
        .get(&server, "/review/export")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("PAGE-MARKER"),
        "the page decrypted a testimony"
    );
    let audited: i64 = scalar(
        &server.db(),
        "SELECT count(*) FROM audit_log WHERE action = 'export'",
    );
    assert_eq!(audited, 0, "opening the page is not an export");
    // The POST without the session's token is refused and exports nothing.
    let forged = admin
        .client
        .post(server.url("/review/export"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("format=json")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    let file = admin.post(&server, "/review/export", "format=json").await;
    assert_eq!(file.status(), 200);
    assert!(file.text().await.unwrap().contains("PAGE-MARKER"));
}

#[tokio::test]
async fn a_flood_is_cleared_in_bulk_with_one_audit_entry_per_action() {
    let d = dirs();
    let (server, _, secret) = staff_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    for text in [
        "BUY PILLS NOW",
        "BUY PILLS NOW",
        "BUY PILLS NOW",
        "junk one",
        "junk two",
    ] {
        assert_eq!(submit(&server, text, &["harassment"]).await, 200);
    }
    assert_eq!(
        submit(&server, "a genuine statement", &["harassment"]).await,
        200
    );
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 6 }).await);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let statuses = || -> Vec<(String, String)> {
        connect(&server.db())
            .prepare("SELECT lower(hex(id)), status FROM testimonies")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let spam = || statuses().iter().filter(|(_, s)| s == "spam").count();

    // Enter on a checkbox "clicks" the hidden first button: nothing changes.
    let ids: Vec<String> = statuses().into_iter().map(|(id, _)| id).collect();
    let res = admin
        .post(
            &server,
            "/review/bulk",
            &format!("id={}&action=none&status=spam", ids[0]),
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(spam(), 0);

    // Every copy of one text, from the page of one of them.
    let pills = {
        let mut found = None;
        for id in &ids {
            let page = admin
                .get(&server, &format!("/review/t/{id}"))
                .await
                .text()
                .await
                .unwrap();
            if page.contains("BUY PILLS NOW") {
                found = Some(id.clone());
                break;
            }
        }
        found.unwrap()
    };
    let res = admin
        .post(&server, &format!("/review/t/{pills}/same-text-spam"), "")
        .await;
    assert_eq!(res.status(), 422, "it asks to confirm first");
    let res = admin
        .post(
            &server,
            &format!("/review/t/{pills}/same-text-spam"),
            "confirm=yes",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/review?changed=3");
    assert_eq!(spam(), 3);

    // Then the ticked rows of an inbox page: the two junk ones.
    let junk: Vec<String> = {
        let mut junk = Vec::new();
        for id in &ids {
            let page = admin
                .get(&server, &format!("/review/t/{id}"))
                .await
                .text()
                .await
                .unwrap();
            if page.contains("junk one") || page.contains("junk two") {
                junk.push(id.clone());
            }
        }
        junk
    };
    let body = format!("id={}&id={}&action=status&status=spam", junk[0], junk[1]);
    let res = admin.post(&server, "/review/bulk", &body).await;
    assert_eq!(res.headers()["location"], "/review?changed=2");
    assert_eq!(spam(), 5);

    // One short entry per action, its ids listed beside it; and the counts follow at the
    // next tick.
    let entries: Vec<(i64, String)> = connect(&server.db())
        .prepare(
            "SELECT seq, detail FROM audit_log WHERE action = 'testimony.status.bulk' ORDER BY seq",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(
        entries[1].1.starts_with("status -> spam for 2 statements"),
        "{entries:?}"
    );
    let listed: Vec<String> = connect(&server.db())
        .prepare("SELECT hex(testimony_id) FROM audit_subjects WHERE seq = ?1")
        .unwrap()
        .query_map([entries[1].0], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|id| id.unwrap().to_lowercase())
        .collect();
    assert!(
        listed.contains(&junk[0]) && listed.contains(&junk[1]),
        "{listed:?}"
    );
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 1 }).await);
}

#[tokio::test]
async fn a_reply_written_as_the_session_ends_comes_back_on_the_page() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "please answer", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap()).remove(0);
    // The session ends (as after 15 idle minutes) while the reply is being written.
    assert_eq!(
        admin.post(&server, "/review/logout", "").await.status(),
        303
    );
    let res = admin
        .post(
            &server,
            &format!("/review/t/{id}/reply"),
            "reply=A+long+careful+answer+%3Cb%3Eone%3C%2Fb%3E",
        )
        .await;
    assert_eq!(res.status(), 401);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("A long careful answer &#60;b&#62;one&#60;/b&#62;</textarea>"),
        "{page}"
    );
    assert!(page.contains(r#"href="/review/login""#));
    let messages: i64 = scalar(&server.db(), "SELECT count(*) FROM messages");
    assert_eq!(messages, 0, "nothing was sent");
}

#[tokio::test]
async fn a_long_thread_opens_one_page_at_a_time() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "a long thread", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap()).remove(0);
    for i in 1..=120 {
        let res = admin
            .post(
                &server,
                &format!("/review/t/{id}/note"),
                &format!("note=note+number+{i}+end"),
            )
            .await;
        assert_eq!(res.status(), 303);
    }
    let notes = |page: &str| -> Vec<u32> {
        page.match_indices("note number ")
            .map(|(i, _)| {
                let rest = &page[i + 12..];
                rest[..rest.find(' ').unwrap()].parse().unwrap()
            })
            .collect()
    };
    let latest = admin
        .get(&server, &format!("/review/t/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        notes(&latest),
        (71..=120).collect::<Vec<_>>(),
        "the newest 50, oldest first"
    );
    assert!(latest.contains(&format!("/review/t/{id}?before=71#thread")));
    assert!(!latest.contains("Latest messages"));
    let middle = admin
        .get(&server, &format!("/review/t/{id}?before=71"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(notes(&middle), (21..=70).collect::<Vec<_>>());
    assert!(middle.contains("?before=21#thread") && middle.contains("Latest messages"));
    let first = admin
        .get(&server, &format!("/review/t/{id}?before=21"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(notes(&first), (1..=20).collect::<Vec<_>>());
    assert!(!first.contains("Earlier messages"));
}
