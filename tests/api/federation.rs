//! Signed, chained snapshots and a federation of counters: three deployments and one
//! aggregator on loopback, and hand-made members that tamper, rewrite, replay, vanish or
//! drip bytes — each shows as such and only marks itself.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chorus::crypto::publication::PublicationKey;
use chorus::publish::PublicCounts;
use chorus::publish::signed::Signed;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::*;

/// Polls the aggregator's federation view until `holds`; the last view seen.
async fn view_until(
    server: &TestServer,
    holds: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let mut view = serde_json::Value::Null;
    for _ in 0..250 {
        view = federation(server).await;
        if holds(&view) {
            return view;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the federation view never got there: {view}");
}

/// An aggregator following `members` (name, url, key), fetching every second.
fn aggregator(d: &Dirs, members: &[(&str, String, String)], env: &[(&str, &str)]) -> TestServer {
    let mut toml = String::new();
    for (name, url, key) in members {
        toml.push_str(&format!(
            "[[federation]]\nname = \"{name}\"\nurl = \"{url}\"\npublic_key = \"{key}\"\n\n"
        ));
    }
    std::fs::write(d.logs.path().join("chorus.toml"), toml).unwrap();
    let mut all = vec![("CHORUS_FEDERATION_INTERVAL_SECS", "1")];
    all.extend_from_slice(env);
    ready_server(d, &all).0
}

async fn federation(server: &TestServer) -> serde_json::Value {
    get_json(server, "/api/v1/federation").await
}

fn member_of<'a>(view: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    view["members"]
        .as_array()
        .unwrap_or_else(|| panic!("not a federation view: {view}"))
        .iter()
        .find(|m| m["name"] == name)
        .unwrap()
}

/// Waits until member `name` is in `state` (and, if given, for `reason`).
async fn until_state(server: &TestServer, name: &str, state: &str, reason: Option<&str>) {
    view_until(server, |view| {
        let m = member_of(view, name);
        m["state"] == state && reason.is_none_or(|r| m["reason"] == r)
    })
    .await;
}

#[tokio::test]
async fn an_aggregator_adds_up_what_three_deployments_signed() {
    let ds: Vec<Dirs> = (0..3).map(|_| dirs()).collect();
    let servers: Vec<TestServer> = ds.iter().map(member_server).collect();
    let mut members = Vec::new();
    for ((server, n), name) in servers
        .iter()
        .zip([3, 5, 7])
        .zip(["north", "south", "west"])
    {
        let key = publish(server, n).await;
        members.push((name, server.base.clone(), key));
    }
    // The key the site shows is the one the command line prints.
    let (ok, out, _) = cli(ds[0].data.path(), &["keys", "publication"], "");
    assert!(ok && out.contains(&members[0].2), "{out}");
    let counts_page = page_text(&servers[0], "/counts").await;
    assert!(counts_page.contains(&members[0].2), "the key is on /counts");

    let d = dirs();
    let agg = aggregator(&d, &members, &[("CHORUS_INTAKE", "off")]);
    let view = view_until(&agg, |v| v["sum"]["members_summed"] == 3).await;
    assert_eq!(view["sum"]["statements"], 15, "{view}");
    assert_eq!(view["sum"]["members_left_out"], 0);
    for (name, n) in [("north", 3), ("south", 5), ("west", 7)] {
        let m = member_of(&view, name);
        assert_eq!(
            (m["state"].as_str(), m["statements"].as_u64()),
            (Some("ok"), Some(n))
        );
    }
    // The page says the same, and says why summing costs no privacy.
    let html = page_text(&agg, "/federation").await;
    assert!(html.contains(">15</p>"), "{html}");
    assert!(html.contains("reveals nothing new"), "{html}");
    // An aggregator only: its home page is the federation, and it takes no statements.
    let home = page_text(&agg, "/").await;
    assert!(home.contains("Counts from many campaigns"), "{home}");
    let res = client().get(agg.url("/submit")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(
        post_form(&agg, "/submit", "statement=x").await.status(),
        404
    );
    let es = page_text(&agg, "/es/federation").await;
    assert!(es.contains("<html lang=\"es\""));

    // A new publication by a member reaches the sum on a later round.
    publish(&servers[1], 1).await;
    view_until(&agg, |v| v["sum"]["statements"] == 16).await;
}

#[tokio::test]
async fn the_history_is_a_signed_chain_a_mirror_can_check() {
    let d = dirs();
    let server = member_server(&d);
    let key = publish(&server, 1).await;
    publish(&server, 2).await;
    publish(&server, 3).await;
    let history: serde_json::Value = client()
        .get(server.url("/api/v1/counts/history"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let lines = history["snapshots"].as_array().unwrap();
    assert!(lines.len() >= 3, "{history}");
    let mut previous: Option<String> = None;
    for line in lines {
        let seq = line["seq"].as_u64().unwrap();
        let signed: Signed = client()
            .get(server.url(&format!("/api/v1/counts/history/{seq}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let payload = signed.open(&key).expect("every snapshot verifies");
        assert_eq!(payload.seq, seq);
        assert_eq!(payload.previous, previous, "each names the one before");
        assert_eq!(line["hash"], signed.payload_hash());
        previous = Some(signed.payload_hash());
    }
    // Rewriting a published figure in the database breaks its signature.
    drop(server);
    let conn = connect(&d.data.path().join("chorus.db"));
    let signed: String = conn
        .query_row(
            "SELECT signed FROM snapshots WHERE hash IS NOT NULL ORDER BY generation LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut forged: Signed = serde_json::from_str(&signed).unwrap();
    forged.payload = forged.payload.replacen("\"total\":", "\"total\":9", 1);
    assert!(
        forged.open(&key).is_err(),
        "a rewritten past no longer verifies"
    );
}

/// A member made by hand: it answers every request with what `respond` says for the path,
/// or drips bytes forever with `Drip`.
#[derive(Clone)]
enum Answer {
    Json(String),
    Bytes(Vec<u8>),
    Drip,
}

type Routes = Arc<Mutex<Vec<(String, Answer)>>>;

async fn fake_member(routes: Routes) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let routes = routes.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&head).to_string();
                let path = head.split(' ').nth(1).unwrap_or("/").to_owned();
                let answer = routes
                    .lock()
                    .unwrap()
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, a)| a.clone());
                let answer = match answer {
                    Some(Answer::Json(body)) => Some(Answer::Bytes(body.into_bytes())),
                    other => other,
                };
                match answer {
                    Some(Answer::Bytes(body)) => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = socket.write_all(&[head.into_bytes(), body].concat()).await;
                    }
                    Some(Answer::Json(_)) => {}
                    Some(Answer::Drip) => {
                        let _ = socket
                            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n")
                            .await;
                        for _ in 0..600 {
                            if socket.write_all(b" ").await.is_err() {
                                return;
                            }
                            tokio::time::sleep(Duration::from_millis(500)).await;
                        }
                    }
                    None => {
                        let _ = socket
                            .write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                            .await;
                    }
                }
            });
        }
    });
    url
}

