//! Accepting a testimony or a pledge: validate → seal (on the blocking pool) → durable
//! group commit → tally in RAM for the next publication tick. Only after the commit
//! returns is the survivor told it was received.

use std::sync::{Arc, RwLock};

use crate::blocking;
use crate::clock::Clock;
use crate::crypto::code_words::CodeWords;
use crate::crypto::receipt::{self, BoxContents, Derived, ReceiptCode};
use crate::crypto::suite::KeyId;
use crate::crypto::{self, CryptoError};
use crate::domain::{PledgeId, Status, TestimonyId};
use crate::form_tokens::{Claim, FormToken, FormTokens};
use crate::notify::News;
use crate::publish::Publisher;
use crate::sealing::{NewestEpoch, SealError};
use crate::store::space::Space;
use crate::store::{Store, StoreError, settings, testimonies};
use crate::submission::Testimony;

/// Why intake could not accept something. All are "try again later" for the survivor.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// No admin has finished set-up, so there is no key to seal to.
    #[error("intake is not open yet")]
    NotOpen,
    /// The write queue is full or the commit failed: 503, keep the text on the page.
    #[error("overloaded: {0}")]
    Overloaded(StoreError),
    #[error("storage failed: {0}")]
    Store(StoreError),
    #[error("sealing failed: {0}")]
    Crypto(#[from] CryptoError),
    /// The disk is nearly full: nothing new is taken until space is freed (503, text kept).
    #[error("the data directory is nearly full")]
    StorageFull,
    /// A rotation committed between sealing and storing: reseal to the new epoch.
    #[error("the epoch key changed while sealing")]
    StaleEpoch,
    #[error("{0}")]
    Joined(#[from] blocking::Joined),
    /// Too many seals are waiting: 503 at once, keep the text on the page.
    #[error("the sealing queue is full")]
    SealingBusy,
    /// This form was already stored (its one-time token is used): nothing new is saved.
    #[error("this form was already received")]
    AlreadyReceived,
}

impl From<StoreError> for IntakeError {
    fn from(e: StoreError) -> Self {
        if e.is_overload() {
            IntakeError::Overloaded(e)
        } else {
            IntakeError::Store(e)
        }
    }
}

impl From<blocking::SealingError> for IntakeError {
    fn from(e: blocking::SealingError) -> Self {
        match e {
            blocking::SealingError::Busy => IntakeError::SealingBusy,
            blocking::SealingError::Joined(j) => IntakeError::Joined(j),
        }
    }
}

impl From<SealError> for IntakeError {
    fn from(e: SealError) -> Self {
        match e {
            SealError::NoEpoch => IntakeError::NotOpen,
            SealError::Crypto(e) => IntakeError::Crypto(e),
            SealError::Store(e) => IntakeError::from(e),
        }
    }
}

pub struct Intake {
    store: Store,
    publisher: Arc<Publisher>,
    /// Tells the staff alerts that something arrived (RAM only).
    news: Arc<News>,
    /// One-time form tokens already used (RAM only).
    tokens: FormTokens,
    clock: Clock,
    space: Arc<Space>,
    epoch: RwLock<Option<NewestEpoch>>,
    salt: std::sync::OnceLock<Vec<u8>>,
}

impl Intake {
    pub fn new(
        store: Store,
        publisher: Arc<Publisher>,
        news: Arc<News>,
        clock: Clock,
        space: Arc<Space>,
    ) -> Intake {
        Intake {
            store,
            publisher,
            news,
            tokens: FormTokens::default(),
            clock,
            space,
            epoch: RwLock::new(None),
            salt: std::sync::OnceLock::new(),
        }
    }

    /// Seals and durably stores one testimony. With `want_receipt`, also makes a receipt
    /// code and returns its words — to show once; they are never stored or logged. With a
    /// form `token` that was already used, stores nothing (`AlreadyReceived`).
    pub async fn submit(
        &self,
        testimony: Testimony,
        receipt: Option<CodeWords>,
        token: Option<&FormToken>,
    ) -> Result<Option<ReceiptCode>, IntakeError> {
        if let Some(token) = token
            && self.tokens.claim(token) == Claim::Used
        {
            return Err(IntakeError::AlreadyReceived);
        }
        let outcome = self.submit_now(testimony, receipt).await;
        if let Some(token) = token {
            match outcome {
                Ok(_) => self.tokens.confirm(token),
                Err(_) => self.tokens.release(token),
            }
        }
        outcome
    }

    /// A token for a form about to be shown.
    pub fn form_token(&self) -> Result<FormToken, IntakeError> {
        Ok(FormToken::issue()?)
    }

    async fn submit_now(
        &self,
        testimony: Testimony,
        receipt: Option<CodeWords>,
    ) -> Result<Option<ReceiptCode>, IntakeError> {
        self.check_space()?;
        let testimony = Arc::new(testimony);
        let receipt = match receipt {
            Some(words) => {
                let code = ReceiptCode::generate_in(words);
                let salt = self.receipt_salt().await?;
                let derived = code.derive(&salt)?;
                let order_free = code.order_free_tag(&salt)?;
                Some((code, Arc::new((derived, order_free))))
            }
            None => None,
        };
        // A rotation by the CLI can happen under a running server; the insert notices and
        // we reseal once to the new epoch.
        for _ in 0..2 {
            let epoch = self.current_epoch(false).await?;
            let derived = receipt.as_ref().map(|(_, d)| d.clone());
            match self.seal_and_store(epoch, testimony.clone(), derived).await {
                Err(IntakeError::StaleEpoch) => {
                    self.current_epoch(true).await?;
                }
                Err(e) => return Err(e),
                Ok(()) => return Ok(receipt.map(|(code, _)| code)),
            }
        }
        Err(IntakeError::StaleEpoch)
    }

    /// The deployment's receipt salt (read once, then cached).
    pub async fn receipt_salt(&self) -> Result<Vec<u8>, IntakeError> {
        if let Some(salt) = self.salt.get() {
            return Ok(salt.clone());
        }
        let salt = match self.store.read(settings::stored_receipt_salt).await? {
            Some(salt) => salt,
            // The first code this deployment ever gives: the salt is made now, once.
            None => {
                let fresh = crate::crypto::random::bytes::<32>()?;
                self.store
                    .write(move |conn| settings::receipt_salt(conn, &fresh))
                    .await?
            }
        };
        Ok(self.salt.get_or_init(|| salt).clone())
    }

    async fn seal_and_store(
        &self,
        epoch: NewestEpoch,
        testimony: Arc<Testimony>,
        receipt: Option<Arc<(Derived, [u8; 32])>>,
    ) -> Result<(), IntakeError> {
        let id = TestimonyId::random()?;
        let day = self.clock.now().date();
        let categories = testimony.categories.clone();
        let sealing = epoch.clone();
        let sealed = blocking::run_sealing(move || -> Result<_, CryptoError> {
            let epoch = sealing;
            let ciphertext = crypto::testimony::seal(
                &epoch.public_key,
                &KeyId::from(epoch.id),
                id.as_bytes(),
                &*testimony,
            )?;
            let receipt = match receipt {
                Some(derived_and_tag) => {
                    let (derived, order_free) = derived_and_tag.as_ref();
                    let contents = BoxContents {
                        categories: testimony.categories.clone(),
                        day: crate::clock::day_string(day),
                    };
                    Some(testimonies::Receipt {
                        tag: derived.tag.to_vec(),
                        reply_public_key: derived.public.to_bytes(),
                        sealed_box: receipt::seal_box(&derived.public, id.as_bytes(), &contents)?,
                        order_free_tag: Some(order_free.to_vec()),
                    })
                }
                None => None,
            };
            Ok(testimonies::StoredTestimony {
                id,
                received_day: crate::clock::day_string(day),
                epoch_id: epoch.id,
                status: Status::New,
                uncounted: true,
                ciphertext,
                receipt,
            })
        })
        .await??;
        self.store
            .write(move |conn| -> Result<_, IntakeError> {
                if !epoch.is_current(conn)? {
                    return Err(IntakeError::StaleEpoch);
                }
                Ok(testimonies::insert(conn, &sealed, || {
                    crypto::random::word().ok()
                })?)
            })
            .await?;
        self.publisher.note_testimony(id, day, categories);
        self.news.statement();
        Ok(())
    }

    /// Stores one pledge (`key` empty for a plain pledge); counted at the next tick.
    pub async fn pledge(&self, key: String) -> Result<(), IntakeError> {
        self.check_space()?;
        let id = PledgeId::random()?;
        self.store
            .write(move |conn| crate::store::counts::insert_pledge(conn, &id, &key))
            .await?;
        self.publisher.note_change();
        Ok(())
    }

    /// Refuses new things while the disk is below its reserve.
    pub fn check_space(&self) -> Result<(), IntakeError> {
        if self.space.allows_intake(self.clock.now().unix()) {
            Ok(())
        } else {
            Err(IntakeError::StorageFull)
        }
    }

    /// True once set-up has made the first epoch key.
    pub async fn is_open(&self) -> bool {
        self.current_epoch(false).await.is_ok()
    }

    async fn current_epoch(&self, reload: bool) -> Result<NewestEpoch, IntakeError> {
        if !reload
            && let Ok(guard) = self.epoch.read()
            && let Some(epoch) = guard.as_ref()
        {
            return Ok(epoch.clone());
        }
        let epoch = self.store.read(NewestEpoch::read).await?;
        if let Ok(mut guard) = self.epoch.write() {
            *guard = Some(epoch.clone());
        }
        Ok(epoch)
    }
}
