//! `report.md`: a report a client council can read, in Dutch (or in English
//! with [`Lang::En`]).

use std::fmt::Write;

use super::file_name;
use super::lang::{Lang, Section};
use crate::aggregate::{Breakdown, Dimension, GroupCount, Quote, Summary, ThemeSummary, VoiceAxis};
use crate::engine::Analysis;
use crate::ledger::{Ledger, SkipReason, Skipped};
use crate::sentiment::Sentiment;

/// Skipped rows listed by line before the list is cut short.
const SKIPPED_LISTED: usize = 20;
/// Themes named per group in a breakdown table (the full table is in
/// `report.json`).
const TOP_THEMES: usize = 2;

/// Why a row was skipped, in Dutch (the stable code stays in `report.json`).
pub(crate) fn reason_nl(reason: &SkipReason) -> String {
    match reason {
        SkipReason::EmptyText => "leeg antwoord".into(),
        SkipReason::NoContent { question } => {
            format!("geen inhoud: het antwoord op '{question}' zegt niets (nvt, geen, -)")
        }
        SkipReason::FieldCount { found, expected } => {
            format!(
                "de rij heeft {found} velden, de kopregel {expected} (een scheidingsteken in de tekst zonder aanhalingstekens?)"
            )
        }
        SkipReason::TooLong { bytes, limit } => format!("tekst van {bytes} bytes, langer dan de grens van {limit}"),
        SkipReason::Duplicate { first_line } => format!("precies dezelfde rij als op regel {first_line}"),
        SkipReason::UnclosedQuote { last_line } => format!(
            "een aanhalingsteken in deze rij wordt niet gesloten: alles tot regel {last_line} werd als één veld gelezen"
        ),
        SkipReason::InvalidJson { .. } => "geen geldig JSON-object".into(),
        SkipReason::MissingField { .. } => "het tekstveld ontbreekt".into(),
        SkipReason::Undecodable { column, .. } => {
            format!("kolom '{column}' is geen geldige tekst in deze codering (probeer --encoding windows-1252)")
        }
    }
}

/// `report.md` in Dutch (see [`markdown_in`]).
pub fn markdown(a: &Analysis) -> String {
    markdown_in(a, Lang::Nl)
}

/// `report.md` as text in `lang`, in the order a council reads it: what the
/// data is, the draft agenda, themes by volume with their sentiment, the
/// voices side by side, the trend, the breakdowns, per theme its quotes, and
/// last the accounting. Tables stay within about [`MAX_TABLE_WIDTH`]
/// characters a line; texts from the input are escaped so they cannot break
/// a table.
pub fn markdown_in(a: &Analysis, lang: Lang) -> String {
    let mut o = String::new();
    let s = &a.summary;
    let l = lang;
    let _ = writeln!(o, "# {}\n", l.t("Leefwereld-rapport", "Life-world report"));
    if a.raw_text {
        let (bold, rest) = l.raw_warning();
        let _ = writeln!(o, "> **{bold}** {}\n", rest.replace("--raw-text", "`--raw-text`"));
    }
    about(&mut o, a, l);
    agenda(&mut o, s, l);
    themes(&mut o, s, l);
    voices(&mut o, s, l);
    trend(&mut o, s, l);
    pairs(&mut o, s, l);
    breakdowns(&mut o, s, l);
    per_theme(&mut o, s, l);
    accounting(&mut o, a, l);
    let _ = writeln!(o, "---\n{}", l.made(s));
    o
}

/// Lines of a table are kept within this many characters (a page).
pub const MAX_TABLE_WIDTH: usize = 100;
/// Longest group or question name in a table cell before it is cut.
const MAX_NAME_CHARS: usize = 30;
/// Quarters per trend table, so the table fits a page.
const QUARTERS_PER_TABLE: usize = 4;
/// Theme pairs listed.
const PAIRS_LISTED: usize = 8;
/// Voice differences told with quotes.
const GAPS_TOLD: usize = 3;

