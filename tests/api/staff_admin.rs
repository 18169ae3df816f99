//! Running the staff side: invitations, grants, disabling, rotation, passphrases, the
//! audit log and retention.

use chorus::review::keyring;
use secrecy::SecretString;

use crate::helpers::*;
use crate::staff::export;

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
