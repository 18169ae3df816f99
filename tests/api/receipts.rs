//! Survivors come back with a receipt code: replies, follow-ups, withdrawal — and a code
//! that is never kept anywhere.

use chorus::domain::{MessageId, MessageKind, TestimonyId};

use crate::helpers::*;

async fn open_return(server: &TestServer, code: &str) -> (u16, String) {
    let res = post_form(server, "/return", format!("receipt={}", enc(code))).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

fn error_paragraph(html: &str) -> String {
    let at = html.find("role=\"alert\"").unwrap();
    html[at..at + html[at..].find("</div>").unwrap()].to_owned()
}

#[tokio::test]
async fn replies_reach_the_code_holder_and_no_one_else() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let code = submit_with_receipt(&server, "please write back", &["harassment"]).await;
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.get(&server, "/review").await.text().await.unwrap();
    let id = inbox_ids(&inbox).remove(0);
    let page = admin
        .get(&server, &format!("/review/t/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Whoever holds the author"),
        "the reply form warns staff"
    );
    let res = admin
        .post(
            &server,
            &format!("/review/t/{id}/reply"),
            "reply=We+hear+you.+Here+is+what+we+can+do.",
        )
        .await;
    assert_eq!(res.status(), 303);

    // The code holder reads it, with the code written any old way.
    let (status, html) = open_return(
        &server,
        &format!("  {}. ", code.to_uppercase().replace(' ', " - ")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("We hear you. Here is what we can do."),
        "{html}"
    );
    assert!(html.contains("Read by the team"), "status in plain words");
    // One word off: nothing.
    let mut words: Vec<&str> = code.split(' ').collect();
    words[0] = if words[0] == "abacus" {
        "abdomen"
    } else {
        "abacus"
    };
    let (status, html) = open_return(&server, &words.join(" ")).await;
    assert_eq!(status, 404);
    assert!(!html.contains("We hear you"));
    // The survivor's copy does not open with the staff keys.
    let conn = connect(&server.db());
    let (mid, tid, blob): (Vec<u8>, Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT id, testimony_id, survivor_ciphertext FROM messages WHERE kind = 'reply'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let keys = keys_by_password(&server.db(), PASSWORD).unwrap();
    let mid = MessageId::from_bytes(mid.try_into().unwrap());
    let tid = TestimonyId::from_bytes(tid.try_into().unwrap());
    assert!(
        keys.open_message(MessageKind::Reply, &tid, &mid, &blob)
            .is_err()
    );
    // Staff keep the whole thread.
    let page = admin
        .get(&server, &format!("/review/t/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Reply to the author") && page.contains("We hear you."));
}

#[tokio::test]
async fn follow_ups_reach_staff_and_withdrawal_removes_everything_and_the_count() {
    let d = dirs();
    let (server, _, secret) = staff_server(
        &d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    );
    let code = submit_with_receipt(&server, "first words", &["assault"]).await;
    assert_eq!(submit(&server, "another person", &["assault"]).await, 200);
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 2 }).await);

    let res = post_form(
        &server,
        "/return/follow-up",
        format!("receipt={}&message=one+more+thing", enc(&code)),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Added"));
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.get(&server, "/review").await.text().await.unwrap();
    let mut found = false;
    for id in inbox_ids(&inbox) {
        let page = admin
            .get(&server, &format!("/review/t/{id}"))
            .await
            .text()
            .await
            .unwrap();
        if page.contains("first words") {
            assert!(page.contains("one more thing") && page.contains("Added by the author"));
            found = true;
        }
    }
    assert!(found);
    // Survivor actions are never audited.
    let conn = connect(&server.db());
    let survivor_entries: i64 = conn
        .query_row("SELECT count(*) FROM audit_log WHERE action LIKE '%follow%' OR action LIKE '%withdraw%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(survivor_entries, 0);

    // Without the confirmation nothing happens; with it, the row and its thread go.
    let res = post_form(
        &server,
        "/return/withdraw",
        format!("receipt={}", enc(&code)),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert_eq!(row_count(&server.db()), 2);
    let res = post_form(
        &server,
        "/return/withdraw",
        format!("receipt={}&confirm=yes", enc(&code)),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("deleted"));
    assert_eq!(row_count(&server.db()), 1);
    let messages: i64 = scalar(&server.db(), "SELECT count(*) FROM messages");
    assert_eq!(messages, 0);
    assert_eq!(
        open_return(&server, &code).await.0,
        404,
        "the code opens nothing any more"
    );
    // The counts follow at the next tick.
    assert!(eventually(|| async { counts_json(&server).await["statements"]["total"] == 1 }).await);
    assert_eq!(
        counts_json(&server).await["statements"]["by_category"]["assault"],
        1
    );
}

#[tokio::test]
async fn every_wrong_code_gets_the_same_answer() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let code = submit_with_receipt(&server, "mine", &[]).await;
    let mut words: Vec<String> = code.split(' ').map(str::to_owned).collect();
    words[5] = if words[5] == "zebra" {
        "zesty".into()
    } else {
        "zebra".into()
    };
    let near_miss = words.join(" ");
    let random = chorus::crypto::receipt::ReceiptCode::generate()
        .words()
        .to_string();
    let mut not_a_word = code.split(' ').map(str::to_owned).collect::<Vec<_>>();
    not_a_word[2] = "qwzx".into();
    let (s1, near) = open_return(&server, &near_miss).await;
    let (s2, rand) = open_return(&server, &random).await;
    let (s3, hint) = open_return(&server, &not_a_word.join(" ")).await;
    let (s4, short) = open_return(&server, "just three words").await;
    assert_eq!((s1, s2, s3, s4), (404, 404, 404, 404));
    // The words typed come back in the field (so one wrong word is fixed, not all eight
    // retyped); apart from them the answers are identical.
    assert!(near.contains(&near_miss) && rand.contains(&random));
    assert_eq!(
        near.replace(&near_miss, "CODE"),
        rand.replace(&random, "CODE"),
        "a near miss and a random code answer identically"
    );
    assert!(
        error_paragraph(&hint).contains("Word 3"),
        "the hint names the position"
    );
    // Apart from its hint, the non-list page is the same page.
    let hint_code = not_a_word.join(" ");
    assert_eq!(
        near.replace(&error_paragraph(&near), "")
            .replace(&near_miss, "CODE"),
        hint.replace(&error_paragraph(&hint), "")
            .replace(&hint_code, "CODE")
    );
    assert!(error_paragraph(&short).contains("a code does not have"));
    // Follow-up and withdrawal with a wrong code: the same answer, nothing changes.
    let res = post_form(
        &server,
        "/return/withdraw",
        format!("receipt={}&confirm=yes", enc(&near_miss)),
    )
    .await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.text().await.unwrap(), near);
    assert_eq!(row_count(&server.db()), 1);
}

