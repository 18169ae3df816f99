//! Setting up the first admin, by the one-time link printed at first start or by
//! `chorus init`: the admin (see `enrolment`), the recovery key pair — its private half
//! handed back to be shown once, never stored — and the first epoch sealed to both, in one
//! transaction that also uses up the link.

use secrecy::SecretString;
use zeroize::Zeroizing;

use super::desk::Desk;
use super::enrolment::{EnrolmentForm, NewMember};
use super::{ReviewError, epochs, totp};
use crate::crypto::random;
use crate::crypto::recovery;
use crate::crypto::suite::SecretKey;
use crate::domain::{AuditAction, RecoveryKeyId, Role, TokenHash};
use crate::store::{audit, keys, setup_tokens, staff};

/// How long a set-up link stays valid.
pub const SETUP_LINK_SECS: i64 = 24 * 3600;

/// What the person setting up must see once.
pub struct FirstAdmin {
    pub username: String,
    pub recovery_key: Zeroizing<String>,
    pub totp_uri: String,
    pub key_fingerprint: String,
}

impl Desk {
    /// With no admin yet, replaces any earlier set-up token with a fresh one (only its hash
    /// is stored) and returns it for the link; None once an admin exists.
    #[tracing::instrument(skip_all)]
    pub async fn issue_setup_link(&self) -> Result<Option<Zeroizing<String>>, ReviewError> {
        if self.store.read(staff::any_admin).await? {
            return Ok(None);
        }
        let token = Zeroizing::new(random::token_hex()?);
        let (stored, expires) = (TokenHash::of(&token), self.now().unix() + SETUP_LINK_SECS);
        self.store
            .write(move |conn| {
                setup_tokens::replace(conn, setup_tokens::PURPOSE_FIRST_ADMIN, &stored, expires)
            })
            .await?;
        Ok(Some(token))
    }

    /// Ok if this set-up link can still be used; `AlreadySetUp` or `TokenInvalid` if not.
    #[tracing::instrument(skip_all)]
    pub async fn check_setup_link(&self, token: &str) -> Result<(), ReviewError> {
        let (token, now) = (TokenHash::of(token), self.now().unix());
        self.store
            .read(move |conn| -> Result<_, ReviewError> {
                if staff::any_admin(conn)? {
                    return Err(ReviewError::AlreadySetUp);
                }
                let purpose = setup_tokens::PURPOSE_FIRST_ADMIN;
                if !setup_tokens::is_valid(conn, purpose, &token, now)? {
                    return Err(ReviewError::TokenInvalid);
                }
                Ok(())
            })
            .await
    }

    /// The set-up page: the first admin proves their authenticator works; the link is used.
    #[tracing::instrument(skip_all)]
    pub async fn set_up_by_link(
        &self,
        token: &str,
        form: EnrolmentForm,
    ) -> Result<FirstAdmin, ReviewError> {
        self.check_setup_link(token).await?;
        let member = self.make_member(&form, Role::Admin).await?;
        let totp_uri = totp::uri(&form.totp_secret, &member.row.username)?;
        self.commit_first_admin(Some(TokenHash::of(token)), member, totp_uri)
            .await
    }

    /// `chorus init`: the first admin from the command line; their TOTP secret is made here
    /// and handed back in the URI.
    #[tracing::instrument(skip_all)]
    pub async fn set_up_from_cli(
        &self,
        username: &str,
        password: SecretString,
    ) -> Result<FirstAdmin, ReviewError> {
        let secret = totp::new_secret()?;
        let (name, work_secret, memory) = (username.to_owned(), secret.clone(), self.memory_kib);
        let member = self
            .argon
            .run(move || NewMember::make(&name, Role::Admin, &password, &work_secret, memory))
            .await?;
        let totp_uri = totp::uri(&secret, &member.row.username)?;
        self.commit_first_admin(None, member, totp_uri).await
    }

    /// Commits the admin, the recovery key, the first epoch and the audit entries. With a
    /// `token`, it must be a live set-up token and is used up.
    async fn commit_first_admin(
        &self,
        token: Option<crate::domain::TokenHash>,
        member: NewMember,
        totp_uri: String,
    ) -> Result<FirstAdmin, ReviewError> {
        let recovery_secret = SecretKey::generate()?;
        let recovery_public = recovery_secret.public_key()?;
        let recovery_id = RecoveryKeyId::random()?;
        let shown = FirstAdmin {
            username: member.row.username.clone(),
            recovery_key: recovery::encode(&recovery_secret),
            totp_uri,
            key_fingerprint: member.public.fingerprint(),
        };
        let now = self.now();
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let at = now.rfc3339();
                if staff::any_admin(conn)? {
                    return Err(ReviewError::AlreadySetUp);
                }
                let purpose = setup_tokens::PURPOSE_FIRST_ADMIN;
                if let Some(token) = &token
                    && !setup_tokens::consume(conn, purpose, token, now.unix())?
                {
                    return Err(ReviewError::TokenInvalid);
                }
                setup_tokens::clear(conn, purpose)?;
                staff::insert(conn, &member.row, &at)?;
                keys::insert_recovery_key(conn, &recovery_id, &recovery_public.to_bytes(), &at)?;
                let recipients = vec![
                    (member.row.id.into(), member.public.clone()),
                    (recovery_id.into(), recovery_public),
                ];
                let epoch = epochs::create(conn, &recipients, &at)?;
                let name = &member.row.username;
                let detail = format!("admin key {}", member.public.fingerprint());
                audit::append(conn, &at, name, AuditAction::SetupFirstAdmin, &detail)?;
                let detail = format!("first epoch {epoch}");
                audit::append(conn, &at, name, AuditAction::KeysEpoch, &detail)?;
                Ok(())
            })
            .await?;
        Ok(shown)
    }
}
