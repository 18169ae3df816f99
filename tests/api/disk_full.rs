//! A nearly full disk: intake stops before the disk is full — an honest message, the text
//! kept — while staff can still log in, read and delete; when space returns, intake resumes
//! and nothing acknowledged was lost. Runs on a small tmpfs (CI runs as root).

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::helpers::*;

const MIB: u64 = 1024 * 1024;

/// A small tmpfs, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(mib: u64) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={mib}m,mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(
            mounted.success(),
            "this test mounts a tmpfs and needs to run as root (as CI does)"
        );
        Tmpfs { dir }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn free_bytes(dir: &Path) -> u64 {
    let stat = rustix::fs::statvfs(dir).unwrap();
    stat.f_bavail * stat.f_frsize
}

/// Writes zeros into `file` until `dir` has about `left` bytes free.
fn fill_until(dir: &Path, file: &Path, left: u64) {
    let mut out = std::fs::File::create(file).unwrap();
    let chunk = vec![0u8; MIB as usize];
    while free_bytes(dir) > left + MIB {
        out.write_all(&chunk).unwrap();
        out.sync_all().unwrap();
    }
}

#[tokio::test]
async fn a_nearly_full_disk_refuses_new_statements_but_lets_staff_work() {
    let fs = Tmpfs::mount(96);
    let data = fs.dir.path().join("data");
    let logs = tempfile::tempdir().unwrap();
    std::fs::write(
        logs.path().join("chorus.toml"),
        "min_free_mib = 40\nlogin_per_second = 1000\nlogin_burst = 1000\n",
    )
    .unwrap();
    let (_, secret) = init_admin_with_totp(&data);
    let mut server = TestServer::start(&data, logs.path(), &[("CHORUS_RATE_LIMITS", "off")]);
    assert_eq!(
        submit(&server, "said before the disk filled", &[]).await,
        200
    );

    // Below the 40 MiB reserve, with room left for staff.
    let filler = fs.dir.path().join("filler");
    fill_until(fs.dir.path(), &filler, 24 * MIB);
    let res = post_form(&server, "/submit", "statement=written+while+it+was+full").await;
    assert_eq!(res.status(), 503);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("written while it was full"),
        "the text is kept"
    );
    assert!(
        page.contains("storage is nearly full"),
        "the message says why"
    );
    assert_eq!(
        post_form(&server, "/pledge", "").await.status(),
        503,
        "pledges wait too"
    );
    assert_eq!(row_count(&server.db()), 1, "nothing was stored");

    // Staff can still get in, read and delete: the reserve is theirs.
    let admin = StaffBrowser::login(&server, ADMIN, PASSWORD, &secret).await;
    let inbox = admin.get(&server, "/review").await;
    assert_eq!(inbox.status(), 200);
    let id = inbox_ids(&inbox.text().await.unwrap()).remove(0);
    let opened = admin.get(&server, &format!("/review/t/{id}")).await;
    assert_eq!(opened.status(), 200);
    assert!(
        opened
            .text()
            .await
            .unwrap()
            .contains("said before the disk filled")
    );
    let deleted = admin
        .post(&server, &format!("/review/t/{id}/delete"), "confirm=yes")
        .await;
    assert_eq!(deleted.status(), 303);
    assert_eq!(row_count(&server.db()), 0);

    // Space returns: intake resumes, and what is acknowledged survives a crash.
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(submit(&server, "said once space returned", &[]).await, 200);
    server = server.restart(logs.path());
    assert_eq!(row_count(&server.db()), 1);
    drop(server);
}
