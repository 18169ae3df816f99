//! Why a survivor's form comes back instead of being stored — a statement, a follow-up, a
//! pledge: one type with its status, its message (already in the page's language) and how
//! long to wait, so each form has one re-render for every refusal and every refusal sets
//! `Retry-After` the same way.

use std::time::Duration;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderValue, RETRY_AFTER};

use super::language::Localized;

pub struct Refusal {
    pub status: StatusCode,
    pub message: String,
    /// How long to wait before trying again (503s default to 30 s).
    pub wait: Option<Duration>,
}

impl Refusal {
    pub fn new(status: StatusCode, message: String) -> Refusal {
        Refusal {
            status,
            message,
            wait: None,
        }
    }

    /// The message `key`, in the page's language.
    pub fn keyed(state: &Localized, status: StatusCode, key: &str) -> Refusal {
        Refusal::new(status, state.tr.t(key))
    }

    /// A budget is spent (`key` takes `$minutes`): 429, wait `wait`.
    pub fn throttled(state: &Localized, key: &str, wait: Duration) -> Refusal {
        Refusal {
            status: StatusCode::TOO_MANY_REQUESTS,
            message: state.wait_message(key, wait),
            wait: Some(wait),
        }
    }

    /// Adds `Retry-After` when the refusal says to wait (503s: 30 s unless told).
    pub fn pace(&self, response: HttpResponse) -> HttpResponse {
        match self.wait {
            Some(wait) => retry_after(response, wait),
            None if self.status == StatusCode::SERVICE_UNAVAILABLE => {
                retry_after(response, Duration::from_secs(30))
            }
            None => response,
        }
    }
}

/// Adds `Retry-After` (whole seconds, rounded up) to a response.
pub fn retry_after(mut response: HttpResponse, wait: Duration) -> HttpResponse {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    if let Ok(value) = HeaderValue::from_str(&secs.max(1).to_string()) {
        response.headers_mut().insert(RETRY_AFTER, value);
    }
    response
}
