//! `report.md`: a report a client council can read, in Dutch.

use std::fmt::Write;

use super::{file_name, percent};
use crate::aggregate::{
    Breakdown, Dimension, GroupCount, Quote, SMALL_GROUPS, Summary, ThemeSummary, UNKNOWN_GROUP, VoiceAxis,
};
use crate::engine::Analysis;
use crate::ledger::{Ledger, SkipReason, Skipped};
use crate::sentiment::Sentiment;

/// Skipped rows listed by line before the list is cut short.
const SKIPPED_LISTED: usize = 20;
/// Themes named per group in a breakdown table (the full table is in
/// `report.json`).
const TOP_THEMES: usize = 2;

/// "1 ervaring", "2 ervaringen".
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `2025-01-03` -> "3 januari 2025"; anything else as it is.
pub(crate) fn dutch_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts[..] {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", crate::analysis::MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

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

/// How far to trust the counts: what was measured, or that nothing was.
fn quality(o: &mut String, a: &Analysis) {
    let _ = write!(
        o,
        "**Hoe zeker zijn de thema's?** De thema's zijn toegekend met de woordenlijsten van de taxonomie; de tool \
         leest niet zoals een mens. "
    );
    match &a.quality {
        Some(q) => {
            let _ = writeln!(
                o,
                "Gemeten op {} proefervaringen die met de hand zijn gecodeerd en niet zijn gebruikt om de lijsten te \
                 maken: van de thema's die een zorgvuldige lezer ziet, vond de tool er {}; van de thema's die de tool \
                 gaf, was {} juist. Twee andere lezers kwamen bij een deel ervan op {} overeenstemming (F1) met die \
                 codering. Lees de aantallen daarom als richting, niet als meting, en lees bij elk thema de citaten.\n",
                q.n,
                percent(q.micro_recall),
                percent(q.micro_precision),
                percent(q.annotator_macro_f1)
            );
        }
        None => {
            let _ = writeln!(
                o,
                "Voor deze taxonomie is niet gemeten hoe vaak dat klopt (meet het met `leefwereld evaluate` op \
                 ervaringen die u met de hand codeert). Lees de aantallen als richting en lees bij elk thema de \
                 citaten.\n"
            );
        }
    }
}

/// What the placeholders in quotes stand for, as the text shows them.
const LEGEND: &str = "Persoonsgegevens in citaten zijn vervangen: namen door [NAAM-1], [NAAM-2], ... (binnen één citaat \
                      houdt dezelfde persoon hetzelfde nummer), en verder [TELEFOON], [EMAIL], [URL], [ADRES], \
                      [DATUM], [LEEFTIJD], [BSN] en [IBAN].";

/// `report.md` as text, in the order a council reads it: what the data is,
/// the draft agenda, themes by volume with their sentiment, the voices side
/// by side, the trend, the breakdowns, per theme its quotes, and last the
/// accounting. Tables stay within about [`MAX_TABLE_WIDTH`] characters a
/// line; texts from the input are escaped so they cannot break a table.
pub fn markdown(a: &Analysis) -> String {
    let mut o = String::new();
    let s = &a.summary;
    let _ = writeln!(o, "# Leefwereld-rapport\n");
    if a.raw_text {
        let _ = writeln!(
            o,
            "> **Let op: dit rapport bevat ruwe tekst.** Het is gemaakt met `--raw-text`: citaten kunnen namen, \
             telefoonnummers en andere persoonsgegevens bevatten. Deel het niet buiten wie dat mag zien.\n"
        );
    }
    about(&mut o, a);
    agenda(&mut o, s);
    themes(&mut o, s);
    voices(&mut o, s);
    trend(&mut o, s);
    pairs(&mut o, s);
    breakdowns(&mut o, s);
    per_theme(&mut o, s);
    accounting(&mut o, a);
    let _ = writeln!(o, "---\nGemaakt op {} met leefwereld {}.", dutch_date(&s.made_on), env!("CARGO_PKG_VERSION"));
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

/// How a role is written in the report.
fn role_nl(id: &str) -> &str {
    match id {
        "client" => "cliënt",
        "naaste" => "naaste",
        "medewerker" => "medewerker",
        other => other,
    }
}

/// The sentiment as the report marks it.
fn mark(s: Sentiment) -> &'static str {
    match s {
        Sentiment::Positief => "positief",
        Sentiment::Negatief => "negatief",
        Sentiment::Gemengd => "gemengd",
        _ => "neutraal",
    }
}

/// A count as shown: a number, or "< N".
fn shown(n: Option<u64>, min_group: u64) -> String {
    n.map_or_else(|| format!("< {min_group}"), |n| n.to_string())
}

/// A quote as a block: the marked text, then its signature.
fn quote(o: &mut String, q: &Quote) {
    let _ = writeln!(o, "> {}\n>\n> — {}\n", escape(&q.text), signature(q));
}

/// "**negatief** · cliënt · vraag 'ervaring' · 2025-K1 · ervaring E001".
fn signature(q: &Quote) -> String {
    let mut parts = vec![format!("**{}**", mark(q.sentiment))];
    if let Some(r) = q.signature.role {
        parts.push(role_nl(r.id()).to_string());
    }
    if let Some(question) = &q.signature.question {
        parts.push(format!("vraag '{}'", name(question)));
    }
    if let Some(p) = &q.signature.period {
        parts.push(p.clone());
    }
    parts.push(format!("ervaring {}", escape(&q.id)));
    parts.join(" · ")
}

/// What the data is: how many, when, who, where.
fn about(o: &mut String, a: &Analysis) {
    let s = &a.summary;
    let _ = writeln!(o, "## Over deze gegevens\n");
    let _ = write!(
        o,
        "Dit rapport bundelt {} in leefwereldthema's (taxonomie: *{}*). ",
        plural(s.experiences, "ervaring", "ervaringen"),
        escape(&a.taxonomy)
    );
    if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
        let _ = write!(o, "De ervaringen zijn van {} tot en met {}. ", dutch_date(first), dutch_date(last));
    }
    let _ = writeln!(o, "\n");
    let who = match s.breakdown(Dimension::Role) {
        Some(b) => b
            .groups
            .iter()
            .map(|g| format!("{} {}", group_name(Dimension::Role, g), shown(g.count, s.min_group)))
            .collect::<Vec<_>>()
            .join(", "),
        None => match s.dimension(Dimension::Role).and_then(|d| d.only.clone()) {
            Some(only) => format!("alle {} ({})", role_nl(&only), s.experiences),
            None => "onbekend (de invoer heeft geen kolom voor wie schreef)".into(),
        },
    };
    let _ = writeln!(o, "- **Wie:** {who}");
    let count = |d: Dimension| s.dimension(d).map_or(0, |i| i.groups);
    let place = match (count(Dimension::Location), s.dimension(Dimension::Location).and_then(|d| d.only.as_deref())) {
        (0, _) => "onbekend (geen kolom met de locatie)".to_string(),
        (1, Some(only)) => format!("één locatie ({})", name(only)),
        (n, _) => format!("{n} locaties"),
    };
    let _ = writeln!(o, "- **Waar:** {place}");
    let questions = count(Dimension::Question);
    let _ = writeln!(o, "- **Vragen:** {}", plural(questions as u64, "vraag", "vragen"));
    let t = s.sentiment;
    let total = s.experiences.max(1) as f64;
    let _ = writeln!(
        o,
        "- **Toon:** {} positief, {} negatief, {} gemengd, {} neutraal\n",
        percent(t[0] as f64 / total),
        percent(t[1] as f64 / total),
        percent(t[2] as f64 / total),
        percent(t[3] as f64 / total)
    );
    if !a.raw_text {
        let _ = writeln!(o, "{LEGEND}\n");
    }
}

