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

#[tokio::test]
async fn a_trickled_body_is_cut_off_at_its_minimum_rate_not_after_a_minute() {
    use tokio::io::AsyncReadExt;
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    let addr = server.base.trim_start_matches("http://").to_owned();
    let mut conn = TcpStream::connect(&addr).await.unwrap();
    // 20,000 bytes announced: 5 s of grace and 2.4 s at 8 KiB/s. Ten bytes every half
    // second would take 17 minutes.
    conn.write_all(
        b"POST /submit HTTP/1.1\r\nHost: chorus.test\r\n\
          Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000\r\n\r\n",
    )
    .await
    .unwrap();
    let started = std::time::Instant::now();
    let trickle = async {
        loop {
            if conn.write_all(b"statement=").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
            let mut peek = [0u8; 1];
            match tokio::time::timeout(Duration::from_millis(1), conn.peek(&mut peek)).await {
                Ok(Ok(n)) if n > 0 => break,
                Ok(_) => break,
                Err(_) => {}
            }
        }
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(2), conn.read_to_end(&mut answer)).await;
        answer
    };
    let answer = tokio::time::timeout(Duration::from_secs(20), trickle)
        .await
        .expect("the server was still reading the body after 20 s");
    let elapsed = started.elapsed();
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 408"), "{text:.80}");
    assert!(
        elapsed < Duration::from_secs(12),
        "cut off after {elapsed:?}"
    );
    assert_eq!(row_count(&server.db()), 0, "nothing was stored");
}

#[tokio::test]
async fn malformed_streams_are_counted_not_logged_one_line_each() {
    use tokio::io::AsyncReadExt;
    let d = dirs();
    init_admin(d.data.path());
    let server = TestServer::start(d.data.path(), d.logs.path(), &[]);
    let addr = server.base.trim_start_matches("http://").to_owned();
    let garbage: [&[u8]; 4] = [
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\n\r\n",
        b"POST /submit HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ];
    for i in 0..60 {
        let mut conn = TcpStream::connect(&addr).await.unwrap();
        conn.write_all(garbage[i % garbage.len()]).await.unwrap();
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(2), conn.read_to_end(&mut answer)).await;
    }
    // The server is still up and stored nothing.
    let counts = reqwest::get(server.url("/counts")).await.unwrap();
    assert_eq!(counts.status(), 200);
    let log = server.log();
    let errors = log.lines().filter(|l| l.contains("ERROR")).count();
    assert_eq!(errors, 0, "a malformed stream was logged on its own: {log}");
    let summaries = log
        .lines()
        .filter(|l| l.contains("malformed or broken HTTP streams"))
        .count();
    // Counted, and logged by a task on its own one-minute clock (never at a stream's time).
    assert!(summaries <= 1, "at most one summary a minute: {log}");
}
