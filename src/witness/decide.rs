//! The witness's decision on an `add-checkpoint` request, with no I/O: the request, the log
//! it names and what was cosigned for that log before go in; the checkpoint to cosign (and
//! record) or the refusal comes out. C2SP `tlog-witness` fixes each refusal's status.

use crate::crypto::CryptoError;
use crate::crypto::checkpoint::{Checkpoint, decimal};
use crate::crypto::merkle::{self, Hash};
use crate::crypto::note::{self, VerifierKey};

/// The most proof lines a request may carry: a consistency proof of a 64-bit tree has
/// fewer.
pub const MAX_PROOF: usize = 63;

/// An `add-checkpoint` request: `old <size>`, the consistency proof from that size (one
/// base64 hash a line), a blank line, then the signed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddCheckpoint {
    pub old: u64,
    pub proof: Vec<Hash>,
    pub note: String,
}

impl AddCheckpoint {
    pub fn parse(body: &str) -> Option<AddCheckpoint> {
        use base64::Engine;
        let (head, note) = body.split_once("\n\n")?;
        let mut lines = head.split('\n');
        let old = decimal(lines.next()?.strip_prefix("old ")?)?;
        let mut proof = Vec::new();
        for line in lines {
            let hash = base64::engine::general_purpose::STANDARD
                .decode(line)
                .ok()?;
            proof.push(hash.try_into().ok()?);
            if proof.len() > MAX_PROOF {
                return None;
            }
        }
        Some(AddCheckpoint {
            old,
            proof,
            note: note.to_owned(),
        })
    }

    /// The origin the checkpoint claims, to find the log it belongs to (unverified).
    pub fn origin(&self) -> Option<&str> {
        Checkpoint::origin_of(&self.note)
    }
}

/// A log this witness follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub origin: String,
    pub key: VerifierKey,
}

/// What was last cosigned for a log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub size: u64,
    pub root: Hash,
}

/// Why a checkpoint is not cosigned, as `tlog-witness` answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the request is malformed")]
    Malformed,
    #[error("this witness follows no log of that origin")]
    UnknownLog,
    #[error("the checkpoint's signature does not verify with the log's key")]
    Signature,
    #[error("the old size is not the latest this witness cosigned ({0})")]
    Conflict(u64),
    #[error("the checkpoint does not extend the one this witness cosigned")]
    Inconsistent,
    #[error("the witness could not record the checkpoint")]
    Unavailable,
}

impl Refusal {
    /// The HTTP status `tlog-witness` gives this refusal.
    pub fn status(self) -> u16 {
        match self {
            Refusal::Malformed => 400,
            Refusal::Signature => 403,
            Refusal::UnknownLog => 404,
            Refusal::Conflict(_) => 409,
            Refusal::Inconsistent => 422,
            Refusal::Unavailable => 503,
        }
    }
}

/// The verified checkpoint to cosign and record, with its text (what the cosignature covers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub checkpoint: Checkpoint,
    pub text: String,
}

/// The checkpoint `request` carries, if `log`'s key signed it. Needs no state: checked
/// before anything is read or written, so only the log itself reaches the database.
pub fn signed_by(request: &AddCheckpoint, log: &Known) -> Result<Accepted, Refusal> {
    let opened = note::open(&request.note, &log.key).map_err(|e| match e {
        CryptoError::Open => Refusal::Signature,
        _ => Refusal::Malformed,
    })?;
    let checkpoint = Checkpoint::parse(opened.text).ok_or(Refusal::Malformed)?;
    if checkpoint.origin != log.origin {
        return Err(Refusal::Malformed);
    }
    Ok(Accepted {
        text: opened.text.to_owned(),
        checkpoint,
    })
}

/// Whether to cosign `request` for `log`, given what was `recorded` for it.
pub fn decide(
    request: &AddCheckpoint,
    log: &Known,
    recorded: Option<Recorded>,
) -> Result<Accepted, Refusal> {
    let signed = signed_by(request, log)?;
    extends(request, signed, recorded)
}

