//! In-memory rate limits (governor), nothing derived from a person written anywhere.

use std::num::NonZeroU32;

/// A site-wide token bucket.
pub type Limiter = governor::RateLimiter<
    governor::state::NotKeyed,
    governor::state::InMemoryState,
    governor::clock::DefaultClock,
>;

/// `per_second` sustained, `burst` at once (each at least 1).
pub fn site_wide(per_second: u32, burst: u32) -> Limiter {
    let per_second = NonZeroU32::new(per_second).unwrap_or(NonZeroU32::MIN);
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    governor::RateLimiter::direct(governor::Quota::per_second(per_second).allow_burst(burst))
}

/// A keyed token bucket per network, in RAM only.
type Keyed = governor::RateLimiter<
    [u8; 16],
    governor::state::keyed::DefaultKeyedStateStore<[u8; 16]>,
    governor::clock::DefaultClock,
>;

/// Keys remembered at once (about 6 MiB); past it, budgets stand aside (see `take`).
const MAX_NETWORKS: usize = 100_000;
/// The key and every budget are forgotten this often.
const KEY_LIFETIME: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
/// Forgetting idle networks walks the whole map: at most this often.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(60);
/// Waits are told in whole steps of this: an exact `Retry-After` would show someone on the
/// same network how much of the shared budget others just spent.
const WAIT_STEP: std::time::Duration = std::time::Duration::from_secs(5 * 60);

fn coarse(wait: std::time::Duration) -> std::time::Duration {
    let step = WAIT_STEP.as_secs();
    std::time::Duration::from_secs(wait.as_secs().div_ceil(step).max(1) * step)
}

/// Budgets per key — a network prefix (fair intake: one network's flood cannot turn away
/// people elsewhere) or a receipt code's tag (one code cannot flood a thread). Each key may
/// take `burst` at once, refilled at `burst` an hour. Keys are an HMAC of the input under a
/// key drawn at start and replaced daily (with every budget), held in RAM only: nothing
/// derived from an address or a code is ever written or logged, and a restart forgets all.
pub struct KeyedBudgets {
    quota: governor::Quota,
    state: std::sync::Mutex<Budgets>,
}

struct Budgets {
    key: zeroize::Zeroizing<[u8; 32]>,
    born: std::time::Instant,
    pruned: std::time::Instant,
    limiter: Keyed,
}

impl Budgets {
    fn new(quota: governor::Quota) -> Budgets {
        let mut key = zeroize::Zeroizing::new([0u8; 32]);
        // Without randomness the key is still unknown outside this process; fairness does
        // not depend on its secrecy, only the memory-dump defence does.
        let _ = getrandom::fill(key.as_mut_slice());
        let now = std::time::Instant::now();
        Budgets {
            key,
            born: now,
            pruned: now,
            limiter: governor::RateLimiter::keyed(quota),
        }
    }

    fn id(&self, network: &[u8]) -> [u8; 16] {
        use hmac::{KeyInit, Mac};
        let mut id = [0u8; 16];
        if let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(self.key.as_slice()) {
            mac.update(network);
            let tag = mac.finalize().into_bytes();
            for (slot, byte) in id.iter_mut().zip(tag.iter()) {
                *slot = *byte;
            }
        }
        id
    }
}

impl KeyedBudgets {
    pub fn new(burst: u32) -> KeyedBudgets {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let quota = governor::Quota::per_hour(burst).allow_burst(burst);
        KeyedBudgets {
            quota,
            state: std::sync::Mutex::new(Budgets::new(quota)),
        }
    }

    /// Takes one from `network`'s budget; when it is spent, how long until the next one.
    pub fn take(&self, network: &[u8]) -> Result<(), std::time::Duration> {
        use governor::clock::{Clock, DefaultClock};
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if state.born.elapsed() >= KEY_LIFETIME {
            *state = Budgets::new(self.quota);
        }
        if state.limiter.len() >= MAX_NETWORKS && state.pruned.elapsed() >= PRUNE_EVERY {
            state.limiter.retain_recent();
            state.pruned = std::time::Instant::now();
        }
        // Full even after forgetting idle keys: someone is cycling through many networks.
        // Per-network fairness then stands aside (one shared bucket would let them lock
        // out every new network); the site-wide ceiling still holds.
        if state.limiter.len() >= MAX_NETWORKS {
            return Ok(());
        }
        let id = state.id(network);
        state
            .limiter
            .check_key(&id)
            .map_err(|not_until| coarse(not_until.wait_time_from(DefaultClock::default().now())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_network_spending_its_budget_leaves_others_theirs() {
        let budgets = KeyedBudgets::new(3);
        let (flood, other) = ([4u8, 198, 51, 100], [4u8, 203, 0, 113]);
        for _ in 0..3 {
            assert!(budgets.take(&flood).is_ok());
        }
        let wait = budgets.take(&flood).unwrap_err();
        // Refilled at 3 an hour: the next one comes within 20 minutes, told in 5-minute steps.
        assert!(wait <= std::time::Duration::from_secs(20 * 60), "{wait:?}");
        assert_eq!(wait.as_secs() % 300, 0, "{wait:?}");
        assert!(budgets.take(&other).is_ok());
    }
}
