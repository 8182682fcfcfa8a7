//! Personal-data scores: how well the redactor finds annotated spans, on
//! character overlap.

use std::collections::BTreeMap;

use super::gold::{GoldExperience, PII_KINDS};
use super::ratio;

/// Recall and precision of one kind of personal data.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PiiKindScores {
    /// The kind (`naam`, `telefoon`, ...).
    pub kind: String,
    /// Share of the gold characters of this kind that were found.
    pub recall: f64,
    /// Share of the characters found as this kind that are gold personal data.
    pub precision: f64,
    /// Gold characters of this kind.
    pub support: u64,
}

/// How well the redactor finds annotated personal data, on character overlap.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PiiScores {
    /// Experiences with a `pii` field.
    pub n: u64,
    /// Share of gold personal-data characters inside a found span (of any kind).
    pub recall: f64,
    /// Share of found characters that are gold personal data (of any kind).
    pub precision: f64,
    /// Per gold kind (recall) and found kind (precision).
    pub per_kind: Vec<PiiKindScores>,
}

/// The gold kind a found kind counts as.
fn gold_kind(kind: crate::privacy::PiiKind) -> &'static str {
    use crate::privacy::PiiKind::*;
    match kind {
        Naam => "naam",
        Telefoon => "telefoon",
        Email | Url => "email",
        Bsn | Iban => "bsn",
        Adres => "adres",
        Datum => "datum",
        Leeftijd => "leeftijd",
    }
}

/// Scores `redactor` on the gold experiences that annotate personal data;
/// `None` when none does.
///
/// ```
/// let tax = leefwereld::Taxonomy::default();
/// let gold = leefwereld::evaluate::parse_gold(
///     r#"{"id": "1", "text": "Zuster Anja belde.", "themes": ["bejegening"], "pii": [{"start": 7, "end": 11, "kind": "naam"}]}"#,
///     "g.jsonl", &tax).unwrap();
/// let s = leefwereld::evaluate::evaluate_pii(&leefwereld::Redactor::new(), &gold).unwrap();
/// assert_eq!((s.recall, s.precision), (1.0, 1.0));
/// ```
pub fn evaluate_pii(redactor: &crate::privacy::Redactor, gold: &[GoldExperience]) -> Option<PiiScores> {
    let annotated: Vec<&GoldExperience> = gold.iter().filter(|g| g.pii_annotated).collect();
    if annotated.is_empty() {
        return None;
    }
    let mut stats: BTreeMap<&str, [u64; 4]> = PII_KINDS.iter().map(|k| (*k, [0; 4])).collect(); // gold, found-in-gold, predicted, predicted-in-gold
    let (mut gold_chars, mut gold_found, mut pred_chars, mut pred_true) = (0u64, 0u64, 0u64, 0u64);
    for g in annotated {
        let n = g.text.chars().count();
        // Per char: gold kind, found kind.
        let mut truth: Vec<Option<&str>> = vec![None; n];
        for p in &g.pii {
            for t in &mut truth[p.start..p.end] {
                *t = Some(p.kind.as_str());
            }
        }
        let mut found: Vec<Option<&str>> = vec![None; n];
        let char_at = |byte: usize| g.text[..byte].chars().count();
        for s in redactor.find(&g.text) {
            for f in &mut found[char_at(s.start)..char_at(s.end)] {
                *f = Some(gold_kind(s.kind));
            }
        }
        for (t, f) in truth.iter().zip(&found) {
            if let Some(k) = t {
                gold_chars += 1;
                let e = stats.entry(k).or_default();
                e[0] += 1;
                if f.is_some() {
                    gold_found += 1;
                    e[1] += 1;
                }
            }
            if let Some(k) = f {
                pred_chars += 1;
                let e = stats.entry(k).or_default();
                e[2] += 1;
                if t.is_some() {
                    pred_true += 1;
                    e[3] += 1;
                }
            }
        }
    }
    let per_kind = stats
        .into_iter()
        .map(|(kind, [g, gf, p, pt])| PiiKindScores {
            kind: kind.to_string(),
            recall: ratio(gf, g),
            precision: ratio(pt, p),
            support: g,
        })
        .collect();
    Some(PiiScores {
        n: gold.iter().filter(|g| g.pii_annotated).count() as u64,
        recall: ratio(gold_found, gold_chars),
        precision: ratio(pred_true, pred_chars),
        per_kind,
    })
}
