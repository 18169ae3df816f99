//! Staff: TOTP codes, logging in, a logged-in browser, inviting and enrolling.

use super::*;

/// The TOTP code of this moment, without reserving it (for attempts bound to fail anyway).
pub fn current_code(who: &str, secret: &[u8]) -> String {
    chorus::review::totp::totp(secret, who)
        .unwrap()
        .generate_current()
        .to_string()
}

/// `chorus init` returning (recovery key, TOTP secret bytes).
pub fn init_admin_with_totp(data_dir: &Path) -> (String, Vec<u8>) {
    let json = init_json(data_dir);
    let uri = json["totp_uri"].as_str().unwrap();
    (
        json["recovery_key"].as_str().unwrap().to_owned(),
        totp_secret_from_uri(uri),
    )
}

pub fn totp_secret_from_uri(uri: &str) -> Vec<u8> {
    let secret = uri
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("secret="))
        .unwrap();
    totp_rs::Secret::try_from_base32(secret)
        .unwrap()
        .as_bytes()
        .to_vec()
}

/// A TOTP code no login of `who` has used yet: the server refuses a step twice, and accepts
/// one step either side of now, so this waits only when both are spent.
pub fn fresh_code(who: &str, secret: &[u8]) -> String {
    static USED: std::sync::Mutex<Vec<(String, u64)>> = std::sync::Mutex::new(Vec::new());
    let totp = chorus::review::totp::totp(secret, who).unwrap();
    loop {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let step = now / 30;
        let mut used = USED.lock().unwrap();
        let key = hex::encode(secret);
        let last = used
            .iter()
            .filter(|(u, _)| *u == key)
            .map(|(_, s)| *s)
            .max();
        let candidate = match last {
            Some(l) if l + 1 > step + 1 => None,
            Some(l) => Some((l + 1).max(step)),
            None => Some(step),
        };
        // Stay clear of a step boundary so the server sees the same window.
        if let Some(s) = candidate.filter(|_| now % 30 < 28) {
            used.push((key, s));
            return totp.generate(s * 30).to_string();
        }
        drop(used);
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// Logs `client` in; returns the status of the POST (303 on success).
pub async fn login_with(
    client: &reqwest::Client,
    server: &TestServer,
    user: &str,
    password: &str,
    code: &str,
) -> (u16, String) {
    let page = client
        .get(server.url("/review/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = input_value(&page, "csrf_token").unwrap();
    let body = format!(
        "csrf_token={csrf}&username={}&password={}&totp={}",
        enc(user),
        enc(password),
        enc(code)
    );
    let res = client
        .post(server.url("/review/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The status of one login attempt from a fresh browser (303 when it worked).
pub async fn login_status(server: &TestServer, user: &str, password: &str, secret: &[u8]) -> u16 {
    let code = fresh_code(user, secret);
    login_with(&browser(), server, user, password, &code)
        .await
        .0
}

/// A logged-in staff browser and its CSRF token.
pub struct StaffBrowser {
    pub client: reqwest::Client,
    pub csrf: String,
}

impl StaffBrowser {
    pub async fn login(
        server: &TestServer,
        user: &str,
        password: &str,
        secret: &[u8],
    ) -> StaffBrowser {
        let client = browser();
        let (status, body) =
            login_with(&client, server, user, password, &fresh_code(user, secret)).await;
        assert_eq!(status, 303, "login failed: {body}");
        let inbox = client
            .get(server.url("/review"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = input_value(&inbox, "csrf_token").expect("staff pages carry a CSRF token");
        StaffBrowser { client, csrf }
    }

    pub async fn get(&self, server: &TestServer, path: &str) -> reqwest::Response {
        self.client.get(server.url(path)).send().await.unwrap()
    }

    /// A page's HTML, which must answer 200.
    pub async fn html(&self, server: &TestServer, path: &str) -> String {
        let res = self.get(server, path).await;
        assert_eq!(res.status(), 200, "{path}");
        res.text().await.unwrap()
    }

    pub async fn post(&self, server: &TestServer, path: &str, body: &str) -> reqwest::Response {
        let body = if body.is_empty() {
            format!("csrf_token={}", self.csrf)
        } else {
            format!("csrf_token={}&{body}", self.csrf)
        };
        self.client
            .post(server.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap()
    }
}

/// A server with an admin (via `chorus init`) whose TOTP secret the test knows.
pub fn staff_server(d: &Dirs, env: &[(&str, &str)]) -> (TestServer, String, Vec<u8>) {
    // Tests log in many times a second; unless a test sets its own, the site-wide login
    // throttle (2/s by default) is opened up so it does not answer 503 to them.
    let toml = d.logs.path().join("chorus.toml");
    if !toml.exists() {
        std::fs::write(&toml, "login_per_second = 1000\nlogin_burst = 1000\n").unwrap();
    }
    let (recovery, secret) = init_admin_with_totp(d.data.path());
    let mut all = vec![("CHORUS_RATE_LIMITS", "off")];
    all.extend_from_slice(env);
    (
        TestServer::start(d.data.path(), d.logs.path(), &all),
        recovery,
        secret,
    )
}

/// Ids (hex) of the testimonies linked from an inbox page.
pub fn inbox_ids(html: &str) -> Vec<String> {
    html.match_indices("href=\"/review/t/")
        .map(|(i, _)| html[i + 16..i + 48].to_owned())
        .collect()
}

/// Invites and enrols a new staff member (no grant yet); returns their TOTP secret and
/// one-time recovery codes.
pub async fn enrol(
    server: &TestServer,
    admin: &StaffBrowser,
    username: &str,
    role: &str,
    password: &str,
) -> (Vec<u8>, Vec<String>) {
    let page = admin
        .post(
            server,
            "/review/admin/invite",
            &format!("username={username}&role={role}"),
        )
        .await
        .text()
        .await
        .unwrap();
    let at = page
        .find("id=\"invite-link\">")
        .expect("invitation link shown");
    let rest = &page[at + 17..];
    let link = rest[..rest.find('<').unwrap()].to_owned();
    let path = &link[link.find("/review/invite/").unwrap()..];
    let form = client()
        .get(server.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let secret_b32 = input_value(&form, "totp_secret").unwrap();
    let secret = totp_rs::Secret::try_from_base32(&secret_b32)
        .unwrap()
        .as_bytes()
        .to_vec();
    // Enrolment uses up this TOTP step, like a login would.
    let code = fresh_code(username, &secret);
    let body = format!(
        "password={}&totp_secret={secret_b32}&totp_code={code}",
        enc(password)
    );
    let res = post_form(server, path, body).await;
    assert_eq!(res.status(), 200);
    let enrolled = res.text().await.unwrap();
    let codes: Vec<String> = enrolled
        .match_indices("<li><code>")
        .map(|(i, _)| enrolled[i + 10..i + 10 + enrolled[i + 10..].find('<').unwrap()].to_owned())
        .collect();
    assert_eq!(codes.len(), 8);
    (secret, codes)
}

/// Invites, enrols and grants a new staff member; returns their TOTP secret and codes.
pub async fn add_member(
    server: &TestServer,
    admin: &StaffBrowser,
    username: &str,
    role: &str,
    password: &str,
) -> (Vec<u8>, Vec<String>) {
    let (secret, codes) = enrol(server, admin, username, role, password).await;
    let admin_page = admin
        .get(server, "/review/admin")
        .await
        .text()
        .await
        .unwrap();
    let row = &admin_page[admin_page.find(&format!("<td>{username}</td>")).unwrap()..];
    let grant_at = row.find("/grant\"").unwrap();
    let id = &row[grant_at - 32..grant_at];
    let res = admin
        .post(
            server,
            &format!("/review/admin/staff/{id}/grant"),
            "compared=yes",
        )
        .await;
    assert_eq!(res.status(), 303);
    (secret, codes)
}
