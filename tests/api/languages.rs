//! Survivor pages in every shipped language, chosen by the path alone: no cookie, no
//! redirect; forms post to the same language; Arabic runs right to left.

use crate::helpers::*;

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    client().get(server.url(path)).send().await.unwrap()
}

#[tokio::test]
async fn each_language_lives_under_its_prefix_and_links_to_the_others() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    for (prefix, lang, dir, title) in [
        ("", "en", "ltr", "Say me too"),
        ("/es", "es", "ltr", "Decir yo también"),
        ("/fr", "fr", "ltr", "Dire moi aussi"),
        ("/ar", "ar", "rtl", "قول: أنا أيضًا"),
    ] {
        let res = get(&server, &format!("{prefix}/submit")).await;
        assert_eq!(res.status(), 200, "{prefix}");
        assert!(
            res.headers().get("set-cookie").is_none(),
            "{prefix} set a cookie"
        );
        let html = res.text().await.unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "{prefix}"
        );
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{prefix}");
        assert!(
            html.contains(&format!("action=\"{prefix}/submit\"")),
            "{prefix}: the form posts to its own language"
        );
        for (code, href, name) in [
            ("en", "/submit", "English"),
            ("es", "/es/submit", "Español"),
            ("fr", "/fr/submit", "Français"),
            ("ar", "/ar/submit", "العربية"),
        ] {
            assert!(
                html.contains(&format!(
                    "<link rel=\"alternate\" hreflang=\"{code}\" href=\"{href}\">"
                )),
                "{prefix}: hreflang {code}"
            );
            assert!(
                html.contains(&format!(">{name}</a>")),
                "{prefix}: picker {name}"
            );
        }
    }
    // The landing page too, with and without a trailing slash; other codes are not pages.
    assert!(
        get(&server, "/es")
            .await
            .text()
            .await
            .unwrap()
            .contains("No estás sola")
    );
    assert!(
        get(&server, "/fr/")
            .await
            .text()
            .await
            .unwrap()
            .contains("pas la seule personne")
    );
    assert_eq!(get(&server, "/de/submit").await.status(), 404);
    // Accept-Language never redirects or changes an unprefixed page.
    let res = client()
        .get(server.url("/submit"))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("<html lang=\"en\""));
}

#[tokio::test]
async fn a_survivor_completes_every_flow_in_arabic() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    // A refusal answers in Arabic and keeps the words.
    let too_long = "ا".repeat(20_001);
    let res = post_form(
        &server,
        "/ar/submit",
        format!("statement={}", enc(&too_long)),
    )
    .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>خطأ:"), "error title in Arabic");
    assert!(html.contains("ما كتبته أطول من"));
    assert!(html.contains(&too_long), "the words are kept");
    // Sent, with a code and a category named in Arabic on the form.
    let form = get(&server, "/ar/submit").await.text().await.unwrap();
    assert!(
        form.contains("تحرّش جنسي"),
        "built-in categories are translated"
    );
    let res = post_form(
        &server,
        "/ar/submit",
        format!(
            "statement={}&category=harassment&want_receipt=on",
            enc("حدث ذلك في العمل")
        ),
    )
    .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("تم الاستلام. شكرًا لك."));
    assert!(
        !html.contains("class=\"languages\""),
        "no language links beside a code shown once: following one would lose it"
    );
    // With a code, staff see which page it came from (to reply in Arabic).
    let sealed = decrypt_all(&server.db());
    assert_eq!(sealed.len(), 1);
    assert_eq!(sealed[0].language, "ar");
    // The code is in Arabic words, numbered, nine of them (≥ 100 bits).
    let code = receipt_words(&html).unwrap();
    assert_eq!(code.split(' ').count(), 9, "{code}");
    assert!(
        code.chars()
            .all(|c| c == ' ' || ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{code}"
    );
    assert!(html.contains("<ol lang=\"ar\">"));
    // Back with the code: Arabic page, Arabic date and status.
    let res = post_form(&server, "/ar/return", format!("receipt={}", enc(&code))).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("<h1>شهادتك</h1>"));
    assert!(html.contains("لم يقرأها الفريق بعد"), "status in words");
    let month = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ][usize::from(u8::from(time::OffsetDateTime::now_utc().month())) - 1];
    assert!(html.contains(month), "the day is written in Arabic");
    assert!(html.contains("action=\"/ar/return/follow-up\""));
    // A follow-up, then a withdrawal, both answered in Arabic.
    let res = post_form(
        &server,
        "/ar/return/follow-up",
        format!("receipt={}&message={}", enc(&code), enc("شيء آخر")),
    )
    .await;
    assert!(res.text().await.unwrap().contains("أُضيف."));
    let res = post_form(
        &server,
        "/ar/return/withdraw",
        format!("receipt={}&confirm=yes", enc(&code)),
    )
    .await;
    let html = res.text().await.unwrap();
    assert!(html.contains("<h1>تم السحب</h1>"), "{html}");
    assert_eq!(row_count(&server.db()), 0);
    // Without a code the page's language is not kept: it would only narrow down who wrote.
    assert_eq!(
        post_form(&server, "/ar/submit", "statement=x")
            .await
            .status(),
        200
    );
    assert_eq!(decrypt_all(&server.db())[0].language, "");
    // None of it is in the request log, prefixed or not.
    let log = server.log();
    assert!(!log.contains("/submit"), "{log}");
    assert!(!log.contains("/return"), "{log}");
}

