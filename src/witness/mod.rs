//! Witnessing (C2SP `tlog-witness`), both ways. A witness cosigns a log's checkpoint only
//! if it extends every checkpoint of that log it cosigned before, so a log that shows two
//! histories is caught by anyone comparing cosigned checkpoints.
//!
//! - This deployment **is** a witness for its federation peers' logs: `POST
//!   /witness/add-checkpoint` (the logs it follows are its `[[federation]]` members, each
//!   checked with the publication key already configured for it; what it cosigned is kept
//!   in `witnessed`, so a restart forgets nothing).
//! - It **asks** the `[[witness]]` entries to cosign its own log after each publication
//!   (`submit`), keeps their cosignatures and serves them on `/log/checkpoint`. A witness
//!   that is down or refuses never holds up a publication.
//!
//! - `decide`: the witness's decision, with no I/O (table-tested for every refusal)
//! - `submit`: asking the configured witnesses

pub mod decide;
pub mod submit;

use decide::{AddCheckpoint, Known, Recorded, Refusal};

use crate::clock::Clock;
use crate::config::{Config, log_origin_of};
use crate::crypto::cosignature::WitnessKey;
use crate::crypto::note::VerifierKey;
use crate::store::{Store, StoreError, settings, witness as witness_store};

pub struct Witness {
    name: String,
    /// Each member's name and its log.
    logs: Vec<(String, Known)>,
    store: Store,
    clock: Clock,
    /// The witness key once read (or made): no write job per request.
    key: tokio::sync::OnceCell<WitnessKey>,
}

impl Witness {
    /// Follows every federation member's log: its origin from the member's URL, its key
    /// the publication key configured for it.
    pub fn new(store: Store, config: &Config, clock: Clock) -> Witness {
        let logs = config
            .federation
            .iter()
            .filter_map(|m| {
                let origin = log_origin_of(Some(&m.url));
                match VerifierKey::of_publication_key(&origin, &m.public_key) {
                    Ok(key) => Some((m.name.clone(), Known { origin, key })),
                    Err(_) => {
                        tracing::error!(member = %m.name, "a member's key cannot check its log");
                        None
                    }
                }
            })
            .collect();
        Witness {
            name: config.witness_name(),
            logs,
            store,
            clock,
            key: tokio::sync::OnceCell::new(),
        }
    }

    /// The witness's key, made the first time it is asked for.
    async fn key(&self) -> Result<&WitnessKey, StoreError> {
        self.key
            .get_or_try_init(|| async {
                let fresh = crate::crypto::random::bytes::<32>().map_err(|_| StoreError::Random)?;
                let seed = self
                    .store
                    .write(move |conn| settings::witness_seed(conn, &fresh))
                    .await?;
                WitnessKey::from_seed(&seed).map_err(|_| StoreError::Random)
            })
            .await
    }

    /// The verifier key peers put in their `[[witness]]` entry for this deployment.
    pub async fn verifier_key(&self) -> Result<String, StoreError> {
        Ok(self.key().await?.verifier_key(&self.name))
    }

    /// Forgets what was cosigned of member `name`'s log (after a restore rewound it, once its
    /// operator has checked with them). True if there was a record.
    pub async fn forget(&self, name: &str) -> Result<bool, StoreError> {
        let Some((_, log)) = self.logs.iter().find(|(n, _)| n == name) else {
            return Ok(false);
        };
        let origin = log.origin.clone();
        self.store
            .write(move |conn| witness_store::forget(conn, &origin))
            .await
    }

    /// Answers an `add-checkpoint` request: the cosignature line, or the refusal.
    pub async fn add_checkpoint(&self, body: &str) -> Result<String, Refusal> {
        let request = AddCheckpoint::parse(body).ok_or(Refusal::Malformed)?;
        let log = request
            .origin()
            .and_then(|origin| self.logs.iter().find(|(_, l)| l.origin == origin))
            .ok_or(Refusal::UnknownLog)?
            .1
            .clone();
        // The signature first, with no state: a stranger never reaches the database.
        let signed = decide::signed_by(&request, &log)?;
        let key = self.key().await.map_err(|_| Refusal::Unavailable)?;
        // Read, decide and record in one write job: two requests for one log cannot both
        // extend the same old checkpoint.
        let accepted = self
            .store
            .write(move |conn| {
                let recorded =
                    witness_store::witnessed(conn, &log.origin)?.and_then(|(size, root)| {
                        Some(Recorded {
                            size,
                            root: root.try_into().ok()?,
                        })
                    });
                let decision = decide::extends(&request, signed, recorded);
                if let Ok(accepted) = &decision {
                    let c = &accepted.checkpoint;
                    witness_store::set_witnessed(conn, &c.origin, c.size, &c.root)?;
                }
                Ok::<_, StoreError>(decision)
            })
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "recording a witnessed checkpoint failed");
                Refusal::Unavailable
            })??;
        let now = u64::try_from(self.clock.now().time().unix_timestamp()).unwrap_or(0);
        key.cosign(&self.name, &accepted.text, now)
            .map_err(|_| Refusal::Unavailable)
    }
}
