//! Configuration: built-in defaults, then an optional `chorus.toml`, then `CHORUS_*`
//! environment variables. Validated once at start so a bad deployment refuses to run
//! instead of quietly weakening a promise (a tiny `min_cell`, instant publishing on a
//! public interface).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A choice a survivor can tick (category), pick (setting) or make on `/pledge`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable key used in forms, counters and the JSON API: `[a-z0-9_-]{1,40}`.
    pub key: String,
    /// What people read (in the default language).
    pub label: String,
    /// The label in other languages, by code: `labels = { es = "…", ar = "…" }`.
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
}

/// A place to find help, listed on `/resources`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub name: String,
    pub description: String,
    /// Phone number, text line or address as people should read it.
    #[serde(default)]
    pub contact: Option<String>,
    /// A link shown as text; Chorus itself never loads it.
    #[serde(default)]
    pub url: Option<String>,
    /// The name in other languages, by code: `name_translations = { es = "…" }`.
    #[serde(default)]
    pub name_translations: std::collections::BTreeMap<String, String>,
    /// The description in other languages, by code.
    #[serde(default)]
    pub description_translations: std::collections::BTreeMap<String, String>,
}

/// Another deployment whose signed counts this one adds up (`[[federation]]`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// How the federation page names it.
    pub name: String,
    /// Where it is reached: `https://counts.example.org`, or an onion address through
    /// `federation_proxy`.
    pub url: String,
    /// Its publication key (hex, as its `/counts` page and `chorus keys publication` show).
    pub public_key: String,
}

/// A witness this deployment asks to cosign its log's checkpoints (`[[witness]]`,
/// C2SP `tlog-witness`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WitnessConfig {
    /// How logs and pages name it.
    pub name: String,
    /// Its `tlog-witness` URL prefix: checkpoints go to `<url>/add-checkpoint`.
    pub url: String,
    /// Its verifier key (`name+hexid+base64`, a `cosignature/v1` key).
    pub vkey: String,
}

/// The whole validated configuration.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where the database lives (`chorus.db`, private to the service's user).
    pub data_dir: PathBuf,
    /// Where `chorus backup --keep N DIR` writes (the packaged timer uses
    /// `/var/backups/chorus`): `chorus doctor` reports the newest backup's age.
    pub backup_dir: Option<PathBuf>,
    /// Address to listen on. Port 0 picks a free port (tests).
    pub bind: SocketAddr,
    /// The URL people use to reach Chorus, e.g. `https://chorus.example.org` or an onion
    /// address. Decides cookie flags and which `Origin` counts as our own.
    pub public_url: Option<String>,
    /// Seconds between publications of the public counts; 0 publishes at every change
    /// (loopback only: it would tie a count to one person's submission).
    pub publish_interval_secs: u64,
    /// Smallest published cell; counts are rounded down to multiples of it.
    pub min_cell: u64,
    /// Differential privacy: each statement's total privacy loss over everything published
    /// (ε). 0 turns noise off (loopback only: figures would then be exact).
    pub noise_epsilon: f64,
    /// What the counts count: `received` (everything, less spam and withdrawals) or
    /// `reviewed` (only what staff have given a status other than new or spam).
    pub count_policy: CountPolicy,
    /// Anti-abuse throttles on intake (`on`/`off`).
    pub rate_limits: Toggle,
    /// Submissions per second admitted across the whole site when throttles are on.
    pub intake_per_second: u32,
    /// Burst the intake throttle absorbs before refusing.
    pub intake_burst: u32,
    /// What one network (IPv4 /24, IPv6 /56) may send at once — statements, pledges and
    /// follow-ups together — refilled at the same number per hour. Applies only where
    /// networks can be told apart: not behind Tor, where every request comes from loopback.
    pub network_burst: u32,
    /// `on` behind a reverse proxy on this machine: the client address is then the proxy's
    /// `X-Forwarded-For`/`Forwarded` entry, trusted only when the peer is loopback.
    pub trusted_proxy: Toggle,
    /// Argon2id memory cost in KiB (at least 64 MiB).
    pub argon2_memory_kib: u32,
    /// Concurrent Argon2id runs allowed; more get 503 + Retry-After.
    pub argon2_concurrency: usize,
    /// Submissions the writer queue holds before answering 503.
    pub write_queue: usize,
    /// Free space (MiB) kept on the data directory's filesystem: below it, new statements,
    /// follow-ups and pledges are refused (503, text kept) so staff can still log in,
    /// triage and delete.
    pub min_free_mib: u64,
    /// Delete testimonies older than this many days (0 keeps them until staff delete them).
    pub retention_days: u32,
    /// A staff session ends after this many seconds without a request.
    pub session_idle_secs: u64,
    /// A staff session ends this many seconds after login, whatever happens.
    pub session_absolute_secs: u64,
    /// Login attempts per second admitted across the whole site (always on).
    pub login_per_second: u32,
    /// Burst of login attempts the throttle absorbs.
    pub login_burst: u32,
    /// Where the "Leave this site" button goes.
    pub quick_exit_url: String,
    /// Name shown in page titles and headings.
    pub site_name: String,
    /// `site_name` in other languages, by code: `site_name_translations = { es = "…" }`.
    pub site_name_translations: std::collections::BTreeMap<String, String>,
    /// The language of unprefixed pages (`/submit`); the others live under `/es/`, `/ar/`…
    pub default_language: crate::i18n::Language,
    /// The languages offered (all four by default).
    pub languages: Vec<crate::i18n::Language>,
    /// "About this campaign", shown on the landing and submit pages: who runs it and how to
    /// reach them (plain text). How long statements are kept is added from `retention_days`.
    pub about: Option<String>,
    /// `about` in other languages, by code.
    pub about_translations: std::collections::BTreeMap<String, String>,
    pub categories: Vec<Choice>,
    pub settings: Vec<Choice>,
    pub pledges: Vec<Choice>,
    pub resources: Vec<Resource>,
    /// `off` for a deployment that only adds up others' counts: it takes no statements.
    pub intake: Toggle,
    /// The deployments whose signed counts `/federation` adds up.
    pub federation: Vec<Member>,
    /// Seconds between fetches of the members' signed counts.
    pub federation_interval_secs: u64,
    /// A member that has published nothing for this many days is shown as stale and left
    /// out of the sum.
    pub federation_stale_days: u32,
    /// A proxy for those fetches, e.g. `socks5h://127.0.0.1:9050` (Tor, for onion members).
    pub federation_proxy: Option<String>,
    /// Witnesses asked to cosign this deployment's checkpoints; with `witness_quorum`, the
    /// ones whose cosignatures a member's checkpoint needs to be summed.
    pub witness: Vec<WitnessConfig>,
    /// How many of the configured witnesses must have cosigned a member's checkpoint for
    /// its figures to be summed (0: members are followed by their signed snapshots alone).
    pub witness_quorum: usize,
    /// A member's figure above this is refused as implausible, not summed.
    pub federation_max_figure: u64,
    /// A member whose totals rise by more than this a day since the figures last summed is
    /// refused as growing implausibly fast, not summed.
    pub federation_max_daily_growth: u64,
    /// Staff alerts by e-mail: `smtps://user:pass@host:465` (TLS from the start) or
    /// `smtp://user:pass@host:587` (STARTTLS required); plain SMTP only to loopback. The
    /// password never appears in a log or on a page.
    pub notify_smtp_url: Option<Secret>,
    /// Who gets the alert e-mails.
    pub notify_to: Vec<String>,
    /// The alert e-mails' sender, e.g. `Chorus <chorus@example.org>`.
    pub notify_from: Option<String>,
    /// Staff alerts by webhook: an https address (or http to loopback) that gets a small
    /// JSON POST. Kept secret like a password: such addresses often carry a token.
    pub notify_webhook: Option<Secret>,
    /// Added to the webhook's JSON as `topic` (ntfy's JSON publishing needs one).
    pub notify_webhook_topic: Option<String>,
    /// Alerts go out at wall-clock multiples of this many seconds (offset by
    /// `notify_hour`), only when something arrived since the last one. At least 3,600
    /// except on loopback.
    pub notify_interval_secs: u64,
    /// The UTC hour daily alerts go out at (0-23).
    pub notify_hour: u8,
    /// `none`: an alert says only that something is waiting; `counts`: it also says how
    /// many statements and follow-ups arrived (the mail provider then learns them).
    pub notify_detail: NotifyDetail,
}

