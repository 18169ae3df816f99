//! The staff area's door: login, lockout, sessions, access control, CSRF, recovery codes.

use crate::helpers::*;

/// A login failure page with the parts that legitimately vary (fresh CSRF token, the
/// username typed) blanked out.
fn normalised(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find("value=\"") {
        out.push_str(&rest[..i + 7]);
        rest = &rest[i + 7..];
        rest = &rest[rest.find('"').unwrap()..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn every_login_failure_answers_alike() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let good = fresh_code(ADMIN, &secret);
    // A good login uses up `good`; replaying it must fail like everything else.
    let (status, _) = login_with(&browser(), &server, ADMIN, PASSWORD, &good).await;
    assert_eq!(status, 303);
    let wrong_code = if good == "000000" { "111111" } else { "000000" };
    let attempts = [
        (
            "wrong passphrase",
            ADMIN,
            "not the passphrase at all",
            good.as_str(),
        ),
        ("wrong code", ADMIN, PASSWORD, wrong_code),
        ("replayed code", ADMIN, PASSWORD, good.as_str()),
        ("unknown user", "nobody", PASSWORD, good.as_str()),
        ("empty code", ADMIN, PASSWORD, ""),
    ];
    let mut pages = Vec::new();
    for (what, user, password, code) in attempts {
        let (status, body) = login_with(&browser(), &server, user, password, code).await;
        assert_eq!(status, 401, "{what}");
        // One answer for all, which also says what to do after a replayed code.
        assert!(body.contains("wait for your app to show"), "{what}");
        assert!(body.contains("<title>Error: "), "{what}");
        pages.push((what, normalised(&body)));
    }
    for (what, page) in &pages {
        assert_eq!(
            page, &pages[0].1,
            "{what} answers differently from {}",
            pages[0].0
        );
    }
    // The audit log names existing accounts only.
    let conn = connect(&server.db());
    let unknown: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE actor = 'nobody'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unknown, 0);
}

#[tokio::test]
async fn lockout_spares_known_browsers_and_clears_from_the_cli() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let known = browser();
    let (status, _) = login_with(
        &known,
        &server,
        ADMIN,
        PASSWORD,
        &fresh_code(ADMIN, &secret),
    )
    .await;
    assert_eq!(status, 303, "a good login leaves a device cookie");
    let attacker = browser();
    for _ in 0..10 {
        let (status, _) = login_with(
            &attacker,
            &server,
            ADMIN,
            "guessing the passphrase",
            "123456",
        )
        .await;
        assert_eq!(status, 401);
    }
    // Locked: even the right passphrase and code fail, with the same page, from a new browser.
    let stranger = browser();
    let (status, locked_page) = login_with(
        &stranger,
        &server,
        ADMIN,
        PASSWORD,
        &current_code(ADMIN, &secret),
    )
    .await;
    assert_eq!(status, 401);
    let (_, wrong_page) =
        login_with(&browser(), &server, ADMIN, "another wrong guess", "123456").await;
    assert_eq!(normalised(&locked_page), normalised(&wrong_page));
    // The browser that logged in before still gets in.
    let (status, _) = login_with(
        &known,
        &server,
        ADMIN,
        PASSWORD,
        &fresh_code(ADMIN, &secret),
    )
    .await;
    assert_eq!(status, 303, "a known device is exempt from the lockout");
    // Lock the account again, then clear it from the command line while the server runs.
    for _ in 0..10 {
        login_with(&attacker, &server, ADMIN, "guessing again", "123456").await;
    }
    let (ok, out, err) = cli(&server.data_dir, &["reviewer", "unlock", ADMIN], "");
    assert!(ok, "{out}{err}");
    let (status, _) = login_with(
        &stranger,
        &server,
        ADMIN,
        PASSWORD,
        &fresh_code(ADMIN, &secret),
    )
    .await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn nothing_is_readable_after_a_restart_until_someone_logs_in() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "read me later", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    assert_eq!(admin.get(&server, "/review").await.status(), 200);
    let server = server.restart(d.logs.path());
    let res = admin.get(&server, "/review").await;
    assert_eq!(
        res.status(),
        303,
        "the old session is gone with the process"
    );
    assert_eq!(res.headers()["location"], "/review/login");
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.get(&server, "/review").await.text().await.unwrap();
    assert!(inbox.contains("read me later"));
}

