//! Languages: Project Fluent catalogues (`locales/LANG.ftl`, embedded), one bundle per
//! language, and the per-request handle templates translate with. Plural rules come from
//! CLDR through `fluent-bundle`. A key missing from a catalogue falls back to English, and
//! a test fails the build if any catalogue lacks a key English has, or has one it lacks.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A message in English, from the shipped catalogue: for logs and the command line, which
/// speak English, when the message is a key the web pages translate.
pub fn english(key: &str) -> String {
    static SHIPPED: std::sync::OnceLock<Arc<Catalogs>> = std::sync::OnceLock::new();
    let catalogs = SHIPPED.get_or_init(|| Arc::new(Catalogs::shipped()));
    Tr::new(Language::En, catalogs.clone()).t(key)
}

/// A language Chorus ships.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Es,
    Fr,
    Ar,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Es, Language::Fr, Language::Ar];

    /// The BCP 47 tag, also the path prefix (`/es/submit`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::Fr => "fr",
            Language::Ar => "ar",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// `rtl` for Arabic.
    pub fn dir(self) -> &'static str {
        match self {
            Language::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language's name in itself, as the picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Español",
            Language::Fr => "Français",
            Language::Ar => "العربية",
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            Language::En => include_str!("../../locales/en.ftl"),
            Language::Es => include_str!("../../locales/es.ftl"),
            Language::Fr => include_str!("../../locales/fr.ftl"),
            Language::Ar => include_str!("../../locales/ar.ftl"),
        }
    }
}

/// Every language's bundle, built once at start.
pub struct Catalogs {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

impl Catalogs {
    /// The shipped catalogues, each overridden by the operator's `LANG.ftl` in `overrides`
    /// (if that directory holds one). A catalogue that does not parse is an error.
    pub fn load(overrides: Option<&std::path::Path>) -> Result<Catalogs, String> {
        let mut bundles = HashMap::new();
        for lang in Language::ALL {
            let id: unic_langid::LanguageIdentifier = lang
                .code()
                .parse()
                .map_err(|_| format!("bad language tag {}", lang.code()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Numbers passed as numbers (they pick plural forms) print grouped as this
            // language writes them, like every other figure on the page.
            bundle.set_formatter(Some(match lang {
                Language::En => grouped::<{ Language::En as u8 }, _>,
                Language::Es => grouped::<{ Language::Es as u8 }, _>,
                Language::Fr => grouped::<{ Language::Fr as u8 }, _>,
                Language::Ar => grouped::<{ Language::Ar as u8 }, _>,
            }));
            // Pages set `dir` on the elements that need it; invisible isolation marks around
            // every placeable would end up in form values and copied text.
            bundle.set_use_isolating(false);
            let shipped = FluentResource::try_new(lang.catalogue().to_owned())
                .map_err(|(_, e)| format!("locales/{}.ftl: {e:?}", lang.code()))?;
            bundle
                .add_resource(shipped)
                .map_err(|e| format!("locales/{}.ftl: {e:?}", lang.code()))?;
            if let Some(dir) = overrides {
                let path = dir.join(format!("{}.ftl", lang.code()));
                match std::fs::read_to_string(&path) {
                    Ok(text) => match FluentResource::try_new(text) {
                        Ok(own) => bundle.add_resource_overriding(own),
                        // One operator file that does not parse is skipped alone.
                        Err((_, e)) => tracing::error!(
                            file = %path.display(),
                            errors = e.len(),
                            "an operator's message catalogue does not parse; it is ignored"
                        ),
                    },
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => tracing::error!(
                        file = %path.display(),
                        error = %e,
                        "an operator's message catalogue cannot be read; it is ignored"
                    ),
                    Err(_) => {}
                }
            }
            bundles.insert(lang, bundle);
        }
        Ok(Catalogs { bundles })
    }

    /// The shipped catalogues alone (they are tested to parse: failing here is a bug).
    pub fn shipped() -> Catalogs {
        Catalogs::load(None).unwrap_or_else(|_| Catalogs {
            bundles: HashMap::new(),
        })
    }

    fn format(&self, lang: Language, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }
}

/// Fluent's formatter for a whole number in the language numbered `L` (see
/// [`group_digits`]); anything else is left to Fluent.
fn grouped<const L: u8, M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let whole =
        (n.value >= 0.0 && n.value.fract() == 0.0 && n.value < 1e15).then_some(n.value as u64)?;
    let lang = Language::ALL.into_iter().find(|l| *l as u8 == L)?;
    Some(group_digits(lang, whole))
}

/// A figure grouped as `lang` writes it: 20,000 (English, and Arabic with Latin digits, as
/// its catalogue does) · 20 000 with narrow no-break spaces (French; Spanish from five
/// digits on, per the RAE: 1234 but 20 000).
fn group_digits(lang: Language, n: u64) -> String {
    let separator = match lang {
        Language::En | Language::Ar => ',',
        Language::Es if n < 10_000 => return n.to_string(),
        Language::Es | Language::Fr => '\u{202F}',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Translating for one request: a language and the catalogues.
#[derive(Clone)]
pub struct Tr {
    pub lang: Language,
    catalogs: Arc<Catalogs>,
}

impl Tr {
    pub fn new(lang: Language, catalogs: Arc<Catalogs>) -> Tr {
        Tr { lang, catalogs }
    }

    /// The message `key`, in this language, else English, else the key itself.
    pub fn t(&self, key: &str) -> String {
        self.with(key, None)
    }

    /// The message `key` with one text argument, inserted as it is (an identifier keeps
    /// its leading zeros; a figure keeps this language's grouping).
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(value.to_string()));
        self.with(key, Some(&args))
    }

    /// The message `key` with a number that chooses its plural form (`$n`, `$minutes`);
    /// the number by value or, as templates pass it, by reference.
    pub fn tn(&self, key: &str, name: &str, n: impl std::borrow::Borrow<u64>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(*n.borrow()));
        self.with(key, Some(&args))
    }

