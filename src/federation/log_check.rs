//! Following a member by its transparency log, with no I/O: the checks an aggregator with a
//! `witness_quorum` makes before it sums a member's snapshot. Two steps, because what to
//! fetch depends on the checkpoint:
//!
//! 1. [`checkpoint`]: the member's checkpoint is signed by its publication key under its
//!    log's origin, cosigned by at least `quorum` of the configured witnesses, and no
//!    smaller than the one verified last;
//! 2. [`prove`]: the level-0 tiles fetched for it rebuild its root (so they are its log),
//!    the log verified last is a prefix of it (the same root at the old size: consistency),
//!    and the newest entry — the snapshot to sum — is the log's last leaf (inclusion).

use crate::crypto::CryptoError;
use crate::crypto::checkpoint::Checkpoint;
use crate::crypto::cosignature::WitnessVerifier;
use crate::crypto::merkle::{self, Hash, Tree};
use crate::crypto::note::{self, VerifierKey};

/// The checkpoint verified last for a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub size: u64,
    pub root: Hash,
}

/// Why a member's log is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LogRefusal {
    #[error("the checkpoint is not a signed checkpoint of this member's log")]
    Malformed,
    #[error("the checkpoint's signature does not verify with the member's key")]
    Signature,
    #[error("cosigned by {have} of the {need} witnesses required")]
    Quorum { have: usize, need: usize },
    #[error("the log does not extend the one verified before")]
    Inconsistent,
    #[error("the snapshot is not the log's newest entry")]
    NotIncluded,
}

/// Step 1: the checkpoint of `note`, if signed by `key`, cosigned by `quorum` of
/// `witnesses` (each counted once), and not smaller than `last`.
pub fn checkpoint(
    note: &str,
    key: &VerifierKey,
    witnesses: &[WitnessVerifier],
    quorum: usize,
    last: Option<Verified>,
) -> Result<Checkpoint, LogRefusal> {
    let opened = note::open(note, key).map_err(|e| match e {
        CryptoError::Open => LogRefusal::Signature,
        _ => LogRefusal::Malformed,
    })?;
    let checkpoint = Checkpoint::parse(opened.text).ok_or(LogRefusal::Malformed)?;
    if checkpoint.origin != key.name || checkpoint.size == 0 {
        return Err(LogRefusal::Malformed);
    }
    let have = witnesses
        .iter()
        .filter(|w| {
            opened
                .others
                .iter()
                .any(|line| w.verify(opened.text, line).is_ok())
        })
        .count();
    if have < quorum {
        return Err(LogRefusal::Quorum { have, need: quorum });
    }
    if last.is_some_and(|l| checkpoint.size < l.size) {
        return Err(LogRefusal::Inconsistent);
    }
    Ok(checkpoint)
}

