//! What a survivor sends, parsed at the edge into types that can only hold valid values.
//! The sealed payload ([`Testimony`]) is what staff will read; nothing here is ever logged.

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::config::Config;

/// Most characters (Unicode scalar values, after CRLF→LF) a statement may hold.
pub const MAX_STATEMENT_CHARS: usize = 20_000;

/// Why a submission was refused. Messages speak to the survivor and never quote input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubmissionError {
    #[error(
        "What you wrote is longer than {MAX_STATEMENT_CHARS} characters. Please shorten it a little; nothing has been sent."
    )]
    TooLong,
    #[error(
        "What you wrote contains invisible control characters we cannot store. Please remove them (pasting as plain text usually helps); nothing has been sent."
    )]
    ControlCharacter,
    #[error(
        "One of the choices sent is not on this form. Please choose again from the list; nothing has been sent."
    )]
    UnknownChoice,
    #[error(
        "The form was sent with a field it does not have, or a field twice. Please use the form on this page; nothing has been sent."
    )]
    UnexpectedField,
}

impl SubmissionError {
    /// The catalogue key of the message (`error-too-long` takes `$n`).
    pub fn key(&self) -> &'static str {
        match self {
            SubmissionError::TooLong => "error-too-long",
            SubmissionError::ControlCharacter => "error-control-character",
            SubmissionError::UnknownChoice => "error-unknown-choice",
            SubmissionError::UnexpectedField => "error-unexpected-field",
        }
    }
}

/// A statement: possibly empty (a bare "me too" counts), within limits, no control
/// characters except CR, LF and TAB. Zeroized when dropped.
#[derive(Clone, Default, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct Statement(String);

impl std::fmt::Debug for Statement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Statement({} chars)", self.0.chars().count())
    }
}

impl Statement {
    pub fn parse(raw: &str) -> Result<Statement, SubmissionError> {
        let text = raw.replace("\r\n", "\n");
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(SubmissionError::ControlCharacter);
        }
        if text.chars().count() > MAX_STATEMENT_CHARS {
            return Err(SubmissionError::TooLong);
        }
        if text.trim().is_empty() {
            return Ok(Statement(String::new()));
        }
        Ok(Statement(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A key that must be one of a configured list.
fn known(key: &str, list: &[crate::config::Choice]) -> Result<String, SubmissionError> {
    list.iter()
        .find(|c| c.key == key)
        .map(|c| c.key.clone())
        .ok_or(SubmissionError::UnknownChoice)
}

/// The form's fields, still as text, kept so a refused form can be shown again as it was.
#[derive(Clone, Default)]
pub struct SubmissionForm {
    pub statement: String,
    pub categories: Vec<String>,
    pub setting: String,
    pub consent_publish: bool,
    pub want_receipt: bool,
    /// Sent by the form's hidden default button: Enter was pressed on a choice, so nothing
    /// is stored and the form comes back as it was.
    pub pressed_enter: bool,
    /// The form's one-time token (`once`), if it carried one.
    pub token: Option<crate::form_tokens::FormToken>,
}

impl std::fmt::Debug for SubmissionForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SubmissionForm(..)")
    }
}

impl Drop for SubmissionForm {
    fn drop(&mut self) {
        self.statement.zeroize();
    }
}

impl SubmissionForm {
    /// Collects the contract's fields from decoded pairs; any other field, or a single-valued
    /// field given twice, is refused.
    pub fn from_pairs(pairs: &[(String, String)]) -> Result<SubmissionForm, SubmissionError> {
        let mut form = SubmissionForm::default();
        let mut seen_statement = false;
        let mut seen_setting = false;
        let mut seen_consent = false;
        let mut seen_receipt = false;
        let mut seen_enter = false;
        let mut seen_token = false;
        for (name, value) in pairs {
            let once = match name.as_str() {
                "statement" => {
                    form.statement = value.clone();
                    &mut seen_statement
                }
                "category" => {
                    form.categories.push(value.clone());
                    continue;
                }
                "setting" => {
                    form.setting = value.clone();
                    &mut seen_setting
                }
                "consent_publish" => {
                    form.consent_publish = checkbox(value)?;
                    &mut seen_consent
                }
                "want_receipt" => {
                    form.want_receipt = checkbox(value)?;
                    &mut seen_receipt
                }
                "pressed_enter" if value == "1" => {
                    form.pressed_enter = true;
                    &mut seen_enter
                }
                "once" => {
                    form.token = Some(
                        crate::form_tokens::FormToken::parse(value)
                            .ok_or(SubmissionError::UnexpectedField)?,
                    );
                    &mut seen_token
                }
                _ => return Err(SubmissionError::UnexpectedField),
            };
            if std::mem::replace(once, true) {
                return Err(SubmissionError::UnexpectedField);
            }
        }
        Ok(form)
    }

