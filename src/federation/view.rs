//! What `/federation` and `/api/v1/federation` show: each member's latest verified figures
//! and how it stands, and the sum of the members that are verified and current. A member
//! that is stale, unreachable or failed verification is listed as such, with what was last
//! verified, and left out of the sum — never silently dropped, never silently added.

use serde::Serialize;

use super::followed::Followed;
use crate::publish::PublicCounts;

/// How far ahead of this server's clock a member's publication time may be (clocks drift a
/// little; a date further ahead would never go stale).
pub const CLOCK_SLACK_SECS: i64 = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Not fetched since this server started.
    Waiting,
    /// Verified, and its snapshot is recent: in the sum.
    Ok,
    /// Verified, but it has published nothing for `federation_stale_days`.
    Stale,
    /// Could not be read this round.
    Unreachable,
    /// Answered, but its snapshot did not verify (signature, replay, rewritten history).
    Failed,
}

/// Why a member is not `ok`, as a code (the page words it in its language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Timeout,
    Connect,
    HttpStatus,
    TooLarge,
    NotJson,
    Signature,
    NotASnapshot,
    Replayed,
    Rewritten,
    GapTooLong,
    Future,
    TimeBackwards,
    Storage,
    Stale,
    Implausible,
    TooFast,
    Quorum,
    LogInconsistent,
    NotInLog,
}

impl State {
    /// Every state (the federation page builds a message key from each).
    pub const ALL: [State; 5] = [
        State::Waiting,
        State::Ok,
        State::Stale,
        State::Unreachable,
        State::Failed,
    ];
}

