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

/// What a card says besides its figure: the site's name, in `tr`'s language.
pub struct Caption<'a> {
    pub tr: &'a crate::i18n::Tr,
    pub site: &'a str,
}

/// A card as a response: `total` under the headline `headline_key`, dated `when` (RFC 3339),
/// in the caption's language, drawn once per `key` (what it shows) and language.
pub fn response(
    cards: &Cards,
    key: &str,
    caption: Caption<'_>,
    total: &str,
    headline_key: &str,
    when: Option<&str>,
) -> Option<actix_web::HttpResponse> {
    let Caption { tr, site } = caption;
    let headline = tr.t(headline_key);
    let when = when.map(|t| tr.instant(t)).unwrap_or_default();
    let text = CardText {
        site,
        total,
        headline: &headline,
        published: &when,
        rtl: tr.lang.dir() == "rtl",
    };
    let png = cards.get(key, tr.lang.code(), &text)?;
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

/// Left and right margin: every line stays between them.
const MARGIN: f32 = 80.0;
/// The widest a line may be.
const ROOM: f32 = WIDTH as f32 - 2.0 * MARGIN;

/// One line of the card: where it sits and how large it is drawn.
#[derive(Clone, Debug)]
struct Line {
    id: &'static str,
    text: String,
    y: f32,
    size: f32,
    /// Never drawn smaller than this (the headline wraps first).
    min_size: f32,
    fill: &'static str,
}

/// The card's lines at their usual sizes; the headline may come as two.
fn lines(text: &CardText, headline: &[String], headline_size: f32) -> Vec<Line> {
    // Right to left, a right-to-left mark at each end: a line starting with a digit
    // ("1 ديسمبر") must still read from the right, and one ending in a neutral character
    // (a closing quote) must not carry it over to the other side.
    let mark = if text.rtl { "\u{200F}" } else { "" };
    let mut out = vec![
        Line {
            id: "site",
            text: text.site.to_owned(),
            y: 120.0,
            size: 44.0,
            min_size: 24.0,
            fill: "#5b2a86",
        },
        Line {
            id: "total",
            text: text.total.to_owned(),
            y: 330.0,
            size: 190.0,
            min_size: 40.0,
            fill: "#5b2a86",
        },
    ];
    let two = headline.len() > 1;
    for (i, part) in headline.iter().enumerate() {
        out.push(Line {
            id: if i == 0 { "headline" } else { "headline2" },
            text: format!("{mark}{part}{mark}"),
            y: if two { 412.0 + 58.0 * i as f32 } else { 430.0 },
            size: headline_size,
            min_size: 28.0,
            fill: "#1d1b20",
        });
    }
    out.push(Line {
        id: "published",
        text: format!("{mark}{}{mark}", text.published),
        y: if two { 560.0 } else { 540.0 },
        size: 32.0,
        min_size: 20.0,
        fill: "#55505c",
    });
    out
}

fn svg_of(lines: &[Line], rtl: bool) -> String {
    let (anchor, x, direction) = if rtl {
        ("end", WIDTH as f32 - MARGIN, "rtl")
    } else {
        ("start", MARGIN, "ltr")
    };
    let mut body = String::new();
    for l in lines {
        body.push_str(&format!(
            r##"<text id="{}" x="{x}" y="{}" font-size="{:.1}" fill="{}">{}</text>"##,
            l.id,
            l.y,
            l.size,
            l.fill,
            escape(&l.text)
        ));
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><rect width="{WIDTH}" height="{HEIGHT}" fill="#fbfaf7"/><rect width="{WIDTH}" height="18" fill="#5b2a86"/><g font-family="DejaVu Sans" font-weight="bold" direction="{direction}" text-anchor="{anchor}">{body}</g></svg>"##
    )
}

fn options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_font_data(FONT.to_vec());
    options
}

/// How wide each line is drawn, by id (0 for an empty line).
fn widths(tree: &resvg::usvg::Tree, lines: &[Line]) -> Vec<f32> {
    lines
        .iter()
        .map(|l| {
            tree.node_by_id(l.id)
                .map_or(0.0, |n| n.abs_bounding_box().width())
        })
        .collect()
}

