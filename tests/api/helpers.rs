//! Starting the real `chorus` binary on a random port with a temp data dir, and looking at
//! what it left on disk.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chorus::review::keyring::{self, EpochKeys};
use chorus::store::testimonies::{self, StoredTestimony};
use chorus::submission::Testimony;
use rusqlite::Connection;
use secrecy::SecretString;

pub const ADMIN: &str = "admin";
pub const PASSWORD: &str = "correct horse battery staple";
/// Tests use the smallest Argon2id memory the config allows, to stay quick.
pub const ARGON2_KIB: u32 = 64 * 1024;

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_chorus")
}

/// A running server. Killed when dropped.
pub struct TestServer {
    child: Child,
    pub base: String,
    pub data_dir: PathBuf,
    pub log_path: PathBuf,
    pub setup_link: Option<String>,
    env: Vec<(String, String)>,
}

/// An empty configuration file: without one, Chorus would read the settings of a Chorus
/// package installed on the test machine (`/etc/chorus/chorus.toml`).
pub const NO_CONFIG_FILE: &str = "/dev/null";

/// Environment every test server and CLI call gets.
fn base_env(data_dir: &Path) -> Vec<(String, String)> {
    vec![
        ("CHORUS_DATA_DIR".into(), data_dir.display().to_string()),
        ("CHORUS_BIND".into(), "127.0.0.1:0".into()),
        ("CHORUS_ARGON2_MEMORY_KIB".into(), ARGON2_KIB.to_string()),
        ("CHORUS_LOG".into(), "debug".into()),
        // Exact counts unless a test turns noise on: most tests check figures.
        ("CHORUS_NOISE_EPSILON".into(), "0".into()),
    ]
}

impl TestServer {
    /// Starts a server on `data_dir` with extra `env`; logs go to `log_dir`, outside the data dir.
    pub fn start(data_dir: &Path, log_dir: &Path, env: &[(&str, &str)]) -> TestServer {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Self::start_with(data_dir, log_dir, env)
    }

    /// Starts a server whose open-file soft limit starts at `soft` (as under systemd's
    /// default of 1,024), through util-linux `prlimit`.
    pub fn start_with_file_limit(data_dir: &Path, log_dir: &Path, soft: u64) -> TestServer {
        let limit = format!("--nofile={soft}:");
        Self::start_command(data_dir, log_dir, Vec::new(), &["prlimit", &limit, "--"])
    }

    fn start_with(data_dir: &Path, log_dir: &Path, env: Vec<(String, String)>) -> TestServer {
        Self::start_command(data_dir, log_dir, env, &[])
    }