/// Text from the input made safe for Markdown: on one line, with the
/// characters that start a table cell, emphasis, code, HTML, a link or a
/// heading escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = word.chars().peekable();
        if i == 0
            && let Some(&c) = chars.peek()
            && matches!(c, '#' | '>' | '-' | '+' | '=' | '~')
        {
            out.push('\\');
        }
        while let Some(c) = chars.next() {
            match c {
                '\\' | '|' | '*' | '_' | '`' | '<' | '>' => {
                    out.push('\\');
                    out.push(c);
                }
                ']' if chars.peek() == Some(&'(') => out.push_str("]\\"),
                c => out.push(c),
            }
        }
        // "1. " at the start would make a list.
        if i == 0 && word.len() > 1 && word.ends_with('.') && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit())
        {
            out.insert(out.len() - 1, '\\');
        }
    }
    out
}

/// A name from the input for a table cell: escaped and cut to
/// [`MAX_NAME_CHARS`].
fn name(text: &str) -> String {
    let cut: String = text.chars().take(MAX_NAME_CHARS).collect();
    let more = text.chars().count() > MAX_NAME_CHARS;
    format!("{}{}", escape(cut.trim_end()), if more { "…" } else { "" })
}

/// A count as shown: a number, or "< N".
fn shown(n: Option<u64>, min_group: u64) -> String {
    n.map_or_else(|| format!("< {min_group}"), |n| n.to_string())
}

/// A quote as a block: the marked text, then its signature.
fn quote(o: &mut String, q: &Quote, l: Lang) {
    let _ = writeln!(o, "> {}\n>\n> — {}\n", escape(&q.text), signature(q, l));
}

/// "**− negatief** · cliënt · vraag 'ervaring' · 2025-K1 · ervaring E001".
fn signature(q: &Quote, l: Lang) -> String {
    let mut parts = vec![format!("**{} {}**", Lang::sign(q.sentiment), l.sentiment(q.sentiment))];
    parts.extend(l.signature(q, name));
    parts.join(" · ")
}

/// What the data is: how many, when, who, where.
fn about(o: &mut String, a: &Analysis, l: Lang) {
    let s = &a.summary;
    let _ = writeln!(o, "## {}\n", l.heading(Section::About));
    let _ = match l {
        Lang::Nl => write!(
            o,
            "Dit rapport bundelt {} in leefwereldthema's (taxonomie: *{}*). ",
            l.experiences(s.experiences),
            escape(&a.taxonomy)
        ),
        Lang::En => write!(
            o,
            "This report brings together {} in life-world themes, themes of daily life (taxonomy: *{}*). ",
            l.experiences(s.experiences),
            escape(&a.taxonomy)
        ),
    };
    if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
        let _ = write!(
            o,
            "{} {} {} {}. ",
            l.t("De ervaringen zijn van", "The experiences date from"),
            l.date(first),
            l.t("tot en met", "to"),
            l.date(last)
        );
    }
    let _ = writeln!(o, "\n");
    let who = match s.breakdown(Dimension::Role) {
        Some(b) => b
            .groups
            .iter()
            .map(|g| format!("{} {}", group_name(Dimension::Role, g, l), shown(g.count, s.min_group)))
            .collect::<Vec<_>>()
            .join(", "),
        None => match s.dimension(Dimension::Role).and_then(|d| d.only.clone()) {
            Some(only) => format!("{} {} ({})", l.t("alle", "all"), l.role(&only, true), s.experiences),
            None => l
                .t(
                    "onbekend (de invoer heeft geen kolom voor wie schreef)",
                    "unknown (the input has no column for who wrote)",
                )
                .to_string(),
        },
    };
    let _ = writeln!(o, "- **{}:** {who}", l.t("Wie", "Who"));
    let count = |d: Dimension| s.dimension(d).map_or(0, |i| i.groups);
    let place = match (count(Dimension::Location), s.dimension(Dimension::Location).and_then(|d| d.only.as_deref())) {
        (0, _) => l.t("onbekend (geen kolom met de locatie)", "unknown (no column with the location)").to_string(),
        (1, Some(only)) => format!("{} ({})", l.t("één locatie", "one location"), name(only)),
        (n, _) => format!("{n} {}", l.t("locaties", "locations")),
    };
    let _ = writeln!(o, "- **{}:** {place}", l.t("Waar", "Where"));
    let questions = count(Dimension::Question);
    let _ = writeln!(o, "- **{}:** {}", l.t("Vragen", "Questions"), l.questions(questions as u64));
    let t = s.sentiment;
    let total = s.experiences.max(1) as f64;
    let tone: Vec<String> = Sentiment::ALL
        .iter()
        .map(|&x| format!("{} {}", l.percent(t[x.index()] as f64 / total), l.sentiment(x)))
        .collect();
    let _ = writeln!(o, "- **{}:** {}\n", l.t("Toon", "Tone"), tone.join(", "));
    if !a.raw_text {
        let _ = writeln!(o, "{}\n", l.placeholders());
    }
}

