//! First start: a one-time set-up link makes the first admin, in the browser.

use crate::helpers::*;

fn hidden(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .expect("hidden field");
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn the_printed_link_sets_up_the_first_admin_once() {
    let d = dirs();
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let link = server
        .setup_link
        .clone()
        .expect("a set-up link is printed on first start");
    assert!(link.starts_with(&server.base));
    let page = client().get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg"), "QR code inline");
    let secret = hidden(&html, "totp_secret");
    // Shown in groups of four to type, and as a link for an app on this device.
    let grouped: Vec<String> = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    assert!(html.contains(&grouped.join(" ")), "{html}");
    assert!(html.contains(r#"<a href="otpauth://totp/"#), "{html}");
    let totp = chorus::review::totp::totp(
        totp_rs::Secret::try_from_base32(&secret)
            .unwrap()
            .as_bytes(),
        ADMIN,
    )
    .unwrap();

    // Missing fields, a short passphrase or a wrong code: refused, nothing set up.
    for body in [
        String::new(),
        format!("username={ADMIN}&password=short&totp_secret={secret}&totp_code=000000"),
        format!(
            "username={ADMIN}&password={}&totp_secret={secret}&totp_code=abc",
            enc(PASSWORD)
        ),
    ] {
        let res = post_form(&server, link.trim_start_matches(&server.base), body).await;
        assert!(res.status().is_client_error(), "{}", res.status());
    }
    let code = totp.generate_current().to_string();
    // A typo in the second passphrase box: refused before anything is made, the same
    // authenticator secret kept on the page.
    let typo = format!(
        "username={ADMIN}&password={}&password_confirm={}&totp_secret={secret}&totp_code={code}",
        enc(PASSWORD),
        enc(&format!("{PASSWORD}x"))
    );
    let res = post_form(&server, link.trim_start_matches(&server.base), typo).await;
    assert_eq!(res.status(), 422);
    let again_page = res.text().await.unwrap();
    assert!(again_page.contains("not the same"));
    assert_eq!(hidden(&again_page, "totp_secret"), secret);
    let body = format!(
        "username={ADMIN}&password={}&password_confirm={}&totp_secret={secret}&totp_code={code}",
        enc(PASSWORD),
        enc(PASSWORD)
    );
    let res = post_form(&server, link.trim_start_matches(&server.base), body.clone()).await;
    assert_eq!(res.status(), 200);
    let done = res.text().await.unwrap();
    // The way on is the staff login, once the key is said to be written down.
    assert!(done.contains(r#"<form method="get" action="/review/login""#));
    assert!(done.contains(r#"name="written" value="yes" required"#));
    let login = client()
        .get(format!("{}/review/login?written=yes", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let recovery = hidden_code(&done);
    assert!(recovery.starts_with("chorus-recovery-"));

    // The link is spent; the site is open; the new admin's password opens what arrives.
    let again = post_form(&server, link.trim_start_matches(&server.base), body).await;
    assert_eq!(again.status(), 404);
    assert_eq!(client().get(&link).send().await.unwrap().status(), 404);
    assert_eq!(submit(&server, "first testimony", &[]).await, 200);
    assert_eq!(decrypt_all(&server.db())[0].statement, "first testimony");
    let secret_key = chorus::crypto::recovery::decode(&recovery).unwrap();
    assert!(
        chorus::review::keyring::open_with_recovery(&connect(&server.db()), &secret_key).is_ok()
    );
    // The token is stored only hashed, and the log never shows it.
    let token = link.rsplit('/').next().unwrap().to_owned();
    for file in files_under(&server.data_dir) {
        assert!(!contains(&std::fs::read(&file).unwrap(), token.as_bytes()));
    }
    assert!(!server.log().contains(&token));
    let (ok, out, _) = cli(&server.data_dir, &["audit", "verify"], "");
    assert!(ok && out.contains("2 entries"), "{out}");
}

fn hidden_code(html: &str) -> String {
    let at = html
        .find("id=\"recovery-key\">")
        .expect("recovery key shown");
    let rest = &html[at + 18..];
    rest[..rest.find('<').unwrap()].to_owned()
}

#[tokio::test]
async fn init_refuses_a_second_admin_and_a_short_passphrase() {
    let d = dirs();
    let (ok, _, err) = cli(
        d.data.path(),
        &["init", "--admin-user", "a", "--password-stdin"],
        "short\n",
    );
    assert!(!ok && err.contains("15 characters"), "{err}");
    init_admin(d.data.path());
    let (ok, _, err) = cli(
        d.data.path(),
        &["init", "--admin-user", "b", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    );
    assert!(!ok && err.contains("already"), "{err}");
}

#[test]
fn help_documents_every_command() {
    let out = std::process::Command::new(bin())
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in [
        "serve",
        "init",
        "backup",
        "restore",
        "setup-link",
        "doctor",
        "keys",
        "audit",
        "reviewer",
        "purge",
    ] {
        assert!(help.contains(cmd), "--help lacks {cmd}");
    }
}
