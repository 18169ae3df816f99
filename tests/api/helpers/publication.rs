//! Deployments that publish: a server publishing at every change, and waiting until a
//! given number of statements shows in its signed snapshot.

use std::time::Duration;

use chorus::publish::signed::Signed;

use super::*;

/// A deployment publishing at every change, exact and unrounded.
pub fn member_server(d: &Dirs) -> TestServer {
    ready_server(
        d,
        &[
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_MIN_CELL", "1"),
        ],
    )
    .0
}

pub async fn signed_of(server: &TestServer) -> Option<Signed> {
    let res = client()
        .get(server.url("/api/v1/counts.signed"))
        .send()
        .await
        .unwrap();
    if res.status() != 200 {
        return None;
    }
    Some(res.json().await.unwrap())
}

/// Submits `n` more statements and waits until the signed snapshot says so; its public key.
pub async fn publish(server: &TestServer, n: u64) -> String {
    let before = match signed_of(server).await {
        Some(s) => s
            .open(&s.public_key)
            .unwrap()
            .counts
            .statements
            .total
            .unwrap_or(0),
        None => 0,
    };
    let n = before + n;
    for _ in before..n {
        assert_eq!(submit(server, "", &["harassment"]).await, 200);
    }
    for _ in 0..150 {
        if let Some(s) = signed_of(server).await
            && s.open(&s.public_key).unwrap().counts.statements.total == Some(n)
        {
            return s.public_key;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{n} statements were never published");
}