#[tokio::test]
async fn operators_choose_the_languages_offered_and_the_default() {
    let d = dirs();
    let (server, _) = ready_server(
        &d,
        &[
            ("CHORUS_LANGUAGES", "es,fr"),
            ("CHORUS_DEFAULT_LANGUAGE", "es"),
        ],
    );
    let html = get(&server, "/submit").await.text().await.unwrap();
    assert!(
        html.contains("<html lang=\"es\""),
        "unprefixed is the default language"
    );
    assert!(html.contains("hreflang=\"fr\" href=\"/fr/submit\""));
    assert!(!html.contains("hreflang=\"ar\""));
    assert_eq!(get(&server, "/ar/submit").await.status(), 404);
    assert_eq!(get(&server, "/en/submit").await.status(), 404);
    // A form-only address in a language not offered does not exist either (not 405).
    assert_eq!(get(&server, "/en/return/withdraw").await.status(), 404);
    assert_eq!(get(&server, "/fr/return/withdraw").await.status(), 405);
}

#[tokio::test]
async fn the_public_pages_speak_the_language_too() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[("CHORUS_PUBLISH_INTERVAL_SECS", "0")]);
    // Figures group thousands as each language does.
    let form = get(&server, "/fr/submit").await.text().await.unwrap();
    assert!(form.contains("Jusqu’à 20\u{202F}000 caractères"), "{form}");
    let counts = get(&server, "/fr/counts").await.text().await.unwrap();
    assert!(
        counts.contains("<h1>Combien de fois «\u{202F}moi aussi\u{202F}» a été dit</h1>"),
        "{counts}"
    );
    assert!(counts.contains("moins de 10"), "hidden cells in French");
    // The badge other sites embed speaks the language of its address, and the page gives
    // that address.
    assert!(counts.contains("/fr/badge.svg"), "{counts}");
    let badge = get(&server, "/fr/badge.svg").await.text().await.unwrap();
    assert!(badge.contains(">moi aussi</text>"), "{badge}");
    assert!(badge.contains(">moins de 10</text>"), "{badge}");
    let badge = get(&server, "/ar/badge.svg").await.text().await.unwrap();
    assert!(badge.contains(">أنا أيضًا</text>"), "{badge}");
    // Kinds in the configured order (harassment first), not sorted by key (assault first).
    assert!(
        counts.find("Harcèlement sexuel").unwrap() < counts.find("Agression sexuelle").unwrap()
    );
    // A shared link previews with text and an absolute address, loading nothing.
    assert!(counts.contains(&format!(
        "<meta property=\"og:url\" content=\"{}/fr/counts\">",
        server.base
    )));
    assert!(counts.contains(
        "<meta property=\"og:title\" content=\"Combien de fois «\u{202F}moi aussi\u{202F}» a été dit\u{202F}: moins de 10\">"
    ));
    assert!(
        counts.contains("des témoignages, pas des personnes"),
        "what a count is"
    );
    let help = get(&server, "/es/resources").await.text().await.unwrap();
    assert!(
        help.contains("Servicios de emergencia"),
        "built-in resources translated"
    );
    let pledge = get(&server, "/ar/pledge").await.text().await.unwrap();
    assert!(
        pledge.contains("سأصدّق الناجيات والناجين"),
        "built-in pledges translated"
    );
    assert!(pledge.contains("action=\"/ar/pledge\""));
    let res = post_form(&server, "/ar/pledge", "pledge=believe").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("وصل تعهّدك: «سأصدّق الناجيات والناجين».")
    );
    // Pledges stay out of the request log under a prefix too.
    assert!(!server.log().contains("pledge"), "{}", server.log());
}

#[tokio::test]
async fn an_operator_overrides_any_message_with_their_own_catalogue() {
    let d = dirs();
    init_admin(d.data.path());
    let locales = d.data.path().join("locales");
    std::fs::create_dir_all(&locales).unwrap();
    std::fs::write(locales.join("es.ftl"), "landing-title = Aquí te creemos.\n").unwrap();
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let html = get(&server, "/es").await.text().await.unwrap();
    assert!(html.contains("<h1>Aquí te creemos.</h1>"), "{html}");
    // Everything else keeps the shipped translation.
    assert!(html.contains("Yo también"));
    let english = get(&server, "/").await.text().await.unwrap();
    assert!(english.contains("<h1>You are not alone.</h1>"));
}