/// What an alert says.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum NotifyDetail {
    None,
    Counts,
}

/// A setting that holds a secret (a password or token inside an address): shown as
/// `(secret)` by `{:?}`, so printing the configuration can never leak it.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: String) -> Secret {
        Secret(text)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("(secret)")
    }
}

/// True for `localhost` and loopback addresses (where plain SMTP or http may go).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CountPolicy {
    Received,
    Reviewed,
}

impl CountPolicy {
    pub fn key(self) -> &'static str {
        match self {
            CountPolicy::Received => "received",
            CountPolicy::Reviewed => "reviewed",
        }
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Toggle {
    On,
    Off,
}

fn choice(key: &str, label: &str) -> Choice {
    Choice {
        key: key.to_owned(),
        label: label.to_owned(),
        labels: std::collections::BTreeMap::new(),
    }
}

impl Member {
    /// Its origin (`https://host[:port]`), where its API lives.
    pub fn origin(&self) -> Option<String> {
        public_origin(&self.url)
    }
}

impl Config {
    /// Refuses a federation member no fetch could reach or verify, and a proxy of an
    /// unknown kind.
    fn validate_federation(&self) -> Result<(), ConfigError> {
        let mut names = std::collections::HashSet::new();
        for m in &self.federation {
            let name = m.name.trim();
            if name.is_empty() || name.chars().count() > 80 || !names.insert(name.to_owned()) {
                return Err(ConfigError::Invalid(format!(
                    "each [[federation]] member needs its own name of 1 to 80 characters (`{name}`)"
                )));
            }
            let origin = public_origin(&m.url);
            let bare = origin
                .as_deref()
                .is_some_and(|o| m.url.trim().trim_end_matches('/').eq_ignore_ascii_case(o));
            if !bare {
                return Err(ConfigError::Invalid(format!(
                    "[[federation]] `{name}`: url `{}` must look like https://host or \
                     http://host:port (no path, no user name)",
                    m.url
                )));
            }
            let onion = origin.as_deref().is_some_and(|o| {
                o.trim_end_matches(|c: char| c.is_ascii_digit() || c == ':')
                    .ends_with(".onion")
            });
            let via_tor = self
                .federation_proxy
                .as_deref()
                .is_some_and(|p| p.starts_with("socks5h://"));
            if onion && !via_tor {
                return Err(ConfigError::Invalid(format!(
                    "[[federation]] `{name}` is an onion address: set federation_proxy = \
                     \"socks5h://127.0.0.1:9050\" (Tor), so the name is resolved by Tor and \
                     never looked up in DNS"
                )));
            }
            let key_ok = m.public_key.trim().len() == 64
                && m.public_key.trim().chars().all(|c| c.is_ascii_hexdigit());
            if !key_ok {
                return Err(ConfigError::Invalid(format!(
                    "[[federation]] `{name}`: public_key must be the 64 hex digits its /counts page shows"
                )));
            }
        }
        if let Some(proxy) = &self.federation_proxy
            && (!["socks5://", "socks5h://", "http://"]
                .iter()
                .any(|scheme| proxy.starts_with(scheme))
                || reqwest::Proxy::all(proxy.as_str()).is_err())
        {
            return Err(ConfigError::Invalid(format!(
                "federation_proxy `{proxy}` must be socks5h://host:port (Tor: socks5h://127.0.0.1:9050), socks5:// or http://"
            )));
        }
        if self.federation_interval_secs == 0 || self.federation_stale_days == 0 {
            return Err(ConfigError::Invalid(
                "federation_interval_secs and federation_stale_days must be at least 1".to_owned(),
            ));
        }
        let mut witnesses = std::collections::HashSet::new();
        let mut vkeys = std::collections::HashSet::new();
        for w in &self.witness {
            let name = w.name.trim();
            if !vkeys.insert(w.vkey.trim().to_owned()) {
                return Err(ConfigError::Invalid(format!(
                    "[[witness]] `{name}` has the same vkey as another entry: one witness \
                     counts once toward witness_quorum"
                )));
            }
            if name.is_empty() || name.chars().count() > 80 || !witnesses.insert(name.to_owned()) {
                return Err(ConfigError::Invalid(format!(
                    "each [[witness]] needs its own name of 1 to 80 characters (`{name}`)"
                )));
            }
            if public_origin(&w.url).is_none() {
                return Err(ConfigError::Invalid(format!(
                    "[[witness]] `{name}`: url `{}` must look like https://host[/path]",
                    w.url
                )));
            }
            if crate::crypto::cosignature::WitnessVerifier::parse(&w.vkey).is_err() {
                return Err(ConfigError::Invalid(format!(
                    "[[witness]] `{name}`: vkey must be the witness's cosignature key                      (name+hexid+base64, as `chorus keys witness` prints it)"
                )));
            }
        }
        if self.witness_quorum > self.witness.len() {
            return Err(ConfigError::Invalid(format!(
                "witness_quorum is {} but only {} [[witness]] entries are configured",
                self.witness_quorum,
                self.witness.len()
            )));
        }
        if self.federation_max_figure == 0 || self.federation_max_daily_growth == 0 {
            return Err(ConfigError::Invalid(
                "federation_max_figure and federation_max_daily_growth must be at least 1"
                    .to_owned(),
            ));
        }
        Ok(())
    }
}

impl Choice {
    /// The built-in choice with this key in `list` of the defaults, if the operator kept its
    /// English label (so the shipped translations still say the same thing).
    pub fn is_builtin(&self, defaults: &[Choice]) -> bool {
        defaults
            .iter()
            .any(|d| d.key == self.key && d.label == self.label)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("./chorus-data"),
            backup_dir: None,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            publish_interval_secs: 86_400,
            min_cell: 10,
            noise_epsilon: 1.0,
            count_policy: CountPolicy::Received,
            rate_limits: Toggle::On,
            network_burst: 120,
            trusted_proxy: Toggle::Off,
            intake_per_second: 50,
            intake_burst: 500,
            argon2_memory_kib: 128 * 1024,
            // One Argon2id run at a time (plus one reserved for known browsers): a login
            // flood may take one core, never every core, from submissions.
            argon2_concurrency: 1,
            write_queue: 4096,
            min_free_mib: 256,
            retention_days: 0,
            session_idle_secs: 15 * 60,
            session_absolute_secs: 8 * 3600,
            login_per_second: 2,
            login_burst: 10,
            quick_exit_url: "https://www.bbc.com/weather".to_owned(),
            site_name: "Chorus".to_owned(),
            site_name_translations: std::collections::BTreeMap::new(),
            default_language: crate::i18n::Language::En,
            languages: crate::i18n::Language::ALL.to_vec(),
            about: None,
            about_translations: std::collections::BTreeMap::new(),
            categories: vec![
                choice("harassment", "Sexual harassment"),
                choice("assault", "Sexual assault"),
                choice("rape", "Rape"),
                choice("online", "Online abuse or image-based abuse"),
                choice("stalking", "Stalking"),
                choice("other", "Something else"),
            ],
            settings: vec![
                choice("work", "At work"),
                choice("education", "At school or university"),
                choice("home", "At home or in the family"),
                choice("public", "In a public place"),
                choice("online", "Online"),
                choice("other", "Somewhere else"),
            ],
            pledges: vec![
                choice("speak_up", "I will speak up when I see harassment"),
                choice("believe", "I will believe survivors"),
                choice("consent", "I will respect consent, always"),
            ],
            resources: vec![
                Resource {
                    name: "RAINN National Sexual Assault Hotline (US)".to_owned(),
                    description: "Free, confidential support, 24 hours a day.".to_owned(),
                    contact: Some("800-656-4673".to_owned()),
                    url: Some("https://www.rainn.org".to_owned()),
                    name_translations: std::collections::BTreeMap::new(),
                    description_translations: std::collections::BTreeMap::new(),
                },
                Resource {
                    name: "Rape Crisis (England and Wales)".to_owned(),
                    description: "Free 24/7 support line for anyone aged 16 or over.".to_owned(),
                    contact: Some("0808 500 2222".to_owned()),
                    url: Some("https://rapecrisis.org.uk".to_owned()),
                    name_translations: std::collections::BTreeMap::new(),
                    description_translations: std::collections::BTreeMap::new(),
                },
                Resource {
                    name: "Emergency services".to_owned(),
                    description: "If you are in danger now, call your local emergency number."
                        .to_owned(),
                    contact: Some("112 / 911 / 999".to_owned()),
                    url: None,
                    name_translations: std::collections::BTreeMap::new(),
                    description_translations: std::collections::BTreeMap::new(),
                },
            ],
            intake: Toggle::On,
            federation: Vec::new(),
            federation_interval_secs: 3600,
            federation_stale_days: 3,
            federation_proxy: None,
            witness: Vec::new(),
            witness_quorum: 0,
            federation_max_figure: 10_000_000,
            federation_max_daily_growth: 100_000,
            notify_smtp_url: None,
            notify_to: Vec::new(),
            notify_from: None,
            notify_webhook: None,
            notify_webhook_topic: None,
            notify_interval_secs: 86_400,
            notify_hour: 8,
            notify_detail: NotifyDetail::None,
        }
    }
}

