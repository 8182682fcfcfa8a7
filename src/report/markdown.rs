//! `report.md`: a report a client council can read, in Dutch.

use std::fmt::Write;

use super::percent;
use crate::engine::Analysis;

/// Skipped rows listed by line before the list is cut short.
const SKIPPED_LISTED: usize = 20;

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
    let _ = writeln!(
        o,
        "Dit rapport bundelt {} ervaringen in leefwereldthema's (taxonomie: *{}*). Bij elk thema staat hoe vaak het \
         voorkomt en een paar citaten als voorbeeld.{}\n",
        s.experiences,
        a.taxonomy,
        if a.raw_text { "" } else { " Persoonsgegevens in citaten zijn vervangen door [NAAM], [TELEFOON] enz." }
    );
    let _ = writeln!(o, "## Verantwoording\n");
    let _ = writeln!(o, "| | aantal |\n|---|---:|");
    let _ = writeln!(o, "| Rijen gelezen | {} |", a.ledger.rows_read);
    let _ = writeln!(o, "| Geanalyseerd | {} |", a.ledger.analysed);
    let _ = writeln!(o, "| Overgeslagen | {} |\n", a.ledger.skipped.len());
    for i in &a.ledger.inputs {
        let _ = writeln!(o, "- Gelezen: {} ({}, {} rijen)", i.file, i.encoding, i.rows_read);
    }
    if !a.ledger.inputs.is_empty() {
        let _ = writeln!(o);
    }
    if !a.ledger.skipped.is_empty() {
        let _ = writeln!(o, "Overgeslagen rijen:\n");
        for sk in a.ledger.skipped.iter().take(SKIPPED_LISTED) {
            let _ = writeln!(o, "- {} regel {}: {}", sk.file, sk.line, sk.reason);
        }
        if a.ledger.skipped.len() > SKIPPED_LISTED {
            let _ = writeln!(o, "- ... en nog {} (zie report.json)", a.ledger.skipped.len() - SKIPPED_LISTED);
        }
        let _ = writeln!(o);
    }
    quality(&mut o, a);
    let _ = writeln!(o, "## Thema's\n");
    let _ = writeln!(o, "| Thema | Ervaringen | Aandeel |\n|---|---:|---:|");
    let mut order: Vec<&crate::ThemeSummary> = s.themes.iter().collect();
    let overig = order.pop();
    order.sort_by_key(|t| std::cmp::Reverse(t.count));
    for t in order.iter().chain(overig.iter()) {
        let _ = writeln!(o, "| {} | {} | {} |", t.label, t.count, percent(t.share));
    }
    let _ = writeln!(o, "\nEen ervaring kan over meer thema's gaan; de aandelen tellen daarom op tot meer dan 100%.\n");
    breakdowns(&mut o, s);
    let _ = writeln!(o, "## Per thema\n");
    for t in order.iter().chain(overig.iter()) {
        if t.count == 0 {
            continue;
        }
        let _ = writeln!(o, "### {} ({} ervaringen, {})\n", t.label, t.count, percent(t.share));
        if !t.description.is_empty() {
            let _ = writeln!(o, "*{}*\n", t.description);
        }
        for q in &t.quotes {
            let _ = writeln!(o, "> {}\n>\n> — ervaring {}\n", q.text.replace('\n', " "), q.id);
        }
    }
    let _ = writeln!(o, "---\nGemaakt met leefwereld {}.", env!("CARGO_PKG_VERSION"));
    o
}

/// One table per breakdown: groups down, the themes that occur across.
fn breakdowns(o: &mut String, s: &crate::Summary) {
    if s.breakdowns.is_empty() {
        return;
    }
    let below = format!("< {}", s.min_group);
    let _ = writeln!(o, "## Uitsplitsingen\n");
    let _ = writeln!(
        o,
        "Groepen van minder dan {} ervaringen staan samen onder *{}* en worden niet geciteerd; aantallen onder de {} \
         staan als \"{below}\", zodat niemand te herleiden is.\n",
        s.min_group,
        crate::SMALL_GROUPS,
        s.min_group
    );
    let cell = |n: Option<u64>| n.map_or(below.clone(), |n| n.to_string());
    for b in &s.breakdowns {
        // Themes with any experience in this breakdown.
        let columns: Vec<usize> =
            (0..s.themes.len()).filter(|&i| b.groups.iter().any(|g| g.themes[i] != Some(0))).collect();
        let _ = writeln!(o, "### {}\n", b.dimension.label());
        let _ = write!(o, "| {} | Ervaringen |", b.dimension.label());
        for &i in &columns {
            let _ = write!(o, " {} |", s.themes[i].label);
        }
        let _ = write!(o, "\n|---|---:|");
        for _ in &columns {
            let _ = write!(o, "---:|");
        }
        let _ = writeln!(o);
        for g in &b.groups {
            let name = match g.merged {
                0 if b.dimension == crate::Dimension::Role && g.group == "client" => "cliënt".to_string(),
                0 => g.group.clone(),
                n => format!("{} ({n} groepen)", g.group),
            };
            let _ = write!(o, "| {} | {} |", name.replace('|', "/"), cell(g.count));
            for &i in &columns {
                let _ = write!(o, " {} |", cell(g.themes[i]));
            }
            let _ = writeln!(o);
        }
        let _ = writeln!(o);
    }
}
