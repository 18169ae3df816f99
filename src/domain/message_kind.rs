//! The kinds of message in a testimony's thread. Each is sealed under its own label, so a
//! note can never be opened as a reply (and so reach the author).

use crate::crypto::suite::Label;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    /// Staff only.
    Note,
    /// Added by the author with their receipt code; staff only.
    FollowUp,
    /// From staff to the author: also sealed to the author's code.
    Reply,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Note => "note",
            MessageKind::FollowUp => "follow_up",
            MessageKind::Reply => "reply",
        }
    }

    pub fn parse(text: &str) -> Option<MessageKind> {
        match text {
            "note" => Some(MessageKind::Note),
            "follow_up" => Some(MessageKind::FollowUp),
            "reply" => Some(MessageKind::Reply),
            _ => None,
        }
    }

    /// The sealing label.
    pub fn label(self) -> Label {
        match self {
            MessageKind::Note => Label::Note,
            MessageKind::FollowUp => Label::FollowUp,
            MessageKind::Reply => Label::Reply,
        }
    }

    /// How the staff page heads a message of this kind.
    pub fn heading(self) -> &'static str {
        match self {
            MessageKind::Note => "Staff note",
            MessageKind::FollowUp => "Added by the author",
            MessageKind::Reply => "Reply to the author",
        }
    }

    /// Who can read a message of this kind, for staff.
    pub fn readers(self) -> &'static str {
        match self {
            MessageKind::Note => "staff only — the author never sees it",
            MessageKind::FollowUp => "from whoever holds the author's code",
            MessageKind::Reply => "sent to whoever holds the author's code",
        }
    }
}

text_column!(MessageKind, "message kind", as_str, parse);