/// The draft agenda: the rule, then per point what goes well, what could be
/// better, whose voice.
fn agenda(o: &mut String, s: &Summary, l: Lang) {
    let _ = writeln!(o, "## {}\n", l.heading(Section::Agenda));
    if let Some(absent) = s.agenda.absent {
        let _ = writeln!(o, "{}\n", l.absence(absent));
        return;
    }
    let _ = writeln!(o, "{} {}.\n", l.agenda_intro(), escape(&l.agenda_rule(s)));
    for (i, p) in s.agenda.points.iter().enumerate() {
        let [pos, neg, mixed, _] = p.sentiment;
        let _ = writeln!(
            o,
            "### {}. {}\n\n{}: {neg} {}, {mixed} {}, {pos} {} (score {}).",
            i + 1,
            escape(l.label_of(s, &p.id)),
            l.experiences(p.count),
            l.sentiment(Sentiment::Negatief),
            l.sentiment(Sentiment::Gemengd),
            l.sentiment(Sentiment::Positief),
            l.decimal(p.score)
        );
        if !p.voices.is_empty() {
            let who: Vec<String> = p
                .voices
                .iter()
                .map(|v| {
                    format!(
                        "{} ({} {} {} {})",
                        voice_name(s, &v.group, l),
                        v.critical,
                        l.t("van", "of"),
                        v.count,
                        l.t("kritisch", "critical")
                    )
                })
                .collect();
            let _ = writeln!(o, "{} {}.", l.t("Wie zegt het:", "Who says so:"), who.join(", "));
        }
        let _ = writeln!(o);
        if let Some(q) = &p.goes_well {
            let _ = writeln!(o, "**{}:**\n", l.t("Wat goed gaat", "What goes well"));
            quote(o, q, l);
        }
        if !p.could_be_better.is_empty() {
            let _ = writeln!(o, "**{}:**\n", l.t("Wat beter kan", "What could be better"));
            for q in &p.could_be_better {
                quote(o, q, l);
            }
        }
    }
}

/// A voice's name: a role (plural), or a question, cut short.
fn voice_name(s: &Summary, group: &str, l: Lang) -> String {
    match s.voices.axis {
        Some(VoiceAxis::Role) => l.role(group, true).to_string(),
        _ => format!("'{}'", name(group)),
    }
}