#[tokio::test]
async fn the_code_is_kept_nowhere_not_on_disk_in_logs_or_urls() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, &[]);
    let code = submit_with_receipt(&server, "statement with a code", &[]).await;
    let (status, _) = open_return(&server, &code).await;
    assert_eq!(status, 200);
    let res = post_form(
        &server,
        "/return/follow-up",
        format!("receipt={}&message=more", enc(&code)),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("location").is_none());
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let id = inbox_ids(&admin.get(&server, "/review").await.text().await.unwrap()).remove(0);
    admin
        .post(&server, &format!("/review/t/{id}/reply"), "reply=noted")
        .await;
    let backup = server.data_dir.join("with-code.db");
    assert!(cli(&server.data_dir, &["backup", backup.to_str().unwrap()], "").0);

    let words: Vec<&str> = code.split(' ').collect();
    let mut needles: Vec<String> = vec![
        code.clone(),
        code.replace(' ', "+"),
        enc(&code),
        code.to_uppercase(),
    ];
    // Any two neighbouring words, in any of those spellings.
    for pair in words.windows(2) {
        needles.push(pair.join(" "));
        needles.push(pair.join("+"));
        needles.push(pair.join("%20"));
    }
    for file in files_under(&server.data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in &needles {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "code found in {}",
                file.display()
            );
        }
    }
    let log = server.log();
    for needle in &needles {
        assert!(!log.contains(needle.as_str()), "code found in the log");
    }
    for line in log.lines().filter(|l| l.contains("route=")) {
        assert!(!line.contains("receipt="), "a code in a logged URL: {line}");
    }
    // The pages never put it in a URL: forms post it, links never carry it.
    let (_, page) = open_return(&server, &code).await;
    assert!(!page.contains(&"?receipt".to_string()) && !page.contains("href=\"/return?"));
    assert!(page.contains("method=\"post\" action=\"/return/follow-up\""));
}

