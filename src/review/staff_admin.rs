//! Managing staff: invitations (which carry no key), enrolment by invitation, granting epoch
//! keys from an admin's unlocked session, disabling (which deletes grants and rotates),
//! unlocking, passphrase changes, and re-granting access with the offline recovery key.

use secrecy::SecretString;
use zeroize::Zeroizing;

use super::desk::{Actor, Desk};
use super::enrolment::{self, EnrolmentForm, NewMember};
use super::sessions::SessionView;
use super::{ReviewError, epochs, keyring, totp};
use crate::crypto::random;
use crate::crypto::staff_key::{PasswordKeys, Wrapped};
use crate::crypto::suite::{PublicKey, SecretKey};
use crate::domain::{AuditAction, EpochId, RecipientId, Role, StaffId, TokenHash, Username};
use crate::i18n::Language;
use crate::store::{audit, devices, invitations, keys, recovery_codes, staff};

/// How long an invitation link stays valid.
pub const INVITATION_SECS: i64 = 24 * 3600;

/// One staff member as the admin page and `chorus reviewer list` show them.
pub struct MemberSummary {
    pub id: StaffId,
    pub username: String,
    pub role: Role,
    pub active: bool,
    pub locked: bool,
    /// Holds a grant for every epoch.
    pub granted: bool,
    pub fingerprint: String,
}

/// What an enrolled invitee must see once.
pub struct Enrolled {
    pub username: String,
    pub fingerprint: String,
    pub recovery_codes: Vec<String>,
}

/// What `chorus keys recover` prints.
pub struct Recovered {
    pub username: String,
    pub fingerprint: String,
    pub totp_uri: String,
}

/// Which member an action is about: the web names them by id, the CLI by username.
pub enum Member {
    Id(StaffId),
    Username(Username),
}

impl Desk {
    /// Everyone, active first, then by name.
    #[tracing::instrument(skip_all)]
    pub async fn staff_list(&self, actor: Actor<'_>) -> Result<Vec<MemberSummary>, ReviewError> {
        actor.require_admin()?;
        let now = self.now().unix();
        self.store
            .read(move |conn| -> Result<_, ReviewError> {
                let mut out = Vec::new();
                for m in staff::all(conn)? {
                    out.push(MemberSummary {
                        granted: keys::has_all_grants(conn, &m.id.into())?,
                        locked: m.locked_until.is_some_and(|t| t > now),
                        fingerprint: PublicKey::from_bytes(&m.public_key)
                            .map(|k| k.fingerprint())
                            .unwrap_or_default(),
                        id: m.id,
                        username: m.username,
                        role: m.role,
                        active: m.active,
                    });
                }
                Ok(out)
            })
            .await
    }

    /// Invitations not yet used or expired: who, as what, and until when (unix seconds).
    #[tracing::instrument(skip_all)]
    pub async fn open_invitations(
        &self,
        actor: Actor<'_>,
    ) -> Result<Vec<(String, Role, i64)>, ReviewError> {
        actor.require_admin()?;
        let now = self.now().unix();
        Ok(self
            .store
            .read(move |conn| invitations::open(conn, now))
            .await?)
    }