/// Snapshot `seq` of a hand-made member, after `previous`, showing `total`, published now.
fn snapshot(key: &PublicationKey, seq: u64, previous: Option<String>, total: u64) -> Signed {
    snapshot_at(key, seq, previous, total, time::Duration::ZERO)
}

/// The same, published `offset` from now.
fn snapshot_at(
    key: &PublicationKey,
    seq: u64,
    previous: Option<String>,
    total: u64,
    offset: time::Duration,
) -> Signed {
    let mut counts = PublicCounts::empty(1, &[]);
    counts.published_at = Some(
        (time::OffsetDateTime::now_utc() + offset)
            .replace_nanosecond(0)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap(),
    );
    counts.statements.total = Some(total);
    Signed::seal(key, seq, previous, &counts).unwrap()
}

fn serve(routes: &Routes, path: &str, answer: Answer) {
    let mut routes = routes.lock().unwrap();
    routes.retain(|(p, _)| p != path);
    routes.push((path.to_owned(), answer));
}

fn json(signed: &Signed) -> Answer {
    Answer::Json(serde_json::to_string(signed).unwrap())
}

#[tokio::test]
async fn tampering_rewriting_replaying_vanishing_and_dripping_members_each_show_as_such() {
    let d_good = dirs();
    let good = member_server(&d_good);
    let good_key = publish(&good, 4).await;

    // Hand-made members, each with a key the aggregator is told.
    let (rewriter_key, replayer_key, tamper_key) = (
        PublicationKey::generate().unwrap(),
        PublicationKey::generate().unwrap(),
        PublicationKey::generate().unwrap(),
    );
    let (rewriter, replayer, tamperer, dripper): (Routes, Routes, Routes, Routes) =
        Default::default();
    let (huge, garbage, futurist): (Routes, Routes, Routes) = Default::default();
    let futurist_key = PublicationKey::generate().unwrap();
    // More than any snapshot can weigh; not JSON at all; dated next week.
    serve(
        &huge,
        "/api/v1/counts.signed",
        Answer::Json(format!("\"{}\"", "x".repeat(300 * 1024))),
    );
    serve(
        &garbage,
        "/api/v1/counts.signed",
        Answer::Json("<html>hello".to_owned()),
    );
    let ahead = snapshot_at(&futurist_key, 1, None, 10, time::Duration::days(7));
    serve(&futurist, "/api/v1/counts.signed", json(&ahead));
    let first = snapshot(&rewriter_key, 1, None, 10);
    serve(&rewriter, "/api/v1/counts.signed", json(&first));
    let later = snapshot(&replayer_key, 5, Some("ab".repeat(32)), 50);
    serve(&replayer, "/api/v1/counts.signed", json(&later));
    // A payload changed after signing.
    let mut tampered = snapshot(&tamper_key, 1, None, 10);
    tampered.payload = tampered.payload.replace("\"total\":10", "\"total\":9000");
    serve(&tamperer, "/api/v1/counts.signed", json(&tampered));
    serve(&dripper, "/api/v1/counts.signed", Answer::Drip);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let mut members = vec![
        ("good", good.base.clone(), good_key),
        (
            "rewriter",
            fake_member(rewriter.clone()).await,
            rewriter_key.public_hex(),
        ),
        (
            "replayer",
            fake_member(replayer.clone()).await,
            replayer_key.public_hex(),
        ),
        (
            "tamperer",
            fake_member(tamperer.clone()).await,
            tamper_key.public_hex(),
        ),
        (
            "gone",
            closed,
            PublicationKey::generate().unwrap().public_hex(),
        ),
        (
            "futurist",
            fake_member(futurist.clone()).await,
            futurist_key.public_hex(),
        ),
    ];
    // Members whose answers never verify: any key will do.
    for (name, routes) in [
        ("dripper", &dripper),
        ("huge", &huge),
        ("garbage", &garbage),
    ] {
        let key = PublicationKey::generate().unwrap().public_hex();
        members.push((name, fake_member(routes.clone()).await, key));
    }
    let d = dirs();
    let agg = aggregator(&d, &members, &[]);

    until_state(&agg, "good", "ok", None).await;
    until_state(&agg, "rewriter", "ok", None).await;
    until_state(&agg, "replayer", "ok", None).await;
    until_state(&agg, "tamperer", "failed", Some("signature")).await;
    until_state(&agg, "gone", "unreachable", Some("connect")).await;
    until_state(&agg, "huge", "unreachable", Some("too-large")).await;
    until_state(&agg, "garbage", "unreachable", Some("not-json")).await;
    until_state(&agg, "futurist", "failed", Some("future")).await;

    // While the dripper holds its connection, the aggregator answers at once, every time.
    for _ in 0..20 {
        let res = client().get(agg.url("/counts")).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let res = client()
            .get(agg.url("/api/v1/federation"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        submit(&agg, "", &["harassment"]).await,
        200,
        "intake goes on"
    );

    // A rewritten history: a second snapshot that does not name the first.
    let forked = snapshot(&rewriter_key, 2, Some("cd".repeat(32)), 12);
    serve(&rewriter, "/api/v1/counts.signed", json(&forked));
    until_state(&agg, "rewriter", "failed", Some("rewritten")).await;
    // A replay: an older snapshot than one already verified.
    let older = snapshot(&replayer_key, 3, Some("ef".repeat(32)), 30);
    serve(&replayer, "/api/v1/counts.signed", json(&older));
    until_state(&agg, "replayer", "failed", Some("replayed")).await;
    // The dripper runs out of time and only it is marked.
    until_state(&agg, "dripper", "unreachable", Some("timeout")).await;

    let view = federation(&agg).await;
    assert_eq!(view["sum"]["members_summed"], 1, "{view}");
    assert_eq!(
        view["sum"]["statements"], 4,
        "only the good member is summed"
    );
    assert_eq!(view["sum"]["members_left_out"], 8);
    // What was last verified stays on show, marked, not summed.
    assert_eq!(member_of(&view, "rewriter")["statements"], 10);
    let html = page_text(&agg, "/federation").await;
    assert!(html.contains("its history was rewritten"), "{html}");
    assert!(
        html.contains("the signature does not match its key"),
        "{html}"
    );

    // A rewritten history is kept as evidence: going back to the snapshot seen before does
    // not clear it...
    serve(&rewriter, "/api/v1/counts.signed", json(&first));
    tokio::time::sleep(Duration::from_secs(2)).await;
    until_state(&agg, "rewriter", "failed", Some("rewritten")).await;
    // ...until an operator, having checked with that member, forgets what was on file.
    let (ok, out, err) = cli(d.data.path(), &["federation", "forget", "rewriter"], "");
    assert!(ok, "{out} {err}");
    serve(&rewriter, "/api/v1/counts.signed", json(&forked));
    until_state(&agg, "rewriter", "ok", None).await;

    // The chain is remembered across a restart: the replay is still refused, and a member
    // that publishes properly again (naming what was verified) is back in the sum.
    let agg = agg.restart(d.logs.path());
    until_state(&agg, "replayer", "failed", Some("replayed")).await;
    let next = snapshot(&replayer_key, 6, Some(later.payload_hash()), 60);
    serve(&replayer, "/api/v1/counts.signed", json(&next));
    until_state(&agg, "replayer", "ok", None).await;
    // A gap is bridged through the history, snapshot by snapshot.
    let seven = snapshot(&replayer_key, 7, Some(next.payload_hash()), 70);
    let eight = snapshot(&replayer_key, 8, Some(seven.payload_hash()), 80);
    serve(&replayer, "/api/v1/counts/history/7", json(&seven));
    serve(&replayer, "/api/v1/counts.signed", json(&eight));
    view_until(&agg, |v| member_of(v, "replayer")["statements"] == 80).await;
}

const SIGNED: &str = "/api/v1/counts.signed";

#[tokio::test]
async fn implausible_figures_a_clock_set_back_and_a_long_gap_are_refused_with_their_reason() {
    let keys: Vec<PublicationKey> = (0..4)
        .map(|_| PublicationKey::generate().unwrap())
        .collect();
    let routes: Vec<Routes> = (0..4).map(|_| Routes::default()).collect();
    let (absurd, sprinter, clock, far) = (&routes[0], &routes[1], &routes[2], &routes[3]);
    // A member that signs 2^64-1: the sum would saturate to it.
    serve(absurd, SIGNED, json(&snapshot(&keys[0], 1, None, u64::MAX)));
    let s1 = snapshot(&keys[1], 1, None, 10);
    serve(sprinter, SIGNED, json(&s1));
    let c1 = snapshot(&keys[2], 1, None, 10);
    serve(clock, SIGNED, json(&c1));
    let f1 = snapshot(&keys[3], 1, None, 10);
    serve(far, SIGNED, json(&f1));
    let mut members = Vec::new();
    for (i, name) in ["absurd", "sprinter", "clock", "far"]
        .into_iter()
        .enumerate()
    {
        members.push((
            name,
            fake_member(routes[i].clone()).await,
            keys[i].public_hex(),
        ));
    }
    let d = dirs();
    let agg = aggregator(
        &d,
        &members,
        &[("CHORUS_FEDERATION_MAX_DAILY_GROWTH", "1000")],
    );
    until_state(&agg, "absurd", "failed", Some("implausible")).await;
    until_state(&agg, "sprinter", "ok", None).await;
    until_state(&agg, "clock", "ok", None).await;
    until_state(&agg, "far", "ok", None).await;
    let view = federation(&agg).await;
    assert_eq!(
        view["sum"]["statements"], 30,
        "the absurd figure is not summed: {view}"
    );
    assert!(member_of(&view, "absurd")["statements"].is_null());

    // Growing faster than the bound (1,000 a day) is refused, and stays refused when
    // seen again: the growth is measured from the figures last summed.
    let s2 = snapshot(&keys[1], 2, Some(s1.payload_hash()), 5_000);
    serve(sprinter, SIGNED, json(&s2));
    until_state(&agg, "sprinter", "failed", Some("too-fast")).await;
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let view = federation(&agg).await;
    assert_eq!(member_of(&view, "sprinter")["reason"], "too-fast", "{view}");
    assert_eq!(
        member_of(&view, "sprinter")["statements"],
        10,
        "last summed"
    );
    assert_eq!(view["sum"]["statements"], 20, "{view}");
    let html = page_text(&agg, "/federation").await;
    assert!(
        html.contains("rose faster than this site accepts"),
        "{html}"
    );
    // Back within the bound of what was last summed: summed again.
    let s3 = snapshot(&keys[1], 3, Some(s2.payload_hash()), 900);
    serve(sprinter, SIGNED, json(&s3));
    view_until(&agg, |v| {
        member_of(v, "sprinter")["state"] == "ok" && member_of(v, "sprinter")["statements"] == 900
    })
    .await;

    // A next snapshot dated two days before the last one: its clock went back.
    let c2 = snapshot_at(
        &keys[2],
        2,
        Some(c1.payload_hash()),
        11,
        -time::Duration::days(2),
    );
    serve(clock, SIGNED, json(&c2));
    until_state(&agg, "clock", "failed", Some("time-backwards")).await;

    // A gap longer than one check walks: 400 snapshots are walked and recorded, and the
    // rest waits for the next check (here the history's last step is missing at first).
    let mut chain = vec![f1.clone()];
    for seq in 2..=403u64 {
        let before = chain.last().unwrap().payload_hash();
        chain.push(snapshot(&keys[3], seq, Some(before), 10 + seq));
    }
    for step in &chain[1..401] {
        let seq = step.open(&keys[3].public_hex()).unwrap().seq;
        serve(far, &format!("/api/v1/counts/history/{seq}"), json(step));
    }
    serve(far, SIGNED, json(chain.last().unwrap()));
    until_state(&agg, "far", "failed", Some("gap-too-long")).await;
    serve(far, "/api/v1/counts/history/402", json(&chain[401]));
    view_until(&agg, |v| {
        member_of(v, "far")["state"] == "ok" && member_of(v, "far")["statements"] == 413
    })
    .await;
}

/// A SOCKS5 proxy like Tor's: no authentication, CONNECT by name; every name leads to
/// `target`, and the names asked for are kept.
async fn socks_proxy(target: std::net::SocketAddr, asked: Arc<Mutex<Vec<String>>>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let asked = asked.clone();
            tokio::spawn(async move {
                let mut greeting = [0u8; 2];
                client.read_exact(&mut greeting).await.ok()?;
                let mut methods = vec![0u8; usize::from(greeting[1])];
                client.read_exact(&mut methods).await.ok()?;
                client.write_all(&[5, 0]).await.ok()?;
                let mut head = [0u8; 4];
                client.read_exact(&mut head).await.ok()?;
                // Only a name (ATYP 3) is accepted: an address would mean a local lookup.
                if head[1] != 1 || head[3] != 3 {
                    client
                        .write_all(&[5, 8, 0, 1, 0, 0, 0, 0, 0, 0])
                        .await
                        .ok()?;
                    return None;
                }
                let mut len = [0u8; 1];
                client.read_exact(&mut len).await.ok()?;
                let mut name = vec![0u8; usize::from(len[0])];
                client.read_exact(&mut name).await.ok()?;
                let mut port = [0u8; 2];
                client.read_exact(&mut port).await.ok()?;
                asked
                    .lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&name).into_owned());
                let mut upstream = tokio::net::TcpStream::connect(target).await.ok()?;
                client
                    .write_all(&[5, 0, 0, 1, 0, 0, 0, 0, 0, 0])
                    .await
                    .ok()?;
                tokio::io::copy_bidirectional(&mut client, &mut upstream)
                    .await
                    .ok()
            });
        }
    });
    format!("socks5h://{address}")
}

