//! What every handler shares: the configuration, the page layout and the services. The
//! store is not here: only the services reach it (they are built in `services`).

use std::sync::Arc;

use crate::config::{Config, Toggle};
use crate::intake::Intake;
use crate::publish::Publisher;
use crate::returning::Returning;
use crate::review::Desk;
use crate::services::Services;
use crate::throttle::{self, KeyedBudgets, Limiter};

use super::layout::Layout;

/// Follow-ups one receipt code may send at once, refilled at as many an hour.
const FOLLOW_UPS_PER_CODE_PER_HOUR: u32 = 10;

pub struct AppState {
    pub config: Arc<Config>,
    pub layout: Layout,
    pub intake: Arc<Intake>,
    pub returning: Returning,
    pub publisher: Arc<Publisher>,
    pub desk: Arc<Desk>,
    pub federation: Arc<crate::federation::Federation>,
    pub notifier: Arc<crate::notify::Notifier>,
    pub witness: Arc<crate::witness::Witness>,
    pub submitter: Arc<crate::witness::submit::Submitter>,
    /// Link-preview pictures of the current snapshot.
    pub cards: super::card::Cards,
    /// And of the federation's sum (apart, so the two never evict each other).
    pub federation_cards: super::card::Cards,
    intake_limiter: Option<Limiter>,
    network_budgets: Option<KeyedBudgets>,
    code_budgets: Option<KeyedBudgets>,
}

fn catalogs_for(config: &Config) -> std::sync::Arc<crate::i18n::Catalogs> {
    let dir = AppState::catalogs_dir(config);
    std::sync::Arc::new(match crate::i18n::Catalogs::load(Some(&dir)) {
        Ok(catalogs) => catalogs,
        Err(e) => {
            tracing::error!(error = %e, "an operator's message catalogue does not parse; using the shipped ones");
            crate::i18n::Catalogs::shipped()
        }
    })
}

impl AppState {
    /// The web layer over the services (built by `services::Services`).
    pub fn new(config: Arc<Config>, services: Services) -> AppState {
        let Services {
            intake,
            returning,
            publisher,
            desk,
            federation,
            notifier,
            witness,
            submitter,
        } = services;
        let intake_limiter = match config.rate_limits {
            Toggle::Off => None,
            Toggle::On => Some(throttle::site_wide(
                config.intake_per_second,
                config.intake_burst,
            )),
        };
        let network_budgets = match config.rate_limits {
            Toggle::Off => None,
            Toggle::On => Some(KeyedBudgets::new(config.network_burst)),
        };
        let code_budgets = match config.rate_limits {
            Toggle::Off => None,
            Toggle::On => Some(KeyedBudgets::new(FOLLOW_UPS_PER_CODE_PER_HOUR)),
        };
        AppState {
            network_budgets,
            code_budgets,
            layout: Layout::with_catalogs(&config, catalogs_for(&config)),
            cards: super::card::Cards::default(),
            federation_cards: super::card::Cards::default(),
            config,
            intake,
            returning,
            publisher,
            desk,
            federation,
            notifier,
            witness,
            submitter,
            intake_limiter,
        }
    }

    /// Whether this site takes statements and pledges (`intake = on`), or only adds up
    /// other campaigns' counts.
    pub fn takes_statements(&self) -> bool {
        self.config.intake == Toggle::On
    }

    /// The page layout's catalogues: the shipped ones, each overridden by an operator's
    /// `locales/LANG.ftl` in the data dir. A file that does not parse is reported and
    /// ignored, so a typo never takes the survivor's pages down.
    pub fn catalogs_dir(config: &Config) -> std::path::PathBuf {
        config.data_dir.join("locales")
    }

    /// True if the site-wide intake throttle admits one more submission now. Generous by
    /// default (a burst of hundreds): it stops floods, never a person.
    pub fn intake_admits(&self) -> bool {
        self.intake_limiter
            .as_ref()
            .is_none_or(|l| l.check().is_ok())
    }

    /// Takes one from a receipt code's follow-up budget (`key` is derived from the code).
    pub fn code_admits(&self, key: &[u8]) -> Result<(), std::time::Duration> {
        self.code_budgets.as_ref().map_or(Ok(()), |b| b.take(key))
    }

    /// Takes one from the sender's network budget (statements, pledges and follow-ups
    /// share it); when it is spent, how long until the next. Nothing to take where networks
    /// cannot be told apart (behind Tor) or with throttles off.
    pub fn network_admits(&self, req: &actix_web::HttpRequest) -> Result<(), std::time::Duration> {
        let Some(budgets) = &self.network_budgets else {
            return Ok(());
        };
        let trusted_proxy = self.config.trusted_proxy == Toggle::On;
        match super::client_network::of_request(req, trusted_proxy) {
            Some(network) => budgets.take(&network),
            None => Ok(()),
        }
    }
}
