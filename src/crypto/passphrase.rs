//! Passphrase suggestions for staff: five words from the EFF large wordlist (without its
//! hyphenated entries), about 64 bits, easier to remember than to guess.

/// The EFF large wordlist, vendored with its attribution (`assets/EFF_WORDLIST.md`):
/// one `dice-number<TAB>word` per line.
const EFF_LARGE_WORDLIST: &str = include_str!("../../assets/eff_large_wordlist.txt");

/// The EFF large wordlist without entries that contain a hyphen (so a hyphen can separate
/// words when people type a code).
pub fn eff_words() -> impl Iterator<Item = &'static str> {
    EFF_LARGE_WORDLIST
        .lines()
        .filter_map(|line| line.split_once('\t').map(|(_, word)| word.trim()))
        .filter(|w| !w.is_empty() && !w.contains('-'))
}

/// A fresh five-word suggestion, separated by spaces.
pub fn suggest() -> String {
    let words: Vec<&'static str> = eff_words().collect();
    (0..5)
        .filter_map(|_| words.get(rand::random_range(0..words.len())).copied())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_long_enough_and_vary() {
        let a = suggest();
        assert_eq!(a.split(' ').count(), 5);
        assert!(a.chars().count() >= super::super::staff_key::MIN_PASSWORD_CHARS);
        assert_ne!(a, suggest());
        assert_eq!(
            eff_words().count(),
            7776 - 4,
            "the list minus its hyphenated entries"
        );
        assert!(eff_words().all(|w| !w.contains('-')));
    }
}
