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
//! - `followed`: a member as configured, read once
//! - `log_check`: following a member by its transparency log, with a witness quorum
//! - `plausible`: the bounds a member's figures must keep to be summed
//! - `view`: what the pages show, and the sum

pub mod chain;
pub mod fetch;
pub mod followed;
pub mod log_check;
pub mod plausible;
pub mod view;

use std::sync::{Arc, RwLock};
use std::time::Duration;

use chain::Link;
use fetch::{FetchError, Fetcher};
pub use followed::Followed;
use log_check::{LogRefusal, Verified};
use plausible::Bounds;
use view::{CLOCK_SLACK_SECS, FederationView, MemberView, Reason, State, parse_time};

use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::cosignature::WitnessVerifier;
use crate::publish::signed::{OpenError, Payload, Signed};
use crate::publish::tile::{Kind, Tile, WIDTH};
use crate::store::federation::{self as seen_store, Seen};
use crate::store::{Store, StoreError};

/// The most snapshots fetched one by one, in one check, to bridge a gap since the last
/// one verified; each is recorded as it verifies, so a longer gap is bridged over several
/// checks.
pub const MAX_WALK: u64 = 400;
/// The longest one member's check may take, walk included (what it verified is kept).
const CHECK_DEADLINE: Duration = Duration::from_secs(120);
/// Members checked at once.
const CONCURRENCY: usize = 16;

/// Why a check stopped short: the member's state and the reason shown.
type Refusal = (State, Reason);

pub struct Federation {
    members: Vec<Followed>,
    bounds: Bounds,
    /// With a quorum above 0, members are followed by their logs, cosigned by at least
    /// this many of `witnesses`.
    quorum: usize,
    witnesses: Vec<WitnessVerifier>,
    store: Store,
    clock: Clock,
    fetcher: Option<Fetcher>,
    interval: Duration,
    stale_after_secs: i64,
    view: RwLock<Arc<FederationView>>,
}

impl Federation {
    pub fn new(store: Store, config: &Config, clock: Clock) -> Federation {
        let fetcher = match Fetcher::new(config.federation_proxy.as_deref()) {
            Ok(fetcher) => Some(fetcher),
            Err(e) => {
                tracing::error!(error = %e, "the federation client could not be built");
                None
            }
        };
        let members: Vec<Followed> = config
            .federation
            .iter()
            .map(Followed::from_config)
            .collect();
        let waiting = members.iter().map(MemberView::waiting).collect();
        Federation {
            members,
            bounds: Bounds {
                max_figure: config.federation_max_figure,
                max_daily_growth: config.federation_max_daily_growth,
            },
            quorum: config.witness_quorum,
            witnesses: {
                // Each witness key once, however many entries name it: one cosignature is
                // one vote.
                let mut keys: Vec<WitnessVerifier> = Vec::new();
                for w in &config.witness {
                    if let Ok(v) = WitnessVerifier::parse(&w.vkey)
                        && !keys.contains(&v)
                    {
                        keys.push(v);
                    }
                }
                keys
            },
            store,
            clock,
            fetcher,
            interval: Duration::from_secs(config.federation_interval_secs),
            stale_after_secs: i64::from(config.federation_stale_days) * 86_400,
            view: RwLock::new(Arc::new(FederationView::new(waiting, None))),
        }
    }

    /// Whether this deployment follows any member.
    pub fn is_on(&self) -> bool {
        !self.members.is_empty()
    }

    /// What the pages show now (a member silent for too long is stale as of now).
    pub fn view(&self) -> FederationView {
        let view = self.view.read().unwrap_or_else(|p| p.into_inner()).clone();
        view.as_of(self.clock.now().time(), self.stale_after_secs)
    }

