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
