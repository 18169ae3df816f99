//! Anonymous forms carry no cookie-bound token (they set no cookies at all), so cross-site
//! posts are refused by what browsers say about where a request came from: `Sec-Fetch-Site`
//! and `Origin`. Clients that send neither (curl, scripts) are not browsers being tricked.

use actix_web::HttpRequest;

use crate::config::Config;
use crate::web::error::AppError;

/// Refuses (403, [`AppError::CrossSite`]) a form that plainly comes from another site.
pub fn refuse_cross_site(req: &HttpRequest, config: &Config) -> Result<(), AppError> {
    if is_cross_site(req, config) {
        Err(AppError::CrossSite)
    } else {
        Ok(())
    }
}

/// True if the request plainly comes from another site.
pub fn is_cross_site(req: &HttpRequest, config: &Config) -> bool {
    let headers = req.headers();
    // Browsers set Sec-Fetch-Site themselves (pages cannot forge it). When present it decides,
    // so one deployment can serve both an https address and an onion address.
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get("origin") else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    let origin = origin.trim().to_ascii_lowercase();
    if origin == "null" {
        return true;
    }
    match config.public_origin() {
        Some(ours) => origin != ours,
        None => {
            // Without a configured public URL, our origin is whatever host the browser used.
            let host = headers
                .get("host")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let authority = origin.split_once("://").map(|(_, a)| a).unwrap_or_default();
            host.is_empty() || !authority.eq_ignore_ascii_case(host)
        }
    }
}

/// Where people reach us, for links we show: the public URL, or the host this request used.
pub fn public_base(req: &HttpRequest, config: &Config) -> String {
    match config.public_url.as_deref() {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn req(headers: &[(&str, &str)]) -> HttpRequest {
        let mut r = TestRequest::post().insert_header(("host", "chorus.test"));
        for (k, v) in headers {
            r = r.insert_header((*k, *v));
        }
        r.to_http_request()
    }

    #[test]
    fn same_origin_and_headerless_posts_pass() {
        let c = Config::default();
        assert!(!is_cross_site(&req(&[]), &c));
        assert!(!is_cross_site(
            &req(&[("sec-fetch-site", "same-origin")]),
            &c
        ));
        assert!(!is_cross_site(
            &req(&[("origin", "http://chorus.test")]),
            &c
        ));
        // The onion address of a deployment whose public URL is https.
        let c = Config {
            public_url: Some("https://chorus.example".into()),
            ..Config::default()
        };
        let onion = req(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "http://abc.onion"),
        ]);
        assert!(!is_cross_site(&onion, &c));
    }

    #[test]
    fn cross_site_posts_are_refused() {
        let c = Config::default();
        assert!(is_cross_site(&req(&[("sec-fetch-site", "cross-site")]), &c));
        assert!(is_cross_site(&req(&[("sec-fetch-site", "same-site")]), &c));
        assert!(is_cross_site(
            &req(&[("origin", "https://evil.example")]),
            &c
        ));
        assert!(is_cross_site(&req(&[("origin", "null")]), &c));
        let c = Config {
            public_url: Some("https://chorus.example".into()),
            ..Config::default()
        };
        assert!(is_cross_site(&req(&[("origin", "http://chorus.test")]), &c));
        assert!(!is_cross_site(
            &req(&[("origin", "https://chorus.example")]),
            &c
        ));
        // The onion address of a deployment whose public URL is https.
        let onion = req(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "http://abc.onion"),
        ]);
        assert!(!is_cross_site(&onion, &c));
    }
}
