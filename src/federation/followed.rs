//! A federation member as this deployment follows it.

use crate::config::{Member, log_origin_of};
use crate::crypto::note::VerifierKey;

/// A member as this deployment follows it, read once from the configuration: what the
/// checks use, never read back from what the pages show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followed {
    pub name: String,
    /// `scheme://host[:port]`, where its API lives.
    pub origin: String,
    /// Its publication key (hex, lower case).
    pub key: String,
    /// The same key as its transparency log's verifier key (origin `host[:port]/log`).
    pub log_key: Option<VerifierKey>,
}

impl Followed {
    pub fn from_config(member: &Member) -> Followed {
        Followed {
            name: member.name.clone(),
            origin: member.origin().unwrap_or_default(),
            key: member.public_key.trim().to_ascii_lowercase(),
            log_key: VerifierKey::of_publication_key(
                &log_origin_of(Some(&member.url)),
                &member.public_key,
            )
            .ok(),
        }
    }
}
