//! A small SVG writer for the charts of `report.html`: horizontal bars split
//! by sentiment. Inline SVG, no script, no font from anywhere: it shows in
//! any browser, offline, and in an e-mail attachment. Every text goes
//! through maud, so it is escaped.

use maud::{Markup, html};

use super::lang::Lang;
use crate::sentiment::Sentiment;

/// The colour of each sentiment (Okabe-Ito, readable with the common kinds
/// of colour blindness), in the order of [`Sentiment::ALL`].
pub(crate) const COLOURS: [&str; 4] = ["#009E73", "#D55E00", "#E69F00", "#BBBBBB"];

/// Total width of a chart, in its own units (it scales to the page).
const WIDTH: u32 = 760;
/// Where the bars start at the least: the labels stand left of it.
const BARS_X: u32 = 230;
/// Where the bars start at the most, however long a label.
const BARS_X_MAX: u32 = 360;
/// Room for the count after the widest bar.
const COUNT_W: u32 = 80;
/// About the width of one character of a label (font size 14), to make
/// room for the longest.
const CHAR_W: f64 = 8.0;
/// Height of one row.
const ROW: u32 = 28;
/// Height of one bar.
const BAR: u32 = 18;
/// Height of the legend above the bars.
const LEGEND: u32 = 30;

/// One bar: its label and its counts per sentiment (in the order of
/// [`Sentiment::ALL`]); the bar's length is their sum.
pub(crate) struct Bar<'a> {
    /// What the bar is.
    pub label: &'a str,
    /// Counts per sentiment.
    pub parts: [u64; 4],
}

/// Where the bars start: right of the longest label.
fn bars_x(bars: &[Bar<'_>]) -> u32 {
    let longest = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    ((longest as f64 * CHAR_W) as u32 + 10).clamp(BARS_X, BARS_X_MAX)
}

/// A label cut to what fits left of the bars, with "…" when cut.
fn fit(label: &str) -> String {
    let most = ((BARS_X_MAX - 10) as f64 / CHAR_W) as usize;
    match label.char_indices().nth(most - 1) {
        Some((at, _)) => format!("{}…", &label[..at]),
        None => label.to_string(),
    }
}

/// A legend of the four sentiments, as an SVG row.
fn legend(x0: u32, y: u32, lang: Lang) -> Markup {
    html! {
        @for (i, s) in Sentiment::ALL.iter().enumerate() {
            @let x = x0 + i as u32 * 120;
            rect x=(x) y=(y) width="14" height="14" fill=(COLOURS[i]) {}
            text x=(x + 20) y=(y + 12) font-size="13" { (lang.sentiment(*s)) }
        }
    }
}

/// The pieces of a bar, (x, width, sentiment, count), and where it ends.
fn segments(bar: &Bar<'_>, max: u64, x0: u32) -> (Vec<(f64, f64, usize, u64)>, f64) {
    let mut x = x0 as f64;
    let mut out = Vec::new();
    let width = (WIDTH - x0 - COUNT_W) as f64;
    for (i, &n) in bar.parts.iter().enumerate().filter(|(_, n)| **n > 0) {
        let w = n as f64 * width / max as f64;
        out.push((x, w, i, n));
        x += w;
    }
    (out, x)
}

/// Horizontal bars, longest first as given, each split by sentiment, with
/// a legend above them and the total after each bar. `title` names the
/// chart for screen readers; `lang` writes the legend.
pub(crate) fn sentiment_bars(title: &str, bars: &[Bar<'_>], lang: Lang) -> Markup {
    let max = bars.iter().map(|b| b.parts.iter().sum::<u64>()).max().unwrap_or(0).max(1);
    let height = LEGEND + ROW * bars.len() as u32 + 4;
    let x0 = bars_x(bars);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label=(title)
            viewBox=(format!("0 0 {WIDTH} {height}")) width="100%" {
            title { (title) }
            (legend(x0, 4, lang))
            @for (row, bar) in bars.iter().enumerate() {
                @let y = LEGEND + row as u32 * ROW;
                @let total: u64 = bar.parts.iter().sum();
                text x=(x0 - 8) y=(y + BAR - 4) font-size="14" text-anchor="end" { (fit(bar.label)) }
                @let (segments, end) = segments(bar, max, x0);
                @for (x, w, i, n) in segments {
                    rect x=(format!("{x:.1}")) y=(y) width=(format!("{w:.1}")) height=(BAR) fill=(COLOURS[i]) {
                        title { (n) " " (lang.sentiment(Sentiment::ALL[i])) }
                    }
                }
                text x=(format!("{:.1}", end + 6.0)) y=(y + BAR - 4) font-size="13" { (total) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_escaped_and_scaled() {
        let bars = [Bar { label: "<script>", parts: [2, 1, 0, 1] }, Bar { label: "b", parts: [0, 0, 0, 2] }];
        let svg = sentiment_bars("t", &bars, Lang::Nl).into_string();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        // The longest bar (4) is 450 wide: 2 of 4 positive is half of it.
        assert!(svg.contains(r#"width="225.0""#), "{svg}");
        // A long label moves the bars right; a very long one is cut.
        let long = "x".repeat(60);
        let bars = [
            Bar { label: "Information and communication", parts: [1, 0, 0, 0] },
            Bar { label: &long, parts: [1, 0, 0, 0] },
        ];
        let svg = sentiment_bars("t", &bars, Lang::Nl).into_string();
        assert!(svg.contains(&format!(">{}…<", "x".repeat(42))), "{svg}");
        assert!(svg.contains(r#"<text x="352""#), "{svg}");
    }
}
