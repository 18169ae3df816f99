//! `chorus doctor`: what a part-time admin should know about this deployment, one line per
//! check — `ok`, `warn` or `fail` — and a non-zero exit on any fail. It changes nothing:
//! the database is opened read-only (SQLite may still create its `-wal`/`-shm` companions,
//! as any reader does), and only by the data dir's owner — a root shell would leave
//! root-owned companions the service cannot open.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::config::{Config, Toggle};
use crate::store::{connection, settings, staff};

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Warn,
    Fail,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }
}

/// One line of the report.
#[derive(Debug)]
pub struct Check {
    pub verdict: Verdict,
    pub topic: &'static str,
    pub detail: String,
}

fn check(verdict: Verdict, topic: &'static str, detail: impl Into<String>) -> Check {
    Check {
        verdict,
        topic,
        detail: detail.into(),
    }
}

/// A backup older than this is worth a warning; older than `BACKUP_FAIL_SECS`, a failure.
const BACKUP_WARN_SECS: i64 = 26 * 3600;
const BACKUP_FAIL_SECS: i64 = 7 * 86_400;
/// Below this hard limit the connection cap is low enough to matter.
const OPEN_FILES_WANTED: u64 = 8192;

/// Every check, in the order an admin would fix things.
pub fn examine(
    config: &Config,
    config_file: Option<&Path>,
    now: time::OffsetDateTime,
) -> Vec<Check> {
    let mut checks = Vec::new();
    if let Some(file) = config_file.filter(|f| f.is_file()) {
        checks.push(config_file_mode(config, file));
    }
    let owner_reads = data_dir(config, &mut checks);
    checks.push(free_space(config));
    checks.push(open_files());
    checks.extend(public_address(config));
    checks.push(trusted_proxy(config));
    if let Some(dir) = &config.backup_dir {
        checks.push(backups(dir, now));
    }
    if owner_reads {
        database(config, &mut checks);
    } else {
        checks.push(check(
            Verdict::Warn,
            "database",
            format!(
                "not checked: run doctor as the data dir's owner ({}), e.g. `sudo -u chorus chorus doctor`",
                owner_name(config.data_dir.as_path()).unwrap_or_else(|| "its user".to_owned())
            ),
        ));
    }
    checks
}

/// The name of the user this process runs as (for advice it prints).
pub fn current_user() -> String {
    user_name(effective_uid()).unwrap_or_else(|| "chorus".to_owned())
}

/// The owner of `dir` when this process runs as root and `dir` belongs to someone else:
/// every file root made there (a WAL, a backup) would lock the service out of its own data.
pub fn root_on_foreign_dir(dir: &Path) -> Option<String> {
    let (_, uid) = mode_and_owner(dir).ok()?;
    (effective_uid() == 0 && uid != 0)
        .then(|| user_name(uid).unwrap_or_else(|| format!("uid {uid}")))
}

/// True when any check failed (the exit code).
pub fn any_failed(checks: &[Check]) -> bool {
    checks.iter().any(|c| c.verdict == Verdict::Fail)
}

fn mode_and_owner(path: &Path) -> std::io::Result<(u32, u32)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path)?;
    Ok((meta.mode() & 0o7777, meta.uid()))
}

fn effective_uid() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// The user name of `uid`, from `/etc/passwd` (only for the report).
fn user_name(uid: u32) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id = fields.nth(1)?;
        (id.parse::<u32>().ok()? == uid).then(|| name.to_owned())
    })
}

fn owner_name(path: &Path) -> Option<String> {
    let (_, uid) = mode_and_owner(path).ok()?;
    Some(user_name(uid).unwrap_or_else(|| format!("uid {uid}")))
}

/// The configuration file holds alert credentials: others must not read it.
fn config_file_mode(config: &Config, file: &Path) -> Check {
    let topic = "config file";
    match mode_and_owner(file) {
        Ok((mode, _)) if mode & 0o004 != 0 && has_secrets(config) => check(
            Verdict::Fail,
            topic,
            format!(
                "{} ({mode:04o}) is readable by every user and holds alert credentials: chmod o-r it",
                file.display()
            ),
        ),
        Ok((mode, _)) if mode & 0o004 != 0 => check(
            Verdict::Warn,
            topic,
            format!(
                "{} ({mode:04o}) is readable by every user; 0640 root:chorus keeps credentials you add later private",
                file.display()
            ),
        ),
        Ok((mode, _)) => check(
            Verdict::Ok,
            topic,
            format!("{} ({mode:04o})", file.display()),
        ),
        Err(e) => check(Verdict::Fail, topic, format!("{}: {e}", file.display())),
    }
}

