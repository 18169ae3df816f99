//! A failure at any step of a multi-step staff action leaves the database exactly as before.
//!
//! Faults come from outside: while the server runs, a trigger created in the live database
//! (WAL lets a second connection in) makes the Nth row of one kind of write (INSERT, UPDATE
//! or DELETE on one table) abort. For every write an action performs, the test snapshots
//! every row of every table, arms the trigger, runs the action, disarms it and compares.
//! Each fault carries a unique message, and the test checks the action's own words (the
//! server log, or the CLI's output) for it, so a case cannot pass because the action failed
//! earlier for some other reason. After a case that changed the database, the database is
//! put back as it was, so every case starts from the same state. Finally the action runs
//! without a fault and must succeed and touch every table the faults were aimed at.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use crate::helpers::*;

/// One write of an action: the `nth` row it `event`s (INSERT, UPDATE, DELETE) on `table`.
#[derive(Clone, Copy, Debug)]
struct Fault {
    event: &'static str,
    table: &'static str,
    nth: u32,
}

const fn at(event: &'static str, table: &'static str, nth: u32) -> Fault {
    Fault { event, table, nth }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} (row {})", self.event, self.table, self.nth)
    }
}

/// Disabling a member who holds two grants and one known device: they are disabled, their
/// grants and devices go, it is audited, and a new epoch is sealed to the admin and the
/// recovery key (audited too).
const DISABLE: &[Fault] = &[
    at("UPDATE", "staff", 1),
    at("DELETE", "key_grants", 1),
    at("DELETE", "key_grants", 2),
    at("DELETE", "devices", 1),
    at("INSERT", "audit_log", 1),
    at("INSERT", "audit_log", 2),
    at("INSERT", "epoch_keys", 1),
    at("INSERT", "key_grants", 1),
    at("INSERT", "key_grants", 2),
];

/// Granting two epochs to an enrolled member, audited.
const GRANT: &[Fault] = &[
    at("INSERT", "key_grants", 1),
    at("INSERT", "key_grants", 2),
    at("INSERT", "audit_log", 1),
];

/// A new epoch sealed to the admin and the recovery key, audited.
const ROTATE: &[Fault] = &[
    at("INSERT", "epoch_keys", 1),
    at("INSERT", "key_grants", 1),
    at("INSERT", "key_grants", 2),
    at("INSERT", "audit_log", 1),
];

/// A new admin, the recovery audited, two epochs granted to them (the grant audited too).
const RECOVER: &[Fault] = &[
    at("INSERT", "staff", 1),
    at("INSERT", "audit_log", 1),
    at("INSERT", "audit_log", 2),
    at("INSERT", "key_grants", 1),
    at("INSERT", "key_grants", 2),
];

/// New wrapped secrets for the member, audited.
const PASSPHRASE: &[Fault] = &[at("UPDATE", "staff", 1), at("INSERT", "audit_log", 1)];

/// Our own table: the trigger counts matching rows in it. Never snapshotted or restored.
const PLAN: &str = "fault_plan";
/// The trigger's name.
const TRIGGER: &str = "injected_fault";

/// No publication ticks (not even at midnight) that could write between two snapshots.
const QUIET: &[(&str, &str)] = &[("CHORUS_PUBLISH_INTERVAL_SECS", "0")];

/// A second connection to the live database, as an outsider.
fn open(db: &Path) -> Connection {
    let conn = connect(db);
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn
}

