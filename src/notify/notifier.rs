//! The alert service: at each wall-clock tick (multiples of `notify_interval_secs`, offset
//! to `notify_hour`), if statements or follow-ups arrived since the last alert, every
//! configured channel gets one. A failed channel is retried with growing pauses until the
//! next tick, logged once when it starts failing and once when it recovers, and shown to
//! admins; intake never waits for any of it (it only bumps a counter in RAM).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use time::OffsetDateTime;

use super::mail::Mailer;
use super::news::{Arrived, News};
use super::webhook::Hook;
use super::{Alert, AlertText, Failure};
use crate::clock::{Clock, next_tick, until};
use crate::config::{Config, NotifyDetail};
use crate::domain::Status;
use crate::store::{Store, StoreResult, casework, settings, testimonies};

/// A way alerts go out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Mail,
    Webhook,
}

impl Channel {
    pub fn key(self) -> &'static str {
        match self {
            Channel::Mail => "alerts-channel-mail",
            Channel::Webhook => "alerts-channel-webhook",
        }
    }
}

/// Which channels still owe the last alert (a failure carries it to the next tick).
#[derive(Clone, Copy, Debug, Default)]
struct Owed {
    mail: bool,
    webhook: bool,
}

impl Owed {
    fn of(self, channel: Channel) -> bool {
        match channel {
            Channel::Mail => self.mail,
            Channel::Webhook => self.webhook,
        }
    }

    fn settle(&mut self, channel: Channel) {
        match channel {
            Channel::Mail => self.mail = false,
            Channel::Webhook => self.webhook = false,
        }
    }

    fn any(self) -> bool {
        self.mail || self.webhook
    }
}

/// A channel that is failing.
#[derive(Clone, Debug)]
pub struct ChannelFailure {
    pub channel: Channel,
    pub failure: Failure,
    /// When it started failing.
    pub since: OffsetDateTime,
    pub attempts: u32,
}

/// What admins see of the alerts.
#[derive(Clone, Debug, Default)]
pub struct AlertState {
    pub channels: Vec<Channel>,
    pub last_sent: Option<OffsetDateTime>,
    pub next_tick: Option<OffsetDateTime>,
    pub failing: Vec<ChannelFailure>,
}

/// The longest one channel may take to deliver one alert, whatever the server does.
const SEND_TIMEOUT: Duration = Duration::from_secs(90);

/// What is waiting now: new statements, statements awaiting a reply.
type Waiting = (u64, u64);

pub struct Notifier {
    store: Store,
    clock: Clock,
    news: Arc<News>,
    mail: Option<Result<Mailer, Failure>>,
    hook: Option<Result<Hook, Failure>>,
    interval_secs: u64,
    offset_secs: u64,
    detail: NotifyDetail,
    state: Mutex<AlertState>,
    owed: Mutex<Owed>,
}

impl Notifier {
    pub fn new(store: Store, config: &Config, clock: Clock, news: Arc<News>) -> Notifier {
        let mail = config.notify_smtp_url.as_ref().map(|url| {
            Mailer::new(
                url,
                config.notify_from.as_deref().unwrap_or_default(),
                &config.notify_to,
            )
        });
        let hook = config
            .notify_webhook
            .as_ref()
            .map(|url| Hook::new(url, config.notify_webhook_topic.as_deref()));
        let interval_secs = config.notify_interval_secs.max(1);
        let mut channels = Vec::new();
        if mail.is_some() {
            channels.push(Channel::Mail);
        }
        if hook.is_some() {
            channels.push(Channel::Webhook);
        }
        Notifier {
            store,
            clock,
            news,
            mail,
            hook,
            interval_secs,
            offset_secs: (u64::from(config.notify_hour) * 3600) % interval_secs,
            detail: config.notify_detail,
            state: Mutex::new(AlertState {
                channels,
                ..AlertState::default()
            }),
            owed: Mutex::new(Owed::default()),
        }
    }

    /// What admins see.
    pub fn state(&self) -> AlertState {
        let mut state = self.lock_state().clone();
        state.next_tick = Some(next_tick(
            self.clock.now().time(),
            self.interval_secs,
            self.offset_secs,
        ));
        state
    }

    fn lock_state(&self) -> std::sync::MutexGuard<'_, AlertState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs forever (returns at once when no channel is configured).
    pub async fn run(self: Arc<Self>, text: AlertText) {
        if self.mail.is_none() && self.hook.is_none() {
            return;
        }
        let mut first = true;
        loop {
            let now = self.clock.now().time();
            let tick = next_tick(now, self.interval_secs, self.offset_secs);
            tokio::time::sleep(until(now, tick)).await;
            let arrived = self.news.take();
            let waiting = match self.store.read(waiting).await {
                Ok(w) => w,
                Err(e) => {
                    tracing::warn!(error = %e, "alerts: could not read what is waiting");
                    self.news.restore(arrived);
                    continue;
                }
            };
            // After a start the RAM count is gone: compare with what waited at the last alert.
            let since_restart = if first {
                self.grown_since_last_alert(waiting).await
            } else {
                Arrived::default()
            };
            first = false;
            let news = if arrived.any() {
                arrived
            } else {
                since_restart
            };
            {
                let mut owed = self.owed.lock().unwrap_or_else(|p| p.into_inner());
                if news.any() {
                    *owed = Owed {
                        mail: self.mail.is_some(),
                        webhook: self.hook.is_some(),
                    };
                }
                if !owed.any() {
                    continue;
                }
            }
            let alert = Alert::compose(&text, self.detail, news);
            let deadline = next_tick(
                self.clock.now().time(),
                self.interval_secs,
                self.offset_secs,
            );
            let delivered = self.deliver(&alert, deadline).await;
            // Remembered only once an alert went out: a restart then still owes it.
            if news.any() && delivered {
                let remembered = self
                    .store
                    .write(move |conn| settings::set_waiting_at_alert(conn, waiting))
                    .await;
                if let Err(e) = remembered {
                    tracing::warn!(error = %e, "alerts: could not note what was waiting");
                }
            }
        }
    }

