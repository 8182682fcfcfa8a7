//! `report.html`: the council's report as one self-contained web page.
//!
//! Inline CSS and inline SVG charts; no script, no font and nothing else
//! from the network: it reads the same offline and as an e-mail attachment,
//! and prints on A4. Rendered with maud, which escapes every value put into
//! the page: an experience's text cannot add markup.
//!
//! The order: what the data is (period, how many, from whom), what stands
//! out, a chart of the themes by volume split by sentiment; then the
//! breakdowns, the themes one by one with quotes, and last the accounting
//! (the ledger, skipped rows, the method, how far to trust the themes).

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::markdown::{dutch_date, plural, reason_nl};
use super::svg::{self, COLOURS, sentiment_nl};
use super::{file_name, percent};
use crate::aggregate::{Dimension, GroupCount, SMALL_GROUPS, Summary, ThemeSummary, UNKNOWN_GROUP};
use crate::engine::Analysis;
use crate::sentiment::Sentiment;

/// Themes named on the first screen.
const FIRST_SCREEN_THEMES: usize = 5;
/// Skipped rows listed by line before the list is cut short.
const SKIPPED_LISTED: usize = 20;
/// Themes named per group in a breakdown table.
const TOP_THEMES: usize = 3;

/// The style sheet: readable on a screen, and on A4 paper without cut
/// tables or quotes.
const CSS: &str = r#"
:root { --ink: #1d2330; --muted: #5b6472; --line: #d9dde3; --accent: #1f5f8b; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .3rem; }
p { margin: .4rem 0 .8rem; }
.kicker { margin: 0 0 .1rem; color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; }
table.ledger { width: auto; min-width: 18rem; }
table.top td { vertical-align: middle; }
table.top td:last-child { white-space: nowrap; }
.lead { font-size: 1.1rem; color: var(--ink); max-width: 46em; }
.muted, .note { color: var(--muted); font-size: .92rem; }
.warning { background: #fff4e5; border-left: 5px solid #D55E00; padding: .6rem 1rem; margin: 0 0 1rem; }
.facts { display: flex; flex-wrap: wrap; gap: 8px; margin: .8rem 0 .4rem; padding: 0; list-style: none; }
.facts li { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .35rem .7rem; }
.facts b { display: block; font-size: 1.15rem; line-height: 1.25; }
.facts span { color: var(--muted); font-size: .88rem; }
.split { display: inline-flex; height: 12px; width: 110px; vertical-align: middle; margin-right: .5rem; background: var(--bg); border-radius: 2px; overflow: hidden; }
.split i { display: block; height: 100%; }
.tone { white-space: nowrap; }
.dot { display: inline-block; width: .7em; height: .7em; border-radius: 50%; margin: 0 .2em 0 .3em; vertical-align: baseline; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; fill: var(--ink); }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
blockquote { margin: .6rem 0; padding: .5rem .9rem; border-left: 4px solid var(--accent); background: var(--bg); }
blockquote footer { color: var(--muted); font-size: .88rem; margin-top: .2rem; }
.theme { margin-bottom: 1.4rem; }
.theme .description { font-style: italic; color: var(--muted); }
footer.made { margin-top: 2.5rem; color: var(--muted); font-size: .88rem; border-top: 1px solid var(--line); padding-top: .6rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: auto; }
  h2, h3 { break-after: avoid; }
  table, tr, blockquote, figure, .facts, svg.chart, .theme-head, .keep { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// `report.html` as bytes (see the module docs).
pub fn html(a: &Analysis) -> Vec<u8> {
    page(a).into_string().into_bytes()
}

/// The themes by count, `overig` last.
fn theme_order(s: &Summary) -> Vec<&ThemeSummary> {
    let mut order: Vec<&ThemeSummary> = s.themes.iter().collect();
    let overig = order.pop();
    order.sort_by_key(|t| std::cmp::Reverse(t.count));
    order.extend(overig);
    order
}

fn page(a: &Analysis) -> Markup {
    let s = &a.summary;
    let order = theme_order(s);
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Leefwereld-rapport: " (plural(s.experiences, "ervaring", "ervaringen")) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    (first_screen(a, &order))
                    // The voices side by side and the trend over time go
                    // here, when the aggregation gives them; until then the
                    // breakdowns as report.md shows them.
                    (breakdowns(s))
                    (per_theme(s, &order))
                    (accounting(a))
                    footer.made {
                        "Gemaakt op " (dutch_date(&s.made_on)) " met leefwereld " (env!("CARGO_PKG_VERSION")) "."
                    }
                }
            }
        }
    }
}

