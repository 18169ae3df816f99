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
