//! Reading `application/x-www-form-urlencoded` bodies strictly: a size cap before anything
//! is buffered, every `%` must start a valid escape, and the decoded text must be UTF-8.
//! Lenient decoders silently turn bad bytes into U+FFFD; a testimony must never be altered
//! behind its author's back, so we refuse instead.

use actix_web::HttpRequest;
use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::web::Payload;
use futures_util::StreamExt;
use zeroize::Zeroizing;

use crate::web::error::AppError;

/// Largest form body accepted: 20,000 characters of any script, percent-encoded (up to 12
/// bytes each), plus the other fields.
pub const MAX_FORM_BYTES: usize = 256 * 1024;

/// Decoded `(name, value)` pairs in order. Values are zeroized when dropped.
pub struct FormPairs(pub Vec<(String, String)>);

impl Drop for FormPairs {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for (_, v) in self.0.iter_mut() {
            v.zeroize();
        }
    }
}

impl FormPairs {
    /// Refuses (400) a form with a field outside `allowed`, or any field twice: our forms
    /// send neither, and a lenient reader would let a crafted post pick which copy counts.
    pub fn only(&self, allowed: &[&str]) -> Result<(), AppError> {
        let mut seen = Vec::with_capacity(self.0.len());
        for (name, _) in &self.0 {
            if !allowed.contains(&name.as_str()) || seen.contains(&name.as_str()) {
                return Err(AppError::BadRequest("err-form-unknown-field"));
            }
            seen.push(name.as_str());
        }
        Ok(())
    }

    /// The first value of a field ("" when absent).
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
}

/// A form body must arrive at this rate at least (bytes per second), after a short grace. A
/// statement form is a few KiB, and even a slow Tor bridge (tens of KiB a second at worst)
/// sends the largest one, 20,000 characters of any script, in time. A client trickling a
/// body holds a connection slot only this long, not a fixed minute.
const MIN_BODY_RATE: u64 = 8 * 1024;
const BODY_GRACE: std::time::Duration = std::time::Duration::from_secs(5);
/// Longest wait for the next piece of a body, whatever is left of its deadline (pauses of a
/// few seconds are ordinary on Tor).
const BODY_STALL: std::time::Duration = std::time::Duration::from_secs(10);

/// How long a body of `declared` bytes (`max`, when not declared) may take.
fn body_deadline(declared: Option<u64>, max: usize) -> std::time::Duration {
    let bytes = declared.map_or(max as u64, |n| n.min(max as u64));
    BODY_GRACE + std::time::Duration::from_millis(bytes.saturating_mul(1000) / MIN_BODY_RATE)
}

/// Reads and decodes a form body, refusing (413/415/408/400) anything that is not a valid form.
pub async fn read(req: &HttpRequest, payload: Payload) -> Result<FormPairs, AppError> {
    let body = read_body(req, payload).await?;
    decode(&body).map(FormPairs)
}

/// Reads a form body without decoding it (so a malformed one can still be shown back).
pub async fn read_body(
    req: &HttpRequest,
    payload: Payload,
) -> Result<Zeroizing<Vec<u8>>, AppError> {
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    if !mime.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return Err(AppError::UnsupportedMediaType);
    }
    read_bounded(req, payload, MAX_FORM_BYTES).await
}

