//! A federation of counters: this deployment fetches each configured member's signed
//! snapshot on its own ticks, checks the signature against the key in its configuration
//! and the chain against what it verified last (the sequence only grows; each snapshot names
//! the one before), and shows every member's latest verified figures and their sum.
//!
//! Fetching runs in its own task with bounded requests (see `fetch`): a slow or hostile
//! member only marks itself, and intake and the public pages never wait on it. Nothing of
//! this deployment's own goes out: it only asks for what members already publish.
//!
//! - `fetch`: the bounded HTTP client
//! - `chain`: how a snapshot stands to the last one verified
//! - `view`: what the pages show, and the sum

pub mod chain;
pub mod fetch;
pub mod view;

use std::sync::{Arc, RwLock};
use std::time::Duration;

use chain::Link;
use fetch::FetchError;
use view::{FederationView, MemberView, Reason, State};

use crate::clock::Clock;
use crate::config::{Config, Member};
use crate::publish::signed::{OpenError, Payload, Signed};
use crate::store::federation::{self as seen_store, Seen};
use crate::store::{Store, StoreError};

/// The most snapshots fetched one by one to bridge a gap since the last check (a year of
/// daily ones); a longer gap is reported, not trusted.
pub const MAX_WALK: u64 = 400;
/// Members checked at once.
const CONCURRENCY: usize = 16;

pub struct Federation {
    members: Vec<Member>,
    store: Store,
    clock: Clock,
    client: Option<reqwest::Client>,
    interval: Duration,
    view: RwLock<Arc<FederationView>>,
}

impl Federation {
    pub fn new(store: Store, config: &Config, clock: Clock) -> Federation {
        let client = match fetch::client(config.federation_proxy.as_deref()) {
            Ok(client) => Some(client),
            Err(e) => {
                tracing::error!(error = %e, "the federation client could not be built");
                None
            }
        };
        let members = config.federation.clone();
        let waiting = members.iter().map(MemberView::waiting).collect();
        Federation {
            members,
            store,
            clock,
            client,
            interval: Duration::from_secs(config.federation_interval_secs),
            view: RwLock::new(Arc::new(FederationView::new(waiting, None))),
        }
    }

    /// Whether this deployment follows any member.
    pub fn is_on(&self) -> bool {
        !self.members.is_empty()
    }

