//! What every staff page's navigation needs.

use crate::domain::Role;
use crate::review::sessions::SessionView;

pub struct Nav {
    pub username: String,
    pub is_admin: bool,
    pub csrf: String,
    /// When the session will end, in words.
    pub session_ends: String,
}

/// "15 min", "7 h 44 min".
fn span(d: std::time::Duration) -> String {
    let minutes = d.as_secs().div_ceil(60);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

impl Nav {
    pub fn of(session: &SessionView) -> Nav {
        Nav {
            username: session.username.clone(),
            is_admin: session.role == Role::Admin,
            csrf: session.csrf.clone(),
            session_ends: if session.absolute_left <= session.idle_left {
                format!("Your session ends in {}.", span(session.absolute_left))
            } else {
                format!(
                    "Your session ends after {} without activity, and in {} at the latest.",
                    span(session.idle_left),
                    span(session.absolute_left)
                )
            },
        }
    }
}
