//! Building the services — Intake, Returning, the Publisher, the staff Desk, the
//! Federation, the Notifier and the Witness — over one store and one clock. The server and the CLI both start here, so
//! neither the web layer nor the command line ever holds the store itself.

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Config;
use crate::federation::Federation;
use crate::intake::Intake;
use crate::notify::{News, Notifier};
use crate::publish::Publisher;
use crate::returning::Returning;
use crate::review::Desk;
use crate::store::space::Space;
use crate::store::{Store, StoreResult};
use crate::witness::Witness;
use crate::witness::submit::Submitter;

pub struct Services {
    pub intake: Arc<Intake>,
    pub returning: Returning,
    pub publisher: Arc<Publisher>,
    pub desk: Arc<Desk>,
    pub federation: Arc<Federation>,
    pub notifier: Arc<Notifier>,
    /// This deployment as a witness of its peers' logs.
    pub witness: Arc<Witness>,
    /// Asks the configured witnesses to cosign this deployment's log.
    pub submitter: Arc<Submitter>,
}

impl Services {
    /// Opens (creating if needed) the database of `config` and builds every service on it.
    pub fn open(config: &Config, clock: Clock) -> StoreResult<Services> {
        let store = Store::open(&config.database_path(), config.write_queue)?;
        let publisher = Arc::new(Publisher::load(store.clone(), config, clock.clone())?);
        let space = Arc::new(Space::new(
            &config.data_dir,
            config.min_free_mib.saturating_mul(1024 * 1024),
        ));
        let news = Arc::new(News::default());
        let intake = Arc::new(Intake::new(
            store.clone(),
            publisher.clone(),
            news.clone(),
            clock.clone(),
            space,
        ));
        let returning = Returning::new(
            store.clone(),
            intake.clone(),
            publisher.clone(),
            news.clone(),
            clock.clone(),
        );
        let notifier = Arc::new(Notifier::new(store.clone(), config, clock.clone(), news));
        let federation = Arc::new(Federation::new(store.clone(), config, clock.clone()));
        let witness = Arc::new(Witness::new(store.clone(), config, clock.clone()));
        let submitter = Arc::new(Submitter::new(store.clone(), config, publisher.clone()));
        let desk = Arc::new(Desk::new(store, config, publisher.clone(), clock));
        Ok(Services {
            intake,
            returning,
            publisher,
            desk,
            federation,
            notifier,
            witness,
            submitter,
        })
    }
}
