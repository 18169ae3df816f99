//! Casework a team can live in: a survivor who comes back is seen (and reopens what was
//! resolved), staff are told that something waits — and nothing more — the work is
//! shared by assignment and sealed labels, and a bulk action stays one short audit entry.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::*;

/// The one testimony id an inbox page lists.
async fn only_id(admin: &StaffBrowser, server: &TestServer, path: &str) -> Vec<String> {
    inbox_ids(&admin.html(server, path).await)
}

#[tokio::test]
async fn a_follow_up_reopens_a_resolved_statement_and_waits_for_a_reply() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let code = submit_with_receipt(&server, "what happened at the station", &[]).await;
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = only_id(&admin, &server, "/review").await[0].clone();
    let res = admin
        .post(
            &server,
            &format!("/review/t/{id}/status"),
            "status=resolved",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        only_id(&admin, &server, "/review?needs=reply")
            .await
            .is_empty()
    );

    // "Tengo miedo", added to a resolved statement: it is in progress again, marked, and
    // one click (the tab) finds it.
    let (status, _) = follow_up(&server, &code, "Tengo miedo").await;
    assert_eq!(status, 200);
    let status: String = scalar(&server.db(), "SELECT status FROM testimonies");
    assert_eq!(status, "in_progress");
    let inbox = admin.html(&server, "/review").await;
    assert!(inbox.contains("Awaits a reply"), "{inbox}");
    assert!(
        inbox.contains("href=\"/review?needs=reply\">Needs a reply (1)"),
        "{inbox}"
    );
    assert_eq!(
        only_id(&admin, &server, "/review?needs=reply").await,
        std::slice::from_ref(&id)
    );
    let page = admin.html(&server, &format!("/review/t/{id}")).await;
    assert!(page.contains("The author wrote last"), "{page}");
    // The code's own page does not move because its holder wrote: someone else holding the
    // code (an abuser) must not learn that the author came back.
    let returned = post_form(&server, "/return", format!("receipt={}", enc(&code))).await;
    let returned = returned.text().await.unwrap();
    assert!(
        returned.contains("The team has finished working on it."),
        "{returned}"
    );
    // The reopening is not audited at the moment it happened (that would time the
    // survivor): only once its day has closed, with the day.
    let reopen_entries: i64 = scalar(
        &server.db(),
        "SELECT count(*) FROM audit_log WHERE action = 'testimony.reopen'",
    );
    assert_eq!(reopen_entries, 0);
    let today = chorus::clock::day_string(time::OffsetDateTime::now_utc().date());
    let kept_day: String = scalar(&server.db(), "SELECT day FROM reopened");
    assert_eq!(kept_day, today);

    // A note does not answer; a reply does.
    admin
        .post(
            &server,
            &format!("/review/t/{id}/note"),
            "note=call+back+monday",
        )
        .await;
    assert_eq!(
        only_id(&admin, &server, "/review?needs=reply").await.len(),
        1
    );
    let res = admin
        .post(
            &server,
            &format!("/review/t/{id}/reply"),
            "reply=We+are+here.",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        only_id(&admin, &server, "/review?needs=reply")
            .await
            .is_empty()
    );
    // A staff action (the reply) is what the code's page may show.
    let returned = post_form(&server, "/return", format!("receipt={}", enc(&code))).await;
    assert!(
        returned
            .text()
            .await
            .unwrap()
            .contains("The team is working on it.")
    );
    let inbox = admin.html(&server, "/review").await;
    assert!(!inbox.contains("Awaits a reply"));
    assert!(inbox.contains("Needs a reply (0)"));
    // A follow-up on a statement in progress keeps it so, and waits again.
    follow_up(&server, &code, "thank you").await;
    assert_eq!(only_id(&admin, &server, "/review?needs=reply").await, [id]);
}

/// What a local listener received, one entry per message.
type Inbox = Arc<Mutex<Vec<String>>>;

