//! What peers and strangers send the transparency log and the witness: tile paths,
//! `add-checkpoint` requests and checkpoint notes are outside bytes. Reading them must never
//! panic, a tile path reads back only as its one canonical spelling, and nothing unsigned
//! is ever cosigned or accepted.
#![no_main]

use chorus::crypto::checkpoint::Checkpoint;
use chorus::crypto::note::{self, VerifierKey};
use chorus::federation::log_check;
use chorus::publish::tile::Tile;
use chorus::witness::decide::{self, AddCheckpoint, Known};
use libfuzzer_sys::fuzz_target;

/// RFC 8032's first test key: a mutated input cannot carry a valid signature for it.
const KEY: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const ORIGIN: &str = "peer.example/log";

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Some(tile) = Tile::parse(text) {
        assert_eq!(tile.path(), text, "a tile has one spelling");
    }
    let _ = Checkpoint::parse(text);
    let Ok(key) = VerifierKey::of_publication_key(ORIGIN, KEY) else {
        return;
    };
    assert!(note::open(text, &key).is_err(), "an unsigned note opened");
    assert!(log_check::checkpoint(text, &key, &[], 0, None).is_err());
    if let Some(request) = AddCheckpoint::parse(text) {
        let log = Known {
            origin: ORIGIN.to_owned(),
            key,
        };
        assert!(decide::decide(&request, &log, None).is_err(), "cosigned unsigned");
    }
});
