//! A flood against fair intake (prints figures; asserts nothing). The real server runs with
//! its default throttles (`network_burst` 120, site-wide 50/s with a burst of 500) behind a
//! simulated reverse proxy (`trusted_proxy = on`, the client address in `X-Forwarded-For`).
//!
//! 1. **One network floods**: 8 connections from 203.0.113.0/24 send statements as fast as
//!    they can, while one survivor on another network sends one every 2 seconds.
//! 2. **Many networks flood** (a botnet across 200 /24s, 16 connections): the site-wide
//!    ceiling is what holds, and the survivor competes for it.
//!
//! For the survivor: how many were accepted and how long each answer took. For the flood:
//! accepted, refused (429) and overloaded (503). Run: `cargo bench --bench flood`
//! (optionally `-- SECONDS`, default 30 per scenario).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

mod common;

use common::start;

#[derive(Default)]
struct Tally {
    accepted: AtomicU64,
    refused: AtomicU64,
    overloaded: AtomicU64,
    other: AtomicU64,
}

impl Tally {
    fn count(&self, status: u16) {
        let cell = match status {
            200 => &self.accepted,
            429 => &self.refused,
            503 => &self.overloaded,
            _ => &self.other,
        };
        cell.fetch_add(1, Ordering::Relaxed);
    }

    fn line(&self) -> String {
        format!(
            "accepted {:>6}, refused (429) {:>7}, overloaded (503) {:>5}, other {}",
            self.accepted.load(Ordering::Relaxed),
            self.refused.load(Ordering::Relaxed),
            self.overloaded.load(Ordering::Relaxed),
            self.other.load(Ordering::Relaxed)
        )
    }
}

async fn post(client: &reqwest::Client, base: &str, from: &str, text: &str) -> u16 {
    client
        .post(format!("{base}/submit"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", from)
        .body(format!("statement={text}&category=harassment"))
        .send()
        .await
        .map_or(0, |r| r.status().as_u16())
}

async fn scenario(name: &str, seconds: u64, connections: usize, networks: u32) {
    let server = start(&[("CHORUS_TRUSTED_PROXY", "on")], None);
    let base = Arc::new(server.base.clone());
    let until = Instant::now() + Duration::from_secs(seconds);
    let flood = Arc::new(Tally::default());
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (base, flood) = (base.clone(), flood.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut i: u32 = 0;
            while Instant::now() < until {
                let net = (c as u32 + i * connections as u32) % networks;
                let from = format!("203.{}.{}.7", net / 250, net % 250);
                flood.count(post(&client, &base, &from, "junk").await);
                i = i.wrapping_add(1);
            }
        }));
    }
    // The survivor: one statement every 2 seconds from their own network.
    let client = reqwest::Client::new();
    let survivor = Tally::default();
    let mut latencies = Vec::new();
    while Instant::now() + Duration::from_secs(2) < until {
        tokio::time::sleep(Duration::from_secs(2)).await;
        let t = Instant::now();
        survivor.count(post(&client, &base, "198.51.100.20", "me+too").await);
        latencies.push(t.elapsed());
    }
    for t in tasks {
        let _ = t.await;
    }
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let sent = latencies.len();
    println!("{name}");
    println!(
        "   flood ({connections} connections, {networks} network(s), {seconds} s): {}",
        flood.line()
    );
    println!(
        "   survivor: accepted {} of {sent}; answer time median {:.1} ms, worst {:.1} ms",
        survivor.accepted.load(Ordering::Relaxed),
        ms(latencies[sent / 2]),
        ms(latencies[sent - 1]),
    );
}

#[tokio::main]
async fn main() {
    let seconds = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<u64>().ok())
        .unwrap_or(30);
    scenario("1. One network floods", seconds, 8, 1).await;
    scenario("2. Many networks flood (a botnet)", seconds, 16, 200).await;
}
