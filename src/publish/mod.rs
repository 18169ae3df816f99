//! Public counts. Intake never touches `counters`: each new row is marked uncounted and its
//! categories wait here, in RAM. At a wall-clock tick (every `publish_interval_secs`, never at
//! start-up) the waiting tallies fold into `counters` in chunks of at most 1,000 rows, each
//! chunk one transaction that also clears its rows' marks, and a rounded snapshot is stored.
//! The HTML page, the JSON and the badge all serve that one snapshot, so they agree and a
//! restart changes nothing.
//!
//! Every published cell is a count noised for differential privacy (see `privacy`; with
//! `noise_epsilon = 0`, the true count) rounded down to a multiple of `min_cell`, or `null`
//! below it; weeks appear once closed and are never revised.

//!
//! - `publisher`: the running service — tallies in RAM, wall-clock ticks, the latest snapshot
//! - `fold`: the write jobs of one tick (tallies into `counters` by chunk, a new snapshot)
//! - `snapshot`: the published figures and how true counts are rounded into them (noise off)
//! - `privacy`: the noised figures (differential privacy, on by default) and their budget
//! - `noise`: exact discrete Laplace sampling
//! - `signed`: each snapshot signed with the publication key and chained to the one before

mod fold;
pub mod noise;
pub mod privacy;
mod publisher;
pub mod signed;
mod snapshot;

pub use fold::{Release, figures};
pub use publisher::{HISTORY_PAGE, PublishError, Publisher};
pub use snapshot::{PledgeCounts, PublicCounts, Snapshot, StatementCounts, round};