/// Step 2: `leaves` (the level-0 tiles, concatenated) are `checkpoint`'s log, the log
/// verified `last` is a prefix of it, and `entry` is its newest entry.
pub fn prove(
    checkpoint: &Checkpoint,
    last: Option<Verified>,
    leaves: &[Hash],
    entry: &[u8],
) -> Result<Verified, LogRefusal> {
    if leaves.len() as u64 != checkpoint.size {
        return Err(LogRefusal::Inconsistent);
    }
    let mut tree = Tree::new();
    for leaf in leaves {
        tree.push(*leaf);
    }
    if tree.root(checkpoint.size).ok() != Some(checkpoint.root) {
        return Err(LogRefusal::Inconsistent);
    }
    if let Some(last) = last
        && tree.root(last.size).ok() != Some(last.root)
    {
        return Err(LogRefusal::Inconsistent);
    }
    if leaves.last() != Some(&merkle::leaf_hash(entry)) {
        return Err(LogRefusal::NotIncluded);
    }
    Ok(Verified {
        size: checkpoint.size,
        root: checkpoint.root,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::cosignature::WitnessKey;
    use crate::crypto::publication::PublicationKey;

    const ORIGIN: &str = "member.example/log";

    struct World {
        key: PublicationKey,
        vkey: VerifierKey,
        witnesses: Vec<WitnessKey>,
        verifiers: Vec<WitnessVerifier>,
        entries: Vec<String>,
    }

    fn world() -> World {
        let key = PublicationKey::generate().unwrap();
        let vkey = VerifierKey::of_publication_key(ORIGIN, &key.public_hex()).unwrap();
        let witnesses: Vec<WitnessKey> = (1..=3u8)
            .map(|i| WitnessKey::from_seed(&[i; 32]).unwrap())
            .collect();
        let verifiers = witnesses
            .iter()
            .enumerate()
            .map(|(i, w)| WitnessVerifier::parse(&w.verifier_key(&format!("w{i}"))).unwrap())
            .collect();
        let entries = (0..10).map(|i| format!("snapshot {i}")).collect();
        World {
            key,
            vkey,
            witnesses,
            verifiers,
            entries,
        }
    }

    impl World {
        fn leaves(&self, n: usize) -> Vec<Hash> {
            self.entries[..n]
                .iter()
                .map(|e| merkle::leaf_hash(e.as_bytes()))
                .collect()
        }

        fn root(&self, n: usize) -> Hash {
            let mut t = Tree::new();
            for l in self.leaves(n) {
                t.push(l);
            }
            t.root(n as u64).unwrap()
        }

        /// The checkpoint of the first `n` entries, cosigned by the first `cosigners`.
        fn note(&self, n: usize, cosigners: usize) -> String {
            let text = Checkpoint {
                origin: ORIGIN.to_owned(),
                size: n as u64,
                root: self.root(n),
            }
            .text();
            let mut note = note::sign(&self.key, ORIGIN, &text).unwrap();
            for (i, w) in self.witnesses.iter().take(cosigners).enumerate() {
                note.push_str(&w.cosign(&format!("w{i}"), &text, 1_765_000_000).unwrap());
            }
            note
        }
    }

    #[test]
    fn every_refusal_of_a_checkpoint() {
        let w = world();
        let last = Some(Verified {
            size: 6,
            root: w.root(6),
        });
        let stranger = PublicationKey::generate().unwrap();
        let text = Checkpoint {
            origin: ORIGIN.to_owned(),
            size: 8,
            root: w.root(8),
        }
        .text();
        let forged = note::sign(&stranger, ORIGIN, &text).unwrap();
        let twice = format!("{}{}\n", w.note(8, 1), w.note(8, 1).lines().last().unwrap());
        let cases = [
            ("quorum met", w.note(8, 2), 2, last, Ok(8)),
            ("more than enough", w.note(8, 3), 2, last, Ok(8)),
            ("no quorum needed", w.note(8, 0), 0, None, Ok(8)),
            (
                "one short",
                w.note(8, 1),
                2,
                last,
                Err(LogRefusal::Quorum { have: 1, need: 2 }),
            ),
            (
                "one witness twice counts once",
                twice,
                2,
                last,
                Err(LogRefusal::Quorum { have: 1, need: 2 }),
            ),
            ("another key", forged, 0, None, Err(LogRefusal::Signature)),
            (
                "smaller than verified",
                w.note(5, 3),
                2,
                last,
                Err(LogRefusal::Inconsistent),
            ),
            (
                "not a note",
                "hello\n".to_owned(),
                0,
                None,
                Err(LogRefusal::Malformed),
            ),
        ];
        for (what, note, quorum, last, expected) in cases {
            let got = checkpoint(&note, &w.vkey, &w.verifiers, quorum, last).map(|c| c.size);
            assert_eq!(got, expected, "{what}");
        }
    }

    #[test]
    fn tiles_consistency_and_inclusion_are_proved_or_refused() {
        let w = world();
        let c = checkpoint(&w.note(8, 0), &w.vkey, &[], 0, None).unwrap();
        let last = Some(Verified {
            size: 6,
            root: w.root(6),
        });
        let entry = w.entries[7].as_bytes();
        assert_eq!(prove(&c, last, &w.leaves(8), entry).map(|v| v.size), Ok(8));
        assert_eq!(prove(&c, None, &w.leaves(8), entry).map(|v| v.size), Ok(8));
        // Tiles that are not this log; one missing; a forked past; another entry.
        let mut other = w.leaves(8);
        other[3] = merkle::leaf_hash(b"rewritten");
        assert_eq!(
            prove(&c, last, &other, entry),
            Err(LogRefusal::Inconsistent)
        );
        assert_eq!(
            prove(&c, last, &w.leaves(7), entry),
            Err(LogRefusal::Inconsistent)
        );
        let forked = Some(Verified {
            size: 6,
            root: merkle::leaf_hash(b"another history"),
        });
        assert_eq!(
            prove(&c, forked, &w.leaves(8), entry),
            Err(LogRefusal::Inconsistent)
        );
        let older = w.entries[6].as_bytes();
        assert_eq!(
            prove(&c, last, &w.leaves(8), older),
            Err(LogRefusal::NotIncluded)
        );
    }
}
