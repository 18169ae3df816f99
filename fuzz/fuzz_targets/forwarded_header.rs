//! The proxy's `X-Forwarded-For` and `Forwarded` headers decide which network's budget a
//! request spends: parsing them must never panic on whatever a client sends, and nothing a
//! client puts before the proxy's own last entry may change the address found.
#![no_main]

use chorus::web::client_network::{last_forwarded, last_forwarded_for, prefix};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for found in [last_forwarded_for(text), last_forwarded(text)].into_iter().flatten() {
        let _ = prefix(found);
    }
    // Input "junk\0entry": the client's junk, then the proxy's entry.
    if let Some((junk, entry)) = text.split_once('\0') {
        if !entry.contains(',') {
            let joined = format!("{junk},{entry}");
            assert_eq!(last_forwarded_for(&joined), last_forwarded_for(entry));
            assert_eq!(last_forwarded(&joined), last_forwarded(entry));
        }
    }
});