/// The draft agenda: the rule, then per point what goes well, what could be
/// better, whose voice.
fn agenda(o: &mut String, s: &Summary) {
    let _ = writeln!(o, "## Verbeteragenda (concept)\n");
    if let Some(absent) = s.agenda.absent {
        let _ = writeln!(o, "{}\n", absent.reason());
        return;
    }
    let _ = writeln!(
        o,
        "Een eerste voorstel om het gesprek mee te beginnen, geen besluit. Volgorde: {}.\n",
        escape(&s.agenda.rule)
    );
    for (i, p) in s.agenda.points.iter().enumerate() {
        let [pos, neg, mixed, _] = p.sentiment;
        let _ = writeln!(
            o,
            "### {}. {}\n\n{}: {neg} negatief, {mixed} gemengd, {pos} positief (score {}).",
            i + 1,
            p.label,
            plural(p.count, "ervaring", "ervaringen"),
            format!("{:.1}", p.score).replace('.', ",")
        );
        if !p.voices.is_empty() {
            let who: Vec<String> = p
                .voices
                .iter()
                .map(|v| format!("{} ({} van {} kritisch)", voice_name(s, &v.group), v.critical, v.count))
                .collect();
            let _ = writeln!(o, "Wie zegt het: {}.", who.join(", "));
        }
        let _ = writeln!(o);
        if let Some(q) = &p.goes_well {
            let _ = writeln!(o, "**Wat goed gaat:**\n");
            quote(o, q);
        }
        if !p.could_be_better.is_empty() {
            let _ = writeln!(o, "**Wat beter kan:**\n");
            for q in &p.could_be_better {
                quote(o, q);
            }
        }
    }
}