/// A count of a group, or "< N" below the minimum.
fn count_or_below(count: Option<u64>, min_group: u64) -> String {
    count.map_or_else(|| format!("< {min_group}"), |n| n.to_string())
}

/// A group's name as shown.
fn group_name(dimension: Dimension, g: &GroupCount) -> String {
    match g.merged {
        0 if dimension == Dimension::Role => role_nl(&g.group, true).to_string(),
        0 if g.group == UNKNOWN_GROUP => "(onbekend)".to_string(),
        0 => g.group.clone(),
        n => format!("{} ({})", SMALL_GROUPS, plural(n, "groep", "groepen")),
    }
}

/// A role id in Dutch, in the plural or not.
fn role_nl(id: &str, plural: bool) -> &str {
    match (id, plural) {
        ("client", false) => "cliënt",
        ("client", true) => "cliënten",
        ("naaste", true) => "naasten",
        ("medewerker", true) => "medewerkers",
        (other, _) => other,
    }
}

/// What the data is, and what stands out: the first screen.
fn first_screen(a: &Analysis, order: &[&ThemeSummary]) -> Markup {
    let s = &a.summary;
    let of = |d: Dimension| s.breakdowns.iter().find(|b| b.dimension == d);
    let roles = of(Dimension::Role);
    let locations = of(Dimension::Location)
        .map(|b| b.groups.iter().filter(|g| g.group != UNKNOWN_GROUP).map(|g| g.merged.max(1)).sum::<u64>());
    let themed: Vec<&ThemeSummary> = order.iter().copied().filter(|t| t.id != crate::theme::OVERIG).collect();
    html! {
        @if a.raw_text {
            p.warning {
                strong { "Let op: dit rapport bevat ruwe tekst." }
                " Het is gemaakt met --raw-text: citaten kunnen namen, telefoonnummers en andere persoonsgegevens \
                 bevatten. Deel het niet buiten wie dat mag zien."
            }
        }
        p.kicker { "Leefwereld-rapport" }
        h1 { "Wat cliënten, naasten en medewerkers vertellen" }
        p.lead {
            "Dit rapport bundelt " strong { (plural(s.experiences, "ervaring", "ervaringen")) }
            @if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
                " van " (dutch_date(first)) " tot en met " (dutch_date(last))
            }
            " in thema's uit het dagelijks leven (eten, veiligheid, bejegening, ...): hoe vaak elk thema genoemd \
             wordt, of dat positief of negatief is, en wat mensen er zelf over schrijven."
        }
        ul.facts {
            li { b { (s.experiences) } span { "ervaringen" } }
            @if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
                li { b { (month_year(first)) " – " (month_year(last)) } span { "periode" } }
            }
            @match roles {
                Some(b) => li {
                    b { @for (i, g) in b.groups.iter().enumerate() {
                        @if i > 0 { " · " }
                        (group_name(Dimension::Role, g)) " " (count_or_below(g.count, s.min_group))
                    } }
                    span { "van wie" }
                },
                None => li { b { "–" } span { "van wie: niet bekend (geen kolom met de rol)" } },
            }
            @if let Some(n) = locations {
                li { b { (n) } span { "locaties" } }
            }
        }
        // The draft improvement agenda (verbeteragenda) goes here when the
        // aggregation gives it; until then the themes named most, with
        // their sentiment.
        section.keep {
            h2 { "De " (FIRST_SCREEN_THEMES) " meest genoemde thema's" }
            table.top {
                thead { tr { th { "Thema" } th.n { "Ervaringen" } th { "Toon" } } }
                tbody {
                    @for t in themed.iter().filter(|t| t.count > 0).take(FIRST_SCREEN_THEMES) {
                        tr {
                            td { strong { (t.label) } }
                            td.n { (t.count) " (" (percent(t.share)) ")" }
                            td { (split(t.sentiment)) (tone(t.sentiment)) }
                        }
                    }
                }
            }
        }
        section.keep {
            h2 { "Alle thema's naar aantal en toon" }
            p.note {
                "Het aantal ervaringen per thema, gekleurd naar hoe erover geschreven wordt; een ervaring kan \
                 over meer thema's gaan."
            }
            @let bars: Vec<svg::Bar<'_>> = order.iter().filter(|t| t.count > 0).map(|t| svg::Bar { label: &t.label, parts: t.sentiment }).collect();
            (svg::sentiment_bars("Thema's naar aantal ervaringen, gesplitst naar toon", &bars))
        }
    }
}

