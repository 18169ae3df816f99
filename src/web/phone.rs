//! Help-line numbers become `tel:` links, so a survivor on a phone calls with one tap instead
//! of copying digits under stress. A contact line ("0808 500 2222", "112 / 911 / 999") is
//! split into text and numbers: a run of digits, spaces, dots, dashes, brackets and a leading
//! plus with at least three digits is a number.

/// One piece of a contact line.
#[derive(Debug, PartialEq, Eq)]
pub enum ContactPart {
    Text(String),
    /// As written, and what to dial (digits, with a leading `+` if written).
    Number {
        shown: String,
        dial: String,
    },
}

fn in_number(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')' | '+')
}

/// Splits `contact` into text and dialable numbers.
pub fn contact_parts(contact: &str) -> Vec<ContactPart> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut chars = contact.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !in_number(c) {
            text.push(c);
            chars.next();
            continue;
        }
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !in_number(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let run = contact.get(start..end).unwrap_or_default();
        let shown = run.trim();
        let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 3 {
            text.push_str(run);
            continue;
        }
        // Keep the spaces around the number as text.
        let lead = &run[..run.len() - run.trim_start().len()];
        let trail = &run[run.trim_end().len()..];
        text.push_str(lead);
        if !text.is_empty() {
            parts.push(ContactPart::Text(std::mem::take(&mut text)));
        }
        let plus = if shown.starts_with('+') { "+" } else { "" };
        parts.push(ContactPart::Number {
            shown: shown.to_owned(),
            dial: format!("{plus}{digits}"),
        });
        text.push_str(trail);
    }
    if !text.is_empty() {
        parts.push(ContactPart::Text(text));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(shown: &str, dial: &str) -> ContactPart {
        ContactPart::Number {
            shown: shown.to_owned(),
            dial: dial.to_owned(),
        }
    }

    #[test]
    fn numbers_become_dialable_and_text_stays() {
        assert_eq!(
            contact_parts("800-656-4673"),
            [number("800-656-4673", "8006564673")]
        );
        assert_eq!(
            contact_parts("112 / 911 / 999"),
            [
                number("112", "112"),
                ContactPart::Text(" / ".into()),
                number("911", "911"),
                ContactPart::Text(" / ".into()),
                number("999", "999"),
            ]
        );
        assert_eq!(
            contact_parts("Call +44 (0)808 500 2222, free"),
            [
                ContactPart::Text("Call ".into()),
                number("+44 (0)808 500 2222", "+4408085002222"),
                ContactPart::Text(", free".into()),
            ]
        );
        assert_eq!(
            contact_parts("Text HELP to 4 2"),
            [ContactPart::Text("Text HELP to 4 2".into())]
        );
    }
}