/// The ordinary tables, by name (not sqlite_* internals, not our own).
fn tables(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> ?1 ORDER BY name",
        )
        .unwrap();
    stmt.query_map([PLAN], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn render(value: ValueRef<'_>) -> String {
    match value {
        ValueRef::Null => "NULL".to_owned(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => format!("{f:?}"),
        ValueRef::Text(t) => format!("'{}'", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("x'{}'", hex::encode(b)),
    }
}

/// Every row of every ordinary table, rendered, in a fixed order.
type Snapshot = BTreeMap<String, BTreeSet<String>>;

fn snapshot(db: &Path) -> Snapshot {
    let conn = open(db);
    let mut out = Snapshot::new();
    for table in tables(&conn) {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
        let rows: BTreeSet<String> = stmt
            .query_map([], |r| {
                let mut cells = Vec::with_capacity(names.len());
                for (i, name) in names.iter().enumerate() {
                    cells.push(format!("{name}={}", render(r.get_ref(i)?)));
                }
                Ok(cells.join(", "))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        out.insert(table, rows);
    }
    out
}

/// What differs between two snapshots, one entry per table ("staff: 1 row(s) gone, 1 new").
fn differences(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let empty = BTreeSet::new();
    let names: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    names
        .into_iter()
        .filter_map(|name| {
            let b = before.get(name).unwrap_or(&empty);
            let a = after.get(name).unwrap_or(&empty);
            let gone = b.difference(a).count();
            let new = a.difference(b).count();
            (gone + new > 0).then(|| format!("{name}: {gone} row(s) gone, {new} new"))
        })
        .collect()
}

/// A consistent copy of the live database (to put it back after a case that changed it).
fn save(db: &Path, copy: &Path) {
    let _ = std::fs::remove_file(copy);
    open(db)
        .execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
        .unwrap();
}

/// Puts every ordinary table of the live database back as it is in `copy`, in one transaction.
fn restore(db: &Path, copy: &Path) {
    let conn = open(db);
    conn.execute("ATTACH DATABASE ?1 AS pristine", [copy.to_str().unwrap()])
        .unwrap();
    let mut sql = String::from("BEGIN IMMEDIATE;");
    for t in tables(&conn) {
        sql.push_str(&format!(
            "DELETE FROM main.\"{t}\"; INSERT INTO main.\"{t}\" SELECT * FROM pristine.\"{t}\";"
        ));
    }
    sql.push_str("COMMIT;");
    conn.execute_batch(&sql).unwrap();
    conn.execute_batch("DETACH DATABASE pristine").unwrap();
}

/// Arms the fault: the `nth` matching row, and every one after it, aborts with `message`.
fn arm(db: &Path, fault: Fault, message: &str) {
    let Fault { event, table, nth } = fault;
    open(db)
        .execute_batch(&format!(
            "CREATE TABLE IF NOT EXISTS {PLAN} (n INTEGER NOT NULL);
             DELETE FROM {PLAN};
             INSERT INTO {PLAN} (n) VALUES (0);
             CREATE TRIGGER {TRIGGER} BEFORE {event} ON \"{table}\" BEGIN
                 UPDATE {PLAN} SET n = n + 1;
                 SELECT RAISE(ABORT, '{message}') WHERE (SELECT n FROM {PLAN}) >= {nth};
             END;"
        ))
        .unwrap();
}

fn disarm(db: &Path) {
    open(db)
        .execute_batch(&format!("DROP TRIGGER IF EXISTS {TRIGGER}"))
        .unwrap();
}

/// What an action reported: success or not, and its own words (first line a summary).
struct Outcome {
    succeeded: bool,
    said: String,
}

impl Outcome {
    fn summary(&self) -> &str {
        self.said.lines().next().unwrap_or_default()
    }
}

/// A web action's outcome: success is a 2xx page or a 303 to a location containing `done`
/// (when `done` is not empty); its words are the status, then the server log.
fn web(server: &TestServer, res: &reqwest::Response, done: &str) -> Outcome {
    let status = res.status();
    let location = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    Outcome {
        succeeded: status.is_success()
            || (status == 303 && !done.is_empty() && location.contains(done)),
        said: format!("HTTP {status} {location}\n{}", server.log()),
    }
}

/// A CLI action's outcome: success is exit 0; its words are stderr, then stdout.
fn command(data_dir: &Path, args: &[&str], stdin: &str) -> Outcome {
    let (ok, out, err) = cli(data_dir, args, stdin);
    Outcome {
        succeeded: ok,
        said: format!("exit {}: {}\n{out}", if ok { 0 } else { 1 }, err.trim()),
    }
}

/// Runs `action` once per fault, each time from the same state; returns every broken promise
/// (one line each). `masks` are messages an action is known to replace the fault's own with
/// (they too show the fault fired). Then runs it without a fault: it must succeed and change
/// every table the faults were aimed at.
async fn each_fault_changes_nothing(
    db: &Path,
    scratch: &Path,
    faults: &[Fault],
    masks: &[&str],
    mut action: impl AsyncFnMut() -> Outcome,
) -> Vec<String> {
    let copy: PathBuf = scratch.join("before-fault.db");
    let mut problems = Vec::new();
    for (i, fault) in faults.iter().enumerate() {
        let message = format!("injected fault #{} ({fault})", i + 1);
        save(db, &copy);
        let before = snapshot(db);
        arm(db, *fault, &message);
        let outcome = action().await;
        disarm(db);
        let after = snapshot(db);
        if outcome.succeeded {
            problems.push(format!(
                "{fault}: the action reported success ({})",
                outcome.summary()
            ));
        }
        if !outcome.said.contains(&message) && !masks.iter().any(|m| outcome.said.contains(m)) {
            problems.push(format!(
                "{fault}: the fault never fired; the action said: {}",
                outcome.summary()
            ));
        }
        let changed = differences(&before, &after);
        if !changed.is_empty() {
            problems.push(format!(
                "{fault}: the failed action changed the database: {}",
                changed.join("; ")
            ));
            restore(db, &copy);
            assert_eq!(
                snapshot(db),
                before,
                "the database is back as before {fault}"
            );
        }
    }
    // Without a fault: success, and every table a fault was aimed at changes.
    let before = snapshot(db);
    let outcome = action().await;
    assert!(
        outcome.succeeded,
        "without a fault the action succeeds: {}",
        outcome.summary()
    );
    let changed = differences(&before, &snapshot(db));
    for fault in faults {
        assert!(
            changed
                .iter()
                .any(|c| c.starts_with(&format!("{}:", fault.table))),
            "without a fault the action writes {}; it changed only: {changed:?}",
            fault.table
        );
    }
    problems
}

fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} broken case(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The id of staff member `username`, as the admin pages spell it.
fn staff_id(db: &Path, username: &str) -> String {
    scalar(
        db,
        &format!("SELECT lower(hex(id)) FROM staff WHERE username = '{username}'"),
    )
}

/// Starts a new epoch from the command line.
fn rotate(server: &TestServer) {
    let (ok, out, err) = cli(&server.data_dir, &["keys", "rotate"], "");
    assert!(ok, "rotation failed: {out}{err}");
}

/// A granted member who holds two epochs (one from their grant, one from a rotation) and
/// has logged in once (so one device of theirs is known).
async fn seasoned_member(server: &TestServer, admin: &StaffBrowser, username: &str) {
    let password = format!("{username}'s long passphrase");
    let (secret, _) = add_member(server, admin, username, "reviewer", &password).await;
    rotate(server);
    StaffBrowser::login(server, username, &password, &secret).await;
    let db = server.db();
    let id = staff_id(&db, username);
    let grants: i64 = scalar(
        &db,
        &format!("SELECT count(*) FROM key_grants WHERE lower(hex(recipient_id)) = '{id}'"),
    );
    let devices: i64 = scalar(
        &db,
        &format!("SELECT count(*) FROM devices WHERE lower(hex(staff_id)) = '{id}'"),
    );
    assert_eq!(
        (grants, devices),
        (2, 1),
        "{username} has grants and a device"
    );
}

#[tokio::test]
async fn a_disable_from_the_web_that_fails_at_any_step_changes_nothing() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, QUIET);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    seasoned_member(&server, &admin, "rita").await;
    let path = format!(
        "/review/admin/staff/{}/disable",
        staff_id(&server.db(), "rita")
    );
    let problems =
        each_fault_changes_nothing(&server.db(), d.logs.path(), DISABLE, &[], async || {
            web(
                &server,
                &admin.post(&server, &path, "confirm=yes").await,
                "done=disabled",
            )
        })
        .await;
    assert_no_problems("web disable", &problems);
}

#[tokio::test]
async fn a_disable_from_the_cli_that_fails_at_any_step_changes_nothing() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, QUIET);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    seasoned_member(&server, &admin, "carol").await;
    let problems =
        each_fault_changes_nothing(&server.db(), d.logs.path(), DISABLE, &[], async || {
            command(&server.data_dir, &["reviewer", "disable", "carol"], "")
        })
        .await;
    assert_no_problems("CLI disable", &problems);
}

#[tokio::test]
async fn a_grant_that_fails_at_any_step_changes_nothing() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, QUIET);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    // Two epochs to grant, to someone enrolled and waiting.
    rotate(&server);
    enrol(
        &server,
        &admin,
        "newbie",
        "reviewer",
        "newbie's passphrase here",
    )
    .await;
    let path = format!(
        "/review/admin/staff/{}/grant",
        staff_id(&server.db(), "newbie")
    );
    let problems =
        each_fault_changes_nothing(&server.db(), d.logs.path(), GRANT, &[], async || {
            web(
                &server,
                &admin.post(&server, &path, "compared=yes").await,
                "done=granted",
            )
        })
        .await;
    assert_no_problems("grant", &problems);
}

