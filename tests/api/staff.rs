//! The staff area: login, sessions, access control, CSRF, triage, audit, keys.

use chorus::review::keyring;
use secrecy::SecretString;

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
async fn reads_and_exports_are_audited_and_tampering_is_detected() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "audited", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap()).remove(0);
    assert_eq!(
        admin
            .get(&server, &format!("/review/t/{id}"))
            .await
            .status(),
        200
    );
    assert_eq!(export(&admin, &server, "format=csv").await.status(), 200);
    let conn = connect(&server.db());
    let entries: Vec<(String, String)> = conn
        .prepare("SELECT action, detail FROM audit_log ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        entries
            .iter()
            .any(|(a, d)| a == "testimony.view" && d.starts_with(&format!("{id}; ids sha256:"))),
        "{entries:?}"
    );
    assert!(entries.iter().any(|(a, _)| a == "export"));
    assert!(entries.iter().any(|(a, _)| a == "login.success"));
    assert!(cli(&server.data_dir, &["audit", "verify"], "").0);
    let audit_page = admin
        .get(&server, "/review/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(audit_page.contains("intact"));

    // Edit, delete and reorder: each breaks the chain, and verify names the entry.
    let backup = d.logs.path().join("audit-backup.db");
    assert!(cli(&server.data_dir, &["backup", backup.to_str().unwrap()], "").0);
    let tamperings = [
        "UPDATE audit_log SET detail = 'nothing to see' WHERE action = 'testimony.view'",
        "DELETE FROM audit_log WHERE action = 'inbox.view'",
        "UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; \
         UPDATE audit_log SET seq = 3 WHERE seq = 100",
    ];
    drop(conn);
    drop(server);
    for sql in tamperings {
        std::fs::copy(&backup, d.data.path().join("chorus.db")).unwrap();
        for ext in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(d.data.path().join(format!("chorus.db{ext}")));
        }
        connect(&d.data.path().join("chorus.db"))
            .execute_batch(sql)
            .unwrap();
        let (ok, _, err) = cli(d.data.path(), &["audit", "verify"], "");
        assert!(!ok, "tampering went unnoticed: {sql}");
        assert!(err.contains("broken at entry"), "{err}");
    }
}

#[tokio::test]
async fn invited_reviewers_read_old_and_new_and_disabled_ones_open_nothing_new() {
    let d = dirs();
    let (server, recovery, secret) = staff_server(&d, &[]);
    assert_eq!(
        submit(&server, "before the reviewer joined", &[]).await,
        200
    );
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let rita_pass = "rita's long passphrase";
    let (rita_secret, _) = add_member(&server, &admin, "rita", "reviewer", rita_pass).await;
    assert_eq!(submit(&server, "after the reviewer joined", &[]).await, 200);
    let rita = StaffBrowser::login(&server, "rita", rita_pass, &rita_secret).await;
    let inbox = rita.get(&server, "/review").await.text().await.unwrap();
    assert!(
        inbox.contains("before the reviewer joined") && inbox.contains("after the reviewer joined")
    );
    for id in inbox_ids(&inbox) {
        assert_eq!(
            rita.get(&server, &format!("/review/t/{id}")).await.status(),
            200
        );
    }
    // A copy of Rita's grants survives in a backup; then she is disabled.
    let backup = d.logs.path().join("before-disable.db");
    assert!(cli(&server.data_dir, &["backup", backup.to_str().unwrap()], "").0);
    let (ok, out, err) = cli(&server.data_dir, &["reviewer", "disable", "rita"], "");
    assert!(ok, "{out}{err}");
    assert_eq!(submit(&server, "after rita left", &[]).await, 200);
    let rita_keys = keyring::open_with_password(
        &connect(&backup),
        "rita",
        &SecretString::from(rita_pass.to_owned()),
        ARGON2_KIB,
    )
    .unwrap();
    let all = rows(&server.db());
    let opened: Vec<bool> = all
        .iter()
        .map(|r| rita_keys.open_testimony(r).is_ok())
        .collect();
    assert_eq!(
        opened.iter().filter(|o| **o).count(),
        2,
        "her old copy opens only what came before"
    );
    let newest = decrypt_all(&server.db());
    assert!(
        newest.iter().any(|t| t.statement == "after rita left"),
        "the admin reads everything"
    );
    // Her login no longer works (same page as any failure).
    assert_eq!(
        login_status(&server, "rita", rita_pass, &rita_secret).await,
        401
    );

    // The recovery key grants a new admin who reads everything.
    let (ok, out, err) = cli(
        &server.data_dir,
        &["keys", "recover", "--new-admin", "rescue"],
        &format!("{recovery}\nrescue admin passphrase\n"),
    );
    assert!(ok, "{out}{err}");
    assert!(out.contains("otpauth://"));
    let rescue = keyring::open_with_password(
        &connect(&server.db()),
        "rescue",
        &SecretString::from("rescue admin passphrase".to_owned()),
        ARGON2_KIB,
    )
    .unwrap();
    assert!(all.iter().all(|r| rescue.open_testimony(r).is_ok()));
    let (ok, out, _) = cli(&server.data_dir, &["reviewer", "list"], "");
    assert!(
        ok && out.contains("rita") && out.contains("disabled") && out.contains("rescue"),
        "{out}"
    );
}