fn has_secrets(config: &Config) -> bool {
    config.notify_smtp_url.is_some() || config.notify_webhook.is_some()
}

/// The data dir must be the service user's alone. Returns true when this process may open
/// the database (it is that user, or the dir does not exist yet).
fn data_dir(config: &Config, checks: &mut Vec<Check>) -> bool {
    let dir = &config.data_dir;
    let topic = "data dir";
    match mode_and_owner(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            checks.push(check(
                Verdict::Warn,
                topic,
                format!(
                    "{} does not exist yet: the server creates it (0700) at first start",
                    dir.display()
                ),
            ));
            true
        }
        Err(e) => {
            checks.push(check(
                Verdict::Fail,
                topic,
                format!("{}: {e}", dir.display()),
            ));
            false
        }
        Ok((mode, uid)) => {
            let owner = user_name(uid).unwrap_or_else(|| format!("uid {uid}"));
            if mode & 0o077 != 0 {
                checks.push(check(
                    Verdict::Fail,
                    topic,
                    format!(
                        "{} is {mode:04o}: group or others can reach the sealed statements; chmod 700 it",
                        dir.display()
                    ),
                ));
            } else {
                checks.push(check(
                    Verdict::Ok,
                    topic,
                    format!("{} (owner {owner}, {mode:04o})", dir.display()),
                ));
            }
            let mine = uid == effective_uid();
            if !mine {
                checks.push(check(
                    Verdict::Warn,
                    "user",
                    format!(
                        "doctor runs as {}, the data dir belongs to {owner}",
                        user_name(effective_uid()).unwrap_or_else(|| "another user".to_owned())
                    ),
                ));
            }
            checks.extend(database_files(dir));
            checks.extend(leftovers(dir));
            checks.push(check(
                Verdict::Ok,
                "server",
                if crate::store::server_lock::DataDirLock::server_running(dir) {
                    "running on this data dir"
                } else {
                    "not running on this data dir"
                },
            ));
            mine
        }
    }
}

/// The database and its WAL must not be readable beyond the owner either.
fn database_files(dir: &Path) -> Option<Check> {
    let loose: Vec<String> = ["chorus.db", "chorus.db-wal", "chorus.db-shm"]
        .iter()
        .filter_map(|name| {
            let (mode, _) = mode_and_owner(&dir.join(name)).ok()?;
            (mode & 0o077 != 0).then(|| format!("{name} ({mode:04o})"))
        })
        .collect();
    (!loose.is_empty()).then(|| {
        check(
            Verdict::Fail,
            "database files",
            format!(
                "readable beyond their owner: {}; chmod 600 them",
                loose.join(", ")
            ),
        )
    })
}

/// Databases a restore set aside, and copies an interrupted restore left: each holds
/// everything a backup does.
fn leftovers(dir: &Path) -> Option<Check> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| {
            (n.starts_with("chorus.db.before-restore-") || n.ends_with(".partial"))
                && !n.ends_with("-shm")
        })
        .collect();
    (!names.is_empty()).then(|| {
        check(
            Verdict::Warn,
            "old copies",
            format!(
                "{} in the data dir (from a restore): delete them once the restored database is checked",
                names.join(", ")
            ),
        )
    })
}

fn free_space(config: &Config) -> Check {
    let topic = "free space";
    let dir = if config.data_dir.exists() {
        config.data_dir.as_path()
    } else {
        config.data_dir.parent().unwrap_or(Path::new("."))
    };
    let reserve = config.min_free_mib;
    match crate::store::space::free_bytes(dir) {
        None => check(
            Verdict::Warn,
            topic,
            "the filesystem does not say how much is free",
        ),
        Some(free) => {
            let free_mib = free / (1024 * 1024);
            if free_mib < reserve {
                check(
                    Verdict::Fail,
                    topic,
                    format!(
                        "{free_mib} MiB free, under min_free_mib = {reserve}: new statements are refused"
                    ),
                )
            } else if free_mib < reserve.saturating_mul(4) {
                check(
                    Verdict::Warn,
                    topic,
                    format!("{free_mib} MiB free; statements are refused below {reserve} MiB"),
                )
            } else {
                check(
                    Verdict::Ok,
                    topic,
                    format!("{free_mib} MiB free (statements are refused below {reserve} MiB)"),
                )
            }
        }
    }
}