    /// Withdraws the open invitations naming `username` (audited): the link opens nothing
    /// any more. Refused when there is none.
    #[tracing::instrument(skip_all)]
    pub async fn revoke_invitation(
        &self,
        actor: Actor<'_>,
        username: &Username,
    ) -> Result<(), ReviewError> {
        actor.require_admin()?;
        let (who, at, name) = (actor.name(), self.now().rfc3339(), username.to_string());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                if invitations::revoke(conn, &name)? == 0 {
                    return Err(ReviewError::InvalidInput("err-no-invitation"));
                }
                audit::append(conn, &at, &who, AuditAction::StaffInviteRevoke, &name)?;
                Ok(())
            })
            .await
    }

    /// Creates an invitation; the token for the link (shown once, stored hashed).
    #[tracing::instrument(skip_all)]
    pub async fn invite(
        &self,
        actor: Actor<'_>,
        username: &Username,
        role: Role,
    ) -> Result<Zeroizing<String>, ReviewError> {
        actor.require_admin()?;
        let username = enrolment::parse_username(username.as_str())?;
        let token = Zeroizing::new(random::token_hex()?);
        let (stored, by, now) = (TokenHash::of(&token), actor.name(), self.now());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                if staff::by_username(conn, &username)?.is_some() {
                    return Err(ReviewError::InvalidInput("err-username-taken"));
                }
                let expires = now.unix() + INVITATION_SECS;
                invitations::insert(conn, &stored, &username, role, expires)?;
                let detail = format!("{username} as {role}");
                audit::append(conn, &now.rfc3339(), &by, AuditAction::StaffInvite, &detail)?;
                Ok(())
            })
            .await?;
        Ok(token)
    }

    /// The (username, role) of a live invitation.
    #[tracing::instrument(skip_all)]
    pub async fn invitation(&self, token: &str) -> Result<(String, Role), ReviewError> {
        let (token, now) = (TokenHash::of(token), self.now().unix());
        self.store
            .read(move |conn| invitations::find(conn, &token, now))
            .await?
            .ok_or(ReviewError::TokenInvalid)
    }

    /// An invited person enrols: their key pair and TOTP, no grants yet (an admin grants
    /// after comparing the fingerprint), and one-time recovery codes. The invitation is
    /// used up in the same transaction.
    #[tracing::instrument(skip_all)]
    pub async fn enrol_invited(
        &self,
        token: &str,
        form: EnrolmentForm,
    ) -> Result<Enrolled, ReviewError> {
        let (username, role) = self.invitation(token).await?;
        let form = EnrolmentForm { username, ..form };
        let member = self.make_member(&form, role).await?;
        let codes = enrolment::new_recovery_codes()?;
        let fingerprint = member.public.fingerprint();
        let stored_codes: Vec<_> = codes
            .iter()
            .map(|c| TokenHash::of_recovery_code(c))
            .collect();
        let (token, now) = (TokenHash::of(token), self.now());
        let username = member.row.username.clone();
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                match invitations::consume(conn, &token, now.unix())? {
                    Some((name, r)) if name == member.row.username && r == member.row.role => {}
                    _ => return Err(ReviewError::TokenInvalid),
                }
                if staff::by_username(conn, &member.row.username)?.is_some() {
                    return Err(ReviewError::TokenInvalid);
                }
                let at = now.rfc3339();
                staff::insert(conn, &member.row, &at)?;
                recovery_codes::replace_all(conn, &member.row.id, &stored_codes)?;
                let detail = format!("key {} awaiting a grant", member.public.fingerprint());
                audit::append(
                    conn,
                    &at,
                    &member.row.username,
                    AuditAction::StaffEnrol,
                    &detail,
                )?;
                Ok(())
            })
            .await?;
        Ok(Enrolled {
            username,
            fingerprint,
            recovery_codes: codes,
        })
    }

    /// Checks the form, then makes the member's keys behind the Argon2 gate. The TOTP step
    /// the form's code used is recorded, so that code cannot be replayed at the first login.
    #[tracing::instrument(skip_all)]
    pub(super) async fn make_member(
        &self,
        form: &EnrolmentForm,
        role: Role,
    ) -> Result<NewMember, ReviewError> {
        let (username, step) = form.check(self.now().unix())?;
        let (password, secret) = (form.password.clone(), form.totp_secret.clone());
        let memory = self.memory_kib;
        let mut member = self
            .argon
            .run(move || NewMember::make(&username, role, &password, &secret, memory))
            .await?;
        member.row.totp_last_step = Some(step);
        Ok(member)
    }

    /// Seals every epoch key the admin's session holds to `member` (audited); the member's
    /// key fingerprint.
    #[tracing::instrument(skip_all)]
    pub async fn grant(&self, admin: &SessionView, member: StaffId) -> Result<String, ReviewError> {
        Actor::Staff(admin).require_admin()?;
        let held = self.keys_of(admin).await?;
        let (actor, at) = (admin.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let member = staff::by_id(conn, &member)?
                    .filter(|m| m.active)
                    .ok_or(ReviewError::InvalidInput("err-no-such-member"))?;
                let public = PublicKey::from_bytes(&member.public_key)?;
                let granted = keyring::grant_all(conn, &held, &member.id.into(), &public)?;
                let fingerprint = public.fingerprint();
                let detail = format!("{} key {fingerprint}: {granted} epochs", member.username);
                audit::append(conn, &at, &actor, AuditAction::StaffGrant, &detail)?;
                Ok(fingerprint)
            })
            .await
    }

    /// Disables a member: no more logins, their grants deleted, their devices forgotten,
    /// their sessions ended, and a new epoch (so copies of their key in old backups open
    /// nothing submitted afterwards) — all in one transaction.
    #[tracing::instrument(skip_all)]
    pub async fn disable(&self, actor: Actor<'_>, member: Member) -> Result<String, ReviewError> {
        actor.require_admin()?;
        if let (Actor::Staff(session), Member::Id(id)) = (&actor, &member)
            && session.staff_id == *id
        {
            return Err(ReviewError::InvalidInput("err-disable-self"));
        }
        let (by, at) = (actor.name(), self.now().rfc3339());
        let (id, username) = self
            .store
            .write(move |conn| -> Result<_, ReviewError> {
                let found = match &member {
                    Member::Id(id) => staff::by_id(conn, id)?,
                    Member::Username(name) => staff::by_username(conn, name.as_str())?,
                };
                let member = found
                    .filter(|m| m.active)
                    .ok_or(ReviewError::InvalidInput("err-no-such-member"))?;
                if member.role == Role::Admin {
                    let other_admins = staff::active(conn)?
                        .iter()
                        .filter(|m| m.role == Role::Admin && m.id != member.id)
                        .count();
                    if other_admins == 0 {
                        return Err(ReviewError::InvalidInput("err-last-admin"));
                    }
                }
                staff::set_active(conn, &member.id, false)?;
                keys::delete_grants_for(conn, &member.id.into())?;
                devices::delete_for(conn, &member.id)?;
                audit::append(conn, &at, &by, AuditAction::StaffDisable, &member.username)?;
                rotate_in(conn, &at, &by)?;
                Ok((member.id, member.username))
            })
            .await?;
        self.sessions.destroy_for(&id);
        self.store.checkpoint().await;
        Ok(username)
    }

    /// A new epoch for everything submitted from now on. Needs no login: it only uses public
    /// keys. Audited.
    #[tracing::instrument(skip_all)]
    pub async fn rotate(&self, actor: Actor<'_>) -> Result<EpochId, ReviewError> {
        actor.require_admin()?;
        let (by, at) = (actor.name(), self.now().rfc3339());
        let id = self
            .store
            .write(move |conn| rotate_in(conn, &at, &by))
            .await?;
        self.store.checkpoint().await;
        Ok(id)
    }

    /// `chorus reviewer unlock`: clears a login lockout (audited); false if no such member.
    #[tracing::instrument(skip_all)]
    pub async fn unlock(&self, actor: Actor<'_>, username: &Username) -> Result<bool, ReviewError> {
        actor.require_admin()?;
        let (name, by, at) = (username.to_string(), actor.name(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let unlocked = staff::unlock(conn, &name)?;
                if unlocked {
                    audit::append(conn, &at, &by, AuditAction::StaffUnlock, &name)?;
                }
                Ok(unlocked)
            })
            .await
    }

    /// Sets the language of this member's staff pages (`None`: the deployment's default),
    /// on file and in their open sessions. Not audited: it reveals and unlocks nothing.
    #[tracing::instrument(skip_all)]
    pub async fn set_language(
        &self,
        session: &SessionView,
        language: Option<Language>,
    ) -> Result<(), ReviewError> {
        let id = session.staff_id;
        self.store
            .write(move |conn| staff::set_language(conn, &id, language.map(Language::code)))
            .await?;
        self.sessions.set_language(&id, language);
        Ok(())
    }

    /// A passphrase change rewraps the private key and the TOTP secret; nothing else
    /// changes and everything stays readable. A wrong current passphrase counts toward the
    /// lockout (someone may be guessing through a stolen session). Other sessions of this
    /// member end; the one behind `keep_cookie` goes on.
    #[tracing::instrument(skip_all)]
    pub async fn change_passphrase(
        &self,
        session: &SessionView,
        current: SecretString,
        new: SecretString,
        keep_cookie: Option<&str>,
    ) -> Result<(), ReviewError> {
        enrolment::check_password(&new)?;
        let (store, memory, id) = (self.store.clone(), self.memory_kib, session.staff_id);
        let rewrapped = self
            .argon
            .run(move || {
                // A short read, then the slow part with no read snapshot held.
                let member = store
                    .read_blocking(|conn| staff::by_id(conn, &id))?
                    .ok_or(ReviewError::BadCredentials)?;
                rewrap(&member, &current, &new, memory)
            })
            .await;
        let rewrapped = match rewrapped {
            Ok(r) => r,
            Err(ReviewError::BadCredentials) => {
                let now = self.now();
                let who = (id, session.username.clone());
                self.store
                    .write(move |conn| -> Result<_, ReviewError> {
                        super::auth::record_failure(conn, Some(&who), now)?;
                        let action = AuditAction::StaffPasswordChangeFailure;
                        audit::append(conn, &now.rfc3339(), &who.1, action, "")?;
                        Ok(())
                    })
                    .await?;
                return Err(ReviewError::BadCredentials);
            }
            Err(e) => return Err(e),
        };
        let (actor, at) = (session.username.clone(), self.now().rfc3339());
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                let r = rewrapped;
                staff::update_secrets(
                    conn,
                    &id,
                    &r.salt,
                    &r.verifier,
                    &r.wrapped_private_key,
                    &r.sealed_totp_secret,
                )?;
                audit::append(conn, &at, &actor, AuditAction::StaffPasswordChange, "")?;
                Ok(())
            })
            .await?;
        if let Some(keep) = keep_cookie {
            self.sessions.destroy_others(&id, keep);
        }
        Ok(())
    }

    /// `chorus keys recover`: with the offline recovery key, a new admin is made and granted
    /// every epoch — in one transaction, so a failure leaves no admin without keys.
    #[tracing::instrument(skip_all)]
    pub async fn recover(
        &self,
        recovery: SecretKey,
        new_admin: &str,
        password: SecretString,
    ) -> Result<Recovered, ReviewError> {
        const ACTOR: &str = "recovery-key";
        let held = self
            .store
            .read(move |conn| keyring::open_with_recovery(conn, &recovery))
            .await
            .map_err(|e| match e {
                ReviewError::BadCredentials => ReviewError::InvalidInput("err-recovery-key"),
                other => other,
            })?;
        let totp_secret = totp::new_secret()?;
        let (name, secret, memory) = (new_admin.to_owned(), totp_secret.clone(), self.memory_kib);
        let member = self
            .argon
            .run(move || NewMember::make(&name, Role::Admin, &password, &secret, memory))
            .await?;
        let shown = Recovered {
            username: member.row.username.clone(),
            fingerprint: member.public.fingerprint(),
            totp_uri: totp::uri(&totp_secret, &member.row.username)?,
        };
        let at = self.now().rfc3339();
        self.store
            .write(move |conn| -> Result<_, ReviewError> {
                if staff::by_username(conn, &member.row.username)?.is_some() {
                    return Err(ReviewError::InvalidInput("err-username-taken"));
                }
                staff::insert(conn, &member.row, &at)?;
                let detail = format!("new admin {}", member.row.username);
                audit::append(conn, &at, ACTOR, AuditAction::KeysRecover, &detail)?;
                let recipient = RecipientId::from(member.row.id);
                let granted = keyring::grant_all(conn, &held, &recipient, &member.public)?;
                let detail = format!(
                    "{} key {}: {granted} epochs",
                    member.row.username,
                    member.public.fingerprint()
                );
                audit::append(conn, &at, ACTOR, AuditAction::StaffGrant, &detail)?;
                Ok(())
            })
            .await?;
        self.store.checkpoint().await;
        Ok(shown)
    }
}

