//! Talking HTTP to a test server: clients, forms, pages and JSON.

use super::*;

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
}

/// Percent-encodes a form value.
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub async fn post_form(
    server: &TestServer,
    path: &str,
    body: impl Into<String>,
) -> reqwest::Response {
    client()
        .post(server.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.into())
        .send()
        .await
        .unwrap()
}

pub async fn submit(
    server: &TestServer,
    statement: &str,
    categories: &[&str],
) -> reqwest::StatusCode {
    let mut body = format!("statement={}", enc(statement));
    for c in categories {
        body.push_str(&format!("&category={c}"));
    }
    post_form(server, "/submit", body).await.status()
}

/// The body of `GET path` as text.
pub async fn page_text(server: &TestServer, path: &str) -> String {
    client()
        .get(server.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Waits until `check` holds (polling), for publication at interval 0.
pub async fn eventually<F: FnMut() -> Fut, Fut: std::future::Future<Output = bool>>(
    mut check: F,
) -> bool {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

pub async fn counts_json(server: &TestServer) -> serde_json::Value {
    get_json(server, "/api/v1/counts").await
}

/// The JSON at `path`.
pub async fn get_json(server: &TestServer, path: &str) -> serde_json::Value {
    client()
        .get(server.url(path))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A browser-like client: keeps cookies, follows no redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        // No idle connection reuse: the server may close one just as it is reused.
        .pool_max_idle_per_host(0)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The value of `<input ... name="NAME" value="...">` in a page.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &html[at + name.len() + 15..];
    Some(rest[..rest.find('"')?].to_owned())
}