/// Where the Debian package keeps the configuration.
pub const PACKAGED_CONFIG: &str = "/etc/chorus/chorus.toml";

/// Why a configuration was refused. Each message says what to change.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{name} is not valid: {message}")]
    Env { name: &'static str, message: String },
    #[error("{0}")]
    Invalid(String),
}

impl Config {
    /// The file `load` reads: `file`, else `./chorus.toml`, else the Debian package's
    /// `/etc/chorus/chorus.toml` — the first that exists — so an admin of a packaged
    /// install types `sudo -u chorus chorus doctor` with no `--config`.
    pub fn file_in_use(file: Option<&Path>) -> Option<PathBuf> {
        if let Some(path) = file {
            return Some(path.to_path_buf());
        }
        [Path::new("chorus.toml"), Path::new(PACKAGED_CONFIG)]
            .into_iter()
            .find(|p| p.exists())
            .map(Path::to_path_buf)
    }

    /// Defaults, then `file` (or the first of `./chorus.toml` and `/etc/chorus/chorus.toml`
    /// that exists), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = match Config::file_in_use(file) {
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
                    path: path.clone(),
                    source,
                })?;
                toml::from_str::<Config>(&text).map_err(|e| ConfigError::Parse {
                    path,
                    message: e.message().to_owned(),
                })?
            }
            None => Config::default(),
        };
        config.apply_env(|name| std::env::var(name).ok())?;
        config.validate()?;
        Ok(config)
    }

    /// Overlays `CHORUS_*` variables; `lookup` is injectable so tests need no process env.
    pub fn apply_env(
        &mut self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(name: &'static str, value: &str) -> Result<T, ConfigError>
        where
            T::Err: std::fmt::Display,
        {
            value.trim().parse::<T>().map_err(|e| ConfigError::Env {
                name,
                message: e.to_string(),
            })
        }
        if let Some(v) = lookup("CHORUS_DATA_DIR") {
            self.data_dir = PathBuf::from(v);
        }
        if let Some(v) = lookup("CHORUS_BACKUP_DIR") {
            self.backup_dir = (!v.is_empty()).then(|| PathBuf::from(v));
        }
        if let Some(v) = lookup("CHORUS_BIND") {
            self.bind = parse("CHORUS_BIND", &v)?;
        }
        if let Some(v) = lookup("CHORUS_PUBLIC_URL") {
            self.public_url = if v.trim().is_empty() {
                None
            } else {
                Some(v.trim().to_owned())
            };
        }
        if let Some(v) = lookup("CHORUS_PUBLISH_INTERVAL_SECS") {
            self.publish_interval_secs = parse("CHORUS_PUBLISH_INTERVAL_SECS", &v)?;
        }
        if let Some(v) = lookup("CHORUS_MIN_CELL") {
            self.min_cell = parse("CHORUS_MIN_CELL", &v)?;
        }
        if let Some(v) = lookup("CHORUS_DEFAULT_LANGUAGE") {
            self.default_language =
                crate::i18n::Language::parse(v.trim()).ok_or(ConfigError::Env {
                    name: "CHORUS_DEFAULT_LANGUAGE",
                    message: "use en, es, fr or ar".to_owned(),
                })?;
        }
        if let Some(v) = lookup("CHORUS_LANGUAGES") {
            self.languages = v
                .split(',')
                .map(|code| {
                    crate::i18n::Language::parse(code.trim()).ok_or(ConfigError::Env {
                        name: "CHORUS_LANGUAGES",
                        message: "a comma-separated list of en, es, fr and ar".to_owned(),
                    })
                })
                .collect::<Result<_, _>>()?;
        }
        if let Some(v) = lookup("CHORUS_NOISE_EPSILON") {
            self.noise_epsilon = parse("CHORUS_NOISE_EPSILON", &v)?;
        }
        if let Some(v) = lookup("CHORUS_COUNT_POLICY") {
            self.count_policy = match v.trim() {
                "received" => CountPolicy::Received,
                "reviewed" => CountPolicy::Reviewed,
                _ => {
                    return Err(ConfigError::Env {
                        name: "CHORUS_COUNT_POLICY",
                        message: "use `received` or `reviewed`".to_owned(),
                    });
                }
            };
        }
        fn toggle(name: &'static str, value: &str) -> Result<Toggle, ConfigError> {
            match value.trim() {
                "on" => Ok(Toggle::On),
                "off" => Ok(Toggle::Off),
                _ => Err(ConfigError::Env {
                    name,
                    message: "use `on` or `off`".to_owned(),
                }),
            }
        }
        if let Some(v) = lookup("CHORUS_RATE_LIMITS") {
            self.rate_limits = toggle("CHORUS_RATE_LIMITS", &v)?;
        }
        if let Some(v) = lookup("CHORUS_INTAKE") {
            self.intake = toggle("CHORUS_INTAKE", &v)?;
        }
        if let Some(v) = lookup("CHORUS_FEDERATION_INTERVAL_SECS") {
            self.federation_interval_secs = parse("CHORUS_FEDERATION_INTERVAL_SECS", &v)?;
        }
        if let Some(v) = lookup("CHORUS_FEDERATION_STALE_DAYS") {
            self.federation_stale_days = parse("CHORUS_FEDERATION_STALE_DAYS", &v)?;
        }
        if let Some(v) = lookup("CHORUS_WITNESS_QUORUM") {
            self.witness_quorum = parse("CHORUS_WITNESS_QUORUM", &v)?;
        }
        if let Some(v) = lookup("CHORUS_FEDERATION_MAX_FIGURE") {
            self.federation_max_figure = parse("CHORUS_FEDERATION_MAX_FIGURE", &v)?;
        }
        if let Some(v) = lookup("CHORUS_FEDERATION_MAX_DAILY_GROWTH") {
            self.federation_max_daily_growth = parse("CHORUS_FEDERATION_MAX_DAILY_GROWTH", &v)?;
        }
        if let Some(v) = lookup("CHORUS_FEDERATION_PROXY") {
            self.federation_proxy = Some(v.trim().to_owned()).filter(|p| !p.is_empty());
        }
        if let Some(v) = lookup("CHORUS_NETWORK_BURST") {
            self.network_burst = parse("CHORUS_NETWORK_BURST", &v)?;
        }
        if let Some(v) = lookup("CHORUS_TRUSTED_PROXY") {
            self.trusted_proxy = toggle("CHORUS_TRUSTED_PROXY", &v)?;
        }
        if let Some(v) = lookup("CHORUS_MIN_FREE_MIB") {
            self.min_free_mib = parse("CHORUS_MIN_FREE_MIB", &v)?;
        }
        if let Some(v) = lookup("CHORUS_ARGON2_MEMORY_KIB") {
            self.argon2_memory_kib = parse("CHORUS_ARGON2_MEMORY_KIB", &v)?;
        }
        self.apply_notify_env(&lookup, parse::<u64>)?;
        Ok(())
    }

    /// The `CHORUS_NOTIFY_*` variables (an empty value unsets an address).
    fn apply_notify_env(
        &mut self,
        lookup: &impl Fn(&str) -> Option<String>,
        parse_u64: fn(&'static str, &str) -> Result<u64, ConfigError>,
    ) -> Result<(), ConfigError> {
        let text = |v: String| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        if let Some(v) = lookup("CHORUS_NOTIFY_SMTP_URL") {
            self.notify_smtp_url = text(v).map(Secret);
        }
        if let Some(v) = lookup("CHORUS_NOTIFY_TO") {
            self.notify_to = v
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect();
        }
        if let Some(v) = lookup("CHORUS_NOTIFY_FROM") {
            self.notify_from = text(v);
        }
        if let Some(v) = lookup("CHORUS_NOTIFY_WEBHOOK") {
            self.notify_webhook = text(v).map(Secret);
        }
        if let Some(v) = lookup("CHORUS_NOTIFY_WEBHOOK_TOPIC") {
            self.notify_webhook_topic = text(v);
        }
        if let Some(v) = lookup("CHORUS_NOTIFY_INTERVAL_SECS") {
            self.notify_interval_secs = parse_u64("CHORUS_NOTIFY_INTERVAL_SECS", &v)?;
        }
        if let Some(v) = lookup("CHORUS_NOTIFY_HOUR") {
            let hour = parse_u64("CHORUS_NOTIFY_HOUR", &v)?;
            self.notify_hour = u8::try_from(hour).unwrap_or(u8::MAX);
        }
        if let Some(v) = lookup("CHORUS_NOTIFY_DETAIL") {
            self.notify_detail = match v.trim() {
                "none" => NotifyDetail::None,
                "counts" => NotifyDetail::Counts,
                _ => {
                    return Err(ConfigError::Env {
                        name: "CHORUS_NOTIFY_DETAIL",
                        message: "use `none` or `counts`".to_owned(),
                    });
                }
            };
        }
        Ok(())
    }

    /// Refuses alerts that could not be sent safely: e-mail in the clear beyond this
    /// machine, a webhook over plain http elsewhere, alerts more often than hourly on a
    /// public interface, an address that does not parse.
    fn validate_notify(&self, loopback: bool) -> Result<(), ConfigError> {
        let bad = |m: String| Err(ConfigError::Invalid(m));
        if self.notify_interval_secs == 0
            || (self.notify_interval_secs < MIN_PUBLIC_INTERVAL_SECS && !loopback)
        {
            return bad(format!(
                "notify_interval_secs = {} must be at least {MIN_PUBLIC_INTERVAL_SECS} (an hour); \
                 shorter is only allowed when bound to loopback (tests)",
                self.notify_interval_secs
            ));
        }
        if self.notify_hour > 23 {
            return bad("notify_hour must be an hour of the day, 0 to 23 (UTC)".to_owned());
        }
        if let Some(smtp) = &self.notify_smtp_url {
            let url = reqwest::Url::parse(smtp.expose()).ok();
            let host = url.as_ref().and_then(|u| u.host_str()).unwrap_or_default();
            match url.as_ref().map(reqwest::Url::scheme) {
                Some("smtps" | "smtp") if !host.is_empty() => {}
                _ => {
                    return bad(
                        "notify_smtp_url must look like smtps://user:password@host:465 \
                         or smtp://user:password@host:587 (STARTTLS)"
                            .to_owned(),
                    );
                }
            }
            if self.notify_to.is_empty() || self.notify_from.is_none() {
                return bad(
                    "e-mail alerts need notify_to (who gets them) and notify_from (the sender)"
                        .to_owned(),
                );
            }
            for address in self.notify_to.iter().chain(&self.notify_from) {
                if address.parse::<lettre::message::Mailbox>().is_err() {
                    return bad(format!(
                        "`{address}` is not an e-mail address (notify_to, notify_from)"
                    ));
                }
            }
        }
        if let Some(hook) = &self.notify_webhook {
            let url = reqwest::Url::parse(hook.expose()).ok();
            let ok = url.as_ref().is_some_and(|u| match u.scheme() {
                "https" => u.host_str().is_some(),
                "http" => u.host_str().is_some_and(is_loopback_host),
                _ => false,
            });
            if !ok {
                return bad(
                    "notify_webhook must be an https:// address (http:// only to this machine)"
                        .to_owned(),
                );
            }
        }
        Ok(())
    }

    /// Refuses settings that would break a promise or a page.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let loopback = self.bind.ip().is_loopback();
        if self.min_cell == 0 {
            return Err(ConfigError::Invalid(
                "min_cell must be at least 1".to_owned(),
            ));
        }
        if self.min_cell < 10 && !loopback {
            return Err(ConfigError::Invalid(format!(
                "min_cell = {} would publish counts small enough to single someone out; \
                 values under 10 are only allowed when bound to loopback (tests)",
                self.min_cell
            )));
        }
        if !(self.noise_epsilon == 0.0 || (0.01..=10.0).contains(&self.noise_epsilon)) {
            return Err(ConfigError::Invalid(format!(
                "noise_epsilon = {} must be 0 (no noise) or between 0.01 and 10; \
                 1.0 is the default",
                self.noise_epsilon
            )));
        }
        if self.noise_epsilon == 0.0 && !loopback {
            return Err(ConfigError::Invalid(
                "noise_epsilon = 0 would publish exact counts that a flood can single someone \
                 out of; it is only allowed when bound to loopback (tests)"
                    .to_owned(),
            ));
        }
        if self.publish_interval_secs < MIN_PUBLIC_INTERVAL_SECS && !loopback {
            return Err(ConfigError::Invalid(format!(
                "publish_interval_secs = {} would move the public counter soon after a \
                 submission; under {MIN_PUBLIC_INTERVAL_SECS} it is only allowed when bound to \
                 loopback (tests)",
                self.publish_interval_secs
            )));
        }
        if !(self.quick_exit_url.starts_with("https://")
            || self.quick_exit_url.starts_with("http://"))
        {
            return Err(ConfigError::Invalid(
                "quick_exit_url must be an absolute http(s) address of a neutral site".to_owned(),
            ));
        }
        if self.argon2_memory_kib < 64 * 1024 {
            return Err(ConfigError::Invalid(
                "argon2_memory_kib must be at least 65536 (64 MiB)".to_owned(),
            ));
        }
        if self.argon2_concurrency == 0 || self.write_queue == 0 {
            return Err(ConfigError::Invalid(
                "argon2_concurrency and write_queue must be at least 1".to_owned(),
            ));
        }
        if self.session_idle_secs == 0 || self.session_absolute_secs < self.session_idle_secs {
            return Err(ConfigError::Invalid(
                "session_idle_secs must be at least 1 and at most session_absolute_secs".to_owned(),
            ));
        }
        if self.login_per_second == 0 || self.login_burst == 0 {
            return Err(ConfigError::Invalid(
                "login_per_second and login_burst must be at least 1: login throttling is always on"
                    .to_owned(),
            ));
        }
        if self.network_burst == 0 {
            return Err(ConfigError::Invalid(
                "network_burst must be at least 1".to_owned(),
            ));
        }
        if self.intake_per_second == 0 || self.intake_burst == 0 {
            return Err(ConfigError::Invalid(
                "intake_per_second and intake_burst must be at least 1".to_owned(),
            ));
        }
        if let Some(url) = &self.public_url
            && (public_origin(url).is_none()
                || !crate::crypto::note::is_valid_name(&self.log_origin()))
        {
            return Err(ConfigError::Invalid(format!(
                "public_url `{url}` must look like https://host or http://host:port"
            )));
        }
        self.validate_federation()?;
        self.validate_notify(loopback)?;
        self.validate_translations()?;
        if !self.languages.contains(&self.default_language) {
            return Err(ConfigError::Invalid(format!(
                "default_language `{}` must be one of `languages`",
                self.default_language.code()
            )));
        }
        if self.categories.is_empty() {
            return Err(ConfigError::Invalid(
                "at least one category is needed".to_owned(),
            ));
        }
        for (what, list) in [
            ("category", &self.categories),
            ("setting", &self.settings),
            ("pledge", &self.pledges),
        ] {
            let mut seen = std::collections::HashSet::new();
            for c in list {
                if !valid_key(&c.key) {
                    return Err(ConfigError::Invalid(format!(
                        "{what} key `{}` must be 1-40 characters of a-z, 0-9, _ or -",
                        c.key
                    )));
                }
                if c.label.trim().is_empty() {
                    return Err(ConfigError::Invalid(format!(
                        "{what} `{}` needs a label",
                        c.key
                    )));
                }
                if !seen.insert(c.key.as_str()) {
                    return Err(ConfigError::Invalid(format!(
                        "{what} key `{}` is repeated",
                        c.key
                    )));
                }
            }
        }
        Ok(())
    }

    /// Refuses per-language texts under a code Chorus does not speak (a typo would
    /// otherwise leave a language silently in the default text).
    fn validate_translations(&self) -> Result<(), ConfigError> {
        let maps = [
            ("site_name_translations", &self.site_name_translations),
            ("about_translations", &self.about_translations),
        ]
        .into_iter()
        .chain(self.resources.iter().flat_map(|r| {
            [
                ("a resource's name_translations", &r.name_translations),
                (
                    "a resource's description_translations",
                    &r.description_translations,
                ),
            ]
        }))
        .chain(
            self.categories
                .iter()
                .chain(&self.settings)
                .chain(&self.pledges)
                .map(|c| ("labels", &c.labels)),
        );
        for (what, map) in maps {
            if let Some(code) = map
                .keys()
                .find(|code| crate::i18n::Language::parse(code).is_none())
            {
                return Err(ConfigError::Invalid(format!(
                    "{what}: `{code}` is not a language Chorus ships (en, es, fr, ar)"
                )));
            }
        }
        Ok(())
    }

    /// Whether the shipped help lines (US and UK numbers) are still the ones listed: fine
    /// for a test, wrong for a campaign anywhere else.
    pub fn default_resources_in_use(&self) -> bool {
        self.resources == Config::default().resources
    }

    /// The origin (`scheme://host[:port]`) of the public URL, if one is set.
    pub fn public_origin(&self) -> Option<String> {
        self.public_url.as_deref().and_then(public_origin)
    }

    /// The transparency log's origin (its checkpoint's first line and its key's name): the
    /// public URL without its scheme (and without a trailing `/`), plus `/log`. Without a
    /// public URL nobody outside can reach the log; `localhost/log` names it until one is
    /// set (changing it starts a new log in every witness's eyes).
    pub fn log_origin(&self) -> String {
        log_origin_of(self.public_url.as_deref())
    }

    /// The name this deployment witnesses under (its cosignatures' key name): like the
    /// log's origin, with `/witness`.
    pub fn witness_name(&self) -> String {
        format!("{}/witness", bare_host(self.public_url.as_deref()))
    }

    /// Cookies get `Secure` and the `__Host-` prefix when people reach us over https or Tor.
    pub fn secure_cookies(&self) -> bool {
        self.public_origin()
            .is_some_and(|origin| origin.starts_with("https://"))
            || self.public_is_onion()
    }

    /// True when people reach us at an onion address (Tor).
    pub fn public_is_onion(&self) -> bool {
        self.public_origin().is_some_and(|origin| {
            origin
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ':')
                .ends_with(".onion")
        })
    }

    /// ε in thousandths (0: noise off).
    pub fn noise_milli_epsilon(&self) -> u64 {
        (self.noise_epsilon * 1000.0).round() as u64
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("chorus.db")
    }
}

