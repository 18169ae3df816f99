//! The `chorus` binary: parse the command line, set up logging, hand over to the library.

#![forbid(unsafe_code)]

use clap::Parser;

fn main() -> std::process::ExitCode {
    chorus::logging::init();
    chorus::cli::run(chorus::cli::Cli::parse())
}