#[tokio::test]
async fn error_pages_answer_in_the_language_of_the_address() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let res = get(&server, "/es/nada").await;
    assert_eq!(res.status(), 404);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("<title>Error: Página no encontrada"),
        "{html}"
    );
    assert!(html.contains("href=\"/es\""), "back to the Spanish start");
    // Too large to receive, from the French form: said in French, and Back keeps the text.
    let huge = "a".repeat(300_000);
    let res = post_form(&server, "/fr/submit", format!("statement={huge}")).await;
    assert_eq!(res.status(), 413);
    let html = res.text().await.unwrap();
    assert!(html.contains("Trop long pour être reçu"), "{html}");
    assert!(html.contains("bouton Retour"));
    // Unprefixed addresses keep the default language.
    assert!(
        get(&server, "/nope")
            .await
            .text()
            .await
            .unwrap()
            .contains("Page not found")
    );
}

#[tokio::test]
async fn language_versions_are_absolute_with_a_public_url_and_name_a_default() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[("CHORUS_PUBLIC_URL", "https://metoo.example.org")]);
    let html = get(&server, "/fr/submit").await.text().await.unwrap();
    assert!(html.contains(
        "<link rel=\"alternate\" hreflang=\"es\" href=\"https://metoo.example.org/es/submit\">"
    ));
    assert!(html.contains(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://metoo.example.org/submit\">"
    ));
    // The visible picker stays on this site's relative links.
    assert!(html.contains("<a href=\"/es/submit\" hreflang=\"es\" lang=\"es\">Español</a>"));
}

#[tokio::test]
async fn a_shared_link_previews_with_a_picture_of_the_current_total() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let page = get(&server, "/ar/counts").await;
    let etag = page.headers()["etag"].clone();
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!(
        "<meta property=\"og:image\" content=\"{}/ar/counts.png\">",
        server.base
    )));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    for path in ["/counts.png", "/ar/counts.png"] {
        let res = get(&server, path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["content-type"], "image/png");
        assert_eq!(res.headers()["etag"], etag, "one picture per snapshot");
        let png = res.bytes().await.unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
}

#[tokio::test]
async fn staff_read_their_pages_in_the_language_they_choose_and_keep_it() {
    let d = dirs();
    let (server, _, secret) = staff_server(
        &d,
        &[
            ("CHORUS_DEFAULT_LANGUAGE", "fr"),
            ("CHORUS_LANGUAGES", "fr,en"),
        ],
    );
    assert_eq!(submit(&server, "", &["harassment"]).await, 200);
    // The login page speaks the deployment's default.
    let login = page_text(&server, "/review/login").await;
    assert!(login.contains("<html lang=\"fr\" dir=\"ltr\">"), "{login}");
    assert!(!login.contains("Staff login"), "{login}");

    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.html(&server, "/review").await;
    assert!(
        inbox.contains("<html lang=\"fr\""),
        "until chosen, the default"
    );
    let account = admin.html(&server, "/review/account").await;
    assert!(account.contains("name=\"language\""), "{account}");

    // Arabic, though the public pages do not offer it: staff pages may speak any shipped
    // language, and their links lead to the public pages that exist.
    let res = admin
        .post(&server, "/review/account/language", "language=ar")
        .await;
    assert_eq!(res.status(), 200);
    let saved = res.text().await.unwrap();
    assert!(saved.contains("<html lang=\"ar\" dir=\"rtl\">"), "{saved}");
    let inbox = admin.html(&server, "/review").await;
    assert!(inbox.contains("<html lang=\"ar\" dir=\"rtl\">"), "{inbox}");
    assert!(
        !inbox.contains("href=\"/ar/"),
        "no link to a disabled language"
    );
    for english in ["Inbox", "Received on", "Log out", "Your session ends"] {
        assert!(
            !inbox.contains(english),
            "{english} left in English: {inbox}"
        );
    }

    // The choice is on file: a new login keeps it.
    let again = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = again.html(&server, "/review").await;
    assert!(inbox.contains("<html lang=\"ar\""), "kept across logins");
    // Refusals speak it too; an unknown language changes nothing.
    let res = again
        .post(&server, "/review/account/language", "language=xx")
        .await;
    assert_eq!(res.status(), 422);
    let refused = res.text().await.unwrap();
    assert!(refused.contains("<html lang=\"ar\""), "{refused}");
    assert!(
        !refused.contains("Choose one of the languages"),
        "{refused}"
    );
    let inbox = again.html(&server, "/review").await;
    assert!(inbox.contains("<html lang=\"ar\""));

    // Back to the default.
    let res = again
        .post(&server, "/review/account/language", "language=default")
        .await;
    assert_eq!(res.status(), 200);
    let inbox = again.html(&server, "/review").await;
    assert!(inbox.contains("<html lang=\"fr\""), "{inbox}");
}
