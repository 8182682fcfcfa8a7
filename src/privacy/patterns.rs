//! The regex-level finders: e-mail and web addresses, phone numbers, BSNs,
//! IBANs, postcodes and street addresses, dates, ages, and names after a
//! title, a relation or initials.

use std::sync::LazyLock;

use regex::Regex;

use super::names::{ABBREVIATIONS, ADDRESS, NAME, PARTICLES, RELATIONS};
use super::{PiiKind, PiiSpan, push};

pub(super) const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";

/// The patterns, and a set of all of them that finds in one pass which can
/// match at all (most texts hold no phone number, no e-mail address, ...).
pub(super) static PATTERNS: LazyLock<(Vec<(PiiKind, Regex)>, regex::RegexSet)> = LazyLock::new(|| {
    let patterns = patterns();
    let set = regex::RegexSet::new(patterns.iter().map(|(_, re)| re.as_str())).expect("valid patterns");
    (patterns, set)
});

fn patterns() -> Vec<(PiiKind, Regex)> {
    let r = |s: &str| Regex::new(s).expect("valid pattern");
    vec![
        (PiiKind::Email, r(r"(?i)(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?-u:\b)")),
        (PiiKind::Url, r(r"(?i)(?-u:\b)(?:https?://|www\.)\S+")),
        (PiiKind::Datum, r(r"(?-u:\b)\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?-u:\b)")),
        (PiiKind::Datum, r(&format!(r"(?i)(?-u:\b)\d{{1,2}}\s+(?:{MONTHS})\.?\s+(?:19|20)\d{{2}}(?-u:\b)"))),
        // Any country's IBAN (NL91 ABNA 0417 1643 00, BE68 5390 0754 7034);
        // the check digits decide.
        (PiiKind::Iban, r(r"(?-u:\b)[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?-u:\b)")),
        (
            PiiKind::Telefoon,
            r(
                r"(?:\+|(?-u:\b)00)\s?3[12]\s?(?:\(0\)\s?)?\d(?:(?:\s?-\s?|\s)?\d){7,8}(?-u:\b)|(?:\(0\d{1,3}\)|(?-u:\b)0\d{1,3})(?:(?:\s?-\s?|\s)?\d){6,8}(?-u:\b)|(?-u:\b)0\d{1,3}/\s?\d{2,3}(?:[.\s]\d{2,3}){1,2}(?-u:\b)",
            ),
        ),
        (PiiKind::Bsn, r(r"(?-u:\b)\d{4}\.?\d{2}\.?\d{3}(?-u:\b)")),
        (PiiKind::Adres, r(r"(?-u:\b)[1-9]\d{3}\s?[A-Z]{2}(?-u:\b)")),
        (
            PiiKind::Adres,
            r(
                r"(?-u:\b)[A-Z][\p{L}-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|steeg|dreef|pad|markt|veld|baan|lei|steenweg)\s+\d{1,4}(?:\s?[a-zA-Z](?-u:\b)|-\d+)?",
            ),
        ),
        (
            PiiKind::Leeftijd,
            r(concat!(
                r"(?i)(?-u:\b)\d{1,3}[\s-]?jarige?(?-u:\b)|(?-u:\b)\d{1,3}\s+jaar\s+oud(?-u:\b)",
                // "ik ben (al) 84 (jaar)", "mijn moeder is 91 jaar"
                r"|(?-u:\b)(?:ik|hij|zij|ze|u|moeder|vader|man|vrouw|zoon|dochter|mama|papa|opa|oma|schoonvader|schoonmoeder)",
                r"\s+(?:is|ben|was|wordt|werd|word)\s+(?:al\s+|pas\s+|net\s+|bijna\s+|inmiddels\s+|nu\s+|zelf\s+ook\s+al\s+)?",
                r"\d{2,3}(?:\s+jaar)?(?-u:\b)",
                // "een man van 84", "mijn dochter van 23 jaar"
                r"|(?-u:\b)(?:man|vrouw|dame|heer|jongen|meisje|jongeman|zoon|dochter|broer|zus|moeder|vader|opa|oma|bewoner|bewoonster)",
                r"\s+van\s+(?:bijna\s+|ruim\s+)?\d{1,3}(?:\s+jaar)?(?-u:\b)",
                // "Mijn vader (91)", "Daan (19 jaar)", "Mijn moeder, 86 jaar,"
                r"|\(\s?\d{2,3}\s?(?:jaar|jr\.?)?\)|,\s\d{2,3}\s+jaar,",
            )),
        ),
        (
            PiiKind::Naam,
            r(&format!(
                r"(?i:(?-u:\b)(?:(?:{ABBREVIATIONS})\.?|{ADDRESS}))\s+((?:\p{{Lu}}\.\s?)*(?:{NAME}\s+)?(?:(?i:{PARTICLES})\s+)?{NAME})"
            )),
        ),
        (
            PiiKind::Naam,
            r(&format!(r"(?i:(?-u:\b)(?:{RELATIONS}))(?:\s+|,\s+)({NAME}(?:\s+(?:(?i:{PARTICLES})\s+)?{NAME})?)")),
        ),
        (PiiKind::Naam, r(&format!(r"(?-u:\b)(?:\p{{Lu}}\.\s?)+(?:(?i:{PARTICLES})\s+)?{NAME}"))),
    ]
}