/// Whether the signed checkpoint extends what was `recorded`, by the request's proof.
pub fn extends(
    request: &AddCheckpoint,
    signed: Accepted,
    recorded: Option<Recorded>,
) -> Result<Accepted, Refusal> {
    let checkpoint = &signed.checkpoint;
    let known = recorded.unwrap_or(Recorded {
        size: 0,
        root: merkle::empty_root(),
    });
    // tlog-witness: an old size beyond the checkpoint is a bad request, before any
    // comparison with what was recorded.
    if checkpoint.size < request.old {
        return Err(Refusal::Malformed);
    }
    if request.old != known.size {
        return Err(Refusal::Conflict(known.size));
    }
    if checkpoint.size == known.size && checkpoint.root != known.root {
        // The same size with another root: a fork, at the very size already cosigned.
        return Err(Refusal::Conflict(known.size));
    }
    merkle::check_consistency(
        known.size,
        checkpoint.size,
        &known.root,
        &checkpoint.root,
        &request.proof,
    )
    .map_err(|_| Refusal::Inconsistent)?;
    Ok(signed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::merkle::{Tree, leaf_hash};
    use crate::crypto::publication::PublicationKey;

    const ORIGIN: &str = "peer.example/log";

    fn tree(n: u64, salt: &str) -> Tree {
        let mut t = Tree::new();
        for i in 0..n {
            t.push(leaf_hash(format!("{salt}{i}").as_bytes()));
        }
        t
    }

    fn signed(key: &PublicationKey, origin: &str, size: u64, root: Hash) -> String {
        let text = Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
        }
        .text();
        note::sign(key, origin, &text).unwrap()
    }

    fn request(old: u64, proof: Vec<Hash>, note: String) -> AddCheckpoint {
        AddCheckpoint { old, proof, note }
    }

    /// Every refusal and the two acceptances, one line each.
    #[test]
    fn every_refusal_has_its_status_and_consistent_checkpoints_are_cosigned() {
        let key = PublicationKey::generate().unwrap();
        let log = Known {
            origin: ORIGIN.to_owned(),
            key: VerifierKey::of_publication_key(ORIGIN, &key.public_hex()).unwrap(),
        };
        let t = tree(10, "a");
        let fork = tree(10, "b");
        let at = |n: u64| Recorded {
            size: n,
            root: t.root(n).unwrap(),
        };
        let note_of = |n: u64| signed(&key, ORIGIN, n, t.root(n).unwrap());
        let proof = |old: u64, new: u64| t.consistency_proof(old, new).unwrap();
        let stranger = PublicationKey::generate().unwrap();
        type Case<'a> = (
            &'a str,
            AddCheckpoint,
            Option<Recorded>,
            Result<u64, Refusal>,
        );
        let cases: Vec<Case> = vec![
            ("first sight", request(0, vec![], note_of(4)), None, Ok(4)),
            (
                "extends",
                request(4, proof(4, 10), note_of(10)),
                Some(at(4)),
                Ok(10),
            ),
            (
                "the same again",
                request(10, vec![], note_of(10)),
                Some(at(10)),
                Ok(10),
            ),
            (
                "another key",
                request(0, vec![], signed(&stranger, ORIGIN, 4, t.root(4).unwrap())),
                None,
                Err(Refusal::Signature),
            ),
            (
                "another origin under the right key",
                request(
                    0,
                    vec![],
                    signed(&key, "other.example/log", 4, t.root(4).unwrap()),
                ),
                None,
                Err(Refusal::Signature),
            ),
            (
                "an old size behind",
                request(2, proof(2, 10), note_of(10)),
                Some(at(4)),
                Err(Refusal::Conflict(4)),
            ),
            (
                "a first sight claimed as later",
                request(4, proof(4, 10), note_of(10)),
                None,
                Err(Refusal::Conflict(0)),
            ),
            (
                "shrinking",
                request(4, vec![], note_of(3)),
                Some(at(4)),
                Err(Refusal::Malformed),
            ),
            (
                "a fork at the same size",
                request(10, vec![], signed(&key, ORIGIN, 10, fork.root(10).unwrap())),
                Some(at(10)),
                Err(Refusal::Conflict(10)),
            ),
            (
                "a fork that grew",
                request(
                    4,
                    fork.consistency_proof(4, 10).unwrap(),
                    signed(&key, ORIGIN, 10, fork.root(10).unwrap()),
                ),
                Some(at(4)),
                Err(Refusal::Inconsistent),
            ),
            (
                "a proof cut short",
                request(4, proof(4, 10)[1..].to_vec(), note_of(10)),
                Some(at(4)),
                Err(Refusal::Inconsistent),
            ),
            (
                "not a note",
                request(0, vec![], "hello\n".to_owned()),
                None,
                Err(Refusal::Malformed),
            ),
        ];
        for (what, req, recorded, expected) in cases {
            let got = decide(&req, &log, recorded).map(|a| a.checkpoint.size);
            assert_eq!(got, expected, "{what}");
        }
        let statuses: Vec<u16> = [
            Refusal::Malformed,
            Refusal::Signature,
            Refusal::UnknownLog,
            Refusal::Conflict(1),
            Refusal::Inconsistent,
            Refusal::Unavailable,
        ]
        .iter()
        .map(|r| r.status())
        .collect();
        assert_eq!(statuses, [400, 403, 404, 409, 422, 503]);
    }

    #[test]
    fn requests_parse_strictly() {
        let body =
            "old 4\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\nnote text\n\n\u{2014} x y\n";
        let req = AddCheckpoint::parse(body).unwrap();
        assert_eq!((req.old, req.proof.len()), (4, 1));
        assert_eq!(req.note, "note text\n\n\u{2014} x y\n");
        assert_eq!(req.origin(), Some("note text"));
        for bad in [
            "",
            "old 4\n",
            "old 04\n\nx\n",
            "old -1\n\nx\n",
            "new 4\n\nx\n",
            "old 4\nnot base64!\n\nx\n",
            "old 4\nAAAA\n\nx\n",
        ] {
            assert_eq!(AddCheckpoint::parse(bad), None, "{bad:?}");
        }
        let long = format!(
            "old 1\n{}\nx\n",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".repeat(64)
        );
        assert_eq!(AddCheckpoint::parse(&long), None);
    }
}
