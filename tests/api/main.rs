//! Integration tests: the real `chorus` binary, a random port, a temp data dir, real HTTP.
//! Each test reads like the promise it proves.

// Test code: a failed unwrap or index is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod at_rest;
mod bad_input;
mod counts;
mod durability;
mod headers;
mod helpers;
mod receipts;
mod sealing;
mod setup;
mod staff;