/// Themes by volume with their sentiment split.
fn themes(o: &mut String, s: &Summary, l: Lang) {
    let _ = writeln!(o, "## {}\n", l.heading(Section::Themes));
    let _ = writeln!(
        o,
        "{}\n",
        l.t(
            "Per thema het aantal ervaringen, het aandeel van alle ervaringen, en hoe ze over dat thema oordelen \
             (percentages van het thema).",
            "Per theme the number of experiences, their share of all experiences, and how they judge the theme \
             (percentages of the theme)."
        )
    );
    let words: Vec<String> = Sentiment::ALL.iter().map(|&x| capitalise(l.sentiment(x))).collect();
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |",
        l.t("Thema", "Theme"),
        l.t("Ervaringen", "Experiences"),
        l.t("Aandeel", "Share"),
        words.join(" | ")
    );
    let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|---:|");
    for t in theme_order(s) {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(l.label(t)),
            t.count,
            l.percent(t.share),
            l.percent(t.share_of(Sentiment::Positief)),
            l.percent(t.share_of(Sentiment::Negatief)),
            l.percent(t.share_of(Sentiment::Gemengd)),
            l.percent(t.share_of(Sentiment::Neutraal))
        );
    }
    let _ = writeln!(
        o,
        "\n{}",
        l.t(
            "Een ervaring kan over meer thema's gaan; de aandelen tellen daarom op tot meer dan 100%.",
            "One experience can be about several themes; the shares therefore add up to more than 100%."
        )
    );
    if s.short_verdicts.count > 0 {
        let (bold, rest) = l.short_verdicts(s);
        let _ = writeln!(o, "\n**{bold}** {}", rest.replace("Overig", "*Overig*").replace("Other,", "*Other*,"));
    }
    let _ = writeln!(o);
}

/// "positief" -> "Positief".
fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The voices side by side: a table of volume and negative share per voice,
/// then where they differ most, with a quote of each.
fn voices(o: &mut String, s: &Summary, l: Lang) {
    let _ = writeln!(o, "## {}\n", l.heading(Section::Voices));
    let v = &s.voices;
    if let Some(absent) = v.absent {
        let _ = writeln!(o, "{}\n", l.absence(absent));
        return;
    }
    let by_question = v.axis == Some(VoiceAxis::Question);
    match by_question {
        true => {
            let _ = writeln!(
                o,
                "{}\n",
                l.t(
                    "De invoer zegt niet wie schreef; de vragen staan hier naast elkaar:",
                    "The input does not say who wrote; the questions stand side by side here:"
                )
            );
            for (i, g) in v.groups.iter().enumerate() {
                let _ = writeln!(o, "- {} {}: '{}'", l.t("Vraag", "Question"), i + 1, escape(g));
            }
            let _ = writeln!(o);
        }
        false => {
            let _ = writeln!(
                o,
                "{}",
                l.t(
                    "Wat cliënten, naasten en medewerkers over elk thema zeggen.",
                    "What clients, relatives and staff say about each theme."
                )
            );
        }
    }
    let _ = writeln!(
        o,
        "{} \"< {}\" {}\n",
        l.t(
            "Per stem het aantal ervaringen en tussen haakjes het aandeel daarvan dat negatief is over het thema;",
            "Per voice the number of experiences and in brackets the share of them negative about the theme;"
        ),
        s.min_group,
        l.t("is een te kleine groep om te tonen.", "is a group too small to show.")
    );
    let heads: Vec<String> =
        v.groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                if by_question {
                    format!("{} {}", l.t("Vraag", "Question"), i + 1)
                } else {
                    l.role(g, true).to_string()
                }
            })
            .collect();
    let _ = writeln!(o, "| {} | {} |", l.t("Thema", "Theme"), heads.join(" | "));
    let _ = writeln!(o, "|---|{}", "---:|".repeat(heads.len()));
    for t in &v.themes {
        let cells: Vec<String> = t
            .voices
            .iter()
            .map(|x| match (x.count, x.share(Sentiment::Negatief)) {
                (Some(n), Some(neg)) => format!("{n} ({})", l.percent(neg)),
                (Some(n), None) => format!("{n} (< {})", s.min_group),
                (None, _) => format!("< {}", s.min_group),
            })
            .collect();
        let _ = writeln!(o, "| {} | {} |", escape(l.label_of(s, &t.id)), cells.join(" | "));
    }
    let _ = writeln!(o);
    let gaps = v.by_gap();
    if gaps.is_empty() {
        let _ = writeln!(
            o,
            "{}{}{}\n",
            l.t(
                "Geen thema met genoeg ervaringen van twee stemmen (elk minstens ",
                "No theme with enough experiences from two voices (each at least "
            ),
            crate::aggregate::GAP_MIN_SUPPORT.max(s.min_group),
            l.t(") om hun verschil te meten.", ") to measure their difference.")
        );
        return;
    }
    let _ = writeln!(
        o,
        "### {}\n\n{}\n",
        l.heading(Section::Gaps),
        l.t(
            "Hier kan het gesprek tussen cliënten en medewerkers beginnen (stap 4 van PARTNER).",
            "This is where the conversation between clients and staff can start (step 4 of PARTNER)."
        )
    );
    let negative = l.sentiment(Sentiment::Negatief);
    for t in gaps.into_iter().take(GAPS_TOLD) {
        let Some(g) = &t.gap else { continue };
        let _ = writeln!(
            o,
            "**{}**: {} {} {negative}, {} {} {negative}.\n",
            escape(l.label_of(s, &t.id)),
            voice_name(s, &g.higher, l),
            l.percent(g.higher_share),
            voice_name(s, &g.lower, l),
            l.percent(g.lower_share)
        );
        for x in t.voices.iter().filter(|x| x.group == g.higher || x.group == g.lower) {
            if let Some(q) = &x.quote {
                quote(o, q, l);
            }
        }
    }
}

