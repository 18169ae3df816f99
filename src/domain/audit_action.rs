//! Every accountable staff action, in one place (promise 6). Each is written to the
//! hash-chained audit log in the same transaction as the action itself. Survivor actions
//! are never here: recording them would timestamp survivors. The one consequence of a
//! survivor's action that is recorded — a follow-up reopening a resolved statement — is
//! written by the server after its day has closed, with the day only (as the thread keeps it).

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
    /// Who is on a statement (or nobody).
    TestimonyAssign,
    /// One assignee for many statements at once: one entry.
    TestimonyAssignBulk,
    /// A statement's whole set of labels (the entry never holds a label's text).
    TestimonyLabels,
    /// A label added to or taken from many statements at once: one entry.
    TestimonyLabelsBulk,
    /// Follow-ups moved resolved statements back to in progress: written by the server
    /// once the day has closed, one entry per day, naming no survivor action more finely.
    TestimonyReopen,
    Export,
    RetentionPurge,
    /// Rows left uncounted by a restart were decrypted to count them.
    CountsRecount,
}

impl AuditAction {
    /// Every action, in the order the audit page lists them as filters.
    pub const ALL: [AuditAction; 29] = [
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
        AuditAction::TestimonyAssign,
        AuditAction::TestimonyAssignBulk,
        AuditAction::TestimonyLabels,
        AuditAction::TestimonyLabelsBulk,
        AuditAction::TestimonyReopen,
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
            AuditAction::TestimonyAssign => "testimony.assign",
            AuditAction::TestimonyAssignBulk => "testimony.assign.bulk",
            AuditAction::TestimonyLabels => "testimony.labels",
            AuditAction::TestimonyLabelsBulk => "testimony.labels.bulk",
            AuditAction::TestimonyReopen => "testimony.reopen",
            AuditAction::Export => "export",
            AuditAction::RetentionPurge => "retention.purge",
            AuditAction::CountsRecount => "counts.recount",
        }
    }
}
