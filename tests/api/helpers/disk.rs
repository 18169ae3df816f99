//! What a server left on disk: the raw database, its rows, every file.

use super::*;

pub fn connect(db: &Path) -> Connection {
    Connection::open(db).unwrap()
}

pub fn rows(db: &Path) -> Vec<StoredTestimony> {
    testimonies::all(&connect(db)).unwrap()
}

/// The single value a query returns.
pub fn scalar<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    connect(db).query_row(sql, [], |r| r.get(0)).unwrap()
}

pub fn row_count(db: &Path) -> i64 {
    scalar(db, "SELECT count(*) FROM testimonies")
}

pub fn keys_by_password(
    db: &Path,
    password: &str,
) -> Result<EpochKeys, chorus::review::ReviewError> {
    keyring::open_with_password(
        &connect(db),
        ADMIN,
        &SecretString::from(password.to_owned()),
        ARGON2_KIB,
    )
}

/// Every testimony in `db`, decrypted with the admin password.
pub fn decrypt_all(db: &Path) -> Vec<Testimony> {
    let keys = keys_by_password(db, PASSWORD).unwrap();
    rows(db)
        .iter()
        .map(|r| keys.open_testimony(r).unwrap())
        .collect()
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
