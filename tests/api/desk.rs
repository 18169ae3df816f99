//! The staff desk at scale: inbox filters and paging both ways with position, "save and
//! next", and a paged, filterable audit log.

use crate::helpers::*;

/// The text between `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let to = html[from..].find(end)? + from;
    Some(&html[from..to])
}

/// The link target of the pager's `rel` link ("next" = older, "prev" = newer).
fn pager(html: &str, rel: &str) -> Option<String> {
    let tag = format!("rel=\"{rel}\"");
    let at = html.find(&tag)?;
    let start = html[..at].rfind("href=\"")? + 6;
    let end = html[start..].find('"')? + start;
    Some(html[start..end].replace("&amp;", "&").replace("&#38;", "&"))
}

#[tokio::test]
async fn the_inbox_filters_and_pages_both_ways_with_its_position() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    for i in 0..60 {
        assert_eq!(submit(&server, "", &["harassment"]).await, 200, "{i}");
    }
    for i in 0..5 {
        let text = format!("it happened at the office {i}");
        assert_eq!(submit(&server, &text, &["stalking", "online"]).await, 200);
    }
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let page = |path: String| {
        let admin = &admin;
        let server = &server;
        async move {
            let res = admin.get(server, &path).await;
            assert_eq!(res.status(), 200, "{path}");
            res.text().await.unwrap()
        }
    };

    let first = page("/review".to_owned()).await;
    assert!(first.contains("1–50 of 65"), "{first}");
    assert!(
        pager(&first, "prev").is_none(),
        "no newer page before the first"
    );
    let first_ids = inbox_ids(&first);
    assert_eq!(first_ids.len(), 50);
    let older = pager(&first, "next").expect("an older page");
    let second = page(older).await;
    assert!(second.contains("51–65 of 65"), "{second}");
    assert!(pager(&second, "next").is_none());
    let second_ids = inbox_ids(&second);
    assert_eq!(second_ids.len(), 15);
    assert!(second_ids.iter().all(|id| !first_ids.contains(id)));
    // Back again: the same first page.
    let back = page(pager(&second, "prev").expect("a newer page")).await;
    assert_eq!(inbox_ids(&back), first_ids);
    assert!(back.contains("1–50 of 65"));

    // Filters that need the plaintext: with text, and one kind.
    let with_text = page("/review?text=1".to_owned()).await;
    assert_eq!(inbox_ids(&with_text).len(), 5, "{with_text}");
    assert!(with_text.contains("65 testimonies were read to find them"));
    let stalking = page("/review?category=stalking".to_owned()).await;
    assert_eq!(inbox_ids(&stalking).len(), 5);
    let harassment = page("/review?category=harassment&text=1".to_owned()).await;
    assert!(harassment.contains("Nothing here."));
    // A day filter (plain column) keeps its position; another day has none.
    let today = chorus::clock::day_string(time::OffsetDateTime::now_utc().date());
    let day = page(format!("/review?day={today}&status=new")).await;
    assert!(day.contains("1–50 of 65"), "{day}");
    let older = pager(&day, "next").unwrap();
    assert!(
        older.contains(&format!("day={today}")),
        "links keep the filters: {older}"
    );
    assert!(
        page("/review?day=2020-01-01".to_owned())
            .await
            .contains("Nothing here.")
    );
    // Bad filters are refused, and say why.
    for bad in [
        "/review?day=yesterday",
        "/review?category=nope",
        "/review?before=zzz",
    ] {
        assert_eq!(admin.get(&server, bad).await.status(), 400, "{bad}");
    }
    // The audit log names the filter and how many rows were read for it.
    let log: String = scalar(
        &server.db(),
        "SELECT detail FROM audit_log WHERE action = 'inbox.view' AND detail LIKE '%category stalking%'",
    );
    assert!(log.contains("rows read to filter"), "{log}");
}

#[tokio::test]
async fn save_and_next_walks_through_the_new_ones() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    for i in 0..3 {
        assert_eq!(submit(&server, &format!("statement {i}"), &[]).await, 200);
    }
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let ids = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap());
    let mut at = ids[0].clone();
    let mut seen = vec![at.clone()];
    loop {
        assert_eq!(
            admin
                .get(&server, &format!("/review/t/{at}"))
                .await
                .status(),
            200
        );
        let res = admin
            .post(
                &server,
                &format!("/review/t/{at}/status"),
                "status=in_progress&then=next",
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        match to.strip_prefix("/review/t/") {
            Some(next) => {
                assert!(!seen.contains(&next.to_owned()), "{next} came twice");
                at = next.to_owned();
                seen.push(at.clone());
            }
            None => {
                assert_eq!(to, "/review?status=new&done=1");
                break;
            }
        }
    }
    assert_eq!(seen.len(), 3);
    let done = admin
        .get(&server, "/review?status=new&done=1")
        .await
        .text()
        .await
        .unwrap();
    assert!(done.contains("No new testimonies are left"));
    // Every staff page says when the session will end.
    assert!(
        done.contains("Your session ends after 15 min without activity, and in 8 h at the latest."),
        "{done}"
    );
    let statuses: i64 = scalar(
        &server.db(),
        "SELECT count(*) FROM testimonies WHERE status = 'in_progress'",
    );
    assert_eq!(statuses, 3);
}

#[tokio::test]
async fn the_audit_log_pages_and_filters() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "one", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap())[0].clone();
    for _ in 0..110 {
        assert_eq!(
            admin
                .get(&server, &format!("/review/t/{id}"))
                .await
                .status(),
            200
        );
    }
    let first = admin
        .get(&server, "/review/audit")
        .await
        .text()
        .await
        .unwrap();
    let summary = between(&first, "role=\"status\">", "</p>")
        .unwrap_or_default()
        .to_owned();
    assert!(first.contains("newest first"), "{first}");
    assert_eq!(first.matches("<tr><td class=\"seq\">").count(), 50);
    let older = pager(&first, "next").expect("an older page");
    let second = admin.get(&server, &older).await.text().await.unwrap();
    assert!(
        second.matches("<tr><td class=\"seq\">").count() >= 12,
        "{second}"
    );
    assert!(pager(&second, "prev").is_some());
    assert!(!summary.is_empty());

    let views = admin
        .get(&server, "/review/audit?action=testimony.view")
        .await
        .text()
        .await
        .unwrap();
    assert!(views.contains("110 match in all"), "{views}");
    let logins = admin
        .get(&server, "/review/audit?action=login")
        .await
        .text()
        .await
        .unwrap();
    assert!(logins.contains("login.success"));
    assert!(!logins.contains("testimony.view</td>"));
    let nobody = admin
        .get(&server, "/review/audit?actor=nobody")
        .await
        .text()
        .await
        .unwrap();
    assert!(nobody.contains("No entries match."));
    for bad in ["/review/audit?action=drop", "/review/audit?before=x"] {
        assert_eq!(admin.get(&server, bad).await.status(), 400, "{bad}");
    }
}
