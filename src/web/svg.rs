//! Server-rendered SVG: the weekly chart on `/counts` and the embeddable badge. Only numbers
//! and labels we generated go in, and they are escaped anyway; presentation attributes
//! only, so the strict CSP (no inline styles) holds.

use std::collections::BTreeMap;
use std::fmt::Write;

/// Most recent weeks the chart shows (the table beside it lists them all): few enough for
/// each bar to carry its value, legibly, on a phone.
const CHART_WEEKS: usize = 12;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart's words, in the page's language.
pub struct ChartText {
    pub title: String,
    pub desc: String,
    pub empty: String,
    /// What a hidden week's bar says ("fewer than 10").
    pub fewer: String,
}

/// A bar chart of the most recent closed weeks, each bar labelled with its value and its
/// week (`label` names a week, e.g. "23 Nov"); hidden weeks ("fewer than N") are drawn as a
/// low dashed outline so the gap is visible without implying a number. Right to left, the
/// newest week is on the left, as the page reads.
pub fn weekly_chart(
    by_week: &BTreeMap<String, Option<u64>>,
    min_cell: u64,
    text: &ChartText,
    label: &dyn Fn(&str) -> String,
    rtl: bool,
) -> String {
    let weeks: Vec<(&String, &Option<u64>)> = by_week
        .iter()
        .rev()
        .take(CHART_WEEKS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if weeks.is_empty() {
        return format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 80" role="img" aria-labelledby="chart-title" class="chart"><title id="chart-title">{}</title><text x="360" y="48" text-anchor="middle" font-size="28" fill="#444" class="label">{}</text></svg>"##,
            escape(&text.title),
            escape(&text.empty)
        );
    }
    let (width, height, top, bottom, side) = (720.0_f64, 360.0_f64, 44.0_f64, 56.0_f64, 8.0_f64);
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title chart-desc" class="chart"><title id="chart-title">{}</title><desc id="chart-desc">{}</desc>"##,
        escape(&text.title),
        escape(&text.desc)
    );
    let max = weeks
        .iter()
        .filter_map(|(_, v)| **v)
        .max()
        .unwrap_or(min_cell)
        .max(min_cell) as f64;
    let plot_h = height - top - bottom;
    let slot = (width - 2.0 * side) / weeks.len() as f64;
    let bar_w = (slot * 0.72).max(2.0);
    let _ = write!(
        out,
        r##"<line x1="0" y1="{}" x2="{width}" y2="{}" stroke="#666" stroke-width="2" class="axis"/>"##,
        height - bottom,
        height - bottom,
    );
    let every = weeks.len().div_ceil(6).max(1);
    for (i, (week, count)) in weeks.iter().enumerate() {
        let place = if rtl { weeks.len() - 1 - i } else { i };
        let x = side + place as f64 * slot + (slot - bar_w) / 2.0;
        let centre = x + bar_w / 2.0;
        let name = label(week);
        match count {
            Some(n) => {
                let h = (*n as f64 / max * plot_h).max(2.0);
                let y = height - bottom - h;
                let _ = write!(
                    out,
                    r##"<rect x="{x:.1}" y="{y:.1}" width="{bar_w:.1}" height="{h:.1}" fill="#5b2a86" class="bar"><title>{}: {n}</title></rect><text x="{centre:.1}" y="{:.1}" text-anchor="middle" font-size="20" font-weight="700" fill="#222" class="label">{n}</text>"##,
                    escape(&name),
                    y - 8.0
                );
            }
            None => {
                let h = (min_cell as f64 / max * plot_h).clamp(6.0, plot_h);
                let y = height - bottom - h;
                let _ = write!(
                    out,
                    r##"<rect x="{x:.1}" y="{y:.1}" width="{bar_w:.1}" height="{h:.1}" fill="none" stroke="#5b2a86" stroke-width="2" stroke-dasharray="5 4" class="hidden-bar"><title>{}: {}</title></rect>"##,
                    escape(&name),
                    escape(&text.fewer),
                );
            }
        }
        // A week label every few bars, counted back from the newest (always labelled), so
        // labels never overlap.
        if (weeks.len() - 1 - i).is_multiple_of(every) {
            let _ = write!(
                out,
                r##"<text x="{centre:.1}" y="{}" text-anchor="middle" font-size="20" fill="#333" class="label">{}</text>"##,
                height - bottom + 30.0,
                escape(&name)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// A shields-style badge: `label | value`. Width from a rough per-character estimate.
pub fn badge(label: &str, value: &str) -> String {
    let char_w = 7.0_f64;
    let lw = 12.0 + label.chars().count() as f64 * char_w;
    let vw = 12.0 + value.chars().count() as f64 * char_w;
    let w = lw + vw;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="22" viewBox="0 0 {w:.0} 22" role="img" aria-label="{label_e}: {value_e}"><title>{label_e}: {value_e}</title><rect width="{lw:.0}" height="22" rx="3" fill="#333"/><rect x="{lw:.0}" width="{vw:.0}" height="22" rx="3" fill="#5b2a86"/><rect x="{lw:.0}" width="4" height="22" fill="#5b2a86"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="12"><text x="{:.1}" y="15" text-anchor="middle">{label_e}</text><text x="{:.1}" y="15" text-anchor="middle">{value_e}</text></g></svg>"##,
        lw / 2.0,
        lw + vw / 2.0,
        label_e = escape(label),
        value_e = escape(value),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ChartText {
        ChartText {
            title: "Statements received per week".to_owned(),
            desc: "Bar chart".to_owned(),
            empty: "No closed weeks published yet".to_owned(),
            fewer: "fewer than 10".to_owned(),
        }
    }

    #[test]
    fn chart_draws_one_bar_per_week_and_hides_small_ones() {
        let mut weeks = BTreeMap::new();
        weeks.insert("2026-W46".to_owned(), Some(30));
        weeks.insert("2026-W47".to_owned(), None);
        let svg = weekly_chart(&weeks, 10, &words(), &|w| w.to_owned(), false);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("fewer than 10"));
        assert!(!svg.contains("style="));
        assert!(svg.contains(">30</text>"), "bars carry their values");
        // Left to right the older week is on the left; right to left, on the right.
        let x_of = |svg: &str, week: &str| -> f64 {
            let title = svg.find(&format!("<title>2026-{week}")).unwrap();
            let rect = svg[..title].rfind("<rect x=\"").unwrap() + 9;
            let end = svg[rect..].find('"').unwrap() + rect;
            svg[rect..end].parse().unwrap()
        };
        assert!(x_of(&svg, "W46") < x_of(&svg, "W47"));
        let rtl = weekly_chart(&weeks, 10, &words(), &|w| w.to_owned(), true);
        assert!(x_of(&rtl, "W46") > x_of(&rtl, "W47"));
        assert!(
            weekly_chart(&BTreeMap::new(), 10, &words(), &|w| w.to_owned(), false)
                .contains("No closed weeks")
        );
    }

    #[test]
    fn badge_escapes_and_has_no_external_references() {
        let svg = badge("me <too>", "1,230");
        assert!(svg.contains("me &lt;too&gt;"));
        assert!(!svg.contains("href"));
    }
}
