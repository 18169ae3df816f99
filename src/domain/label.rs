//! A staff label, parsed at the edge: Unicode NFC, trimmed, inner whitespace collapsed to
//! one space, at most [`MAX_LABEL_CHARS`] characters, no control characters. Labels compare
//! without regard to case ("Urgent" and "urgent" are one label; "é" typed either way is
//! one letter), which is the form their tags are made from; they are shown as first written.

use unicode_normalization::UnicodeNormalization;

/// Longest label.
pub const MAX_LABEL_CHARS: usize = 40;
/// Most labels one statement carries.
pub const MAX_LABELS: usize = 12;

/// Why a label was refused: a catalogue key.
pub type LabelError = &'static str;

#[derive(Clone, PartialEq, Eq)]
pub struct Label(String);

impl Label {
    /// `None` for a blank entry (an empty "add a label" box), an error for a bad one.
    pub fn parse(raw: &str) -> Result<Option<Label>, LabelError> {
        if raw.chars().any(char::is_control) {
            return Err("err-label-control");
        }
        let text = raw
            .nfc()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if text.is_empty() {
            return Ok(None);
        }
        if text.chars().count() > MAX_LABEL_CHARS {
            return Err("err-label-long");
        }
        Ok(Some(Label(text)))
    }

    /// A whole set from a form's repeated field: blanks dropped, duplicates (in any case)
    /// kept once, at most [`MAX_LABELS`].
    pub fn parse_set<'a>(raw: impl IntoIterator<Item = &'a str>) -> Result<Vec<Label>, LabelError> {
        let mut set: Vec<Label> = Vec::new();
        for r in raw {
            if let Some(label) = Label::parse(r)?
                && !set.iter().any(|l| l.compared() == label.compared())
            {
                set.push(label);
            }
        }
        if set.len() > MAX_LABELS {
            return Err("err-labels-many");
        }
        Ok(set)
    }

    /// As written (after trimming).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form labels are compared and tagged in.
    pub fn compared(&self) -> String {
        self.0.to_lowercase().nfc().collect()
    }

    /// A label read back from a sealed set (already checked when it was written).
    pub fn trusted(text: String) -> Label {
        Label(text)
    }
}

/// Labels may be sensitive: never printed by `{:?}`.
impl std::fmt::Debug for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Label(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_tidied_and_checked() {
        assert_eq!(
            Label::parse("  needs   a lawyer ")
                .unwrap()
                .unwrap()
                .as_str(),
            "needs a lawyer"
        );
        assert!(Label::parse("   ").unwrap().is_none());
        assert!(Label::parse("bell\u{7}").is_err());
        assert!(Label::parse(&"x".repeat(MAX_LABEL_CHARS + 1)).is_err());
        assert!(
            Label::parse(&"é".repeat(MAX_LABEL_CHARS))
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn a_set_keeps_each_label_once_whatever_its_case() {
        let set = Label::parse_set(["Urgent", "", "urgent", "minor "]).unwrap();
        let texts: Vec<&str> = set.iter().map(Label::as_str).collect();
        assert_eq!(texts, ["Urgent", "minor"]);
        let many: Vec<String> = (0..=MAX_LABELS).map(|i| format!("l{i}")).collect();
        assert!(Label::parse_set(many.iter().map(String::as_str)).is_err());
    }
}