/// A voice's name: a role in Dutch, or a question, cut short.
fn voice_name(s: &Summary, group: &str) -> String {
    match s.voices.axis {
        Some(VoiceAxis::Role) => role_nl(group).to_string(),
        _ => format!("'{}'", name(group)),
    }
}

/// Themes by volume with their sentiment split.
fn themes(o: &mut String, s: &Summary) {
    let _ = writeln!(o, "## Thema's\n");
    let _ = writeln!(
        o,
        "Per thema het aantal ervaringen, het aandeel van alle ervaringen, en hoe ze over dat thema oordelen \
         (percentages van het thema).\n"
    );
    let _ = writeln!(o, "| Thema | Ervaringen | Aandeel | Positief | Negatief | Gemengd | Neutraal |");
    let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|---:|");
    for t in theme_order(s) {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&t.label),
            t.count,
            percent(t.share),
            percent(t.share_of(Sentiment::Positief)),
            percent(t.share_of(Sentiment::Negatief)),
            percent(t.share_of(Sentiment::Gemengd)),
            percent(t.share_of(Sentiment::Neutraal))
        );
    }
    let _ = writeln!(o, "\nEen ervaring kan over meer thema's gaan; de aandelen tellen daarom op tot meer dan 100%.");
    let v = s.short_verdicts;
    if v.count > 0 {
        let _ = writeln!(
            o,
            "\n**Korte oordelen zonder onderwerp:** {} ({} positief, {} negatief, {} anders), zoals \"prima\" of \
             \"alles goed\": een antwoord van hooguit {} woorden dat een oordeel geeft maar niet zegt waarover. Ze \
             staan niet onder *Overig*, dat is voor onderwerpen buiten de taxonomie.",
            plural(v.count, "antwoord", "antwoorden"),
            v.positive,
            v.negative,
            v.count - v.positive - v.negative,
            crate::aggregate::SHORT_VERDICT_WORDS
        );
    }
    let _ = writeln!(o);
}

