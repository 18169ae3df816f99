//! Hostile clients: a crowd of connections that trickle their headers must not take the site
//! down for everyone else.

use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use crate::helpers::*;

/// Lets this test process open a few thousand sockets itself.
fn raise_own_file_limit() -> u64 {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let hard = limit.maximum.unwrap_or(u64::MAX);
    setrlimit(
        Resource::Nofile,
        Rlimit {
            current: Some(hard),
            maximum: limit.maximum,
        },
    )
    .unwrap();
    hard
}

#[tokio::test]
async fn two_thousand_slow_clients_under_a_1024_file_limit_leave_the_site_up() {
    let hard = raise_own_file_limit();
    assert!(
        hard >= 8_192,
        "this test needs an open-file hard limit of at least 8,192 (found {hard})"
    );
    let d = dirs();
    init_admin(d.data.path());
    // Started the way systemd starts services by default: 1,024 open files.
    let server = TestServer::start_with_file_limit(d.data.path(), d.logs.path(), 1024);
    let addr = server.base.trim_start_matches("http://").to_owned();
    let mut slow = Vec::new();
    for _ in 0..2_000 {
        let mut conn = TcpStream::connect(&addr).await.unwrap();
        // Headers begun and never finished.
        conn.write_all(b"POST /submit HTTP/1.1\r\nHost: chorus.test\r\nContent-Type: ")
            .await
            .unwrap();
        slow.push(conn);
    }
    // Every slow connection is in; now an ordinary visitor reads and submits.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let quick = reqwest::Client::builder()
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    for _ in 0..4 {
        let counts = quick.get(server.url("/counts")).send().await.unwrap();
        assert_eq!(counts.status(), 200);
        let sent = quick
            .post(server.url("/submit"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("statement=me+too")
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 200);
    }
    assert!(
        !server.log().to_lowercase().contains("too many open files"),
        "the server ran out of file descriptors"
    );
    drop(slow);
}