#[tokio::test]
async fn an_onion_member_is_reached_through_the_proxy_by_name() {
    let d_member = dirs();
    let member = member_server(&d_member);
    let key = publish(&member, 2).await;
    let target: std::net::SocketAddr = member.base.trim_start_matches("http://").parse().unwrap();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let proxy = socks_proxy(target, asked.clone()).await;
    let onion = "http://chorusexamplememberabcdefghijklmnopqrstuvwxyz234567abcd.onion";
    let d = dirs();
    let agg = aggregator(
        &d,
        &[("hidden", onion.to_owned(), key)],
        &[("CHORUS_FEDERATION_PROXY", &proxy)],
    );
    until_state(&agg, "hidden", "ok", None).await;
    assert_eq!(federation(&agg).await["sum"]["statements"], 2);
    let asked = asked.lock().unwrap().clone();
    assert!(
        asked.iter().any(|n| n.ends_with(".onion")),
        "the onion name went to the proxy, never to DNS: {asked:?}"
    );
}

/// A hand-made member's transparency log: `entries` (signed snapshots) in a tree, its
/// checkpoint signed with `key` and cosigned by `witness` when given, and its level-0 and
/// entry tiles — each part replaceable to make it lie.
struct HandLog<'a> {
    key: &'a PublicationKey,
    origin: String,
    entries: Vec<String>,
}