#[tokio::test]
async fn every_received_page_weighs_the_same_whatever_was_chosen() {
    let d = dirs();
    let (server, _, _) = staff_server(&d, &[]);
    // In every language: each page's words differ, but within a language the size must not.
    for prefix in ["", "/es", "/fr", "/ar"] {
        let mut sizes = Vec::new();
        for body in [
            "statement=".to_owned(),
            format!("statement={}", enc(&"a story told at length ".repeat(40))),
            format!(
                "statement={}&want_receipt=on",
                enc("and a code to come back")
            ),
            "statement=&want_receipt=on".to_owned(),
        ] {
            let res = post_form(&server, &format!("{prefix}/submit"), body.clone()).await;
            assert_eq!(res.status(), 200, "{prefix} {body}");
            sizes.push(res.bytes().await.unwrap().len());
        }
        assert!(sizes.iter().all(|s| *s == sizes[0]), "{prefix}: {sizes:?}");
    }
}

#[tokio::test]
async fn return_forms_refuse_fields_they_do_not_have_and_change_nothing() {
    let d = dirs();
    let (server, _, _) = staff_server(&d, &[]);
    let code = submit_with_receipt(&server, "still here", &[]).await;
    let code = enc(&code);
    for (path, body) in [
        ("/return", format!("receipt={code}&extra=1")),
        ("/return", format!("receipt={code}&receipt=x")),
        (
            "/return/follow-up",
            format!("receipt={code}&message=hi&message=again"),
        ),
        (
            "/return/withdraw",
            format!("receipt={code}&confirm=no&confirm=yes"),
        ),
        ("/return/withdraw", format!("receipt={code}&confirm=yes&x=")),
    ] {
        let res = post_form(&server, path, body.clone()).await;
        assert_eq!(res.status(), 400, "{path} {body}");
    }
    assert_eq!(row_count(&server.db()), 1);
    assert_eq!(
        scalar::<i64>(&server.db(), "SELECT count(*) FROM messages"),
        0
    );
}

#[tokio::test]
async fn one_code_cannot_flood_a_thread() {
    // Throttles on (as deployed): a code's own budget is 10 an hour.
    let d = dirs();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let code = submit_with_receipt(&server, "mine", &[]).await;
    for i in 0..10 {
        assert_eq!(
            follow_up(&server, &code, &format!("addition {i}")).await.0,
            200
        );
    }
    let (status, page) = follow_up(&server, &code, "one too many").await;
    assert_eq!(status, 429);
    assert!(
        page.contains("one too many</textarea>"),
        "the text was lost"
    );
    // Another code is not held up by this one.
    let other = submit_with_receipt(&server, "someone else", &[]).await;
    assert_eq!(follow_up(&server, &other, "my addition").await.0, 200);
}

#[tokio::test]
async fn a_thread_holds_a_bounded_number_of_follow_ups() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let code = submit_with_receipt(&server, "mine", &[]).await;
    for i in 0..chorus::returning::MAX_FOLLOW_UPS {
        assert_eq!(
            follow_up(&server, &code, &format!("addition {i}")).await.0,
            200
        );
    }
    let (status, page) = follow_up(&server, &code, "the fifty-first").await;
    assert_eq!(status, 422);
    assert!(
        page.contains("the fifty-first</textarea>"),
        "the text was lost"
    );
    assert!(page.contains("as many additions as it can"));
    let stored: i64 = connect(&server.db())
        .query_row(
            "SELECT count(*) FROM messages WHERE kind = 'follow_up'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 50);
}

#[tokio::test]
async fn codes_come_in_the_page_language_and_open_on_every_return_page() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let prefixes = ["", "/es", "/fr", "/ar"];
    for (prefix, words) in prefixes.iter().zip([8, 10, 10, 9]) {
        let res = post_form(
            &server,
            &format!("{prefix}/submit"),
            "statement=mine&want_receipt=on",
        )
        .await;
        let html = res.text().await.unwrap();
        let code = receipt_words(&html).unwrap();
        assert_eq!(code.split(' ').count(), words, "{prefix}: {code}");
        // Every language's return page opens it, typed with or without accents and marks.
        let plain = chorus::crypto::code_words::key(&code);
        for (other, typed) in prefixes.iter().zip([&code, &plain, &code, &plain]) {
            let res = post_form(
                &server,
                &format!("{other}/return"),
                format!("receipt={}", enc(typed)),
            )
            .await;
            assert_eq!(res.status(), 200, "{prefix} code on {other}/return");
        }
        // The right words in another order: said so, and nothing opens.
        let mut reversed: Vec<&str> = code.split(' ').collect();
        reversed.reverse();
        let res = post_form(
            &server,
            "/return",
            format!("receipt={}", enc(&reversed.join(" "))),
        )
        .await;
        assert_eq!(res.status(), 404);
        let page = res.text().await.unwrap();
        assert!(page.contains("not in its order"), "{prefix}: {page}");
    }
}
