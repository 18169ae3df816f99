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
//! The files import one another one way only (each names only files below it):
//!
//! - `publisher`: the running service — tallies in RAM, wall-clock ticks, the latest snapshot
//! - `fold`: the write jobs of one tick (tallies into `counters` by chunk, a new snapshot);
//!   it reads the ledger, calls `privacy::release` and stores what the release decided
//! - `privacy`: the noised figures as a pure function of the ledger (differential privacy,
//!   on by default), their budget, and the rule that no fold lands on a released day
//! - `snapshot`: one snapshot as served, and the figures with noise off
//! - `log`: the transparency log of signed snapshots (C2SP `tlog-tiles`): its tree, tiles
//!   and signed checkpoint
//! - `tile`: tile addresses as `tlog-tiles` writes them
//! - `signed`: each snapshot signed with the publication key and chained to the one before
//! - `cells`: the names of what `counters` and `noise` hold, one type and encoding each
//! - `noise`: exact discrete Laplace sampling
//! - `published`: the published figures and their rounding (a leaf)
//! - `error`: why a tick could not publish (a leaf)

pub mod cells;
mod error;
mod fold;
pub mod log;
pub mod noise;
pub mod privacy;
mod published;
mod publisher;
pub mod signed;
mod snapshot;
pub mod tile;

pub use error::PublishError;
pub use fold::{Release, figures};
pub use published::{PledgeCounts, PublicCounts, StatementCounts, round};
pub use publisher::{HISTORY_PAGE, Publisher, Tally};
pub use snapshot::Snapshot;
