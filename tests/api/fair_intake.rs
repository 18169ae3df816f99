//! Fair intake without identity: a flood from one network must not turn away people from
//! other networks, and nothing about anyone's address is kept.

use crate::helpers::*;

async fn submit_from(
    server: &TestServer,
    forwarded_for: &str,
    statement: &str,
) -> reqwest::Response {
    reqwest::Client::new()
        .post(server.url("/submit"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", forwarded_for)
        .body(format!("statement={}", enc(statement)))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_flood_from_one_network_leaves_another_network_its_turn() {
    let d = dirs();
    init_admin(d.data.path());
    let server = TestServer::start(
        d.data.path(),
        d.logs.path(),
        &[
            ("CHORUS_TRUSTED_PROXY", "on"),
            ("CHORUS_NETWORK_BURST", "5"),
        ],
    );
    let mut refused = 0;
    for i in 0..20 {
        // The flooder forges a first entry; the proxy appends the real peer last.
        let res = submit_from(&server, "10.9.8.7, 198.51.100.7", &format!("flood {i}")).await;
        match res.status().as_u16() {
            200 => {}
            429 => {
                refused += 1;
                let wait: u64 = res.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((1..=3600).contains(&wait), "Retry-After {wait}");
                let page = res.text().await.unwrap();
                assert!(
                    page.contains(&format!("flood {i}</textarea>")),
                    "the text was lost"
                );
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(refused, 15, "the flooding network got only its budget of 5");
    // Another address in the same /24 shares the budget; another network does not.
    assert_eq!(
        submit_from(&server, "198.51.100.200", "same network")
            .await
            .status(),
        429
    );
    assert_eq!(
        submit_from(&server, "203.0.113.9", "someone else")
            .await
            .status(),
        200
    );
    assert_eq!(row_count(&server.db()), 6);

    // Nothing address-derived reaches the data dir or the log.
    let needles: [&[u8]; 4] = [b"198.51.100", b"203.0.113", b"10.9.8.7", b"x-forwarded-for"];
    for file in files_under(&server.data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in needles {
            assert!(
                !bytes
                    .windows(needle.len())
                    .any(|w| w.eq_ignore_ascii_case(needle)),
                "{} holds {}",
                file.display(),
                String::from_utf8_lossy(needle)
            );
        }
    }
    let log = server.log();
    for needle in ["198.51.100", "203.0.113", "10.9.8.7"] {
        assert!(!log.contains(needle), "the log holds {needle}: {log}");
    }
    // Refusals are not logged one by one (a timestamp may hold the digits 429: the request
    // log writes `status=429`).
    assert!(
        log.lines().filter(|l| l.contains("status=429")).count() == 0,
        "{log}"
    );
    // But they are counted: the once-a-minute summary says how many (16).
    let refused_in_summaries = |log: &str| -> u64 {
        log.lines()
            .filter(|l| l.contains("survivor requests refused"))
            .filter_map(|l| l.split("count=").nth(1))
            .filter_map(|rest| rest.split_whitespace().next()?.parse::<u64>().ok())
            .sum()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
    while refused_in_summaries(&server.log()) < 16 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
    assert_eq!(refused_in_summaries(&server.log()), 16, "{}", server.log());
}

#[tokio::test]
async fn without_a_trusted_proxy_forwarded_headers_are_ignored() {
    let d = dirs();
    init_admin(d.data.path());
    // Loopback peers and no trusted proxy (as behind Tor): networks cannot be told apart,
    // so forged headers neither open a budget per "network" nor close one.
    let server = TestServer::start(
        d.data.path(),
        d.logs.path(),
        &[("CHORUS_NETWORK_BURST", "2")],
    );
    for i in 0..6 {
        let res = submit_from(&server, &format!("198.51.100.{i}"), "through tor").await;
        assert_eq!(res.status(), 200, "submission {i}");
    }
    for i in 0..6 {
        let res = submit_from(&server, "203.0.113.9", "through tor again").await;
        assert_eq!(res.status(), 200, "submission {i}");
    }
}

#[tokio::test]
async fn an_onion_service_behind_the_proxy_is_not_one_network() {
    let d = dirs();
    init_admin(d.data.path());
    // Tor pointed at the proxy: the proxy forwards Tor's own loopback address.
    let server = TestServer::start(
        d.data.path(),
        d.logs.path(),
        &[
            ("CHORUS_TRUSTED_PROXY", "on"),
            ("CHORUS_NETWORK_BURST", "2"),
        ],
    );
    for i in 0..6 {
        let res = submit_from(&server, "127.0.0.1", "through tor and the proxy").await;
        assert_eq!(res.status(), 200, "submission {i}");
    }
}
