//! The Merkle tree of RFC 6962 / RFC 9162 (§2.1) over the published snapshots: leaf and node
//! hashes, the root of any prefix, inclusion and consistency proofs and their checks. The
//! transparency log (`/log/`, C2SP `tlog-tiles`) serves this tree's hashes as tiles; anyone's
//! tlog client checks them, and the tests check these functions against one Chorus does not
//! contain (`tlog_tiles`, a dev-dependency only).
//!
//! Every complete subtree's hash is kept (`levels[k][i]` covers leaves `i·2^k .. (i+1)·2^k`),
//! so a tile is a slice and a proof a few lookups. A snapshot a day makes a few thousand
//! leaves in a decade: the whole tree is kilobytes.

use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

/// The hash of an entry: SHA-256(0x00 || entry).
pub fn leaf_hash(entry: &[u8]) -> Hash {
    Sha256::new()
        .chain_update([0u8])
        .chain_update(entry)
        .finalize()
        .into()
}

/// The hash of two children: SHA-256(0x01 || left || right).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    Sha256::new()
        .chain_update([1u8])
        .chain_update(left)
        .chain_update(right)
        .finalize()
        .into()
}

/// The root of the empty tree: SHA-256 of nothing.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// Why a proof could not be made or did not check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("the tree has no such size or leaf")]
    OutOfRange,
    #[error("the proof does not lead to the root")]
    Mismatch,
}

/// An append-only Merkle tree holding every complete subtree's hash.
#[derive(Debug, Default, Clone)]
pub struct Tree {
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    pub fn new() -> Tree {
        Tree::default()
    }

    /// How many leaves the tree holds.
    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    /// Appends a leaf (already hashed with [`leaf_hash`]) and every subtree it completes.
    pub fn push(&mut self, leaf: Hash) {
        let mut hash = leaf;
        let mut level = 0;
        loop {
            if self.levels.len() == level {
                self.levels.push(Vec::new());
            }
            let Some(row) = self.levels.get_mut(level) else {
                return;
            };
            row.push(hash);
            match row.len() % 2 {
                0 => match (row.get(row.len() - 2), row.last()) {
                    (Some(left), Some(right)) => hash = node_hash(left, right),
                    _ => return,
                },
                _ => return,
            }
            level += 1;
        }
    }

    /// The hashes of the complete subtrees of height `level` numbered `from..from+count`
    /// (the leaves themselves at level 0); none unless all of them exist.
    pub fn hashes(&self, level: usize, from: u64, count: u64) -> Option<&[Hash]> {
        let from = usize::try_from(from).ok()?;
        let to = from.checked_add(usize::try_from(count).ok()?)?;
        self.levels.get(level)?.get(from..to)
    }

    /// The root of the first `size` leaves.
    pub fn root(&self, size: u64) -> Result<Hash, ProofError> {
        if size == 0 {
            return Ok(empty_root());
        }
        self.range(0, size)
    }

    /// MTH(D[lo:hi]) for a range the RFC's recursion reaches: `lo` is a multiple of the
    /// largest power of two below `hi - lo`, or the range is a complete subtree.
    fn range(&self, lo: u64, hi: u64) -> Result<Hash, ProofError> {
        let n = hi.checked_sub(lo).filter(|n| *n > 0 && hi <= self.size());
        let n = n.ok_or(ProofError::OutOfRange)?;
        if n.is_power_of_two() && lo.is_multiple_of(n) {
            let level = n.trailing_zeros() as usize;
            return self
                .hashes(level, lo >> level, 1)
                .and_then(|h| h.first().copied())
                .ok_or(ProofError::OutOfRange);
        }
        let k = split(n);
        Ok(node_hash(
            &self.range(lo, lo + k)?,
            &self.range(lo + k, hi)?,
        ))
    }

    /// PATH(index, D[0:size]): the inclusion proof of leaf `index` in the tree of `size`.
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        if index >= size || size > self.size() {
            return Err(ProofError::OutOfRange);
        }
        let mut proof = Vec::new();
        self.path(index, 0, size, &mut proof)?;
        Ok(proof)
    }

    fn path(&self, m: u64, lo: u64, hi: u64, proof: &mut Vec<Hash>) -> Result<(), ProofError> {
        let n = hi - lo;
        if n <= 1 {
            return Ok(());
        }
        let k = split(n);
        if m - lo < k {
            self.path(m, lo, lo + k, proof)?;
            proof.push(self.range(lo + k, hi)?);
        } else {
            self.path(m, lo + k, hi, proof)?;
            proof.push(self.range(lo, lo + k)?);
        }
        Ok(())
    }

    /// PROOF(old, D[0:new]): that the tree of `old` leaves is a prefix of the one of `new`.
    pub fn consistency_proof(&self, old: u64, new: u64) -> Result<Vec<Hash>, ProofError> {
        if old > new || new > self.size() {
            return Err(ProofError::OutOfRange);
        }
        let mut proof = Vec::new();
        if old > 0 && old < new {
            self.subproof(old, 0, new, true, &mut proof)?;
        }
        Ok(proof)
    }

    fn subproof(
        &self,
        m: u64,
        lo: u64,
        hi: u64,
        whole: bool,
        proof: &mut Vec<Hash>,
    ) -> Result<(), ProofError> {
        let n = hi - lo;
        if m == n {
            if !whole {
                proof.push(self.range(lo, hi)?);
            }
            return Ok(());
        }
        let k = split(n);
        if m <= k {
            self.subproof(m, lo, lo + k, whole, proof)?;
            proof.push(self.range(lo + k, hi)?);
        } else {
            self.subproof(m - k, lo + k, hi, false, proof)?;
            proof.push(self.range(lo, lo + k)?);
        }
        Ok(())
    }
}

