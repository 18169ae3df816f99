//! Why a tick could not publish (its tallies wait for the next one), or the log could not
//! serve a tile.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    #[error("the snapshot could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("the operating system's random generator failed")]
    Random,
    #[error("the stored publication key is malformed")]
    Key,
    #[error("the stored snapshots do not match the transparency log's tree")]
    LogMismatch,
}