/// A minimal SMTP server on loopback: enough of RFC 5321 for one client, plain (the only
/// kind Chorus allows to loopback). Each message's DATA is kept.
async fn smtp_listener() -> (u16, Inbox) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let got: Inbox = Arc::default();
    let keep = got.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let keep = keep.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read);
                write.write_all(b"220 test ESMTP\r\n").await.unwrap();
                let mut line = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let verb = line.trim().to_ascii_uppercase();
                    let answer: &[u8] = if verb.starts_with("EHLO") || verb.starts_with("HELO") {
                        b"250 test\r\n"
                    } else if verb.starts_with("DATA") {
                        write.write_all(b"354 go on\r\n").await.unwrap();
                        let mut data = String::new();
                        loop {
                            line.clear();
                            lines.read_line(&mut line).await.unwrap();
                            if line == ".\r\n" {
                                break;
                            }
                            data.push_str(&line);
                        }
                        keep.lock().unwrap().push(data);
                        b"250 kept\r\n"
                    } else if verb.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    write.write_all(answer).await.unwrap();
                }
            });
        }
    });
    (port, got)
}

/// A minimal HTTP server on loopback that keeps each POST's body and answers 200.
async fn webhook_listener() -> (u16, Inbox) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let got: Inbox = Arc::default();
    let keep = got.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let keep = keep.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                let body = loop {
                    let n = socket.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buf).into_owned();
                    let Some(end) = text.find("\r\n\r\n") else {
                        continue;
                    };
                    let length: usize = text[..end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap())
                        })
                        .unwrap_or(0);
                    if buf.len() >= end + 4 + length {
                        break String::from_utf8_lossy(&buf[end + 4..end + 4 + length])
                            .into_owned();
                    }
                };
                keep.lock().unwrap().push(body);
                let _ = socket
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    .await;
            });
        }
    });
    (port, got)
}

fn count(inbox: &Inbox) -> usize {
    inbox.lock().unwrap().len()
}

