//! Receipt codes: 8 words from the EFF large wordlist (hyphenated entries removed), shown
//! once and never stored. New codes leave out 123 distressing words
//! (`assets/receipt_excluded_words.txt`): 7,649 words, 12.9 bits each, about 103 bits a code.
//! Parsing still accepts every word, so codes issued before the exclusions keep working. HKDF-SHA256 over the word indices, salted with a
//! per-deployment random value, gives a lookup tag (stored on the row) and the seed of an
//! X-Wing key pair (its public half stored, so replies can be sealed to the survivor). At
//! ~103 bits a fast KDF is sound: guessing is hopeless, and a check costs microseconds.

use std::sync::OnceLock;

use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::CryptoError;
use super::passphrase::eff_words;
use super::suite::{PublicKey, SecretKey};

/// Words in a code.
pub const WORDS: usize = 8;

fn wordlist() -> &'static [&'static str] {
    static WORDLIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDLIST.get_or_init(|| eff_words().collect())
}

const EXCLUDED: &str = include_str!("../../assets/receipt_excluded_words.txt");

/// Words new codes never use (see the file's header for how they were chosen).
fn excluded_words() -> impl Iterator<Item = &'static str> {
    EXCLUDED
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Positions in `wordlist()` that new codes draw from.
fn generation_indices() -> &'static [u16] {
    static INDICES: OnceLock<Vec<u16>> = OnceLock::new();
    INDICES.get_or_init(|| {
        let excluded: std::collections::HashSet<&str> = excluded_words().collect();
        wordlist()
            .iter()
            .enumerate()
            .filter(|(_, w)| !excluded.contains(*w))
            .filter_map(|(i, _)| u16::try_from(i).ok())
            .collect()
    })
}

/// A parsed code: word indices only. Never logged, never stored.
pub struct ReceiptCode {
    indices: Zeroizing<[u16; WORDS]>,
}

impl std::fmt::Debug for ReceiptCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptCode(..)")
    }
}

/// Why text is not a code. Says nothing about whether any testimony exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Codes have 8 words; this many were found.
    WordCount(usize),
    /// The word at this position (1-based) is not in the list.
    UnknownWord(usize),
}

impl ReceiptCode {
    /// A fresh code from the OS generator (through `rand`'s thread generator, reseeded from it).
    pub fn generate() -> ReceiptCode {
        let allowed = generation_indices();
        let mut indices = Zeroizing::new([0u16; WORDS]);
        for slot in indices.iter_mut() {
            *slot = allowed
                .get(rand::random_range(0..allowed.len()))
                .copied()
                .unwrap_or(0);
        }
        ReceiptCode { indices }
    }

    /// Reads a code, forgiving case, spacing, line breaks and punctuation.
    pub fn parse(text: &str) -> Result<ReceiptCode, ParseError> {
        let lower = Zeroizing::new(text.to_lowercase());
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() != WORDS {
            return Err(ParseError::WordCount(words.len()));
        }
        let list = wordlist();
        let mut indices = Zeroizing::new([0u16; WORDS]);
        for (position, (word, slot)) in words.iter().zip(indices.iter_mut()).enumerate() {
            let index = list
                .binary_search(word)
                .map_err(|_| ParseError::UnknownWord(position + 1))?;
            *slot = u16::try_from(index).map_err(|_| ParseError::UnknownWord(position + 1))?;
        }
        Ok(ReceiptCode { indices })
    }