#[tokio::test]
async fn a_passphrase_change_keeps_everything_readable() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "still readable", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let new = "a completely new passphrase";
    let res = admin
        .post(
            &server,
            "/review/account/password",
            &format!("current={}&new={}", enc("wrong current one"), enc(new)),
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = admin
        .post(
            &server,
            "/review/account/password",
            &format!("current={}&new={}", enc(PASSWORD), enc(new)),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(keys_by_password(&server.db(), PASSWORD).is_err());
    let keys = keys_by_password(&server.db(), new).unwrap();
    assert_eq!(
        keys.open_testimony(&rows(&server.db())[0])
            .unwrap()
            .statement,
        "still readable"
    );
    let again = StaffBrowser::login(&server, ADMIN, new, &secret).await;
    assert_eq!(again.get(&server, "/review").await.status(), 200);
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
async fn a_rotation_reaches_open_sessions_but_not_ungranted_enrollees() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    // Someone enrols, but no admin has checked their fingerprint and granted access.
    enrol(
        &server,
        &admin,
        "newbie",
        "reviewer",
        "newbie's passphrase here",
    )
    .await;

    let (ok, _, err) = cli(&server.data_dir, &["keys", "rotate"], "");
    assert!(ok, "{err}");
    assert_eq!(submit(&server, "after the rotation", &[]).await, 200);
    // The admin's open session reads what arrived under the new epoch, without logging in again.
    let inbox = admin.get(&server, "/review").await.text().await.unwrap();
    assert!(
        inbox.contains("after the rotation"),
        "the rotation reached the open session"
    );
    // The ungranted enrollee received nothing through the rotation.
    let newbie = keyring::open_with_password(
        &connect(&server.db()),
        "newbie",
        &SecretString::from("newbie's passphrase here".to_owned()),
        ARGON2_KIB,
    )
    .unwrap();
    assert!(
        newbie.is_empty(),
        "an unverified enrollee got {} epoch keys",
        newbie.len()
    );
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

#[tokio::test]
async fn purge_deletes_what_is_older_than_the_retention_and_audits_it() {
    let d = dirs();
    std::fs::write(d.logs.path().join("chorus.toml"), "retention_days = 30\n").unwrap();
    let (server, _, _) = staff_server(&d, &[]);
    assert_eq!(submit(&server, "old", &[]).await, 200);
    assert_eq!(submit(&server, "recent", &[]).await, 200);
    let keys = keys_by_password(&server.db(), PASSWORD).unwrap();
    let old_id = rows(&server.db())
        .into_iter()
        .find(|r| keys.open_testimony(r).unwrap().statement == "old")
        .unwrap()
        .id;
    connect(&server.db())
        .execute(
            "UPDATE testimonies SET received_day = '2020-01-01' WHERE id = ?1",
            [old_id],
        )
        .unwrap();
    let (ok, out, err) = std::process::Command::new(bin())
        .current_dir(d.logs.path())
        .env("CHORUS_DATA_DIR", d.data.path())
        .arg("purge")
        .output()
        .map(|o| {
            (
                o.status.success(),
                String::from_utf8_lossy(&o.stdout).into_owned(),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        })
        .unwrap();
    assert!(ok, "{err}");
    assert!(out.contains("deleted 1"), "{out}");
    assert_eq!(row_count(&server.db()), 1);
    let purges: i64 = scalar(
        &server.db(),
        "SELECT count(*) FROM audit_log WHERE action = 'retention.purge'",
    );
    assert_eq!(purges, 1);
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

#[tokio::test]
async fn reviewer_list_shows_open_invitations_beside_staff() {
    let d = dirs();
    let (server, _, _) = staff_server(&d, &[]);
    let (ok, out, err) = cli(
        &server.data_dir,
        &["reviewer", "invite", "sam", "--role", "admin"],
        "",
    );
    assert!(ok && out.contains("/review/invite/"), "{out}{err}");
    let (ok, out, _) = cli(&server.data_dir, &["reviewer", "list"], "");
    assert!(ok, "{out}");
    let sam = out
        .lines()
        .find(|l| l.starts_with("sam "))
        .expect("sam listed");
    assert!(
        sam.contains("admin") && sam.contains("invitation open until"),
        "{sam}"
    );
    assert!(out.lines().any(|l| l.starts_with("admin ")), "{out}");
    // The link itself is never printed again.
    assert!(!out.contains("/review/invite/"), "{out}");
}

/// What an admin does: open the export page for `query` (it must be a page with the
/// warning, never the file), then send its form.
async fn export(admin: &StaffBrowser, server: &TestServer, query: &str) -> reqwest::Response {
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
async fn grant_and_disable_change_nothing_until_confirmed() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    enrol(
        &server,
        &admin,
        "newbie",
        "reviewer",
        "newbie's passphrase here",
    )
    .await;
    let id: String = scalar(
        &server.db(),
        "SELECT lower(hex(id)) FROM staff WHERE username = 'newbie'",
    );
    let grants = || -> i64 { scalar(&server.db(), "SELECT count(*) FROM key_grants") };
    let before = grants();
    let res = admin
        .post(&server, &format!("/review/admin/staff/{id}/grant"), "")
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("compare the key fingerprint")
    );
    assert_eq!(grants(), before, "granted without comparing fingerprints");
    let res = admin
        .post(&server, &format!("/review/admin/staff/{id}/disable"), "")
        .await;
    assert_eq!(res.status(), 422);
    let active: i64 = scalar(
        &server.db(),
        "SELECT active FROM staff WHERE username = 'newbie'",
    );
    assert_eq!(active, 1, "disabled without confirmation");
    let res = admin
        .post(
            &server,
            &format!("/review/admin/staff/{id}/grant"),
            "compared=yes",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(grants() > before);
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

#[tokio::test]
async fn an_open_invitation_is_listed_and_can_be_withdrawn() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let page = admin
        .post(
            &server,
            "/review/admin/invite",
            "username=olga&role=reviewer",
        )
        .await
        .text()
        .await
        .unwrap();
    let at = page.find("id=\"invite-link\">").unwrap();
    let rest = &page[at + 17..];
    let link = rest[..rest.find('<').unwrap()].to_owned();
    let path = link[link.find("/review/invite/").unwrap()..].to_owned();
    assert_eq!(
        client()
            .get(server.url(&path))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let admin_page = admin
        .get(&server, "/review/admin")
        .await
        .text()
        .await
        .unwrap();
    assert!(admin_page.contains("<td>olga</td>") && admin_page.contains("Withdraw"));

    let res = admin
        .post(&server, "/review/admin/invitations/revoke", "username=olga")
        .await;
    assert_eq!(res.status(), 303);
    let after = client().get(server.url(&path)).send().await.unwrap();
    assert!(after.status().is_client_error(), "{}", after.status());
    let audited: i64 = scalar(
        &server.db(),
        "SELECT count(*) FROM audit_log WHERE action = 'staff.invite.revoke' AND detail = 'olga'",
    );
    assert_eq!(audited, 1);
    // Nothing left to withdraw: refused, from the web and the command line alike.
    let again = admin
        .post(&server, "/review/admin/invitations/revoke", "username=olga")
        .await;
    assert_eq!(again.status(), 422);
    let (ok, _, err) = cli(&server.data_dir, &["reviewer", "revoke", "olga"], "");
    assert!(!ok && err.contains("no open invitation"), "{err}");
    // A name is one person however it is typed: `revoke Sam` withdraws sam's invitation.
    assert!(cli(&server.data_dir, &["reviewer", "invite", "sam"], "").0);
    let (ok, _, err) = cli(&server.data_dir, &["reviewer", "revoke", " Sam"], "");
    assert!(ok, "{err}");
    let (ok, _, err) = cli(&server.data_dir, &["reviewer", "revoke", "sam"], "");
    assert!(!ok && err.contains("no open invitation"), "{err}");
}
