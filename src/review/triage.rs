//! Reading and triaging testimonies. Every decryption is audited, in the same transaction
//! as nothing else: a view is recorded even though it changes no row.

use rusqlite::Connection;
use zeroize::Zeroizing;

use super::ReviewError;
use super::keyring::EpochKeys;
use crate::crypto::suite::{KeyId, Label, PublicKey};
use crate::crypto::{self, random};
use crate::store::messages::{self, StoredMessage};
use crate::store::testimonies::{self, StoredTestimony};
use crate::store::{StoreResult, audit, keys};
use crate::submission::Testimony;

/// The statuses staff can set, in workflow order, with what people read.
pub const STATUSES: &[(&str, &str)] = &[
    ("new", "New"),
    ("read", "Read"),
    ("in_progress", "In progress"),
    ("resolved", "Resolved"),
    ("spam", "Spam"),
];

pub fn status_label(key: &str) -> &'static str {
    STATUSES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| *l)
        .unwrap_or("Unknown")
}

pub fn parse_status(text: &str) -> Option<&'static str> {
    STATUSES.iter().find(|(k, _)| *k == text).map(|(k, _)| *k)
}

/// Longest note staff may write.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// One row of the inbox.
pub struct InboxRow {
    pub id: [u8; 16],
    pub received_day: String,
    pub status: String,
    pub preview: Zeroizing<String>,
    pub has_statement: bool,
    /// The author kept a receipt code: replies can reach them.
    pub has_receipt: bool,
}

/// The first `chars` characters of a statement, on one line.
pub fn preview(text: &str, chars: usize) -> Zeroizing<String> {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(chars).collect();
    if flat.chars().count() > chars {
        out.push('…');
    }
    Zeroizing::new(out)
}

/// Decrypts only what one inbox page shows.
pub fn inbox_rows(keys: &EpochKeys, rows: &[StoredTestimony]) -> Vec<InboxRow> {
    rows.iter()
        .map(|row| {
            let opened = keys.open_testimony(row);
            let (preview_text, has_statement) = match &opened {
                Ok(t) if t.statement.is_empty() => {
                    (Zeroizing::new("(“me too”, no statement)".to_owned()), false)
                }
                Ok(t) => (preview(&t.statement, 140), true),
                Err(_) => (
                    Zeroizing::new("(cannot be opened with your keys)".to_owned()),
                    false,
                ),
            };
            InboxRow {
                id: row.id,
                received_day: row.received_day.clone(),
                status: row.status.clone(),
                preview: preview_text,
                has_statement,
                has_receipt: row.receipt.is_some(),
            }
        })
        .collect()
}

/// A message of the thread, opened.
pub struct OpenedMessage {
    pub kind: String,
    pub author: Option<String>,
    pub day: String,
    pub text: Zeroizing<String>,
}

/// A testimony with its thread, opened.
pub struct OpenedTestimony {
    pub row: StoredTestimony,
    pub testimony: Testimony,
    pub messages: Vec<OpenedMessage>,
}

/// The sealing label of a thread message kind.
pub fn label_for(kind: &str) -> Label {
    match kind {
        "follow_up" => Label::FollowUp,
        "reply" => Label::Reply,
        _ => Label::Note,
    }
}

/// A staff reply, sealed twice: to the epoch (the staff copy) and to the survivor's
/// code-derived key (what `/return` opens).
pub fn seal_reply(
    conn: &Connection,
    testimony: &StoredTestimony,
    author: &str,
    text: &str,
    day: &str,
) -> Result<StoredMessage, ReviewError> {
    let receipt = testimony.receipt.as_ref().ok_or(ReviewError::InvalidInput(
        "This testimony has no receipt code, so no reply can reach its author.",
    ))?;
    let survivor = PublicKey::from_bytes(&receipt.reply_public_key)?;
    let (epoch_id, public) =
        keys::newest_epoch(conn)?.ok_or(ReviewError::InvalidInput("No epoch key exists yet."))?;
    let public = PublicKey::from_bytes(&public)?;
    let id = random::id()?;
    Ok(StoredMessage {
        id,
        testimony_id: testimony.id,
        seq: 0,
        kind: "reply".to_owned(),
        author: Some(author.to_owned()),
        created_day: day.to_owned(),
        ciphertext: crypto::message::seal(
            &public,
            &KeyId(epoch_id),
            Label::Reply,
            &testimony.id,
            &id,
            text,
        )?,
        survivor_ciphertext: Some(crypto::receipt::seal_reply(
            &survivor,
            &testimony.id,
            &id,
            text,
        )?),
    })
}

/// Opens one testimony and its notes. Read-only; the caller audits the view.
pub fn open(
    conn: &Connection,
    keys: &EpochKeys,
    id: &[u8; 16],
) -> Result<Option<OpenedTestimony>, ReviewError> {
    let Some(row) = testimonies::get(conn, id)? else {
        return Ok(None);
    };
    let testimony = keys.open_testimony(&row)?;
    let mut opened = Vec::new();
    for m in messages::for_testimony(conn, id)? {
        let text = keys
            .open_message(label_for(&m.kind), id, &m.id, &m.ciphertext)
            .unwrap_or_else(|_| Zeroizing::new("(cannot be opened with your keys)".to_owned()));
        opened.push(OpenedMessage {
            kind: m.kind,
            author: m.author,
            day: m.created_day,
            text,
        });
    }
    Ok(Some(OpenedTestimony {
        row,
        testimony,
        messages: opened,
    }))
}

/// A staff note, sealed to the newest epoch like everything else.
pub fn seal_note(
    conn: &Connection,
    testimony_id: &[u8; 16],
    author: &str,
    text: &str,
    day: &str,
) -> Result<StoredMessage, ReviewError> {
    let (epoch_id, public) =
        keys::newest_epoch(conn)?.ok_or(ReviewError::InvalidInput("No epoch key exists yet."))?;
    let public = PublicKey::from_bytes(&public)?;
    let id = random::id()?;
    let ciphertext = crypto::message::seal(
        &public,
        &KeyId(epoch_id),
        Label::Note,
        testimony_id,
        &id,
        text,
    )?;
    Ok(StoredMessage {
        id,
        testimony_id: *testimony_id,
        seq: 0,
        kind: "note".to_owned(),
        author: Some(author.to_owned()),
        created_day: day.to_owned(),
        ciphertext,
        survivor_ciphertext: None,
    })
}

/// Checks a note's text: not empty, not too long, no control characters but CR/LF/TAB.
pub fn parse_note(raw: &str) -> Result<String, ReviewError> {
    let text = raw.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(ReviewError::InvalidInput("The note is empty."));
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(ReviewError::InvalidInput(
            "Notes hold up to 10,000 characters.",
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ReviewError::InvalidInput(
            "The note contains control characters.",
        ));
    }
    Ok(text)
}

/// Deletes a testimony and its thread, audits it, and checkpoints so no copy lingers in
/// the WAL.
pub fn delete(conn: &Connection, id: &[u8; 16], actor: &str, at: &str) -> StoreResult<bool> {
    let existed = testimonies::delete(conn, id)?;
    if existed {
        audit::append(conn, at, actor, "testimony.delete", &hex::encode(id))?;
    }
    Ok(existed)
}
