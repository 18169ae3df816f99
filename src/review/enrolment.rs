//! Becoming a staff member — the first admin by the set-up link or `chorus init`, an invitee
//! by their link, a new admin by the recovery key — is one flow: check the username and the
//! passphrase, prove the authenticator works (web only: the CLI prints the secret), then one
//! Argon2id run over the passphrase gives the login verifier and the keys that wrap a fresh
//! private key and seal the TOTP secret. The caller commits the row in its own transaction.

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::{ReviewError, totp};
use crate::crypto::random;
use crate::crypto::staff_key::{MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS, PasswordKeys, Wrapped};
use crate::crypto::suite::{PublicKey, SecretKey};
use crate::domain::{Role, StaffId, Username};
use crate::store::staff::StaffRow;

/// A username for a new account (see [`Username::new_account`]).
pub fn parse_username(raw: &str) -> Result<String, ReviewError> {
    Username::new_account(raw)
        .map(Username::into_string)
        .ok_or(ReviewError::InvalidInput("err-username-format"))
}

/// A staff password: a passphrase of at least 15 characters, at most 1 KiB.
pub fn check_password(password: &SecretString) -> Result<(), ReviewError> {
    let p = password.expose_secret();
    if p.chars().count() < MIN_PASSWORD_CHARS {
        return Err(ReviewError::InvalidInput("err-passphrase-short"));
    }
    if p.len() > MAX_PASSWORD_BYTES {
        return Err(ReviewError::InvalidInput("err-passphrase-long"));
    }
    Ok(())
}

/// What a person enrolling typed, as the web form carries it.
pub struct EnrolmentForm {
    pub username: String,
    pub password: SecretString,
    /// The secret the page showed (it travels back in the form: nothing is stored before
    /// the person has proved their authenticator works).
    pub totp_secret: Zeroizing<Vec<u8>>,
    pub totp_code: String,
}

impl EnrolmentForm {
    /// Checks everything but the slow part, the code against the time `now` (unix
    /// seconds); the TOTP step the code used, so it cannot be replayed at the first login.
    pub fn check(&self, now: i64) -> Result<(String, i64), ReviewError> {
        let username = parse_username(&self.username)?;
        check_password(&self.password)?;
        let step = totp::totp(&self.totp_secret, &username)?
            .check(self.totp_code.trim(), u64::try_from(now).unwrap_or(0))
            .ok_or(ReviewError::InvalidInput("err-totp-code"))?;
        Ok((username, i64::try_from(step).unwrap_or(i64::MAX)))
    }
}

/// A new staff member's row: a fresh key pair wrapped under their passphrase, their TOTP
/// secret sealed under it too, no grants yet.
pub struct NewMember {
    pub row: StaffRow,
    pub public: PublicKey,
}

impl NewMember {
    /// Slow (Argon2id): run it through the Argon2 gate.
    pub fn make(
        username: &str,
        role: Role,
        password: &SecretString,
        totp_secret: &[u8],
        memory_kib: u32,
    ) -> Result<NewMember, ReviewError> {
        let username = parse_username(username)?;
        check_password(password)?;
        let id = StaffId::random()?;
        let salt = random::bytes::<16>()?;
        let derived = PasswordKeys::derive(password, &salt, memory_kib)?;
        let secret = SecretKey::generate()?;
        let public = secret.public_key()?;
        let row = StaffRow {
            id,
            username,
            role,
            active: true,
            salt: salt.to_vec(),
            verifier: derived.verifier().to_vec(),
            public_key: public.to_bytes(),
            wrapped_private_key: derived.wrap(Wrapped::PrivateKey, secret.seed(), id.as_bytes())?,
            sealed_totp_secret: derived.wrap(Wrapped::TotpSecret, totp_secret, id.as_bytes())?,
            totp_last_step: None,
            failed_logins: 0,
            locked_until: None,
            language: None,
        };
        Ok(NewMember { row, public })
    }
}

/// Fresh one-time recovery codes for logging in without the authenticator: 10 characters
/// from a 32-letter alphabet (50 bits each), shown once, stored hashed.
pub fn new_recovery_codes() -> Result<Vec<String>, ReviewError> {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    const COUNT: usize = 8;
    let mut codes = Vec::with_capacity(COUNT);
    for _ in 0..COUNT {
        let bytes = random::bytes::<10>()?;
        let code: String = bytes
            .iter()
            .map(|b| char::from(ALPHABET.get(usize::from(b % 32)).copied().unwrap_or(b'a')))
            .collect();
        codes.push(format!(
            "{}-{}",
            code.get(..5).unwrap_or_default(),
            code.get(5..).unwrap_or_default()
        ));
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_and_passwords_are_checked() {
        assert_eq!(parse_username(" Alex.R ").unwrap(), "alex.r");
        assert!(parse_username("").is_err());
        assert!(parse_username("a b").is_err());
        assert!(parse_username(&"a".repeat(65)).is_err());
        assert!(check_password(&SecretString::from("short")).is_err());
        assert!(check_password(&SecretString::from("fifteen chars!!")).is_ok());
    }

    #[test]
    fn recovery_codes_are_distinct_and_shaped_for_reading_aloud() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), 8);
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 11 && c.as_bytes()[5] == b'-')
        );
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 8);
    }
}