    /// Turns the form into a sealed-to-be payload, checking every value; `language` is the
    /// code of the page it was sent from (what the export reports).
    pub fn validate_in(
        &self,
        config: &Config,
        language: crate::i18n::Language,
    ) -> Result<Testimony, SubmissionError> {
        let mut t = self.validate(config)?;
        // Only with a receipt code, so staff can reply in it: otherwise it would only
        // narrow down who wrote (few may write from the Arabic page).
        t.language = if self.want_receipt {
            language.code().to_owned()
        } else {
            String::new()
        };
        Ok(t)
    }

    /// Turns the form into a sealed-to-be payload, checking every value (as sent from a
    /// page in English).
    pub fn validate(&self, config: &Config) -> Result<Testimony, SubmissionError> {
        let statement = Statement::parse(&self.statement)?;
        let mut categories = Vec::new();
        for key in &self.categories {
            let key = known(key, &config.categories)?;
            if !categories.contains(&key) {
                categories.push(key);
            }
        }
        let setting = match self.setting.as_str() {
            "" => None,
            key => Some(known(key, &config.settings)?),
        };
        Ok(Testimony {
            statement: statement.as_str().to_owned(),
            categories,
            setting,
            consent_publish: self.consent_publish,
            language: "en".to_owned(),
        })
    }
}

fn checkbox(value: &str) -> Result<bool, SubmissionError> {
    match value {
        "on" => Ok(true),
        _ => Err(SubmissionError::UnknownChoice),
    }
}

/// The payload sealed for staff. Serialised as JSON inside the padded plaintext.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
#[serde(deny_unknown_fields)]
pub struct Testimony {
    pub statement: String,
    pub categories: Vec<String>,
    pub setting: Option<String>,
    pub consent_publish: bool,
    /// With a receipt code, the language of the page it was sent from (`en`, `es`, `fr`,
    /// `ar`) so a reply can be in it; empty otherwise. Not a guess at the statement's own.
    pub language: String,
}

impl std::fmt::Debug for Testimony {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Testimony(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn statements_keep_newlines_and_tabs_and_normalise_crlf() {
        let s = Statement::parse("a\r\nb\tc\rd").unwrap();
        assert_eq!(s.as_str(), "a\nb\tc\rd");
        assert!(Statement::parse("   \n ").unwrap().is_empty());
        assert_eq!(
            Statement::parse("a\u{0}b"),
            Err(SubmissionError::ControlCharacter)
        );
        assert_eq!(
            Statement::parse("a\u{1b}[31m"),
            Err(SubmissionError::ControlCharacter)
        );
        assert_eq!(
            Statement::parse("\u{85}"),
            Err(SubmissionError::ControlCharacter)
        );
    }

    #[test]
    fn length_counts_characters_after_crlf_normalisation() {
        assert!(Statement::parse(&"é".repeat(MAX_STATEMENT_CHARS)).is_ok());
        assert!(Statement::parse(&"\r\n".repeat(MAX_STATEMENT_CHARS)).is_ok());
        assert_eq!(
            Statement::parse(&"x".repeat(MAX_STATEMENT_CHARS + 1)),
            Err(SubmissionError::TooLong)
        );
    }

    #[test]
    fn forms_accept_repeated_categories_and_refuse_the_rest() {
        let config = Config::default();
        let form = SubmissionForm::from_pairs(&pairs(&[
            ("statement", "it happened"),
            ("category", "harassment"),
            ("category", "online"),
            ("category", "online"),
            ("setting", "work"),
            ("consent_publish", "on"),
        ]))
        .unwrap();
        let t = form.validate(&config).unwrap();
        assert_eq!(t.categories, vec!["harassment", "online"]);
        assert_eq!(t.setting.as_deref(), Some("work"));
        assert!(t.consent_publish);

        let dup = SubmissionForm::from_pairs(&pairs(&[("statement", "a"), ("statement", "b")]));
        assert_eq!(dup.unwrap_err(), SubmissionError::UnexpectedField);
        let extra = SubmissionForm::from_pairs(&pairs(&[("email", "x")]));
        assert_eq!(extra.unwrap_err(), SubmissionError::UnexpectedField);
        let bad_cat = SubmissionForm::from_pairs(&pairs(&[("category", "nope")])).unwrap();
        assert_eq!(
            bad_cat.validate(&config).unwrap_err(),
            SubmissionError::UnknownChoice
        );
        let bad_setting = SubmissionForm::from_pairs(&pairs(&[("setting", "moon")])).unwrap();
        assert_eq!(
            bad_setting.validate(&config).unwrap_err(),
            SubmissionError::UnknownChoice
        );
        assert!(SubmissionForm::from_pairs(&pairs(&[("consent_publish", "yes")])).is_err());
    }

    #[test]
    fn an_empty_form_is_a_bare_me_too() {
        let t = SubmissionForm::from_pairs(&[])
            .unwrap()
            .validate(&Config::default())
            .unwrap();
        assert!(t.statement.is_empty());
        assert!(t.categories.is_empty());
    }
}
