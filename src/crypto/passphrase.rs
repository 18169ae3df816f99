//! Passphrase suggestions for staff: five words from the EFF large wordlist (without its
//! hyphenated entries), about 64 bits, easier to remember than to guess.

use diceware_wordlists::Wordlist;

/// The EFF large wordlist without entries that contain a hyphen.
pub fn eff_words() -> impl Iterator<Item = &'static str> {
    Wordlist::EffLong
        .get_list()
        .iter()
        .copied()
        .filter(|w| !w.contains('-'))
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
        assert!(eff_words().count() > 7700);
        assert!(eff_words().all(|w| !w.contains('-')));
    }
}