/// The voices side by side: a table of volume and negative share per voice,
/// then where they differ most, with a quote of each.
fn voices(o: &mut String, s: &Summary) {
    let _ = writeln!(o, "## Stemmen naast elkaar\n");
    let v = &s.voices;
    if let Some(absent) = v.absent {
        let _ = writeln!(o, "{}\n", absent.reason());
        return;
    }
    let by_question = v.axis == Some(VoiceAxis::Question);
    match by_question {
        true => {
            let _ = writeln!(o, "De invoer zegt niet wie schreef; de vragen staan hier naast elkaar:\n");
            for (i, g) in v.groups.iter().enumerate() {
                let _ = writeln!(o, "- Vraag {}: '{}'", i + 1, escape(g));
            }
            let _ = writeln!(o);
        }
        false => {
            let _ = writeln!(o, "Wat cliënten, naasten en medewerkers over elk thema zeggen.");
        }
    }
    let _ = writeln!(
        o,
        "Per stem het aantal ervaringen en tussen haakjes het aandeel daarvan dat negatief is over het thema; \
         \"< {}\" is een te kleine groep om te tonen.\n",
        s.min_group
    );
    let heads: Vec<String> = v
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| if by_question { format!("Vraag {}", i + 1) } else { role_nl(g).to_string() })
        .collect();
    let _ = writeln!(o, "| Thema | {} |", heads.join(" | "));
    let _ = writeln!(o, "|---|{}", "---:|".repeat(heads.len()));
    for t in &v.themes {
        let cells: Vec<String> = t
            .voices
            .iter()
            .map(|x| match (x.count, x.share(Sentiment::Negatief)) {
                (Some(n), Some(neg)) => format!("{n} ({})", percent(neg)),
                (Some(n), None) => format!("{n} (< {})", s.min_group),
                (None, _) => format!("< {}", s.min_group),
            })
            .collect();
        let _ = writeln!(o, "| {} | {} |", escape(&t.label), cells.join(" | "));
    }
    let _ = writeln!(o);
    let gaps = v.by_gap();
    if gaps.is_empty() {
        let _ = writeln!(
            o,
            "Geen thema met genoeg ervaringen van twee stemmen (elk minstens {}) om hun verschil te meten.\n",
            crate::aggregate::GAP_MIN_SUPPORT.max(s.min_group)
        );
        return;
    }
    let _ = writeln!(
        o,
        "### Waar ze het meest verschillen\n\nHier kan het gesprek tussen cliënten en medewerkers beginnen (stap 4 \
         van PARTNER).\n"
    );
    for t in gaps.into_iter().take(GAPS_TOLD) {
        let Some(g) = &t.gap else { continue };
        let _ = writeln!(
            o,
            "**{}**: {} {} negatief, {} {} negatief.\n",
            escape(&t.label),
            voice_name(s, &g.higher),
            percent(g.higher_share),
            voice_name(s, &g.lower),
            percent(g.lower_share)
        );
        for x in t.voices.iter().filter(|x| x.group == g.higher || x.group == g.lower) {
            if let Some(q) = &x.quote {
                quote(o, q);
            }
        }
    }
}

/// The trend per quarter: per theme its count and negative share, four
/// quarters a table.
fn trend(o: &mut String, s: &Summary) {
    let _ = writeln!(o, "## Verloop per kwartaal\n");
    if let Some(absent) = s.trend.absent {
        let _ = writeln!(o, "{}\n", absent.reason());
        return;
    }
    let _ = writeln!(
        o,
        "Per kwartaal per thema het aantal ervaringen en tussen haakjes het aandeel negatief; \"< {}\" is te \
         klein om te tonen.\n",
        s.min_group
    );
    let order = theme_order(s);
    for chunk in s.trend.periods.chunks(QUARTERS_PER_TABLE) {
        let heads: Vec<&str> = chunk.iter().map(|p| p.period.as_str()).collect();
        let _ = writeln!(o, "| Thema | {} |", heads.join(" | "));
        let _ = writeln!(o, "|---|{}", "---:|".repeat(heads.len()));
        let totals: Vec<String> = chunk.iter().map(|p| shown(p.count, s.min_group)).collect();
        let _ = writeln!(o, "| *Alle ervaringen* | {} |", totals.join(" | "));
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
                        (Some(n), Some(neg)) => format!("{n} ({})", percent(neg)),
                        (n, _) => shown(n, s.min_group),
                    }
                })
                .collect();
            let _ = writeln!(o, "| {} | {} |", escape(&t.label), cells.join(" | "));
        }
        let _ = writeln!(o);
    }
}

/// Themes that come together.
fn pairs(o: &mut String, s: &Summary) {
    if s.pairs.is_empty() {
        return;
    }
    let _ = writeln!(o, "## Thema's die samen voorkomen\n");
    let _ = writeln!(o, "| Thema's in dezelfde ervaring | Ervaringen |\n|---|---:|");
    let label = |id: &str| s.themes.iter().find(|t| t.id == id).map_or(id.to_string(), |t| escape(&t.label));
    for p in s.pairs.iter().take(PAIRS_LISTED) {
        let _ = writeln!(o, "| {} + {} | {} |", label(&p.a), label(&p.b), p.count);
    }
    let _ = writeln!(o);
}

