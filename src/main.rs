//! The `chorus` binary: parse the command line, set up logging, hand over to the library.

#![forbid(unsafe_code)]

use clap::Parser;

fn main() -> std::process::ExitCode {
    use std::io::IsTerminal;
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CHORUS_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    chorus::cli::run(chorus::cli::Cli::parse())
}
