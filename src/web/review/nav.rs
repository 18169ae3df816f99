//! What every staff page's navigation needs.

use crate::domain::Role;
use crate::review::sessions::SessionView;

pub struct Nav {
    pub username: String,
    pub is_admin: bool,
    pub csrf: String,
}

impl Nav {
    pub fn of(session: &SessionView) -> Nav {
        Nav {
            username: session.username.clone(),
            is_admin: session.role == Role::Admin,
            csrf: session.csrf.clone(),
        }
    }
}
