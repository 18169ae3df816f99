//! Receipt codes are typed by people in any shape: parsing forgives case, spacing and
//! punctuation, and must never panic; a code it accepts prints back as one it accepts again.
#![no_main]

use chorus::crypto::receipt::ReceiptCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(code) = ReceiptCode::parse(text) {
        let words = code.words();
        let again = ReceiptCode::parse(&words).expect("a parsed code reads back");
        assert_eq!(again.words().as_str(), words.as_str());
    }
});
