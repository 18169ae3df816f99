//! The transparency log of published snapshots (C2SP `tlog-tiles`): every signed snapshot,
//! byte for byte as `/api/v1/counts.signed` served it, is one entry, in publication order.
//! A checkpoint (C2SP `tlog-checkpoint`: origin, size, root hash) is signed as a note with
//! the publication key after each publication. Anyone's tlog client can then check that a
//! snapshot is in the log, and that today's log extends yesterday's, with code Chorus does
//! not contain; a witness that cosigns checkpoints rules out showing two histories.
//!
//! The tree's hashes live here in RAM (32 bytes a snapshot), rebuilt from the database at
//! start; the entries are read from the database when a tile of them is asked for.

use super::signed::{Payload, Signed};
use super::tile::{Kind, Tile};
use crate::crypto::checkpoint::Checkpoint;
use crate::crypto::merkle::{self, Hash, Tree};
use crate::crypto::note;
use crate::crypto::publication::PublicationKey;

/// The largest entry a bundle can carry (its length is a `u16`). A snapshot holds a few
/// kilobytes, growing by about 17 bytes a week: this is decades away.
const MAX_ENTRY: usize = u16::MAX as usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    #[error("the snapshot is not a signed snapshot")]
    NotASnapshot,
    #[error("the snapshot is larger than a log entry may be")]
    TooLarge,
    #[error("the snapshot does not follow the last one in the log")]
    OutOfOrder,
}

pub struct Log {
    origin: String,
    tree: Tree,
    /// Each entry's snapshot sequence number, in log order.
    seqs: Vec<u64>,
    key: Option<PublicationKey>,
    checkpoint: Option<String>,
    /// Each witness's latest cosignature line and the size it cosigned; served with the
    /// checkpoint of that size.
    cosignatures: Vec<(String, u64, String)>,
}

