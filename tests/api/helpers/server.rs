//! The real `chorus` binary: a server on a random port with a temp data dir, and the CLI.

use super::*;

pub const ADMIN: &str = "admin";
pub const PASSWORD: &str = "correct horse battery staple";
/// Tests use the smallest Argon2id memory the config allows, to stay quick.
pub const ARGON2_KIB: u32 = 64 * 1024;

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_chorus")
}

/// A running server. Killed when dropped.
pub struct TestServer {
    child: Child,
    pub base: String,
    pub data_dir: PathBuf,
    pub log_path: PathBuf,
    pub setup_link: Option<String>,
    env: Vec<(String, String)>,
}

/// An empty configuration file: without one, Chorus would read the settings of a Chorus
/// package installed on the test machine (`/etc/chorus/chorus.toml`).
pub const NO_CONFIG_FILE: &str = "/dev/null";

/// Environment every test server and CLI call gets.
fn base_env(data_dir: &Path) -> Vec<(String, String)> {
    vec![
        ("CHORUS_DATA_DIR".into(), data_dir.display().to_string()),
        ("CHORUS_BIND".into(), "127.0.0.1:0".into()),
        ("CHORUS_ARGON2_MEMORY_KIB".into(), ARGON2_KIB.to_string()),
        ("CHORUS_LOG".into(), "debug".into()),
        // Exact counts unless a test turns noise on: most tests check figures.
        ("CHORUS_NOISE_EPSILON".into(), "0".into()),
    ]
}

impl TestServer {
    /// Starts a server on `data_dir` with extra `env`; logs go to `log_dir`, outside the data dir.
    pub fn start(data_dir: &Path, log_dir: &Path, env: &[(&str, &str)]) -> TestServer {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Self::start_with(data_dir, log_dir, env)
    }

    /// Starts a server whose open-file soft limit starts at `soft` (as under systemd's
    /// default of 1,024), through util-linux `prlimit`.
    pub fn start_with_file_limit(data_dir: &Path, log_dir: &Path, soft: u64) -> TestServer {
        let limit = format!("--nofile={soft}:");
        Self::start_command(data_dir, log_dir, Vec::new(), &["prlimit", &limit, "--"])
    }

    fn start_with(data_dir: &Path, log_dir: &Path, env: Vec<(String, String)>) -> TestServer {
        Self::start_command(data_dir, log_dir, env, &[])
    }

    /// Starts `chorus serve`, behind `wrapper` (a command that runs it) when not empty.
    fn start_command(
        data_dir: &Path,
        log_dir: &Path,
        env: Vec<(String, String)>,
        wrapper: &[&str],
    ) -> TestServer {
        let log_path = log_dir.join(format!(
            "server-{}.log",
            Instant::now().elapsed().as_nanos() + std::process::id() as u128 + rand_suffix()
        ));
        let log = std::fs::File::create(&log_path).unwrap();
        let mut cmd = match wrapper.split_first() {
            Some((program, args)) => {
                let mut cmd = Command::new(program);
                cmd.args(args).arg(bin());
                cmd
            }
            None => Command::new(bin()),
        };
        cmd.current_dir(log_dir)
            .envs(base_env(data_dir))
            .envs(env.iter().cloned());
        if !log_dir.join("chorus.toml").exists() {
            cmd.env("CHORUS_CONFIG", NO_CONFIG_FILE);
        }
        let mut child = cmd
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut base = None;
        let mut setup_link = None;
        while Instant::now() < deadline {
            let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) else {
                if base.is_some() {
                    break;
                }
                continue;
            };
            if let Some(url) = line.strip_prefix("chorus: listening on ") {
                base = Some(url.trim().to_owned());
            }
            if line.trim_start().contains("/setup/") {
                setup_link = Some(line.trim().to_owned());
                break;
            }
        }
        let base = base.expect("server did not start");
        TestServer {
            child,
            base,
            data_dir: data_dir.to_path_buf(),
            log_path,
            setup_link,
            env,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGKILL from outside, as a crash or the OOM killer would, while others still use it.
    pub fn kill9_by_pid(&self) {
        let status = Command::new("kill")
            .args(["-9", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// A fresh server on the same data dir and settings.
    pub fn restart(mut self, log_dir: &Path) -> TestServer {
        self.kill9();
        let env = std::mem::take(&mut self.env);
        Self::start_with(&self.data_dir.clone(), log_dir, env)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    pub fn db(&self) -> PathBuf {
        self.data_dir.join("chorus.db")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.kill9();
    }
}

fn rand_suffix() -> u128 {
    u128::from_le_bytes(chorus::crypto::random::bytes::<16>().unwrap())
}

/// Runs `chorus ARGS` against `data_dir` with `stdin`; returns (success, stdout, stderr).
pub fn cli(data_dir: &Path, args: &[&str], stdin: &str) -> (bool, String, String) {
    cli_with(data_dir, &[], args, stdin)
}

/// The same, with extra `env` (the settings a server was started with).
pub fn cli_with(
    data_dir: &Path,
    env: &[(&str, &str)],
    args: &[&str],
    stdin: &str,
) -> (bool, String, String) {
    let mut child = Command::new(bin())
        .envs(base_env(data_dir))
        .env("CHORUS_CONFIG", NO_CONFIG_FILE)
        .envs(env.iter().copied())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `chorus init --json` for the test admin: what it printed.
pub fn init_json(data_dir: &Path) -> serde_json::Value {
    let (ok, out, err) = cli(
        data_dir,
        &["init", "--admin-user", ADMIN, "--password-stdin", "--json"],
        &format!("{PASSWORD}\n"),
    );
    assert!(ok, "init failed: {err}");
    serde_json::from_str(out.trim()).unwrap()
}

/// `chorus init` for the test admin; returns the recovery key.
pub fn init_admin(data_dir: &Path) -> String {
    let json = init_json(data_dir);
    assert!(
        json["totp_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/")
    );
    json["recovery_key"].as_str().unwrap().to_owned()
}

/// A data dir and a log dir, removed at the end of the test.
pub struct Dirs {
    pub data: tempfile::TempDir,
    pub logs: tempfile::TempDir,
}

pub fn dirs() -> Dirs {
    Dirs {
        data: tempfile::tempdir().unwrap(),
        logs: tempfile::tempdir().unwrap(),
    }
}

/// A server with an admin already set up (via `chorus init`), publishing at every change.
pub fn ready_server(d: &Dirs, env: &[(&str, &str)]) -> (TestServer, String) {
    let recovery = init_admin(d.data.path());
    let mut all = vec![("CHORUS_RATE_LIMITS", "off")];
    all.extend_from_slice(env);
    (
        TestServer::start(d.data.path(), d.logs.path(), &all),
        recovery,
    )
}