    /// Forgets what was verified of member `name` (and any conflict on file): its next
    /// snapshot is trusted afresh. For an operator who has checked with that member.
    pub async fn forget(&self, name: &str) -> Result<bool, StoreError> {
        let name = name.to_owned();
        self.store
            .write(move |conn| seen_store::forget(conn, &name))
            .await
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

    /// One member: its newest snapshot, verified, linked to what was seen and within the
    /// bounds, or why not.
    async fn check(&self, member: &Followed) -> MemberView {
        let mut shown = MemberView::waiting(member);
        shown.checked_at = Some(self.clock.now().rfc3339());
        let name = member.name.clone();
        let (seen, summed) = match self
            .store
            .read(move |conn| {
                Ok::<_, StoreError>((
                    seen_store::get(conn, &name)?,
                    seen_store::summed(conn, &name)?,
                ))
            })
            .await
        {
            Ok((seen, summed)) => {
                let seen = seen.filter(|s| s.public_key == member.key);
                let summed = summed.filter(|_| seen.is_some()).and_then(|(p, at)| {
                    Some((serde_json::from_str::<Payload>(&p).ok()?, parse_time(&at)?))
                });
                (seen, summed)
            }
            Err(e) => {
                tracing::error!(error = %e, "reading what a federation member last showed failed");
                return shown.not_verified(State::Unreachable, Reason::Storage);
            }
        };
        // The baseline's figures stay on show, whatever happens now.
        if let (Some(s), Some((p, _))) = (&seen, &summed) {
            shown = shown.with_figures(p.seq, &p.counts, &s.verified_at);
        }
        // A history it rewrote stays against it until an operator forgets it.
        if seen.as_ref().is_some_and(|s| s.conflict.is_some()) {
            return shown.not_verified(State::Failed, Reason::Rewritten);
        }
        let Some(fetcher) = &self.fetcher else {
            return shown.not_verified(State::Unreachable, Reason::Connect);
        };
        let checked = tokio::time::timeout(CHECK_DEADLINE, self.follow(fetcher, member, seen))
            .await
            .unwrap_or(Err((State::Unreachable, Reason::Timeout)));
        let newest = match checked {
            Ok(newest) => newest,
            Err((state, reason)) => return shown.not_verified(state, reason),
        };
        let Ok(p) = serde_json::from_str::<Payload>(&newest.payload) else {
            return shown.not_verified(State::Failed, Reason::NotASnapshot);
        };
        // Growth is measured on this site's clock from a baseline that moves at most once a
        // day, so checking often adds nothing to what a member may add in a day.
        let now = self.clock.now().time();
        let baseline = summed
            .as_ref()
            .map(|(b, at)| (b, (now - *at).whole_seconds()));
        if let Err(why) = plausible::check(&p, baseline, self.bounds) {
            return shown.not_verified(State::Failed, why.reason());
        }
        if baseline.is_none_or(|(_, elapsed)| elapsed >= plausible::DAY_SECS) {
            let (name, payload) = (member.name.clone(), newest.payload.clone());
            let at = self.clock.now().rfc3339();
            if let Err(e) = self
                .store
                .write(move |conn| seen_store::set_summed(conn, &name, &payload, &at))
                .await
                .map_err(|e: StoreError| e)
            {
                tracing::error!(error = %e, "recording a federation member's summed figures failed");
                return shown.not_verified(State::Unreachable, Reason::Storage);
            }
        }
        shown
            .with_figures(p.seq, &p.counts, &newest.verified_at)
            .verified()
    }

    /// Fetches the member's newest snapshot and links it to `seen`, walking any gap that
    /// `chain::link` finds; records each snapshot as it verifies. The newest record.
    async fn follow(
        &self,
        fetcher: &Fetcher,
        member: &Followed,
        seen: Option<Seen>,
    ) -> Result<Seen, Refusal> {
        let (newest, log) = match self.quorum {
            0 => (
                fetcher
                    .signed(&format!("{}/api/v1/counts.signed", member.origin))
                    .await
                    .map_err(|e| (State::Unreachable, fetch_reason(&e)))?,
                None,
            ),
            _ => {
                let (newest, log) = self.newest_in_log(fetcher, member).await?;
                (newest, Some(log))
            }
        };
        let last = self.link_newest(fetcher, member, seen, &newest).await?;
        // The log verified is recorded once its newest snapshot is: the next checkpoint
        // must extend it.
        if let Some(log) = log {
            let name = member.name.clone();
            self.store
                .write(move |conn| seen_store::set_log_state(conn, &name, log.size, &log.root))
                .await
                .map_err(|_: StoreError| (State::Unreachable, Reason::Storage))?;
        }
        Ok(last)
    }

    /// Links the member's `newest` snapshot to `seen`, walking any gap that `chain::link`
    /// finds; records each snapshot as it verifies. The newest record.
    async fn link_newest(
        &self,
        fetcher: &Fetcher,
        member: &Followed,
        seen: Option<Seen>,
        newest: &Signed,
    ) -> Result<Seen, Refusal> {
        let newest = newest.clone();
        let payload = self.verified(&newest, &member.key)?;
        let hash = newest.payload_hash();
        let link = chain::link(
            seen.as_ref(),
            &member.key,
            payload.seq,
            payload.previous.as_deref(),
            &hash,
        );
        let mut last = match (link, seen) {
            // Nothing verified yet under this key: trusted on first use.
            (Link::First, _) | (_, None) => {
                return self.record(member, &newest, payload.seq).await;
            }
            (Link::Same, Some(last)) => return Ok(last),
            (_, Some(last)) => last,
        };
        // A gap: the snapshots in between, one by one, each recorded as it verifies.
        if let Link::Gap { from, to } = link {
            if to - from >= MAX_WALK {
                // Walk what one check may, and say why the rest waits.
                for seq in from..from + MAX_WALK {
                    last = self.step(fetcher, member, &last, seq).await?;
                }
                return Err((State::Failed, Reason::GapTooLong));
            }
            for seq in from..=to {
                last = self.step(fetcher, member, &last, seq).await?;
            }
        }
        self.link_next(member, &last, &newest, &payload).await?;
        self.record(member, &newest, payload.seq).await
    }

    /// The member's newest snapshot as its log holds it: the checkpoint signed and cosigned
    /// by the quorum, the tiles rebuilding its root and extending the log verified last,
    /// the snapshot its last entry. The checkpoint is recorded as verified.
    async fn newest_in_log(
        &self,
        fetcher: &Fetcher,
        member: &Followed,
    ) -> Result<(Signed, Verified), Refusal> {
        let unreachable = |e: FetchError| (State::Unreachable, fetch_reason(&e));
        let key = member
            .log_key
            .as_ref()
            .ok_or((State::Failed, Reason::Signature))?;
        let (name, public_key) = (member.name.clone(), member.key.clone());
        let last = self
            .store
            .read(move |conn| seen_store::log_state(conn, &name, &public_key))
            .await
            .map_err(|_: StoreError| (State::Unreachable, Reason::Storage))?
            .and_then(|(size, root)| {
                Some(Verified {
                    size,
                    root: root.try_into().ok()?,
                })
            });
        // A checkpoint published seconds ago may not be cosigned yet: asked once more.
        let mut checkpoint = Err(LogRefusal::Malformed);
        for attempt in 0..2 {
            if attempt > 0 {
                tokio::time::sleep(COSIGNING_GRACE).await;
            }
            let note = fetcher
                .get(&format!("{}/log/checkpoint", member.origin))
                .await
                .map_err(unreachable)?;
            let note =
                String::from_utf8(note).map_err(|_| (State::Failed, Reason::NotASnapshot))?;
            checkpoint = log_check::checkpoint(&note, key, &self.witnesses, self.quorum, last);
            if !matches!(checkpoint, Err(LogRefusal::Quorum { .. })) {
                break;
            }
        }
        let checkpoint = checkpoint.map_err(log_reason)?;
        let tiles = checkpoint.size.div_ceil(WIDTH);
        if tiles > MAX_TILES {
            return Err((State::Failed, Reason::GapTooLong));
        }
        let mut leaves = Vec::new();
        for index in 0..tiles {
            let width = (checkpoint.size - index * WIDTH).min(WIDTH);
            let tile = Tile {
                kind: Kind::Hashes(0),
                index,
                width,
            };
            let bytes = fetcher
                .get(&format!("{}/log/tile/{}", member.origin, tile.path()))
                .await
                .map_err(unreachable)?;
            if bytes.len() as u64 != width * 32 {
                return Err((State::Failed, Reason::LogInconsistent));
            }
            leaves.extend(
                bytes
                    .chunks_exact(32)
                    .filter_map(|h| <[u8; 32]>::try_from(h).ok()),
            );
        }
        // The newest entry: usually the snapshot the member serves now (a few kilobytes);
        // if it published since the checkpoint, the last tile of entries.
        let current = fetcher
            .get(&format!("{}/api/v1/counts.signed", member.origin))
            .await
            .ok()
            .filter(|e| leaves.last() == Some(&crate::crypto::merkle::leaf_hash(e)));
        let entry = match current {
            Some(entry) => entry,
            None => {
                let last_tile = Tile {
                    kind: Kind::Entries,
                    index: tiles - 1,
                    width: checkpoint.size - (tiles - 1) * WIDTH,
                };
                let bundle = fetcher
                    .get_up_to(
                        &format!("{}/log/tile/{}", member.origin, last_tile.path()),
                        fetch::MAX_ENTRY_TILE,
                    )
                    .await
                    .map_err(unreachable)?;
                last_entry(&bundle)
                    .ok_or((State::Failed, Reason::NotInLog))?
                    .to_vec()
            }
        };
        let verified = log_check::prove(&checkpoint, last, &leaves, &entry).map_err(log_reason)?;
        let signed: Signed =
            serde_json::from_slice(&entry).map_err(|_| (State::Failed, Reason::NotASnapshot))?;
        Ok((signed, verified))
    }

    /// Fetches snapshot `seq` from the history, links it after `last` and records it.
    async fn step(
        &self,
        fetcher: &Fetcher,
        member: &Followed,
        last: &Seen,
        seq: u64,
    ) -> Result<Seen, Refusal> {
        let step = fetcher
            .signed(&format!("{}/api/v1/counts/history/{seq}", member.origin))
            .await
            .map_err(|e| (State::Unreachable, fetch_reason(&e)))?;
        let p = self.verified(&step, &member.key)?;
        if p.seq != seq {
            // Not the snapshot that address names (a cache or proxy mixing them up).
            return Err((State::Failed, Reason::NotASnapshot));
        }
        self.link_next(member, last, &step, &p).await?;
        self.record(member, &step, seq).await
    }

    /// Whether `signed` (its payload `p`) is the next snapshot after `last`. Only a
    /// contradiction — the same number with other bytes, or a next one that does not name
    /// the last — is kept as evidence; a replay or a clock set back is refused, not kept.
    async fn link_next(
        &self,
        member: &Followed,
        last: &Seen,
        signed: &Signed,
        p: &Payload,
    ) -> Result<(), Refusal> {
        let hash = signed.payload_hash();
        match chain::link(Some(last), &member.key, p.seq, p.previous.as_deref(), &hash) {
            Link::Next if in_order(p, last) => Ok(()),
            Link::Next => Err((State::Failed, Reason::TimeBackwards)),
            Link::Backwards | Link::Same => Err((State::Failed, Reason::Replayed)),
            Link::Rewritten => {
                self.keep_conflict(member, signed).await;
                Err((State::Failed, Reason::Rewritten))
            }
            Link::Gap { .. } | Link::First => Err((State::Failed, Reason::NotASnapshot)),
        }
    }

    /// The payload of `signed`, if it verifies with `key` and is not dated in the future.
    fn verified(&self, signed: &Signed, key: &str) -> Result<Payload, Refusal> {
        let payload = signed.open(key).map_err(|e| match e {
            OpenError::Signature => (State::Failed, Reason::Signature),
            OpenError::NotASnapshot => (State::Failed, Reason::NotASnapshot),
        })?;
        let now = self.clock.now().time();
        match parse_time(&payload.published_at) {
            Some(t) if (t - now).whole_seconds() <= CLOCK_SLACK_SECS => Ok(payload),
            Some(_) => Err((State::Failed, Reason::Future)),
            None => Err((State::Failed, Reason::NotASnapshot)),
        }
    }

    /// Records `signed` (snapshot `seq`) as the last verified of `member`.
    async fn record(&self, member: &Followed, signed: &Signed, seq: u64) -> Result<Seen, Refusal> {
        let record = Seen {
            name: member.name.clone(),
            public_key: member.key.clone(),
            seq,
            hash: signed.payload_hash(),
            payload: signed.payload.clone(),
            verified_at: self.clock.now().rfc3339(),
            conflict: None,
        };
        let stored = record.clone();
        self.store
            .write(move |conn| seen_store::put(conn, &stored))
            .await
            .map_err(|e: StoreError| {
                tracing::error!(error = %e, "recording a federation member's snapshot failed");
                (State::Unreachable, Reason::Storage)
            })?;
        Ok(record)
    }

    /// Keeps `evidence` of a rewritten history (when there is a record to keep it on).
    async fn keep_conflict(&self, member: &Followed, evidence: &Signed) {
        let (name, text) = (
            member.name.clone(),
            serde_json::to_string(evidence).unwrap_or_default(),
        );
        if let Err(e) = self
            .store
            .write(move |conn| seen_store::set_conflict(conn, &name, &text))
            .await
            .map_err(|e: StoreError| e)
        {
            tracing::error!(error = %e, "keeping a federation member's conflicting snapshot failed");
        }
    }
}

/// Whether `next` is not dated before `before` (beyond a few minutes of clock drift).
fn in_order(next: &Payload, before: &Seen) -> bool {
    let before_time = serde_json::from_str::<Payload>(&before.payload)
        .ok()
        .and_then(|p| parse_time(&p.published_at));
    match (before_time, parse_time(&next.published_at)) {
        (Some(b), Some(n)) => (b - n).whole_seconds() <= CLOCK_SLACK_SECS,
        _ => false,
    }
}

/// How long to wait before asking again for a checkpoint short of the witness quorum (one
/// published seconds ago is cosigned within them).
const COSIGNING_GRACE: Duration = Duration::from_secs(5);

/// The most level-0 tiles fetched in one check: 65,536 snapshots (180 years of daily
/// publications, 7 of hourly ones).
const MAX_TILES: u64 = 256;

/// The last entry of an entry bundle (each a big-endian `u16` length and its bytes).
fn last_entry(bundle: &[u8]) -> Option<&[u8]> {
    let mut rest = bundle;
    let mut last = None;
    while let Some((len, tail)) = rest.split_first_chunk::<2>() {
        let len = usize::from(u16::from_be_bytes(*len));
        last = Some(tail.get(..len)?);
        rest = tail.get(len..)?;
    }
    rest.is_empty().then_some(last).flatten()
}

fn log_reason(refusal: LogRefusal) -> Refusal {
    match refusal {
        LogRefusal::Malformed => (State::Failed, Reason::NotASnapshot),
        LogRefusal::Signature => (State::Failed, Reason::Signature),
        LogRefusal::Quorum { .. } => (State::Failed, Reason::Quorum),
        LogRefusal::Inconsistent => (State::Failed, Reason::LogInconsistent),
        LogRefusal::NotIncluded => (State::Failed, Reason::NotInLog),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::PublicCounts;

    fn payload(seq: u64, published_at: &str) -> Payload {
        let mut counts = PublicCounts::empty(1, &[]);
        counts.published_at = Some(published_at.to_owned());
        Payload {
            format: crate::publish::signed::FORMAT.to_owned(),
            seq,
            previous: None,
            published_at: published_at.to_owned(),
            counts,
        }
    }

    fn seen(p: &Payload) -> Seen {
        Seen {
            name: "a".into(),
            public_key: "k".into(),
            seq: p.seq,
            hash: "h".into(),
            payload: serde_json::to_string(p).unwrap_or_default(),
            verified_at: String::new(),
            conflict: None,
        }
    }

    #[test]
    fn a_snapshot_may_not_be_dated_before_the_last_beyond_clock_drift() {
        let before = seen(&payload(1, "2026-12-01T12:00:00Z"));
        assert!(in_order(&payload(2, "2026-12-02T12:00:00Z"), &before));
        assert!(
            in_order(&payload(2, "2026-12-01T11:58:00Z"), &before),
            "drift"
        );
        assert!(!in_order(&payload(2, "2026-11-30T12:00:00Z"), &before));
        assert!(!in_order(&payload(2, "yesterday"), &before));
    }

    #[test]
    fn a_new_key_clears_the_evidence_kept_under_the_old_one() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        crate::store::connection::migrations()
            .to_latest(&mut conn)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut record = seen(&payload(1, "2026-12-01T12:00:00Z"));
        seen_store::put(&conn, &record).unwrap_or_else(|e| panic!("{e}"));
        seen_store::set_conflict(&conn, "a", "evidence").unwrap_or_else(|e| panic!("{e}"));
        record.seq = 2;
        seen_store::put(&conn, &record).unwrap_or_else(|e| panic!("{e}"));
        let kept = seen_store::get(&conn, "a").ok().flatten();
        assert_eq!(kept.and_then(|s| s.conflict).as_deref(), Some("evidence"));
        record.public_key = "new".into();
        seen_store::put(&conn, &record).unwrap_or_else(|e| panic!("{e}"));
        let fresh = seen_store::get(&conn, "a").ok().flatten();
        assert_eq!(fresh.and_then(|s| s.conflict), None);
    }
}
