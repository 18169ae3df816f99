//! `chorus backup PATH`: one SQLite file that alone restores the deployment. `VACUUM INTO`
//! a temporary file beside the target, fsync it, rename it into place, fsync the directory,
//! so a crash mid-backup never leaves a half-written file under the final name. Safe while
//! the server runs (it reads a consistent snapshot).
//!
//! `chorus backup --keep N DIR` (the packaged timer's command) names each file
//! `chorus-<UTC time>.db` in DIR and then deletes all but the newest N of those files —
//! only names of exactly that shape, never anything else an admin keeps there.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::store::{StoreError, connection};

/// Why a backup was not written.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the backup file already exists; choose a new name")]
    Exists,
    #[error("keep at least one backup")]
    KeepNone,
    #[error("there is no database at {0} yet (the server makes it at first start)")]
    NoDatabase(String),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub fn backup(database: &Path, target: &Path) -> Result<(), BackupError> {
    if !database.is_file() {
        return Err(BackupError::NoDatabase(database.display().to_string()));
    }
    if target.exists() {
        return Err(BackupError::Exists);
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix = hex::encode(crate::crypto::random::bytes::<6>().map_err(|_| StoreError::Random)?);
    let temp = dir.join(format!(".{name}.{suffix}.partial"));
    let conn = connection::open(database)?;
    let result = (|| -> Result<(), BackupError> {
        // Create the file private first: VACUUM INTO fills an empty file as it finds it.
        drop(connection::create_private_file(&temp)?);
        conn.execute("VACUUM INTO ?1", [temp.to_string_lossy().as_ref()])?;
        File::open(&temp)?.sync_all()?;
        std::fs::rename(&temp, target)?;
        File::open(&dir)?.sync_all()?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// What a rotating backup did.
#[derive(Debug)]
pub struct Rotated {
    pub written: PathBuf,
    pub removed: Vec<PathBuf>,
}

/// Writes `dir/chorus-<UTC time>.db` and keeps only the newest `keep` of Chorus's own
/// backups in `dir` (created private if missing).
pub fn backup_rotating(
    database: &Path,
    dir: &Path,
    keep: usize,
    now: time::OffsetDateTime,
) -> Result<Rotated, BackupError> {
    if keep == 0 {
        return Err(BackupError::KeepNone);
    }
    crate::store::connection::create_private_dir(dir)?;
    let written = dir.join(rotating_name(now));
    backup(database, &written)?;
    let mut ours: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_rotating_name)
        })
        .collect();
    // The names sort as the times they carry.
    ours.sort();
    let excess = ours.len().saturating_sub(keep);
    let mut removed = Vec::new();
    // Never the file just written, even if a wrong clock once dated others in the future.
    for old in ours.into_iter().take(excess).filter(|p| *p != written) {
        match std::fs::remove_file(&old) {
            Ok(()) => removed.push(old),
            // Another run removed it first.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    if !removed.is_empty() {
        File::open(dir)?.sync_all()?;
    }
    Ok(Rotated { written, removed })
}

/// `chorus-20261207T030512.345Z.db`: fixed width, so names sort as times.
pub fn rotating_name(now: time::OffsetDateTime) -> String {
    let t = now.to_offset(time::UtcOffset::UTC);
    format!(
        "chorus-{:04}{:02}{:02}T{:02}{:02}{:02}.{:03}Z.db",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// The time a `rotating_name` carries.
pub fn rotating_time(name: &str) -> Option<time::OffsetDateTime> {
    if !is_rotating_name(name) {
        return None;
    }
    let stamp = name.get(7..26)?;
    let number = |range: std::ops::Range<usize>| stamp.get(range)?.parse::<u16>().ok();
    let month = time::Month::try_from(u8::try_from(number(4..6)?).ok()?).ok()?;
    let date = time::Date::from_calendar_date(
        i32::from(number(0..4)?),
        month,
        u8::try_from(number(6..8)?).ok()?,
    )
    .ok()?;
    let at = time::Time::from_hms_milli(
        u8::try_from(number(9..11)?).ok()?,
        u8::try_from(number(11..13)?).ok()?,
        u8::try_from(number(13..15)?).ok()?,
        number(16..19)?,
    )
    .ok()?;
    Some(time::PrimitiveDateTime::new(date, at).assume_utc())
}

/// True for names `rotating_name` makes, and nothing else.
pub fn is_rotating_name(name: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix("chorus-")
        .and_then(|rest| rest.strip_suffix("Z.db"))
    else {
        return false;
    };
    let bytes = stamp.as_bytes();
    bytes.len() == 19
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 => *b == b'T',
            15 => *b == b'.',
            _ => b.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn rotating_names_sort_as_times_and_nothing_else_matches() {
        let a = rotating_name(time::macros::datetime!(2026-12-07 03:05:12.345 UTC));
        let b = rotating_name(time::macros::datetime!(2026-12-07 13:00:00 UTC));
        assert_eq!(a, "chorus-20261207T030512.345Z.db");
        assert!(a < b);
        assert!(is_rotating_name(&a) && is_rotating_name(&b));
        assert_eq!(
            rotating_time(&a),
            Some(time::macros::datetime!(2026-12-07 03:05:12.345 UTC))
        );
        for other in [
            "chorus.db",
            "chorus-2026-12-07.db",
            "chorus-20261207T030512.345Z.db.partial",
            ".chorus-20261207T030512.345Z.db.abc.partial",
            "chorus-20261207X030512.345Z.db",
        ] {
            assert!(!is_rotating_name(other), "{other}");
        }
    }
}