impl Reason {
    /// Every reason (the federation page builds a message key from each).
    pub const ALL: [Reason; 19] = [
        Reason::Timeout,
        Reason::Connect,
        Reason::HttpStatus,
        Reason::TooLarge,
        Reason::NotJson,
        Reason::Signature,
        Reason::NotASnapshot,
        Reason::Replayed,
        Reason::Rewritten,
        Reason::GapTooLong,
        Reason::Future,
        Reason::TimeBackwards,
        Reason::Storage,
        Reason::Stale,
        Reason::Implausible,
        Reason::TooFast,
        Reason::Quorum,
        Reason::LogInconsistent,
        Reason::NotInLog,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Reason::Timeout => "timeout",
            Reason::Connect => "connect",
            Reason::HttpStatus => "http-status",
            Reason::TooLarge => "too-large",
            Reason::NotJson => "not-json",
            Reason::Signature => "signature",
            Reason::NotASnapshot => "not-a-snapshot",
            Reason::Replayed => "replayed",
            Reason::Rewritten => "rewritten",
            Reason::GapTooLong => "gap-too-long",
            Reason::Future => "future",
            Reason::TimeBackwards => "time-backwards",
            Reason::Storage => "storage",
            Reason::Stale => "stale",
            Reason::Implausible => "implausible",
            Reason::TooFast => "too-fast",
            Reason::Quorum => "quorum",
            Reason::LogInconsistent => "log-inconsistent",
            Reason::NotInLog => "not-in-log",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct MemberView {
    pub name: String,
    pub url: String,
    pub public_key: String,
    pub state: State,
    pub reason: Option<Reason>,
    /// When this deployment last tried it (RFC 3339).
    pub checked_at: Option<String>,
    /// The last snapshot verified from it, whatever its state now.
    pub seq: Option<u64>,
    pub published_at: Option<String>,
    pub verified_at: Option<String>,
    /// Its published total (`null`: below its `min_cell`, or nothing verified yet).
    pub statements: Option<u64>,
    pub pledges: Option<u64>,
    pub min_cell: Option<u64>,
}

impl MemberView {
    pub fn waiting(member: &Followed) -> MemberView {
        MemberView {
            name: member.name.clone(),
            url: member.origin.clone(),
            public_key: member.key.clone(),
            state: State::Waiting,
            reason: None,
            checked_at: None,
            seq: None,
            published_at: None,
            verified_at: None,
            statements: None,
            pledges: None,
            min_cell: None,
        }
    }

    /// With the figures of a verified snapshot.
    pub fn with_figures(
        mut self,
        seq: u64,
        counts: &PublicCounts,
        verified_at: &str,
    ) -> MemberView {
        self.seq = Some(seq);
        self.published_at = counts.published_at.clone();
        self.verified_at = Some(verified_at.to_owned());
        self.statements = counts.statements.total;
        self.pledges = counts.pledges.total;
        self.min_cell = Some(counts.min_cell);
        self
    }

    /// Verified: `ok`, until [`FederationView::as_of`] finds it stale.
    pub fn verified(mut self) -> MemberView {
        (self.state, self.reason) = (State::Ok, None);
        self
    }

    /// `stale` if verified but published more than `stale_after_secs` before `now`.
    fn aged(mut self, now: time::OffsetDateTime, stale_after_secs: i64) -> MemberView {
        if matches!(self.state, State::Ok | State::Stale) {
            let fresh = self
                .published_at
                .as_deref()
                .and_then(parse_time)
                .is_some_and(|p| (now - p).whole_seconds() <= stale_after_secs);
            (self.state, self.reason) = if fresh {
                (State::Ok, None)
            } else {
                (State::Stale, Some(Reason::Stale))
            };
        }
        self
    }

    pub fn not_verified(mut self, state: State, reason: Reason) -> MemberView {
        self.state = state;
        self.reason = Some(reason);
        self
    }
}

pub fn parse_time(text: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()
}

/// The sum of the members in state `ok`.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Sum {
    pub statements: u64,
    pub pledges: u64,
    /// Members whose figures are in the sum.
    pub members_summed: usize,
    /// Members in the sum with a total (statements or pledges) below their `min_cell`: it
    /// adds nothing there (they publish "fewer than", not a number).
    pub members_below_min_cell: usize,
    /// Members left out: stale, unreachable, failed or not yet fetched.
    pub members_left_out: usize,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct FederationView {
    /// When a member was last checked (RFC 3339).
    pub checked_at: Option<String>,
    pub sum: Sum,
    pub members: Vec<MemberView>,
}

impl FederationView {
    pub fn new(members: Vec<MemberView>, checked_at: Option<String>) -> FederationView {
        let mut sum = Sum::default();
        for m in &members {
            if m.state != State::Ok {
                sum.members_left_out += 1;
                continue;
            }
            sum.members_summed += 1;
            // Saturating: a member that signs an absurd figure cannot wrap the sum.
            if m.statements.is_none() || m.pledges.is_none() {
                sum.members_below_min_cell += 1;
            }
            sum.statements = sum.statements.saturating_add(m.statements.unwrap_or(0));
            sum.pledges = sum.pledges.saturating_add(m.pledges.unwrap_or(0));
        }
        FederationView {
            checked_at,
            sum,
            members,
        }
    }

    /// The view as of `now`: a verified member whose publication is older than
    /// `stale_after_secs` is stale (and out of the sum), however long ago it was checked.
    pub fn as_of(&self, now: time::OffsetDateTime, stale_after_secs: i64) -> FederationView {
        let members = self
            .members
            .iter()
            .cloned()
            .map(|m| m.aged(now, stale_after_secs))
            .collect();
        FederationView::new(members, self.checked_at.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Member;

    fn member(name: &str, state: State, statements: Option<u64>) -> MemberView {
        let config = Member {
            name: name.into(),
            url: "http://127.0.0.1:1".into(),
            public_key: "ab".repeat(32),
        };
        let mut m = MemberView::waiting(&Followed::from_config(&config));
        m.state = state;
        m.statements = statements;
        m.pledges = statements;
        m
    }

    #[test]
    fn only_verified_current_members_are_summed_and_the_others_are_counted_as_left_out() {
        let view = FederationView::new(
            vec![
                member("a", State::Ok, Some(120)),
                member("b", State::Ok, None),
                member("c", State::Stale, Some(1000)),
                member("d", State::Failed, Some(1000)),
                member("e", State::Unreachable, Some(1000)),
                member("f", State::Ok, Some(30)),
            ],
            None,
        );
        assert_eq!(
            view.sum,
            Sum {
                statements: 150,
                pledges: 150,
                members_summed: 3,
                members_below_min_cell: 1,
                members_left_out: 3,
            }
        );
        assert_eq!(view.members.len(), 6, "nobody is dropped");
    }

    #[test]
    fn a_member_silent_for_days_is_stale_when_the_page_is_read() {
        let now = time::macros::datetime!(2026-12-10 00:00 UTC);
        let mut m = member("a", State::Waiting, Some(10)).verified();
        m.published_at = Some("2026-12-09T00:00:00Z".into());
        let view = FederationView::new(vec![m], None);
        assert_eq!(view.as_of(now, 3 * 86_400).members[0].state, State::Ok);
        let later = time::macros::datetime!(2026-12-20 00:00 UTC);
        let stale = view.as_of(later, 3 * 86_400);
        assert_eq!(
            (stale.members[0].state, stale.members[0].reason),
            (State::Stale, Some(Reason::Stale))
        );
        assert_eq!(stale.sum.members_summed, 0);
        assert_eq!(view.as_of(later, 30 * 86_400).sum.members_summed, 1);
    }

    #[test]
    fn an_absurd_figure_cannot_wrap_the_sum() {
        let view = FederationView::new(
            vec![
                member("a", State::Ok, Some(u64::MAX)),
                member("b", State::Ok, Some(10)),
            ],
            None,
        );
        assert_eq!(view.sum.statements, u64::MAX);
    }
}
