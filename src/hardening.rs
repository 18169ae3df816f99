//! Process hardening at start: no core dumps and not dumpable, so keys and testimonies in
//! RAM do not end up in a crash file or readable through ptrace by another local user.

/// Best effort: reports what could not be applied instead of refusing to start.
pub fn harden_process() -> Vec<&'static str> {
    let mut failed = Vec::new();
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{
            DumpableBehavior, Resource, Rlimit, set_dumpable_behavior, setrlimit,
        };
        if setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        )
        .is_err()
        {
            failed.push("core dump limit");
        }
        if set_dumpable_behavior(DumpableBehavior::NotDumpable).is_err() {
            failed.push("not-dumpable flag");
        }
    }
    failed
}

/// Files created from now on are readable by their owner only (umask 077).
pub fn private_umask() {
    #[cfg(unix)]
    {
        rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
    }
}
