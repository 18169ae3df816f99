//! The one place cookies are made: every cookie is `HttpOnly`, `SameSite=Strict`, `Path=/`,
//! and `Secure` with the `__Host-` prefix when people reach us over https or a `.onion`.
//! Anonymous pages never set any.

use actix_web::HttpRequest;
use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};

use crate::config::Config;

/// The staff session (id and vault key).
pub const SESSION: &str = "chorus_session";
/// A browser that logged in before (exempt from lockout). Outlives logout.
pub const DEVICE: &str = "chorus_device";
/// Ties the login form to the browser that loaded it (login CSRF).
pub const LOGIN: &str = "chorus_login";

/// The cookie's real name for this deployment.
pub fn name(config: &Config, base: &str) -> String {
    if config.secure_cookies() {
        format!("__Host-{base}")
    } else {
        base.to_owned()
    }
}

/// A cookie with every flag set; `max_age` None makes it end with the browser session.
pub fn build(
    config: &Config,
    base: &str,
    value: String,
    max_age: Option<Duration>,
) -> Cookie<'static> {
    let mut cookie = Cookie::build(name(config, base), value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(config.secure_cookies())
        .finish();
    if let Some(age) = max_age {
        cookie.set_max_age(age);
    }
    cookie
}

/// A cookie that deletes `base` in the browser.
pub fn removal(config: &Config, base: &str) -> Cookie<'static> {
    let mut cookie = build(config, base, String::new(), Some(Duration::ZERO));
    cookie.make_removal();
    cookie
}

/// The value of `base` sent by the browser.
pub fn read(req: &HttpRequest, config: &Config, base: &str) -> Option<String> {
    req.cookie(&name(config, base))
        .map(|c| c.value().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cookie_is_http_only_strict_and_secure_over_https_or_onion() {
        let plain = Config::default();
        let c = build(&plain, SESSION, "v".into(), None);
        assert_eq!(c.name(), "chorus_session");
        assert_eq!(c.http_only(), Some(true));
        assert_eq!(c.same_site(), Some(SameSite::Strict));
        assert_eq!(c.path(), Some("/"));
        assert_ne!(c.secure(), Some(true));
        for url in ["https://chorus.example", "http://abcdefgh.onion"] {
            let config = Config {
                public_url: Some(url.into()),
                ..Config::default()
            };
            let c = build(&config, DEVICE, "v".into(), Some(Duration::days(1)));
            assert_eq!(c.name(), "__Host-chorus_device", "{url}");
            assert_eq!(c.secure(), Some(true));
            assert_eq!(c.http_only(), Some(true));
            assert!(c.domain().is_none(), "__Host- cookies carry no Domain");
        }
    }
}