fn open_files() -> Check {
    let topic = "open files";
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{Resource, getrlimit};
        match getrlimit(Resource::Nofile).maximum {
            None => check(Verdict::Ok, topic, "no hard limit"),
            Some(hard) if hard < OPEN_FILES_WANTED => check(
                Verdict::Warn,
                topic,
                format!(
                    "hard limit {hard} for this process: a crowd of slow clients meets a low \
                     connection cap; the packaged unit sets LimitNOFILE=65536"
                ),
            ),
            Some(hard) => check(Verdict::Ok, topic, format!("hard limit {hard}")),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        check(Verdict::Warn, topic, "not checked on this system")
    }
}

/// Links, cookies and HSTS follow `public_url`; beyond loopback it must be set, and be
/// https or an onion address.
fn public_address(config: &Config) -> Vec<Check> {
    let topic = "public url";
    let loopback = config.bind.ip().is_loopback();
    let Some(origin) = config.public_origin() else {
        return vec![if loopback {
            check(
                Verdict::Warn,
                topic,
                format!(
                    "not set: links in invitations use http://{}; set public_url to the address people use",
                    config.bind
                ),
            )
        } else {
            check(
                Verdict::Fail,
                topic,
                format!(
                    "not set while bound to {}: set public_url to the https or .onion address people use",
                    config.bind
                ),
            )
        }];
    };
    let host = host_of(&origin);
    let onion = config.public_is_onion();
    let mut checks = Vec::new();
    if origin.starts_with("https://") || onion {
        checks.push(check(Verdict::Ok, topic, origin.clone()));
    } else if crate::config::is_loopback_host(host) && loopback {
        checks.push(check(
            Verdict::Warn,
            topic,
            format!("{origin}: only this machine can reach it"),
        ));
    } else {
        checks.push(check(
            Verdict::Fail,
            topic,
            format!("{origin} is plain http: staff passphrases and statements would cross the network readable; use https (a reverse proxy) or an onion service"),
        ));
    }
    if onion {
        checks.push(check(Verdict::Ok, "onion address", host.to_owned()));
    }
    if !loopback {
        checks.push(check(
            Verdict::Warn,
            "bind",
            format!(
                "{} is reachable from other machines without TLS; keep Chorus on 127.0.0.1 behind a proxy or Tor",
                config.bind
            ),
        ));
    }
    checks
}

/// The host of an origin (`scheme://host[:port]`), IPv6 brackets included.
fn host_of(origin: &str) -> &str {
    let authority = origin.split_once("://").map_or(origin, |(_, a)| a);
    if authority.starts_with('[') {
        return authority
            .find(']')
            .and_then(|end| authority.get(..=end))
            .unwrap_or(authority);
    }
    authority
        .rsplit_once(':')
        .map_or(authority, |(host, _)| host)
}

fn trusted_proxy(config: &Config) -> Check {
    let topic = "trusted proxy";
    let loopback = config.bind.ip().is_loopback();
    let onion = config.public_is_onion();
    match config.trusted_proxy {
        Toggle::On if onion => check(
            Verdict::Fail,
            topic,
            "on with an onion address: Tor reaches Chorus from loopback, so any visitor could \
             send an X-Forwarded-For naming someone else's network and spend its budget; turn \
             it off (Tor's own PoW defence tells circuits apart)",
        ),
        Toggle::On if !loopback => check(
            Verdict::Warn,
            topic,
            "on, but Chorus is bound beyond loopback: X-Forwarded-For is only trusted from a \
             proxy on this machine; bind to 127.0.0.1 behind it",
        ),
        Toggle::On => check(
            Verdict::Ok,
            topic,
            "on: the proxy's X-Forwarded-For gives each network its own budget",
        ),
        Toggle::Off if loopback && config.public_url.is_some() => check(
            Verdict::Ok,
            topic,
            "off: behind a proxy or Tor every visitor shares the site-wide budget",
        ),
        Toggle::Off => check(Verdict::Ok, topic, "off"),
    }
}

