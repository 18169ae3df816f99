//! The command line. `main.rs` only parses and calls [`run`]; every command's work lives in
//! the library so it is tested the same way.

#![allow(clippy::print_stdout, clippy::print_stderr)] // reason: this module is the CLI's voice

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::{Role, Username};
use crate::review::staff_admin::Member;
use crate::review::{Actor, Desk};
use crate::services::Services;

/// Chorus: a place to say "me too" without giving any identity.
///
/// Configuration comes from built-in defaults, then `chorus.toml` (or --config), then
/// CHORUS_* environment variables: CHORUS_DATA_DIR, CHORUS_BACKUP_DIR, CHORUS_BIND, CHORUS_PUBLIC_URL,
/// CHORUS_PUBLISH_INTERVAL_SECS, CHORUS_MIN_CELL, CHORUS_NOISE_EPSILON, CHORUS_COUNT_POLICY,
/// CHORUS_RATE_LIMITS, CHORUS_NETWORK_BURST, CHORUS_TRUSTED_PROXY, CHORUS_MIN_FREE_MIB,
/// CHORUS_ARGON2_MEMORY_KIB, CHORUS_DEFAULT_LANGUAGE, CHORUS_LANGUAGES, CHORUS_INTAKE,
/// CHORUS_FEDERATION_INTERVAL_SECS, CHORUS_FEDERATION_STALE_DAYS, CHORUS_FEDERATION_PROXY,
/// CHORUS_LOG. Federation members are `[[federation]]` entries in the file.
///
/// Staff alerts ("something is waiting", never what): CHORUS_NOTIFY_SMTP_URL
/// (smtps://user:pass@host:465, or smtp://… with STARTTLS; plain only to loopback),
/// CHORUS_NOTIFY_TO (comma-separated), CHORUS_NOTIFY_FROM, CHORUS_NOTIFY_WEBHOOK (https, or
/// http to loopback), CHORUS_NOTIFY_WEBHOOK_TOPIC, CHORUS_NOTIFY_INTERVAL_SECS (default
/// 86400, at least 3600 off loopback), CHORUS_NOTIFY_HOUR (UTC, default 8),
/// CHORUS_NOTIFY_DETAIL (none or counts).
#[derive(Parser, Debug)]
#[command(name = "chorus", version, about, long_about)]
pub struct Cli {
    /// Configuration file. Default: ./chorus.toml, else /etc/chorus/chorus.toml (the Debian
    /// package's), whichever exists first; else built-in defaults.
    #[arg(long, global = true, value_name = "FILE", env = "CHORUS_CONFIG")]
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
    /// With --keep N, PATH is a directory: the copy is DIR/chorus-<UTC time>.db and all but
    /// the newest N of those files are deleted (nothing else in DIR is touched).
    Backup {
        /// Keep the newest N backups in the directory PATH (the packaged timer keeps 14).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        keep: Option<u32>,
        /// Where to write the backup (a new file), or the directory with --keep.
        path: PathBuf,
    },
    /// Put a backup back: refused while a server or another command uses the data dir. The
    /// file is checked (integrity, a Chorus schema this version can migrate) before anything
    /// is replaced; the current database is kept aside as chorus.db.before-restore-<UTC time>.
    /// Over a later state of the same deployment, what happened since is kept: published
    /// counts and their noise, withdrawals and deletions, staff disabled (keys then rotate).
    Restore {
        /// A file written by `chorus backup`.
        file: PathBuf,
        /// Restore even if the current database cannot be read: then nothing that happened
        /// since the backup (withdrawals, staff disabled, counts published) is kept.
        #[arg(long)]
        without_current: bool,
        /// Bring back statements withdrawn or deleted since the backup (by default they
        /// stay gone: a survivor who withdrew must not find their words back).
        #[arg(long)]
        keep_deleted: bool,
    },
    /// Print a fresh one-time link (24 h) for setting up the first admin, while there is
    /// none: for a server whose output nobody reads (a systemd service). Earlier links stop
    /// working.
    SetupLink,
    /// Check this deployment: one line per check, ok / warn / fail; exits non-zero on any
    /// fail. Reads only. Run it as the service's user (`sudo -u chorus chorus doctor`).
    Doctor,
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
    /// The deployments this one adds up (`[[federation]]` in the configuration).
    Federation {
        #[command(subcommand)]
        action: FederationAction,
    },
}