/// The headline in two lines, split at the space nearest its middle.
fn wrapped(headline: &str) -> Vec<String> {
    let middle = headline.chars().count() / 2;
    let split = headline
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .min_by_key(|(i, _)| headline[..*i].chars().count().abs_diff(middle))
        .map(|(i, _)| i);
    match split {
        Some(i) => vec![headline[..i].to_owned(), headline[i + 1..].to_owned()],
        None => vec![headline.to_owned()],
    }
}

/// The card as SVG, measured so that no line runs past the margins: a line too wide is
/// drawn smaller; a headline that would get too small is wrapped onto two lines first.
pub fn svg(text: &CardText) -> String {
    let options = options();
    let mut headline = vec![text.headline.to_owned()];
    let mut lines = lines(text, &headline, 56.0);
    for _ in 0..6 {
        let Ok(tree) = resvg::usvg::Tree::from_str(&svg_of(&lines, text.rtl), &options) else {
            break;
        };
        let widths = widths(&tree, &lines);
        let wide = lines.iter().zip(&widths).any(|(_, w)| *w > ROOM);
        if !wide {
            break;
        }
        let headline_width = lines
            .iter()
            .zip(&widths)
            .find(|(l, _)| l.id == "headline")
            .map_or(0.0, |(_, w)| *w);
        if headline.len() == 1 && headline_width > ROOM * 1.25 {
            headline = wrapped(text.headline);
            lines = lines_like(&lines, text, &headline);
            continue;
        }
        for (line, w) in lines.iter_mut().zip(&widths) {
            if *w > ROOM {
                // A little under the exact fit: glyph metrics do not scale perfectly.
                line.size = (line.size * ROOM / w * 0.97).max(line.min_size);
            }
        }
    }
    svg_of(&lines, text.rtl)
}

/// New lines for a wrapped headline, keeping the sizes already fitted for the others.
fn lines_like(old: &[Line], text: &CardText, headline: &[String]) -> Vec<Line> {
    let mut fresh = lines(text, headline, 56.0);
    for line in &mut fresh {
        if let Some(o) = old
            .iter()
            .find(|o| o.id == line.id && !o.id.starts_with("headline"))
        {
            line.size = o.size;
        }
    }
    fresh
}

fn draw(text: &CardText) -> Option<Vec<u8>> {
    let tree = resvg::usvg::Tree::from_str(&svg(text), &options()).ok()?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}

/// Every line's box on the card as drawn (tests: nothing may leave the margins).
pub fn line_boxes(text: &CardText) -> Vec<(String, f32, f32, f32, f32)> {
    let Ok(tree) = resvg::usvg::Tree::from_str(&svg(text), &options()) else {
        return Vec::new();
    };
    ["site", "total", "headline", "headline2", "published"]
        .iter()
        .filter_map(|id| {
            let b = tree.node_by_id(id)?.abs_bounding_box();
            Some(((*id).to_owned(), b.left(), b.top(), b.right(), b.bottom()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_card_runs_past_its_margins_in_any_language_or_state() {
        use crate::i18n::{Catalogs, Language, Tr};
        let catalogs = std::sync::Arc::new(Catalogs::shipped());
        for lang in Language::ALL {
            let tr = Tr::new(lang, catalogs.clone());
            let published = tr.instant("2026-12-07T00:00:00Z");
            for headline_key in ["counts-title", "federation-title"] {
                let headline = tr.t(headline_key);
                for total in [
                    tr.t1("fewer-than", "n", tr.number(10)),
                    tr.number(0),
                    tr.number(4_890),
                    tr.number(1_234_567_890),
                ] {
                    for site in [
                        "Chorus",
                        "Me Too — The Campaign of the Example City Coalition",
                    ] {
                        let text = CardText {
                            site,
                            total: &total,
                            headline: &headline,
                            published: &published,
                            rtl: lang.dir() == "rtl",
                        };
                        let boxes = line_boxes(&text);
                        assert!(boxes.len() >= 4, "{lang:?}: {boxes:?}");
                        for (id, left, top, right, bottom) in boxes {
                            assert!(
                                left >= MARGIN - 2.0
                                    && right <= WIDTH as f32 - MARGIN + 2.0
                                    && top >= 18.0
                                    && bottom <= HEIGHT as f32,
                                "{lang:?} {headline_key} {total:?}: {id} at {left}..{right} x {top}..{bottom}"
                            );
                        }
                    }
                }
            }
        }
    }

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