async fn wait_for(inbox: &Inbox, n: usize) -> bool {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while std::time::Instant::now() < deadline {
        if count(inbox) >= n {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn alerts_say_only_that_something_is_waiting_and_only_when_something_arrived() {
    let (smtp_port, mails) = smtp_listener().await;
    let (hook_port, hooks) = webhook_listener().await;
    let d = dirs();
    let smtp = format!("smtp://127.0.0.1:{smtp_port}");
    let hook = format!("http://127.0.0.1:{hook_port}/hooks/T0K3N-secret");
    let (server, _, _) = staff_server(
        &d,
        &[
            ("CHORUS_NOTIFY_SMTP_URL", smtp.as_str()),
            ("CHORUS_NOTIFY_TO", "team@example.org, lead@example.org"),
            ("CHORUS_NOTIFY_FROM", "Chorus <chorus@example.org>"),
            ("CHORUS_NOTIFY_WEBHOOK", hook.as_str()),
            ("CHORUS_NOTIFY_INTERVAL_SECS", "2"),
        ],
    );
    // Nothing arrived: nothing is sent, tick after tick.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!((count(&mails), count(&hooks)), (0, 0));

    let statement = "He followed me home from the depot on 3 March";
    let code = submit_with_receipt(&server, statement, &["stalking"]).await;
    assert!(wait_for(&mails, 1).await && wait_for(&hooks, 1).await);
    let id = hex::encode(rows(&server.db())[0].id.as_bytes());

    // The alert is exactly the fixed text: where to look, and nothing of what arrived.
    let staff_url = format!("{}/review", server.base);
    let expected = format!(
        "Something new is waiting for the team in Chorus.\nLog in to read it: {staff_url}\n\n\
         This alert says nothing more on purpose: what was written can only be read after logging in."
    );
    let hook_body: serde_json::Value = serde_json::from_str(&hooks.lock().unwrap()[0]).unwrap();
    assert_eq!(hook_body["message"], expected.as_str(), "{hook_body}");
    assert_eq!(hook_body["title"], "Something is waiting in Chorus");
    assert_eq!(hook_body["click"], staff_url.as_str());
    let mail = mails.lock().unwrap()[0].clone();
    // Quoted-printable: only soft line breaks to undo in this ASCII text.
    assert!(
        mail.contains("Content-Transfer-Encoding: quoted-printable"),
        "{mail}"
    );
    let body = mail
        .split_once("\r\n\r\n")
        .unwrap()
        .1
        .replace("\r\n", "\n")
        .replace("=\n", "");
    assert_eq!(body.trim_end(), expected, "{mail}");
    assert!(
        mail.contains("To: team@example.org, lead@example.org"),
        "{mail}"
    );
    for secret in [
        statement,
        "stalking",
        "Stalking",
        id.as_str(),
        code.as_str(),
    ] {
        let everything = format!("{mail}{}", hooks.lock().unwrap()[0]);
        assert!(!everything.contains(secret), "an alert carried {secret:?}");
    }
    for word in code.split(' ') {
        assert!(
            !body.split_whitespace().any(|w| w == word),
            "a code word: {word}"
        );
    }

    // No news, no alert: three more ticks pass in silence.
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!((count(&mails), count(&hooks)), (1, 1));
    // A follow-up raises exactly one more.
    assert_eq!(follow_up(&server, &code, "and again today").await.0, 200);
    assert!(wait_for(&mails, 2).await && wait_for(&hooks, 2).await);
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!((count(&mails), count(&hooks)), (2, 2));
    // The webhook's token never reaches the log.
    assert!(
        !server.log().contains("T0K3N"),
        "the webhook address was logged"
    );
}

#[tokio::test]
async fn a_failing_alert_channel_is_retried_logged_once_and_shown_to_admins() {
    // A port nothing listens on.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let d = dirs();
    let hook = format!("http://127.0.0.1:{closed}/hooks/T0K3N-secret");
    let (server, _, secret) = staff_server(
        &d,
        &[
            ("CHORUS_NOTIFY_WEBHOOK", hook.as_str()),
            ("CHORUS_NOTIFY_INTERVAL_SECS", "2"),
        ],
    );
    // Intake never waits for an alert.
    assert_eq!(submit(&server, "one", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let mut shown = String::new();
    for _ in 0..100 {
        shown = admin.html(&server, "/review/admin").await;
        if shown.contains("alerts are failing") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        shown.contains("Webhook alerts are failing since"),
        "{shown}"
    );
    assert!(shown.contains("no connection could be made"));
    // Admins see it on the inbox too; reviewers' pages do not carry it.
    assert!(
        admin
            .html(&server, "/review")
            .await
            .contains("alerts are failing")
    );
    // Several ticks of retries, one line in the log, and never the address.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let log = server.log();
    assert_eq!(log.matches("alerts: delivery failed").count(), 1, "{log}");
    assert!(!log.contains("T0K3N"));
    assert_eq!(submit(&server, "two", &[]).await, 200);
}

#[test]
fn alert_settings_that_would_leak_are_refused() {
    let d = dirs();
    for (env, why) in [
        (
            [("CHORUS_NOTIFY_WEBHOOK", "http://hooks.example.org/x")],
            "https",
        ),
        (
            [("CHORUS_NOTIFY_SMTP_URL", "ftp://mail.example.org")],
            "smtps://",
        ),
        (
            [("CHORUS_NOTIFY_SMTP_URL", "smtp://mail.example.org")],
            "notify_to",
        ),
        ([("CHORUS_NOTIFY_DETAIL", "everything")], "none"),
    ] {
        let mut cmd = std::process::Command::new(bin());
        cmd.env("CHORUS_DATA_DIR", d.data.path())
            .env("CHORUS_BIND", "127.0.0.1:0")
            .args(["serve"]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(!out.status.success(), "{env:?} was accepted");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(why), "{env:?}: {said}");
    }
    // Hourly at most on a public interface.
    let out = std::process::Command::new(bin())
        .env("CHORUS_DATA_DIR", d.data.path())
        .env("CHORUS_BIND", "0.0.0.0:0")
        .env("CHORUS_NOTIFY_INTERVAL_SECS", "60")
        .env("CHORUS_PUBLISH_INTERVAL_SECS", "86400")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("notify_interval_secs"));
}

#[tokio::test]
async fn staff_share_the_work_by_assignment() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    for i in 0..3 {
        assert_eq!(submit(&server, &format!("statement {i}"), &[]).await, 200);
    }
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    enrol(
        &server,
        &admin,
        "rita",
        "reviewer",
        "rita's long passphrase",
    )
    .await;
    let ids = only_id(&admin, &server, "/review").await;
    let res = admin
        .post(
            &server,
            &format!("/review/t/{}/assign", ids[0]),
            "staff=rita",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        only_id(&admin, &server, "/review?assigned=rita").await,
        [ids[0].clone()]
    );
    assert!(
        only_id(&admin, &server, "/review?assigned=me")
            .await
            .is_empty()
    );
    let page = admin.html(&server, &format!("/review/t/{}", ids[0])).await;
    assert!(
        page.contains("<option value=\"rita\" selected>rita</option>"),
        "{page}"
    );
    // Someone who is not staff cannot be given work, and nothing changes.
    let res = admin
        .post(
            &server,
            &format!("/review/t/{}/assign", ids[1]),
            "staff=mallory",
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        admin
            .get(&server, "/review?assigned=mallory")
            .await
            .status(),
        422
    );
    // The two others, to me, in one action and one entry; the inbox rows say who.
    let body = format!("id={}&id={}&action=assign&staff=admin", ids[1], ids[2]);
    let res = admin.post(&server, "/review/bulk", &body).await;
    assert_eq!(res.headers()["location"], "/review?changed=2");
    let mine = only_id(&admin, &server, "/review?assigned=me").await;
    assert_eq!(mine.len(), 2);
    let inbox = admin.html(&server, "/review").await;
    assert!(inbox.contains("Assigned to me (2)"), "{inbox}");
    assert!(inbox.contains("data-label=\"Assigned\">rita</td>"));
    // Unassigned again.
    admin
        .post(&server, &format!("/review/t/{}/assign", ids[0]), "staff=")
        .await;
    assert!(
        only_id(&admin, &server, "/review?assigned=rita")
            .await
            .is_empty()
    );
    let entries: i64 = scalar(
        &server.db(),
        "SELECT count(*) FROM audit_log WHERE action LIKE 'testimony.assign%'",
    );
    assert_eq!(entries, 3);
}

#[tokio::test]
async fn labels_are_sealed_at_rest_and_found_by_their_text() {
    let d = dirs();
    let (mut server, _, secret) = staff_server(&d, &[]);
    for i in 0..3 {
        assert_eq!(submit(&server, &format!("statement {i}"), &[]).await, 200);
    }
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let ids = only_id(&admin, &server, "/review").await;
    const SECRET_LABEL: &str = "needs-lawyer-QX7";
    let res = admin
        .post(
            &server,
            &format!("/review/t/{}/labels", ids[0]),
            &format!("label={SECRET_LABEL}&label=Urgent&label=&label=urgent"),
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = admin.html(&server, &format!("/review/t/{}", ids[0])).await;
    assert!(
        page.contains(SECRET_LABEL) && page.contains(">Urgent<"),
        "{page}"
    );
    // "urgent" twice in any case is one label.
    assert_eq!(
        page.matches("name=\"label\" value=\"Urgent\" checked")
            .count(),
        1
    );
    // In bulk, whatever the case: the two others get it too.
    let body = format!(
        "id={}&id={}&action=label-add&bulk_label=URGENT",
        ids[1], ids[2]
    );
    let res = admin.post(&server, "/review/bulk", &body).await;
    assert_eq!(res.headers()["location"], "/review?changed=2");
    assert_eq!(
        only_id(&admin, &server, "/review?label=urgent").await.len(),
        3
    );
    assert_eq!(
        only_id(&admin, &server, &format!("/review?label={SECRET_LABEL}")).await,
        [ids[0].clone()]
    );
    let inbox = admin.html(&server, "/review").await;
    assert!(
        inbox.contains(&format!("href=\"/review?label={SECRET_LABEL}\"")),
        "{inbox}"
    );
    assert!(
        inbox.contains(&format!("{SECRET_LABEL} (1)")),
        "the filter offers it"
    );
    // Taken from one in bulk.
    let body = format!("id={}&action=label-remove&bulk_label=urgent", ids[2]);
    admin.post(&server, "/review/bulk", &body).await;
    assert_eq!(
        only_id(&admin, &server, "/review?label=Urgent").await.len(),
        2
    );
    // A label too long is refused and changes nothing.
    let long = "x".repeat(41);
    let res = admin
        .post(
            &server,
            &format!("/review/t/{}/labels", ids[1]),
            &format!("label={long}"),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        only_id(&admin, &server, "/review?label=urgent").await.len(),
        2
    );
    // The audit log says how many labels, never which.
    let details: Vec<String> = connect(&server.db())
        .prepare("SELECT detail FROM audit_log")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        details.iter().any(|d| d.contains(" labels: 2;")),
        "{details:?}"
    );

    // A label no statement carries any more is forgotten, sealed text and all: deleting
    // the only statement labelled with it leaves only "urgent" among the choices.
    let vocabulary = || scalar::<i64>(&server.db(), "SELECT count(*) FROM label_vocabulary");
    assert_eq!(vocabulary(), 2);
    let res = admin
        .post(
            &server,
            &format!("/review/t/{}/delete", ids[0]),
            "confirm=yes",
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(vocabulary(), 1);
    assert!(!admin.html(&server, "/review").await.contains(SECRET_LABEL));

    // Nowhere at rest: not in the database, its WAL, a backup or the log.
    let backup = d.logs.path().join("labels-backup.db");
    assert!(cli(&server.data_dir, &["backup", backup.to_str().unwrap()], "").0);
    server.kill9();
    let mut files = files_under(d.data.path());
    files.push(backup);
    files.push(server.log_path.clone());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for needle in [SECRET_LABEL, "QX7", "Urgent", "URGENT"] {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "{needle} in {}",
                file.display()
            );
        }
    }
}

#[tokio::test]
async fn the_statement_page_shows_the_language_it_was_sent_from() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let res = post_form(
        &server,
        "/es/submit",
        "statement=Tengo+miedo&want_receipt=on",
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(submit(&server, "no code, no language", &[]).await, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let spanish = only_id(&admin, &server, "/review?lang=es").await;
    assert_eq!(spanish.len(), 1);
    assert!(only_id(&admin, &server, "/review?lang=fr").await.is_empty());
    assert_eq!(admin.get(&server, "/review?lang=xx").await.status(), 400);
    let page = admin
        .html(&server, &format!("/review/t/{}", spanish[0]))
        .await;
    assert!(
        page.contains("<dd id=\"page-language\" lang=\"es\">Español</dd>"),
        "{page}"
    );
    let inbox = admin.html(&server, "/review").await;
    assert!(
        inbox.contains("<span lang=\"es\">Español</span>"),
        "{inbox}"
    );
    // "Has a code" is a filter too.
    assert_eq!(only_id(&admin, &server, "/review?code=1").await, spanish);
}

#[tokio::test]
async fn a_bulk_action_over_1000_statements_is_one_short_audit_entry() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let server = Arc::new(server);
    let mut tasks = Vec::new();
    for t in 0..8 {
        let server = server.clone();
        tasks.push(tokio::spawn(async move {
            for i in 0..125 {
                assert_eq!(submit(&server, &format!("junk {t} {i}"), &[]).await, 200);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let ids: Vec<String> = connect(&server.db())
        .prepare("SELECT lower(hex(id)) FROM testimonies")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(ids.len(), 1000);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    // "Select all on this page" ticks every row, no script needed.
    let all = admin.html(&server, "/review?select=all").await;
    assert_eq!(all.matches("class=\"select\" checked").count(), 50);
    let body: String =
        ids.iter().map(|id| format!("id={id}&")).collect::<String>() + "action=status&status=spam";
    let res = admin.post(&server, "/review/bulk", &body).await;
    assert_eq!(res.headers()["location"], "/review?changed=1000");
    let (seq, detail): (i64, String) = connect(&server.db())
        .query_row(
            "SELECT seq, detail FROM audit_log WHERE action = 'testimony.status.bulk'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        detail.starts_with("status -> spam for 1000 statements"),
        "{detail}"
    );
    assert!(detail.len() < 120, "{detail}");
    let audit = admin
        .get(&server, "/review/audit")
        .await
        .bytes()
        .await
        .unwrap();
    println!(
        "audit page after a 1,000-statement bulk action: {} bytes",
        audit.len()
    );
    assert!(audit.len() < 25_000, "{} bytes", audit.len());
    // The ids are one click away, and each leads to its statement's entries.
    assert!(String::from_utf8_lossy(&audit).contains(&format!("href=\"/review/audit/{seq}\"")));
    let entry = admin.html(&server, &format!("/review/audit/{seq}")).await;
    assert_eq!(entry.matches("/review/audit?testimony=").count(), 1000);
    let about_one = admin
        .html(&server, &format!("/review/audit?testimony={}", ids[17]))
        .await;
    assert!(about_one.contains("testimony.status.bulk"), "{about_one}");
    // The chain covers the list: take one id off it and verify says where.
    let (ok, out, err) = cli(&server.data_dir, &["audit", "verify"], "");
    assert!(ok, "{out}{err}");
    connect(&server.db())
        .execute(
            &format!(
                "DELETE FROM audit_subjects WHERE seq = {seq} AND testimony_id = x'{}'",
                ids[3]
            ),
            [],
        )
        .unwrap();
    let (ok, _, err) = cli(&server.data_dir, &["audit", "verify"], "");
    assert!(
        !ok && err.contains(&format!("broken at entry {seq}")),
        "{err}"
    );
}

#[tokio::test]
async fn the_export_carries_each_thread_and_notes_only_when_asked() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let code = submit_with_receipt(&server, "the first words", &[]).await;
    assert_eq!(follow_up(&server, &code, "a second thought").await.0, 200);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = only_id(&admin, &server, "/review").await[0].clone();
    admin
        .post(
            &server,
            &format!("/review/t/{id}/reply"),
            "reply=we+read+you",
        )
        .await;
    admin
        .post(
            &server,
            &format!("/review/t/{id}/note"),
            "note=internal+only",
        )
        .await;
    let export = |extra: &'static str| {
        let admin = &admin;
        let server = &server;
        async move {
            let res = admin
                .post(server, "/review/export", &format!("format=json{extra}"))
                .await;
            assert_eq!(res.status(), 200);
            res.text().await.unwrap()
        }
    };
    let plain: serde_json::Value = serde_json::from_str(export("").await.trim()).unwrap();
    let thread = plain["thread"].as_array().unwrap();
    let kinds: Vec<&str> = thread.iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["follow_up", "reply"]);
    assert_eq!(thread[0]["text"], "a second thought");
    assert_eq!(thread[1]["author"], ADMIN);
    let with_notes: serde_json::Value =
        serde_json::from_str(export("&notes=on").await.trim()).unwrap();
    assert_eq!(with_notes["thread"].as_array().unwrap().len(), 3);
    assert_eq!(with_notes["thread"][2]["text"], "internal only");
    let res = admin.post(&server, "/review/export", "format=csv").await;
    let csv = res.text().await.unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",thread_messages"));
    assert!(lines.next().unwrap().ends_with(",\"2\""), "{csv}");
    let detail: String = scalar(
        &server.db(),
        "SELECT detail FROM audit_log WHERE action = 'export' AND detail LIKE '%internal notes%'",
    );
    assert!(detail.contains("with internal notes"));
}