/// A day and month without a year is a personal date in a sentence about a
/// birthday or a death ("op 12 mei jarig").
pub(super) fn personal_dates(text: &str, spans: &mut Vec<PiiSpan>) {
    static DAY_MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)(?-u:\b)\d{{1,2}}\s+(?:{MONTHS})(?-u:\b)")).expect("valid pattern"));
    const CUES: &[&str] = &["jarig", "verjaardag", "geboren", "overleden", "gestorven", "begrafenis", "crematie"];
    for m in DAY_MONTH.find_iter(text) {
        let from = text[..m.start()].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
        let to = text[m.end()..].find(['.', '!', '?', '\n']).map_or(text.len(), |i| m.end() + i);
        let sentence = text[from..to].to_lowercase();
        if CUES.iter().any(|c| sentence.contains(c)) {
            push(spans, PiiSpan { start: m.start(), end: m.end(), kind: PiiKind::Datum });
        }
    }
}

/// "Rachid is 31", "Meneer van den Heuvel is 94 jaar": an age right after a
/// name; and "... is 94 jaar." at the end of a clause.
pub(super) fn ages_of_named_people(text: &str, spans: &mut Vec<PiiSpan>) {
    static IS_AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s+(?:is|was|wordt|werd)\s+(?:al\s+|pas\s+|net\s+|bijna\s+|inmiddels\s+|nu\s+)?(\d{2,3}(?:\s+jaar)?)(?-u:\b)",
        )
        .expect("valid pattern")
    });
    static CLAUSE_AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)is\s+(?:al\s+|pas\s+|net\s+|bijna\s+|inmiddels\s+|nu\s+)?(\d{2,3}\s+jaar)(?:\s*[.,;!?)]|\s+(?:en|maar|geworden)(?-u:\b)|\s*$)")
            .expect("valid pattern")
    });
    let mut found = Vec::new();
    for s in spans.iter().filter(|s| s.kind == PiiKind::Naam) {
        if let Some(age) = IS_AGE.captures(&text[s.end..]).and_then(|c| c.get(1)) {
            found.push(PiiSpan { start: s.end + age.start(), end: s.end + age.end(), kind: PiiKind::Leeftijd });
        }
    }
    for c in CLAUSE_AGE.captures_iter(text) {
        let age = c.get(1).expect("group");
        found.push(PiiSpan { start: age.start(), end: age.end(), kind: PiiKind::Leeftijd });
    }
    for s in found {
        push(spans, s);
    }
}

/// Does the text end in a word after which a number in brackets is a number,
/// not an age ("kamer (12)")?
pub(super) fn after_a_counter(before: &str) -> bool {
    const COUNTERS: &[&str] =
        &["kamer", "nummer", "nr", "huisnummer", "bed", "afdeling", "pagina", "blz", "lokaal", "bus"];
    let word = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    COUNTERS.contains(&word.as_str())
}
