//! Every accountable staff action, in one place (promise 6). Each is written to the
//! hash-chained audit log in the same transaction as the action itself. Survivor actions
//! are never here: recording them would timestamp survivors.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    /// The first admin was set up (web link or `chorus init`).
    SetupFirstAdmin,
    /// An epoch key was made at set-up.
    KeysEpoch,
    /// A new epoch key: `chorus keys rotate`, the admin page, or disabling someone.
    KeysRotate,
    /// A new admin was granted access with the offline recovery key.
    KeysRecover,
    LoginSuccess,
    LoginFailure,
    StaffInvite,
    /// Open invitations withdrawn before anyone used them.
    StaffInviteRevoke,
    StaffEnrol,
    StaffGrant,
    StaffDisable,
    StaffUnlock,
    StaffPasswordChange,
    StaffPasswordChangeFailure,
    /// An inbox page: which previews were decrypted.
    InboxView,
    /// One testimony decrypted.
    TestimonyView,
    TestimonyStatus,
    /// One status given to many testimonies at once (a flood cleared): one entry, every id.
    TestimonyStatusBulk,
    TestimonyNote,
    TestimonyReply,
    TestimonyDelete,
    Export,
    RetentionPurge,
    /// Rows left uncounted by a restart were decrypted to count them.
    CountsRecount,
}

impl AuditAction {
    /// Every action, in the order the audit page lists them as filters.
    pub const ALL: [AuditAction; 24] = [
        AuditAction::SetupFirstAdmin,
        AuditAction::KeysEpoch,
        AuditAction::KeysRotate,
        AuditAction::KeysRecover,
        AuditAction::LoginSuccess,
        AuditAction::LoginFailure,
        AuditAction::StaffInvite,
        AuditAction::StaffInviteRevoke,
        AuditAction::StaffEnrol,
        AuditAction::StaffGrant,
        AuditAction::StaffDisable,
        AuditAction::StaffUnlock,
        AuditAction::StaffPasswordChange,
        AuditAction::StaffPasswordChangeFailure,
        AuditAction::InboxView,
        AuditAction::TestimonyView,
        AuditAction::TestimonyStatus,
        AuditAction::TestimonyStatusBulk,
        AuditAction::TestimonyNote,
        AuditAction::TestimonyReply,
        AuditAction::TestimonyDelete,
        AuditAction::Export,
        AuditAction::RetentionPurge,
        AuditAction::CountsRecount,
    ];

    /// The name written to the log (stable: old entries keep their names).
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SetupFirstAdmin => "setup.first_admin",
            AuditAction::KeysEpoch => "keys.epoch",
            AuditAction::KeysRotate => "keys.rotate",
            AuditAction::KeysRecover => "keys.recover",
            AuditAction::LoginSuccess => "login.success",
            AuditAction::LoginFailure => "login.failure",
            AuditAction::StaffInvite => "staff.invite",
            AuditAction::StaffInviteRevoke => "staff.invite.revoke",
            AuditAction::StaffEnrol => "staff.enrol",
            AuditAction::StaffGrant => "staff.grant",
            AuditAction::StaffDisable => "staff.disable",
            AuditAction::StaffUnlock => "staff.unlock",
            AuditAction::StaffPasswordChange => "staff.password_change",
            AuditAction::StaffPasswordChangeFailure => "staff.password_change.failure",
            AuditAction::InboxView => "inbox.view",
            AuditAction::TestimonyView => "testimony.view",
            AuditAction::TestimonyStatus => "testimony.status",
            AuditAction::TestimonyStatusBulk => "testimony.status.bulk",
            AuditAction::TestimonyNote => "testimony.note",
            AuditAction::TestimonyReply => "testimony.reply",
            AuditAction::TestimonyDelete => "testimony.delete",
            AuditAction::Export => "export",
            AuditAction::RetentionPurge => "retention.purge",
            AuditAction::CountsRecount => "counts.recount",
        }
    }
}
