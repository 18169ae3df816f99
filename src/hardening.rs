//! Process hardening at start: no core dumps and not dumpable, so keys and testimonies in
//! RAM do not end up in a crash file or readable through ptrace by another local user.

/// Best effort: reports what could not be applied instead of refusing to start.
pub fn harden_process() -> Vec<&'static str> {
    let mut failed = Vec::new();
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{
            DumpableBehavior, Resource, Rlimit, getrlimit, set_dumpable_behavior, setrlimit,
        };
        let no_core = Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        // Already zero under the packaged unit (LimitCORE=0): nothing to do then, and
        // nothing to warn about if its syscall filter would refuse the call.
        if getrlimit(Resource::Core) != no_core && setrlimit(Resource::Core, no_core).is_err() {
            failed.push("core dump limit");
        }
        if set_dumpable_behavior(DumpableBehavior::NotDumpable).is_err() {
            failed.push("not-dumpable flag");
        }
    }
    failed
}

/// Raises the open-file soft limit to the hard limit, so a crowd of slow connections
/// cannot exhaust the usual default of 1,024 and lock everyone else out (`accept` failing
/// with "too many open files"). Returns the soft limit now in force, when it is known.
pub fn raise_open_file_limit() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
        let limit = getrlimit(Resource::Nofile);
        if let Some(hard) = limit.maximum
            && limit.current.is_some_and(|soft| soft < hard)
        {
            let raised = setrlimit(
                Resource::Nofile,
                Rlimit {
                    current: Some(hard),
                    maximum: Some(hard),
                },
            );
            if raised.is_err() {
                tracing::warn!("could not raise the open-file limit to the hard limit");
            }
        }
        getrlimit(Resource::Nofile).current
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Files created from now on are readable by their owner only (umask 077).
pub fn private_umask() {
    #[cfg(unix)]
    {
        rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
    }
}
