//! The regex-level finders: e-mail and web addresses, phone numbers, BSNs,
//! IBANs, postcodes and street addresses, dates, ages, and names after a
//! title, a relation or initials.

use std::sync::LazyLock;

use regex::Regex;

use super::checks::{an_age, eleven_test, iban_check, plausible_date};
use super::names::{ABBREVIATIONS, ADDRESS, NAME, PARTICLES, RELATIONS};
use super::{PiiKind, PiiSpan, push};

pub(super) const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";

/// People whose age a text gives: "mijn tante is 97", "een man van 84".
const PERSONS: &str = concat!(
    "man|vrouw|dame|heer|meneer|mevrouw|jongen|meisje|jongeman|zoon|dochter|broer|zus|",
    "tante|oom|neef|nicht|kleinzoon|kleindochter|kleinkind|achterkleinkind|schoonzoon|schoondochter|",
    "schoonvader|schoonmoeder|schoonzus|zwager|buurvrouw|buurman|vriend|vriendin|partner|echtgenoot|echtgenote|",
    "bewoner|bewoonster|medebewoner|medebewoonster|cliënt|client|patiënt|patient|kamergenoot",
);
/// Parents, whose "van 3" counts children ("moeder van 3"): their age has
/// two digits or words.
const PARENTS: &str = "moeder|vader|mama|papa|mam|pap|ma|pa|opa|oma";
/// An age: a number, or a decade in words ("eind zestig", "in de tachtig",
/// "begin 80"), with its "jaar".
const AGE: &str = concat!(
    r"(?:\d{1,3}|(?:(?:begin|midden|half|eind|achter|diep|ver)\s+(?:in\s+de\s+)?|(?:in|rond|over|boven|ergens\s+in)\s+de\s+)",
    r"(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|[1-9]0)",
    r"|(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën))?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)",
    r"|honderd|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien)(?:\s+jaar)?",
);
/// Words between "is" and an age: "ik ben al 84", "ze wordt morgen 90".
const BEFORE_AGE: &str =
    r"(?:(?:al|pas|net|bijna|inmiddels|intussen|nu|zelf|ook|ruim|vandaag|gisteren|morgen|sinds\s+kort)\s+)*";

/// What a match must pass besides its pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// Nothing: the pattern says it all.
    None,
    /// The BSN's eleven-test.
    ElevenTest,
    /// The IBAN's check digits.
    Mod97,
    /// A day and month that exist, not part of a longer run of numbers, not a
    /// room or version number.
    Date,
    /// An age after a verb ("ik ben 84"), not a duration, count or measure
    /// ("ik ben al 2 jaar hier", "ze is 3 keer gevallen").
    AgeAfterVerb,
    /// An age after "van" ("een man van 84 jaar"), not a measure ("van 100
    /// kilo").
    Age,
    /// A number in brackets that does not follow a counter ("kamer (12)").
    NotCounted,
    /// A capitalised word after a relation ("mijn dochter Fatima"): the
    /// redactor decides, since an ordinary word is none ("mijn coach Oké").
    AfterRelation,
}

/// One pattern: its kind, its check, and the regex (whose group 1, when it
/// has one, is the span).
#[derive(Debug)]
pub(super) struct Pattern {
    pub(super) kind: PiiKind,
    pub(super) check: Check,
    pub(super) re: Regex,
}

/// The patterns, and a set of all of them that finds in one pass which can
/// match at all (most texts hold no phone number, no e-mail address, ...).
pub(super) static PATTERNS: LazyLock<(Vec<Pattern>, regex::RegexSet)> = LazyLock::new(|| {
    let patterns = patterns();
    let set = regex::RegexSet::new(patterns.iter().map(|p| p.re.as_str())).expect("valid patterns");
    (patterns, set)
});