impl Log {
    pub fn new(origin: String) -> Log {
        Log {
            origin,
            tree: Tree::new(),
            seqs: Vec::new(),
            key: None,
            checkpoint: None,
            cosignatures: Vec::new(),
        }
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn size(&self) -> u64 {
        self.tree.size()
    }

    /// Appends one signed snapshot envelope; the checkpoint waits for [`Log::sign`].
    pub fn append(&mut self, envelope: &str) -> Result<(), LogError> {
        let seq = seq_of(envelope)?;
        if envelope.len() > MAX_ENTRY {
            return Err(LogError::TooLarge);
        }
        if self.seqs.last().is_some_and(|last| *last >= seq) {
            return Err(LogError::OutOfOrder);
        }
        self.tree.push(merkle::leaf_hash(envelope.as_bytes()));
        self.seqs.push(seq);
        Ok(())
    }

    /// Signs the checkpoint of the log as it is now (the key is kept for the next time).
    pub fn sign(&mut self, key: Option<PublicationKey>) {
        if key.is_some() {
            self.key = key;
        }
        let Some(key) = &self.key else {
            return;
        };
        let Ok(root) = self.tree.root(self.size()) else {
            return;
        };
        let body = Checkpoint {
            origin: self.origin.clone(),
            size: self.size(),
            root,
        }
        .text();
        match note::sign(key, &self.origin, &body) {
            Ok(signed) => self.checkpoint = Some(signed),
            Err(e) => tracing::error!(error = %e, "the log's checkpoint could not be signed"),
        }
    }

    /// The signed checkpoint, without cosignatures; none before the publication key exists.
    pub fn checkpoint(&self) -> Option<&str> {
        self.checkpoint.as_deref()
    }

    /// The signed checkpoint with every cosignature witnesses gave for its size.
    pub fn cosigned_checkpoint(&self) -> Option<String> {
        let mut note = self.checkpoint.clone()?;
        for (_, size, line) in &self.cosignatures {
            if *size == self.size() {
                note.push_str(line);
            }
        }
        Some(note)
    }

    /// Each witness and the size it last cosigned.
    pub fn cosigned_sizes(&self) -> Vec<(String, u64)> {
        self.cosignatures
            .iter()
            .map(|(w, size, _)| (w.clone(), *size))
            .collect()
    }

    /// Keeps witness `witness`'s cosignature of the checkpoint of `size` (replacing its
    /// earlier one).
    pub fn cosigned(&mut self, witness: &str, size: u64, line: &str) {
        self.cosignatures.retain(|(w, _, _)| w != witness);
        let mut line = line.trim_end_matches('\n').to_owned();
        line.push('\n');
        self.cosignatures.push((witness.to_owned(), size, line));
    }

    /// Whether the tile exists in the log as it is now (a partial tile of any width up to
    /// what exists: its bytes never change).
    fn holds(&self, tile: &Tile) -> Option<u64> {
        let level = u32::try_from(tile.tree_level()).ok()?;
        let available = self.size().checked_shr(level).unwrap_or(0);
        let first = tile.first()?;
        (first.checked_add(tile.width)? <= available).then_some(first)
    }

    /// A tile of hashes: `width` hashes of 32 bytes.
    pub fn hash_tile(&self, tile: &Tile) -> Option<Vec<u8>> {
        if tile.kind == Kind::Entries {
            return None;
        }
        let first = self.holds(tile)?;
        let hashes = self.tree.hashes(tile.tree_level(), first, tile.width)?;
        Some(hashes.concat())
    }

    /// For a tile of entries: the sequence number of each entry and the leaf hash it must
    /// have, so what the database returns is checked before it is served.
    pub fn entry_span(&self, tile: &Tile) -> Option<(Vec<u64>, Vec<Hash>)> {
        if tile.kind != Kind::Entries {
            return None;
        }
        let first = self.holds(tile)?;
        let from = usize::try_from(first).ok()?;
        let to = from.checked_add(usize::try_from(tile.width).ok()?)?;
        let seqs = self.seqs.get(from..to)?;
        let leaves = self.tree.hashes(0, first, tile.width)?;
        Some((seqs.to_vec(), leaves.to_vec()))
    }

    /// The tree itself: its roots and proofs.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }
}

/// The entry bundle of `entries`, if each has the leaf hash it should.
pub fn bundle(entries: &[String], leaves: &[Hash]) -> Option<Vec<u8>> {
    if entries.len() != leaves.len() {
        return None;
    }
    let mut out = Vec::with_capacity(entries.iter().map(|e| e.len() + 2).sum());
    for (entry, leaf) in entries.iter().zip(leaves) {
        if merkle::leaf_hash(entry.as_bytes()) != *leaf {
            return None;
        }
        let len = u16::try_from(entry.len()).ok()?;
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(entry.as_bytes());
    }
    Some(out)
}

/// A signed envelope's sequence number (it was signed here; this only reads it).
fn seq_of(envelope: &str) -> Result<u64, LogError> {
    let signed: Signed = serde_json::from_str(envelope).map_err(|_| LogError::NotASnapshot)?;
    let payload: Payload =
        serde_json::from_str(&signed.payload).map_err(|_| LogError::NotASnapshot)?;
    Ok(payload.seq)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::published::PublicCounts;
    use crate::publish::tile::WIDTH;
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as BASE64;

    fn envelope(key: &PublicationKey, seq: u64) -> String {
        let mut counts = PublicCounts::empty(10, &["a".to_owned()]);
        counts.published_at = Some("2026-12-01T00:00:00Z".to_owned());
        serde_json::to_string(&Signed::seal(key, seq, None, &counts).unwrap()).unwrap()
    }

    #[test]
    fn tiles_cover_what_exists_and_a_checkpoint_names_the_root() {
        let key = PublicationKey::generate().unwrap();
        let mut log = Log::new("example.org/log".to_owned());
        log.sign(None);
        assert_eq!(log.checkpoint(), None, "no key, no checkpoint");
        let envelopes: Vec<String> = (1..=300).map(|seq| envelope(&key, seq)).collect();
        for e in &envelopes {
            log.append(e).unwrap();
        }
        assert_eq!(log.append(&envelopes[0]), Err(LogError::OutOfOrder));
        assert_eq!(log.append("{}"), Err(LogError::NotASnapshot));
        log.sign(Some(
            PublicationKey::from_seed(key.seed().as_slice()).unwrap(),
        ));
        let checkpoint = log.checkpoint().unwrap();
        let root = BASE64.encode(log.tree().root(300).unwrap());
        assert!(checkpoint.starts_with(&format!("example.org/log\n300\n{root}\n\n")));

        let tile = |kind, index, width| Tile { kind, index, width };
        let full = log.hash_tile(&tile(Kind::Hashes(0), 0, WIDTH)).unwrap();
        assert_eq!(full.len(), 256 * 32);
        assert_eq!(
            full.get(..32),
            Some(&merkle::leaf_hash(envelopes[0].as_bytes())[..])
        );
        assert_eq!(
            log.hash_tile(&tile(Kind::Hashes(0), 1, 44)).unwrap().len(),
            44 * 32
        );
        assert!(
            log.hash_tile(&tile(Kind::Hashes(0), 1, 45)).is_none(),
            "not yet"
        );
        assert!(log.hash_tile(&tile(Kind::Hashes(0), 1, WIDTH)).is_none());
        // Level 1 holds one hash per 256 leaves: one, for the first full subtree.
        let level1 = log.hash_tile(&tile(Kind::Hashes(1), 0, 1)).unwrap();
        assert_eq!(level1, log.tree().root(256).unwrap());
        assert!(log.hash_tile(&tile(Kind::Hashes(1), 0, 2)).is_none());

        let (seqs, leaves) = log.entry_span(&tile(Kind::Entries, 1, 3)).unwrap();
        assert_eq!(seqs, [257, 258, 259]);
        let entries = envelopes[256..259].to_vec();
        let bundled = bundle(&entries, &leaves).unwrap();
        let len = u16::from_be_bytes([bundled[0], bundled[1]]) as usize;
        assert_eq!(&bundled[2..2 + len], entries[0].as_bytes());
        assert!(
            bundle(&envelopes[0..3], &leaves).is_none(),
            "wrong entries refused"
        );
    }
}