/// The trend per quarter: per theme its count and negative share, four
/// quarters a table.
fn trend(o: &mut String, s: &Summary, l: Lang) {
    let _ = writeln!(o, "## {}\n", l.heading(Section::Trend));
    if let Some(absent) = s.trend.absent {
        let _ = writeln!(o, "{}\n", l.absence(absent));
        return;
    }
    let _ = writeln!(
        o,
        "{} \"< {}\" {}\n",
        l.t(
            "Per kwartaal per thema het aantal ervaringen en tussen haakjes het aandeel negatief;",
            "Per quarter per theme the number of experiences and in brackets the share negative;"
        ),
        s.min_group,
        l.t("is te klein om te tonen.", "is too small to show.")
    );
    let order = theme_order(s);
    for chunk in s.trend.periods.chunks(QUARTERS_PER_TABLE) {
        let heads: Vec<String> = chunk.iter().map(|p| l.quarter(&p.period)).collect();
        let _ = writeln!(o, "| {} | {} |", l.t("Thema", "Theme"), heads.join(" | "));
        let _ = writeln!(o, "|---|{}", "---:|".repeat(heads.len()));
        let totals: Vec<String> = chunk.iter().map(|p| shown(p.count, s.min_group)).collect();
        let _ = writeln!(o, "| *{}* | {} |", l.t("Alle ervaringen", "All experiences"), totals.join(" | "));
        for t in &order {
            let Some(i) = s.themes.iter().position(|x| x.id == t.id) else { continue };
            if t.count == 0 {
                continue;
            }
            let cells: Vec<String> = chunk
                .iter()
                .map(|p| {
                    let c = p.themes[i];
                    match (c.count, c.negative_share()) {
                        (Some(0), _) => "0".to_string(),
                        (Some(n), Some(neg)) => format!("{n} ({})", l.percent(neg)),
                        (n, _) => shown(n, s.min_group),
                    }
                })
                .collect();
            let _ = writeln!(o, "| {} | {} |", escape(l.label(t)), cells.join(" | "));
        }
        let _ = writeln!(o);
    }
}

/// Themes that come together.
fn pairs(o: &mut String, s: &Summary, l: Lang) {
    if s.pairs.is_empty() {
        return;
    }
    let _ = writeln!(o, "## {}\n", l.heading(Section::Pairs));
    let _ = writeln!(
        o,
        "| {} | {} |\n|---|---:|",
        l.t("Thema's in dezelfde ervaring", "Themes in the same experience"),
        l.t("Ervaringen", "Experiences")
    );
    for p in s.pairs.iter().take(PAIRS_LISTED) {
        let _ = writeln!(o, "| {} + {} | {} |", escape(l.label_of(s, &p.a)), escape(l.label_of(s, &p.b)), p.count);
    }
    let _ = writeln!(o);
}

