//! Integration tests: the real `chorus` binary, a random port, a temp data dir, real HTTP.
//! Each test reads like the promise it proves.

// Test code: a failed unwrap or index is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
// Tests compare against the real clock of the server they started.
#![allow(clippy::disallowed_methods)]

mod at_rest;
mod bad_input;
mod casework;
mod counts;
mod desk;
mod disk_full;
mod durability;
mod fair_intake;
mod faults;
mod federation;
mod headers;
mod helpers;
mod languages;
mod operations;
mod privacy;
mod receipts;
mod sealing;
mod setup;
mod slow_clients;
mod staff;
mod staff_access;
mod staff_admin;
mod survivor_safety;
mod transparency;
