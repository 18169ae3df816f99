//! Asking the configured witnesses to cosign this deployment's log: after each publication
//! (and again, from 10 seconds to 5 minutes apart, until each has answered), each witness gets `old <size it last
//! cosigned>`, the consistency proof from there and the signed checkpoint. A cosignature
//! is kept only if it verifies with the witness's configured key; a witness that answers
//! 409 says the size it holds, and is asked again once from there. Each witness is asked
//! on its own, bounded in time (see `federation::fetch`): none holds up another, and none
//! holds up a publication.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::config::{Config, WitnessConfig};
use crate::crypto::cosignature::WitnessVerifier;
use crate::crypto::note;
use crate::federation::fetch::{FetchError, Fetcher};
use crate::publish::Publisher;
use crate::store::{Store, StoreError, witness as witness_store};

/// How long to wait before asking again a witness that has not cosigned the latest
/// checkpoint: 10 seconds at first (a peer restarting), doubling up to 5 minutes.
const FIRST_RETRY: Duration = Duration::from_secs(10);
const LAST_RETRY: Duration = Duration::from_secs(300);

/// Why a witness did not cosign.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("the witness could not be reached: {0}")]
    Fetch(#[from] FetchError),
    #[error("the witness refused with HTTP {0}")]
    Refused(u16),
    #[error("the witness answered no cosignature that verifies with its configured key")]
    BadCosignature,
    #[error("the witness holds a size this log cannot prove from")]
    Conflict,
    #[error("the witness holds the checkpoint of size {0}")]
    Held(u64),
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
}

struct Configured {
    name: String,
    url: String,
    verifier: WitnessVerifier,
}

pub struct Submitter {
    witnesses: Vec<Configured>,
    publisher: Arc<Publisher>,
    store: Store,
    fetcher: Option<Fetcher>,
}

impl Submitter {
    pub fn new(store: Store, config: &Config, publisher: Arc<Publisher>) -> Submitter {
        let witnesses = config
            .witness
            .iter()
            .filter_map(|w: &WitnessConfig| {
                Some(Configured {
                    name: w.name.trim().to_owned(),
                    url: w.url.trim().trim_end_matches('/').to_owned(),
                    verifier: WitnessVerifier::parse(&w.vkey).ok()?,
                })
            })
            .collect();
        let fetcher = Fetcher::new(config.federation_proxy.as_deref())
            .map_err(|e| tracing::error!(error = %e, "the witness client could not be built"))
            .ok();
        Submitter {
            witnesses,
            publisher,
            store,
            fetcher,
        }
    }

    pub fn is_on(&self) -> bool {
        !self.witnesses.is_empty()
    }

    /// Runs forever: a round at start and after each publication, and again while a
    /// witness has not cosigned.
    pub async fn run(self: Arc<Self>) {
        let mut growth = self.publisher.log_growth();
        let mut retry = FIRST_RETRY;
        loop {
            let wait = match self.round().await {
                true => {
                    retry = FIRST_RETRY;
                    LAST_RETRY
                }
                false => {
                    let wait = retry;
                    retry = (retry * 2).min(LAST_RETRY);
                    wait
                }
            };
            tokio::select! {
                changed = growth.changed() => if changed.is_err() { return },
                () = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// Asks every witness that has not cosigned the current checkpoint, all at once;
    /// whether every witness has now cosigned it.
    pub async fn round(&self) -> bool {
        let Some((size, note)) = self.publisher.bare_checkpoint() else {
            return true;
        };
        // The publisher holds every stored cosignature (loaded at start, added as they
        // come): no database read per round.
        let cosigned = self.publisher.cosigned_sizes();
        let asks = self.witnesses.iter().filter_map(|w| {
            let held = cosigned.iter().find(|(name, _)| *name == w.name);
            let old = held.map_or(0, |(_, size)| *size);
            (old != size || held.is_none()).then(|| self.ask(w, old, size, note.clone()))
        });
        let mut all = true;
        for (witness, result) in futures_util::future::join_all(asks).await {
            match result {
                Ok(()) => tracing::info!(witness = %witness, size, "cosigned"),
                Err(e) => {
                    all = false;
                    tracing::warn!(witness = %witness, error = %e, "not cosigned");
                }
            }
        }
        all
    }

    /// Asks one witness; on a 409, once more from the size it says it holds.
    async fn ask(
        &self,
        w: &Configured,
        mut old: u64,
        size: u64,
        note: String,
    ) -> (String, Result<(), SubmitError>) {
        let mut result = self.submit(w, old, size, &note).await;
        if let Err(SubmitError::Held(held)) = result
            && held != old
            && held <= size
        {
            old = held;
            result = self.submit(w, old, size, &note).await;
        }
        (w.name.clone(), result)
    }

    async fn submit(
        &self,
        w: &Configured,
        old: u64,
        size: u64,
        note: &str,
    ) -> Result<(), SubmitError> {
        let fetcher = self.fetcher.as_ref().ok_or(FetchError::Connect)?;
        let proof = self
            .publisher
            .consistency_proof(old, size)
            .map_err(|_| SubmitError::Conflict)?;
        let mut body = format!("old {old}\n");
        for hash in &proof {
            body.push_str(&BASE64.encode(hash));
            body.push('\n');
        }
        body.push('\n');
        body.push_str(note);
        let (status, answer) = fetcher
            .post(&format!("{}/add-checkpoint", w.url), body)
            .await?;
        if status == 409 {
            // The body is the size the witness holds.
            let held = std::str::from_utf8(&answer)
                .ok()
                .and_then(|a| a.trim().parse().ok());
            return Err(held.map_or(SubmitError::Refused(409), SubmitError::Held));
        }
        if status != 200 {
            return Err(SubmitError::Refused(status));
        }
        let text = note::text_of(note).ok_or(SubmitError::BadCosignature)?;
        let answer = String::from_utf8(answer).map_err(|_| SubmitError::BadCosignature)?;
        let line = answer
            .lines()
            .find(|line| w.verifier.verify(text, line).is_ok())
            .ok_or(SubmitError::BadCosignature)?
            .to_owned();
        let (name, stored) = (w.name.clone(), line.clone());
        self.store
            .write(move |conn| witness_store::set_cosignature(conn, &name, size, &stored))
            .await?;
        self.publisher.add_cosignature(&w.name, size, &line);
        Ok(())
    }
}