/// Per theme: its sentiment, then its quotes.
fn per_theme(o: &mut String, s: &Summary, l: Lang) {
    let _ = writeln!(o, "## {}\n", l.heading(Section::PerTheme));
    for t in theme_order(s) {
        if t.count == 0 {
            continue;
        }
        let _ = writeln!(o, "### {} ({}, {})\n", escape(l.label(t)), l.experiences(t.count), l.percent(t.share));
        if l == Lang::Nl && !t.description.is_empty() {
            let _ = writeln!(o, "*{}*\n", escape(&t.description));
        }
        let tone: Vec<String> =
            Sentiment::ALL.iter().map(|&x| format!("{} {}", t.sentiment[x.index()], l.sentiment(x))).collect();
        let _ = writeln!(o, "{}: {}.\n", l.t("Toon", "Tone"), tone.join(", "));
        for q in &t.quotes {
            quote(o, q, l);
        }
        if t.withheld > 0 {
            let _ = writeln!(o, "*{}*\n", l.withheld(t, s.min_group));
        }
    }
}

/// The accounting: the ledger, the method, how far to trust it.
fn accounting(o: &mut String, a: &Analysis, l: Lang) {
    let s = &a.summary;
    let _ = writeln!(o, "## {}\n", l.heading(Section::Accounting));
    let _ = writeln!(o, "| | {} |\n|---|---:|", l.t("aantal", "count"));
    let _ = writeln!(o, "| {} | {} |", l.t("Rijen gelezen", "Rows read"), a.ledger.rows_read);
    let _ = writeln!(o, "| {} | {} |", l.t("Geanalyseerd", "Analysed"), a.ledger.analysed);
    let _ = writeln!(o, "| {} | {} |\n", l.t("Overgeslagen", "Skipped"), a.ledger.skipped.len());
    for i in &a.ledger.inputs {
        let _ = writeln!(
            o,
            "- {} {} ({}, {})",
            l.t("Gelezen:", "Read:"),
            escape(file_name(&i.file)),
            i.encoding,
            l.rows(i.rows_read)
        );
    }
    if !a.ledger.inputs.is_empty() {
        let _ = writeln!(o);
    }
    non_answers(o, &a.ledger, l);
    skipped(o, &a.ledger.skipped, l);
    let (head, text) = l.trust(a);
    let _ = writeln!(o, "**{head}** {}\n", text.replace("leefwereld evaluate", "`leefwereld evaluate`"));
    let (head, text) = l.tone_method();
    let _ = writeln!(o, "**{head}** {text}\n");
    let (head, text) = l.quote_method(s.min_group);
    let _ = writeln!(o, "**{head}** {text}\n");
}

/// Themes by count, `overig` last.
fn theme_order(s: &Summary) -> Vec<&ThemeSummary> {
    let mut order: Vec<&ThemeSummary> = s.themes.iter().collect();
    let overig = order.pop();
    order.sort_by_key(|t| std::cmp::Reverse(t.count));
    order.extend(overig);
    order
}

/// Per question, the answers that said nothing ("nvt", "geen", ...).
fn non_answers(o: &mut String, ledger: &Ledger, l: Lang) {
    let counted: Vec<&(std::sync::Arc<str>, u64)> = ledger.non_answers.iter().filter(|(_, n)| *n > 0).collect();
    if counted.is_empty() {
        return;
    }
    for (question, n) in counted {
        let _ = writeln!(
            o,
            "- {} '{question}': {} {}",
            l.t("Vraag", "Question"),
            l.empty_answers(*n),
            l.t(
                "(nvt, geen, weet ik niet, ...), niet meegeteld als ervaring",
                "(nvt, geen, weet ik niet, ...), not counted as an experience"
            )
        );
    }
    let _ = writeln!(o);
}

/// Skipped rows, the first ones by line, with the reason.
fn skipped(o: &mut String, skipped: &[Skipped], l: Lang) {
    if skipped.is_empty() {
        return;
    }
    let _ = writeln!(o, "{}:\n", l.t("Overgeslagen rijen", "Skipped rows"));
    for sk in skipped.iter().take(SKIPPED_LISTED) {
        let _ = writeln!(
            o,
            "- {} {} {}: {}",
            file_name(&sk.file),
            l.t("regel", "line"),
            sk.line,
            l.skip_reason(&sk.reason)
        );
    }
    if skipped.len() > SKIPPED_LISTED {
        let _ = writeln!(
            o,
            "- {} {} {}",
            l.t("... en nog", "... and"),
            skipped.len() - SKIPPED_LISTED,
            l.t("(zie report.json)", "more (see report.json)")
        );
    }
    let _ = writeln!(o);
}

