//! Promise 5: bad input gets a clear 4xx page, changes nothing, and keeps what was typed.

use crate::helpers::*;

async fn refused(
    server: &TestServer,
    body: Vec<u8>,
    content_type: &str,
    extra: &[(&str, &str)],
) -> (u16, String) {
    let mut req = client()
        .post(server.url("/submit"))
        .header("content-type", content_type)
        .body(body);
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let ct = res.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(
        ct.starts_with("text/html"),
        "a human-readable page, not {ct}"
    );
    (status, res.text().await.unwrap())
}

const FORM: &str = "application/x-www-form-urlencoded";

/// (what, body, content type, extra headers, expected status, page keeps the typed text)
type Case<'a> = (
    &'a str,
    Vec<u8>,
    &'a str,
    Vec<(&'a str, &'a str)>,
    u16,
    bool,
);

#[tokio::test]
async fn malformed_and_unacceptable_submissions_are_refused_and_store_nothing() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let keep = "KEEP-THIS-TEXT my words";
    let kept = enc(keep);
    let cases: Vec<Case> = vec![
        (
            "oversize body",
            format!("statement={}", "a".repeat(300 * 1024)).into_bytes(),
            FORM,
            vec![],
            413,
            false,
        ),
        (
            "bad percent-encoding",
            format!("statement={kept}100%&category=harassment").into_bytes(),
            FORM,
            vec![],
            400,
            true,
        ),
        (
            "invalid UTF-8",
            format!("statement={kept}caf%E9").into_bytes(),
            FORM,
            vec![],
            400,
            true,
        ),
        (
            "raw invalid UTF-8",
            b"statement=\xff\xfe".to_vec(),
            FORM,
            vec![],
            400,
            false,
        ),
        (
            "unknown category",
            format!("statement={kept}&category=weather").into_bytes(),
            FORM,
            vec![],
            422,
            true,
        ),
        (
            "unknown setting",
            format!("statement={kept}&setting=moon").into_bytes(),
            FORM,
            vec![],
            422,
            true,
        ),
        (
            "control character",
            format!("statement={kept}%1B%5B31m").into_bytes(),
            FORM,
            vec![],
            422,
            true,
        ),
        (
            "NUL",
            format!("statement={kept}%00").into_bytes(),
            FORM,
            vec![],
            422,
            true,
        ),
        (
            "too long",
            format!("statement={}", "b".repeat(20_001)).into_bytes(),
            FORM,
            vec![],
            422,
            false,
        ),
        (
            "duplicate field",
            format!("statement={kept}&statement=again").into_bytes(),
            FORM,
            vec![],
            400,
            true,
        ),
        (
            "unknown field",
            format!("statement={kept}&email=a%40b.c").into_bytes(),
            FORM,
            vec![],
            400,
            true,
        ),
        (
            "bad checkbox value",
            format!("statement={kept}&consent_publish=yes").into_bytes(),
            FORM,
            vec![],
            422,
            true,
        ),
        (
            "not a form",
            br#"{"statement":"x"}"#.to_vec(),
            "application/json",
            vec![],
            415,
            false,
        ),
        (
            "cross-site post (Origin)",
            format!("statement={kept}").into_bytes(),
            FORM,
            vec![("origin", "https://evil.example")],
            403,
            true,
        ),
        (
            "cross-site post (Sec-Fetch-Site)",
            format!("statement={kept}").into_bytes(),
            FORM,
            vec![("sec-fetch-site", "cross-site")],
            403,
            true,
        ),
        (
            "opaque origin",
            format!("statement={kept}").into_bytes(),
            FORM,
            vec![("origin", "null")],
            403,
            true,
        ),
    ];
    for (what, body, ct, headers, status, keeps_text) in cases {
        let (got, page) = refused(&server, body, ct, &headers).await;
        assert_eq!(got, status, "{what}");
        if keeps_text {
            assert!(
                page.contains(keep),
                "{what}: the typed text was not kept on the page"
            );
            assert!(page.contains("role=\"alert\""), "{what}: no error message");
        }
        assert_eq!(row_count(&server.db()), 0, "{what} stored something");
    }
    // The limits themselves are fine: 20,000 four-byte characters, percent-encoded, fit.
    assert_eq!(submit(&server, &"😀".repeat(20_000), &[]).await, 200);
    assert_eq!(
        submit(&server, "line one\r\nline two\ttabbed", &[]).await,
        200
    );
    assert_eq!(row_count(&server.db()), 2);
    let mut texts: Vec<String> = decrypt_all(&server.db())
        .iter()
        .map(|t| t.statement.clone())
        .collect();
    texts.sort();
    assert_eq!(
        texts[0], "line one\nline two\ttabbed",
        "CRLF becomes LF, TAB kept"
    );
}

#[tokio::test]
async fn same_origin_browser_posts_are_accepted() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let host = server.base.trim_start_matches("http://").to_owned();
    let res = client()
        .post(server.url("/submit"))
        .header("content-type", FORM)
        .header("origin", server.base.clone())
        .header("host", host)
        .header("sec-fetch-site", "same-origin")
        .body("statement=from+the+form")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(row_count(&server.db()), 1);
}

#[tokio::test]
async fn bad_pledges_are_refused_and_count_nothing() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    for (body, status) in [
        ("pledge=moon", 422),
        ("pledge=believe&pledge=consent", 400),
        ("other=1", 400),
        ("pledge=%ZZ", 400),
    ] {
        assert_eq!(
            post_form(&server, "/pledge", body).await.status(),
            status,
            "{body}"
        );
    }
    let res = client()
        .post(server.url("/pledge"))
        .header("content-type", FORM)
        .header("origin", "https://evil.example")
        .body("pledge=believe")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let pledges: i64 = scalar(&server.db(), "SELECT count(*) FROM pledges");
    assert_eq!(pledges, 0);
}

#[tokio::test]
async fn submissions_before_set_up_are_kept_on_the_page_not_lost() {
    let d = dirs();
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let res = post_form(&server, "/submit", "statement=KEEP-ME").await;
    assert_eq!(res.status(), 503);
    assert!(res.headers().contains_key("retry-after"));
    assert!(res.text().await.unwrap().contains("KEEP-ME"));
    assert_eq!(row_count(&server.db()), 0);
}
