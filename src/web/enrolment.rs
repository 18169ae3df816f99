//! What the set-up page and the invitation page share: showing a new authenticator secret
//! (as base32 to type and as a QR code to scan, drawn server-side as SVG) and reading the
//! enrolment form back into [`EnrolmentForm`].

use secrecy::SecretString;

use super::form::FormPairs;
use crate::review::enrolment::EnrolmentForm;
use crate::review::totp;
use crate::web::error::AppError;

/// A new authenticator secret as the page shows it.
pub struct TotpDisplay {
    /// To type into an authenticator app.
    pub base32: String,
    /// The same, in groups of four, as people read and type it.
    pub grouped: String,
    /// `otpauth://` for an authenticator on the device showing the page.
    pub uri: String,
    /// To scan: inline SVG we generated (safe to embed unescaped).
    pub qr_svg: String,
}

impl TotpDisplay {
    /// `username` names the account in the authenticator app.
    pub fn new(secret: &[u8], username: &str) -> TotpDisplay {
        let uri = totp::uri(secret, username).unwrap_or_default();
        let base32 = totp::base32(secret);
        let grouped = base32
            .as_bytes()
            .chunks(4)
            .filter_map(|c| std::str::from_utf8(c).ok())
            .collect::<Vec<_>>()
            .join(" ");
        TotpDisplay {
            base32,
            grouped,
            qr_svg: qr_svg(&uri),
            uri,
        }
    }
}

/// A QR code as inline SVG (no XML declaration).
fn qr_svg(uri: &str) -> String {
    let Ok(code) = qrcode::QrCode::new(uri.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    match svg.find("<svg") {
        Some(i) => svg.get(i..).unwrap_or_default().to_owned(),
        None => String::new(),
    }
}

/// Whether the passphrase was typed the same twice. A form without the second field (a
/// script) is not checked; the page always has it, and a typo there would lose the key for
/// good.
pub fn passphrases_match(pairs: &FormPairs) -> bool {
    let typed_twice = pairs.0.iter().any(|(k, _)| k == "password_confirm");
    !typed_twice || pairs.get("password_confirm") == pairs.get("password")
}

/// The catalogue key of the message for two different passphrases.
pub const PASSPHRASES_DIFFER: &str = "err-passphrases-differ";

/// Reads an enrolment form; `username` when the link decides it (an invitation).
pub fn parse(pairs: &FormPairs, username: Option<&str>) -> Result<EnrolmentForm, AppError> {
    let totp_secret = totp::parse_base32(pairs.get("totp_secret"))
        .ok_or(AppError::BadRequest("err-totp-secret-changed"))?;
    Ok(EnrolmentForm {
        username: username.unwrap_or(pairs.get("username")).to_owned(),
        password: SecretString::from(pairs.get("password").to_owned()),
        totp_secret,
        totp_code: pairs.get("totp_code").trim().to_owned(),
    })
}