fn patterns() -> Vec<Pattern> {
    let p = |kind, check, re: &str| Pattern { kind, check, re: Regex::new(re).expect("valid pattern") };
    use Check::*;
    use PiiKind::*;
    vec![
        p(Email, None, r"(?i)(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?-u:\b)"),
        p(Url, None, r"(?i)(?-u:\b)(?:https?://|www\.)\S+"),
        p(Datum, None, r"(?-u:\b)\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?-u:\b)"),
        // Two-digit and apostrophe years: 26-4-21, 8/12/18, 12-04-'02.
        p(Datum, Date, r"(?-u:\b)\d{1,2}[-/.]\d{1,2}[-/.]['’]?\d{2}(?-u:\b)"),
        p(Datum, None, r"(?-u:\b)(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?-u:\b)"),
        // 3 maart 1941, 17-mei-2011, 15.jan.1928, 17 mei '11, 1 aug. 2019.
        p(
            Datum,
            None,
            &format!(
                r"(?i)(?-u:\b)\d{{1,2}}(?:\s+|\s*[-.]\s*)(?:{MONTHS})\.?(?:\s+|\s*[-.]\s*)(?:(?:19|20)\d{{2}}|['’]\d{{2}})(?-u:\b)"
            ),
        ),
        // Any country's IBAN (NL91 ABNA 0417 1643 00, BE68 5390 0754 7034);
        // the check digits decide.
        p(Iban, Mod97, r"(?-u:\b)[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?-u:\b)"),
        // A number the text calls a BSN is one, even when mistyped: "BSN is
        // 234567891", "burgerservicenummer: 1234.56.789", "sofinummer 12345678".
        p(
            Bsn,
            None,
            r"(?i)(?-u:\b)(?:bsn|burger\s?service\s?nummer|sofi)(?:\s?-?\s?(?:nummer|nr\.?))?(?:\s+(?:van\s+(?:\p{L}+\s+){0,2})?(?:is|was))?\s*[:=]?\s*(\d(?:[ .]?\d){7,8})(?-u:\b)",
        ),
        p(
            Telefoon,
            None,
            r"(?:\+|(?-u:\b)00)\s?3[12]\s?(?:\(0\)\s?)?\d(?:(?:\s?-\s?|\s)?\d){7,8}(?-u:\b)|(?:\(0\d{1,3}\)|(?-u:\b)0\d{1,3})(?:(?:\s?-\s?|\s)?\d){6,8}(?-u:\b)|(?-u:\b)0\d{1,3}/\s?\d{2,3}(?:[.\s]\d{2,3}){1,2}(?-u:\b)",
        ),
        p(Bsn, ElevenTest, r"(?-u:\b)\d{4}\.?\d{2}\.?\d{3}(?-u:\b)"),
        p(Adres, None, r"(?-u:\b)[1-9]\d{3}\s?[A-Z]{2}(?-u:\b)"),
        p(
            Adres,
            None,
            r"(?-u:\b)[A-Z][\p{L}-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|steeg|dreef|pad|markt|veld|baan|lei|steenweg)\s+\d{1,4}(?:\s?[a-zA-Z](?-u:\b)|-\d+)?",
        ),
        p(Leeftijd, None, r"(?i)(?-u:\b)\d{1,3}[\s-]?jarige?(?-u:\b)|(?-u:\b)\d{1,3}\s+jaar\s+oud(?-u:\b)"),
        // "ik ben (al) 84 (jaar)", "mijn tante is 97", "hij is eind zestig"
        p(
            Leeftijd,
            AgeAfterVerb,
            &format!(
                r"(?i)(?-u:\b)(?:ik|hij|zij|ze|u|kind|baby|{PERSONS}|{PARENTS})\s+(?:is|ben|bent|was|wordt|werd|word)\s+{BEFORE_AGE}({AGE})(?-u:\b)"
            ),
        ),
        // "ook al ben ik 96", "nu is ze 90"
        p(
            Leeftijd,
            AgeAfterVerb,
            &format!(
                r"(?i)(?-u:\b)(?:is|ben|bent|was|wordt|werd|word)\s+(?:ik|hij|zij|ze|u)\s+{BEFORE_AGE}({AGE})(?-u:\b)"
            ),
        ),
        // "een man van 84", "kleindochter van 12", "een vrouw van in de tachtig"
        p(
            Leeftijd,
            Age,
            &format!(r"(?i)(?-u:\b)(?:{PERSONS})\s+van\s+(?:bijna\s+|ruim\s+|pas\s+|net\s+)?({AGE})(?-u:\b)"),
        ),
        p(
            Leeftijd,
            Age,
            &format!(
                r"(?i)(?-u:\b)(?:{PARENTS})\s+van\s+(?:bijna\s+|ruim\s+|pas\s+|net\s+)?(\d{{2,3}}(?:\s+jaar)?)(?-u:\b)"
            ),
        ),
        // "Mijn vader (91)", "Daan (19 jaar)", "Tante Lien (96!)"
        p(Leeftijd, NotCounted, r"\(\s?(\d{2,3}(?:\s?(?:jaar|jr(?-u:\b)\.?))?)\s?!?\)"),
        // "Mijn moeder, 86 jaar,", "op de leeftijd van 91", "leeftijd: 84"
        p(Leeftijd, None, r",\s(\d{2,3}\s+jaar),"),
        p(Leeftijd, None, r"(?i)(?-u:\b)leeftijd\s*(?::|van)\s*(\d{1,3})(?-u:\b)"),
        // A title with a name, initials, or one initial: "mw. De Vries",
        // "dhr. J. Bakker", "dr. A", "dhr B."
        p(
            Naam,
            None,
            &format!(
                r"(?i:(?-u:\b)(?:(?:{ABBREVIATIONS})\.?|{ADDRESS}))\s+((?:\p{{Lu}}\.\s?)*(?:{NAME}\s+)?(?:(?i:{PARTICLES})\s+)?{NAME}|(?:[A-Z]\.\s?)*[A-Z](?-u:\b))"
            ),
        ),
        p(
            Naam,
            AfterRelation,
            &format!(r"(?i:(?-u:\b)(?:{RELATIONS}))(?:\s+|,\s+)({NAME}(?:\s+(?:(?i:{PARTICLES})\s+)?{NAME})?)"),
        ),
        p(Naam, None, &format!(r"(?-u:\b)(?:\p{{Lu}}\.\s?)+(?:(?i:{PARTICLES})\s+)?{NAME}")),
    ]
}

