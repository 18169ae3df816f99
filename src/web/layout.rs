//! What every page shares: the site name and the quick-exit target, and rendering a view
//! with a status.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use askama::Template;

use std::sync::Arc;

use crate::config::Config;
use crate::i18n::{Catalogs, Language, Tr};

/// What every page shares, for the whole deployment.
#[derive(Clone)]
pub struct Layout {
    pub site_name: String,
    pub quick_exit_url: String,
    /// The operator's "About this campaign" text, if any.
    pub about: Option<String>,
    retention_days: u32,
    catalogs: Arc<Catalogs>,
    default_language: Language,
    languages: Vec<Language>,
    /// The public origin, so `hreflang` links can be absolute as search engines want.
    origin: String,
}

impl Layout {
    pub fn from_config(config: &Config) -> Layout {
        Layout::with_catalogs(config, Arc::new(Catalogs::shipped()))
    }

    pub fn with_catalogs(config: &Config, catalogs: Arc<Catalogs>) -> Layout {
        Layout {
            site_name: config.site_name.clone(),
            quick_exit_url: config.quick_exit_url.clone(),
            about: config.about.clone().filter(|a| !a.trim().is_empty()),
            retention_days: config.retention_days,
            catalogs,
            default_language: config.default_language,
            languages: config.languages.clone(),
            origin: config.public_origin().unwrap_or_default(),
        }
    }

    /// Staff pages: English, left to right, whatever the public default (their words are
    /// not in the catalogues yet, and a page must say the language it is written in).
    pub fn chrome(&self) -> Chrome<'_> {
        self.chrome_in(Language::En, None)
    }

    /// A page in the default language, with no language of its own (an error at an
    /// unprefixed address).
    pub fn default_chrome(&self) -> Chrome<'_> {
        self.chrome_in(self.default_language, None)
    }

    /// A page in `lang`, at `here` (its path without a language prefix): it links to
    /// itself in every enabled language, and its forms post under the same prefix.
    pub fn chrome_in(&self, lang: Language, here: Option<&str>) -> Chrome<'_> {
        let prefix_of = |l: Language| {
            if l == self.default_language {
                String::new()
            } else {
                format!("/{}", l.code())
            }
        };
        let alternates = match here {
            Some(path) if self.languages.len() > 1 => self
                .languages
                .iter()
                .map(|l| Alternate {
                    code: l.code(),
                    name: l.native_name(),
                    href: match (prefix_of(*l), path) {
                        (p, "/") if p.is_empty() => "/".to_owned(),
                        (p, "/") => p,
                        (p, path) => format!("{p}{path}"),
                    },
                    current: *l == lang,
                })
                .collect(),
            _ => Vec::new(),
        };
        // The version for a language nobody asked for: the default one, unprefixed.
        let x_default = alternates
            .iter()
            .find(|a| a.code == self.default_language.code())
            .map(|a| format!("{}{}", self.origin, a.href));
        Chrome {
            base: self,
            tr: Tr::new(lang, self.catalogs.clone()),
            lang: lang.code(),
            dir: lang.dir(),
            prefix: prefix_of(lang),
            alternates,
            x_default,
        }
    }

    /// Whether `lang` is enabled on this deployment.
    pub fn enabled(&self, lang: Language) -> bool {
        self.languages.contains(&lang)
    }

    pub fn default_language(&self) -> Language {
        self.default_language
    }
}

/// One page's version in another language.
pub struct Alternate {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// What one page shares with every other, in its language: the deployment's layout, the
/// translations, `lang`/`dir`, the path prefix its links and forms use, and its versions in
/// the other enabled languages.
pub struct Chrome<'a> {
    base: &'a Layout,
    pub tr: Tr,
    pub lang: &'static str,
    pub dir: &'static str,
    /// "" for the default language, else "/es", "/ar"…
    pub prefix: String,
    pub alternates: Vec<Alternate>,
    /// The `hreflang="x-default"` address, when the page has versions.
    pub x_default: Option<String>,
}

impl Chrome<'_> {
    /// An alternate's address for `<link hreflang>`: absolute when `public_url` is set.
    pub fn absolute(&self, href: &str) -> String {
        format!("{}{href}", self.base.origin)
    }

    /// A message in this page's language.
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// A message with a link to one of this language's pages (`$href`).
    pub fn link(&self, key: &str, path: &str) -> String {
        self.tr.t1(key, "href", format!("{}{path}", self.prefix))
    }

    /// The home page in this language.
    pub fn home(&self) -> String {
        if self.prefix.is_empty() {
            "/".to_owned()
        } else {
            self.prefix.clone()
        }
    }

    /// How long statements are kept, in words.
    pub fn kept_for(&self) -> String {
        match self.base.retention_days {
            0 => self.tr.t("kept-until-deleted"),
            n => self.tr.tn("kept-for-days", "n", u64::from(n)),
        }
    }
}

impl std::ops::Deref for Chrome<'_> {
    type Target = Layout;

    fn deref(&self) -> &Layout {
        self.base
    }
}

/// Like [`page`], with the HTML padded by trailing white space to a multiple of `block`
/// bytes: pages whose length would tell a network observer what someone chose (a bare
/// "me too", a story, a receipt code) all weigh the same.
pub fn padded_page(status: StatusCode, view: &impl Template, block: usize) -> HttpResponse {
    match view.render() {
        Ok(mut html) => {
            let block = block.max(1);
            let target = html.len().div_ceil(block) * block;
            html.extend(std::iter::repeat_n(' ', target - html.len()));
            HttpResponse::build(status)
                .insert_header((
                    CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ))
                .body(html)
        }
        Err(_) => page(status, view),
    }
}

/// 303 to `location` (after a POST).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.to_owned()))
        .finish()
}

/// Renders `view` as an HTML response with `status`. A template that fails to render (a
/// bug, not input) gives a plain 500.
pub fn page(status: StatusCode, view: &impl Template) -> HttpResponse {
    match view.render() {
        Ok(html) => HttpResponse::build(status)
            .insert_header((
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ))
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            HttpResponse::InternalServerError()
                .insert_header((
                    CONTENT_TYPE,
                    HeaderValue::from_static("text/plain; charset=utf-8"),
                ))
                .body("Something went wrong. Nothing you sent was stored.")
        }
    }
}
