//! SQLite storage. One writer thread owns the only write connection and group-commits
//! whatever is queued into one transaction; readers use a small pool. Nothing here ever
//! sees plaintext: rows hold ids, days, statuses and ciphertext. One file per table group;
//! only the services (`intake`, `returning`, `publish`, `review`) call them.

pub mod audit;
pub mod casework;
mod checkpointer;
pub mod connection;
pub mod counts;
pub mod devices;
mod error;
pub mod federation;
mod file_times;
mod handle;
pub mod invitations;
pub mod keys;
pub mod labels;
pub mod messages;
pub mod noise;
pub mod read_pool;
pub mod recovery_codes;
pub mod server_lock;
pub mod settings;
pub mod setup_tokens;
pub mod space;
pub mod staff;
pub mod testimonies;
pub mod witness;
pub mod writer;

pub use error::{StoreError, StoreResult};
pub use handle::Store;