/// Shortest publication interval accepted on a public interface (an hour).
pub const MIN_PUBLIC_INTERVAL_SECS: u64 = 3600;

impl Config {
    /// Settings allowed only because we are bound to loopback, which would weaken a promise
    /// if a reverse proxy or onion service exposed this instance: said loudly at start.
    pub fn test_only_settings(&self) -> Vec<String> {
        let mut found = Vec::new();
        if self.min_cell < 10 {
            found.push(format!("min_cell = {} (under 10)", self.min_cell));
        }
        if self.noise_epsilon == 0.0 {
            found.push("noise_epsilon = 0 (exact counts)".to_owned());
        }
        if self.publish_interval_secs < MIN_PUBLIC_INTERVAL_SECS {
            found.push(format!(
                "publish_interval_secs = {}",
                self.publish_interval_secs
            ));
        }
        found
    }
}

fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// `scheme://authority` of an http(s) URL, lower-cased, without path.
/// The log origin of a deployment reached at `url` (its `public_url`, or a federation
/// member's `url`): `host[:port][/path]/log`.
pub fn log_origin_of(url: Option<&str>) -> String {
    format!("{}/log", bare_host(url))
}

/// A URL without its scheme, query, fragment or trailing `/`, its host in lower case
/// (`localhost` without one).
fn bare_host(url: Option<&str>) -> String {
    let Some((url, origin)) = url.and_then(|u| Some((u, public_origin(u)?))) else {
        return "localhost".to_owned();
    };
    let host = origin.split_once("://").map_or("", |(_, host)| host);
    let path = url
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split_once('/')
        .map_or("", |(_, path)| path)
        .trim_end_matches('/');
    match path {
        "" => host.to_owned(),
        path => format!("{host}/{path}"),
    }
}

