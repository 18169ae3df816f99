//! The transparency log (`/log/`, C2SP `tlog-tiles`) as anyone's tlog client reads it: the
//! checkpoint verified with `signed_note` and the verifier key `chorus keys publication`
//! prints, the tiles checked against the root and the proofs made and checked by
//! `tlog_tiles` — implementations Chorus does not contain — and every entry, byte for byte,
//! the signed snapshot the history serves.

use std::collections::HashMap;

use signed_note::{Note, StandardVerifier, VerifierList};
use tlog_tiles::{
    Checkpoint, Hash, TileHashReader, TileReader, check_record, check_tree, prove_record,
    prove_tree, record_hash, tree_hash,
};

use crate::helpers::*;

/// Tiles fetched over HTTP beforehand, served to `tlog_tiles` by its own (Go `sumdb`)
/// path spelling, which puts the height first: `tile/8/0/000.p/5` is `/log/tile/0/000.p/5`.
struct Fetched(HashMap<String, Vec<u8>>);

impl TileReader for Fetched {
    fn height(&self) -> u8 {
        8
    }

    fn read_tiles(&self, tiles: &[tlog_tiles::Tile]) -> Result<Vec<Vec<u8>>, tlog_tiles::Error> {
        tiles
            .iter()
            .map(|t| {
                let path = t.path().replacen("tile/8/", "", 1);
                self.0
                    .get(&path)
                    .cloned()
                    .ok_or(tlog_tiles::Error::InvalidTile)
            })
            .collect()
    }

    fn save_tiles(&self, _tiles: &[tlog_tiles::Tile], _data: &[Vec<u8>]) {}
}

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    client().get(server.url(path)).send().await.unwrap()
}

async fn bytes(server: &TestServer, path: &str) -> Vec<u8> {
    let res = get(server, path).await;
    assert_eq!(res.status(), 200, "{path}");
    res.bytes().await.unwrap().to_vec()
}

/// The checkpoint, verified with the verifier key: (origin, size, root hash).
async fn checkpoint(server: &TestServer, vkey: &str) -> (String, u64, Hash) {
    let res = get(server, "/log/checkpoint").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=5",
        "a checkpoint is fresh for seconds"
    );
    let note = res.bytes().await.unwrap();
    let note = Note::from_bytes(&note).unwrap();
    let verifier = StandardVerifier::new(vkey).unwrap();
    let (verified, _) = note
        .verify(&VerifierList::new(vec![Box::new(verifier)]))
        .unwrap();
    assert_eq!(verified.len(), 1);
    let checkpoint = Checkpoint::from_bytes(note.text()).unwrap();
    (
        checkpoint.origin().to_owned(),
        checkpoint.size(),
        *checkpoint.hash(),
    )
}

