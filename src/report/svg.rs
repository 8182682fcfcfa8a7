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
/// Where the bars start: the labels stand left of it.
const BARS_X: u32 = 230;
/// The widest bar; room for the count after it.
const BARS_W: u32 = 450;
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

/// A legend of the four sentiments, as an SVG row.
fn legend(y: u32, lang: Lang) -> Markup {
    html! {
        @for (i, s) in Sentiment::ALL.iter().enumerate() {
            @let x = BARS_X + i as u32 * 120;
            rect x=(x) y=(y) width="14" height="14" fill=(COLOURS[i]) {}
            text x=(x + 20) y=(y + 12) font-size="13" { (lang.sentiment(*s)) }
        }
    }
}

/// The pieces of a bar, (x, width, sentiment, count), and where it ends.
fn segments(bar: &Bar<'_>, max: u64) -> (Vec<(f64, f64, usize, u64)>, f64) {
    let mut x = BARS_X as f64;
    let mut out = Vec::new();
    for (i, &n) in bar.parts.iter().enumerate().filter(|(_, n)| **n > 0) {
        let w = n as f64 * BARS_W as f64 / max as f64;
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
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label=(title)
            viewBox=(format!("0 0 {WIDTH} {height}")) width="100%" {
            title { (title) }
            (legend(4, lang))
            @for (row, bar) in bars.iter().enumerate() {
                @let y = LEGEND + row as u32 * ROW;
                @let total: u64 = bar.parts.iter().sum();
                text x=(BARS_X - 8) y=(y + BAR - 4) font-size="14" text-anchor="end" { (bar.label) }
                @let (segments, end) = segments(bar, max);
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
        // The longest bar (4) is BARS_W wide: 2 of 4 positive is half of it.
        assert!(svg.contains(r#"width="225.0""#), "{svg}");
    }
}
