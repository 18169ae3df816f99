//! Chorus: survivors say "me too" — with or without their story — without giving any
//! identity. Testimonies are sealed on arrival to keys only staff can open; the public sees
//! rounded counts built never to single anyone out. See DESIGN.md and SECURITY.md.
//!
//! Layers: `web` and `cli` → services (`intake`, `returning`, `publish`, `review::Desk`) →
//! `store` / `crypto`. Only the services hold the store. `domain` names the things they
//! pass around; `clock` is the one place that reads the time.

#![forbid(unsafe_code)]

pub mod backup;
pub mod blocking;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod doctor;
pub mod domain;
pub mod federation;
pub mod form_tokens;
pub mod hardening;
pub mod i18n;
pub mod intake;
#[cfg(test)]
mod layering_tests;
pub mod logging;
pub mod maintenance;
pub mod notify;
pub mod publish;
pub mod restore;
pub mod returning;
pub mod review;
pub mod sealing;
pub mod services;
pub mod store;
pub mod submission;
pub mod tally;
pub mod throttle;
pub mod web;
pub mod witness;

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web as aw};

use clock::Clock;
use config::Config;
use review::ReviewError;
use store::StoreError;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot use the database: {0}")]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot prepare the staff side: {0}")]
    Review(#[from] ReviewError),
    #[error("{0}")]
    DataDir(#[from] store::server_lock::LockError),
    #[error("cannot create the data directory: {0}")]
    CreateDataDir(std::io::Error),
}

/// How long a client may take to send a request's headers (and its first byte). Long enough
/// for a slow Tor circuit, short enough that connections trickling headers do not pile up.
const HEADER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Open files kept back from connections: the database (writer, read pool, WAL and shm),
/// the listener, logs and the blocking pool's work.
const FILE_HEADROOM: u64 = 256;

/// Connections each worker may hold at once: the open-file limit, less the headroom, shared
/// by the workers — so a crowd of slow clients meets a cap, never "too many open files".
fn connections_per_worker(open_files: Option<u64>, workers: usize) -> usize {
    let files = open_files.unwrap_or(1024);
    let spare = files.saturating_sub(FILE_HEADROOM).max(64);
    let each = spare / u64::try_from(workers.max(1)).unwrap_or(1);
    usize::try_from(each)
        .unwrap_or(usize::MAX)
        .clamp(32, 25_000)
}

/// A built, bound, not-yet-running server.
pub struct Application {
    server: actix_web::dev::Server,
    addr: SocketAddr,
    setup_link: Option<String>,
    state: aw::Data<web::AppState>,
    alert_text: notify::AlertText,
    /// Held until the server stops: `chorus restore` and a second server are refused.
    _locks: [store::server_lock::DataDirLock; 2],
}

impl Application {
    /// Opens the data dir, binds `config.bind` (port 0 picks a free port) and prepares the
    /// server. On a deployment with no admin yet it makes a fresh one-time set-up link.
    pub async fn build(config: Config) -> Result<Application, StartError> {
        let config = Arc::new(config);
        if config.default_resources_in_use() {
            tracing::warn!(
                "the help lines listed on /resources are the shipped examples (US and UK \
                 numbers): set [[resources]] in chorus.toml for the people this campaign serves"
            );
        }
        store::connection::create_private_dir(&config.data_dir)
            .map_err(StartError::CreateDataDir)?;
        let locks = store::server_lock::DataDirLock::server(&config.data_dir)?;
        let services = services::Services::open(&config, Clock::system())?;
        services.publisher.check_policy().await?;
        let state = aw::Data::new(web::AppState::new(config.clone(), services));
        let setup_link = state.desk.issue_setup_link().await?;
        state.desk.reload_known_devices().await?;
        let listener = TcpListener::bind(config.bind).map_err(|source| StartError::Bind {
            addr: config.bind,
            source,
        })?;
        let addr = listener.local_addr().map_err(|source| StartError::Bind {
            addr: config.bind,
            source,
        })?;
        let setup_link =
            setup_link.map(|token| format!("{}/setup/{}", base_url(&config, addr), token.as_str()));
        let state_for_tasks = state.clone();
        let alert_text = notify::AlertText {
            tr: state.layout.tr(config.default_language),
            site_name: config.site_name.clone(),
            staff_url: format!("{}/review", base_url(&config, addr)),
        };
        let open_files = hardening::raise_open_file_limit();
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let max_connections = connections_per_worker(open_files, workers);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .wrap(from_fn(web::error_pages::in_app_layout))
                .wrap(from_fn(web::headers::security_headers))
                .wrap(from_fn(web::request_log::log_requests))
                .configure(web::configure)
        })
        .workers(workers)
        .max_connections(max_connections)
        .client_request_timeout(HEADER_TIMEOUT)
        .listen(listener)
        .map_err(|source| StartError::Bind { addr, source })?
        .run();
        Ok(Application {
            server,
            addr,
            setup_link,
            state: state_for_tasks,
            alert_text,
            _locks: locks,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The one-time link for setting up the first admin, while none exists.
    pub fn setup_link(&self) -> Option<&str> {
        self.setup_link.as_deref()
    }

    /// Runs until the process is asked to stop; then drops every session's keys.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        actix_web::rt::spawn(self.state.publisher.clone().run());
        actix_web::rt::spawn(self.state.federation.clone().run());
        if self.state.submitter.is_on() {
            actix_web::rt::spawn(self.state.submitter.clone().run());
        }
        actix_web::rt::spawn(self.state.notifier.clone().run(self.alert_text.clone()));
        actix_web::rt::spawn(maintenance::run(self.state.desk.clone()));
        actix_web::rt::spawn(tally::summarise_every_minute());
        let stopped = self.server.await;
        self.state.desk.lock_everything();
        stopped
    }
}

fn base_url(config: &Config, addr: SocketAddr) -> String {
    match config.public_url.as_deref() {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => format!("http://{addr}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_stay_below_the_open_file_limit() {
        // The usual systemd default: two workers share what is left after the headroom.
        assert_eq!(connections_per_worker(Some(1024), 2), 384);
        assert_eq!(connections_per_worker(Some(20_000), 2), 9_872);
        assert!(connections_per_worker(Some(100), 2) >= 32);
        assert_eq!(connections_per_worker(Some(u64::MAX), 1), 25_000);
        assert_eq!(connections_per_worker(None, 2), 384);
    }
}