#[derive(Subcommand, Debug)]
pub enum FederationAction {
    /// Forget what was verified of member NAME, and any rewritten history on file: its next
    /// signed snapshot is trusted afresh. Only after checking with that member (a new key, a
    /// restore from an old backup).
    Forget { name: String },
    /// Forget what this deployment, as a witness, cosigned of member NAME's log: its next
    /// checkpoint is cosigned afresh. Only after checking with that member (a restore from
    /// an old backup rewinds its log, and this witness then refuses it).
    Unwitness { name: String },
}

#[derive(Subcommand, Debug)]
pub enum ReviewerAction {
    /// List staff (role, state, whether they hold every epoch key, key fingerprint) and
    /// open invitations.
    List,
    /// Print a one-time invitation link (24 h) for a new staff member.
    Invite {
        username: String,
        /// reviewer (reads and triages) or admin (also manages staff, keys, exports).
        #[arg(long, default_value = "reviewer", value_parser = parse_role)]
        role: Role,
    },
    /// Disable an account: its grants are deleted and keys rotate to a new epoch.
    Disable { username: String },
    /// Withdraw the open invitations for a username: their links open nothing any more.
    Revoke { username: String },
    /// Clear a login lockout (works while the server runs).
    Unlock { username: String },
}

#[derive(Subcommand, Debug)]
pub enum KeysAction {
    /// Start a new epoch: new submissions are sealed to a fresh key, sealed in turn to every
    /// active staff member and the recovery key. Needs no login.
    Rotate,
    /// Print the publication key (made now if this site has not published yet): federation
    /// members put it in their `[[federation]]` entry for this site. Also prints it as the
    /// transparency log's verifier key (C2SP signed-note), for tlog clients and witnesses.
    Publication,
    /// Print this deployment's witness key (made now if it has none yet): federation peers
    /// put it in a `[[witness]]` entry so this deployment cosigns their log's checkpoints.
    Witness,
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

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| "choose reviewer or admin".to_owned())
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
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Doctor = command {
        return doctor(&config, cli.config.as_deref());
    }
    if let Some(owner) = crate::doctor::root_on_foreign_dir(&config.data_dir) {
        return fail(format!(
            "{} belongs to {owner}; files root made there would lock the service out of its own \
             data. Run this as that user, e.g. `sudo -u {owner} chorus ...`",
            config.data_dir.display()
        ));
    }
    // Every command that opens the database says so, so a restore never runs under it.
    let _using = match &command {
        Command::Serve | Command::Restore { .. } | Command::Doctor => None,
        Command::Backup { .. } if !config.data_dir.exists() => None,
        _ => {
            if let Err(e) = crate::store::connection::create_private_dir(&config.data_dir) {
                return fail(format!("cannot create {}: {e}", config.data_dir.display()));
            }
            match crate::store::server_lock::DataDirLock::command(&config.data_dir) {
                Ok(lock) => Some(lock),
                Err(e) => return fail(e),
            }
        }
    };
    match command {
        Command::Serve => serve(config),
        Command::Backup { keep: None, path } => {
            match crate::backup::backup(&config.database_path(), &path) {
                Ok(()) => {
                    println!("backup written to {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("backup failed: {e}")),
            }
        }
        Command::Backup {
            keep: Some(keep),
            path,
        } => backup_rotating(&config, &path, keep),
        Command::Restore {
            file,
            without_current,
            keep_deleted,
        } => restore(
            &config,
            &file,
            crate::restore::Options {
                without_current,
                keep_deleted,
            },
        ),
        Command::Purge if config.retention_days == 0 => {
            println!("retention is off (retention_days = 0): nothing to purge");
            ExitCode::SUCCESS
        }
        // Everything else is a staff action: the same `Desk` methods the web calls.
        command => match Operator::open(&config, Config::file_in_use(cli.config.as_deref())) {
            Ok(operator) => operator.run(command, &config),
            Err(code) => code,
        },
    }
}

/// The staff service for one command, on a small runtime of its own.
struct Operator {
    runtime: tokio::runtime::Runtime,
    /// The configuration file in use, if any.
    config_file: Option<PathBuf>,
    desk: std::sync::Arc<Desk>,
    publisher: std::sync::Arc<crate::publish::Publisher>,
    federation: std::sync::Arc<crate::federation::Federation>,
    witness: std::sync::Arc<crate::witness::Witness>,
}

impl Operator {
    fn open(config: &Config, config_file: Option<PathBuf>) -> Result<Operator, ExitCode> {
        let services = Services::open(config, Clock::system()).map_err(|e| {
            fail(format!(
                "cannot open {}: {e}",
                config.database_path().display()
            ))
        })?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| fail(format!("cannot start: {e}")))?;
        Ok(Operator {
            runtime,
            config_file,
            desk: services.desk,
            publisher: services.publisher,
            federation: services.federation,
            witness: services.witness,
        })
    }

    fn run(&self, command: Command, config: &Config) -> ExitCode {
        let desk = &self.desk;
        match command {
            Command::Init {
                admin_user,
                password_stdin: _,
                json,
            } => self.init(&admin_user, json),
            Command::Keys {
                action: KeysAction::Rotate,
            } => match self.runtime.block_on(desk.rotate(Actor::CLI)) {
                Ok(id) => {
                    println!("new epoch {id} is now used for new submissions");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("rotation failed: {e}")),
            },
            Command::Keys {
                action: KeysAction::Recover { new_admin },
            } => self.recover(&new_admin),
            Command::Keys {
                action: KeysAction::Publication,
            } => match self.runtime.block_on(async {
                Ok::<_, crate::publish::PublishError>((
                    self.publisher.publication_key().await?,
                    self.publisher.verifier_key().await?,
                ))
            }) {
                Ok((key, vkey)) => {
                    println!("publication key: {key}");
                    println!(
                        "fingerprint:     {}",
                        crate::crypto::publication::fingerprint(&key)
                    );
                    println!("log verifier key: {vkey}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("cannot read the publication key: {e}")),
            },
            Command::Keys {
                action: KeysAction::Witness,
            } => match self.runtime.block_on(self.witness.verifier_key()) {
                Ok(vkey) => {
                    println!("witness key: {vkey}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("cannot read the witness key: {e}")),
            },
            Command::Reviewer { action } => self.reviewer(action, config),
            Command::Federation {
                action: FederationAction::Unwitness { name },
            } => match self.runtime.block_on(self.witness.forget(&name)) {
                Ok(true) => {
                    println!(
                        "forgot what was cosigned of {name}'s log: its next checkpoint is cosigned afresh"
                    );
                    ExitCode::SUCCESS
                }
                Ok(false) => {
                    println!("nothing was on file for {name}'s log");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("cannot forget {name}'s log: {e}")),
            },
            Command::Federation {
                action: FederationAction::Forget { name },
            } => match self.runtime.block_on(self.federation.forget(&name)) {
                Ok(true) => {
                    println!("forgot {name}: its next signed snapshot is trusted afresh");
                    ExitCode::SUCCESS
                }
                Ok(false) => {
                    println!("nothing was on file for {name}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("cannot forget {name}: {e}")),
            },
            Command::Purge => match self.runtime.block_on(desk.purge_expired(Actor::CLI)) {
                Ok(n) => {
                    let days = config.retention_days;
                    println!("deleted {n} testimonies received more than {days} days ago");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("purge failed: {e}")),
            },
            Command::Audit {
                action: AuditAction::Verify,
            } => match self.runtime.block_on(desk.verify_audit_chain(Actor::CLI)) {
                Ok(check) => match check.verdict {
                    Ok(n) => {
                        println!("audit log intact: {n} entries");
                        if let Some(head) = check.head {
                            println!(
                                "head: {head} (note it down elsewhere: a later head that is an earlier entry's hash means entries were cut from the end)"
                            );
                        }
                        ExitCode::SUCCESS
                    }
                    Err(bad) => fail(format!(
                        "audit log broken at entry {} (expected entry {} there)",
                        bad.seq, bad.expected_seq
                    )),
                },
                Err(e) => fail(format!("cannot read the audit log: {e}")),
            },
            Command::SetupLink => self.setup_link(config),
            Command::Serve | Command::Backup { .. } | Command::Restore { .. } | Command::Doctor => {
                fail("internal: this command does not use the staff service")
            }
        }
    }

    fn init(&self, admin_user: &str, json: bool) -> ExitCode {
        // It holds the passphrase and the recovery key: keep them out of core dumps too.
        crate::hardening::harden_process();
        let password = match read_secret_line(&mut std::io::stdin().lock()) {
            Some(p) => p,
            None => return fail("could not read the passphrase from stdin"),
        };
        let password = SecretString::from(password.as_str().to_owned());
        let shown = match self
            .runtime
            .block_on(self.desk.set_up_from_cli(admin_user, password))
        {
            Ok(shown) => shown,
            Err(e) => return fail(e),
        };
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
            println!(
                "RECOVERY KEY — shown once, never stored. Print it or write it down and keep it"
            );
            println!(
                "offline and safe: with it, `chorus keys recover` can restore access if every"
            );
            println!(
                "admin is lost. Anyone who has it and a copy of the database can read everything."
            );
            println!();
            println!("    {}", shown.recovery_key.as_str());
        }
        ExitCode::SUCCESS
    }

    fn reviewer(&self, action: ReviewerAction, config: &Config) -> ExitCode {
        let desk = &self.desk;
        match action {
            ReviewerAction::List => match self.runtime.block_on(async {
                Ok::<_, crate::review::ReviewError>((
                    desk.staff_list(Actor::CLI).await?,
                    desk.open_invitations(Actor::CLI).await?,
                ))
            }) {
                Ok((members, invited)) => {
                    println!(
                        "{:<24} {:<9} {:<20} key fingerprint",
                        "username", "role", "state"
                    );
                    for m in members {
                        let state = if !m.active {
                            "disabled"
                        } else if m.locked {
                            "locked"
                        } else if m.granted {
                            "active"
                        } else {
                            "waiting for a grant"
                        };
                        println!(
                            "{:<24} {:<9} {:<20} {}",
                            m.username,
                            m.role.as_str(),
                            state,
                            m.fingerprint
                        );
                    }
                    for (username, role, expires) in invited {
                        let until = time::OffsetDateTime::from_unix_timestamp(expires)
                            .map(|t| {
                                crate::clock::day_string(t.date())
                                    + &format!(" {:02}:{:02} UTC", t.hour(), t.minute())
                            })
                            .unwrap_or_default();
                        println!(
                            "{:<24} {:<9} {:<20} invitation open until {until}",
                            username,
                            role.as_str(),
                            "invited"
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            },
            ReviewerAction::Invite { username, role } => {
                match self.runtime.block_on(desk.invite(
                    Actor::CLI,
                    &Username::typed(&username),
                    role,
                )) {
                    Ok(token) => {
                        println!(
                            "One-time invitation link (24 hours; shown only now):\n\n    {}/review/invite/{}\n",
                            link_base(config),
                            token.as_str()
                        );
                        if config.public_url.is_none() {
                            println!("{}", unset_public_url_note(config));
                        }
                        println!("After they enrol, an admin grants access from /review/admin.");
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(e),
                }
            }
            ReviewerAction::Revoke { username } => {
                match self
                    .runtime
                    .block_on(desk.revoke_invitation(Actor::CLI, &Username::typed(&username)))
                {
                    Ok(()) => {
                        println!(
                            "The invitation for {username} is withdrawn; its link opens nothing."
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(e),
                }
            }
            ReviewerAction::Disable { username } => {
                let member = Member::Username(Username::typed(&username));
                match self.runtime.block_on(desk.disable(Actor::CLI, member)) {
                    Ok(_) => {
                        println!(
                            "{username} is disabled; a new epoch key is in use (a running server ends their sessions within a minute)"
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(e),
                }
            }
            ReviewerAction::Unlock { username } => {
                match self
                    .runtime
                    .block_on(desk.unlock(Actor::CLI, &Username::typed(&username)))
                {
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

    fn setup_link(&self, config: &Config) -> ExitCode {
        match self.runtime.block_on(self.desk.issue_setup_link()) {
            Ok(Some(token)) => {
                // Which file chose the address matters: open the link only if it is yours.
                println!(
                    "Configuration: {}; data: {}",
                    self.config_file.as_deref().map_or_else(
                        || "built-in defaults".to_owned(),
                        |p| p.display().to_string()
                    ),
                    config.data_dir.display()
                );
                println!(
                    "One-time link to set up the first admin (24 hours; shown only now; earlier \
                     links no longer work):\n\n    {}/setup/{}\n",
                    link_base(config),
                    token.as_str()
                );
                if config.public_url.is_none() {
                    println!("{}", unset_public_url_note(config));
                }
                ExitCode::SUCCESS
            }
            Ok(None) => fail(
                "an admin already exists, so a set-up link would open nothing. To add staff: \
                 `chorus reviewer invite NAME --role admin`. If every admin is lost: \
                 `chorus keys recover --new-admin NAME` with the offline recovery key.",
            ),
            Err(e) => fail(e),
        }
    }

    fn recover(&self, new_admin: &str) -> ExitCode {
        // It holds the recovery secret and every epoch key: keep them out of core dumps.
        crate::hardening::harden_process();
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let (Some(recovery_line), Some(password)) =
            (read_secret_line(&mut lock), read_secret_line(&mut lock))
        else {
            return fail("could not read the recovery key and passphrase from stdin");
        };
        let recovery_secret = match crate::crypto::recovery::decode(&recovery_line) {
            Ok(k) => k,
            Err(_) => return fail("that is not a valid recovery key (check for typos)"),
        };
        let password = SecretString::from(password.as_str().to_owned());
        match self
            .runtime
            .block_on(self.desk.recover(recovery_secret, new_admin, password))
        {
            Ok(shown) => {
                println!(
                    "Admin `{}` can now log in (key fingerprint {}).",
                    shown.username, shown.fingerprint
                );
                println!("Add this to their authenticator app: {}", shown.totp_uri);
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        }
    }
}

/// Where links the CLI prints start: the public URL, else the configured address.
fn link_base(config: &Config) -> String {
    match config.public_url.as_deref() {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => format!("http://{}", config.bind),
    }
}

/// The CLI only knows the configured address, not the one the server was started with or
/// the one people use.
fn unset_public_url_note(config: &Config) -> String {
    format!(
        "This link uses the configured address ({}). If people reach Chorus elsewhere (a \
         domain, an onion address, another port), set public_url in chorus.toml or \
         CHORUS_PUBLIC_URL and run this again.\n",
        config.bind
    )
}

fn backup_rotating(config: &Config, dir: &std::path::Path, keep: u32) -> ExitCode {
    let keep = usize::try_from(keep).unwrap_or(usize::MAX);
    let now = Clock::system().now().time();
    match crate::backup::backup_rotating(&config.database_path(), dir, keep, now) {
        Ok(rotated) => {
            println!("backup written to {}", rotated.written.display());
            for old in rotated.removed {
                println!("removed the older {}", old.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("backup failed: {e}")),
    }
}

fn restore(config: &Config, file: &std::path::Path, options: crate::restore::Options) -> ExitCode {
    let now = Clock::system().now().time();
    match crate::restore::restore(&config.data_dir, file, now, options) {
        Ok(restored) => {
            println!(
                "restored {} into {}",
                file.display(),
                config.database_path().display()
            );
            let known = crate::store::connection::latest_version();
            if restored.from_version < known {
                println!(
                    "its schema was brought from version {} to {known}",
                    restored.from_version
                );
            }
            let mut rotate = false;
            match &restored.history {
                crate::restore::History::CarriedOver {
                    disabled_again,
                    gone_since,
                    kept_gone,
                    no_admin_left,
                } => {
                    println!(
                        "the public counts, their noise and signed history were kept as they are \
                         now (what was published is never drawn again)"
                    );
                    match (gone_since, kept_gone) {
                        (0, _) => {}
                        (n, false) => println!(
                            "{n} statement(s) withdrawn or deleted since the backup stay gone \
                             (--keep-deleted brings them back)"
                        ),
                        (n, true) => println!(
                            "{n} statement(s) withdrawn or deleted since the backup are back: \
                             delete again any a survivor withdrew"
                        ),
                    }
                    if !disabled_again.is_empty() {
                        println!(
                            "disabled again (they were disabled after this backup was made): {}",
                            disabled_again.join(", ")
                        );
                        rotate = true;
                    }
                    if *no_admin_left {
                        println!(
                            "no active admin is left in the restored database: make one with \
                             the offline recovery key (`chorus keys recover --new-admin NAME`)"
                        );
                    }
                }
                crate::restore::History::NoCurrentDatabase => {}
                crate::restore::History::BackupIsNewest(reason) => {
                    println!("restored as it is: {reason}");
                }
                crate::restore::History::Lost(reason) => println!(
                    "WARNING: nothing since the backup could be kept ({reason}). Disable again \
                     anyone who left since the backup, then `chorus keys rotate`. Figures \
                     published after the backup will be drawn again with new noise (their \
                     privacy weakens), and federation members will see a rewritten signed \
                     history (`chorus federation forget` on their side)."
                ),
            }
            if let Some(aside) = &restored.kept_aside {
                println!(
                    "the database it replaced is kept as {} (delete it once the restored one is checked)",
                    aside.display()
                );
            }
            if rotate {
                // As disabling does: what arrives from now on is sealed to a key they never held.
                let rotated = Operator::open(config, None).and_then(|operator| {
                    operator
                        .runtime
                        .block_on(operator.desk.rotate(Actor::CLI))
                        .map_err(|e| {
                            fail(format!(
                                "keys were not rotated: {e}; run `chorus keys rotate`"
                            ))
                        })
                });
                match rotated {
                    Ok(id) => println!("new epoch {id}: keys rotated, as after disabling someone"),
                    Err(code) => return code,
                }
            }
            println!(
                "Start the server again (`systemctl start chorus`). Everyone logs in with the \
                 passphrases they had when the backup was made."
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("nothing restored: {e}")),
    }
}

fn doctor(config: &Config, file: Option<&std::path::Path>) -> ExitCode {
    let file = Config::file_in_use(file);
    let now = Clock::system().now().time();
    match &file {
        Some(path) => println!("ok   configuration: {}", path.display()),
        None => println!("ok   configuration: built-in defaults and CHORUS_* variables"),
    }
    let checks = crate::doctor::examine(config, file.as_deref(), now);
    for check in &checks {
        println!(
            "{:<4} {}: {}",
            check.verdict.as_str(),
            check.topic,
            check.detail
        );
    }
    if crate::doctor::any_failed(&checks) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// One line of standard input without its line ending (`--password-stdin`).
fn read_secret_line(input: &mut impl BufRead) -> Option<Zeroizing<String>> {
    let mut line = Zeroizing::new(String::new());
    input.read_line(&mut line).ok()?;
    let trimmed = line.strip_suffix('\n').unwrap_or(&line);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    Some(Zeroizing::new(trimmed.to_owned()))
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
        if app.setup_link().is_some() && std::env::var_os("JOURNAL_STREAM").is_some() {
            // Under systemd this output is kept in the journal: a secret link does not
            // belong there.
            println!(
                "chorus: no admin yet. Run `sudo -u {} chorus setup-link` for a one-time link \
                 to set up the first admin.",
                crate::doctor::current_user()
            );
        } else if let Some(link) = app.setup_link() {
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
