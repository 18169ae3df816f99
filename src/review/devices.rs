//! Browsers that logged in before, held in memory so the login path can recognise them
//! without touching the database: a known browser, logging in to an account it logged in to
//! before, skips the site-wide login throttle and uses a reserved Argon2 permit — so a flood
//! cannot lock staff out — but has a small rate limit of its own, so a stolen device cookie
//! cannot be used to flood.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroU32;
use std::sync::RwLock;

use governor::{Quota, RateLimiter};

use crate::domain::TokenHash;

type DeviceLimiter = RateLimiter<
    [u8; 32],
    governor::state::keyed::DefaultKeyedStateStore<[u8; 32]>,
    governor::clock::DefaultClock,
>;

pub struct KnownDevices {
    /// SHA-256 of a device token → usernames it logged in to.
    known: RwLock<HashMap<[u8; 32], HashSet<String>>>,
    limiter: DeviceLimiter,
}

impl Default for KnownDevices {
    fn default() -> Self {
        KnownDevices::new()
    }
}

impl KnownDevices {
    pub fn new() -> KnownDevices {
        // One attempt every 2 s per browser, with a burst of 5: plenty for a person.
        let quota = Quota::with_period(std::time::Duration::from_secs(2))
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(5).unwrap_or(NonZeroU32::MIN));
        KnownDevices {
            known: RwLock::new(HashMap::new()),
            limiter: RateLimiter::hashmap(quota),
        }
    }

    /// Replaces everything with `(token hash, username)` pairs read from the database (at start,
    /// and periodically, so disabling someone from the command line takes effect).
    pub fn replace_all(&self, pairs: Vec<(Vec<u8>, String)>) {
        let mut known: HashMap<[u8; 32], HashSet<String>> = HashMap::new();
        for (token_hash, username) in pairs {
            if let Ok(key) = <[u8; 32]>::try_from(token_hash.as_slice()) {
                known.entry(key).or_default().insert(username);
            }
        }
        *self.known.write().unwrap_or_else(|p| p.into_inner()) = known;
    }

    /// After a good login.
    pub fn add(&self, token: &str, username: &str) {
        self.known
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .entry(*TokenHash::of(token).as_bytes())
            .or_default()
            .insert(username.to_owned());
    }

    /// True if this browser logged in to `username` before.
    pub fn knows(&self, token: &str, username: &str) -> bool {
        self.known
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(TokenHash::of(token).as_bytes())
            .is_some_and(|names| names.contains(username))
    }

    /// The known browser's own rate limit.
    pub fn admits(&self, token: &str) -> bool {
        self.limiter
            .check_key(TokenHash::of(token).as_bytes())
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_known_only_for_the_accounts_it_logged_in_to() {
        let devices = KnownDevices::new();
        devices.add("token-a", "alex");
        assert!(devices.knows("token-a", "alex"));
        assert!(!devices.knows("token-a", "sam"));
        assert!(!devices.knows("token-b", "alex"));
        devices.replace_all(vec![(
            TokenHash::of("token-b").as_bytes().to_vec(),
            "sam".into(),
        )]);
        assert!(
            !devices.knows("token-a", "alex"),
            "a reload forgets what is gone"
        );
        assert!(devices.knows("token-b", "sam"));
    }

    #[test]
    fn a_known_device_has_its_own_small_budget() {
        let devices = KnownDevices::new();
        let admitted = (0..20).filter(|_| devices.admits("token")).count();
        assert_eq!(admitted, 5);
        assert!(devices.admits("another"));
    }
}