impl Check {
    /// Whether `found` (the span of a match that starts at `matched`) in
    /// `text` passes.
    pub(super) fn passes(self, text: &str, matched: usize, found: regex::Match) -> bool {
        match self {
            Check::None => true,
            Check::ElevenTest => eleven_test(found.as_str()),
            Check::Mod97 => iban_check(found.as_str()),
            Check::Date => plausible_date(text, found.start(), found.end()) && !after_a_counter(&text[..found.start()]),
            Check::Age => an_age(found.as_str(), &text[found.end()..], false, false),
            Check::AgeAfterVerb => {
                let already = text[matched..found.start()].split_whitespace().any(|w| w.eq_ignore_ascii_case("al"));
                an_age(found.as_str(), &text[found.end()..], true, already)
            }
            Check::NotCounted => !after_a_counter(&text[..matched]),
            Check::AfterRelation => true,
        }
    }
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
        Regex::new(&format!(r"^\s+(?:is|was|wordt|werd)\s+{BEFORE_AGE}({AGE})(?-u:\b)")).expect("valid pattern")
    });
    static CLAUSE_AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)is\s+(?:al\s+|pas\s+|net\s+|bijna\s+|inmiddels\s+|nu\s+)?(\d{2,3}\s+jaar)(?:\s*[.,;!?)]|\s+(?:en|maar|geworden)(?-u:\b)|\s*$)")
            .expect("valid pattern")
    });
    let mut found = Vec::new();
    for s in spans.iter().filter(|s| s.kind == PiiKind::Naam) {
        if let Some(age) = IS_AGE.captures(&text[s.end..]).and_then(|c| c.get(1))
            && an_age(age.as_str(), &text[s.end + age.end()..], true, false)
        {
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
        &["kamer", "nummer", "nr", "huisnummer", "bed", "afdeling", "pagina", "blz", "lokaal", "bus", "versie", "v"];
    let word = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    COUNTERS.contains(&word.as_str())
}
