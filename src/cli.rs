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
use crate::crypto::suite::PublicKey;
use crate::review::{epochs, keyring, retention, setup, staff_admin};
use crate::store::{Store, audit, connection, keys, staff};

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
    /// Staff accounts.
    Reviewer {
        #[command(subcommand)]
        action: ReviewerAction,
    },
    /// Delete testimonies older than `retention_days` (audited). The server also does this
    /// daily; counts are history and stay.
    Purge,
}

#[derive(Subcommand, Debug)]
pub enum ReviewerAction {
    /// List staff: role, state, whether they hold every epoch key, key fingerprint.
    List,
    /// Print a one-time invitation link (24 h) for a new staff member.
    Invite {
        username: String,
        /// reviewer (reads and triages) or admin (also manages staff, keys, exports).
        #[arg(long, default_value = "reviewer")]
        role: String,
    },
    /// Disable an account: its grants are deleted and keys rotate to a new epoch.
    Disable { username: String },
    /// Clear a login lockout (works while the server runs).
    Unlock { username: String },
}

#[derive(Subcommand, Debug)]
pub enum KeysAction {
    /// Start a new epoch: new submissions are sealed to a fresh key, sealed in turn to every
    /// active staff member and the recovery key. Needs no login.
    Rotate,
    /// Re-grant access to a new admin with the offline recovery key. Reads two lines on
    /// stdin: the recovery key, then the new admin's passphrase. Prints their TOTP URI.
    Recover {
        /// Username of the new admin.
        #[arg(long)]
        new_admin: String,
    },
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
    // Every file any command creates (database, WAL, backups) is private to this user.
    crate::hardening::private_umask();
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
        Command::Keys {
            action: KeysAction::Recover { new_admin },
        } => recover(config, &new_admin),
        Command::Reviewer { action } => reviewer(config, action),
        Command::Purge => purge(config),
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
                    if let Ok(Some(head)) = store.read_blocking(audit::head) {
                        println!(
                            "head: {head} (note it down elsewhere: a later head that is an earlier entry's hash means entries were cut from the end)"
                        );
                    }
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
    for setting in config.test_only_settings() {
        tracing::warn!(
            setting = %setting,
            "TEST SETTING: allowed only because the server is bound to loopback; it can single \
             out survivors if this instance is reachable through a proxy or onion service"
        );
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
    // It holds the passphrase and the recovery key: keep them out of core dumps too.
    crate::hardening::harden_process();
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

fn reviewer(config: Config, action: ReviewerAction) -> ExitCode {
    let store = match open_store(&config) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let at = crate::time_util::now_rfc3339();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    match action {
        ReviewerAction::List => {
            let listed = store.read_blocking(|conn| {
                let mut lines = Vec::new();
                for m in staff::all(conn)? {
                    let state = if !m.active {
                        "disabled"
                    } else if m.locked_until.is_some_and(|t| t > now) {
                        "locked"
                    } else if keys::has_all_grants(conn, &m.id)? {
                        "active"
                    } else {
                        "waiting for a grant"
                    };
                    let fp = PublicKey::from_bytes(&m.public_key)
                        .map(|k| k.fingerprint())
                        .unwrap_or_default();
                    lines.push(format!(
                        "{:<24} {:<9} {:<20} {fp}",
                        m.username, m.role, state
                    ));
                }
                Ok(lines)
            });
            match listed {
                Ok(lines) => {
                    println!(
                        "{:<24} {:<9} {:<20} key fingerprint",
                        "username", "role", "state"
                    );
                    for line in lines {
                        println!("{line}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        ReviewerAction::Invite { username, role } => {
            let invited = store.write_blocking(move |conn| {
                Ok(staff_admin::invite(conn, &username, &role, "cli", now, &at))
            });
            match invited {
                Ok(Ok(token)) => {
                    let base = match config.public_url.as_deref() {
                        Some(url) => url.trim_end_matches('/').to_owned(),
                        None => format!("http://{}", config.bind),
                    };
                    println!(
                        "One-time invitation link (24 hours; shown only now):\n\n    {base}/review/invite/{token}\n"
                    );
                    println!("After they enrol, an admin grants access from /review/admin.");
                    ExitCode::SUCCESS
                }
                Ok(Err(e)) => fail(e),
                Err(e) => fail(e),
            }
        }
        ReviewerAction::Disable { username } => {
            let name = username.trim().to_ascii_lowercase();
            match store
                .write_blocking(move |conn| Ok(staff_admin::disable(conn, &name, "cli", &at)))
            {
                Ok(Ok(_)) => {
                    let _ = store.read_blocking(connection::checkpoint_truncate);
                    println!(
                        "{username} is disabled; a new epoch key is in use (a running server ends their sessions within a minute)"
                    );
                    ExitCode::SUCCESS
                }
                Ok(Err(e)) => fail(e),
                Err(e) => fail(e),
            }
        }
        ReviewerAction::Unlock { username } => {
            let name = username.trim().to_ascii_lowercase();
            let at2 = at.clone();
            let done = store.write_blocking(move |conn| {
                let unlocked = staff::unlock(conn, &name)?;
                if unlocked {
                    audit::append(conn, &at2, "cli", "staff.unlock", &name)?;
                }
                Ok(unlocked)
            });
            match done {
                Ok(true) => {
                    println!("{username} can log in again");
                    ExitCode::SUCCESS
                }
                Ok(false) => fail(format!("no staff member named {username}")),
                Err(e) => fail(e),
            }
        }
    }
}

fn recover(config: Config, new_admin: &str) -> ExitCode {
    // It holds the recovery secret and every epoch key: keep them out of core dumps.
    crate::hardening::harden_process();
    let mut recovery_line = Zeroizing::new(String::new());
    let mut password_line = Zeroizing::new(String::new());
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    if lock.read_line(&mut recovery_line).is_err() || lock.read_line(&mut password_line).is_err() {
        return fail("could not read the recovery key and passphrase from stdin");
    }
    let recovery_secret = match crate::crypto::recovery::decode(&recovery_line) {
        Ok(k) => k,
        Err(_) => return fail("that is not a valid recovery key (check for typos)"),
    };
    let password = password_line.strip_suffix('\n').unwrap_or(&password_line);
    let password = SecretString::from(password.strip_suffix('\r').unwrap_or(password).to_owned());
    let store = match open_store(&config) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let opened =
        match store.read_blocking(|conn| Ok(keyring::open_with_recovery(conn, &recovery_secret))) {
            Ok(Ok(k)) => k,
            Ok(Err(_)) => return fail("this recovery key does not belong to this deployment"),
            Err(e) => return fail(e),
        };
    let totp_secret = match setup::new_totp_secret() {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let member = match setup::new_member(
        new_admin,
        "admin",
        &password,
        &totp_secret,
        config.argon2_memory_kib,
    ) {
        Ok(m) => m,
        Err(e) => return fail(e),
    };
    let uri = match setup::totp_uri(&totp_secret, &member.row.username, "Chorus") {
        Ok(u) => u,
        Err(e) => return fail(e),
    };
    let at = crate::time_util::now_rfc3339();
    let name = member.row.username.clone();
    let fingerprint = member.public.fingerprint();
    // One transaction: the admin, the audit entry and every grant commit together or not at all.
    let done = store.write_blocking(move |conn| {
        if staff::by_username(conn, &member.row.username)?.is_some() {
            return Err(crate::store::StoreError::Conflict(
                "someone already has that username",
            ));
        }
        staff::insert(conn, &member.row, &at)?;
        audit::append(
            conn,
            &at,
            "recovery-key",
            "keys.recover",
            &format!("new admin {}", member.row.username),
        )?;
        staff_admin::grant(conn, &opened, &member.row.id, "recovery-key", &at)
            .map_err(|_| crate::store::StoreError::Conflict("granting the epoch keys failed"))?;
        Ok(())
    });
    match done {
        Ok(()) => {
            let _ = store.read_blocking(connection::checkpoint_truncate);
            println!("Admin `{name}` can now log in (key fingerprint {fingerprint}).");
            println!("Add this to their authenticator app: {uri}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn purge(config: Config) -> ExitCode {
    if config.retention_days == 0 {
        println!("retention is off (retention_days = 0): nothing to purge");
        return ExitCode::SUCCESS;
    }
    let store = match open_store(&config) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let days = config.retention_days;
    let at = crate::time_util::now_rfc3339();
    let now = time::OffsetDateTime::now_utc();
    let purged = store.write_blocking(move |conn| retention::purge(conn, days, now, "cli", &at));
    match purged.and_then(|n| {
        store
            .read_blocking(connection::checkpoint_truncate)
            .map(|()| n)
    }) {
        Ok(n) => {
            println!("deleted {n} testimonies received more than {days} days ago");
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("purge failed: {e}")),
    }
}
