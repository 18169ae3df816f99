//! What the benches share: a real `chorus` server on a random port, with an admin set up.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_chorus");

pub struct Server {
    child: Child,
    pub base: String,
    _dir: tempfile::TempDir,
}

impl Server {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts a server with `extra` environment and, if given, this `chorus.toml`.
pub fn start(extra: &[(&str, &str)], toml: Option<&str>) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut env = vec![
        ("CHORUS_DATA_DIR", dir.path().display().to_string()),
        ("CHORUS_BIND", "127.0.0.1:0".to_owned()),
        ("CHORUS_ARGON2_MEMORY_KIB", "65536".to_owned()),
        ("CHORUS_LOG", "warn".to_owned()),
    ];
    env.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    if let Some(toml) = toml {
        std::fs::write(dir.path().join("chorus.toml"), toml).unwrap();
    }
    let mut init = Command::new(BIN)
        .envs(env.iter().cloned())
        .args([
            "init",
            "--admin-user",
            "admin",
            "--password-stdin",
            "--json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    init.stdin
        .take()
        .unwrap()
        .write_all(b"correct horse battery staple\n")
        .unwrap();
    assert!(init.wait().unwrap().success());
    let mut child = Command::new(BIN)
        .envs(env.iter().cloned())
        .current_dir(dir.path())
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut base = None;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(url) = line.strip_prefix("chorus: listening on ") {
            base = Some(url.trim().to_owned());
            break;
        }
    }
    Server {
        child,
        base: base.expect("the server did not start"),
        _dir: dir,
    }
}