#[tokio::test]
async fn the_log_verifies_with_tools_chorus_does_not_contain() {
    let d = dirs();
    let server = member_server(&d);
    let res = get(&server, "/log/checkpoint").await;
    assert_eq!(res.status(), 404, "nothing published, nothing to sign");

    publish(&server, 1).await;
    let (ok, out, err) = cli(&server.data_dir, &["keys", "publication"], "");
    assert!(ok, "{err}");
    let vkey = out
        .lines()
        .find_map(|l| l.strip_prefix("log verifier key: "))
        .unwrap()
        .trim()
        .to_owned();
    assert!(vkey.starts_with("localhost/log+"), "{vkey}");
    let (origin, old_size, old_root) = checkpoint(&server, &vkey).await;
    assert_eq!(origin, "localhost/log");
    assert!(old_size >= 1);

    publish(&server, 2).await;
    publish(&server, 3).await;
    let (_, size, root) = checkpoint(&server, &vkey).await;
    let history = get_json(&server, "/api/v1/counts/history").await;
    let seqs: Vec<u64> = history["snapshots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(size, seqs.len() as u64, "every signed snapshot is an entry");
    assert!(size > old_size);

    // The entries: each the history's signed snapshot, byte for byte.
    let entries_path = format!("/log/tile/entries/000.p/{size}");
    let res = get(&server, &entries_path).await;
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let bundle = res.bytes().await.unwrap().to_vec();
    let mut entries = Vec::new();
    let mut rest = bundle.as_slice();
    while !rest.is_empty() {
        let len = u16::from_be_bytes([rest[0], rest[1]]) as usize;
        entries.push(rest[2..2 + len].to_vec());
        rest = &rest[2 + len..];
    }
    assert_eq!(entries.len() as u64, size);
    for (entry, seq) in entries.iter().zip(&seqs) {
        let served = bytes(&server, &format!("/api/v1/counts/history/{seq}")).await;
        assert_eq!(entry, &served, "entry for snapshot {seq}");
    }

    // The hashes: the level-0 tile, checked against the signed root by `tlog_tiles`.
    let hashes_path = format!("0/000.p/{size}");
    let tile = bytes(&server, &format!("/log/tile/{hashes_path}")).await;
    for (i, entry) in entries.iter().enumerate() {
        assert_eq!(&tile[i * 32..(i + 1) * 32], &record_hash(entry).0[..]);
    }
    let fetched = Fetched(HashMap::from([(hashes_path, tile)]));
    let reader = TileHashReader::new(size, root, &fetched);
    assert_eq!(tree_hash(size, &reader).unwrap(), root);

    // Inclusion of every snapshot, and this log extends the one checkpointed before.
    for (index, entry) in entries.iter().enumerate() {
        let proof = prove_record(size, index as u64, &reader).unwrap();
        check_record(&proof, size, root, index as u64, record_hash(entry)).unwrap();
    }
    let proof = prove_tree(size, old_size, &reader).unwrap();
    check_tree(&proof, size, root, old_size, old_root).unwrap();

    // What the log does not hold is a 404, and each tile has one spelling only.
    for path in [
        format!("/log/tile/0/000.p/{}", size + 1),
        "/log/tile/0/000".to_owned(),
        "/log/tile/1/000.p/1".to_owned(),
        "/log/tile/0/x000/000.p/1".to_owned(),
        "/log/tile/0/0.p/1".to_owned(),
        "/log/tile/entries/001".to_owned(),
    ] {
        assert_eq!(get(&server, &path).await.status(), 404, "{path}");
    }

    // A restart rebuilds the same tree and signs the same checkpoint (Ed25519 is
    // deterministic): a client polling across it sees nothing move.
    let before = bytes(&server, "/log/checkpoint").await;
    let server = server.restart(d.logs.path());
    assert_eq!(bytes(&server, "/log/checkpoint").await, before);
}

/// A free port on loopback, so a server's URL is known before it starts (a witness's and a
/// member's configuration name each other).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One line of `chorus keys …` output after `prefix`, for the deployment at `port`.
fn key_line(data_dir: &std::path::Path, port: u16, what: &str, prefix: &str) -> String {
    let url = format!("http://127.0.0.1:{port}");
    let (ok, out, err) = cli_with(
        data_dir,
        &[("CHORUS_PUBLIC_URL", &url)],
        &["keys", what],
        "",
    );
    assert!(ok, "{err}");
    out.lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap()
        .trim()
        .to_owned()
}

/// The cosignature lines of a checkpoint note that verify with `vkey`.
fn cosigned_by(note: &str, vkey: &str) -> usize {
    let witness = chorus::crypto::cosignature::WitnessVerifier::parse(vkey).unwrap();
    let (text, signatures) = note.split_at(note.rfind("\n\n").unwrap() + 1);
    signatures
        .lines()
        .filter(|l| witness.verify(text, l).is_ok())
        .count()
}

#[tokio::test]
async fn two_deployments_witness_each_other_and_a_fork_is_refused() {
    let (da, db) = (dirs(), dirs());
    let (pa, pb) = (free_port(), free_port());
    let env = |port: u16| {
        vec![
            ("CHORUS_BIND".to_owned(), format!("127.0.0.1:{port}")),
            (
                "CHORUS_PUBLIC_URL".to_owned(),
                format!("http://127.0.0.1:{port}"),
            ),
            ("CHORUS_PUBLISH_INTERVAL_SECS".to_owned(), "0".to_owned()),
            ("CHORUS_MIN_CELL".to_owned(), "1".to_owned()),
        ]
    };
    let start = |d: &Dirs, port: u16| {
        let env = env(port);
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        ready_server(d, &env).0
    };
    let (a, b) = (start(&da, pa), start(&db, pb));
    publish(&a, 1).await;
    publish(&b, 1).await;
    let key_of = |d: &Dirs, p| key_line(d.data.path(), p, "publication", "publication key: ");
    let witness_of = |d: &Dirs, p| key_line(d.data.path(), p, "witness", "witness key: ");
    let (vkey_a, vkey_b) = (
        key_line(da.data.path(), pa, "publication", "log verifier key: "),
        key_line(db.data.path(), pb, "publication", "log verifier key: "),
    );
    assert!(
        vkey_a.starts_with(&format!("127.0.0.1:{pa}/log+")),
        "{vkey_a}"
    );
    let (wa, wb) = (witness_of(&da, pa), witness_of(&db, pb));
    assert!(wb.starts_with(&format!("127.0.0.1:{pb}/witness+")), "{wb}");
    // Each follows the other and asks it to witness its log.
    for (d, peer, peer_key, peer_witness) in [
        (&da, pb, key_of(&db, pb), &wb),
        (&db, pa, key_of(&da, pa), &wa),
    ] {
        std::fs::write(
            d.logs.path().join("chorus.toml"),
            format!(
                "[[federation]]\nname = \"peer\"\nurl = \"http://127.0.0.1:{peer}\"\npublic_key = \"{peer_key}\"\n\n\
                 [[witness]]\nname = \"peer\"\nurl = \"http://127.0.0.1:{peer}/witness\"\nvkey = \"{peer_witness}\"\n"
            ),
        )
        .unwrap();
    }
    let a = a.restart(da.logs.path());
    let b = b.restart(db.logs.path());

    // After the restart each asks the other: A's checkpoint carries B's cosignature.
    let cosigned = |server: &TestServer, vkey: String, witness: String| {
        let url = server.url("/log/checkpoint");
        let log_path = server.log_path.clone();
        async move {
            for _ in 0..100 {
                let note = client()
                    .get(&url)
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                if cosigned_by(&note, &witness) == 1 {
                    let note = signed_note::Note::from_bytes(note.as_bytes()).unwrap();
                    let verifier = StandardVerifier::new(&vkey).unwrap();
                    let (verified, unverified) = note
                        .verify(&VerifierList::new(vec![Box::new(verifier)]))
                        .unwrap();
                    assert_eq!((verified.len(), unverified.len()), (1, 1));
                    return Checkpoint::from_bytes(note.text()).unwrap().size();
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            let tail: Vec<&str> = log
                .lines()
                .filter(|l| !l.contains("/log/checkpoint"))
                .collect();
            panic!("never cosigned: {url}\n{}", tail.join("\n"));
        }
    };
    let size = cosigned(&a, vkey_a.clone(), wb.clone()).await;
    cosigned(&b, vkey_b.clone(), wa.clone()).await;

    // A publishes again: B cosigns the grown log, from the size it cosigned before.
    publish(&a, 2).await;
    let mut grown = size;
    for _ in 0..100 {
        grown = cosigned(&a, vkey_a.clone(), wb.clone()).await;
        if grown > size {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(grown > size, "the grown log was cosigned");

    // An aggregator that needs one cosignature from B's witness key: A's log (cosigned by
    // B) is summed; B's log (cosigned only by A, whom it does not count) is refused.
    let dc = dirs();
    std::fs::write(
        dc.logs.path().join("chorus.toml"),
        format!(
            "[[federation]]\nname = \"a\"\nurl = \"http://127.0.0.1:{pa}\"\npublic_key = \"{}\"\n\n\
             [[federation]]\nname = \"b\"\nurl = \"http://127.0.0.1:{pb}\"\npublic_key = \"{}\"\n\n\
             [[witness]]\nname = \"b\"\nurl = \"http://127.0.0.1:{pb}/witness\"\nvkey = \"{wb}\"\n",
            key_of(&da, pa),
            key_of(&db, pb)
        ),
    )
    .unwrap();
    let aggregator = ready_server(
        &dc,
        &[
            ("CHORUS_FEDERATION_INTERVAL_SECS", "1"),
            ("CHORUS_WITNESS_QUORUM", "1"),
        ],
    )
    .0;
    let state_of = |view: &serde_json::Value, name: &str| {
        let m = view["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == name)
            .unwrap()
            .clone();
        (
            m["state"].as_str().unwrap_or("").to_owned(),
            m["reason"].as_str().unwrap_or("").to_owned(),
        )
    };
    let mut view = serde_json::Value::Null;
    for _ in 0..150 {
        view = get_json(&aggregator, "/api/v1/federation").await;
        if state_of(&view, "a").0 == "ok" && state_of(&view, "b").1 == "quorum" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        state_of(&view, "a"),
        ("ok".to_owned(), String::new()),
        "{view}"
    );
    assert_eq!(
        state_of(&view, "b"),
        ("failed".to_owned(), "quorum".to_owned()),
        "{view}"
    );
    assert_eq!(
        view["sum"]["statements"], 3,
        "only A's three statements: {view}"
    );
    let held: i64 = scalar(
        &aggregator.db(),
        "SELECT log_size FROM federation_seen WHERE name = 'a'",
    );
    assert_eq!(
        held as u64, grown,
        "the log verified is kept for the next check"
    );
    let html = page_text(&aggregator, "/federation").await;
    assert!(
        html.contains("at least one witness must have cosigned"),
        "{html}"
    );
    assert!(
        html.contains("not cosigned by enough of this site"),
        "{html}"
    );

    // A fork: A's own key signs another root at the size B cosigned. B refuses it (409,
    // naming the size it holds); a fork that grew fails the consistency proof (422).
    let seed: Vec<u8> = scalar(
        &a.db(),
        "SELECT value FROM settings WHERE name = 'publication_key_seed'",
    );
    let key = chorus::crypto::publication::PublicationKey::from_seed(&seed).unwrap();
    let origin = format!("127.0.0.1:{pa}/log");
    let forged = |size: u64| {
        let text = format!("{origin}\n{size}\n{}\n", base64_of(&[7u8; 32]));
        chorus::crypto::note::sign(&key, &origin, &text).unwrap()
    };
    let witness_url = b.url("/witness/add-checkpoint");
    let post = |body: String| {
        let url = witness_url.clone();
        async move {
            let res = client().post(&url).body(body).send().await.unwrap();
            let status = res.status().as_u16();
            (status, res.text().await.unwrap())
        }
    };
    let (status, body) = post(format!("old {grown}\n\n{}", forged(grown))).await;
    assert_eq!((status, body), (409, format!("{grown}\n")));
    let (status, _) = post(format!(
        "old {grown}\n{}\n\n{}",
        base64_of(&[1u8; 32]),
        forged(grown + 1)
    ))
    .await;
    assert_eq!(status, 422, "a fork that grew is not consistent");
    let (status, _) = post(format!("old 0\n\n{}", forged(grown + 1))).await;
    assert_eq!(status, 409, "an old size that is not the one cosigned");
    // Nobody else's log, nor a note that is not signed by A's key.
    let stranger = chorus::crypto::publication::PublicationKey::generate().unwrap();
    let text = format!("{origin}\n1\n{}\n", base64_of(&[7u8; 32]));
    let unsigned = chorus::crypto::note::sign(&stranger, &origin, &text).unwrap();
    assert_eq!(post(format!("old {grown}\n\n{unsigned}")).await.0, 403);
    let elsewhere = chorus::crypto::note::sign(
        &key,
        "elsewhere.example/log",
        &text.replace(&origin, "elsewhere.example/log"),
    )
    .unwrap();
    assert_eq!(post(format!("old 0\n\n{elsewhere}")).await.0, 404);
    assert_eq!(post("hello".to_owned()).await.0, 400);
    // What B cosigned did not move.
    let held: i64 = scalar(
        &b.db(),
        &format!("SELECT size FROM witnessed WHERE origin = '{origin}'"),
    );
    assert_eq!(held as u64, grown);
    // After checking with A (say it restored an old backup), B's operator forgets what it
    // cosigned of A's log; B's configuration names A as `peer`.
    let config = db.logs.path().join("chorus.toml");
    let (ok, out, err) = cli_with(
        db.data.path(),
        &[("CHORUS_CONFIG", config.to_str().unwrap())],
        &["federation", "unwitness", "peer"],
        "",
    );
    assert!(ok && out.contains("forgot"), "{out} {err}");
    let left: i64 = scalar(&b.db(), "SELECT count(*) FROM witnessed");
    assert_eq!(left, 0);
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