    /// The message `key` with several text arguments.
    pub fn args(&self, key: &str, values: &[(&str, String)]) -> String {
        let mut args = FluentArgs::new();
        for (name, text) in values {
            args.set(name.to_string(), FluentValue::from(text.clone()));
        }
        self.with(key, Some(&args))
    }

    /// The message `key` with text arguments and number arguments (numbers choose plural
    /// forms and match `[1]`-style variants, such as French "1er").
    pub fn args_with_numbers(
        &self,
        key: &str,
        texts: &[(&str, String)],
        numbers: &[(&str, u64)],
    ) -> String {
        let mut args = FluentArgs::new();
        for (name, text) in texts {
            args.set(name.to_string(), FluentValue::from(text.clone()));
        }
        for (name, n) in numbers {
            args.set(name.to_string(), FluentValue::from(*n));
        }
        self.with(key, Some(&args))
    }

    /// A figure grouped as this language writes it (see [`group_digits`]).
    pub fn number(&self, n: u64) -> String {
        group_digits(self.lang, n)
    }

    /// A published count, or "fewer than N", in this language.
    pub fn shown(&self, count: Option<u64>, min_cell: u64) -> String {
        match count {
            Some(n) => self.number(n),
            None => self.t1("fewer-than", "n", self.number(min_cell)),
        }
    }

    /// A stored day (`YYYY-MM-DD`) as people read it in this language.
    pub fn day(&self, text: &str) -> String {
        match crate::clock::parse_day(text) {
            Ok(day) => self.args_with_numbers(
                "date-long",
                &[
                    ("month", self.t(&format!("month-{}", u8::from(day.month())))),
                    // A year is not a figure: never grouped ("2,026").
                    ("year", day.year().to_string()),
                ],
                &[("day", u64::from(day.day()))],
            ),
            Err(_) => text.to_owned(),
        }
    }

    /// A stored day in a chart's few characters: "23 Nov".
    pub fn short_day(&self, text: &str) -> String {
        match crate::clock::parse_day(text) {
            Ok(day) => self.args_with_numbers(
                "date-short",
                &[(
                    "month",
                    self.t(&format!("month-short-{}", u8::from(day.month()))),
                )],
                &[("day", u64::from(day.day()))],
            ),
            Err(_) => text.to_owned(),
        }
    }

