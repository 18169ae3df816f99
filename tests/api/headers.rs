//! Headers on every page type (actix's own errors included) and nothing from elsewhere.

use crate::helpers::*;

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

fn check(path: &str, res: &reqwest::Response, cacheable: bool) {
    let h = res.headers();
    let status = res.status();
    assert_eq!(h["content-security-policy"], CSP, "{path} {status}");
    assert_eq!(h["referrer-policy"], "same-origin", "{path}");
    assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
    assert_eq!(h["cross-origin-opener-policy"], "same-origin", "{path}");
    assert_eq!(h["cross-origin-resource-policy"], "same-origin", "{path}");
    assert!(
        h.get("server").is_none() && h.get("x-powered-by").is_none(),
        "{path}"
    );
    assert!(
        h.get("access-control-allow-origin").is_none(),
        "{path}: no CORS"
    );
    assert!(
        h.get("content-encoding").is_none(),
        "{path}: no compression"
    );
    let cache = h["cache-control"].to_str().unwrap();
    if cacheable {
        assert!(cache.starts_with("public"), "{path}: {cache}");
    } else {
        assert_eq!(cache, "no-store", "{path} {status}");
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let c = client();
    for (path, cacheable) in [
        ("/", false),
        ("/submit", false),
        ("/counts", true),
        ("/api/v1/counts", true),
        ("/pledge", false),
        ("/resources", false),
        ("/healthz", false),
        ("/static/chorus.css", true),
        ("/static/missing.css", false),
        ("/no-such-page", false),
        ("/setup/not-a-token", false),
    ] {
        let res = c
            .get(server.url(path))
            .header("accept-encoding", "gzip, br")
            .send()
            .await
            .unwrap();
        check(path, &res, cacheable);
    }
    let res = c.delete(server.url("/submit")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    check("DELETE /submit", &res, false);
    let res = c.put(server.url("/api/v1/counts")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    check("PUT /api/v1/counts", &res, false);
    let res = post_form(
        &server,
        "/submit",
        vec![b'a'; 300 * 1024]
            .into_iter()
            .map(char::from)
            .collect::<String>(),
    )
    .await;
    assert_eq!(res.status(), 413);
    check("413", &res, false);
    let res = post_form(&server, "/submit", "statement=ok").await;
    check("POST /submit", &res, false);
    let res = c.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(res.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn no_page_loads_anything_from_another_origin() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    for path in [
        "/",
        "/submit",
        "/counts",
        "/pledge",
        "/resources",
        "/no-such-page",
    ] {
        let html = client()
            .get(server.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        // The one script is our own quick-exit helper; nothing else, and nothing inline.
        let scripts: Vec<&str> = html
            .match_indices("<script")
            .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
            .collect();
        assert!(
            scripts
                .iter()
                .all(|s| s.contains("src=\"/static/quick-exit.js\"")),
            "{path}: {scripts:?}"
        );
        assert!(
            !html.contains("<iframe") && !html.contains("<embed") && !html.contains("<object"),
            "{path}"
        );
        for attr in ["src=\"http", "src=\"//", "href=\"//"] {
            assert!(!html.contains(attr), "{path} loads from elsewhere: {attr}");
        }
        for link in html
            .match_indices("<link")
            .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
        {
            // Our stylesheet, or this page in another language (same origin, never loaded).
            assert!(
                link.contains("href=\"/static/")
                    || (link.contains("rel=\"alternate\"") && link.contains("href=\"/")),
                "{path}: {link}"
            );
        }
        assert!(html.contains("Leave this site"), "{path}: quick exit");
        assert!(!html.contains("twitter.com") && !html.contains("widgets.js"));
    }
    let css = page_text(&server, "/static/chorus.css").await;
    assert!(
        !css.contains("url(") && !css.contains("@import"),
        "the stylesheet loads nothing"
    );
    let js = client()
        .get(server.url("/static/quick-exit.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        js.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    let js = js.text().await.unwrap();
    assert!(
        !js.contains("http") && !js.contains("fetch") && !js.contains("XMLHttpRequest"),
        "the script loads nothing"
    );
}

#[tokio::test]
async fn head_works_on_pages_and_unused_methods_say_what_is_allowed() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let res = client().head(server.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let res = client().delete(server.url("/submit")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(res.headers()["allow"], "GET, HEAD, POST");
    let res = client().post(server.url("/counts")).send().await.unwrap();
    assert_eq!(res.headers()["allow"], "GET, HEAD");
}

#[tokio::test]
async fn error_pages_wear_this_deployments_name_and_quick_exit() {
    let d = dirs();
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        "site_name = \"Voices of Ourtown\"\nquick_exit_url = \"https://weather.example/\"\n",
    )
    .unwrap();
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    for (path, status) in [("/no-such-page", 404), ("/review/logout", 401)] {
        let res = client().post(server.url(path)).send().await.unwrap();
        assert_eq!(res.status(), status, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains("Voices of Ourtown"), "{path}: site name");
        assert!(html.contains("href=\"/leave\""), "{path}: quick exit");
    }
    // Which leads to this deployment's neutral site.
    let res = client().get(server.url("/leave/go")).send().await.unwrap();
    assert_eq!(res.headers()["location"], "https://weather.example/");
    // 405 is built by the route table itself.
    let res = client().delete(server.url("/submit")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert!(res.text().await.unwrap().contains("Voices of Ourtown"));
}