/// Per theme: its sentiment, then its quotes.
fn per_theme(o: &mut String, s: &Summary) {
    let _ = writeln!(o, "## Per thema\n");
    for t in theme_order(s) {
        if t.count == 0 {
            continue;
        }
        let _ = writeln!(o, "### {} ({}, {})\n", t.label, plural(t.count, "ervaring", "ervaringen"), percent(t.share));
        if !t.description.is_empty() {
            let _ = writeln!(o, "*{}*\n", escape(&t.description));
        }
        let [pos, neg, mixed, neutral] = t.sentiment;
        let _ = writeln!(o, "Toon: {pos} positief, {neg} negatief, {mixed} gemengd, {neutral} neutraal.\n");
        for q in &t.quotes {
            quote(o, q);
        }
        if t.withheld > 0 {
            let (n, one) = (t.withheld, t.withheld == 1);
            let what = match (t.quotes.is_empty(), one) {
                (true, true) => "Geen citaten: 1 ervaring komt".to_string(),
                (true, false) => format!("Geen citaten: {n} ervaringen komen"),
                (false, true) => "1 ander citaat overgeslagen: het komt".to_string(),
                (false, false) => format!("{n} andere citaten overgeslagen: ze komen"),
            };
            let _ = writeln!(
                o,
                "*{what} uit een groep van minder dan {} ervaringen (naar locatie, wie, sector, periode of vraag), \
                 zodat niemand te herkennen is.*\n",
                s.min_group
            );
        }
    }
}

