//! What arrived since the last alert, in RAM only: intake and returning survivors bump a
//! counter, the notifier takes it at each alert tick. Nothing here is ever written down (a
//! stored counter would tie each arrival to a moment), so a restart forgets it; the
//! notifier then compares what is waiting with what was waiting at its last alert.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Default)]
pub struct News {
    statements: AtomicU64,
    follow_ups: AtomicU64,
}

/// What a tick found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Arrived {
    pub statements: u64,
    pub follow_ups: u64,
}

impl Arrived {
    pub fn any(self) -> bool {
        self.statements > 0 || self.follow_ups > 0
    }
}

impl News {
    /// A statement was durably stored.
    pub fn statement(&self) {
        self.statements.fetch_add(1, Ordering::Relaxed);
    }

    /// A follow-up was durably stored.
    pub fn follow_up(&self) {
        self.follow_ups.fetch_add(1, Ordering::Relaxed);
    }

    /// Takes what arrived since the last take.
    pub fn take(&self) -> Arrived {
        Arrived {
            statements: self.statements.swap(0, Ordering::Relaxed),
            follow_ups: self.follow_ups.swap(0, Ordering::Relaxed),
        }
    }

    /// Puts back what a failed alert could not deliver.
    pub fn restore(&self, arrived: Arrived) {
        self.statements
            .fetch_add(arrived.statements, Ordering::Relaxed);
        self.follow_ups
            .fetch_add(arrived.follow_ups, Ordering::Relaxed);
    }
}
