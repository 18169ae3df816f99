//! The strict form decoder takes any bytes a client sends: it must answer Ok or a 400,
//! never panic — and what it accepts, percent-encoded again, decodes to the same pairs.
#![no_main]

use chorus::web::form;
use libfuzzer_sys::fuzz_target;

fn encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

fuzz_target!(|body: &[u8]| {
    if let Ok(pairs) = form::decode(body) {
        let again: Vec<String> = pairs
            .iter()
            .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
            .collect();
        let decoded =
            form::decode(again.join("&").as_bytes()).expect("our own encoding reads back");
        assert_eq!(decoded, pairs);
    }
    // The lenient reader that keeps a statement on a broken form never panics either.
    let _ = form::lossy_field(body, "statement");
});
