//! `report.html`: the council's report as one self-contained web page.
//!
//! Inline CSS and inline SVG charts; no script, no font and nothing else
//! from the network: it reads the same offline and as an e-mail attachment,
//! and prints on A4. Rendered with maud, which escapes every value put into
//! the page: an experience's text cannot add markup.
//!
//! The order, as in `report.md`: first screen what the data is (period, how
//! many, from whom), the draft agenda with its ranking rule, and a chart of
//! the themes by volume split by sentiment; then the agenda's quotes, the
//! voices side by side, the trend per quarter, the themes that come
//! together, the breakdowns, the themes one by one with signed and marked
//! quotes, and last the accounting (the ledger, skipped rows, the method,
//! how far to trust the themes). A section that needs a column the input
//! lacks says why it is absent.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::file_name;
use super::lang::{Lang, Section};
use super::svg::{self, COLOURS};
use crate::aggregate::{Dimension, GroupCount, Quote, Summary, ThemeSummary, VoiceAxis};
use crate::engine::Analysis;
use crate::sentiment::Sentiment;

/// Voice differences told with quotes.
const GAPS_TOLD: usize = 3;
/// Quarters per trend table, so that it fits an A4 page.
const QUARTERS_PER_TABLE: usize = 6;
/// Theme pairs listed.
const PAIRS_LISTED: usize = 8;
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
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .3rem; }
p { margin: .4rem 0 .8rem; }
.kicker { margin: 0 0 .1rem; color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; }
table.ledger { width: auto; min-width: 18rem; }
table.top td { vertical-align: middle; }
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
table.agenda td.rank { font-weight: 700; color: var(--accent); width: 2em; }
table.agenda td.who { color: var(--muted); font-size: .9rem; }
table.agenda td.label, table.agenda th { white-space: nowrap; }
.rule { color: var(--muted); font-size: .85rem; margin-top: 0; }
.mark { display: inline-block; font-weight: 700; font-size: .85rem; padding: 0 .45em; border: 1.5px solid; border-radius: 4px; margin-right: .4em; background: #fff; }
blockquote.positief, blockquote.positive { border-left-color: #009E73; }
blockquote.negatief, blockquote.negative { border-left-color: #D55E00; }
blockquote.gemengd, blockquote.mixed { border-left-color: #E69F00; }
blockquote.neutraal, blockquote.neutral { border-left-color: #BBBBBB; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.side blockquote { margin: .2rem 0; }
.gap-line { font-size: 1.05rem; }
.absent { color: var(--muted); font-style: italic; }
.theme .description { font-style: italic; color: var(--muted); }
footer.made { margin-top: 2.5rem; color: var(--muted); font-size: .88rem; border-top: 1px solid var(--line); padding-top: .6rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: auto; }
  h2, h3 { break-after: avoid; }
  table, tr, blockquote, figure, .facts, svg.chart, .theme-head, .keep, .side { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// `report.html` in Dutch, as bytes (see the module docs).
pub fn html(a: &Analysis) -> Vec<u8> {
    html_in(a, Lang::Nl)
}

/// `report.html` in `lang`, as bytes (see the module docs).
pub fn html_in(a: &Analysis, lang: Lang) -> Vec<u8> {
    page(a, lang).into_string().into_bytes()
}

/// The themes by count, `overig` last.
fn theme_order(s: &Summary) -> Vec<&ThemeSummary> {
    let mut order: Vec<&ThemeSummary> = s.themes.iter().collect();
    let overig = order.pop();
    order.sort_by_key(|t| std::cmp::Reverse(t.count));
    order.extend(overig);
    order
}

fn page(a: &Analysis, l: Lang) -> Markup {
    let s = &a.summary;
    let order = theme_order(s);
    html! {
        (DOCTYPE)
        html lang=(l.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (l.t("Leefwereld-rapport: ", "Life-world report: ")) (l.experiences(s.experiences)) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    (first_screen(a, &order, l))
                    (agenda_quotes(s, l))
                    (voices(s, l))
                    (trend(s, &order, l))
                    (pairs(s, l))
                    (breakdowns(s, l))
                    (per_theme(s, &order, l))
                    (accounting(a, l))
                    footer.made { (l.made(s)) }
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
fn group_name(dimension: Dimension, g: &GroupCount, l: Lang) -> String {
    l.group(dimension, &g.group, g.merged)
}

/// A voice's name: a role (plural) or a question.
fn voice_name(s: &Summary, group: &str, l: Lang) -> String {
    match s.voices.axis {
        Some(VoiceAxis::Role) => l.role(group, true).to_string(),
        _ => format!("'{group}'"),
    }
}

/// A section that is absent, and why.
fn absent(reason: &str) -> Markup {
    html! { p.absent { (reason) } }
}

/// What the data is, the agenda, and the themes by volume: the first
/// screen.
fn first_screen(a: &Analysis, order: &[&ThemeSummary], l: Lang) -> Markup {
    let s = &a.summary;
    let roles = s.breakdown(Dimension::Role);
    let locations = s.dimension(Dimension::Location).map_or(0, |d| d.groups);
    let (warn, warn_rest) = l.raw_warning();
    // The column of critical voices, when any point names one.
    let who = s.agenda.points.iter().any(|p| !p.voices.is_empty());
    html! {
        @if a.raw_text {
            p.warning { strong { (warn) } " " (warn_rest) }
        }
        p.kicker { (l.t("Leefwereld-rapport", "Life-world report")) }
        h1 { (l.t("Wat cliënten, naasten en medewerkers vertellen", "What clients, relatives and staff tell")) }
        p.lead {
            (l.t("Dit rapport bundelt ", "This report brings together ")) strong { (l.experiences(s.experiences)) }
            @if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
                (l.t(" van ", " from ")) (l.date(first)) (l.t(" tot en met ", " to ")) (l.date(last))
            }
            (l.t(
                " in thema's uit het dagelijks leven (eten, veiligheid, bejegening, ...): wat als eerste aandacht \
                 vraagt, hoe vaak elk thema genoemd wordt en of dat positief of negatief is.",
                " in themes of daily life (food, safety, how staff treat you, ...): what asks for attention first, \
                 how often each theme is named and whether that is positive or negative."
            ))
        }
        ul.facts {
            li { b { (s.experiences) } span { (l.t("ervaringen", "experiences")) } }
            @if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
                li { b { (l.month_year(first)) " – " (l.month_year(last)) } span { (l.t("periode", "period")) } }
            }
            @match roles {
                Some(b) => li {
                    b { @for (i, g) in b.groups.iter().enumerate() {
                        @if i > 0 { " · " }
                        (group_name(Dimension::Role, g, l)) " " (count_or_below(g.count, s.min_group))
                    } }
                    span { (l.t("van wie", "from whom")) }
                },
                None => li {
                    b { "–" }
                    span { (l.t("van wie: niet bekend (geen kolom met de rol)", "from whom: unknown (no column with the role)")) }
                },
            }
            @if locations > 0 {
                li { b { (locations) } span { (l.t("locaties", "locations")) } }
            }
        }
        section.keep {
            h2 { (l.heading(Section::Agenda)) }
            @if s.agenda.absent.is_none() {
                p.note {
                    (l.t("Waar het gesprek over kan beginnen: de thema's met de meeste kritiek, zwaarste eerst.",
                         "Where the conversation can start: the themes with the most criticism, heaviest first."))
                }
            }
            @match s.agenda.absent {
                Some(why) => (absent(l.absence(why))),
                None => {
                    table.top.agenda {
                        thead { tr {
                            th.n { "#" }
                            th { (l.t("Thema (ervaringen)", "Theme (experiences)")) }
                            th { (l.t("Toon", "Tone")) }
                            @if who { th { (l.t("Vooral kritisch", "Most critical")) } }
                        } }
                        tbody {
                            @for (n, p) in s.agenda.points.iter().enumerate() {
                                tr {
                                    td.n.rank { (n + 1) }
                                    td.label { strong { (l.label_of(s, &p.id)) } " " span.muted { "(" (p.count) ")" } }
                                    td { (split(p.sentiment)) (tone_shares(p.sentiment, l)) }
                                    @if who {
                                        td.who {
                                            @let names: Vec<String> = p.voices.iter().map(|v| voice_name(s, &v.group, l)).collect();
                                            (names.join(", "))
                                        }
                                    }
                                }
                            }
                        }
                    }
                    p.rule {
                        (l.agenda_intro()) " " (l.agenda_rule(s)) "."
                    }
                }
            }
        }
        section.keep {
            h2 { (l.t("Alle thema's naar aantal en toon", "All themes by volume and tone")) }
            p.note {
                (l.t(
                    "Het aantal ervaringen per thema, gekleurd naar hoe erover geschreven wordt; een ervaring kan \
                     over meer thema's gaan.",
                    "The number of experiences per theme, coloured by how they speak of it; one experience can be \
                     about several themes."
                ))
            }
            @let bars: Vec<svg::Bar<'_>> = order.iter().filter(|t| t.count > 0).map(|t| svg::Bar { label: l.label(t), parts: t.sentiment }).collect();
            (svg::sentiment_bars(l.t("Thema's naar aantal ervaringen, gesplitst naar toon", "Themes by number of experiences, split by tone"), &bars, l))
        }
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
fn tone(parts: [u64; 4], l: Lang) -> Markup {
    let order: Vec<usize> = (0..4).filter(|&i| parts[i] > 0).collect();
    html! {
        @for (k, i) in order.iter().enumerate() {
            @if k > 0 { ", " }
            span.tone {
                span.dot style=(format!("background:{}", COLOURS[*i])) {}
                (parts[*i]) " " (l.sentiment(Sentiment::ALL[*i]))
            }
        }
    }
}

/// "18% positief, 76% negatief, ...": as [`tone`], in shares of `parts`.
fn tone_shares(parts: [u64; 4], l: Lang) -> Markup {
    let total = parts.iter().sum::<u64>().max(1) as f64;
    let order: Vec<usize> = (0..4).filter(|&i| parts[i] > 0).collect();
    html! {
        @for (k, i) in order.iter().enumerate() {
            @if k > 0 { ", " }
            span.tone {
                span.dot style=(format!("background:{}", COLOURS[*i])) {}
                (l.percent(parts[*i] as f64 / total)) " " (l.sentiment(Sentiment::ALL[*i]))
            }
        }
    }
}

/// A quote: its sentiment marked with a sign and a word (readable without
/// colour), the text, and its signature.
fn quote(q: &Quote, l: Lang) -> Markup {
    let i = q.sentiment.index();
    let word = l.sentiment(q.sentiment);
    let parts = l.signature(q, |x| x.to_string());
    html! {
        blockquote class=(word) {
            p {
                span.mark style=(format!("border-color:{}", COLOURS[i])) { (Lang::sign(q.sentiment)) " " (word) }
                (q.text.as_str())
            }
            footer { "— " (parts.join(" · ")) }
        }
    }
}

/// The agenda's points with what goes well and what could be better.
fn agenda_quotes(s: &Summary, l: Lang) -> Markup {
    html! {
        @if s.agenda.absent.is_none() && !s.agenda.points.is_empty() {
            h2 { (l.t("De agenda: wat goed gaat en wat beter kan", "The agenda: what goes well and what could be better")) }
            @for (n, p) in s.agenda.points.iter().enumerate() {
                section.theme {
                    div.theme-head {
                        h3 { (n + 1) ". " (l.label_of(s, &p.id)) }
                        p.muted {
                            (l.experiences(p.count)) ": "
                            (p.sentiment[1]) " " (l.sentiment(Sentiment::Negatief)) ", "
                            (p.sentiment[2]) " " (l.sentiment(Sentiment::Gemengd)) ", "
                            (p.sentiment[0]) " " (l.sentiment(Sentiment::Positief))
                            " (score " (l.decimal(p.score)) ")"
                        }
                        @if !p.voices.is_empty() {
                            p {
                                (l.t("Wie zegt het: ", "Who says so: "))
                                @for (i, v) in p.voices.iter().enumerate() {
                                    @if i > 0 { ", " }
                                    (voice_name(s, &v.group, l)) " (" (v.critical) (l.t(" van ", " of ")) (v.count)
                                    (l.t(" kritisch", " critical")) ")"
                                }
                                "."
                            }
                        }
                    }
                    div.side {
                        div {
                            p { strong { (l.t("Wat goed gaat", "What goes well")) } }
                            @match &p.goes_well {
                                Some(q) => (quote(q, l)),
                                None => p.absent { (l.t("Geen positief citaat.", "No positive quote.")) },
                            }
                        }
                        div {
                            p { strong { (l.t("Wat beter kan", "What could be better")) } }
                            @for q in &p.could_be_better { (quote(q, l)) }
                        }
                    }
                }
            }
        }
    }
}

/// The voices side by side, and where they differ most.
fn voices(s: &Summary, l: Lang) -> Markup {
    let v = &s.voices;
    let by_question = v.axis == Some(VoiceAxis::Question);
    let gaps = v.by_gap();
    html! {
        h2 { (l.heading(Section::Voices)) }
        @if let Some(why) = v.absent {
            (absent(l.absence(why)))
        } @else {
            @if by_question {
                p {
                    (l.t("De invoer zegt niet wie schreef; de vragen staan hier naast elkaar:",
                         "The input does not say who wrote; the questions stand side by side here:"))
                }
                ul { @for (i, g) in v.groups.iter().enumerate() { li { (l.t("Vraag ", "Question ")) (i + 1) ": '" (g) "'" } } }
            } @else {
                p { (l.t("Wat cliënten, naasten en medewerkers over elk thema zeggen.",
                         "What clients, relatives and staff say about each theme.")) }
            }
            p.note {
                (l.t("Per stem het aantal ervaringen en daarvan het aandeel negatief over het thema; \"< ",
                     "Per voice the number of experiences and the share of them negative about the theme; \"< "))
                (s.min_group)
                (l.t("\" is een te kleine groep om te tonen.", "\" is a group too small to show."))
            }
            table {
                thead { tr {
                    th { (l.t("Thema", "Theme")) }
                    @for (i, g) in v.groups.iter().enumerate() {
                        th.n { @if by_question { (l.t("Vraag ", "Question ")) (i + 1) } @else { (l.role(g, true)) } }
                    }
                } }
                tbody {
                    @for t in &v.themes {
                        tr {
                            td { (l.label_of(s, &t.id)) }
                            @for x in &t.voices {
                                td.n {
                                    @match (x.count, x.share(Sentiment::Negatief)) {
                                        (Some(0), _) => "0",
                                        (Some(n), Some(neg)) => { (n) " · " (l.percent(neg)) " " (l.sentiment(Sentiment::Negatief)) },
                                        (Some(n), None) => { (n) " · " (l.sentiment(Sentiment::Negatief)) " < " (s.min_group) },
                                        (None, _) => { "< " (s.min_group) },
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h3 { (l.heading(Section::Gaps)) }
            @if gaps.is_empty() {
                p.absent {
                    (l.t("Geen thema met genoeg ervaringen van twee stemmen (elk minstens ",
                         "No theme with enough experiences from two voices (each at least "))
                    (crate::aggregate::GAP_MIN_SUPPORT.max(s.min_group))
                    (l.t(") om hun verschil te meten.", ") to measure their difference."))
                }
            } @else {
                p.note {
                    (l.t("Hier kan het gesprek tussen cliënten en medewerkers beginnen (stap 4 van PARTNER).",
                         "This is where the conversation between clients and staff can start (step 4 of PARTNER)."))
                }
                @for t in gaps.into_iter().take(GAPS_TOLD) {
                    @if let Some(g) = &t.gap {
                        div.keep {
                            p.gap-line {
                                strong { (l.label_of(s, &t.id)) } ": "
                                (voice_name(s, &g.higher, l)) " " (l.percent(g.higher_share)) " " (l.sentiment(Sentiment::Negatief))
                                ", " (voice_name(s, &g.lower, l)) " " (l.percent(g.lower_share)) " " (l.sentiment(Sentiment::Negatief)) "."
                            }
                            div.side {
                                @for x in t.voices.iter().filter(|x| x.group == g.higher || x.group == g.lower) {
                                    @if let Some(q) = &x.quote { div { (quote(q, l)) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Per quarter per theme its count and negative share.
fn trend(s: &Summary, order: &[&ThemeSummary], l: Lang) -> Markup {
    html! {
        div.keep {
        h2 { (l.heading(Section::Trend)) }
        @if let Some(why) = s.trend.absent {
            (absent(l.absence(why)))
        } @else {
            p.note {
                (l.t("Per kwartaal per thema het aantal ervaringen en daarvan het aandeel negatief; \"< ",
                     "Per quarter per theme the number of experiences and the share of them negative; \"< "))
                (s.min_group)
                (l.t("\" is te klein om te tonen.", "\" is too small to show."))
            }
            @for chunk in s.trend.periods.chunks(QUARTERS_PER_TABLE) {
                table {
                    thead { tr {
                        th { (l.t("Thema", "Theme")) }
                        @for p in chunk { th.n { (l.quarter(&p.period)) } }
                    } }
                    tbody {
                        tr {
                            td { em { (l.t("Alle ervaringen", "All experiences")) } }
                            @for p in chunk { td.n { (count_or_below(p.count, s.min_group)) } }
                        }
                        @for t in order.iter().filter(|t| t.count > 0) {
                            @if let Some(i) = s.themes.iter().position(|x| x.id == t.id) {
                                tr {
                                    td { (l.label(t)) }
                                    @for p in chunk {
                                        @let c = p.themes[i];
                                        td.n {
                                            @match (c.count, c.negative_share()) {
                                                (Some(0), _) => "0",
                                                (Some(n), Some(neg)) => { (n) " · " (l.percent(neg)) },
                                                (n, _) => (count_or_below(n, s.min_group)),
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
    }
}

/// Themes named in the same experience.
fn pairs(s: &Summary, l: Lang) -> Markup {
    html! {
        @if !s.pairs.is_empty() {
            section.keep {
                h2 { (l.heading(Section::Pairs)) }
                table {
                    thead { tr {
                        th { (l.t("Thema's in dezelfde ervaring", "Themes in the same experience")) }
                        th.n { (l.t("Ervaringen", "Experiences")) }
                    } }
                    tbody {
                        @for p in s.pairs.iter().take(PAIRS_LISTED) {
                            tr { td { (l.label_of(s, &p.a)) " + " (l.label_of(s, &p.b)) } td.n { (p.count) } }
                        }
                    }
                }
            }
        }
    }
}

/// One narrow table per breakdown, as in report.md.
fn breakdowns(s: &Summary, l: Lang) -> Markup {
    let below = format!("< {}", s.min_group);
    html! {
        @if !s.breakdowns.is_empty() {
            @for (k, b) in s.breakdowns.iter().enumerate() {
            div.keep {
            @if k == 0 {
            h2 { (l.heading(Section::Breakdowns)) }
            p.note {
                (l.t("Per groep het aantal ervaringen en de ", "Per group the number of experiences and the "))
                (TOP_THEMES)
                (l.t(" thema's die er het meest voorkomen. Groepen van minder dan ",
                     " themes named most in it. Groups of fewer than "))
                (s.min_group)
                (l.t(" ervaringen staan samen onder ", " experiences stand together under "))
                em { (l.small_groups_name()) }
                (l.t(" en worden niet geciteerd; aantallen onder de ", " and are not quoted; counts below "))
                (s.min_group)
                (l.t(" staan als \"", " stand as \"")) (below)
                (l.t("\", zodat niemand te herleiden is.", "\", so that no one can be traced."))
            }
            }
                h3 { (l.dimension(b.dimension)) }
                table {
                    thead { tr {
                        th { (l.dimension(b.dimension)) }
                        th.n { (l.t("Ervaringen", "Experiences")) }
                        th { (l.t("Meest genoemd", "Named most")) }
                    } }
                    tbody {
                        @for g in &b.groups {
                            tr {
                                td { (group_name(b.dimension, g, l)) }
                                td.n {
                                    @match g.count {
                                        Some(n) => { (n) " (" (l.percent(n as f64 / s.experiences.max(1) as f64)) ")" },
                                        None => (below),
                                    }
                                }
                                td { (top_themes(s, g, &below, l)) }
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
fn top_themes(s: &Summary, g: &GroupCount, below: &str, l: Lang) -> String {
    let Some(n) = g.count else { return "–".into() };
    let mut cells: Vec<(usize, u64)> =
        g.themes.iter().enumerate().filter_map(|(i, c)| c.filter(|&c| c > 0).map(|c| (i, c))).collect();
    cells.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let named: Vec<String> = cells
        .iter()
        .take(TOP_THEMES)
        .map(|&(i, c)| format!("{} {c} ({})", l.label(&s.themes[i]), l.percent(c as f64 / n as f64)))
        .collect();
    if named.is_empty() { format!("– ({} {below})", l.t("elk thema", "every theme")) } else { named.join(", ") }
}

/// Each theme with its description, sentiment and quotes.
fn per_theme(s: &Summary, order: &[&ThemeSummary], l: Lang) -> Markup {
    html! {
        h2 { (l.heading(Section::PerTheme)) }
        @for t in order.iter().filter(|t| t.count > 0) {
            section.theme {
                div.theme-head {
                    h3 { (l.label(t)) " " span.muted { "(" (l.experiences(t.count)) ", " (l.percent(t.share)) ")" } }
                    @if l == Lang::Nl && !t.description.is_empty() { p.description { (t.description) } }
                    p { (split(t.sentiment)) (tone(t.sentiment, l)) }
                }
                @for q in &t.quotes { (quote(q, l)) }
                @if t.withheld > 0 {
                    p.note { (l.withheld(t, s.min_group)) }
                }
            }
        }
    }
}

/// The ledger, the method and how far to trust the themes.
fn accounting(a: &Analysis, l: Lang) -> Markup {
    let s = &a.summary;
    let ledger = &a.ledger;
    let (trust_head, trust) = l.trust(a);
    let (tone_head, tone_text) = l.tone_method();
    let (quotes_head, quotes_text) = l.quote_method(s.min_group);
    let (verdicts_head, verdicts) = l.short_verdicts(s);
    html! {
        h2 { (l.heading(Section::Accounting)) }
        table.ledger {
            colgroup { col; col; }
            tbody {
                tr { th { (l.t("Rijen gelezen", "Rows read")) } td.n { (ledger.rows_read) } }
                tr { th { (l.t("Geanalyseerd", "Analysed")) } td.n { (ledger.analysed) } }
                tr { th { (l.t("Overgeslagen", "Skipped")) } td.n { (ledger.skipped.len()) } }
            }
        }
        ul {
            @for i in &ledger.inputs {
                li { (l.t("Gelezen: ", "Read: ")) (file_name(&i.file)) " (" (i.encoding) ", " (l.rows(i.rows_read)) ")" }
            }
            @for (question, n) in ledger.non_answers.iter().filter(|(_, n)| *n > 0) {
                li {
                    (l.t("Vraag '", "Question '")) (question) "': " (l.empty_answers(*n))
                    (l.t(" (nvt, geen, weet ik niet, ...), niet meegeteld als ervaring",
                         " (nvt, geen, weet ik niet, ...), not counted as an experience"))
                }
            }
        }
        @if !ledger.skipped.is_empty() {
            h3 { (l.t("Overgeslagen rijen", "Skipped rows")) }
            ul {
                @for sk in ledger.skipped.iter().take(SKIPPED_LISTED) {
                    li { (file_name(&sk.file)) (l.t(" regel ", " line ")) (sk.line) ": " (l.skip_reason(&sk.reason)) }
                }
                @if ledger.skipped.len() > SKIPPED_LISTED {
                    li { (l.t("... en nog ", "... and ")) (ledger.skipped.len() - SKIPPED_LISTED) (l.t(" (zie report.json)", " more (see report.json)")) }
                }
            }
        }
        @if s.short_verdicts.count > 0 {
            p { strong { (verdicts_head) } " " (verdicts) }
        }
        h3 { (l.t("Methode", "Method")) }
        p {
            (l.t("De thema's zijn toegekend met de woordenlijsten van de taxonomie ",
                 "The themes were assigned with the word lists of the taxonomy "))
            em { (a.taxonomy) }
            (l.t(". De aandelen tellen op tot meer dan 100%, want een ervaring kan over meer thema's gaan.",
                 ". The shares add up to more than 100%, because one experience can be about several themes."))
            @if !a.raw_text { " " (l.placeholders()) }
        }
        p { strong { (tone_head) } " " (tone_text) }
        p { strong { (quotes_head) } " " (quotes_text) }
        p { strong { (trust_head) } " " (trust) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysis(texts: &[(&str, &str, &str)]) -> Analysis {
        use crate::{AnalyseOptions, Engine, Experience, Role, Taxonomy};
        let engine = Engine::new(Taxonomy::default()).unwrap();
        let experiences = texts.iter().cycle().take(texts.len() * 6).enumerate().map(|(i, (t, r, d))| {
            let e = Experience::new(format!("E{i}"), format!("{t} ({i})"));
            let e = match Role::from_value(r) {
                Some(role) => e.with_role(role),
                None => e,
            };
            e.with_date(d)
        });
        engine.analyse(experiences, &AnalyseOptions::default()).unwrap()
    }

    const TEXTS: [(&str, &str, &str); 6] = [
        ("De soep was weer lauw en het avondeten komt te laat.", "cliënt", "2025-01-10"),
        ("Ik voel me 's nachts niet veilig, de bel wordt niet beantwoord.", "cliënt", "2025-04-10"),
        ("Het eten is lekker, maar 's nachts voel ik me niet veilig.", "familie", "2025-01-10"),
        ("<b>Mijn moeder</b> wordt als een kind toegesproken door de invalkracht.", "familie", "2025-04-10"),
        ("De zorg is goed geregeld, de arts komt op tijd.", "medewerker", "2025-01-10"),
        ("Te weinig personeel, we rennen de hele dag.", "medewerker", "2025-04-10"),
    ];

    #[test]
    fn sections_come_in_the_order_of_the_issue_and_quotes_are_marked() {
        let page = String::from_utf8(html(&analysis(&TEXTS))).unwrap();
        let l = Lang::Nl;
        let order = [
            l.heading(Section::Agenda),
            "Alle thema's naar aantal en toon",
            l.heading(Section::Voices),
            l.heading(Section::Trend),
            l.heading(Section::PerTheme),
            l.heading(Section::Accounting),
        ];
        let at: Vec<usize> =
            order.iter().map(|h| page.find(&format!("{h}</h2>")).unwrap_or_else(|| panic!("{h} in {page}"))).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        assert!(page.contains(l.heading(Section::Gaps)));
        // The marker reads without colour: a sign and a word.
        assert!(page.contains("− negatief</span>"), "{page}");
        assert!(!page.contains("<b>Mijn"), "{page}");
        assert!(!page.contains("<script"));
    }

    #[test]
    fn missing_columns_say_why_their_sections_are_absent() {
        let texts: Vec<(&str, &str, &str)> = TEXTS.iter().map(|(t, _, _)| (*t, "", "")).collect();
        let page = String::from_utf8(html(&analysis(&texts))).unwrap();
        let why = |a: crate::aggregate::Absence| maud::html! { (a.reason()) }.into_string();
        assert!(page.contains(&why(crate::aggregate::Absence::NoDates)), "{page}");
        assert!(page.contains(&why(crate::aggregate::Absence::NoRoleOneQuestion)), "{page}");
    }
}