#[tokio::test]
async fn a_rotation_from_the_web_that_fails_at_any_step_changes_nothing() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, QUIET);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let problems =
        each_fault_changes_nothing(&server.db(), d.logs.path(), ROTATE, &[], async || {
            web(
                &server,
                &admin.post(&server, "/review/admin/keys/rotate", "").await,
                "done=rotated",
            )
        })
        .await;
    assert_no_problems("web rotation", &problems);
}

#[tokio::test]
async fn a_rotation_from_the_cli_that_fails_at_any_step_changes_nothing() {
    let d = dirs();
    let (server, _, _) = staff_server(&d, QUIET);
    let problems =
        each_fault_changes_nothing(&server.db(), d.logs.path(), ROTATE, &[], async || {
            command(&server.data_dir, &["keys", "rotate"], "")
        })
        .await;
    assert_no_problems("CLI rotation", &problems);
}

#[tokio::test]
async fn a_recovery_that_fails_at_any_step_changes_nothing() {
    let d = dirs();
    let (server, recovery, _) = staff_server(&d, QUIET);
    // Two epochs for the recovery key to grant.
    rotate(&server);
    let stdin = format!("{recovery}\nrescue admin passphrase\n");
    let problems =
        each_fault_changes_nothing(&server.db(), d.logs.path(), RECOVER, &[], async || {
            command(
                &server.data_dir,
                &["keys", "recover", "--new-admin", "rescue"],
                &stdin,
            )
        })
        .await;
    assert_no_problems("recovery", &problems);
}

#[tokio::test]
async fn a_passphrase_change_that_fails_at_any_step_changes_nothing() {
    let d = dirs();
    let (server, _, secret) = staff_server(&d, QUIET);
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let body = format!(
        "current={}&new={}",
        enc(PASSWORD),
        enc("a completely new passphrase")
    );
    let problems =
        each_fault_changes_nothing(&server.db(), d.logs.path(), PASSPHRASE, &[], async || {
            web(
                &server,
                &admin.post(&server, "/review/account/password", &body).await,
                "",
            )
        })
        .await;
    assert_no_problems("passphrase change", &problems);
}