/// The accounting: the ledger, the method, how far to trust it.
fn accounting(o: &mut String, a: &Analysis) {
    let s = &a.summary;
    let _ = writeln!(o, "## Verantwoording\n");
    let _ = writeln!(o, "| | aantal |\n|---|---:|");
    let _ = writeln!(o, "| Rijen gelezen | {} |", a.ledger.rows_read);
    let _ = writeln!(o, "| Geanalyseerd | {} |", a.ledger.analysed);
    let _ = writeln!(o, "| Overgeslagen | {} |\n", a.ledger.skipped.len());
    for i in &a.ledger.inputs {
        let _ = writeln!(
            o,
            "- Gelezen: {} ({}, {})",
            escape(file_name(&i.file)),
            i.encoding,
            plural(i.rows_read, "rij", "rijen")
        );
    }
    if !a.ledger.inputs.is_empty() {
        let _ = writeln!(o);
    }
    non_answers(o, &a.ledger);
    skipped(o, &a.ledger.skipped);
    quality(o, a);
    let _ = writeln!(
        o,
        "**Hoe is de toon bepaald?** Per ervaring en per thema daarin met een woordenlijst van oordelen, met regels \
         voor ontkenning (\"niet lekker\"), versterkers, tegenstelling (\"maar\") en emoji. Het thema krijgt de toon \
         van de zinsdelen waarin het genoemd wordt. Ook dat is een schatting: lees de citaten.\n"
    );
    let _ = writeln!(
        o,
        "**Hoe zijn de citaten gekozen?** Per thema, toon en stem een vaste steekproef uit alle ervaringen; daaruit \
         de citaten die de woorden gebruiken die bij het thema het vaakst voorkomen (typisch, niet extreem), nooit \
         twee die op elkaar lijken, ingekort tot een zin of twee (… markeert een weglating). Er staat bij wie het \
         schreef, op welke vraag en in welk kwartaal, behalve als die groep kleiner is dan {}.\n",
        s.min_group
    );
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
fn non_answers(o: &mut String, ledger: &Ledger) {
    let counted: Vec<&(std::sync::Arc<str>, u64)> = ledger.non_answers.iter().filter(|(_, n)| *n > 0).collect();
    if counted.is_empty() {
        return;
    }
    for (question, n) in counted {
        let _ = writeln!(
            o,
            "- Vraag '{question}': {} (nvt, geen, weet ik niet, ...), niet meegeteld als ervaring",
            plural(*n, "leeg antwoord", "lege antwoorden")
        );
    }
    let _ = writeln!(o);
}

/// Skipped rows, the first ones by line, with the reason in Dutch.
fn skipped(o: &mut String, skipped: &[Skipped]) {
    if skipped.is_empty() {
        return;
    }
    let _ = writeln!(o, "Overgeslagen rijen:\n");
    for sk in skipped.iter().take(SKIPPED_LISTED) {
        let _ = writeln!(o, "- {} regel {}: {}", file_name(&sk.file), sk.line, reason_nl(&sk.reason));
    }
    if skipped.len() > SKIPPED_LISTED {
        let _ = writeln!(o, "- ... en nog {} (zie report.json)", skipped.len() - SKIPPED_LISTED);
    }
    let _ = writeln!(o);
}

/// A group's name as shown.
fn group_name(dimension: Dimension, g: &GroupCount) -> String {
    let text = match g.merged {
        0 if dimension == Dimension::Role && g.group == "client" => "cliënt".to_string(),
        0 if g.group == UNKNOWN_GROUP => "(onbekend)".to_string(),
        0 => return name(&g.group),
        n => format!("{} ({})", SMALL_GROUPS, plural(n, "groep", "groepen")),
    };
    escape(&text)
}

/// One narrow table per breakdown: per group its size and its most named
/// themes, each with its share of the group.
fn breakdowns(o: &mut String, s: &Summary) {
    if s.breakdowns.is_empty() {
        return;
    }
    let below = format!("< {}", s.min_group);
    let _ = writeln!(o, "## Uitsplitsingen\n");
    let _ = writeln!(
        o,
        "Per groep het aantal ervaringen (met het aandeel van alle ervaringen) en hoe ze oordelen; daaronder de \
         {TOP_THEMES} thema's die er het meest voorkomen (met het aandeel van de groep); alle aantallen per thema staan in report.json. Groepen van \
         minder dan {} ervaringen staan samen onder *{}* en worden niet geciteerd; aantallen onder de {} staan als \
         \"{below}\", zodat niemand te herleiden is.\n",
        s.min_group, SMALL_GROUPS, s.min_group
    );
    for b in &s.breakdowns {
        breakdown(o, s, b, &below);
    }
}

fn breakdown(o: &mut String, s: &Summary, b: &Breakdown, below: &str) {
    let _ = writeln!(o, "### {}\n", b.dimension.label());
    let _ = writeln!(
        o,
        "| {} | Ervaringen | Positief | Negatief | Gemengd |\n|---|---:|---:|---:|---:|",
        b.dimension.label()
    );
    for g in &b.groups {
        let size = match g.count {
            Some(n) => format!("{n} ({})", percent(n as f64 / s.experiences.max(1) as f64)),
            None => below.to_string(),
        };
        let split: Vec<String> = [Sentiment::Positief, Sentiment::Negatief, Sentiment::Gemengd]
            .iter()
            .map(|&x| match (g.count, g.share(x)) {
                (None, _) => "–".to_string(),
                (_, Some(share)) => percent(share),
                (_, None) => below.to_string(),
            })
            .collect();
        let _ = writeln!(o, "| {} | {size} | {} |", group_name(b.dimension, g), split.join(" | "));
    }
    let _ = writeln!(o, "\n| {} | Meest genoemd |\n|---|---|", b.dimension.label());
    for g in &b.groups {
        let top = match g.count {
            Some(n) => {
                let mut cells: Vec<(usize, u64)> =
                    g.themes.iter().enumerate().filter_map(|(i, c)| c.filter(|&c| c > 0).map(|c| (i, c))).collect();
                cells.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let named: Vec<String> = cells
                    .iter()
                    .take(TOP_THEMES)
                    .map(|&(i, c)| format!("{} {c} ({})", s.themes[i].label, percent(c as f64 / n as f64)))
                    .collect();
                match named.is_empty() {
                    true => format!("– (elk thema {below})"),
                    false => named.join(", "),
                }
            }
            None => "–".to_string(),
        };
        let _ = writeln!(o, "| {} | {top} |", group_name(b.dimension, g));
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
        assert!(md.contains("**negatief**") && md.contains("cliënt"), "{md}");
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