/// `2025-01-03` -> "jan 2025".
fn month_year(iso: &str) -> String {
    let short = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
    match (iso.get(..4), iso.get(5..7).and_then(|m| m.parse::<usize>().ok())) {
        (Some(y), Some(m @ 1..=12)) => format!("{} {y}", short[m - 1]),
        _ => iso.to_string(),
    }
}

/// A small bar of the sentiment split.
fn split(parts: [u64; 4]) -> Markup {
    let total: u64 = parts.iter().sum::<u64>().max(1);
    html! {
        span.split aria-hidden="true" {
            @for (i, n) in parts.iter().enumerate() {
                @if *n > 0 {
                    i style=(format!("width:{:.1}%;background:{}", *n as f64 * 100.0 / total as f64, COLOURS[i])) {}
                }
            }
        }
    }
}

/// "3 positief, 12 negatief, ...", in the order of the legend (the colours
/// stand in the same place everywhere), with coloured dots.
fn tone(parts: [u64; 4]) -> Markup {
    let order: Vec<usize> = (0..4).filter(|&i| parts[i] > 0).collect();
    html! {
        @for (k, i) in order.iter().enumerate() {
            span.tone {
                @if k > 0 { ", " }
                span.dot style=(format!("background:{}", COLOURS[*i])) {}
                (parts[*i]) " " (sentiment_nl(Sentiment::ALL[*i]))
            }
        }
    }
}

/// One narrow table per breakdown, as in report.md.
fn breakdowns(s: &Summary) -> Markup {
    let below = format!("< {}", s.min_group);
    html! {
        @if !s.breakdowns.is_empty() {
            @for (k, b) in s.breakdowns.iter().enumerate() {
            div.keep {
            @if k == 0 {
            h2 { "Uitsplitsingen" }
            p.note {
                "Per groep het aantal ervaringen en de " (TOP_THEMES) " thema's die er het meest voorkomen. Groepen \
                 van minder dan " (s.min_group) " ervaringen staan samen onder " em { (SMALL_GROUPS) } " en worden \
                 niet geciteerd; aantallen onder de " (s.min_group) " staan als \"" (below) "\", zodat niemand te \
                 herleiden is."
            }
            }
                h3 { (b.dimension.label()) }
                table {
                    thead { tr { th { (b.dimension.label()) } th.n { "Ervaringen" } th { "Meest genoemd" } } }
                    tbody {
                        @for g in &b.groups {
                            tr {
                                td { (group_name(b.dimension, g)) }
                                td.n {
                                    @match g.count {
                                        Some(n) => { (n) " (" (percent(n as f64 / s.experiences.max(1) as f64)) ")" },
                                        None => (below),
                                    }
                                }
                                td { (top_themes(s, g, &below)) }
                            }
                        }
                    }
                }
            }
            }
        }
    }
}

/// The themes named most in a group, with their share of it.
fn top_themes(s: &Summary, g: &GroupCount, below: &str) -> String {
    let Some(n) = g.count else { return "–".into() };
    let mut cells: Vec<(usize, u64)> =
        g.themes.iter().enumerate().filter_map(|(i, c)| c.filter(|&c| c > 0).map(|c| (i, c))).collect();
    cells.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let named: Vec<String> = cells
        .iter()
        .take(TOP_THEMES)
        .map(|&(i, c)| format!("{} {c} ({})", s.themes[i].label, percent(c as f64 / n as f64)))
        .collect();
    if named.is_empty() { format!("– (elk thema {below})") } else { named.join(", ") }
}

/// Each theme with its description, sentiment and quotes.
fn per_theme(s: &Summary, order: &[&ThemeSummary]) -> Markup {
    html! {
        h2 { "Per thema" }
        @for t in order.iter().filter(|t| t.count > 0) {
            section.theme {
                div.theme-head {
                    h3 { (t.label) " " span.muted { "(" (plural(t.count, "ervaring", "ervaringen")) ", " (percent(t.share)) ")" } }
                    @if !t.description.is_empty() { p.description { (t.description) } }
                    p { (split(t.sentiment)) (tone(t.sentiment)) }
                }
                @for q in &t.quotes {
                    blockquote {
                        p { (q.text.as_str()) }
                        footer { "— ervaring " (q.id) }
                    }
                }
                @if t.withheld > 0 {
                    p.note { (withheld(t, s.min_group)) }
                }
            }
        }
    }
}

