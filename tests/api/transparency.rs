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
