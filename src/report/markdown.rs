//! `report.md`: a report a client council can read, in Dutch.

use std::fmt::Write;

use super::percent;
use crate::engine::Analysis;

/// Skipped rows listed by line before the list is cut short.
const SKIPPED_LISTED: usize = 20;

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
    let _ = writeln!(o, "## Thema's\n");
    let _ = writeln!(o, "| Thema | Ervaringen | Aandeel |\n|---|---:|---:|");
    let mut order: Vec<&crate::ThemeSummary> = s.themes.iter().collect();
    let overig = order.pop();
    order.sort_by_key(|t| std::cmp::Reverse(t.count));
    for t in order.iter().chain(overig.iter()) {
        let _ = writeln!(o, "| {} | {} | {} |", t.label, t.count, percent(t.share));
    }
    let _ = writeln!(o, "\nEen ervaring kan over meer thema's gaan; de aandelen tellen daarom op tot meer dan 100%.\n");
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