fn public_origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
        return None;
    }
    Some(format!("{scheme}://{authority}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_env(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut c = Config::default();
        c.apply_env(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })?;
        c.validate()?;
        Ok(c)
    }

    #[test]
    fn defaults_are_valid_and_safe() {
        let c = with_env(&[]).unwrap();
        assert_eq!(c.min_cell, 10);
        assert_eq!(c.publish_interval_secs, 86_400);
        assert_eq!(c.rate_limits, Toggle::On);
    }

    #[test]
    fn small_cells_and_instant_publishing_need_loopback() {
        assert!(with_env(&[("CHORUS_MIN_CELL", "2")]).is_ok());
        assert!(with_env(&[("CHORUS_BIND", "0.0.0.0:8080"), ("CHORUS_MIN_CELL", "2")]).is_err());
        assert!(
            with_env(&[
                ("CHORUS_BIND", "0.0.0.0:8080"),
                ("CHORUS_PUBLISH_INTERVAL_SECS", "0")
            ])
            .is_err()
        );
        assert!(
            with_env(&[
                ("CHORUS_BIND", "[::1]:0"),
                ("CHORUS_PUBLISH_INTERVAL_SECS", "0")
            ])
            .is_ok()
        );
    }

    #[test]
    fn federation_members_must_be_reachable_and_verifiable() {
        let key = "ab".repeat(32);
        let member = |name: &str, url: &str, key: &str| {
            format!("[[federation]]\nname = \"{name}\"\nurl = \"{url}\"\npublic_key = \"{key}\"\n")
        };
        let check = |text: String| toml::from_str::<Config>(&text).unwrap().validate();
        assert!(check(member("A", "https://a.example.org", &key)).is_ok());
        let onion = member("A", "http://abc.onion", &key);
        assert!(check(onion.clone()).is_err(), "an onion member needs Tor");
        assert!(
            check(format!(
                "federation_proxy = \"socks5h://127.0.0.1:9050\"\n{onion}"
            ))
            .is_ok()
        );
        assert!(
            check(member("A", "https://a.example.org/counts", &key)).is_err(),
            "a path"
        );
        assert!(check(member("A", "ftp://a.example.org", &key)).is_err());
        assert!(check(member("A", "https://user@a.example.org", &key)).is_err());
        assert!(check(member("A", "https://a.example.org", "abcd")).is_err());
        assert!(check(member("", "https://a.example.org", &key)).is_err());
        let twice = member("A", "https://a.example.org", &key)
            + &member("A", "https://b.example.org", &key);
        assert!(check(twice).is_err(), "two members with one name");
        assert!(check("federation_proxy = \"socks5h://127.0.0.1:9050\"".to_owned()).is_ok());
        assert!(check("federation_proxy = \"tor\"".to_owned()).is_err());
        assert!(with_env(&[("CHORUS_INTAKE", "off")]).is_ok());
        assert!(with_env(&[("CHORUS_FEDERATION_INTERVAL_SECS", "0")]).is_err());
    }

    #[test]
    fn unknown_toml_keys_are_refused() {
        assert!(toml::from_str::<Config>("min_cel = 10").is_err());
        let c: Config =
            toml::from_str("min_cell = 20\n[[categories]]\nkey = \"a\"\nlabel = \"A\"").unwrap();
        assert_eq!(c.min_cell, 20);
        assert_eq!(c.categories.len(), 1);
    }

    #[test]
    fn bad_values_get_named() {
        let err = with_env(&[("CHORUS_RATE_LIMITS", "maybe")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("CHORUS_RATE_LIMITS"));
        assert!(with_env(&[("CHORUS_PUBLIC_URL", "ftp://x")]).is_err());
    }

    #[test]
    fn cookies_are_secure_over_https_and_onion() {
        let https = with_env(&[("CHORUS_PUBLIC_URL", "https://chorus.example/")]).unwrap();
        assert!(https.secure_cookies());
        assert_eq!(
            https.public_origin().as_deref(),
            Some("https://chorus.example")
        );
        let onion = with_env(&[("CHORUS_PUBLIC_URL", "http://abcdef.onion")]).unwrap();
        assert!(onion.secure_cookies());
        let plain = with_env(&[("CHORUS_PUBLIC_URL", "http://127.0.0.1:8080")]).unwrap();
        assert!(!plain.secure_cookies());
    }

    #[test]
    fn the_log_origin_is_the_public_url_without_its_scheme() {
        let origin = |url: &str| {
            with_env(&[("CHORUS_PUBLIC_URL", url)])
                .unwrap()
                .log_origin()
        };
        assert_eq!(origin("https://chorus.example/"), "chorus.example/log");
        assert_eq!(origin("https://Chorus.Example"), "chorus.example/log");
        assert_eq!(origin("http://127.0.0.1:8080"), "127.0.0.1:8080/log");
        assert_eq!(
            origin("https://example.org/campaign/?x=1"),
            "example.org/campaign/log"
        );
        assert_eq!(Config::default().log_origin(), "localhost/log");
        assert_eq!(
            with_env(&[("CHORUS_PUBLIC_URL", "https://chorus.example")])
                .unwrap()
                .witness_name(),
            "chorus.example/witness"
        );
    }

    /// The packaged `/etc/chorus/chorus.toml` shows every setting, and each default it
    /// shows (`#setting = value`) is the real one: uncommented, the file is the defaults.
    #[test]
    fn the_packaged_configuration_shows_every_setting_with_its_real_default() {
        let text = include_str!("../debian/chorus.toml");
        // serde names every field it accepts when it meets one it does not.
        let refusal = toml::from_str::<Config>("no_such_setting = 1")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let fields: Vec<&str> = refusal
            .split('`')
            .skip(3)
            .step_by(2)
            .filter(|f| !f.is_empty())
            .collect();
        assert!(fields.len() > 40, "{refusal}");
        for field in &fields {
            let shown = [
                format!("#{field} ="),
                format!("# {field} ="),
                format!("{field} ="),
            ]
            .iter()
            .any(|form| text.lines().any(|l| l.starts_with(form.as_str())))
                || text.contains(&format!("[[{field}]]"));
            assert!(shown, "debian/chorus.toml does not show `{field}`");
        }
        let uncommented: String = text
            .lines()
            .map(|l| match l.strip_prefix('#') {
                Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase() || c == '[') => {
                    rest
                }
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let parsed: Config = toml::from_str(&uncommented).unwrap();
        parsed.validate().unwrap();
        let expected = Config {
            data_dir: PathBuf::from("/var/lib/chorus"),
            backup_dir: Some(PathBuf::from("/var/backups/chorus")),
            ..Config::default()
        };
        assert_eq!(format!("{parsed:?}"), format!("{expected:?}"));
        // As installed, only the paths differ from the defaults.
        let installed: Config = toml::from_str(text).unwrap();
        assert_eq!(format!("{installed:?}"), format!("{expected:?}"));
    }
}
