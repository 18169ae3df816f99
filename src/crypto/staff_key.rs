//! A staff member's password does three jobs after one Argon2id run: HKDF splits the
//! result into a login verifier, a key-encryption key that wraps their private key, and a
//! key that seals their TOTP secret. So the database alone proves nothing and opens nothing.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use hkdf::Hkdf;
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::{CryptoError, random};

/// Longest password we will hash; longer input is refused before any work is done.
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// Shortest password accepted: a passphrase, not a word.
pub const MIN_PASSWORD_CHARS: usize = 15;
const ARGON2_TIME_COST: u32 = 3;
const ARGON2_LANES: u32 = 1;
const NONCE_LEN: usize = 12;

/// Which secret a wrapped blob holds; part of the associated data.
#[derive(Clone, Copy, Debug)]
pub enum Wrapped {
    PrivateKey,
    TotpSecret,
}

impl Wrapped {
    fn label(self) -> &'static [u8] {
        match self {
            Wrapped::PrivateKey => b"chorus/v1/staff-private-key",
            Wrapped::TotpSecret => b"chorus/v1/staff-totp-secret",
        }
    }
}

/// The three keys derived from one password.
pub struct PasswordKeys {
    verifier: Zeroizing<[u8; 32]>,
    key_wrap: Zeroizing<[u8; 32]>,
    totp_seal: Zeroizing<[u8; 32]>,
}

impl PasswordKeys {
    /// One Argon2id run (m = `memory_kib`, t = 3, p = 1) split with HKDF-SHA256.
    /// Slow on purpose (hundreds of milliseconds): call it on the blocking pool.
    pub fn derive(
        password: &SecretString,
        salt: &[u8],
        memory_kib: u32,
    ) -> Result<PasswordKeys, CryptoError> {
        let password = password.expose_secret().as_bytes();
        if password.len() > MAX_PASSWORD_BYTES {
            return Err(CryptoError::Kdf);
        }
        let params = Params::new(memory_kib, ARGON2_TIME_COST, ARGON2_LANES, Some(32))
            .map_err(|_| CryptoError::Kdf)?;
        let mut master = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(password, salt, master.as_mut_slice())
            .map_err(|_| CryptoError::Kdf)?;
        let hk = Hkdf::<Sha256>::new(None, master.as_slice());
        let expand = |info: &[u8]| -> Result<Zeroizing<[u8; 32]>, CryptoError> {
            let mut out = Zeroizing::new([0u8; 32]);
            hk.expand(info, out.as_mut_slice())
                .map_err(|_| CryptoError::Kdf)?;
            Ok(out)
        };
        Ok(PasswordKeys {
            verifier: expand(b"chorus/v1/login-verifier")?,
            key_wrap: expand(b"chorus/v1/key-wrap")?,
            totp_seal: expand(b"chorus/v1/totp-seal")?,
        })
    }

    /// The value stored to check a login.
    pub fn verifier(&self) -> &[u8; 32] {
        &self.verifier
    }

    /// Constant-time comparison with a stored verifier.
    pub fn verifies(&self, stored: &[u8]) -> bool {
        stored.len() == 32 && bool::from(self.verifier.as_slice().ct_eq(stored))
    }

    /// Wraps `secret` under the key for its kind, bound to `context` (the staff id).
    pub fn wrap(
        &self,
        kind: Wrapped,
        secret: &[u8],
        context: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        let key = self.key_for(kind);
        let nonce_bytes = random::bytes::<NONCE_LEN>()?;
        let nonce = Nonce::try_from(&nonce_bytes[..]).map_err(|_| CryptoError::Seal)?;
        let aad = [kind.label(), context].concat();
        let cipher = ChaCha20Poly1305::new_from_slice(key).map_err(|_| CryptoError::Seal)?;
        let ciphertext = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: secret,
                    aad: &aad,
                },
            )
            .map_err(|_| CryptoError::Seal)?;
        Ok([&nonce_bytes[..], &ciphertext].concat())
    }

    /// Opens what [`PasswordKeys::wrap`] made.
    pub fn unwrap(
        &self,
        kind: Wrapped,
        blob: &[u8],
        context: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        let (nonce, ciphertext) = blob
            .split_at_checked(NONCE_LEN)
            .ok_or(CryptoError::Format)?;
        let nonce = Nonce::try_from(nonce).map_err(|_| CryptoError::Format)?;
        let aad = [kind.label(), context].concat();
        let cipher =
            ChaCha20Poly1305::new_from_slice(self.key_for(kind)).map_err(|_| CryptoError::Open)?;
        cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad: &aad,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| CryptoError::Open)
    }

    fn key_for(&self, kind: Wrapped) -> &[u8] {
        match kind {
            Wrapped::PrivateKey => self.key_wrap.as_slice(),
            Wrapped::TotpSecret => self.totp_seal.as_slice(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST_MEMORY_KIB: u32 = 64 * 1024;

    fn keys(password: &str, salt: &[u8]) -> PasswordKeys {
        PasswordKeys::derive(
            &SecretString::from(password.to_owned()),
            salt,
            TEST_MEMORY_KIB,
        )
        .unwrap()
    }

    #[test]
    fn wrap_round_trip_and_wrong_password() {
        let salt = [9u8; 16];
        let k = keys("correct horse battery staple", &salt);
        let blob = k.wrap(Wrapped::PrivateKey, &[1u8; 32], b"staff-1").unwrap();
        assert_eq!(
            k.unwrap(Wrapped::PrivateKey, &blob, b"staff-1")
                .unwrap()
                .as_slice(),
            &[1u8; 32]
        );
        assert!(k.unwrap(Wrapped::TotpSecret, &blob, b"staff-1").is_err());
        assert!(k.unwrap(Wrapped::PrivateKey, &blob, b"staff-2").is_err());
        let wrong = keys("correct horse battery stapler", &salt);
        assert!(
            wrong
                .unwrap(Wrapped::PrivateKey, &blob, b"staff-1")
                .is_err()
        );
        assert!(!wrong.verifies(k.verifier()));
        assert!(k.verifies(keys("correct horse battery staple", &salt).verifier()));
    }

    /// Known answer: pins Argon2id parameters and the HKDF split.
    #[test]
    fn verifier_is_pinned() {
        let k = keys("chorus known answer", b"0123456789abcdef");
        assert_eq!(
            hex::encode(k.verifier()),
            include_str!("../../tests/kat/verifier.hex").trim()
        );
    }

    #[test]
    fn oversized_passwords_are_refused_before_hashing() {
        let long = SecretString::from("x".repeat(MAX_PASSWORD_BYTES + 1));
        assert!(PasswordKeys::derive(&long, &[0; 16], TEST_MEMORY_KIB).is_err());
    }
}
