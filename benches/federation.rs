//! What following a federation costs (prints figures; asserts nothing).
//!
//! 1. **One member**: the signed snapshot's size, the time to fetch it over loopback, and the
//!    time to verify it (Ed25519 and SHA-256) — the cost per member per round.
//! 2. **An aggregator following N members** (all on one real deployment, under N names):
//!    how long its first round takes until every member shows `ok`, and its memory.
//!
//! Run: `cargo bench --bench federation` (optionally `-- N`, default 200).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::panic
)]

mod common;

use std::time::{Duration, Instant};

use chorus::publish::signed::Signed;
use common::start;

async fn signed(client: &reqwest::Client, base: &str) -> (Signed, usize) {
    let body = client
        .get(format!("{base}/api/v1/counts.signed"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    (serde_json::from_slice(&body).unwrap(), body.len())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let members: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(200);
    let member = start(
        &[
            ("CHORUS_RATE_LIMITS", "off"),
            ("CHORUS_PUBLISH_INTERVAL_SECS", "0"),
            ("CHORUS_NOISE_EPSILON", "0"),
        ],
        None,
    );
    let client = reqwest::Client::new();
    // A year of weekly figures makes the snapshot as large as a real one gets.
    for _ in 0..30 {
        let res = client
            .post(format!("{}/submit", member.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("category=harassment")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    let (first, bytes) = loop {
        let res = client
            .get(format!("{}/api/v1/counts.signed", member.base))
            .send()
            .await
            .unwrap();
        if res.status() == 200 {
            break signed(&client, &member.base).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let key = first.public_key.clone();

    let rounds = 500;
    let start_fetch = Instant::now();
    for _ in 0..rounds {
        signed(&client, &member.base).await;
    }
    let fetch = start_fetch.elapsed() / rounds;
    let start_verify = Instant::now();
    for _ in 0..rounds {
        first.open(&key).unwrap();
        let _ = first.payload_hash();
    }
    let verify = start_verify.elapsed() / rounds;
    println!(
        "one member: signed snapshot {bytes} bytes; fetch over loopback {fetch:?}; verify {verify:?}"
    );

    let mut toml = String::new();
    for i in 0..members {
        toml.push_str(&format!(
            "[[federation]]\nname = \"member {i}\"\nurl = \"{}\"\npublic_key = \"{key}\"\n\n",
            member.base
        ));
    }
    let began = Instant::now();
    let aggregator = start(
        &[
            ("CHORUS_RATE_LIMITS", "off"),
            ("CHORUS_INTAKE", "off"),
            ("CHORUS_FEDERATION_INTERVAL_SECS", "86400"),
        ],
        Some(&toml),
    );
    let started = began.elapsed();
    let round = loop {
        let view: serde_json::Value = client
            .get(format!("{}/api/v1/federation", aggregator.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if view["sum"]["members_summed"] == members {
            break began.elapsed() - started;
        }
        if began.elapsed() > Duration::from_secs(600) {
            panic!("the round did not finish: {}", view["sum"]);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let rss = std::fs::read_to_string(format!("/proc/{}/status", aggregator.pid()))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.trim_start_matches("VmRSS:").trim().to_owned())
        })
        .unwrap_or_default();
    let per_member = round / members as u32;
    println!(
        "aggregator, {members} members: first round {round:?} ({per_member:?} a member, 16 at once); resident memory {rss}"
    );
    // Over Tor a fetch takes seconds, not microseconds: the network, not the aggregator,
    // bounds how many members fit in one interval.
    let tor_fetch_secs = 2.0;
    println!(
        "per member, the aggregator spends about {per_member:?} (fetch, verify, record); at a daily \
         interval, with 16 fetches at once and ~{tor_fetch_secs} s a fetch over Tor, one aggregator \
         can follow about {} members",
        (86_400.0 / tor_fetch_secs * 16.0) as u64
    );
}
