//! Personal data: find it and replace it before any text is shown.
//!
//! Every quote, excerpt and export goes through [`Redactor::redact`] unless the
//! user explicitly asks for raw text. What it finds, with its placeholder:
//! e-mail addresses and web addresses ([EMAIL], [URL]), phone numbers
//! ([TELEFOON]), BSNs that pass the eleven-test ([BSN]), IBANs ([IBAN]),
//! postcodes and street addresses ([ADRES]), dates with a year ([DATUM]),
//! ages ([LEEFTIJD]), and names ([NAAM]): a capitalised word after a title or
//! a relation (meneer, mw., zuster, dokter, mijn dochter, ...), initials with a
//! surname, and any capitalised word inside a sentence that is not a known
//! Dutch word. Within one text the same name gets the same number
//! ([NAAM-1], [NAAM-2]).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::CompoundSplitter;

/// Kinds of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PiiKind {
    /// A person's name.
    Naam,
    /// A phone number.
    Telefoon,
    /// An e-mail address.
    Email,
    /// A web address.
    Url,
    /// A citizen service number.
    Bsn,
    /// A bank account number.
    Iban,
    /// A street address or postcode.
    Adres,
    /// A date.
    Datum,
    /// An age.
    Leeftijd,
}

impl PiiKind {
    /// The placeholder's word (`NAAM`, `TELEFOON`, ...).
    pub fn placeholder(self) -> &'static str {
        match self {
            PiiKind::Naam => "NAAM",
            PiiKind::Telefoon => "TELEFOON",
            PiiKind::Email => "EMAIL",
            PiiKind::Url => "URL",
            PiiKind::Bsn => "BSN",
            PiiKind::Iban => "IBAN",
            PiiKind::Adres => "ADRES",
            PiiKind::Datum => "DATUM",
            PiiKind::Leeftijd => "LEEFTIJD",
        }
    }
}

/// A span of personal data, in byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PiiSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: PiiKind,
}

const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
/// Abbreviated titles: may carry a full stop ("mw. De Vries").
const ABBREVIATIONS: &str = "mevr|mw|mr|dhr|zr|dr|drs";
/// Titles and relations written out: no full stop (after "buurvrouw." a new
/// sentence starts).
const TITLES: &str = "meneer|mevrouw|heer|zuster|broeder|dokter|juf|juffrouw|meester|collega|verzorgster|verzorger|verpleegster|verpleger|begeleider|begeleidster|buurvrouw|buurman|oom|tante|opa|oma|dochter|zoon|schoonzoon|schoondochter|man|vrouw|broer|zus|zuster|neef|nicht|vriend|vriendin|kleinzoon|kleindochter|fysio|arts|huisarts|psycholoog|mentor|cliënt|bewoner|bewoonster";
const PARTICLES: &str =
    r"(?:van der|van den|van de|van 't|van het|v/d|van|de|der|den|ter|ten|te|het|'t|in 't|op de|la|le|el|al|ben|bin)";

