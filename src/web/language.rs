//! Which language a survivor or public page speaks: the path's prefix (`/es/submit`), else
//! the deployment's default. No cookie, no redirect: a link carries its language.

use std::future::{Ready, ready};

use actix_web::web::Data;
use actix_web::{FromRequest, HttpRequest, dev::Payload};

use super::AppState;
use super::layout::Chrome;
use crate::error::AppError;
use crate::i18n::Language;

/// The page's language, from the `{lang}` path segment (an enabled language, else 404).
pub struct Lang(pub Language);

impl FromRequest for Lang {
    type Error = AppError;
    type Future = Ready<Result<Lang, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(state) = req.app_data::<Data<AppState>>() else {
            return ready(Err(AppError::NotFound));
        };
        ready(match req.match_info().get("lang") {
            None => Ok(Lang(state.layout.default_language())),
            Some(code) => Language::parse(code)
                .filter(|l| state.layout.enabled(*l))
                .map(Lang)
                .ok_or(AppError::NotFound),
        })
    }
}

/// The app's state for one page in one language.
pub struct Localized {
    state: Data<AppState>,
    pub lang: Language,
}

impl Localized {
    pub fn new(state: Data<AppState>, lang: Lang) -> Localized {
        Localized {
            state,
            lang: lang.0,
        }
    }

    /// The page's chrome, at `here` (its path without a prefix).
    pub fn chrome(&self, here: &str) -> Chrome<'_> {
        self.state.layout.chrome_in(self.lang, Some(here))
    }

    /// The chrome of a page that holds something leaving would lose — a receipt code shown
    /// once, words typed, a code's thread: no links to its other languages.
    pub fn chrome_staying(&self) -> Chrome<'_> {
        self.state.layout.chrome_in(self.lang, None)
    }
}

impl Localized {
    pub fn t(&self, key: &str) -> String {
        self.chrome("/").tr.t(key)
    }

    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.chrome("/").tr.t1(key, name, value)
    }

    /// A stored day as people read it in this language.
    pub fn day(&self, text: &str) -> String {
        self.chrome("/").tr.day(text)
    }

    /// A stored day in a chart's few characters: "23 Nov".
    pub fn short_day(&self, text: &str) -> String {
        match crate::clock::parse_day(text) {
            Ok(day) => self.chrome("/").tr.args(
                "date-short",
                &[
                    ("day", day.day().to_string()),
                    (
                        "month",
                        self.t(&format!("month-short-{}", u8::from(day.month()))),
                    ),
                ],
            ),
            Err(_) => text.to_owned(),
        }
    }

    /// Why a statement was refused, in this language.
    pub fn submission_error(&self, e: &crate::submission::SubmissionError) -> String {
        let limit = self.number(crate::submission::MAX_STATEMENT_CHARS as u64);
        self.t1(e.key(), "n", limit)
    }

    /// A spent budget (`key` takes `$minutes`), waiting `wait`.
    pub fn wait_message(&self, key: &str, wait: std::time::Duration) -> String {
        self.chrome("/")
            .tr
            .tn(key, "minutes", wait.as_secs().div_ceil(60).max(1))
    }

    /// A figure with this language's grouping.
    pub fn number(&self, n: u64) -> String {
        self.chrome("/").tr.number(n)
    }

    /// A published count, or "fewer than N", in this language.
    pub fn shown(&self, count: Option<u64>, min_cell: u64) -> String {
        match count {
            Some(n) => self.number(n),
            None => self.t1("fewer-than", "n", self.number(min_cell)),
        }
    }

    /// An RFC 3339 instant as people read it: the day in this language, and the UTC time.
    pub fn instant(&self, rfc3339: &str) -> String {
        use time::format_description::well_known::Rfc3339;
        match time::OffsetDateTime::parse(rfc3339, &Rfc3339) {
            Ok(t) => self.chrome("/").tr.args(
                "date-time",
                &[
                    ("date", self.day(&crate::clock::day_string(t.date()))),
                    ("time", format!("{:02}:{:02}", t.hour(), t.minute())),
                ],
            ),
            Err(_) => rfc3339.to_owned(),
        }
    }

    /// A resource's name or description: the shipped translation when it is one of the
    /// built-in resources, unchanged; else as configured.
    pub fn resource_text(
        &self,
        index: usize,
        resource: &crate::config::Resource,
        field: &str,
        configured: &str,
    ) -> String {
        let defaults = crate::config::Config::default();
        let builtin = defaults.resources.get(index) == Some(resource);
        let chrome = self.chrome("/");
        builtin
            .then(|| chrome.tr.get(&format!("resource-{}-{field}", index + 1)))
            .flatten()
            .unwrap_or_else(|| configured.to_owned())
    }

    /// A category's or setting's label in this language: the operator's own for it, else
    /// the shipped translation of a built-in choice they kept, else the configured label.
    pub fn label(&self, kind: &str, choice: &crate::config::Choice) -> String {
        if let Some(own) = choice.labels.get(self.lang.code()) {
            return own.clone();
        }
        let defaults = crate::config::Config::default();
        let builtin = match kind {
            "category" => choice.is_builtin(&defaults.categories),
            "setting" => choice.is_builtin(&defaults.settings),
            "pledge" => choice.is_builtin(&defaults.pledges),
            _ => false,
        };
        let chrome = self.chrome("/");
        builtin
            .then(|| chrome.tr.get(&format!("{kind}-{}", choice.key)))
            .flatten()
            .unwrap_or_else(|| choice.label.clone())
    }
}

impl std::ops::Deref for Localized {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}
