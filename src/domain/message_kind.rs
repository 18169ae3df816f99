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
    /// Every kind (pages build message keys from each).
    pub const ALL: [MessageKind; 3] =
        [MessageKind::Note, MessageKind::FollowUp, MessageKind::Reply];

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
}

text_column!(MessageKind, "message kind", as_str, parse);
