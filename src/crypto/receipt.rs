//! Receipt codes: random words in the language of the page the survivor sent from — 8 of
//! the EFF large list in English, 10 of the BIP-39 lists in Spanish and French, 9 of
//! Chorus's own Arabic list — at least 100 bits each (`code_words` has the lists, their
//! screening and how typed words are compared). Shown once and never stored. HKDF-SHA256
//! over the list and the word indices, salted with a per-deployment random value, gives a
//! lookup tag (stored on the row), the seed of an X-Wing key pair (its public half stored,
//! so replies can be sealed to the survivor) and a second, order-free tag, so a code typed
//! with the right words in another order can be told apart from a wrong one. At ≥ 100 bits
//! a fast KDF is sound: guessing is hopeless, and a check costs microseconds. English codes
//! derive as they always did, so every code ever issued still opens.

use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::CryptoError;
use super::code_words::{self, CodeWords};
use super::suite::{PublicKey, SecretKey};

/// Words in an English code (other languages: see `code_words`).
pub const WORDS: usize = 8;

/// A parsed code: its list and word indices only. Never logged, never stored.
pub struct ReceiptCode {
    words: CodeWords,
    indices: Zeroizing<Vec<u16>>,
}

impl std::fmt::Debug for ReceiptCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptCode(..)")
    }
}

/// Why text is not a code. Says nothing about whether any testimony exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// No list has codes of this many words.
    WordCount(usize),
    /// The word at this position (1-based) is not in the list the others come from.
    UnknownWord(usize),
}

impl ReceiptCode {
    /// A fresh English code (see [`ReceiptCode::generate_in`]).
    pub fn generate() -> ReceiptCode {
        ReceiptCode::generate_in(CodeWords::En)
    }

