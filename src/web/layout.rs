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
    site_name_translations: std::collections::BTreeMap<String, String>,
    pub quick_exit_url: String,
    /// The operator's "About this campaign" text, if any.
    pub about: Option<String>,
    about_translations: std::collections::BTreeMap<String, String>,
    retention_days: u32,
    catalogs: Arc<Catalogs>,
    default_language: Language,
    languages: Vec<Language>,
    /// The public origin, so `hreflang` links can be absolute as search engines want.
    origin: String,
    /// Whether the site takes statements (the footer offers the forms only then).
    pub intake: bool,
    /// Whether the site adds up a federation's counts (the footer links to them).
    pub federation: bool,
    /// The shipped configuration, to tell a built-in choice or resource (which has
    /// translations) from an operator's own.
    shipped: Arc<Config>,
}

impl Layout {
    pub fn from_config(config: &Config) -> Layout {
        Layout::with_catalogs(config, Arc::new(Catalogs::shipped()))
    }

    pub fn with_catalogs(config: &Config, catalogs: Arc<Catalogs>) -> Layout {
        Layout {
            site_name: config.site_name.clone(),
            site_name_translations: config.site_name_translations.clone(),
            quick_exit_url: config.quick_exit_url.clone(),
            about: config.about.clone().filter(|a| !a.trim().is_empty()),
            about_translations: config.about_translations.clone(),
            retention_days: config.retention_days,
            catalogs,
            default_language: config.default_language,
            languages: config.languages.clone(),
            origin: config.public_origin().unwrap_or_default(),
            shipped: Arc::new(Config::default()),
            intake: config.intake == crate::config::Toggle::On,
            federation: !config.federation.is_empty(),
        }
    }

    /// Translating into `lang`.
    pub fn tr(&self, lang: Language) -> Tr {
        Tr::new(lang, self.catalogs.clone())
    }

    /// A category's, setting's or pledge's label in `tr`'s language: the operator's own for
    /// it, else the shipped translation of a built-in choice they kept, else the configured
    /// label.
    pub fn choice_label(&self, tr: &Tr, kind: &str, choice: &crate::config::Choice) -> String {
        if let Some(own) = choice.labels.get(tr.lang.code()) {
            return own.clone();
        }
        let builtin = match kind {
            "category" => choice.is_builtin(&self.shipped.categories),
            "setting" => choice.is_builtin(&self.shipped.settings),
            "pledge" => choice.is_builtin(&self.shipped.pledges),
            _ => false,
        };
        builtin
            .then(|| tr.get(&format!("{kind}-{}", choice.key)))
            .flatten()
            .unwrap_or_else(|| choice.label.clone())
    }

    /// A resource's name or description: the shipped translation when it is one of the
    /// built-in resources, unchanged; else as configured.
    pub fn resource_text(
        &self,
        tr: &Tr,
        index: usize,
        resource: &crate::config::Resource,
        field: &str,
        configured: &str,
    ) -> String {
        let own = match field {
            "name" => resource.name_translations.get(tr.lang.code()),
            _ => resource.description_translations.get(tr.lang.code()),
        };
        if let Some(own) = own {
            return own.clone();
        }
        let builtin = self.shipped.resources.get(index) == Some(resource);
        builtin
            .then(|| tr.get(&format!("resource-{}-{field}", index + 1)))
            .flatten()
            .unwrap_or_else(|| configured.to_owned())
    }

    /// A page in the default language, with no language of its own (an error at an
    /// unprefixed address, the login and set-up pages).
    pub fn default_chrome(&self) -> Chrome<'_> {
        self.chrome_in(self.default_language, None)
    }

    /// A page in `lang`, at `here` (its path without a language prefix): it links to
    /// itself in every enabled language, and its forms post under the same prefix.
    pub fn chrome_in(&self, lang: Language, here: Option<&str>) -> Chrome<'_> {
        // A staff page may speak a language the public pages do not: its links then lead
        // to the default one.
        let prefix_of = |l: Language| {
            if l == self.default_language || !self.languages.contains(&l) {
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
            site_name: self
                .site_name_translations
                .get(lang.code())
                .cloned()
                .unwrap_or_else(|| self.site_name.clone()),
            about: self
                .about_translations
                .get(lang.code())
                .cloned()
                .filter(|a| !a.trim().is_empty())
                .or_else(|| self.about.clone()),
            tr: self.tr(lang),
            lang: lang.code(),
            dir: lang.dir(),
            prefix: prefix_of(lang),
            alternates,
            x_default,
            intake: self.intake,
            federation: self.federation,
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
    /// The site's name in this page's language (the operator's translation, if any).
    pub site_name: String,
    /// "About this campaign" in this page's language, if any.
    pub about: Option<String>,
    pub tr: Tr,
    pub lang: &'static str,
    pub dir: &'static str,
    /// "" for the default language, else "/es", "/ar"…
    pub prefix: String,
    pub alternates: Vec<Alternate>,
    /// The `hreflang="x-default"` address, when the page has versions.
    pub x_default: Option<String>,
    /// Whether the site takes statements (the footer offers the forms only then).
    pub intake: bool,
    /// Whether the site adds up a federation's counts (the footer links to them).
    pub federation: bool,
}

impl Chrome<'_> {
    /// An alternate's address for `<link hreflang>`: absolute when `public_url` is set.
    pub fn absolute(&self, href: &str) -> String {
        format!("{}{href}", self.base.origin)
    }

    /// A staff status as staff read it in this language.
    pub fn status(&self, status: crate::domain::Status) -> String {
        self.tr.t(&format!("triage-status-{}", status.key()))
    }

    /// A category's or setting's label in this page's language.
    pub fn label(&self, kind: &str, choice: &crate::config::Choice) -> String {
        self.base.choice_label(&self.tr, kind, choice)
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

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use crate::domain::{MessageKind, Role, Status};
    use crate::i18n::{Catalogs, Language, Tr};

    /// Of `keys`, those some shipped catalogue lacks (a key built at run time would show
    /// as itself; the literal keys are checked in `i18n`).
    pub(crate) fn missing_in_some_catalogue(keys: impl IntoIterator<Item = String>) -> Vec<String> {
        let catalogs = Arc::new(Catalogs::shipped());
        keys.into_iter()
            .filter(|key| {
                Language::ALL
                    .iter()
                    .any(|lang| Tr::new(*lang, catalogs.clone()).get(key).is_none())
            })
            .collect()
    }

    #[test]
    fn every_key_built_at_run_time_is_in_every_catalogue() {
        let mut keys: Vec<String> = Vec::new();
        keys.extend((1..=12).map(|m| format!("month-{m}")));
        keys.extend((1..=12).map(|m| format!("month-short-{m}")));
        keys.extend(
            Status::ALL
                .iter()
                .map(|s| format!("triage-status-{}", s.key())),
        );
        keys.extend(Role::ALL.iter().map(|r| format!("role-{}", r.as_str())));
        for kind in MessageKind::ALL {
            keys.push(format!("message-heading-{}", kind.as_str()));
            keys.push(format!("message-readers-{}", kind.as_str()));
        }
        for field in ["note", "reply"] {
            keys.push(format!("ended-heading-{field}"));
            keys.push(format!("ended-label-{field}"));
        }
        assert_eq!(keys.len(), 24 + 5 + 2 + 6 + 4);
        let missing = missing_in_some_catalogue(keys);
        assert!(missing.is_empty(), "{missing:?}");
    }
}
