//! Survivors: receipts shown once, and what returning with one does.

use super::*;

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
