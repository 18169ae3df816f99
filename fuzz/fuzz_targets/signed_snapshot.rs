//! A federation member's answer is outside bytes: reading it as a signed snapshot and
//! checking it against a key must never panic, and nothing unsigned ever opens.
#![no_main]

use chorus::publish::signed::Signed;
use libfuzzer_sys::fuzz_target;

/// RFC 8032's first test key: a mutated input cannot carry a valid signature for it (that
/// would take computing Ed25519 with its secret).
const KEY: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

fuzz_target!(|bytes: &[u8]| {
    if let Ok(signed) = serde_json::from_slice::<Signed>(bytes) {
        assert!(signed.open(KEY).is_err(), "an unsigned payload opened");
        let _ = signed.open(&signed.public_key);
        let _ = signed.payload_hash();
    }
});
