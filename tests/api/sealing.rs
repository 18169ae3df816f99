//! Sealing: rows open with the admin password and with the recovery key, and nothing else.

use chorus::crypto::recovery;
use chorus::review::keyring;

use crate::helpers::*;

#[tokio::test]
async fn stored_rows_open_with_the_admin_password_and_the_recovery_key() {
    let d = dirs();
    let (server, recovery_key) = ready_server(&d, &[]);
    let body = "statement=it+happened+twice&category=harassment&category=online&setting=work&consent_publish=on";
    assert_eq!(post_form(&server, "/submit", body).await.status(), 200);
    let row = rows(&server.db()).pop().unwrap();

    let by_password = keys_by_password(&server.db(), PASSWORD)
        .unwrap()
        .open_testimony(&row)
        .unwrap();
    assert_eq!(by_password.statement, "it happened twice");
    assert_eq!(by_password.categories, ["harassment", "online"]);
    assert_eq!(by_password.setting.as_deref(), Some("work"));
    assert!(by_password.consent_publish);

    let secret = recovery::decode(&recovery_key).unwrap();
    let by_recovery = keyring::open_with_recovery(&connect(&server.db()), &secret).unwrap();
    assert_eq!(
        by_recovery.open_testimony(&row).unwrap().statement,
        "it happened twice"
    );
}

#[tokio::test]
async fn a_wrong_password_opens_nothing() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    assert_eq!(submit(&server, "secret", &[]).await, 200);
    assert!(keys_by_password(&server.db(), "correct horse battery stapler").is_err());
    let unknown = keyring::open_with_password(
        &connect(&server.db()),
        "nobody",
        &secrecy::SecretString::from(PASSWORD.to_owned()),
        ARGON2_KIB,
    );
    assert!(unknown.is_err());
}

#[tokio::test]
async fn a_ciphertext_moved_to_another_row_does_not_open() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    assert_eq!(submit(&server, "first", &[]).await, 200);
    assert_eq!(submit(&server, "second", &[]).await, 200);
    let keys = keys_by_password(&server.db(), PASSWORD).unwrap();
    let mut all = rows(&server.db());
    let (a, b) = (all.remove(0), all.remove(0));
    let mut swapped = a.clone();
    swapped.ciphertext = b.ciphertext.clone();
    assert!(keys.open_testimony(&a).is_ok());
    assert!(
        keys.open_testimony(&swapped).is_err(),
        "aad binds the row id"
    );
}

#[tokio::test]
async fn rotation_keeps_old_rows_readable_and_seals_new_ones_to_the_new_epoch() {
    let d = dirs();
    let (server, recovery_key) = ready_server(&d, &[]);
    assert_eq!(submit(&server, "before rotation", &[]).await, 200);
    let (ok, out, err) = cli(&server.data_dir, &["keys", "rotate"], "");
    assert!(ok, "{err}");
    assert!(out.contains("new epoch"));
    // The running server notices the new epoch without a restart.
    assert_eq!(submit(&server, "after rotation", &[]).await, 200);
    let all = rows(&server.db());
    let epochs: std::collections::HashSet<_> = all.iter().map(|r| r.epoch_id).collect();
    assert_eq!(epochs.len(), 2, "the second statement used the new epoch");
    let mut statements: Vec<String> = decrypt_all(&server.db())
        .iter()
        .map(|t| t.statement.clone())
        .collect();
    statements.sort();
    assert_eq!(statements, ["after rotation", "before rotation"]);
    let secret = recovery::decode(&recovery_key).unwrap();
    let by_recovery = keyring::open_with_recovery(&connect(&server.db()), &secret).unwrap();
    assert_eq!(by_recovery.len(), 2);
    let (ok, out, _) = cli(&server.data_dir, &["audit", "verify"], "");
    assert!(ok && out.contains("intact"), "{out}");
}

#[tokio::test]
async fn every_ordinary_statement_seals_to_the_same_size() {
    let d = dirs();
    let (server, _) = ready_server(&d, &[]);
    for len in [0usize, 1, 10, 200, 1000, 2500, 3900] {
        assert_eq!(
            submit(&server, &"x".repeat(len), &["harassment"]).await,
            200
        );
    }
    assert_eq!(
        submit(&server, &"é".repeat(1900), &["rape", "online", "stalking"]).await,
        200
    );
    let sizes: std::collections::HashSet<usize> = rows(&server.db())
        .iter()
        .map(|r| r.ciphertext.len())
        .collect();
    assert_eq!(sizes.len(), 1, "ciphertext sizes differ: {sizes:?}");
    // A much longer statement is padded to a Padmé bucket, still not its exact length.
    assert_eq!(submit(&server, &"y".repeat(9000), &[]).await, 200);
    let long = rows(&server.db())
        .iter()
        .map(|r| r.ciphertext.len())
        .max()
        .unwrap();
    assert!(long > *sizes.iter().next().unwrap());
}
