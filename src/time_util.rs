//! Wall-clock formatting for staff-side records (audit entries, key creation). Survivor
//! rows never get more than a day.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Now, to the second, as RFC 3339 UTC.
pub fn now_rfc3339() -> String {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0)
        .unwrap_or(now)
        .format(&Rfc3339)
        .unwrap_or_default()
}
