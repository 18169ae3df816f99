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

/// One page in one language: the app's state, and the page's translations (`tr`, the one
/// way pages translate).
pub struct Localized {
    pub app: Data<AppState>,
    pub lang: Language,
    pub tr: crate::i18n::Tr,
}

impl Localized {
    pub fn new(state: Data<AppState>, lang: Lang) -> Localized {
        let tr = state.layout.tr(lang.0);
        Localized {
            app: state,
            lang: lang.0,
            tr,
        }
    }

    /// The page's chrome, at `here` (its path without a prefix).
    pub fn chrome(&self, here: &str) -> Chrome<'_> {
        self.app.layout.chrome_in(self.lang, Some(here))
    }

    /// The chrome of a page that holds something leaving would lose — a receipt code shown
    /// once, words typed, a code's thread: no links to its other languages.
    pub fn chrome_staying(&self) -> Chrome<'_> {
        self.app.layout.chrome_in(self.lang, None)
    }
}

impl Localized {
    /// Why a statement was refused, in this language.
    pub fn submission_error(&self, e: &crate::submission::SubmissionError) -> String {
        let limit = self
            .tr
            .number(crate::submission::MAX_STATEMENT_CHARS as u64);
        self.tr.t1(e.key(), "n", limit)
    }

    /// A spent budget (`key` takes `$minutes`), waiting `wait`.
    pub fn wait_message(&self, key: &str, wait: std::time::Duration) -> String {
        self.tr
            .tn(key, "minutes", wait.as_secs().div_ceil(60).max(1))
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
        self.app
            .layout
            .resource_text(&self.tr, index, resource, field, configured)
    }

    /// A category's, setting's or pledge's label in this language.
    pub fn label(&self, kind: &str, choice: &crate::config::Choice) -> String {
        self.app.layout.choice_label(&self.tr, kind, choice)
    }
}