/// The largest power of two smaller than `n` (n ≥ 2).
fn split(n: u64) -> u64 {
    1u64 << (63 - (n - 1).leading_zeros())
}

/// Checks that `leaf` is entry `index` of the tree of `size` leaves whose root is `root`
/// (RFC 9162 §2.1.3.2).
pub fn check_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::OutOfRange);
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s == 0 {
            return Err(ProofError::Mismatch);
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    if s == 0 && r == *root {
        Ok(())
    } else {
        Err(ProofError::Mismatch)
    }
}

/// Checks that the tree of `old` leaves with root `old_root` is a prefix of the tree of
/// `new` leaves with root `new_root` (RFC 9162 §2.1.4.2).
pub fn check_consistency(
    old: u64,
    new: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if old > new {
        return Err(ProofError::OutOfRange);
    }
    if old == new {
        return match proof.is_empty() && old_root == new_root {
            true => Ok(()),
            false => Err(ProofError::Mismatch),
        };
    }
    if old == 0 {
        // Every tree extends the empty one; nothing to prove.
        return match proof.is_empty() && *old_root == empty_root() {
            true => Ok(()),
            false => Err(ProofError::Mismatch),
        };
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let (mut f, mut s) = (old - 1, new - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let Some((first, rest)) = path.split_first() else {
        return Err(ProofError::Mismatch);
    };
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if s == 0 {
            return Err(ProofError::Mismatch);
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    if fr == *old_root && sr == *new_root && s == 0 {
        Ok(())
    } else {
        Err(ProofError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(n: u64) -> Tree {
        let mut t = Tree::new();
        for i in 0..n {
            t.push(leaf_hash(&i.to_be_bytes()));
        }
        t
    }

    /// MTH straight from RFC 9162's definition, without any stored subtree.
    fn reference_root(leaves: &[Hash]) -> Hash {
        match leaves.len() {
            0 => empty_root(),
            1 => leaves[0],
            n => {
                let k = split(n as u64) as usize;
                node_hash(&reference_root(&leaves[..k]), &reference_root(&leaves[k..]))
            }
        }
    }

    #[test]
    fn roots_match_the_rfc_definition_and_the_rfc_6962_test_vector() {
        let t = tree(70);
        let leaves = t.hashes(0, 0, 70).unwrap().to_vec();
        for n in 0..=70u64 {
            assert_eq!(
                t.root(n).unwrap(),
                reference_root(&leaves[..n as usize]),
                "{n}"
            );
        }
        assert!(t.root(71).is_err());
        // RFC 6962's empty tree and Certificate Transparency's one-entry vector (the empty
        // leaf).
        assert_eq!(
            hex::encode(empty_root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex::encode(leaf_hash(b"")),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
        );
    }

    #[test]
    fn every_inclusion_and_consistency_proof_checks_and_a_wrong_one_does_not() {
        let t = tree(40);
        for size in 1..=40u64 {
            let root = t.root(size).unwrap();
            for index in 0..size {
                let leaf = t.hashes(0, index, 1).unwrap()[0];
                let proof = t.inclusion_proof(index, size).unwrap();
                assert_eq!(check_inclusion(index, size, &leaf, &proof, &root), Ok(()));
                let other = leaf_hash(b"not in the log");
                assert!(check_inclusion(index, size, &other, &proof, &root).is_err());
                if size > 1 {
                    let wrong = (index + 1) % size;
                    assert!(check_inclusion(wrong, size, &leaf, &proof, &root).is_err());
                }
            }
            for old in 0..=size {
                let proof = t.consistency_proof(old, size).unwrap();
                let old_root = t.root(old).unwrap();
                assert_eq!(
                    check_consistency(old, size, &old_root, &root, &proof),
                    Ok(()),
                    "{old} → {size}"
                );
                if old > 0 && old < size {
                    let forked = leaf_hash(b"a different past");
                    assert!(check_consistency(old, size, &forked, &root, &proof).is_err());
                    assert!(check_consistency(old, size, &old_root, &forked, &proof).is_err());
                    let mut cut = proof.clone();
                    cut.pop();
                    assert!(check_consistency(old, size, &old_root, &root, &cut).is_err());
                }
            }
        }
        assert!(t.inclusion_proof(3, 3).is_err());
        assert!(t.consistency_proof(5, 41).is_err());
        assert!(check_consistency(5, 4, &empty_root(), &empty_root(), &[]).is_err());
    }

    /// The same proofs through `tlog_tiles` (Cloudflare's port of Go's `tlog`): an
    /// implementation this crate does not contain.
    #[test]
    fn proofs_check_with_an_independent_implementation() {
        use tlog_tiles::{Hash as TlogHash, check_record, check_tree};
        let t = tree(300);
        let h = |x: Hash| TlogHash(x);
        for size in [1u64, 2, 3, 7, 8, 9, 255, 256, 257, 300] {
            let root = h(t.root(size).unwrap());
            for index in [0, size / 2, size - 1] {
                let proof: Vec<_> = t.inclusion_proof(index, size).unwrap();
                let proof: Vec<_> = proof.into_iter().map(h).collect();
                let leaf = h(t.hashes(0, index, 1).unwrap()[0]);
                assert!(check_record(&proof, size, root, index, leaf).is_ok());
            }
            for old in [1u64, size / 2, size] {
                if old == 0 {
                    continue;
                }
                let proof: Vec<_> = t.consistency_proof(old, size).unwrap();
                let proof: Vec<_> = proof.into_iter().map(h).collect();
                let old_root = h(t.root(old).unwrap());
                assert!(
                    check_tree(&proof, size, root, old, old_root).is_ok(),
                    "{old}"
                );
            }
        }
    }
}
