//! Route paths, named so the route table, templates and tests agree.

pub const HOME: &str = "/";
pub const SUBMIT: &str = "/submit";
pub const COUNTS: &str = "/counts";
pub const API_COUNTS: &str = "/api/v1/counts";
pub const COUNTS_CARD: &str = "/counts.png";
pub const BADGE: &str = "/badge.svg";
pub const API_COUNTS_SIGNED: &str = "/api/v1/counts.signed";
pub const API_HISTORY: &str = "/api/v1/counts/history";
pub const API_HISTORY_ONE: &str = "/api/v1/counts/history/{seq}";
pub const LOG_CHECKPOINT: &str = "/log/checkpoint";
pub const LOG_TILE: &str = "/log/tile/{tile:.+}";
pub const WITNESS_ADD_CHECKPOINT: &str = "/witness/add-checkpoint";
pub const FEDERATION: &str = "/federation";
pub const FEDERATION_CARD: &str = "/federation.png";
pub const FEDERATION_BADGE: &str = "/federation/badge.svg";
pub const API_FEDERATION: &str = "/api/v1/federation";
pub const PLEDGE: &str = "/pledge";
pub const RESOURCES: &str = "/resources";
pub const HEALTH: &str = "/healthz";
pub const LEAVE: &str = "/leave";
pub const LEAVE_GO: &str = "/leave/go";
pub const SAFETY: &str = "/safety";
pub const SETUP: &str = "/setup/{token}";
pub const RETURN: &str = "/return";
pub const FOLLOW_UP: &str = "/return/follow-up";
pub const WITHDRAW: &str = "/return/withdraw";
pub const STATIC: &str = "/static/{file}";

/// The survivor's pages in another language than the default: `/es/submit`…
pub const L_HOME: &str = "/{lang:en|es|fr|ar}";
pub const L_HOME_SLASH: &str = "/{lang:en|es|fr|ar}/";
pub const L_SUBMIT: &str = "/{lang:en|es|fr|ar}/submit";
pub const L_RETURN: &str = "/{lang:en|es|fr|ar}/return";
pub const L_FOLLOW_UP: &str = "/{lang:en|es|fr|ar}/return/follow-up";
pub const L_WITHDRAW: &str = "/{lang:en|es|fr|ar}/return/withdraw";
pub const L_COUNTS: &str = "/{lang:en|es|fr|ar}/counts";
pub const L_PLEDGE: &str = "/{lang:en|es|fr|ar}/pledge";
pub const L_RESOURCES: &str = "/{lang:en|es|fr|ar}/resources";
pub const L_SAFETY: &str = "/{lang:en|es|fr|ar}/safety";
pub const L_COUNTS_CARD: &str = "/{lang:en|es|fr|ar}/counts.png";
pub const L_BADGE: &str = "/{lang:en|es|fr|ar}/badge.svg";
pub const L_FEDERATION: &str = "/{lang:en|es|fr|ar}/federation";
pub const L_FEDERATION_CARD: &str = "/{lang:en|es|fr|ar}/federation.png";
pub const L_FEDERATION_BADGE: &str = "/{lang:en|es|fr|ar}/federation/badge.svg";

/// Survivor pages and actions, never logged one by one (see `request_log`).
pub const SURVIVOR_ACTIONS: &[&str] = &[
    SUBMIT,
    PLEDGE,
    RETURN,
    FOLLOW_UP,
    WITHDRAW,
    L_SUBMIT,
    L_RETURN,
    L_FOLLOW_UP,
    L_WITHDRAW,
    L_PLEDGE,
];
