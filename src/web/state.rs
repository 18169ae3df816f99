//! What every handler shares: the configuration, the page layout and the services. The
//! store is not here: only the services reach it.

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::{Config, Toggle};
use crate::intake::Intake;
use crate::publish::Publisher;
use crate::returning::Returning;
use crate::review::Desk;
use crate::store::space::Space;
use crate::store::{Store, StoreResult};
use crate::throttle::{self, Limiter};

use super::layout::Layout;

pub struct AppState {
    pub config: Arc<Config>,
    pub layout: Layout,
    pub intake: Arc<Intake>,
    pub returning: Returning,
    pub publisher: Arc<Publisher>,
    pub desk: Arc<Desk>,
    intake_limiter: Option<Limiter>,
}

impl AppState {
    /// Builds every service over one store, all reading the same clock.
    pub fn new(config: Arc<Config>, store: Store, clock: Clock) -> StoreResult<AppState> {
        let publisher = Arc::new(Publisher::load(store.clone(), &config, clock.clone())?);
        let space = Arc::new(Space::new(
            &config.data_dir,
            config.min_free_mib.saturating_mul(1024 * 1024),
        ));
        let intake = Arc::new(Intake::new(
            store.clone(),
            publisher.clone(),
            clock.clone(),
            space,
        ));
        let returning = Returning::new(
            store.clone(),
            intake.clone(),
            publisher.clone(),
            clock.clone(),
        );
        let desk = Arc::new(Desk::new(store, &config, publisher.clone(), clock));
        let intake_limiter = match config.rate_limits {
            Toggle::Off => None,
            Toggle::On => Some(throttle::site_wide(
                config.intake_per_second,
                config.intake_burst,
            )),
        };
        Ok(AppState {
            layout: Layout::from_config(&config),
            config,
            intake,
            returning,
            publisher,
            desk,
            intake_limiter,
        })
    }

    /// True if the site-wide intake throttle admits one more submission now. Generous by
    /// default (a burst of hundreds): it stops floods, never a person.
    pub fn intake_admits(&self) -> bool {
        self.intake_limiter
            .as_ref()
            .is_none_or(|l| l.check().is_ok())
    }
}
