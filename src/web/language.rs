//! Which language a survivor or public page speaks: the path's prefix (`/es/submit`), else
//! the deployment's default. No cookie, no redirect: a link carries its language.

use std::future::{Ready, ready};

use actix_web::web::Data;
use actix_web::{FromRequest, HttpRequest, dev::Payload};

use super::AppState;
use super::layout::Chrome;
use crate::i18n::Language;
use crate::web::error::AppError;

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
    tr: crate::i18n::Tr,
}

impl Localized {
    pub fn new(state: Data<AppState>, lang: Lang) -> Localized {
        let tr = state.layout.tr(lang.0);
        Localized {
            state,
            lang: lang.0,
            tr,
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
        self.tr.t(key)
    }

    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.tr.t1(key, name, value)
    }

    /// A message with a number that chooses its plural form.
    pub fn tn(&self, key: &str, name: &str, n: u64) -> String {
        self.tr.tn(key, name, n)
    }

    /// A message with several text arguments.
    pub fn args(&self, key: &str, values: &[(&str, String)]) -> String {
        self.tr.args(key, values)
    }

    /// A stored day as people read it in this language.
    pub fn day(&self, text: &str) -> String {
        self.tr.day(text)
    }

    /// A stored day in a chart's few characters: "23 Nov".
    pub fn short_day(&self, text: &str) -> String {
        self.tr.short_day(text)
    }

    /// Why a statement was refused, in this language.
    pub fn submission_error(&self, e: &crate::submission::SubmissionError) -> String {
        let limit = self.number(crate::submission::MAX_STATEMENT_CHARS as u64);
        self.t1(e.key(), "n", limit)
    }

    /// A spent budget (`key` takes `$minutes`), waiting `wait`.
    pub fn wait_message(&self, key: &str, wait: std::time::Duration) -> String {
        self.tr
            .tn(key, "minutes", wait.as_secs().div_ceil(60).max(1))
    }

    /// A figure with this language's grouping.
    pub fn number(&self, n: u64) -> String {
        self.tr.number(n)
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
        self.tr.instant(rfc3339)
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
        self.state
            .layout
            .resource_text(&self.tr, index, resource, field, configured)
    }

    /// A category's, setting's or pledge's label in this language.
    pub fn label(&self, kind: &str, choice: &crate::config::Choice) -> String {
        self.state.layout.choice_label(&self.tr, kind, choice)
    }
}

impl std::ops::Deref for Localized {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}
