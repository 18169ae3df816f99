//! What every staff page's navigation needs, in the staff member's language.

use crate::domain::Role;
use crate::i18n::Tr;
use crate::review::sessions::SessionView;
use crate::web::AppState;
use crate::web::layout::Chrome;

pub struct Nav {
    pub username: String,
    pub is_admin: bool,
    pub csrf: String,
    /// When the session will end, in words.
    pub session_ends: String,
}

/// "15 min", "7 h 44 min".
fn span(tr: &Tr, d: std::time::Duration) -> String {
    let minutes = d.as_secs().div_ceil(60);
    match (minutes / 60, minutes % 60) {
        (0, m) => tr.t1("span-minutes", "m", m),
        (h, 0) => tr.t1("span-hours", "h", h),
        (h, m) => tr.args(
            "span-hours-minutes",
            &[("h", h.to_string()), ("m", m.to_string())],
        ),
    }
}

impl Nav {
    pub fn of(session: &SessionView, tr: &Tr) -> Nav {
        Nav {
            username: session.username.clone(),
            is_admin: session.role == Role::Admin,
            csrf: session.csrf.clone(),
            session_ends: if session.absolute_left <= session.idle_left {
                tr.t1("session-ends-in", "left", span(tr, session.absolute_left))
            } else {
                tr.args(
                    "session-ends-idle",
                    &[
                        ("idle", span(tr, session.idle_left)),
                        ("left", span(tr, session.absolute_left)),
                    ],
                )
            },
        }
    }
}

/// A staff page's chrome, in the language its reader chose (else the deployment's default),
/// and its navigation. Staff pages link to no other language: the choice is in the account.
pub fn staff_page<'a>(state: &'a AppState, session: &SessionView) -> (Chrome<'a>, Nav) {
    let lang = session
        .language
        .unwrap_or_else(|| state.layout.default_language());
    let chrome = state.layout.chrome_in(lang, None);
    let nav = Nav::of(session, &chrome.tr);
    (chrome, nav)
}