/// Reads a body of at most `max` bytes, at the minimum rate and with the pauses any body
/// gets (413 when larger, 408 when too slow).
pub async fn read_bounded(
    req: &HttpRequest,
    mut payload: Payload,
    max: usize,
) -> Result<Zeroizing<Vec<u8>>, AppError> {
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max as u64) {
        return Err(AppError::PayloadTooLarge);
    }
    // Allocated once: growing would leave copies of the text in freed memory.
    let capacity = declared.map_or(max, |len| usize::try_from(len).unwrap_or(max));
    let mut body = Zeroizing::new(Vec::with_capacity(capacity.min(max)));
    let reading = async {
        while let Some(chunk) = tokio::time::timeout(BODY_STALL, payload.next())
            .await
            .map_err(|_| AppError::RequestTimeout)?
        {
            let chunk = chunk.map_err(|_| AppError::BadRequest("err-form-incomplete"))?;
            if body.len() + chunk.len() > max {
                return Err(AppError::PayloadTooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(())
    };
    tokio::time::timeout(body_deadline(declared, max), reading)
        .await
        .map_err(|_| AppError::RequestTimeout)??;
    Ok(body)
}

/// Best-effort text of one field from a body that failed strict decoding, only to show it
/// back to its author (bad bytes become U+FFFD). Never stored.
pub fn lossy_field(body: &[u8], name: &str) -> String {
    body.split(|&b| b == b'&')
        .find_map(|part| {
            let mut halves = part.splitn(2, |&b| b == b'=');
            (halves.next() == Some(name.as_bytes())).then(|| halves.next().unwrap_or_default())
        })
        .map(|raw| {
            let spaced: Vec<u8> = raw
                .iter()
                .map(|&b| if b == b'+' { b' ' } else { b })
                .collect();
            let bytes: Vec<u8> = percent_encoding::percent_decode(&spaced).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .unwrap_or_default()
}

const MALFORMED: &str = "err-form-encoding";

/// Strictly decodes a urlencoded body.
pub fn decode(body: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    let mut pairs = Vec::new();
    if body.is_empty() {
        return Ok(pairs);
    }
    for part in body.split(|&b| b == b'&') {
        if part.is_empty() {
            continue;
        }
        let mut halves = part.splitn(2, |&b| b == b'=');
        let name = halves.next().unwrap_or_default();
        let value = halves.next().unwrap_or_default();
        pairs.push((decode_component(name)?, decode_component(value)?));
    }
    Ok(pairs)
}

fn decode_component(raw: &[u8]) -> Result<String, AppError> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                // Two hex digits exactly (`from_str_radix` alone would accept "+1").
                let (hi, lo) = match raw.get(i + 1..i + 3) {
                    Some(&[hi, lo]) if hi.is_ascii_hexdigit() && lo.is_ascii_hexdigit() => (hi, lo),
                    _ => return Err(AppError::BadRequest(MALFORMED)),
                };
                out.push(hex_value(hi) << 4 | hex_value(lo));
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|e| {
        // Wipe the rejected bytes too.
        let mut bytes = e.into_bytes();
        zeroize::Zeroize::zeroize(&mut bytes);
        AppError::BadRequest(MALFORMED)
    })
}

/// Value of an ASCII hex digit (callers check `is_ascii_hexdigit` first).
fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit.wrapping_sub(b'A').wrapping_add(10) & 0x0f,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_may_take_a_grace_and_then_must_keep_a_minimum_rate() {
        use std::time::Duration;
        assert_eq!(
            body_deadline(Some(0), MAX_FORM_BYTES),
            Duration::from_secs(5)
        );
        // A 4 KiB statement: half a second on top of the grace.
        assert_eq!(
            body_deadline(Some(4096), MAX_FORM_BYTES),
            Duration::from_millis(5500)
        );
        // The largest form (or one of unknown length) may take 37 s, not a minute.
        assert_eq!(body_deadline(None, MAX_FORM_BYTES), Duration::from_secs(37));
        assert_eq!(
            body_deadline(Some(u64::MAX), MAX_FORM_BYTES),
            Duration::from_secs(37)
        );
    }

    #[test]
    fn decodes_plus_percent_and_repeats() {
        let pairs = decode(b"statement=me+too%21&category=a&category=b&empty=&flag").unwrap();
        assert_eq!(pairs[0], ("statement".into(), "me too!".into()));
        assert_eq!(pairs[1].1, "a");
        assert_eq!(pairs[2].1, "b");
        assert_eq!(pairs[3], ("empty".into(), "".into()));
        assert_eq!(pairs[4], ("flag".into(), "".into()));
        assert_eq!(decode(b"s=%E2%9C%93").unwrap()[0].1, "✓");
        assert_eq!(decode(b"s=%2B").unwrap()[0].1, "+");
    }

    #[test]
    fn refuses_bad_escapes_and_invalid_utf8() {
        assert!(decode(b"s=%").is_err());
        assert!(decode(b"s=%4").is_err());
        assert!(decode(b"s=%zz").is_err());
        assert!(decode(b"s=%FF").is_err());
        assert!(decode(b"s=%C3%28").is_err());
        assert!(decode(b"s=\xff").is_err());
        assert!(decode(b"s=%+1").is_err());
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        fn encode(text: &str) -> String {
            text.bytes().map(|b| format!("%{b:02X}")).collect()
        }

        proptest! {
            #[test]
            fn any_text_percent_encoded_decodes_to_itself(
                pairs in proptest::collection::vec(("\\PC{0,20}", "\\PC{0,200}"), 0..6),
            ) {
                let body: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                    .collect();
                let decoded = decode(body.join("&").as_bytes()).unwrap();
                let expected: Vec<(String, String)> = pairs.into_iter().collect();
                prop_assert_eq!(decoded, expected);
            }
        }
    }
}