    /// What arrived (by the stored counts) since the last alert before this start.
    async fn grown_since_last_alert(&self, now: Waiting) -> Arrived {
        let then = self
            .store
            .read(settings::waiting_at_alert)
            .await
            .ok()
            .flatten()
            .unwrap_or((0, 0));
        Arrived {
            statements: now.0.saturating_sub(then.0),
            follow_ups: now.1.saturating_sub(then.1),
        }
    }

    /// Sends to every channel that owes the alert, retrying failures with growing pauses
    /// until `deadline` (the next tick, which tries again). True if any channel delivered.
    async fn deliver(&self, alert: &Alert, deadline: OffsetDateTime) -> bool {
        let base = Duration::from_secs((self.interval_secs / 10).clamp(1, 60));
        let mut pause = base;
        let mut delivered = false;
        loop {
            let owed = *self.owed.lock().unwrap_or_else(|p| p.into_inner());
            for channel in [Channel::Mail, Channel::Webhook] {
                if !owed.of(channel) {
                    continue;
                }
                let sending = async {
                    match channel {
                        Channel::Mail => match &self.mail {
                            Some(Ok(m)) => m.send(alert).await,
                            Some(Err(f)) => Err(*f),
                            None => Ok(()),
                        },
                        Channel::Webhook => match &self.hook {
                            Some(Ok(h)) => h.send(alert).await,
                            Some(Err(f)) => Err(*f),
                            None => Ok(()),
                        },
                    }
                };
                // A server that accepts and then says nothing (lettre bounds only the
                // connect) must not hold the other channel or the next tick up.
                let outcome = tokio::time::timeout(SEND_TIMEOUT, sending)
                    .await
                    .unwrap_or(Err(Failure::Timeout));
                delivered |= outcome.is_ok();
                self.record(channel, outcome);
            }
            let still_owed = self.owed.lock().unwrap_or_else(|p| p.into_inner()).any();
            let now = self.clock.now().time();
            if !still_owed || now + pause >= deadline {
                return delivered;
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(30 * 60));
        }
    }

    /// Notes one attempt: logged only when a channel starts failing and when it recovers.
    fn record(&self, channel: Channel, outcome: Result<(), Failure>) {
        let now = self.clock.now().time();
        let mut state = self.lock_state();
        let known = state.failing.iter().position(|f| f.channel == channel);
        match (outcome, known) {
            (Ok(()), known) => {
                if let Some(i) = known {
                    state.failing.remove(i);
                    tracing::info!(channel = channel_name(channel), "alerts: delivered again");
                }
                state.last_sent = Some(now);
                self.owed
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .settle(channel);
            }
            (Err(failure), Some(i)) => {
                if let Some(f) = state.failing.get_mut(i) {
                    f.failure = failure;
                    f.attempts += 1;
                }
            }
            (Err(failure), None) => {
                tracing::warn!(
                    channel = channel_name(channel),
                    reason = %failure,
                    "alerts: delivery failed; retrying until the next alert time"
                );
                state.failing.push(ChannelFailure {
                    channel,
                    failure,
                    since: now,
                    attempts: 1,
                });
            }
        }
    }
}

fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Mail => "mail",
        Channel::Webhook => "webhook",
    }
}

/// New statements and statements awaiting a reply.
fn waiting(conn: &rusqlite::Connection) -> StoreResult<Waiting> {
    let new = testimonies::status_counts(conn)?
        .into_iter()
        .find(|(s, _)| *s == Status::New)
        .map_or(0, |(_, n)| u64::try_from(n).unwrap_or(0));
    Ok((new, casework::awaiting_count(conn)?))
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn ticks_fall_on_the_chosen_hour() {
        let now = datetime!(2026-12-07 13:05:00 UTC);
        assert_eq!(
            next_tick(now, 86_400, 8 * 3600),
            datetime!(2026-12-08 08:00:00 UTC)
        );
        let early = datetime!(2026-12-07 07:59:59 UTC);
        assert_eq!(
            next_tick(early, 86_400, 8 * 3600),
            datetime!(2026-12-07 08:00:00 UTC)
        );
        assert_eq!(next_tick(now, 3600, 0), datetime!(2026-12-07 14:00:00 UTC));
        // A tick exactly now waits for the next one.
        let on = datetime!(2026-12-08 08:00:00 UTC);
        assert_eq!(
            next_tick(on, 86_400, 8 * 3600),
            datetime!(2026-12-09 08:00:00 UTC)
        );
    }
}