    /// An RFC 3339 instant as people read it: the day in this language, and the UTC time.
    pub fn instant(&self, rfc3339: &str) -> String {
        use time::format_description::well_known::Rfc3339;
        match time::OffsetDateTime::parse(rfc3339, &Rfc3339) {
            Ok(t) => self.moment(t),
            Err(_) => rfc3339.to_owned(),
        }
    }

    /// Unix seconds as people read them (see [`Tr::instant`]).
    pub fn unix_time(&self, unix: i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(unix)
            .map_or_else(|_| unix.to_string(), |t| self.moment(t))
    }

    fn moment(&self, t: time::OffsetDateTime) -> String {
        self.args(
            "date-time",
            &[
                ("date", self.day(&crate::clock::day_string(t.date()))),
                ("time", format!("{:02}:{:02}", t.hour(), t.minute())),
            ],
        )
    }

    /// The message `key` in this language only, if the catalogue has it.
    pub fn get(&self, key: &str) -> Option<String> {
        self.catalogs.format(self.lang, key, None)
    }

    fn with(&self, key: &str, args: Option<&FluentArgs>) -> String {
        self.catalogs
            .format(self.lang, key, args)
            .or_else(|| self.catalogs.format(Language::En, key, args))
            .unwrap_or_else(|| key.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_plurals_get_numbers_and_pick_their_form() {
        let ar = Tr::new(Language::Ar, Arc::new(Catalogs::shipped()));
        let stale = |n| ar.tn("federation-reason-stale", "days", n);
        assert!(
            stale(1).contains("يوم") && !stale(1).contains('1'),
            "{}",
            stale(1)
        );
        assert!(stale(2).contains("يومين"), "{}", stale(2));
        assert!(stale(3).contains("3 أيام"), "{}", stale(3));
        assert!(stale(11).contains("11 يومًا"), "{}", stale(11));
        assert!(
            stale(100).contains("100 يوم") && !stale(100).contains("يومًا"),
            "{}",
            stale(100)
        );
        // A number passed as text would always fall to the default form.
        assert_ne!(stale(3), ar.t1("federation-reason-stale", "days", "3"));
    }

    #[test]
    fn days_are_numbers_so_french_says_premier() {
        let fr = Tr::new(Language::Fr, Arc::new(Catalogs::shipped()));
        assert!(
            fr.day("2026-12-01").starts_with("1er "),
            "{}",
            fr.day("2026-12-01")
        );
        assert!(
            fr.day("2026-12-02").starts_with("2 "),
            "{}",
            fr.day("2026-12-02")
        );
        assert!(
            fr.day("2026-12-02").ends_with("2026"),
            "a year is never grouped"
        );
    }

    #[test]
    fn figures_are_grouped_as_each_language_writes_them() {
        let catalogs = Arc::new(Catalogs::shipped());
        let tr = |l| Tr::new(l, catalogs.clone());
        assert_eq!(tr(Language::En).number(20_000), "20,000");
        assert_eq!(tr(Language::Ar).number(20_000), "20,000");
        assert_eq!(tr(Language::Fr).number(20_000), "20\u{202F}000");
        assert_eq!(tr(Language::Es).number(20_000), "20\u{202F}000");
        assert_eq!(tr(Language::Es).number(1_234), "1234");
        // Numbers that pick a plural form are grouped the same way.
        assert!(
            tr(Language::Fr)
                .tn("audit-intact", "n", 12_345)
                .contains("12\u{202F}345"),
            "{}",
            tr(Language::Fr).tn("audit-intact", "n", 12_345)
        );
        assert!(
            tr(Language::En)
                .tn("audit-intact", "n", 1_000)
                .contains("1,000")
        );
    }

    fn keys(text: &str) -> std::collections::BTreeSet<String> {
        let resource = FluentResource::try_new(text.to_owned()).unwrap();
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    /// Every `.ftl` message's variables (`$name`), by key, from the English catalogue.
    fn english_variables() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>>
    {
        let mut out = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in Language::En.catalogue().lines() {
            let starts_entry = line
                .split_once(" =")
                .filter(|(k, _)| !k.is_empty() && !k.starts_with([' ', '#', '.']))
                .map(|(k, _)| k.to_owned());
            if let Some(key) = starts_entry {
                current = Some(key);
            } else if !line.starts_with([' ', '\t']) {
                current = None;
            }
            let Some(key) = &current else { continue };
            let vars: &mut std::collections::BTreeSet<String> = out.entry(key.clone()).or_default();
            for (i, _) in line.match_indices('$') {
                let name: String = line[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    vars.insert(name);
                }
            }
        }
        out
    }

    /// Every file under `dir` ending in one of `extensions`.
    fn files(dir: &std::path::Path, extensions: &[&str], out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                files(&path, extensions, out);
            } else if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                out.push(path);
            }
        }
    }

