//! `report.md`: a report a client council can read, in Dutch.

use std::fmt::Write;

use super::{file_name, percent};
use crate::aggregate::{Breakdown, Dimension, GroupCount, SMALL_GROUPS, Summary, ThemeSummary, UNKNOWN_GROUP};
use crate::engine::Analysis;
use crate::ledger::{Ledger, SkipReason, Skipped};

/// Skipped rows listed by line before the list is cut short.
const SKIPPED_LISTED: usize = 20;
/// Themes named per group in a breakdown table (the full table is in
/// `report.json`).
const TOP_THEMES: usize = 3;

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

/// `report.md` as text.
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
    let _ = write!(
        o,
        "Dit rapport bundelt {} in leefwereldthema's (taxonomie: *{}*). ",
        plural(s.experiences, "ervaring", "ervaringen"),
        a.taxonomy
    );
    if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
        let _ = write!(o, "De ervaringen zijn van {} tot en met {}. ", dutch_date(first), dutch_date(last));
    }
    let _ = writeln!(
        o,
        "Bij elk thema staat hoe vaak het voorkomt en een paar citaten als voorbeeld.{}\n",
        if a.raw_text { String::new() } else { format!(" {LEGEND}") }
    );
    let _ = writeln!(o, "## Verantwoording\n");
    let _ = writeln!(o, "| | aantal |\n|---|---:|");
    let _ = writeln!(o, "| Rijen gelezen | {} |", a.ledger.rows_read);
    let _ = writeln!(o, "| Geanalyseerd | {} |", a.ledger.analysed);
    let _ = writeln!(o, "| Overgeslagen | {} |\n", a.ledger.skipped.len());
    for i in &a.ledger.inputs {
        let _ =
            writeln!(o, "- Gelezen: {} ({}, {})", file_name(&i.file), i.encoding, plural(i.rows_read, "rij", "rijen"));
    }
    if !a.ledger.inputs.is_empty() {
        let _ = writeln!(o);
    }
    non_answers(&mut o, &a.ledger);
    skipped(&mut o, &a.ledger.skipped);
    quality(&mut o, a);
    let _ = writeln!(o, "## Thema's\n");
    let _ = writeln!(o, "| Thema | Ervaringen | Aandeel |\n|---|---:|---:|");
    let order = theme_order(s);
    for t in &order {
        let _ = writeln!(o, "| {} | {} | {} |", t.label, t.count, percent(t.share));
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
    breakdowns(&mut o, s);
    let _ = writeln!(o, "## Per thema\n");
    for t in &order {
        if t.count == 0 {
            continue;
        }
        let _ = writeln!(o, "### {} ({}, {})\n", t.label, plural(t.count, "ervaring", "ervaringen"), percent(t.share));
        if !t.description.is_empty() {
            let _ = writeln!(o, "*{}*\n", t.description);
        }
        for q in &t.quotes {
            let _ = writeln!(o, "> {}\n>\n> — ervaring {}\n", q.text.replace('\n', " "), q.id);
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
    let _ = writeln!(o, "---\nGemaakt op {} met leefwereld {}.", dutch_date(&s.made_on), env!("CARGO_PKG_VERSION"));
    o
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
    let name = match g.merged {
        0 if dimension == Dimension::Role && g.group == "client" => "cliënt".to_string(),
        0 if g.group == UNKNOWN_GROUP => "(onbekend)".to_string(),
        0 => g.group.clone(),
        n => format!("{} ({})", SMALL_GROUPS, plural(n, "groep", "groepen")),
    };
    name.replace('|', "/")
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
        "Per groep het aantal ervaringen (met het aandeel van alle ervaringen) en de {TOP_THEMES} thema's die er het \
         meest voorkomen (met het aandeel van de groep); alle aantallen per thema staan in report.json. Groepen van \
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
    let _ = writeln!(o, "| {} | Ervaringen | Meest genoemd |\n|---|---:|---|", b.dimension.label());
    for g in &b.groups {
        let size = match g.count {
            Some(n) => format!("{n} ({})", percent(n as f64 / s.experiences.max(1) as f64)),
            None => below.to_string(),
        };
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
        let _ = writeln!(o, "| {} | {size} | {top} |", group_name(b.dimension, g));
    }
    let _ = writeln!(o);
}
