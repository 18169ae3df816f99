//! Server-rendered SVG: the weekly chart on `/counts` and the embeddable badge. Only numbers
//! and labels we generated go in, and they are escaped anyway; presentation attributes
//! only, so the strict CSP (no inline styles) holds.

use std::collections::BTreeMap;
use std::fmt::Write;

/// Most recent weeks the chart shows (the table beside it lists them all).
const CHART_WEEKS: usize = 26;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar chart of closed weeks. Hidden weeks ("fewer than N") are drawn as a low dashed
/// outline so the gap is visible without implying a number.
pub fn weekly_chart(by_week: &BTreeMap<String, Option<u64>>, min_cell: u64) -> String {
    let weeks: Vec<(&String, &Option<u64>)> = by_week
        .iter()
        .rev()
        .take(CHART_WEEKS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let (width, height, top, bottom, left) = (720.0_f64, 260.0_f64, 20.0_f64, 40.0_f64, 48.0_f64);
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title chart-desc" class="chart"><title id="chart-title">Statements received per week</title><desc id="chart-desc">Bar chart of the most recent closed weeks; the table below lists every week.</desc>"##
    );
    if weeks.is_empty() {
        return r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 60" role="img" aria-labelledby="chart-title" class="chart"><title id="chart-title">Statements received per week: no closed weeks published yet</title><text x="360" y="36" text-anchor="middle" font-size="22" fill="#444" class="label">No closed weeks published yet</text></svg>"##.to_owned();
    }
    let max = weeks
        .iter()
        .filter_map(|(_, v)| **v)
        .max()
        .unwrap_or(min_cell)
        .max(min_cell) as f64;
    let plot_h = height - top - bottom;
    let slot = (width - left) / weeks.len() as f64;
    let bar_w = (slot * 0.7).max(2.0);
    let _ = write!(
        out,
        r##"<line x1="{left}" y1="{}" x2="{width}" y2="{}" stroke="#666" stroke-width="1" class="axis"/><text x="{}" y="{}" text-anchor="end" font-size="12" fill="#333" class="label">{}</text><text x="{}" y="{}" text-anchor="end" font-size="12" fill="#333" class="label">0</text>"##,
        height - bottom,
        height - bottom,
        left - 6.0,
        top + 12.0,
        max as u64,
        left - 6.0,
        height - bottom
    );
    for (i, (week, count)) in weeks.iter().enumerate() {
        let x = left + i as f64 * slot + (slot - bar_w) / 2.0;
        match count {
            Some(n) => {
                let h = (*n as f64 / max * plot_h).max(1.0);
                let _ = write!(
                    out,
                    r##"<rect x="{x:.1}" y="{:.1}" width="{bar_w:.1}" height="{h:.1}" fill="#5b2a86" class="bar"><title>{}: {n}</title></rect>"##,
                    height - bottom - h,
                    escape(week)
                );
            }
            None => {
                let h = (min_cell as f64 / max * plot_h).clamp(4.0, plot_h);
                let _ = write!(
                    out,
                    r##"<rect x="{x:.1}" y="{:.1}" width="{bar_w:.1}" height="{h:.1}" fill="none" stroke="#5b2a86" stroke-dasharray="3 3" class="hidden-bar"><title>{}: fewer than {min_cell}</title></rect>"##,
                    height - bottom - h,
                    escape(week)
                );
            }
        }
        // Label every few weeks so labels never overlap.
        let every = (weeks.len() / 6).max(1);
        if i % every == 0 || i + 1 == weeks.len() {
            let _ = write!(
                out,
                r##"<text x="{:.1}" y="{}" text-anchor="middle" font-size="11" fill="#333" class="label">{}</text>"##,
                x + bar_w / 2.0,
                height - bottom + 16.0,
                escape(week.get(5..).unwrap_or(week))
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

    #[test]
    fn chart_draws_one_bar_per_week_and_hides_small_ones() {
        let mut weeks = BTreeMap::new();
        weeks.insert("2026-W46".to_owned(), Some(30));
        weeks.insert("2026-W47".to_owned(), None);
        let svg = weekly_chart(&weeks, 10);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("fewer than 10"));
        assert!(!svg.contains("style="));
        assert!(weekly_chart(&BTreeMap::new(), 10).contains("No closed weeks"));
    }

    #[test]
    fn badge_escapes_and_has_no_external_references() {
        let svg = badge("me <too>", "1,230");
        assert!(svg.contains("me &lt;too&gt;"));
        assert!(!svg.contains("href"));
    }
}