/// The newest of Chorus's own backups in `dir`, by its name's time.
fn backups(dir: &Path, now: time::OffsetDateTime) -> Check {
    let topic = "backups";
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return check(
                Verdict::Warn,
                topic,
                format!(
                    "{} does not exist yet: the first `chorus backup --keep N` makes it",
                    dir.display()
                ),
            );
        }
        Err(e) => return check(Verdict::Fail, topic, format!("{}: {e}", dir.display())),
    };
    if let Ok((mode, _)) = mode_and_owner(dir)
        && mode & 0o077 != 0
    {
        return check(
            Verdict::Fail,
            topic,
            format!(
                "{} is {mode:04o}: backups hold everything the database does; chmod 700 it",
                dir.display()
            ),
        );
    }
    let newest = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| crate::backup::is_rotating_name(name))
        .max();
    let Some(newest) = newest else {
        return check(
            Verdict::Warn,
            topic,
            format!("none yet in {} (the timer writes one daily)", dir.display()),
        );
    };
    let Some(taken) = crate::backup::rotating_time(&newest) else {
        return check(
            Verdict::Warn,
            topic,
            format!("cannot read the time of {newest}"),
        );
    };
    let age = (now - taken).whole_seconds();
    let hours = age / 3600;
    let detail = format!("newest {newest}, {hours} h old");
    if age < -300 {
        check(
            Verdict::Warn,
            topic,
            format!("{newest} is dated in the future: check the clock"),
        )
    } else if age > BACKUP_FAIL_SECS {
        check(
            Verdict::Fail,
            topic,
            format!("{detail}: backups have stopped (journalctl -u chorus-backup)"),
        )
    } else if age > BACKUP_WARN_SECS {
        check(
            Verdict::Warn,
            topic,
            format!("{detail}: yesterday's did not run"),
        )
    } else {
        check(Verdict::Ok, topic, detail)
    }
}

/// Schema, admins and the publication key, from a read-only connection.
fn database(config: &Config, checks: &mut Vec<Check>) {
    let path = config.database_path();
    if !path.exists() {
        checks.push(check(
            Verdict::Warn,
            "database",
            format!(
                "{} does not exist yet: the server creates it at first start",
                path.display()
            ),
        ));
        return;
    }
    let conn = match Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(conn) => conn,
        Err(e) => {
            checks.push(check(
                Verdict::Fail,
                "database",
                format!("cannot open {}: {e}", path.display()),
            ));
            return;
        }
    };
    let _ = conn.busy_timeout(connection::BUSY_TIMEOUT);
    checks.push(migrations(&conn));
    checks.push(admins(&conn));
    checks.push(publication_key(&conn));
}

fn migrations(conn: &Connection) -> Check {
    let topic = "migrations";
    let known = connection::latest_version();
    match connection::schema_version(conn) {
        Ok(v) if v == known => check(Verdict::Ok, topic, format!("schema {v}, up to date")),
        Ok(v) if v < known => check(
            Verdict::Warn,
            topic,
            format!(
                "schema {v}: the server applies {} pending migration(s) at its next start",
                known - v
            ),
        ),
        Ok(v) => check(
            Verdict::Fail,
            topic,
            format!(
                "schema {v} comes from a newer Chorus (this one knows {known}): run that version"
            ),
        ),
        Err(e) => check(Verdict::Fail, topic, e.to_string()),
    }
}

fn admins(conn: &Connection) -> Check {
    let topic = "admins";
    match staff::active_admins(conn) {
        Ok(0) => check(
            Verdict::Warn,
            topic,
            "none yet: `chorus setup-link` prints a one-time link to set up the first",
        ),
        Ok(1) => check(
            Verdict::Warn,
            topic,
            "only one: if they lose their passphrase or leave, only the offline recovery key brings \
             access back; invite a second (`chorus reviewer invite NAME --role admin`)",
        ),
        Ok(n) => check(Verdict::Ok, topic, format!("{n} active")),
        Err(e) => check(Verdict::Fail, topic, e.to_string()),
    }
}

fn publication_key(conn: &Connection) -> Check {
    let topic = "publication key";
    match settings::stored_publication_seed(conn) {
        Ok(None) => check(
            Verdict::Ok,
            topic,
            "not made yet: the first publication makes it (`chorus keys publication` prints it)",
        ),
        Ok(Some(seed)) => match crate::crypto::publication::PublicationKey::from_seed(&seed) {
            Ok(key) => check(
                Verdict::Ok,
                topic,
                format!(
                    "fingerprint {}",
                    crate::crypto::publication::fingerprint(&key.public_hex())
                ),
            ),
            Err(_) => check(Verdict::Fail, topic, "the stored seed is not a valid key"),
        },
        Err(e) => check(Verdict::Fail, topic, e.to_string()),
    }
}