/// A group's name as shown.
fn group_name(dimension: Dimension, g: &GroupCount, l: Lang) -> String {
    match g.merged {
        0 if g.group == crate::aggregate::UNKNOWN_GROUP => escape(&l.group(dimension, &g.group, 0)),
        0 if dimension == Dimension::Role => escape(l.role(&g.group, true)),
        0 if dimension == Dimension::Period => escape(&l.quarter(&g.group)),
        0 => name(&g.group),
        n => escape(&l.small_groups(n)),
    }
}

/// One narrow table per breakdown: per group its size and its most named
/// themes, each with its share of the group.
fn breakdowns(o: &mut String, s: &Summary, l: Lang) {
    if s.breakdowns.is_empty() {
        return;
    }
    let below = format!("< {}", s.min_group);
    let _ = writeln!(o, "## {}\n", l.heading(Section::Breakdowns));
    let _ = match l {
        Lang::Nl => writeln!(
            o,
            "Per groep het aantal ervaringen (met het aandeel van alle ervaringen) en hoe ze oordelen; daaronder de \
             {TOP_THEMES} thema's die er het meest voorkomen (met het aandeel van de groep); alle aantallen per \
             thema staan in report.json. Groepen van minder dan {} ervaringen staan samen onder *{}* en worden niet \
             geciteerd; aantallen onder de {} staan als \"{below}\", zodat niemand te herleiden is.\n",
            s.min_group,
            l.small_groups_name(),
            s.min_group
        ),
        Lang::En => writeln!(
            o,
            "Per group the number of experiences (with its share of all experiences) and how they judge; below that \
             the {TOP_THEMES} themes named most in it (with their share of the group); all counts per theme are in \
             report.json. Groups of fewer than {} experiences stand together under *{}* and are not quoted; counts \
             below {} stand as \"{below}\", so that no one can be traced.\n",
            s.min_group,
            l.small_groups_name(),
            s.min_group
        ),
    };
    for b in &s.breakdowns {
        breakdown(o, s, b, &below, l);
    }
}