    /// The string literals that follow `.{method}(` in `text`, up to `count` of them.
    fn literal_calls(text: &str, method: &str, count: usize) -> Vec<Vec<String>> {
        let needle = format!(".{method}(");
        text.match_indices(&needle)
            .filter_map(|(i, _)| {
                let mut rest = text[i + needle.len()..].trim_start();
                let mut literals = Vec::new();
                while literals.len() < count {
                    let body = rest.strip_prefix('"')?;
                    let end = body.find('"')?;
                    literals.push(body[..end].to_owned());
                    rest = body[end + 1..].trim_start();
                    match rest.strip_prefix(',') {
                        Some(after) => rest = after.trim_start(),
                        None => break,
                    }
                }
                (!literals.is_empty()).then_some(literals)
            })
            .collect()
    }

    /// Every message key written as a literal in a template or in the code exists in
    /// English, and is given the variables it uses: a mistyped key would show as the key
    /// itself, a missing variable as `{$name}`.
    #[test]
    fn every_key_the_code_and_templates_use_exists_with_its_arguments() {
        let english = english_variables();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        files(
            &root.join("templates"),
            &["html", "txt", "svg"],
            &mut sources,
        );
        files(&root.join("src"), &["rs"], &mut sources);
        let mut problems = Vec::new();
        let mut checked = 0;
        for path in &sources {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.strip_prefix(root).unwrap().display().to_string();
            // (method, literals to read, what the call supplies beyond them)
            for (method, literals) in [("t", 1), ("t1", 2), ("tn", 2), ("link", 1)] {
                for call in literal_calls(&text, method, literals) {
                    let Some(key) = call.first() else { continue };
                    if !key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        || !key.contains('-')
                    {
                        continue;
                    }
                    // The fallback test asks for a key that must not exist.
                    if key == "no-such-key" {
                        continue;
                    }
                    checked += 1;
                    let Some(wanted) = english.get(key) else {
                        problems.push(format!("{name}: `{key}` is not in en.ftl"));
                        continue;
                    };
                    let given: std::collections::BTreeSet<String> = match method {
                        "link" => ["href".to_owned()].into(),
                        "t" => std::collections::BTreeSet::new(),
                        _ => call.get(1).cloned().into_iter().collect(),
                    };
                    if method != "t1" && method != "tn" || call.len() == 2 {
                        let missing: Vec<_> = wanted.difference(&given).collect();
                        if !missing.is_empty() {
                            problems.push(format!("{name}: `{key}` needs {missing:?}"));
                        }
                    }
                }
            }
            for (i, _) in text.match_indices("\"err-") {
                let key: String = text[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                if text[i + 1 + key.len()..].starts_with('"') && !key.ends_with('-') {
                    checked += 1;
                    if !english.contains_key(&key) {
                        problems.push(format!("{name}: `{key}` is not in en.ftl"));
                    }
                }
            }
        }
        assert!(
            checked > 400,
            "only {checked} literal keys found: is the scan still right?"
        );
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_catalogue_has_exactly_the_keys_english_has() {
        let english = keys(Language::En.catalogue());
        assert!(english.len() > 20);
        for lang in Language::ALL {
            let these = keys(lang.catalogue());
            let missing: Vec<_> = english.difference(&these).collect();
            let extra: Vec<_> = these.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_catalogue_parses_and_plurals_follow_the_language() {
        let catalogs = Arc::new(Catalogs::load(None).unwrap());
        let en = Tr::new(Language::En, catalogs.clone());
        assert_eq!(
            en.t1("statement-limit", "n", "20,000"),
            en.t1("statement-limit", "n", "20,000")
        );
        let ar = Tr::new(Language::Ar, catalogs);
        assert_ne!(ar.t("site-leave"), en.t("site-leave"));
        assert_eq!(en.t("no-such-key"), "no-such-key");
    }
}
