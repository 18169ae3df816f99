//! Tile addresses as C2SP `tlog-tiles` writes them: `<L>/<N>[.p/<W>]` for the hashes of
//! level L (height 8·L in the tree) and `entries/<N>[.p/<W>]` for the entries themselves.
//! N is written in groups of three digits, each but the last prefixed `x`
//! (`x001/x234/067`); only the canonical spelling of an address is read, so each tile has
//! exactly one URL and caches never hold two copies.

use crate::crypto::checkpoint::decimal;

/// Hashes (or entries) per full tile.
pub const WIDTH: u64 = 256;

/// The tree levels one tile level spans.
pub const HEIGHT: u32 = 8;

/// What a tile holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Hashes of complete subtrees of height `8·level`.
    Hashes(u8),
    /// Entry bundles: each entry as a big-endian `u16` length and its bytes.
    Entries,
}

/// One tile's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    pub kind: Kind,
    pub index: u64,
    /// Below [`WIDTH`] for a partial tile; [`WIDTH`] for a full one.
    pub width: u64,
}

impl Tile {
    /// Reads the part of a tile URL after `tile/`; none unless canonical.
    pub fn parse(path: &str) -> Option<Tile> {
        let (kind, rest) = path.split_once('/')?;
        let kind = match kind {
            "entries" => Kind::Entries,
            level => {
                let level = u8::try_from(decimal(level)?).ok()?;
                // 8·level tree levels must fit a 64-bit tree size.
                (u32::from(level) * HEIGHT < 64).then_some(Kind::Hashes(level))?
            }
        };
        let (groups, width) = match rest.split_once(".p/") {
            Some((groups, width)) => {
                let width = decimal(width)?;
                ((1..WIDTH).contains(&width)).then_some((groups, width))?
            }
            None => (rest, WIDTH),
        };
        let parts: Vec<&str> = groups.split('/').collect();
        let (last, leading) = parts.split_last()?;
        let mut index: u64 = 0;
        for (i, part) in leading.iter().enumerate() {
            let digits = part.strip_prefix('x')?;
            // No leading group of zeros: `x000/001` is `001`.
            if i == 0 && digits == "000" {
                return None;
            }
            index = push_group(index, digits)?;
        }
        index = push_group(index, last)?;
        Some(Tile { kind, index, width })
    }

    /// The canonical path after `tile/`.
    pub fn path(&self) -> String {
        let kind = match self.kind {
            Kind::Hashes(level) => level.to_string(),
            Kind::Entries => "entries".to_owned(),
        };
        let mut groups = vec![format!("{:03}", self.index % 1000)];
        let mut rest = self.index / 1000;
        while rest > 0 {
            groups.push(format!("x{:03}", rest % 1000));
            rest /= 1000;
        }
        groups.reverse();
        let width = match self.width {
            WIDTH => String::new(),
            w => format!(".p/{w}"),
        };
        format!("{kind}/{}{width}", groups.join("/"))
    }

    /// The tree level its hashes sit at (0 for entries and level-0 tiles: the leaves).
    pub fn tree_level(&self) -> usize {
        match self.kind {
            Kind::Hashes(level) => (u32::from(level) * HEIGHT) as usize,
            Kind::Entries => 0,
        }
    }

    /// The first hash (or entry) it holds, counted at its tree level.
    pub fn first(&self) -> Option<u64> {
        self.index.checked_mul(WIDTH)
    }
}

/// `index` with one more group of exactly three digits.
fn push_group(index: u64, digits: &str) -> Option<u64> {
    if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    index.checked_mul(1000)?.checked_add(digits.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_paths_read_back_and_nothing_else_reads() {
        let cases = [
            ("0/000", Kind::Hashes(0), 0, WIDTH),
            ("0/x001/x234/067", Kind::Hashes(0), 1_234_067, WIDTH),
            ("1/x001/234.p/17", Kind::Hashes(1), 1_234, 17),
            ("entries/000.p/1", Kind::Entries, 0, 1),
            ("entries/x005/000", Kind::Entries, 5_000, WIDTH),
        ];
        for (path, kind, index, width) in cases {
            let tile = Tile { kind, index, width };
            assert_eq!(Tile::parse(path), Some(tile), "{path}");
            assert_eq!(tile.path(), path);
        }
        for bad in [
            "",
            "0",
            "0/",
            "0/00",
            "0/0000",
            "0/x000/001",
            "0/001/x002",
            "0/000.p/0",
            "0/000.p/256",
            "0/000.p/017",
            "00/000",
            "8/000",
            "-1/000",
            "entries/000.p/",
            "entries/abc",
            "data/000",
            "0/x18446744073709551/615",
        ] {
            assert_eq!(Tile::parse(bad), None, "{bad}");
        }
    }

    /// The same addresses as `tlog_tiles` (an implementation this crate does not contain)
    /// writes them. It still writes Go `sumdb`'s spelling (`tile/8/` with the height, `data`
    /// for entries), which C2SP `tlog-tiles` dropped; past that prefix they must agree.
    #[test]
    fn paths_match_an_independent_implementation() {
        for (level, index, width) in [(0u8, 0u64, 256u32), (0, 1_234_067, 17), (2, 999, 256)] {
            let theirs = tlog_tiles::Tile::new(8, level, index, width, false).path();
            let ours = Tile {
                kind: Kind::Hashes(level),
                index,
                width: u64::from(width),
            };
            assert_eq!(format!("tile/8/{}", ours.path()), theirs);
        }
        let theirs = tlog_tiles::Tile::new(8, 0, 1_001, 3, true).path();
        let ours = Tile {
            kind: Kind::Entries,
            index: 1_001,
            width: 3,
        };
        let theirs = theirs.replacen("tile/8/data/", "tile/8/entries/", 1);
        assert_eq!(format!("tile/8/{}", ours.path()), theirs);
    }
}
