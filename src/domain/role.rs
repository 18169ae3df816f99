//! What a staff member may do: reviewers read and triage; admins also manage staff, keys,
//! exports and the audit log.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Admin,
    Reviewer,
}

impl Role {
    /// Every role (pages build a message key from each).
    pub const ALL: [Role; 2] = [Role::Admin, Role::Reviewer];

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "admin" => Some(Role::Admin),
            "reviewer" => Some(Role::Reviewer),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Reviewer => "reviewer",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

text_column!(Role, "role", as_str, parse);
