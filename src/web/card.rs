//! The picture a shared link of `/counts` shows in social networks and chat apps: the
//! current total on a plain card, as PNG, drawn here (resvg, pure Rust) with a font shipped
//! in the binary — nothing is fetched, and no system font is needed. One card per snapshot
//! and language, kept until the next snapshot.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The card's size, as link previews expect (1.91:1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// DejaVu Sans Bold (Bitstream Vera licence, `assets/fonts/LICENSE-DejaVu.txt`): Latin and
/// Arabic in one face.
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// What a card says.
pub struct CardText<'a> {
    pub site: &'a str,
    pub total: &'a str,
    pub headline: &'a str,
    pub published: &'a str,
    pub rtl: bool,
}

/// The cards of one snapshot, by language.
#[derive(Default)]
struct Drawn {
    snapshot: String,
    by_language: HashMap<&'static str, Arc<Vec<u8>>>,
}

/// Cards drawn for the current snapshot, by language.
#[derive(Default)]
pub struct Cards {
    drawn: Mutex<Drawn>,
}

impl Cards {
    /// The card for `snapshot` in `lang`, drawn once.
    pub fn get(&self, snapshot: &str, lang: &'static str, text: &CardText) -> Option<Arc<Vec<u8>>> {
        {
            let drawn = self.drawn.lock().ok()?;
            if drawn.snapshot == snapshot
                && let Some(png) = drawn.by_language.get(lang)
            {
                return Some(png.clone());
            }
        }
        let png = Arc::new(draw(text)?);
        let mut drawn = self.drawn.lock().ok()?;
        if drawn.snapshot != snapshot {
            *drawn = Drawn {
                snapshot: snapshot.to_owned(),
                by_language: HashMap::new(),
            };
        }
        drawn.by_language.insert(lang, png.clone());
        Some(png)
    }
}

/// A card as a response: `total` under the headline `headline_key`, dated `when` (RFC 3339),
/// in `state`'s language, drawn once per `key` (what it shows) and language.
pub fn response(
    cards: &Cards,
    key: &str,
    state: &super::language::Localized,
    total: &str,
    headline_key: &str,
    when: Option<&str>,
) -> Option<actix_web::HttpResponse> {
    let headline = state.t(headline_key);
    let when = when.map(|t| state.instant(t)).unwrap_or_default();
    let text = CardText {
        site: &state.layout.site_name,
        total,
        headline: &headline,
        published: &when,
        rtl: state.lang.dir() == "rtl",
    };
    let png = cards.get(key, state.lang.code(), &text)?;
    Some(
        actix_web::HttpResponse::Ok()
            .insert_header((
                actix_web::http::header::CONTENT_TYPE,
                actix_web::http::header::HeaderValue::from_static("image/png"),
            ))
            .body(png.as_ref().clone()),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The card as SVG (tested on its own), then as PNG.
pub fn svg(text: &CardText) -> String {
    let (anchor, x, direction) = if text.rtl {
        ("end", 1120, "rtl")
    } else {
        ("start", 80, "ltr")
    };
    // Right to left, a right-to-left mark first: a line starting with a digit ("1 ديسمبر")
    // must still read from the right.
    let mark = if text.rtl { "\u{200F}" } else { "" };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><rect width="{WIDTH}" height="{HEIGHT}" fill="#fbfaf7"/><rect width="{WIDTH}" height="18" fill="#5b2a86"/><g font-family="DejaVu Sans" font-weight="bold" direction="{direction}" text-anchor="{anchor}"><text x="{x}" y="120" font-size="44" fill="#5b2a86">{}</text><text x="{x}" y="330" font-size="190" fill="#5b2a86">{}</text><text x="{x}" y="430" font-size="56" fill="#1d1b20">{mark}{}</text><text x="{x}" y="540" font-size="32" fill="#55505c">{mark}{}</text></g></svg>"##,
        escape(text.site),
        escape(text.total),
        escape(text.headline),
        escape(text.published),
    )
}

fn draw(text: &CardText) -> Option<Vec<u8>> {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_font_data(FONT.to_vec());
    let tree = resvg::usvg::Tree::from_str(&svg(text), &options).ok()?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_is_a_png_of_the_right_size_with_text_on_it() {
        let text = CardText {
            site: "Chorus <test>",
            total: "4,890",
            headline: "How many have said me too",
            published: "1 December 2026",
            rtl: false,
        };
        assert!(svg(&text).contains("Chorus &lt;test&gt;"));
        let png = draw(&text).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let blank = draw(&CardText {
            site: "",
            total: "",
            headline: "",
            published: "",
            rtl: false,
        })
        .unwrap();
        assert!(
            png.len() > blank.len() + 2_000,
            "the text was drawn (a font was found)"
        );
        let arabic = draw(&CardText {
            headline: "كم شخصًا قال: أنا أيضًا",
            rtl: true,
            ..text
        })
        .unwrap();
        assert!(arabic.len() > blank.len() + 2_000);
    }
}
