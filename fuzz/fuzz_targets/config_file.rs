//! `chorus.toml` is read at start: any text must give a configuration or a clear error,
//! never a panic — and whatever parses is then validated without panicking.
#![no_main]

use chorus::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(config) = toml::from_str::<Config>(text) {
        let _ = config.validate();
        let _ = config.public_origin();
        let _ = config.secure_cookies();
    }
});
