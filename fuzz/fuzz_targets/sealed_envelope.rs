//! Sealed blobs come back from the database (which an attacker with disk access may edit):
//! the header parser, HPKE opening, unpadding and the payload decoder must refuse garbage
//! without panicking.
#![no_main]

use std::sync::OnceLock;

use chorus::crypto::suite::{self, Label, SecretKey};
use chorus::crypto::{padding, testimony};
use libfuzzer_sys::fuzz_target;

fn key() -> &'static SecretKey {
    static KEY: OnceLock<SecretKey> = OnceLock::new();
    KEY.get_or_init(|| SecretKey::from_seed(&[7u8; 32]).expect("a fixed seed makes a key"))
}

fuzz_target!(|blob: &[u8]| {
    let _ = suite::key_id_of(blob);
    let _ = suite::open(key(), Label::Testimony, blob, b"context");
    let _ = testimony::open::<chorus::submission::Testimony>(key(), &[1u8; 16], blob);
    if let Ok(payload) = padding::unpad(blob) {
        assert!(payload.len() <= blob.len());
    }
});
