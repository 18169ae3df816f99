//! "A form is stored once." Every survivor form Chorus renders carries a random one-time
//! token; a statement sent with a token that was already used stores nothing (a Back that
//! re-sends the form, a second tap). Tokens live in RAM only — never stored with the
//! statement, never logged — as SHA-256 digests, and are forgotten after a day or a restart.
//! A post without a token is accepted as before (API clients, load tests), and a token the
//! server has never seen (the form was loaded before a restart) counts as fresh: the token
//! proves nothing about who sends it, it only stops the same form being stored twice.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::crypto::{CryptoError, random};

/// How long a used token is remembered (at least; at most twice as long).
const REMEMBERED: Duration = Duration::from_secs(24 * 3600);

/// A form's one-time token: 32 hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct FormToken(String);

impl FormToken {
    /// A fresh token for a form about to be shown.
    pub fn issue() -> Result<FormToken, CryptoError> {
        Ok(FormToken(hex::encode(random::bytes::<16>()?)))
    }

    /// A token as a form sent it back; None unless it is 32 hex digits.
    pub fn parse(text: &str) -> Option<FormToken> {
        (text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| FormToken(text.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn digest(&self) -> [u8; 16] {
        let full = Sha256::digest(self.0.as_bytes());
        let mut out = [0u8; 16];
        out.copy_from_slice(full.get(..16).unwrap_or(&[0u8; 16]));
        out
    }
}

impl std::fmt::Debug for FormToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormToken(..)")
    }
}

/// What a token says about a post.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// Not seen before: go on, then `confirm` or `release` it.
    Fresh,
    /// Already stored (or being stored right now): store nothing.
    Used,
}

struct Seen {
    /// Being stored right now.
    in_flight: HashSet<[u8; 16]>,
    current: HashSet<[u8; 16]>,
    previous: HashSet<[u8; 16]>,
    rotated: Instant,
}

/// The used tokens.
pub struct FormTokens {
    seen: Mutex<Seen>,
}

impl Default for FormTokens {
    fn default() -> Self {
        FormTokens {
            seen: Mutex::new(Seen {
                in_flight: HashSet::new(),
                current: HashSet::new(),
                previous: HashSet::new(),
                rotated: Instant::now(),
            }),
        }
    }
}

impl FormTokens {
    fn lock(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Claims a token before storing (atomic: two posts of one form cannot both pass).
    pub fn claim(&self, token: &FormToken) -> Claim {
        let digest = token.digest();
        let mut seen = self.lock();
        if seen.rotated.elapsed() >= REMEMBERED {
            seen.previous = std::mem::take(&mut seen.current);
            seen.rotated = Instant::now();
        }
        if seen.current.contains(&digest)
            || seen.previous.contains(&digest)
            || !seen.in_flight.insert(digest)
        {
            return Claim::Used;
        }
        Claim::Fresh
    }

    /// The statement was stored: the token is used.
    pub fn confirm(&self, token: &FormToken) {
        let digest = token.digest();
        let mut seen = self.lock();
        seen.in_flight.remove(&digest);
        seen.current.insert(digest);
    }

    /// Nothing was stored (refused, busy, failed): the same form may be sent again.
    pub fn release(&self, token: &FormToken) {
        let digest = token.digest();
        self.lock().in_flight.remove(&digest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_used_once_and_a_failed_attempt_frees_it() {
        let tokens = FormTokens::default();
        let t = FormToken::issue().unwrap();
        assert_eq!(tokens.claim(&t), Claim::Fresh);
        // A second post while the first is being stored, and after it was.
        assert_eq!(tokens.claim(&t), Claim::Used);
        tokens.release(&t);
        assert_eq!(tokens.claim(&t), Claim::Fresh);
        tokens.confirm(&t);
        assert_eq!(tokens.claim(&t), Claim::Used);
        assert_eq!(tokens.claim(&FormToken::issue().unwrap()), Claim::Fresh);
    }

    #[test]
    fn only_well_formed_tokens_parse() {
        let t = FormToken::issue().unwrap();
        assert!(FormToken::parse(t.as_str()).is_some());
        assert!(FormToken::parse(&t.as_str().to_uppercase()).is_some());
        assert!(FormToken::parse("nope").is_none());
        assert!(FormToken::parse(&"g".repeat(32)).is_none());
    }
}