impl HandLog<'_> {
    fn leaves(&self) -> Vec<[u8; 32]> {
        self.entries
            .iter()
            .map(|e| chorus::crypto::merkle::leaf_hash(e.as_bytes()))
            .collect()
    }

    fn checkpoint(&self, witness: Option<&chorus::crypto::cosignature::WitnessKey>) -> String {
        let mut tree = chorus::crypto::merkle::Tree::new();
        for leaf in self.leaves() {
            tree.push(leaf);
        }
        let size = self.entries.len() as u64;
        let text = chorus::crypto::checkpoint::Checkpoint {
            origin: self.origin.clone(),
            size,
            root: tree.root(size).unwrap(),
        }
        .text();
        let mut note = chorus::crypto::note::sign(self.key, &self.origin, &text).unwrap();
        if let Some(w) = witness {
            let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
            note.push_str(&w.cosign(WITNESS_NAME, &text, now).unwrap());
        }
        note
    }

    fn bundle(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for e in &self.entries {
            out.extend_from_slice(&(e.len() as u16).to_be_bytes());
            out.extend_from_slice(e.as_bytes());
        }
        out
    }

    /// Serves the whole log, honestly.
    fn serve(&self, routes: &Routes, witness: Option<&chorus::crypto::cosignature::WitnessKey>) {
        let n = self.entries.len();
        serve(
            routes,
            "/log/checkpoint",
            Answer::Json(self.checkpoint(witness)),
        );
        serve(
            routes,
            &format!("/log/tile/0/000.p/{n}"),
            Answer::Bytes(self.leaves().concat()),
        );
        serve(
            routes,
            &format!("/log/tile/entries/000.p/{n}"),
            Answer::Bytes(self.bundle()),
        );
    }
}