fn breakdown(o: &mut String, s: &Summary, b: &Breakdown, below: &str, l: Lang) {
    let head = l.dimension(b.dimension);
    let _ = writeln!(o, "### {head}\n");
    let words: Vec<String> = [Sentiment::Positief, Sentiment::Negatief, Sentiment::Gemengd]
        .iter()
        .map(|&x| capitalise(l.sentiment(x)))
        .collect();
    let _ = writeln!(
        o,
        "| {head} | {} | {} |\n|---|---:|---:|---:|---:|",
        l.t("Ervaringen", "Experiences"),
        words.join(" | ")
    );
    for g in &b.groups {
        let size = match g.count {
            Some(n) => format!("{n} ({})", l.percent(n as f64 / s.experiences.max(1) as f64)),
            None => below.to_string(),
        };
        let split: Vec<String> = [Sentiment::Positief, Sentiment::Negatief, Sentiment::Gemengd]
            .iter()
            .map(|&x| match (g.count, g.share(x)) {
                (None, _) => "–".to_string(),
                (_, Some(share)) => l.percent(share),
                (_, None) => below.to_string(),
            })
            .collect();
        let _ = writeln!(o, "| {} | {size} | {} |", group_name(b.dimension, g, l), split.join(" | "));
    }
    let _ = writeln!(o, "\n| {head} | {} |\n|---|---|", l.t("Meest genoemd", "Named most"));
    for g in &b.groups {
        let top = match g.count {
            Some(n) => {
                let mut cells: Vec<(usize, u64)> =
                    g.themes.iter().enumerate().filter_map(|(i, c)| c.filter(|&c| c > 0).map(|c| (i, c))).collect();
                cells.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let named: Vec<String> = cells
                    .iter()
                    .take(TOP_THEMES)
                    .map(|&(i, c)| {
                        format!("{} {c} ({})", escape(l.label(&s.themes[i])), l.percent(c as f64 / n as f64))
                    })
                    .collect();
                match named.is_empty() {
                    true => format!("– ({} {below})", l.t("elk thema", "every theme")),
                    false => named.join(", "),
                }
            }
            None => "–".to_string(),
        };
        let _ = writeln!(o, "| {} | {top} |", group_name(b.dimension, g, l));
    }
    let _ = writeln!(o);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_from_the_input_cannot_break_a_table_or_make_a_heading() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("# kop\nregel"), "\\# kop regel");
        assert_eq!(escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(escape("1. eerste"), "1\\. eerste");
        assert_eq!(escape("[NAAM-1] zei *niets*"), "[NAAM-1] zei \\*niets\\*");
        assert_eq!(escape("[x](http://a)"), "[x]\\(http://a)");
    }

    fn report(texts: &[(&str, &str, &str)]) -> String {
        use crate::{AnalyseOptions, Engine, Experience, Role, Taxonomy};
        let engine = Engine::new(Taxonomy::default()).unwrap();
        let experiences = texts.iter().cycle().take(texts.len() * 6).enumerate().map(|(i, (t, r, d))| {
            let role = Role::from_value(r);
            let e = Experience::new(format!("E{i}"), format!("{t} ({i})"));
            let e = match role {
                Some(role) => e.with_role(role),
                None => e,
            };
            e.with_date(d)
        });
        let a = engine.analyse(experiences, &AnalyseOptions::default()).unwrap();
        markdown(&a)
    }

    const TEXTS: [(&str, &str, &str); 6] = [
        ("De soep was weer lauw | en het avondeten komt te laat.", "cliënt", "2025-01-10"),
        ("Ik voel me 's nachts niet veilig, de bel wordt niet beantwoord.", "cliënt", "2025-04-10"),
        ("Het eten is lekker, maar 's nachts voel ik me niet veilig.", "familie", "2025-01-10"),
        ("# Mijn moeder wordt als een kind toegesproken door de invalkracht.", "familie", "2025-04-10"),
        ("De zorg is goed geregeld, de arts komt op tijd.", "medewerker", "2025-01-10"),
        ("Te weinig personeel, we rennen de hele dag.", "medewerker", "2025-04-10"),
    ];

    #[test]
    fn sections_come_in_order_and_tables_fit_a_page() {
        let md = report(&TEXTS);
        let order = [
            "## Over deze gegevens",
            "## Verbeteragenda (concept)",
            "## Thema's",
            "## Stemmen naast elkaar",
            "## Verloop per kwartaal",
            "## Per thema",
            "## Verantwoording",
        ];
        let at: Vec<usize> = order.iter().map(|h| md.find(h).unwrap_or_else(|| panic!("{h} in {md}"))).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        for line in md.lines().filter(|l| l.starts_with('|')) {
            assert!(line.chars().count() <= MAX_TABLE_WIDTH, "{line}");
            // An escaped pipe is no column: every row of a table has as many cells as its head.
            assert!(!line.contains(" | en het"), "{line}");
        }
        assert!(md.contains("**− negatief**") && md.contains("cliënt"), "{md}");
        assert!(!md.lines().any(|l| l.starts_with("> # ")), "{md}");
    }

    #[test]
    fn missing_columns_say_why_their_sections_are_absent() {
        let texts: Vec<(&str, &str, &str)> = TEXTS.iter().map(|(t, _, _)| (*t, "", "")).collect();
        let md = report(&texts);
        assert!(md.contains(crate::aggregate::Absence::NoDates.reason()), "{md}");
        assert!(md.contains(crate::aggregate::Absence::NoRoleOneQuestion.reason()), "{md}");
        assert!(md.contains("## Per thema") && md.contains("## Verantwoording"));
    }
}