    /// What the pages show now.
    pub fn view(&self) -> Arc<FederationView> {
        self.view.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Runs forever: each member on its own loop — checked, shown, then again after the
    /// interval — so a slow member holds up no other (at most [`CONCURRENCY`] at once).
    pub async fn run(self: Arc<Self>) {
        let permits = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
        let mut loops = tokio::task::JoinSet::new();
        for i in 0..self.members.len() {
            let (me, permits) = (self.clone(), permits.clone());
            loops.spawn(async move {
                loop {
                    if let (Ok(_permit), Some(member)) =
                        (permits.acquire().await, me.members.get(i))
                    {
                        let shown = me.check(member).await;
                        me.show(i, shown);
                    }
                    tokio::time::sleep(me.interval).await;
                }
            });
        }
        while loops.join_next().await.is_some() {}
    }

    /// Puts what was found of member `i` on show, with the sum recomputed.
    fn show(&self, i: usize, shown: MemberView) {
        let mut view = self.view.write().unwrap_or_else(|p| p.into_inner());
        let mut members = view.members.clone();
        if let Some(slot) = members.get_mut(i) {
            *slot = shown;
        }
        *view = Arc::new(FederationView::new(
            members,
            Some(self.clock.now().rfc3339()),
        ));
    }

    /// One member: its newest snapshot, verified and linked to what was seen, or why not.
    async fn check(&self, member: &Member) -> MemberView {
        let now = self.clock.now();
        let mut shown = MemberView::waiting(member);
        shown.checked_at = Some(now.rfc3339());
        let key = shown.public_key.clone();
        let name = member.name.clone();
        let seen = match self
            .store
            .read(move |conn| seen_store::get(conn, &name))
            .await
        {
            Ok(seen) => seen.filter(|s| s.public_key == key),
            Err(e) => {
                tracing::error!(error = %e, "reading what a federation member last showed failed");
                return shown.not_verified(State::Unreachable, Reason::Storage);
            }
        };
        // What was last verified stays on show, whatever happens now.
        if let Some(s) = &seen
            && let Ok(p) = serde_json::from_str::<Payload>(&s.payload)
        {
            shown = shown.with_figures(p.seq, &p.counts, &s.verified_at);
        }
        let Some(client) = &self.client else {
            return shown.not_verified(State::Unreachable, Reason::Connect);
        };
        let origin = shown.url.clone();
        let newest = match fetch::signed(client, &format!("{origin}/api/v1/counts.signed")).await {
            Ok(signed) => signed,
            Err(e) => return shown.not_verified(State::Unreachable, fetch_reason(&e)),
        };
        let (payload, hash) = match verified(&newest, &key) {
            Ok(v) => v,
            Err(reason) => return shown.not_verified(State::Failed, reason),
        };
        let linked = chain::link(
            seen.as_ref(),
            &key,
            payload.seq,
            payload.previous.as_deref(),
            &hash,
        );
        let outcome = match linked {
            Link::First | Link::Same | Link::Next => Ok(()),
            Link::Backwards => Err((State::Failed, Reason::Replayed)),
            Link::Rewritten => Err((State::Failed, Reason::Rewritten)),
            Link::Gap { from, to } => match &seen {
                Some(s) if to - from < MAX_WALK => {
                    self.walk(client, &origin, &key, s.hash.clone(), from, to, &payload)
                        .await
                }
                _ => Err((State::Failed, Reason::GapTooLong)),
            },
        };
        if let Err((state, reason)) = outcome {
            return shown.not_verified(state, reason);
        }
        let record = Seen {
            name: member.name.clone(),
            public_key: key,
            seq: payload.seq,
            hash,
            payload: newest.payload.clone(),
            verified_at: now.rfc3339(),
        };
        let verified_at = record.verified_at.clone();
        if linked != Link::Same
            && let Err(e) = self
                .store
                .write(move |conn| seen_store::put(conn, &record))
                .await
                .map_err(|e: StoreError| e)
        {
            tracing::error!(error = %e, "recording a federation member's snapshot failed");
            return shown.not_verified(State::Unreachable, Reason::Storage);
        }
        let verified_at = match (&seen, linked) {
            (Some(s), Link::Same) => s.verified_at.clone(),
            _ => verified_at,
        };
        shown
            .with_figures(payload.seq, &payload.counts, &verified_at)
            .verified(now.time())
    }

    /// Checks the snapshots `from..=to` one by one, each naming the one before, starting
    /// from the hash last seen, and that `newest` names the last of them.
    #[allow(clippy::too_many_arguments)]
    async fn walk(
        &self,
        client: &reqwest::Client,
        origin: &str,
        key: &str,
        mut previous: String,
        from: u64,
        to: u64,
        newest: &Payload,
    ) -> Result<(), (State, Reason)> {
        for seq in from..=to {
            let url = format!("{origin}/api/v1/counts/history/{seq}");
            let signed = fetch::signed(client, &url)
                .await
                .map_err(|e| (State::Unreachable, fetch_reason(&e)))?;
            let (payload, hash) = verified(&signed, key).map_err(|r| (State::Failed, r))?;
            if payload.seq != seq || payload.previous.as_deref() != Some(previous.as_str()) {
                return Err((State::Failed, Reason::Rewritten));
            }
            previous = hash;
        }
        if newest.previous.as_deref() == Some(previous.as_str()) {
            Ok(())
        } else {
            Err((State::Failed, Reason::Rewritten))
        }
    }
}

/// The payload and its hash, if `signed` verifies with `key`.
fn verified(signed: &Signed, key: &str) -> Result<(Payload, String), Reason> {
    match signed.open(key) {
        Ok(payload) => Ok((payload, signed.payload_hash())),
        Err(OpenError::Signature) => Err(Reason::Signature),
        Err(OpenError::NotASnapshot) => Err(Reason::NotASnapshot),
    }
}

fn fetch_reason(e: &FetchError) -> Reason {
    match e {
        FetchError::Timeout => Reason::Timeout,
        FetchError::Connect => Reason::Connect,
        FetchError::Status(_) => Reason::HttpStatus,
        FetchError::TooLarge => Reason::TooLarge,
        FetchError::NotJson => Reason::NotJson,
    }
}
