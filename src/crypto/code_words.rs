//! The word lists receipt codes are made of, one per language a survivor may send from: the
//! EFF large list (English), the BIP-39 lists (Spanish, French) and a list composed for
//! Chorus (Arabic) — provenance, licences and screening in `assets/wordlists/README.md`.
//!
//! A word's index is its place in its full list, which never changes; each list also has
//! words new codes never use (violent, sexual, bodily, blaming, distressing, political,
//! religious, policing…), so every code ever issued keeps parsing. People type codes as
//! they can: words are compared after case folding and without accents or Arabic vowel
//! marks, with the Arabic letter variants people mix up unified; no two words of a list
//! collide that way (a test checks it).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::passphrase::eff_words;

/// The languages codes are made in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeWords {
    En,
    Es,
    Fr,
    Ar,
}

impl CodeWords {
    pub const ALL: [CodeWords; 4] = [CodeWords::En, CodeWords::Es, CodeWords::Fr, CodeWords::Ar];

    /// The BCP 47 code of the words' language (the `lang` of a code shown on a page).
    pub fn code(self) -> &'static str {
        match self {
            CodeWords::En => "en",
            CodeWords::Es => "es",
            CodeWords::Fr => "fr",
            CodeWords::Ar => "ar",
        }
    }

    /// The list, parsed once.
    pub(super) fn list(self) -> &'static List {
        static LISTS: OnceLock<[List; 4]> = OnceLock::new();
        let lists = LISTS.get_or_init(|| CodeWords::ALL.map(List::load));
        match self {
            CodeWords::En => &lists[0],
            CodeWords::Es => &lists[1],
            CodeWords::Fr => &lists[2],
            CodeWords::Ar => &lists[3],
        }
    }
}

const EN_EXCLUDED: &str = include_str!("../../assets/receipt_excluded_words.txt");
const ES: &str = include_str!("../../assets/wordlists/es.txt");
const ES_EXCLUDED: &str = include_str!("../../assets/wordlists/es_excluded.txt");
const FR: &str = include_str!("../../assets/wordlists/fr.txt");
const FR_EXCLUDED: &str = include_str!("../../assets/wordlists/fr_excluded.txt");
const AR: &str = include_str!("../../assets/wordlists/ar.txt");

/// One language's words.
pub(super) struct List {
    /// Every word, as shown, in index order.
    pub words: Vec<&'static str>,
    /// The compared form of each word, to its index.
    by_key: HashMap<String, u16>,
    /// Indices new codes draw from.
    pub allowed: Vec<u16>,
    /// Words in a code: enough for at least 100 bits from `allowed`.
    pub length: usize,
}

/// The words of a list file: one per line, `#` comments and anything after ` # ` ignored.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split(" # ").next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl List {
    fn load(language: CodeWords) -> List {
        let (words, excluded): (Vec<&'static str>, Vec<&'static str>) = match language {
            CodeWords::En => (eff_words().collect(), lines(EN_EXCLUDED).collect()),
            CodeWords::Es => (lines(ES).collect(), lines(ES_EXCLUDED).collect()),
            CodeWords::Fr => (lines(FR).collect(), lines(FR_EXCLUDED).collect()),
            CodeWords::Ar => (lines(AR).collect(), Vec::new()),
        };
        let excluded: HashSet<&str> = excluded.into_iter().collect();
        let by_key = words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((key(w), u16::try_from(i).ok()?)))
            .collect();
        let allowed: Vec<u16> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| !excluded.contains(*w))
            .filter_map(|(i, _)| u16::try_from(i).ok())
            .collect();
        let bits = (allowed.len().max(2) as f64).log2();
        let length = (100.0 / bits).ceil() as usize;
        List {
            words,
            by_key,
            allowed,
            length,
        }
    }

    /// The index of a typed word (already in compared form).
    pub fn index_of(&self, key: &str) -> Option<u16> {
        self.by_key.get(key).copied()
    }
}

/// The form words are compared in: lower case, accents and Arabic vowel marks dropped,
/// tatweel dropped, alef forms, alef maqsura, taa marbuta and hamza seats unified.
pub fn key(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c) && *c != '\u{0640}')
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
            '\u{0649}' | '\u{0626}' => '\u{064A}',
            '\u{0629}' => '\u{0647}',
            '\u{0624}' => '\u{0648}',
            other => other,
        })
        .collect()
}

/// The words of typed text, in compared form: anything that is not a letter (spaces,
/// punctuation, digits people number the words with) separates them.
pub fn typed_words(text: &str) -> Vec<String> {
    key(text)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_gives_a_code_at_least_100_bits_and_no_two_words_collide() {
        for lang in CodeWords::ALL {
            let list = lang.list();
            let bits = (list.allowed.len() as f64).log2() * list.length as f64;
            assert!(bits >= 100.0, "{lang:?}: {bits} bits");
            assert_eq!(
                list.by_key.len(),
                list.words.len(),
                "{lang:?}: two words compare alike"
            );
            // Every word parses back to its own index, and is one typed word.
            for (i, w) in list.words.iter().enumerate() {
                assert_eq!(typed_words(w), [key(w)], "{lang:?}: {w}");
                assert_eq!(list.index_of(&key(w)), u16::try_from(i).ok());
            }
        }
        assert_eq!(CodeWords::En.list().length, 8);
        assert_eq!(CodeWords::Es.list().length, 10);
        assert_eq!(CodeWords::Fr.list().length, 10);
        assert_eq!(CodeWords::Ar.list().length, 9);
    }

    #[test]
    fn words_compare_without_case_accents_or_vowel_marks() {
        assert_eq!(key("Ábaco"), "abaco");
        assert_eq!(key("ÉLITISME"), "elitisme");
        // Hamza on alef, alef maqsura, taa marbuta, a vowel mark and a tatweel.
        assert_eq!(key("أَمـير"), key("امير"));
        assert_eq!(key("مدرسة"), key("مدرسه"));
        assert_eq!(key("مستشفى"), key("مستشفي"));
        assert_eq!(typed_words("1. ábaco, 2) Abeja"), ["abaco", "abeja"]);
    }

    #[test]
    fn the_screened_words_are_never_drawn() {
        // Named in the issue that asked for the re-screening.
        let en = CodeWords::En.list();
        for word in [
            "despise",
            "smother",
            "suffering",
            "scared",
            "gag",
            "calamity",
            "snitch",
            "police",
            "islamist",
        ] {
            let i = en.index_of(word).unwrap();
            assert!(!en.allowed.contains(&i), "{word} is still drawn");
        }
    }
}