#[tokio::test]
async fn logout_and_idle_expiry_end_the_session() {
    let d = dirs();
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        "session_idle_secs = 2\nsession_absolute_secs = 60\n",
    )
    .unwrap();
    let (server, _, secret) = staff_server(&d, &[]);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let res = admin.post(&server, "/review/logout", "").await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["clear-site-data"]
            .to_str()
            .unwrap()
            .contains("storage")
    );
    assert_eq!(admin.get(&server, "/review").await.status(), 303);

    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let stolen = admin.client.clone();
    assert_eq!(
        stolen
            .get(server.url("/review"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(
        stolen
            .get(server.url("/review"))
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "expired"
    );
}

#[tokio::test]
async fn every_staff_route_refuses_anonymous_and_wrong_role_requests() {
    use chorus::web::review::routes::{Access, ROUTES};
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "x", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let (reviewer_secret, _) = add_member(
        &server,
        &admin,
        "rita",
        "reviewer",
        "rita's long passphrase",
    )
    .await;
    let reviewer =
        StaffBrowser::login(&server, "rita", "rita's long passphrase", &reviewer_secret).await;
    let fill = |path: &str| {
        path.replace("{id}", &"ab".repeat(16))
            .replace("{token}", &"cd".repeat(32))
    };
    let anonymous = client();
    for (method, path, access) in ROUTES {
        let url = server.url(&fill(path));
        let res = match *method {
            "GET" => anonymous.get(&url).send().await.unwrap(),
            _ => anonymous
                .post(&url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("csrf_token=x")
                .send()
                .await
                .unwrap(),
        };
        let status = res.status().as_u16();
        match access {
            Access::Public => assert!(status < 500, "{method} {path}: {status}"),
            _ if *method == "GET" => {
                assert_eq!(
                    status, 303,
                    "{method} {path} let an anonymous request through"
                );
                assert_eq!(res.headers()["location"], "/review/login");
            }
            _ => assert_eq!(
                status, 401,
                "{method} {path} let an anonymous request through"
            ),
        }
        if *access == Access::Admin {
            let res = match *method {
                "GET" => reviewer.get(&server, &fill(path)).await,
                _ => reviewer.post(&server, &fill(path), "").await,
            };
            assert_eq!(res.status(), 403, "{method} {path} let a reviewer through");
        }
    }
}

#[tokio::test]
async fn a_missing_or_wrong_csrf_token_or_a_cross_site_post_is_refused_and_changes_nothing() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "x", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap()).remove(0);
    for body in ["status=spam", "csrf_token=wrong&status=spam"] {
        let res = admin
            .client
            .post(server.url(&format!("/review/t/{id}/status")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{body}");
    }
    // A right token in a form another site made the browser send is refused too.
    for (header, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://evil.example"),
    ] {
        let res = admin
            .client
            .post(server.url(&format!("/review/t/{id}/status")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header(header, value)
            .body(format!("csrf_token={}&status=spam", admin.csrf))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{header}: {value}");
    }
    let status: String = scalar(&server.db(), "SELECT status FROM testimonies");
    assert_eq!(status, "new");
    // The login form has its own token, tied to the browser by a cookie.
    let res = post_form(
        &server,
        "/review/login",
        format!("username={ADMIN}&password=x&totp=1"),
    )
    .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_login_flood_cannot_lock_out_a_browser_that_logged_in_before() {
    let d = dirs();
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        "login_per_second = 1\nlogin_burst = 2\n",
    )
    .unwrap();
    let (server, _, secret) = staff_server(&d, &[]);
    let known = browser();
    let (status, _) = login_with(
        &known,
        &server,
        ADMIN,
        PASSWORD,
        &fresh_code(ADMIN, &secret),
    )
    .await;
    assert_eq!(status, 303);
    // A flood uses up the site-wide throttle: strangers now get 503.
    let mut busy = 0;
    for _ in 0..6 {
        let (status, _) = login_with(&browser(), &server, ADMIN, "flooding guess", "123456").await;
        if status == 503 {
            busy += 1;
        }
    }
    assert!(busy > 0, "the throttle answered 503 to the flood");
    let (status, _) = login_with(
        &known,
        &server,
        ADMIN,
        PASSWORD,
        &fresh_code(ADMIN, &secret),
    )
    .await;
    assert_eq!(status, 303, "the known browser still gets in");
}

#[tokio::test]
async fn a_recovery_code_works_once_instead_of_the_app() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let (_, codes) = add_member(
        &server,
        &admin,
        "rita",
        "reviewer",
        "rita's long passphrase",
    )
    .await;
    let (status, _) = login_with(
        &browser(),
        &server,
        "rita",
        "rita's long passphrase",
        &codes[0].to_uppercase(),
    )
    .await;
    assert_eq!(status, 303, "a recovery code stands in for the app");
    let (status, _) = login_with(
        &browser(),
        &server,
        "rita",
        "rita's long passphrase",
        &codes[0],
    )
    .await;
    assert_eq!(status, 401, "but only once");
}