    /// A fresh code in `words`' language, from the OS generator (through `rand`'s thread
    /// generator, reseeded from it), never using a screened-out word.
    pub fn generate_in(words: CodeWords) -> ReceiptCode {
        let list = words.list();
        let indices = (0..list.length)
            .map(|_| {
                list.allowed
                    .get(rand::random_range(0..list.allowed.len().max(1)))
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        ReceiptCode {
            words,
            indices: Zeroizing::new(indices),
        }
    }

    /// Reads a code, forgiving case, accents, Arabic vowel marks, spacing, line breaks,
    /// numbering and punctuation. The first reading, if the words fit several lists.
    pub fn parse(text: &str) -> Result<ReceiptCode, ParseError> {
        ReceiptCode::readings(text)?
            .into_iter()
            .next()
            .ok_or(ParseError::WordCount(0))
    }

    /// Every list the typed words make a code in (almost always one).
    pub fn readings(text: &str) -> Result<Vec<ReceiptCode>, ParseError> {
        let typed = Zeroizing::new(code_words::typed_words(text));
        let mut readings = Vec::new();
        // The list that fits best, for saying which word is wrong.
        let mut best: Option<(usize, usize)> = None;
        for words in CodeWords::ALL {
            let list = words.list();
            if typed.len() != list.length {
                continue;
            }
            let found: Vec<Option<u16>> = typed.iter().map(|w| list.index_of(w)).collect();
            let known = found.iter().filter(|f| f.is_some()).count();
            if known == typed.len() {
                readings.push(ReceiptCode {
                    words,
                    indices: Zeroizing::new(found.into_iter().flatten().collect()),
                });
            } else if best.is_none_or(|(k, _)| known > k) {
                let first_unknown = found.iter().position(Option::is_none).unwrap_or(0);
                best = Some((known, first_unknown + 1));
            }
        }
        match (readings.is_empty(), best) {
            (false, _) => Ok(readings),
            (true, Some((_, position))) => Err(ParseError::UnknownWord(position)),
            (true, None) => Err(ParseError::WordCount(typed.len())),
        }
    }

    /// The language its words are in.
    pub fn language(&self) -> CodeWords {
        self.words
    }

    /// The words, in order (to show once, as a numbered list).
    pub fn word_list(&self) -> Zeroizing<Vec<String>> {
        let list = self.words.list();
        Zeroizing::new(
            self.indices
                .iter()
                .filter_map(|&i| list.words.get(usize::from(i)).map(|w| (*w).to_owned()))
                .collect(),
        )
    }

    /// The words, separated by spaces.
    pub fn words(&self) -> Zeroizing<String> {
        Zeroizing::new(self.word_list().join(" "))
    }

    /// What the HKDF reads: for English the indices alone (as codes always derived); for
    /// the other lists a label first, so the same indices in two lists are two codes.
    fn key_material(&self, indices: &[u16]) -> Zeroizing<Vec<u8>> {
        let label: &[u8] = match self.words {
            CodeWords::En => b"",
            CodeWords::Es => b"chorus/v2/receipt/es:",
            CodeWords::Fr => b"chorus/v2/receipt/fr:",
            CodeWords::Ar => b"chorus/v2/receipt/ar:",
        };
        let mut ikm = Zeroizing::new(Vec::with_capacity(label.len() + indices.len() * 2));
        ikm.extend_from_slice(label);
        for i in indices {
            ikm.extend_from_slice(&i.to_be_bytes());
        }
        ikm
    }

    /// The lookup tag and reply key pair this code stands for in one deployment.
    pub fn derive(&self, salt: &[u8]) -> Result<Derived, CryptoError> {
        let ikm = self.key_material(&self.indices);
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

    /// A tag of the words whatever their order: stored beside the lookup tag, it tells a
    /// code typed in the wrong order from a wrong code (and nothing else: it opens nothing).
    pub fn order_free_tag(&self, salt: &[u8]) -> Result<[u8; 32], CryptoError> {
        let mut sorted = Zeroizing::new(self.indices.to_vec());
        sorted.sort_unstable();
        let ikm = self.key_material(&sorted);
        let hk = Hkdf::<Sha256>::new(Some(salt), &ikm);
        let mut tag = [0u8; 32];
        hk.expand(b"chorus/v2/receipt/order-free-tag", &mut tag)
            .map_err(|_| CryptoError::Kdf)?;
        Ok(tag)
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
        for lang in CodeWords::ALL {
            let list = lang.list();
            for _ in 0..500 {
                let code = ReceiptCode::generate_in(lang);
                assert_eq!(code.indices.len(), list.length);
                for i in code.indices.iter() {
                    assert!(
                        list.allowed.contains(i),
                        "{lang:?}: a screened word was drawn"
                    );
                }
            }
        }
        // A code from before the screening, every word of it screened out since.
        let old = "grope shame unzip predator savage parasite manhood strangle";
        assert!(ReceiptCode::parse(old).is_ok());
    }

    #[test]
    fn codes_in_every_language_parse_back_typed_any_way() {
        let salt = [1u8; 32];
        for lang in CodeWords::ALL {
            let code = ReceiptCode::generate_in(lang);
            let words = code.word_list();
            // Shouted, numbered, accents and vowel marks stripped, odd separators.
            let typed: String = words
                .iter()
                .enumerate()
                .map(|(i, w)| format!("{}) {} ,", i + 1, code_words::key(w).to_uppercase()))
                .collect();
            let back = ReceiptCode::parse(&typed).unwrap();
            assert_eq!(back.language(), lang);
            assert_eq!(back.words().as_str(), code.words().as_str());
            assert_eq!(
                back.derive(&salt).unwrap().tag,
                code.derive(&salt).unwrap().tag
            );
        }
    }

    #[test]
    fn the_same_indices_in_two_languages_are_two_codes() {
        let es = ReceiptCode::generate_in(CodeWords::Es);
        let fr = ReceiptCode {
            words: CodeWords::Fr,
            indices: es.indices.clone(),
        };
        let salt = [3u8; 32];
        assert_ne!(es.derive(&salt).unwrap().tag, fr.derive(&salt).unwrap().tag);
    }

    #[test]
    fn the_right_words_in_another_order_share_only_the_order_free_tag() {
        let code = ReceiptCode::generate_in(CodeWords::Fr);
        let mut words: Vec<String> = code.word_list().to_vec();
        words.reverse();
        let swapped = ReceiptCode::parse(&words.join(" ")).unwrap();
        let salt = [4u8; 32];
        if swapped.words().as_str() != code.words().as_str() {
            assert_ne!(
                swapped.derive(&salt).unwrap().tag,
                code.derive(&salt).unwrap().tag
            );
        }
        assert_eq!(
            swapped.order_free_tag(&salt).unwrap(),
            code.order_free_tag(&salt).unwrap()
        );
        assert_ne!(
            code.order_free_tag(&salt).unwrap(),
            code.derive(&salt).unwrap().tag
        );
    }

    #[test]
    fn salted_per_deployment() {
        let code = ReceiptCode::generate();
        assert_ne!(
            code.derive(&[2u8; 32]).unwrap().tag,
            code.derive(&[1u8; 32]).unwrap().tag
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
        // Known answer: the same words and salt give the same tag in every build (English
        // codes derive as they did before other languages existed).
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
                lang in 0usize..4,
                picks in proptest::collection::vec(any::<proptest::sample::Index>(), 10),
                separators in proptest::collection::vec("[ ,.\t\n-]{1,3}", 10),
                shout in proptest::collection::vec(any::<bool>(), 10),
                salt in proptest::collection::vec(any::<u8>(), 32),
            ) {
                let lang = CodeWords::ALL[lang];
                let list = lang.list();
                let words: Vec<&str> = picks
                    .iter()
                    .take(list.length)
                    .map(|p| list.words[p.index(list.words.len())])
                    .collect();
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
