//! The command line. `main.rs` only parses and calls [`run`]; every command's work lives in
//! the library so it is tested the same way.

#![allow(clippy::print_stdout, clippy::print_stderr)] // reason: this module is the CLI's voice

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::config::Config;
use crate::review::{epochs, setup};
use crate::store::{Store, audit};

/// Chorus: a place to say "me too" without giving any identity.
///
/// Configuration comes from built-in defaults, then `chorus.toml` (or --config), then
/// CHORUS_* environment variables: CHORUS_DATA_DIR, CHORUS_BIND, CHORUS_PUBLIC_URL,
/// CHORUS_PUBLISH_INTERVAL_SECS, CHORUS_MIN_CELL, CHORUS_RATE_LIMITS, CHORUS_ARGON2_MEMORY_KIB.
#[derive(Parser, Debug)]
#[command(name = "chorus", version, about, long_about)]
pub struct Cli {
    /// Configuration file (default: ./chorus.toml when it exists).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the server (what plain `chorus` does). On a new data dir it prints a one-time
    /// link for setting up the first admin.
    Serve,
    /// Set up the first admin without the browser: reads the passphrase from stdin.
    Init {
        /// Username of the first admin.
        #[arg(long)]
        admin_user: String,
        /// Read the passphrase (one line, at least 15 characters) from standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Print {"recovery_key": ..., "totp_uri": ...} as JSON on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the database to PATH (one file that restores everything).
    Backup {
        /// Where to write the backup; must not exist yet.
        path: PathBuf,
    },
    /// Key management.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// The staff audit log.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
}

#[derive(Subcommand, Debug)]
pub enum KeysAction {
    /// Start a new epoch: new submissions are sealed to a fresh key, sealed in turn to every
    /// active staff member and the recovery key. Needs no login.
    Rotate,
}

#[derive(Subcommand, Debug)]
pub enum AuditAction {
    /// Check the hash chain end to end; exits non-zero and names the first bad entry.
    Verify,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("chorus: {message}");
    ExitCode::FAILURE
}

pub fn run(cli: Cli) -> ExitCode {
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(format!("configuration refused: {e}")),
    };
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config),
        Command::Init {
            admin_user,
            password_stdin: _,
            json,
        } => init(config, &admin_user, json),
        Command::Backup { path } => match crate::backup::backup(&config.database_path(), &path) {
            Ok(()) => {
                println!("backup written to {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(format!("backup failed: {e}")),
        },
        Command::Keys {
            action: KeysAction::Rotate,
        } => {
            let store = match open_store(&config) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let at = crate::time_util::now_rfc3339();
            match store.write_blocking(move |conn| epochs::rotate(conn, &at, "cli")) {
                Ok(id) => {
                    println!(
                        "new epoch {} is now used for new submissions",
                        hex::encode(id)
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("rotation failed: {e}")),
            }
        }
        Command::Audit {
            action: AuditAction::Verify,
        } => {
            let store = match open_store(&config) {
                Ok(s) => s,
                Err(code) => return code,
            };
            match store.read_blocking(audit::verify) {
                Ok(Ok(n)) => {
                    println!("audit log intact: {n} entries");
                    ExitCode::SUCCESS
                }
                Ok(Err(bad)) => fail(format!(
                    "audit log broken at entry {} (expected entry {} there)",
                    bad.seq, bad.expected_seq
                )),
                Err(e) => fail(format!("cannot read the audit log: {e}")),
            }
        }
    }
}

fn open_store(config: &Config) -> Result<Store, ExitCode> {
    Store::open(&config.database_path(), config.write_queue).map_err(|e| {
        fail(format!(
            "cannot open {}: {e}",
            config.database_path().display()
        ))
    })
}

fn serve(config: Config) -> ExitCode {
    let failed = crate::hardening::harden_process();
    if !failed.is_empty() {
        tracing::warn!(failed = ?failed, "some process hardening could not be applied");
    }
    let runtime = actix_web::rt::System::new();
    runtime.block_on(async move {
        let app = match crate::Application::build(config).await {
            Ok(app) => app,
            Err(e) => return fail(e),
        };
        println!("chorus: listening on http://{}", app.local_addr());
        if let Some(link) = app.setup_link() {
            println!(
                "chorus: no admin yet. Open this one-time link within 24 hours to set up the \
                 first admin (a restart makes a new one):\n\n    {link}\n"
            );
        }
        match app.run_until_stopped().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(format!("server stopped: {e}")),
        }
    })
}

fn init(config: Config, admin_user: &str, json: bool) -> ExitCode {
    let mut line = Zeroizing::new(String::new());
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return fail("could not read the passphrase from stdin");
    }
    let trimmed = line.strip_suffix('\n').unwrap_or(&line);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    let password = SecretString::from(trimmed.to_owned());
    let store = match open_store(&config) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let totp_secret = match setup::new_totp_secret() {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let (prepared, shown) = match setup::prepare(
        admin_user,
        &password,
        &totp_secret,
        config.argon2_memory_kib,
        "Chorus",
    ) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let at = crate::time_util::now_rfc3339();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    if let Err(e) = store.write_blocking(move |conn| prepared.commit(conn, None, now, &at)) {
        return fail(setup::commit_error(e));
    }
    if json {
        let out = serde_json::json!({
            "recovery_key": shown.recovery_key.as_str(),
            "totp_uri": shown.totp_uri,
        });
        println!("{out}");
    } else {
        println!(
            "Admin `{}` is set up (key fingerprint {}).",
            shown.username, shown.key_fingerprint
        );
        println!("Add this to your authenticator app: {}", shown.totp_uri);
        println!();
        println!("RECOVERY KEY — shown once, never stored. Print it or write it down and keep it");
        println!("offline and safe: with it, `chorus keys recover` can restore access if every");
        println!(
            "admin is lost. Anyone who has it and a copy of the database can read everything."
        );
        println!();
        println!("    {}", shown.recovery_key.as_str());
    }
    ExitCode::SUCCESS
}
