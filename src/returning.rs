//! Survivors coming back with their receipt code: see status and replies, add a follow-up,
//! or withdraw. Nothing here is audited or logged (that would timestamp survivors), and any
//! wrong code — near miss or random — gets the same answer.

use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::crypto::receipt::{self, Derived, ParseError, ReceiptCode};
use crate::crypto::suite::{KeyId, Label, PublicKey};
use crate::crypto::{self, CryptoError, random};
use crate::store::messages::{self, StoredMessage};
use crate::store::testimonies::{self, StoredTestimony};
use crate::store::{StoreError, StoreResult, keys};

/// What a code found.
pub struct Found {
    pub row: StoredTestimony,
    pub derived: Derived,
}

/// The answer to a code.
pub enum Lookup {
    Found(Box<Found>),
    /// Well-formed, but no testimony has this code (or it was withdrawn).
    NotFound,
    /// Not a code: a word not in the list, or not 8 words.
    Malformed(ParseError),
}

/// Looks a code up. Fast (HKDF and one indexed read): no throttle needed at ~103 bits, and
/// none that could lock survivors out behind a shared Tor address.
pub fn lookup(conn: &Connection, salt: &[u8], text: &str) -> Result<Lookup, StoreError> {
    let code = match ReceiptCode::parse(text) {
        Ok(code) => code,
        Err(e) => return Ok(Lookup::Malformed(e)),
    };
    let derived = code
        .derive(salt)
        .map_err(|_| StoreError::Conflict("receipt derivation"))?;
    Ok(match testimonies::by_receipt_tag(conn, &derived.tag)? {
        Some(row) => Lookup::Found(Box::new(Found { row, derived })),
        None => Lookup::NotFound,
    })
}

/// Status in words for the survivor. Spam is not named: a misjudged statement must not read
/// as an accusation.
pub fn status_words(status: &str) -> &'static str {
    match status {
        "new" => "Received. The team has not read it yet.",
        "in_progress" => "The team is working on it.",
        "resolved" => "The team has finished working on it.",
        _ => "Read by the team.",
    }
}

/// A reply opened with the code.
pub struct Reply {
    pub day: String,
    pub text: Zeroizing<String>,
}

/// Replies from staff, opened with the code-derived key.
pub fn replies(conn: &Connection, found: &Found) -> StoreResult<Vec<Reply>> {
    let mut out = Vec::new();
    for m in messages::for_testimony(conn, &found.row.id)? {
        let Some(blob) = m.survivor_ciphertext.as_ref().filter(|_| m.kind == "reply") else {
            continue;
        };
        if let Ok(text) = crypto::message::open(
            &found.derived.secret,
            Label::Reply,
            &found.row.id,
            &m.id,
            blob,
        ) {
            out.push(Reply {
                day: m.created_day,
                text,
            });
        }
    }
    Ok(out)
}

/// A follow-up, sealed to the newest epoch like the testimony.
pub fn seal_follow_up(
    conn: &Connection,
    testimony_id: &[u8; 16],
    text: &str,
    day: &str,
) -> Result<StoredMessage, StoreError> {
    let bad = |_: CryptoError| StoreError::Conflict("sealing failed");
    let (epoch_id, public) = keys::newest_epoch(conn)?.ok_or(StoreError::Conflict("no epoch"))?;
    let public = PublicKey::from_bytes(&public).map_err(bad)?;
    let id = random::id().map_err(bad)?;
    let ciphertext = crypto::message::seal(
        &public,
        &KeyId(epoch_id),
        Label::FollowUp,
        testimony_id,
        &id,
        text,
    )
    .map_err(bad)?;
    Ok(StoredMessage {
        id,
        testimony_id: *testimony_id,
        seq: 0,
        kind: "follow_up".to_owned(),
        author: None,
        created_day: day.to_owned(),
        ciphertext,
        survivor_ciphertext: None,
    })
}

/// What a withdrawal removed, so the counts can follow at the next tick.
pub struct Withdrawn {
    pub categories: Vec<String>,
    pub day: String,
    /// True if the testimony had been counted (folded, and not spam).
    pub was_counted: bool,
}

/// Deletes the testimony whose tag is `tag` and its thread, reading in the same
/// transaction whether it had been counted. None if it was gone already.
pub fn withdraw(
    conn: &Connection,
    tag: &[u8],
    derived: &Derived,
) -> StoreResult<Option<Withdrawn>> {
    let Some(row) = testimonies::by_receipt_tag(conn, tag)? else {
        return Ok(None);
    };
    let contents = row
        .receipt
        .as_ref()
        .and_then(|r| receipt::open_box(&derived.secret, &row.id, &r.sealed_box).ok());
    testimonies::delete(conn, &row.id)?;
    Ok(Some(Withdrawn {
        categories: contents
            .as_ref()
            .map(|c| c.categories.clone())
            .unwrap_or_default(),
        day: contents
            .map(|c| c.day)
            .unwrap_or_else(|| row.received_day.clone()),
        was_counted: !row.uncounted && row.status != "spam",
    }))
}