    /// Starts `chorus serve`, behind `wrapper` (a command that runs it) when not empty.
    fn start_command(
        data_dir: &Path,
        log_dir: &Path,
        env: Vec<(String, String)>,
        wrapper: &[&str],
    ) -> TestServer {
        let log_path = log_dir.join(format!(
            "server-{}.log",
            Instant::now().elapsed().as_nanos() + std::process::id() as u128 + rand_suffix()
        ));
        let log = std::fs::File::create(&log_path).unwrap();
        let mut cmd = match wrapper.split_first() {
            Some((program, args)) => {
                let mut cmd = Command::new(program);
                cmd.args(args).arg(bin());
                cmd
            }
            None => Command::new(bin()),
        };
        cmd.current_dir(log_dir)
            .envs(base_env(data_dir))
            .envs(env.iter().cloned());
        if !log_dir.join("chorus.toml").exists() {
            cmd.env("CHORUS_CONFIG", NO_CONFIG_FILE);
        }
        let mut child = cmd
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut base = None;
        let mut setup_link = None;
        while Instant::now() < deadline {
            let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) else {
                if base.is_some() {
                    break;
                }
                continue;
            };
            if let Some(url) = line.strip_prefix("chorus: listening on ") {
                base = Some(url.trim().to_owned());
            }
            if line.trim_start().contains("/setup/") {
                setup_link = Some(line.trim().to_owned());
                break;
            }
        }
        let base = base.expect("server did not start");
        TestServer {
            child,
            base,
            data_dir: data_dir.to_path_buf(),
            log_path,
            setup_link,
            env,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGKILL from outside, as a crash or the OOM killer would, while others still use it.
    pub fn kill9_by_pid(&self) {
        let status = Command::new("kill")
            .args(["-9", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// A fresh server on the same data dir and settings.
    pub fn restart(mut self, log_dir: &Path) -> TestServer {
        self.kill9();
        let env = std::mem::take(&mut self.env);
        Self::start_with(&self.data_dir.clone(), log_dir, env)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    pub fn db(&self) -> PathBuf {
        self.data_dir.join("chorus.db")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.kill9();
    }
}

fn rand_suffix() -> u128 {
    u128::from_le_bytes(chorus::crypto::random::bytes::<16>().unwrap())
}

/// Runs `chorus ARGS` against `data_dir` with `stdin`; returns (success, stdout, stderr).
pub fn cli(data_dir: &Path, args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(bin())
        .envs(base_env(data_dir))
        .env("CHORUS_CONFIG", NO_CONFIG_FILE)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `chorus init` for the test admin; returns the recovery key.
pub fn init_admin(data_dir: &Path) -> String {
    let (ok, out, err) = cli(
        data_dir,
        &["init", "--admin-user", ADMIN, "--password-stdin", "--json"],
        &format!("{PASSWORD}\n"),
    );
    assert!(ok, "init failed: {err}");
    let json: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(
        json["totp_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/")
    );
    json["recovery_key"].as_str().unwrap().to_owned()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
}

/// The TOTP code of this moment, without reserving it (for attempts bound to fail anyway).
pub fn current_code(who: &str, secret: &[u8]) -> String {
    chorus::review::totp::totp(secret, who)
        .unwrap()
        .generate_current()
        .to_string()
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

pub fn connect(db: &Path) -> Connection {
    Connection::open(db).unwrap()
}

pub fn rows(db: &Path) -> Vec<StoredTestimony> {
    testimonies::all(&connect(db)).unwrap()
}

/// The single value a query returns.
pub fn scalar<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    connect(db).query_row(sql, [], |r| r.get(0)).unwrap()
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

pub fn row_count(db: &Path) -> i64 {
    scalar(db, "SELECT count(*) FROM testimonies")
}

pub fn keys_by_password(
    db: &Path,
    password: &str,
) -> Result<EpochKeys, chorus::review::ReviewError> {
    keyring::open_with_password(
        &connect(db),
        ADMIN,
        &SecretString::from(password.to_owned()),
        ARGON2_KIB,
    )
}

/// Every testimony in `db`, decrypted with the admin password.
pub fn decrypt_all(db: &Path) -> Vec<Testimony> {
    let keys = keys_by_password(db, PASSWORD).unwrap();
    rows(db)
        .iter()
        .map(|r| keys.open_testimony(r).unwrap())
        .collect()
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
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

/// A data dir and a log dir, removed at the end of the test.
pub struct Dirs {
    pub data: tempfile::TempDir,
    pub logs: tempfile::TempDir,
}

pub fn dirs() -> Dirs {
    Dirs {
        data: tempfile::tempdir().unwrap(),
        logs: tempfile::tempdir().unwrap(),
    }
}

/// A server with an admin already set up (via `chorus init`), publishing at every change.
pub fn ready_server(d: &Dirs, env: &[(&str, &str)]) -> (TestServer, String) {
    let recovery = init_admin(d.data.path());
    let mut all = vec![("CHORUS_RATE_LIMITS", "off")];
    all.extend_from_slice(env);
    (
        TestServer::start(d.data.path(), d.logs.path(), &all),
        recovery,
    )
}

/// `chorus init` returning (recovery key, TOTP secret bytes).
pub fn init_admin_with_totp(data_dir: &Path) -> (String, Vec<u8>) {
    let (ok, out, err) = cli(
        data_dir,
        &["init", "--admin-user", ADMIN, "--password-stdin", "--json"],
        &format!("{PASSWORD}\n"),
    );
    assert!(ok, "init failed: {err}");
    let json: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
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

/// Submits with `want_receipt=on`; returns the code shown once.
pub async fn submit_with_receipt(
    server: &TestServer,
    statement: &str,
    categories: &[&str],
) -> String {
    let mut body = format!("statement={}&want_receipt=on", enc(statement));
    for c in categories {
        body.push_str(&format!("&category={c}"));
    }
    let res = post_form(server, "/submit", body).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let code = receipt_words(&html).expect("the code is shown");
    assert_eq!(code.split(' ').count(), 8, "{code}");
    code
}

/// The receipt code a "received" page shows (its numbered words, joined by spaces).
pub fn receipt_words(html: &str) -> Option<String> {
    let at = html.find("id=\"receipt-code\"")?;
    let list = &html[at..at + html[at..].find("</ol>")?];
    let words: Vec<&str> = list
        .split("<li>")
        .skip(1)
        .filter_map(|item| item.split("</li>").next())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Adds a follow-up with a receipt code; (status, page).
pub async fn follow_up(server: &TestServer, code: &str, text: &str) -> (u16, String) {
    let res = post_form(
        server,
        "/return/follow-up",
        format!("receipt={}&message={}", enc(code), enc(text)),
    )
    .await;
    (res.status().as_u16(), res.text().await.unwrap())
}