/// A rotation inside the caller's transaction, audited.
fn rotate_in(conn: &rusqlite::Connection, at: &str, by: &str) -> Result<EpochId, ReviewError> {
    let (id, recipients) = epochs::rotate(conn, at)?;
    let detail = format!("new epoch {id} sealed to {recipients} recipients");
    audit::append(conn, at, by, AuditAction::KeysRotate, &detail)?;
    Ok(id)
}

/// New wrapped material for a passphrase change. Slow (two Argon2id runs).
struct Rewrapped {
    salt: Vec<u8>,
    verifier: Vec<u8>,
    wrapped_private_key: Vec<u8>,
    sealed_totp_secret: Vec<u8>,
}

fn rewrap(
    member: &crate::store::staff::StaffRow,
    current: &SecretString,
    new: &SecretString,
    memory_kib: u32,
) -> Result<Rewrapped, ReviewError> {
    let context = member.id.as_bytes();
    let old = PasswordKeys::derive(current, &member.salt, memory_kib)
        .map_err(|_| ReviewError::BadCredentials)?;
    if !old.verifies(&member.verifier) {
        return Err(ReviewError::BadCredentials);
    }
    let seed = old.unwrap(Wrapped::PrivateKey, &member.wrapped_private_key, context)?;
    let totp = old.unwrap(Wrapped::TotpSecret, &member.sealed_totp_secret, context)?;
    let salt = random::bytes::<16>()?;
    let fresh = PasswordKeys::derive(new, &salt, memory_kib)?;
    Ok(Rewrapped {
        salt: salt.to_vec(),
        verifier: fresh.verifier().to_vec(),
        wrapped_private_key: fresh.wrap(Wrapped::PrivateKey, &seed, context)?,
        sealed_totp_secret: fresh.wrap(Wrapped::TotpSecret, &totp, context)?,
    })
}