static PATTERNS: LazyLock<Vec<(PiiKind, Regex)>> = LazyLock::new(|| {
    let r = |s: &str| Regex::new(s).expect("valid pattern");
    vec![
        (PiiKind::Email, r(r"(?i)\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
        (PiiKind::Url, r(r"(?i)\b(?:https?://|www\.)\S+")),
        (PiiKind::Datum, r(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b")),
        (PiiKind::Datum, r(&format!(r"(?i)\b\d{{1,2}}\s+(?:{MONTHS})\.?\s+(?:19|20)\d{{2}}\b"))),
        (PiiKind::Iban, r(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}\s?(?:\d{4}\s?){2}\d{2}\b")),
        (
            PiiKind::Telefoon,
            r(
                r"(?:\+|\b00)\s?3[12]\s?(?:\(0\)\s?)?\d(?:[\s-]?\d){7,8}\b|(?:\(0\d{1,3}\)|\b0\d{1,3})(?:[\s-]?\d){6,8}\b",
            ),
        ),
        (PiiKind::Bsn, r(r"\b\d{4}\.?\d{2}\.?\d{3}\b")),
        (PiiKind::Adres, r(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")),
        (
            PiiKind::Adres,
            r(
                r"\b[A-Z][\p{L}-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|steeg|dreef|pad|markt|veld|baan|lei|steenweg)\s+\d{1,4}(?:\s?[a-zA-Z]\b|-\d+)?",
            ),
        ),
        (
            PiiKind::Leeftijd,
            r(concat!(
                r"(?i)\b\d{1,3}[\s-]?jarige?\b|\b\d{1,3}\s+jaar\s+oud\b",
                // "ik ben (al) 84 (jaar)", "mijn moeder is 91 jaar"
                r"|\b(?:ik|hij|zij|ze|u|moeder|vader|man|vrouw|zoon|dochter|mama|papa|opa|oma|schoonvader|schoonmoeder)",
                r"\s+(?:is|ben|was|wordt|werd|word)\s+(?:al\s+|pas\s+|net\s+|bijna\s+|inmiddels\s+|nu\s+|zelf\s+ook\s+al\s+)?",
                r"\d{2,3}(?:\s+jaar)?\b",
                // "een man van 84", "mijn dochter van 23 jaar"
                r"|\b(?:man|vrouw|dame|heer|jongen|meisje|jongeman|zoon|dochter|broer|zus|moeder|vader|opa|oma|bewoner|bewoonster)",
                r"\s+van\s+(?:bijna\s+|ruim\s+)?\d{2,3}(?:\s+jaar)?\b",
                // "Mijn vader (91)", "Daan (19 jaar)", "Mijn moeder, 86 jaar,"
                r"|\(\s?\d{2,3}\s?(?:jaar|jr\.?)?\)|,\s\d{2,3}\s+jaar,",
            )),
        ),
        (
            PiiKind::Naam,
            r(&format!(
                r"(?i:\b(?:(?:{ABBREVIATIONS})\.?|{TITLES}))\s+((?:\p{{Lu}}\.\s?)*(?:\p{{Lu}}[\p{{L}}'-]+\s+)?(?:(?i:{PARTICLES})\s+)?\p{{Lu}}[\p{{L}}'-]+(?:-\p{{Lu}}[\p{{L}}'-]+)?)"
            )),
        ),
        (PiiKind::Naam, r(&format!(r"\b(?:\p{{Lu}}\.\s?)+(?:(?i:{PARTICLES})\s+)?\p{{Lu}}[\p{{L}}'-]+"))),
    ]
});

/// Everyday words that are not in Snowball's vocabulary and not names.
const LOANWORDS: &[&str] = &[
    "wifi",
    "tv",
    "app",
    "apps",
    "whatsapp",
    "facebook",
    "internet",
    "laptop",
    "tablet",
    "ipad",
    "iphone",
    "smartphone",
    "mail",
    "email",
    "corona",
    "covid",
    "ok",
    "oke",
    "team",
    "teams",
    "zoom",
    "skype",
    "online",
    "alzheimer",
    "parkinson",
    "dementie",
    "ggz",
    "wmo",
    "wlz",
    "cak",
    "adl",
    "ecd",
    "mdo",
    "pb",
    "pb'er",
];

/// First names that are also everyday Dutch words (every such word among the
/// first names that Snowball's Dutch vocabulary holds): in lower case they are
/// the word ("een roos", "het is prima", "elke dag").
const NAME_WORDS: &[&str] = &[
    "adem", "akar", "aral", "azalea", "bas", "beren", "bergen", "beste", "divan", "elke", "ernst", "floor", "flora",
    "frank", "grit", "heide", "iris", "jet", "juli", "kader", "karen", "klare", "koker", "lieve", "linde", "lot",
    "mare", "marine", "mark", "max", "meta", "nova", "paris", "peer", "peren", "prima", "puck", "queen", "raden",
    "roman", "roos", "rosa", "saba", "server", "silva", "tan", "vega", "violet", "wolf",
];

/// Finds and replaces personal data in text.
#[derive(Debug, Clone)]
pub struct Redactor {
    known: CompoundSplitter,
    first_names: rustc_hash::FxHashSet<&'static str>,
    last_names: rustc_hash::FxHashSet<&'static str>,
}

impl Default for Redactor {
    fn default() -> Self {
        Self::new()
    }
}

impl Redactor {
    /// A redactor with the built-in Dutch rules.
    pub fn new() -> Self {
        let mut known = CompoundSplitter::dutch();
        known.extend(LOANWORDS.iter().copied());
        let list = |text: &'static str| text.lines().filter(|l| !l.is_empty()).collect();
        let first_names = list(include_str!("../data/names/first-names.txt"));
        let last_names = list(include_str!("../data/names/last-names.txt"));
        Redactor { known, first_names, last_names }
    }

    /// Adds words that are never names (a taxonomy's cue words, say), in any
    /// case; words of fewer than three letters are ignored.
    pub fn with_known_words<'a>(mut self, words: impl IntoIterator<Item = &'a str>) -> Self {
        let normal: Vec<String> = words.into_iter().map(crate::analysis::normalise).collect();
        self.known.extend(normal.iter().map(String::as_str));
        self
    }

    /// The spans of personal data in `text`, ordered, not overlapping.
    pub fn find(&self, text: &str) -> Vec<PiiSpan> {
        let mut spans: Vec<PiiSpan> = Vec::new();
        for (kind, re) in PATTERNS.iter() {
            for caps in re.captures_iter(text) {
                let m = caps.get(1).unwrap_or_else(|| caps.get(0).expect("match"));
                if *kind == PiiKind::Bsn && !eleven_test(m.as_str()) {
                    continue;
                }
                if *kind == PiiKind::Leeftijd && m.as_str().starts_with('(') && after_a_counter(&text[..m.start()]) {
                    continue;
                }
                let (mut start, mut end) = (m.start(), m.end());
                if *kind == PiiKind::Leeftijd {
                    // "ik ben 84", "(87)", ", 86 jaar,": the age is the number
                    // and its "jaar", not the words or marks around it.
                    start += m.as_str().find(|c: char| c.is_ascii_digit()).unwrap_or(0);
                    end -= m.as_str().len() - m.as_str().trim_end_matches([')', ',', ' ']).len();
                }
                push(&mut spans, PiiSpan { start, end, kind: *kind });
            }
        }
        self.unknown_capitalised(text, &mut spans);
        spans.sort_by_key(|s| s.start);
        spans
    }

    /// Capitalised words inside a sentence that are no known Dutch word.
    fn unknown_capitalised(&self, text: &str, spans: &mut Vec<PiiSpan>) {
        let mut sentence_start = true;
        let mut prev_end = 0;
        crate::analysis::segment::segment(text, |s| {
            let (start, end) = (s.start as usize, s.end as usize);
            let gap = &text[prev_end..start];
            if gap.contains(['.', '!', '?', '\n', ':', '"', '“', '(']) || prev_end == 0 {
                sentence_start = true;
            }
            let word = &text[start..end];
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if word.chars().any(char::is_lowercase) && word.chars().all(char::is_alphabetic) {
                let lower = crate::analysis::normalise(word);
                let known = self.known.knows(&lower) || crate::analysis::stopwords::is_stopword(&lower);
                let first_name = self.first_names.contains(lower.as_str());
                let name = if !capital {
                    // Lower case: a first name that is no everyday word
                    // ("karin", not "roos").
                    first_name
                        && !NAME_WORDS.contains(&lower.as_str())
                        && !crate::analysis::stopwords::is_stopword(&lower)
                } else if sentence_start {
                    // Every word is capitalised here: an unknown word that is no
                    // compound of known words ("Dagbesteding" is one).
                    !known && self.known.split(&lower).is_none()
                } else {
                    // Inside a sentence, where Dutch capitalises no ordinary
                    // word: unknown, or a first name or surname even if it is
                    // also a word ("met Mark gesproken", "mevrouw Bakker").
                    !known || first_name || self.last_names.contains(lower.as_str())
                };
                if name {
                    push(spans, PiiSpan { start, end, kind: PiiKind::Naam });
                }
            }
            sentence_start = false;
            prev_end = end;
        });
    }

    /// `text` with every span of personal data replaced by its placeholder;
    /// borrowed when there is none.
    ///
    /// ```
    /// let r = leefwereld::Redactor::new();
    /// assert_eq!(
    ///     r.redact("Zuster Anja belde 06-12345678, later belde Anja nog eens."),
    ///     "Zuster [NAAM-1] belde [TELEFOON], later belde [NAAM-1] nog eens."
    /// );
    /// assert_eq!(r.redact("De soep was lauw."), "De soep was lauw.");
    /// ```
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let spans = self.find(text);
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut names: Vec<String> = Vec::new();
        // A name found once is a name everywhere in the text.
        let mut all = spans.clone();
        for s in spans.iter().filter(|s| s.kind == PiiKind::Naam) {
            let name = &text[s.start..s.end];
            for (i, _) in text.match_indices(name) {
                let end = i + name.len();
                let whole = !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
                    && !text[end..].chars().next().is_some_and(char::is_alphanumeric);
                if whole {
                    push(&mut all, PiiSpan { start: i, end, kind: PiiKind::Naam });
                }
            }
        }
        all.sort_by_key(|s| s.start);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for s in all {
            out.push_str(&text[at..s.start]);
            if s.kind == PiiKind::Naam {
                let key = text[s.start..s.end].to_lowercase();
                let n = match names.iter().position(|k| *k == key) {
                    Some(i) => i + 1,
                    None => {
                        names.push(key);
                        names.len()
                    }
                };
                out.push_str(&format!("[NAAM-{n}]"));
            } else {
                out.push('[');
                out.push_str(s.kind.placeholder());
                out.push(']');
            }
            at = s.end;
        }
        out.push_str(&text[at..]);
        Cow::Owned(out)
    }
}

/// Does the text end in a word after which a number in brackets is a number,
/// not an age ("kamer (12)")?
fn after_a_counter(before: &str) -> bool {
    const COUNTERS: &[&str] =
        &["kamer", "nummer", "nr", "huisnummer", "bed", "afdeling", "pagina", "blz", "lokaal", "bus"];
    let word = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    COUNTERS.contains(&word.as_str())
}

/// Adds `span` unless it overlaps one already found (earlier patterns win).
fn push(spans: &mut Vec<PiiSpan>, span: PiiSpan) {
    if !spans.iter().any(|s| s.start < span.end && span.start < s.end) {
        spans.push(span);
    }
}

/// The Dutch eleven-test for BSNs.
fn eleven_test(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i64 =
        digits.iter().enumerate().map(|(i, &d)| if i == 8 { -(d as i64) } else { (9 - i as i64) * d as i64 }).sum();
    sum % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> String {
        Redactor::new().redact(text).into_owned()
    }

    #[test]
    fn contact_data_is_replaced() {
        assert_eq!(r("Mail naar j.jansen@example.nl of bel 020-1234567."), "Mail naar [EMAIL] of bel [TELEFOON].");
        assert_eq!(r("bel +31 6 12345678"), "bel [TELEFOON]");
        assert_eq!(r("bel (030) 555 5555 of 06 1234 5678"), "bel [TELEFOON] of [TELEFOON]");
        assert_eq!(r("zie www.example.nl/dossier/123"), "zie [URL]");
    }

    #[test]
    fn numbers_that_are_not_personal_stay() {
        assert_eq!(r("Kamer 214, om 17.30 uur, €12,50."), "Kamer 214, om 17.30 uur, €12,50.");
        assert_eq!(r("Al 12 jaar woon ik hier."), "Al 12 jaar woon ik hier.");
    }

    #[test]
    fn bsn_needs_the_eleven_test() {
        assert_eq!(r("BSN 123456782"), "BSN [BSN]");
        assert_eq!(r("code 123456789"), "code 123456789");
    }

    #[test]
    fn addresses_dates_and_ages() {
        assert_eq!(r("Ze woont op de Dorpsstraat 12a, 1234 AB."), "Ze woont op de [ADRES], [ADRES].");
        assert_eq!(r("geboren op 3 maart 1941"), "geboren op [DATUM]");
        assert_eq!(r("geboren 03-03-1941"), "geboren [DATUM]");
        assert_eq!(r("een 87-jarige vrouw, ik ben 84"), "een [LEEFTIJD] vrouw, ik ben [LEEFTIJD]");
        assert_eq!(
            r("Mijn vader (87) is een man van 87 jaar; ik ben al 19 jaar."),
            "Mijn vader ([LEEFTIJD]) is een man van [LEEFTIJD]; ik ben al [LEEFTIJD]."
        );
        assert_eq!(r("Ik woon hier al 12 jaar, in kamer (12)."), "Ik woon hier al 12 jaar, in kamer (12).");
    }

    #[test]
    fn names_after_titles_and_relations() {
        assert_eq!(r("meneer van der Berg"), "meneer [NAAM-1]");
        assert_eq!(r("Ik sprak mw. De Vries en dhr. J. Bakker."), "Ik sprak mw. [NAAM-1] en dhr. [NAAM-2].");
        assert_eq!(r("mijn dochter Fatima komt elke dag"), "mijn dochter [NAAM-1] komt elke dag");
        assert_eq!(r("Zuster Anja de Vries belde"), "Zuster [NAAM-1] belde");
        assert_eq!(r("zuster Anja Bakker en zuster Anja"), "zuster [NAAM-1] en zuster [NAAM-2]");
    }

    #[test]
    fn unknown_capitalised_words_are_names_known_words_are_not() {
        assert_eq!(r("Gisteren was Özlem er niet."), "Gisteren was [NAAM-1] er niet.");
        assert_eq!(r("De bakker kwam langs. Soep!"), "De bakker kwam langs. Soep!");
        assert_eq!(r("Het was erg Gezellig vandaag."), "Het was erg Gezellig vandaag.");
        // At a sentence start too, unless the word is a compound of known words.
        assert_eq!(r("Shurandy helpt mij. Dagbesteding is leuk."), "[NAAM-1] helpt mij. Dagbesteding is leuk.");
        assert_eq!(
            r("Gevonden door de buurvrouw. De alarmknop ligt in de la."),
            "Gevonden door de buurvrouw. De alarmknop ligt in de la."
        );
        assert_eq!(r("Wifi valt weg, het Alzheimer Café is fijn."), "Wifi valt weg, het Alzheimer Café is fijn.");
        // First names in lower case, or capitalised inside a sentence even when
        // they are words; the flower and the trade stay.
        assert_eq!(r("gisteren was karin er, met Mark."), "gisteren was [NAAM-1] er, met [NAAM-2].");
        assert_eq!(r("Een roos van de bakker."), "Een roos van de bakker.");
        assert_eq!(r("Ik sprak gisteren Visser en Bakker."), "Ik sprak gisteren [NAAM-1] en [NAAM-2].");
    }
}
