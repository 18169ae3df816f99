//! Invisible and direction-changing characters in what survivors wrote are shown to staff
//! as visible marks (`[U+202E]`), so a statement cannot display differently from what it
//! says — reversed by a right-to-left override, or hiding words behind zero-width
//! characters. Joiners stay where scripts and emoji need them (between two non-ASCII
//! characters). Exports keep the exact text.

/// True for characters shown as a mark wherever they are.
fn always_marked(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// Zero-width joiners, legitimate inside scripts and emoji sequences.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// `text` with every invisible or direction-changing character made visible.
pub fn reveal(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let joins_non_ascii = || {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            matches!((before, after), (Some(b), Some(a)) if !b.is_ascii() && !a.is_ascii())
        };
        if always_marked(c) || (is_joiner(c) && !joins_non_ascii()) {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_zero_width_characters_become_visible() {
        assert_eq!(reveal("abc\u{202E}fed"), "abc[U+202E]fed");
        assert_eq!(reveal("\u{FEFF}hi"), "[U+FEFF]hi");
        assert_eq!(reveal("pass\u{200B}word"), "pass[U+200B]word");
        assert_eq!(reveal("a\u{200D}b"), "a[U+200D]b");
    }

    #[test]
    fn scripts_and_emoji_keep_their_joiners() {
        let family = "👩\u{200D}👧";
        assert_eq!(reveal(family), family);
        let persian = "می\u{200C}خواهم";
        assert_eq!(reveal(persian), persian);
        assert_eq!(reveal("plain text"), "plain text");
    }
}
