//! A federation member's answer is outside bytes: reading it as a signed snapshot and
//! checking it against a key must never panic, and nothing unsigned ever opens.
#![no_main]

use chorus::publish::signed::Signed;
use libfuzzer_sys::fuzz_target;

/// A key nobody holds the secret of (the Ed25519 base point's encoding).
const KEY: &str = "5866666666666666666666666666666666666666666666666666666666666666";

fuzz_target!(|bytes: &[u8]| {
    if let Ok(signed) = serde_json::from_slice::<Signed>(bytes) {
        assert!(signed.open(KEY).is_err(), "an unsigned payload opened");
        let _ = signed.open(&signed.public_key);
        let _ = signed.payload_hash();
    }
});
