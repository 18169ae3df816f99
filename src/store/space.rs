//! Free space where the database lives. Intake stops before the disk is full, keeping a
//! reserve so staff can still log in, triage and delete (each of which writes a little).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};

/// The free-space watermark of one data directory.
pub struct Space {
    dir: PathBuf,
    reserve_bytes: u64,
    /// Unix second of the last warning, so a full disk is logged once a minute at most.
    last_warned: AtomicI64,
}

impl Space {
    pub fn new(dir: &Path, reserve_bytes: u64) -> Space {
        Space {
            dir: dir.to_path_buf(),
            reserve_bytes,
            last_warned: AtomicI64::new(0),
        }
    }

    /// True while more than the reserve is free (or the free space cannot be read: a
    /// filesystem that does not say is not refused).
    pub fn allows_intake(&self, now_unix: i64) -> bool {
        match free_bytes(&self.dir) {
            Some(free) if free < self.reserve_bytes => {
                let last = self.last_warned.load(Ordering::Relaxed);
                if now_unix - last >= 60
                    && self
                        .last_warned
                        .compare_exchange(last, now_unix, Ordering::Relaxed, Ordering::Relaxed)
                        .is_ok()
                {
                    tracing::warn!(
                        free_bytes = free,
                        reserve_bytes = self.reserve_bytes,
                        "the data directory is nearly full: new statements are refused until space is freed"
                    );
                }
                false
            }
            _ => true,
        }
    }
}

/// Bytes an unprivileged writer may still use on the filesystem holding `dir`.
pub fn free_bytes(dir: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        let stat = rustix::fs::statvfs(dir).ok()?;
        Some(stat.f_bavail.saturating_mul(stat.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reserve_larger_than_any_disk_refuses_and_zero_allows() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Space::new(dir.path(), 0).allows_intake(0));
        assert!(!Space::new(dir.path(), u64::MAX).allows_intake(0));
    }
}