/// Why quotes were left out.
fn withheld(t: &ThemeSummary, min_group: u64) -> String {
    let (n, one) = (t.withheld, t.withheld == 1);
    let what = match (t.quotes.is_empty(), one) {
        (true, true) => "Geen citaten: 1 ervaring komt".to_string(),
        (true, false) => format!("Geen citaten: {n} ervaringen komen"),
        (false, true) => "1 ander citaat overgeslagen: het komt".to_string(),
        (false, false) => format!("{n} andere citaten overgeslagen: ze komen"),
    };
    format!(
        "{what} uit een groep van minder dan {min_group} ervaringen (naar locatie, wie, sector, periode of vraag), \
         zodat niemand te herkennen is."
    )
}

/// The ledger, the method and how far to trust the themes.
fn accounting(a: &Analysis) -> Markup {
    let s = &a.summary;
    let l = &a.ledger;
    let v = s.short_verdicts;
    html! {
        h2 { "Verantwoording" }
        table.ledger {
            colgroup { col; col; }
            tbody {
                tr { th { "Rijen gelezen" } td.n { (l.rows_read) } }
                tr { th { "Geanalyseerd" } td.n { (l.analysed) } }
                tr { th { "Overgeslagen" } td.n { (l.skipped.len()) } }
            }
        }
        ul {
            @for i in &l.inputs {
                li { "Gelezen: " (file_name(&i.file)) " (" (i.encoding) ", " (plural(i.rows_read, "rij", "rijen")) ")" }
            }
            @for (question, n) in l.non_answers.iter().filter(|(_, n)| *n > 0) {
                li {
                    "Vraag '" (question) "': " (plural(*n, "leeg antwoord", "lege antwoorden"))
                    " (nvt, geen, weet ik niet, ...), niet meegeteld als ervaring"
                }
            }
        }
        @if !l.skipped.is_empty() {
            h3 { "Overgeslagen rijen" }
            ul {
                @for sk in l.skipped.iter().take(SKIPPED_LISTED) {
                    li { (file_name(&sk.file)) " regel " (sk.line) ": " (reason_nl(&sk.reason)) }
                }
                @if l.skipped.len() > SKIPPED_LISTED {
                    li { "... en nog " (l.skipped.len() - SKIPPED_LISTED) " (zie report.json)" }
                }
            }
        }
        @if v.count > 0 {
            p {
                strong { "Korte oordelen zonder onderwerp: " }
                (plural(v.count, "antwoord", "antwoorden")) " (" (v.positive) " positief, " (v.negative) " negatief, "
                (v.count - v.positive - v.negative) " anders), zoals \"prima\" of \"alles goed\": een antwoord van \
                 hooguit " (crate::aggregate::SHORT_VERDICT_WORDS) " woorden dat een oordeel geeft maar niet zegt \
                 waarover. Ze staan niet onder Overig, dat is voor onderwerpen buiten de taxonomie."
            }
        }
        h3 { "Methode" }
        p {
            "De thema's zijn toegekend met de woordenlijsten van de taxonomie " em { (a.taxonomy) } "; de toon \
             (positief, negatief, gemengd, neutraal) met een woordenlijst van waarderende woorden, met ontkenning \
             en 'maar'. De aandelen tellen op tot meer dan 100%, want een ervaring kan over meer thema's gaan."
            @if !a.raw_text {
                " Persoonsgegevens in citaten zijn vervangen: namen door [NAAM-1], [NAAM-2], ... (binnen één citaat \
                 houdt dezelfde persoon hetzelfde nummer), en verder [TELEFOON], [EMAIL], [URL], [ADRES], [DATUM], \
                 [LEEFTIJD], [BSN] en [IBAN]."
            }
        }
        p {
            strong { "Hoe zeker zijn de thema's? " }
            "De tool leest niet zoals een mens. "
            @match &a.quality {
                Some(q) => {
                    "Gemeten op " (q.n) " proefervaringen die met de hand zijn gecodeerd en niet zijn gebruikt om de \
                     lijsten te maken: van de thema's die een zorgvuldige lezer ziet, vond de tool er "
                    (percent(q.micro_recall)) "; van de thema's die de tool gaf, was " (percent(q.micro_precision))
                    " juist. Twee andere lezers kwamen bij een deel ervan op " (percent(q.annotator_macro_f1))
                    " overeenstemming (F1) met die codering. Lees de aantallen daarom als richting, niet als meting, \
                     en lees bij elk thema de citaten."
                },
                None => {
                    "Voor deze taxonomie is niet gemeten hoe vaak dat klopt (meet het met leefwereld evaluate op \
                     ervaringen die u met de hand codeert). Lees de aantallen als richting en lees bij elk thema de \
                     citaten."
                },
            }
        }
    }
}
