//! Survivor safety at the HTTP level (the browser check covers Back, Enter and the quick
//! exit in Chromium): what a frightened person typed is never lost to a mistake, and help is
//! one tap away.

use crate::helpers::*;

#[tokio::test]
async fn enter_on_a_choice_stores_nothing_and_gives_everything_back() {
    let d = dirs();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    // What the form's hidden first submit control sends when Enter is pressed on a choice.
    let res = post_form(
        &server,
        "/submit",
        "statement=not+finished+yet&category=harassment&setting=work&pressed_enter=1",
    )
    .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("Nothing has been sent yet"), "{page}");
    assert!(page.contains("not finished yet</textarea>"));
    assert!(page.contains(r#"value="harassment" checked"#));
    assert_eq!(
        row_count(&server.db()),
        0,
        "an Enter press stored a statement"
    );
    // Any other value is not the form's own and is refused like any unknown field.
    let res = post_form(&server, "/submit", "statement=x&pressed_enter=yes").await;
    assert_eq!(res.status(), 400);
    assert_eq!(row_count(&server.db()), 0);
}

#[tokio::test]
async fn a_wrong_code_keeps_the_words_typed_and_says_error_in_the_title() {
    let d = dirs();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let typed = "apple banana cherry donut eagle falcon garden harbor";
    let res = post_form(
        &server,
        "/return",
        format!("receipt={}", typed.replace(' ', "+")),
    )
    .await;
    assert_eq!(res.status(), 404);
    let page = res.text().await.unwrap();
    assert!(page.contains(&format!(r#"value="{typed}""#)), "{page}");
    assert!(page.contains("<title>Error: "), "{page}");
}

#[tokio::test]
async fn help_line_numbers_are_one_tap_calls() {
    let d = dirs();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let page = reqwest::get(server.url("/resources"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"<a href="tel:8006564673" dir="ltr">800-656-4673</a>"#),
        "{page}"
    );
    assert!(page.contains(r#"<a href="tel:08085002222" dir="ltr">0808 500 2222</a>"#));
    assert!(
        page.contains(
            r#"<a href="tel:112" dir="ltr">112</a> / <a href="tel:911" dir="ltr">911</a>"#
        )
    );
}

#[tokio::test]
async fn the_landing_and_submit_pages_say_who_runs_the_campaign_and_how_long_statements_are_kept() {
    let d = dirs();
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        "about = \"Run by the Riverside Women's Centre <riverside.example>. Write to help@riverside.example.\"\nretention_days = 365\n",
    )
    .unwrap();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    for path in ["/", "/submit"] {
        let page = reqwest::get(server.url(path))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("About this campaign"), "{path}");
        assert!(
            page.contains("Run by the Riverside Women&#39;s Centre &#60;riverside.example&#62;."),
            "{path}: the operator's text, escaped: {page}"
        );
        assert!(
            page.contains("Statements are deleted after 365 days."),
            "{path}"
        );
    }
}

/// The one-time token of the form at `path`.
async fn form_token(server: &TestServer, path: &str) -> String {
    let html = page_text(server, path).await;
    input_value(&html, "once").expect("the form carries a one-time token")
}

#[tokio::test]
async fn a_form_sent_twice_is_stored_once_and_shows_no_code_the_second_time() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let token = form_token(&server, "/submit").await;
    let body = format!("statement=it+happened&want_receipt=on&once={token}");
    let first = post_form(&server, "/submit", body.clone()).await;
    assert_eq!(first.status(), 200);
    assert!(first.text().await.unwrap().contains("id=\"receipt-code\""));
    // Back, then the browser sends the same form again: nothing new, and no code.
    let again = post_form(&server, "/submit", body).await;
    assert_eq!(again.status(), 200);
    let page = again.text().await.unwrap();
    assert!(!page.contains("id=\"receipt-code\""), "{page}");
    assert!(page.contains("nothing new was saved"), "{page}");
    assert_eq!(row_count(&server.db()), 1);
    // The landing page's one-tap form carries its own token too.
    let tap = form_token(&server, "/").await;
    for _ in 0..2 {
        assert_eq!(
            post_form(&server, "/submit", format!("once={tap}"))
                .await
                .status(),
            200
        );
    }
    assert_eq!(row_count(&server.db()), 2);
    // A refused form keeps its token, so sending it again once fixed still works.
    let token = form_token(&server, "/es/submit").await;
    let bad = post_form(
        &server,
        "/es/submit",
        format!("statement=x&category=nope&once={token}"),
    )
    .await;
    assert_eq!(bad.status(), 422);
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains(&format!("value=\"{token}\""))
    );
    let good = post_form(&server, "/es/submit", format!("statement=x&once={token}")).await;
    assert_eq!(good.status(), 200);
    assert_eq!(row_count(&server.db()), 3);
    // Without a token (an API client), as before; a malformed token is refused.
    assert_eq!(submit(&server, "no token", &[]).await, 200);
    assert_eq!(
        post_form(&server, "/submit", "statement=x&once=nope")
            .await
            .status(),
        400
    );
    assert_eq!(row_count(&server.db()), 4);
    // The token is nowhere at rest, nor in the log.
    for file in files_under(d.data.path()) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(!contains(&bytes, token.as_bytes()), "{}", file.display());
    }
    assert!(!server.log().contains(&token));
}

#[tokio::test]
async fn leaving_goes_through_a_page_that_clears_this_site_from_the_browser() {
    let d = dirs();
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        "quick_exit_url = \"https://weather.example/\"\n",
    )
    .unwrap();
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    for path in ["/", "/submit", "/es/return", "/counts", "/safety"] {
        let html = page_text(&server, path).await;
        assert!(
            html.contains("class=\"quick-exit\" href=\"/leave\""),
            "{path}"
        );
    }
    // First a bare page that moves on at once, without script...
    let res = client().get(server.url("/leave")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert!(res.headers().get("set-cookie").is_none());
    let hop = res.text().await.unwrap();
    assert!(
        hop.contains("<meta http-equiv=\"refresh\" content=\"0;url=/leave/go\">"),
        "{hop}"
    );
    assert!(!hop.contains("<script"));
    // ...then the answer that clears this site's pages from the browser, and leaves.
    let res = client().get(server.url("/leave/go")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "https://weather.example/");
    assert_eq!(res.headers()["clear-site-data"], "\"cache\"");
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert!(res.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn the_safety_page_speaks_every_language_and_is_linked_where_it_matters() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    for (prefix, lang) in [("", "en"), ("/es", "es"), ("/fr", "fr"), ("/ar", "ar")] {
        let res = client()
            .get(server.url(&format!("{prefix}/safety")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{prefix}/safety");
        let html = res.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{prefix}");
        for other in ["es", "fr", "ar"] {
            assert!(
                html.contains(&format!("hreflang=\"{other}\"")),
                "{prefix}: {other}"
            );
        }
        // From the landing, the form and the received page, in the same language.
        let link = format!("href=\"{prefix}/safety\"");
        let home = if prefix.is_empty() {
            "/".to_owned()
        } else {
            prefix.to_owned()
        };
        for path in [home, format!("{prefix}/submit")] {
            let page = page_text(&server, &path).await;
            assert!(page.contains(&link), "{path} links to {prefix}/safety");
        }
        let received = post_form(&server, &format!("{prefix}/submit"), "statement=x")
            .await
            .text()
            .await
            .unwrap();
        assert!(received.contains(&link), "received page in {lang}");
    }
    let english = page_text(&server, "/safety").await;
    assert!(english.contains("history"), "{english}");
    assert!(english.contains("Tor Browser"));
}

#[tokio::test]
async fn operators_name_their_campaign_and_help_lines_in_each_language() {
    let d = dirs();
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        r#"site_name = "Me Too Ourtown"
site_name_translations = { es = "Yo También Nuestra Ciudad", ar = "أنا أيضًا مدينتنا" }
about = "Run by the Ourtown Women's Network."
about_translations = { es = "Organizado por la Red de Mujeres." }

[[resources]]
name = "Ourtown Helpline"
description = "Free and confidential."
contact = "0800 000 000"
name_translations = { es = "Línea de ayuda de Ourtown" }
description_translations = { es = "Gratuita y confidencial." }
"#,
    )
    .unwrap();
    let (server, _) = ready_server(&d, &[]);
    let es = page_text(&server, "/es/").await;
    assert!(
        es.contains("Yo También Nuestra Ciudad") && es.contains("Organizado por la Red"),
        "{es}"
    );
    let ar = page_text(&server, "/ar/").await;
    assert!(ar.contains("أنا أيضًا مدينتنا"));
    // French was not given: the configured text.
    assert!(page_text(&server, "/fr/").await.contains("Me Too Ourtown"));
    let help = page_text(&server, "/es/resources").await;
    assert!(
        help.contains("Línea de ayuda de Ourtown") && help.contains("Gratuita y confidencial.")
    );
    assert!(
        page_text(&server, "/resources")
            .await
            .contains("Ourtown Helpline")
    );
    // This operator chose their own help lines: no warning.
    assert!(!server.log().contains("shipped examples"));
    // A language Chorus does not ship is refused at start, saying which.
    std::fs::write(
        d.logs.path().join("chorus.toml"),
        "site_name_translations = { de = \"Ich auch\" }\n",
    )
    .unwrap();
    let out = std::process::Command::new(bin())
        .current_dir(d.logs.path())
        .env("CHORUS_DATA_DIR", d.data.path())
        .env("CHORUS_BIND", "127.0.0.1:0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("`de`"));
}

#[tokio::test]
async fn the_default_help_lines_bring_a_warning_at_start() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    assert!(
        eventually(|| async { server.log().contains("shipped examples") }).await,
        "{}",
        server.log()
    );
}