    /// The words, separated by spaces (to show once).
    pub fn words(&self) -> Zeroizing<String> {
        let list = wordlist();
        Zeroizing::new(
            self.indices
                .iter()
                .filter_map(|&i| list.get(usize::from(i)).copied())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// The lookup tag and reply key pair this code stands for in one deployment.
    pub fn derive(&self, salt: &[u8]) -> Result<Derived, CryptoError> {
        let mut ikm = Zeroizing::new(Vec::with_capacity(WORDS * 2));
        for i in self.indices.iter() {
            ikm.extend_from_slice(&i.to_be_bytes());
        }
        let hk = Hkdf::<Sha256>::new(Some(salt), &ikm);
        let mut tag = [0u8; 32];
        hk.expand(b"chorus/v1/receipt/lookup-tag", &mut tag)
            .map_err(|_| CryptoError::Kdf)?;
        let mut seed = Zeroizing::new([0u8; 32]);
        hk.expand(b"chorus/v1/receipt/reply-key", seed.as_mut_slice())
            .map_err(|_| CryptoError::Kdf)?;
        let secret = SecretKey::from_seed(seed.as_slice())?;
        let public = secret.public_key()?;
        Ok(Derived {
            tag,
            secret,
            public,
        })
    }
}

/// What a code opens.
pub struct Derived {
    pub tag: [u8; 32],
    pub secret: SecretKey,
    pub public: PublicKey,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_codes_never_use_an_excluded_word_yet_old_codes_still_parse() {
        let excluded: Vec<&str> = excluded_words().collect();
        assert_eq!(excluded.len(), 123);
        for w in &excluded {
            // A word not in the list would exclude nothing: a typo in the file.
            assert!(
                wordlist().binary_search(w).is_ok(),
                "{w} is not in the list"
            );
        }
        assert_eq!(
            generation_indices().len(),
            wordlist().len() - excluded.len()
        );
        for _ in 0..2_000 {
            let words = ReceiptCode::generate().words();
            for w in words.split(' ') {
                assert!(!excluded.contains(&w), "a new code used {w}");
            }
        }
        let old = "grope shame unzip predator savage parasite manhood strangle";
        assert!(ReceiptCode::parse(old).is_ok());
    }

    #[test]
    fn the_list_is_sorted_large_and_hyphen_free() {
        let list = wordlist();
        assert!(list.len() > 7700);
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "binary search needs a sorted list"
        );
        // 8 words of ~7770: about 103 bits.
        assert!((list.len() as f64).log2() * 8.0 > 103.0);
    }

    #[test]
    fn parsing_forgives_case_spacing_and_punctuation() {
        let code = ReceiptCode::generate();
        let words = code.words();
        let messy = format!("  {}. ", words.to_uppercase().replace(' ', " ,\n- "));
        let back = ReceiptCode::parse(&messy).unwrap();
        assert_eq!(back.words().as_str(), words.as_str());
        let salt = [1u8; 32];
        assert_eq!(
            back.derive(&salt).unwrap().tag,
            code.derive(&salt).unwrap().tag
        );
        assert_ne!(
            code.derive(&[2u8; 32]).unwrap().tag,
            code.derive(&salt).unwrap().tag,
            "salted per deployment"
        );
    }

    #[test]
    fn wrong_codes_say_what_is_wrong_without_more() {
        assert_eq!(
            ReceiptCode::parse("one two").unwrap_err(),
            ParseError::WordCount(2)
        );
        let code = ReceiptCode::generate().words().to_string();
        let mut words: Vec<&str> = code.split(' ').collect();
        words[3] = "xylophonic";
        assert_eq!(
            ReceiptCode::parse(&words.join(" ")).unwrap_err(),
            ParseError::UnknownWord(4)
        );
    }

    #[test]
    fn derived_keys_are_pinned() {
        // Known answer: the same words and salt give the same tag in every build.
        let code = ReceiptCode::parse("abacus abdomen abdominal abide abiding ability ablaze able")
            .unwrap();
        let d = code.derive(&[0u8; 32]).unwrap();
        assert_eq!(
            hex::encode(d.tag),
            include_str!("../../tests/kat/receipt_tag.hex").trim()
        );
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn any_code_typed_any_way_derives_the_same_tag(
                picks in proptest::collection::vec(any::<proptest::sample::Index>(), WORDS),
                separators in proptest::collection::vec("[ ,.\t\n-]{1,3}", WORDS),
                shout in proptest::collection::vec(any::<bool>(), WORDS),
                salt in proptest::collection::vec(any::<u8>(), 32),
            ) {
                let list = wordlist();
                let words: Vec<&str> = picks.iter().map(|p| list[p.index(list.len())]).collect();
                let canonical = ReceiptCode::parse(&words.join(" ")).unwrap();
                let typed: String = words
                    .iter()
                    .zip(&separators)
                    .zip(&shout)
                    .map(|((w, sep), up)| {
                        let w = if *up { w.to_uppercase() } else { (*w).to_owned() };
                        format!("{w}{sep}")
                    })
                    .collect();
                let parsed = ReceiptCode::parse(&typed).unwrap();
                let read_back = parsed.words();
                prop_assert_eq!(read_back.as_str(), words.join(" "));
                prop_assert_eq!(parsed.derive(&salt).unwrap().tag, canonical.derive(&salt).unwrap().tag);
            }
        }
    }
}

/// What the receipt box holds: enough to take a withdrawn testimony out of the counts.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct BoxContents {
    pub categories: Vec<String>,
    pub day: String,
}

fn box_key_id() -> super::suite::KeyId {
    // Survivor keys have no id worth storing: the row already points to them.
    super::suite::KeyId([0u8; 16])
}

/// Seals the box to the code's public key, bound to its row.
pub fn seal_box(
    public: &PublicKey,
    row_id: &[u8; 16],
    contents: &BoxContents,
) -> Result<Vec<u8>, CryptoError> {
    let json = Zeroizing::new(serde_json::to_vec(contents).map_err(|_| CryptoError::Seal)?);
    let padded = super::padding::pad(&json)?;
    super::suite::seal(
        public,
        &box_key_id(),
        super::suite::Label::ReceiptBox,
        &padded,
        row_id,
    )
}

pub fn open_box(
    secret: &SecretKey,
    row_id: &[u8; 16],
    blob: &[u8],
) -> Result<BoxContents, CryptoError> {
    let padded = super::suite::open(secret, super::suite::Label::ReceiptBox, blob, row_id)?;
    serde_json::from_slice(super::padding::unpad(&padded)?).map_err(|_| CryptoError::Format)
}

/// A reply's survivor copy (label Reply), bound to its testimony and message.
pub fn seal_reply(
    public: &PublicKey,
    testimony_id: &[u8; 16],
    message_id: &[u8; 16],
    text: &str,
) -> Result<Vec<u8>, CryptoError> {
    super::message::seal(
        public,
        &box_key_id(),
        super::suite::Label::Reply,
        testimony_id,
        message_id,
        text,
    )
}