const WITNESS_NAME: &str = "w.example/witness";

#[tokio::test]
async fn members_followed_by_their_logs_are_refused_for_a_fork_withheld_tiles_a_misfiled_entry_or_no_quorum()
 {
    let witness = chorus::crypto::cosignature::WitnessKey::from_seed(&[9; 32]).unwrap();
    let names = ["honest", "withholder", "forker", "misfiler", "uncosigned"];
    let keys: Vec<PublicationKey> = names
        .iter()
        .map(|_| PublicationKey::generate().unwrap())
        .collect();
    let routes: Vec<Routes> = names.iter().map(|_| Routes::default()).collect();
    let mut urls = Vec::new();
    for r in &routes {
        urls.push(fake_member(r.clone()).await);
    }
    let log = |i: usize, snapshots: &[&Signed]| HandLog {
        key: &keys[i],
        origin: format!("{}/log", urls[i].trim_start_matches("http://")),
        entries: snapshots
            .iter()
            .map(|s| serde_json::to_string(s).unwrap())
            .collect(),
    };
    let firsts: Vec<Signed> = keys.iter().map(|k| snapshot(k, 1, None, 10)).collect();
    for i in 0..names.len() {
        let cosigner = (names[i] != "uncosigned").then_some(&witness);
        log(i, &[&firsts[i]]).serve(&routes[i], cosigner);
    }
    // Tiles withheld: the checkpoint and the entries, but no hashes.
    routes[1]
        .lock()
        .unwrap()
        .retain(|(p, _)| !p.starts_with("/log/tile/0/"));
    // An entry tile holding another snapshot than the one the log's leaf commits to.
    let other = snapshot(&keys[3], 1, None, 99);
    serve(
        &routes[3],
        "/log/tile/entries/000.p/1",
        Answer::Bytes(log(3, &[&other]).bundle()),
    );

    let d = dirs();
    let mut toml = format!(
        "witness_quorum = 1\n\n[[witness]]\nname = \"w\"\nurl = \"http://127.0.0.1:9\"\nvkey = \"{}\"\n\n",
        witness.verifier_key(WITNESS_NAME)
    );
    for (i, name) in names.iter().enumerate() {
        toml.push_str(&format!(
            "[[federation]]\nname = \"{name}\"\nurl = \"{}\"\npublic_key = \"{}\"\n\n",
            urls[i],
            keys[i].public_hex()
        ));
    }
    std::fs::write(d.logs.path().join("chorus.toml"), toml).unwrap();
    let agg = ready_server(&d, &[("CHORUS_FEDERATION_INTERVAL_SECS", "1")]).0;
    until_state(&agg, "honest", "ok", None).await;
    until_state(&agg, "forker", "ok", None).await;
    until_state(&agg, "withholder", "unreachable", Some("http-status")).await;
    until_state(&agg, "misfiler", "failed", Some("not-in-log")).await;
    until_state(&agg, "uncosigned", "failed", Some("quorum")).await;

    // The forker shows a second history: a log of two whose first entry is not the one
    // verified, signed and cosigned all the same. Its log does not extend the last one.
    let forked_first = snapshot(&keys[2], 1, None, 11);
    let second = snapshot(&keys[2], 2, Some(forked_first.payload_hash()), 12);
    log(2, &[&forked_first, &second]).serve(&routes[2], Some(&witness));
    until_state(&agg, "forker", "failed", Some("log-inconsistent")).await;
    // The honest member grows its log: still summed.
    let next = snapshot(&keys[0], 2, Some(firsts[0].payload_hash()), 20);
    log(0, &[&firsts[0], &next]).serve(&routes[0], Some(&witness));
    view_until(&agg, |v| {
        member_of(v, "honest")["statements"] == 20 && member_of(v, "honest")["state"] == "ok"
    })
    .await;
    let view = federation(&agg).await;
    assert_eq!(
        view["sum"]["statements"], 20,
        "only the honest member: {view}"
    );
}
