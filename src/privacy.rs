//! Personal data: find it and replace it before any text is shown.
//!
//! Every quote, excerpt, piece of evidence and export goes through
//! [`Redactor::redact`] unless the user explicitly asks for raw text. What it
//! finds, with its placeholder: e-mail addresses and web addresses ([EMAIL],
//! [URL]), phone numbers ([TELEFOON]), BSNs that pass the eleven-test ([BSN]),
//! IBANs ([IBAN]), postcodes and street addresses ([ADRES]), dates with a year
//! or in a sentence about a birthday or death ([DATUM]), ages ([LEEFTIJD]),
//! and names ([NAAM]):
//!
//! - a name after a form of address or a relation (meneer, mw., zuster,
//!   dokter, mijn dochter, collega, ...), also in lower case after a form of
//!   address ("mw de jong"), and initials with a surname;
//! - first names from the lists in `data/names/` that are no ordinary Dutch
//!   word (OpenTaal's list, `data/opentaal/`), in any case;
//! - inside a sentence, any capitalised word that is a listed name or no
//!   Dutch word, unless it is a place, nationality, shop or feast
//!   (`data/names/not-names.txt`) or follows "afdeling", "uit", "in";
//! - at a sentence start, a listed name that is no word, an unknown word that
//!   is no compound of known ones, and a name that is a word when a verb
//!   follows ("Roos zegt");
//! - the user's own names ([`Redactor::with_names`]), never the user's
//!   exceptions ([`Redactor::with_never_redact`]).
//!
//! A name is redacted whole ("Anja van Dam"), and wherever it comes back in
//! the text. Within one text the same person gets the same number ([NAAM-1],
//! [NAAM-2]), also when named in part.

use std::borrow::Cow;
use std::io::Read;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

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
const ABBREVIATIONS: &str = "mevr|mw|mr|dhr|zr|dr|drs|ir|mej";
/// Forms of address written out: a surname may follow directly, with its
/// particles ("meneer van der Berg"). No full stop: after "dokter." a new
/// sentence starts.
const ADDRESS: &str = "meneer|mevrouw|heer|zuster|broeder|dokter|juf|juffrouw|meester|pater|dominee";
/// Relations and roles before a name ("mijn dochter Fatima", "collega Anja
/// de Boer"): a first name follows, "van" right after is a preposition
/// ("begeleider van Ravi").
const RELATIONS: &str = concat!(
    "collega|verzorgster|verzorger|verzorgende|verpleegster|verpleger|verpleegkundige|wijkverpleegkundige|",
    "begeleider|begeleidster|mentor|coach|maatje|hulp|huishoudelijke hulp|schoonmaakster|vrijwilliger|vrijwilligster|",
    "stagiair|stagiaire|teamleider|casemanager|behandelaar|therapeut|fysio|fysiotherapeut|ergotherapeut|logopedist|",
    "diëtist|diëtiste|psycholoog|psychiater|arts|huisarts|specialist|kok|kapster|pedicure|pb'er|",
    "buurvrouw|buurman|kamergenoot|medebewoner|medebewoonster|cliënt|bewoner|bewoonster|",
    "oom|tante|opa|oma|dochter|zoon|schoonzoon|schoondochter|man|vrouw|broer|zus|zuster|neef|nicht|vriend|vriendin|",
    "kleinzoon|kleindochter|kleinkind|vader|moeder|schoonvader|schoonmoeder|partner|echtgenoot|echtgenote|mantelzorger|",
    "pa|ma|papa|mama|vent",
);
const PARTICLES: &str = r"(?:van der|van den|van de|van 't|van het|v/d|v\.d\.|van|de|der|den|ter|ten|te|het|'t|in 't|op de|la|le|el|al|ben|bin|da|di|do|dos|du)";
/// The words of [`PARTICLES`], which alone are no name.
const PARTICLE_WORDS: &[&str] = &[
    "van", "der", "den", "de", "het", "'t", "ter", "ten", "te", "in", "op", "la", "le", "el", "al", "ben", "bin", "da",
    "di", "do", "dos", "du", "v/d", "v.d.",
];
/// One capitalised name word: letters, with an apostrophe or a hyphen only
/// between letters ("d'Ancona", "Doornbos-Kaya", not "Verhoeven'").
const NAME: &str = r"\p{Lu}(?:\p{L}|['’-]\p{L})+";

/// The patterns, and a set of all of them that finds in one pass which can
/// match at all (most texts hold no phone number, no e-mail address, ...).
static PATTERNS: LazyLock<(Vec<(PiiKind, Regex)>, regex::RegexSet)> = LazyLock::new(|| {
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

/// Everyday words that are in neither word list and are no names.
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
    // Abbreviations as written ("Bijv. de soep"), without their full stop.
    "bijv",
    "bv",
    "evt",
    "ivm",
    "mbt",
    "nav",
    "mvg",
    "enz",
    "etc",
    "ca",
    "oa",
    "tzt",
    "zsm",
    "svp",
    "aub",
    "resp",
    "incl",
    "excl",
    "tel",
    "nr",
    "fam",
    // Function words of Flemish and of Limburgish, Brabant, Twents and
    // Gronings spelling, which open sentences in dialect texts.
    "ich",
    "gij",
    "oe",
    "nie",
    "nen",
    "zenne",
    "amai",
    "awel",
    "allez",
    "efkes",
    "seffens",
    "veur",
    "vreuger",
    "vrogger",
    "neet",
    "nait",
    "gain",
    "gein",
    "doar",
    "dao",
    "hie",
    "zai",
    "iej",
    "wiej",
    "nich",
    "aait",
];

/// After these words a capitalised word is a place, not a person, unless it
/// is a known name ("een vrouw uit Nickerie", but "naar Anja").
const PLACE_PREPOSITIONS: &[&str] = &["in", "uit", "te", "naar"];
/// After these words (and an article) a capitalised word is a place, whatever
/// it is ("afdeling De Linde").
const PLACE_WORDS: &[&str] = &[
    "afdeling",
    "locatie",
    "woongroep",
    "paviljoen",
    "huize",
    "wijk",
    "dorp",
    "stad",
    "regio",
    "provincie",
    "verpleeghuis",
    "woonzorgcentrum",
    "kliniek",
    "ziekenhuis",
    "vestiging",
];

/// Lowercase Dutch words: OpenTaal's word list (BSD), diacritics folded;
/// built once per process.
static DUTCH_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut text = String::new();
    flate2::read::GzDecoder::new(&include_bytes!("../data/opentaal/words-lower.txt.gz")[..])
        .read_to_string(&mut text)
        .expect("the embedded word list is valid gzip");
    let text: &'static str = Box::leak(text.into_boxed_str());
    text.lines().collect()
});

/// A lowercase name list, one per line.
fn name_list(text: &'static str) -> FxHashSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

static FIRST_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut names = name_list(include_str!("../data/names/first-names.txt"));
    names.extend(name_list(include_str!("../data/names/first-names-extra.txt")));
    names
});

static LAST_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut names = name_list(include_str!("../data/names/last-names.txt"));
    names.extend(name_list(include_str!("../data/names/last-names-extra.txt")));
    names
});

/// Capitalised words and phrases that are no person: places, nationalities,
/// shops, institutions, feasts. Single words, normalised, and a pattern for
/// the phrases ("Den Haag", "Albert Heijn").
static NOT_NAMES: LazyLock<(FxHashSet<String>, Option<Regex>)> = LazyLock::new(|| {
    let list = include_str!("../data/names/not-names.txt");
    let entries = list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    // All-capital entries (KPN, MAX) are acronyms: words in capitals are never
    // taken for names anyway, and "max" must stay a name.
    let words = entries
        .clone()
        .filter(|e| !e.contains(' ') && e.chars().any(char::is_lowercase))
        .map(crate::analysis::normalise)
        .collect();
    (words, phrase_pattern(entries.filter(|e| e.contains(' '))))
});

/// A case-insensitive pattern for whole-word occurrences of `phrases`, longest
/// first; `None` when there are none.
fn phrase_pattern<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Option<Regex> {
    let mut phrases: Vec<&str> = phrases.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    if phrases.is_empty() {
        return None;
    }
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternatives: Vec<String> =
        phrases.iter().map(|p| regex::escape(p).split_whitespace().collect::<Vec<_>>().join(r"\s+")).collect();
    Some(
        Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}])", alternatives.join("|")))
            .expect("escaped"),
    )
}

/// Whole-word occurrences of `pattern` in `text`, as byte ranges.
fn occurrences(pattern: &Regex, text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = pattern.captures_at(text, at) {
        let m = c.get(1).expect("group");
        found.push((m.start(), m.end()));
        at = m.end();
    }
    found
}

/// Finds and replaces personal data in text.
#[derive(Debug, Clone)]
pub struct Redactor {
    known: CompoundSplitter,
    /// Names the user wants caught wherever they appear (`--names`).
    always: Option<Regex>,
    /// Words and phrases the user never wants redacted.
    never: Option<Regex>,
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
        Redactor { known, always: None, never: None }
    }

    /// Adds words that are never names (a taxonomy's cue words, say), in any
    /// case; words of fewer than three letters are ignored.
    pub fn with_known_words<'a>(mut self, words: impl IntoIterator<Item = &'a str>) -> Self {
        let normal: Vec<String> = words.into_iter().map(crate::analysis::normalise).collect();
        self.known.extend(normal.iter().map(String::as_str));
        self
    }

    /// Names to catch wherever they appear, in any case, one name or full
    /// name per item ("Anja", "Anja de Vries"): the people of one ward, say.
    ///
    /// ```
    /// let r = leefwereld::Redactor::new().with_names(["Roos", "Bas de Wit"]);
    /// assert_eq!(r.redact("roos en bas de wit kwamen"), "[NAAM-1] en [NAAM-2] kwamen");
    /// ```
    pub fn with_names<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Self {
        self.always = phrase_pattern(names);
        self
    }

    /// Words and phrases never to redact, in any case: the name of a ward
    /// ("De Linde"), a helpline number. A span of personal data that falls
    /// inside one of them is left as written.
    ///
    /// ```
    /// let r = leefwereld::Redactor::new().with_never_redact(["Berkenhof"]);
    /// assert_eq!(r.redact("Op de Berkenhof sprak ik Özlem."), "Op de Berkenhof sprak ik [NAAM-1].");
    /// ```
    pub fn with_never_redact<'a>(mut self, words: impl IntoIterator<Item = &'a str>) -> Self {
        self.never = phrase_pattern(words);
        self
    }

    /// A word of the Dutch dictionary (OpenTaal), whose lowercase entries are
    /// no names.
    fn dictionary_word(lower: &str) -> bool {
        crate::analysis::stopwords::is_stopword(lower) || DUTCH_WORDS.contains(lower) || LOANWORDS.contains(&lower)
    }

    /// A known word: in the dictionary, in Snowball's vocabulary (which holds
    /// some names too: it comes from running text) or given by the user.
    fn is_word(&self, lower: &str) -> bool {
        Self::dictionary_word(lower) || self.known.knows(lower)
    }

    /// The spans of personal data in `text`, ordered, not overlapping: every
    /// span [`redact`](Self::redact) replaces.
    pub fn find(&self, text: &str) -> Vec<PiiSpan> {
        let mut spans: Vec<PiiSpan> = Vec::new();
        if let Some(always) = &self.always {
            for (start, end) in occurrences(always, text) {
                push(&mut spans, PiiSpan { start, end, kind: PiiKind::Naam });
            }
        }
        let (patterns, set) = &*PATTERNS;
        let can_match = set.matches(text);
        for (kind, re) in can_match.iter().map(|i| &patterns[i]) {
            for caps in re.captures_iter(text) {
                let m = caps.get(1).unwrap_or_else(|| caps.get(0).expect("match"));
                if *kind == PiiKind::Bsn && !eleven_test(m.as_str()) {
                    continue;
                }
                if *kind == PiiKind::Iban && !iban_check(m.as_str()) {
                    continue;
                }
                if *kind == PiiKind::Leeftijd && m.as_str().starts_with('(') && after_a_counter(&text[..m.start()]) {
                    continue;
                }
                let (mut start, mut end) = (m.start(), m.end());
                if *kind == PiiKind::Naam
                    && text[caps.get(0).expect("match").start()..m.start()].contains(',')
                    && !text[m.end()..].starts_with(',')
                {
                    // After "teamleider," a capitalised word may open a new
                    // clause ("Beste teamleider, Vorige week"): only a listed
                    // name or no word at all counts, unless a comma closes it
                    // as an apposition ("mijne vent, Staf,").
                    let first = m.as_str().split_whitespace().next().unwrap_or("");
                    let lower = crate::analysis::normalise(first);
                    if Self::dictionary_word(&lower) && !listed_name(&lower) {
                        continue;
                    }
                }
                if *kind == PiiKind::Naam {
                    // In capitals, the name ends before the first word that is no listed name.
                    end = start + named_prefix(m.as_str()).len();
                    if end == start {
                        continue;
                    }
                }
                if *kind == PiiKind::Leeftijd {
                    // "ik ben 84", "(87)", ", 86 jaar,": the age is the number
                    // and its "jaar", not the words or marks around it.
                    start += m.as_str().find(|c: char| c.is_ascii_digit()).unwrap_or(0);
                    end -= m.as_str().len() - m.as_str().trim_end_matches([')', ',', ' ']).len();
                }
                push(&mut spans, PiiSpan { start, end, kind: *kind });
            }
        }
        self.lowercase_after_title(text, &mut spans);
        self.capitalised_words(text, &mut spans);
        self.spare_not_names(text, &mut spans);
        self.spare_never(text, &mut spans);
        everywhere(text, &mut spans);
        whole_names(text, &mut spans);
        self.spare_not_names(text, &mut spans);
        self.spare_never(text, &mut spans);
        personal_dates(text, &mut spans);
        ages_of_named_people(text, &mut spans);
        spans.sort_by_key(|s| s.start);
        spans
    }

    /// Spares names inside a place or brand of several words ("Den Haag").
    fn spare_not_names(&self, text: &str, spans: &mut Vec<PiiSpan>) {
        if let Some(phrases) = &NOT_NAMES.1
            && spans.iter().any(|s| s.kind == PiiKind::Naam)
        {
            spare(text, spans, &occurrences(phrases, text), Some(PiiKind::Naam));
        }
    }

    fn spare_never(&self, text: &str, spans: &mut Vec<PiiSpan>) {
        if let Some(never) = &self.never {
            spare(text, spans, &occurrences(never, text), None);
        }
    }

    /// A name in lower case after a form of address: "mw de jong", "zuster
    /// anja" (but "mw heeft pijn").
    fn lowercase_after_title(&self, text: &str, spans: &mut Vec<PiiSpan>) {
        static TITLE_LOWER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(
                r"(?i:(?-u:\b)(?:(?:{ABBREVIATIONS})\.?|{ADDRESS}))\s+((?:van der|van den|van de|van|de|ter|ten)\s+)?(\p{{Ll}}(?:\p{{L}}|['’-]\p{{L}})+)"
            ))
            .expect("valid pattern")
        });
        for c in TITLE_LOWER.captures_iter(text) {
            let word = c.get(2).expect("group");
            let lower = crate::analysis::normalise(word.as_str());
            let listed = listed_name(&lower);
            let name = match c.get(1) {
                // After a particle the word is a surname even if it is a word too.
                Some(_) => LAST_NAMES.contains(lower.as_str()) || !self.is_word(&lower),
                None => listed && !Self::dictionary_word(&lower),
            };
            if name {
                let start = c.get(1).unwrap_or(word).start();
                push(spans, PiiSpan { start, end: word.end(), kind: PiiKind::Naam });
            }
        }
    }

    /// Names found word by word: capitalised words inside a sentence that are
    /// no Dutch word (or are a name), unknown words at a sentence start, first
    /// names in lower case.
    fn capitalised_words(&self, text: &str, spans: &mut Vec<PiiSpan>) {
        let mut sentence_start = true;
        let mut prev_end = 0;
        let (mut lower, mut prev_word, mut prev_prev) = (String::new(), String::new(), String::new());
        // A name that is also a word, opening a sentence: a name when a verb
        // follows ("Roos zegt", "Bas heeft"), decided at the next word.
        let mut pending: Option<(usize, usize)> = None;
        crate::analysis::segment::segment(text, |s| {
            let (start, end) = (s.start as usize, s.end as usize);
            let gap = &text[prev_end..start];
            if gap.contains(['.', '!', '?', '\n', ':', '"', '“', '(']) || prev_end == 0 {
                sentence_start = true;
            }
            let word = &text[start..end];
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            crate::analysis::normalise_into(word, &mut lower);
            let lower = lower.as_str();
            if let Some((p_start, p_end)) = pending.take()
                && text[p_end..start].trim().is_empty()
                && word.chars().all(char::is_lowercase)
                && is_finite_verb(lower)
            {
                push(spans, PiiSpan { start: p_start, end: p_end, kind: PiiKind::Naam });
            }
            // Letters, or capitalised parts joined by hyphens ("Jansen-Haddou").
            let hyphenated = capital && word.contains('-');
            let candidate = word.chars().any(char::is_lowercase)
                && match hyphenated {
                    false => word.chars().all(char::is_alphabetic),
                    true => word.split('-').all(|p| {
                        p.chars().next().is_some_and(char::is_uppercase) && p.chars().all(char::is_alphabetic)
                    }),
                };
            // Cheapest tests first: most words are lower case and no first name.
            let name = candidate
                && if !capital {
                    // Lower case: a first name that is no everyday word
                    // ("karin", not "roos" or "erna").
                    FIRST_NAMES.contains(lower) && !NOT_NAMES.0.contains(lower) && !Self::dictionary_word(lower)
                } else if hyphenated {
                    self.double_name(lower)
                } else {
                    self.capitalised_is_name(lower, sentence_start, &prev_word, &prev_prev)
                };
            if name {
                push(spans, PiiSpan { start, end, kind: PiiKind::Naam });
            } else if candidate
                && capital
                && sentence_start
                && FIRST_NAMES.contains(lower)
                && !NOT_NAMES.0.contains(lower)
                && !crate::analysis::stopwords::is_stopword(lower)
            {
                pending = Some((start, end));
            }
            sentence_start = false;
            prev_end = end;
            std::mem::swap(&mut prev_prev, &mut prev_word);
            prev_word.clear();
            prev_word.push_str(lower);
        });
    }

    /// Whether capitalised parts joined by hyphens (`lower` in normal form)
    /// are a double surname or first name: every part a listed name or no
    /// word at all ("Jansen-Haddou", "Anne-Fleur"), not a place or a word
    /// ("Noord-Holland", "Marokkaans-Nederlandse").
    fn double_name(&self, lower: &str) -> bool {
        !NOT_NAMES.0.contains(lower)
            && lower.split('-').all(|p| {
                !NOT_NAMES.0.contains(p)
                    && (listed_name(p) || !self.is_word(p))
                    && !crate::analysis::stopwords::is_stopword(p)
            })
    }

    /// Whether a capitalised word (`lower` in normal form) is a name, after
    /// `prev` and `prev_prev`.
    fn capitalised_is_name(&self, lower: &str, sentence_start: bool, prev: &str, prev_prev: &str) -> bool {
        if NOT_NAMES.0.contains(lower) {
            return false;
        }
        let first_name = FIRST_NAMES.contains(lower);
        let surname = LAST_NAMES.contains(lower);
        let after_place = PLACE_WORDS.contains(&prev)
            || (matches!(prev, "de" | "het" | "'t") && PLACE_WORDS.contains(&prev_prev))
            || (PLACE_PREPOSITIONS.contains(&prev) && !first_name && !surname);
        if after_place {
            false
        } else if sentence_start {
            // Every word is capitalised here: a name that is no word
            // ("Sandra", not "Roos"), or an unknown word that is no
            // compound of known words ("Dagbesteding" is one).
            match first_name || surname {
                true => !Self::dictionary_word(lower),
                // Nor a slip of the pen for a function word ("Mjin", "Miijn").
                false => {
                    !self.is_word(lower)
                        && self.known.split(lower).is_none()
                        && !crate::analysis::stopwords::is_stopword_typo(lower)
                }
            }
        } else {
            // Inside a sentence, where Dutch capitalises no ordinary word:
            // unknown, or a first name or surname even if it is also a word
            // ("met Mark gesproken", "mevrouw Bakker").
            first_name || surname || !self.is_word(lower)
        }
    }

    /// `text` with every span of personal data replaced by its placeholder;
    /// borrowed when there is none. The same name gets the same number, also
    /// when it comes back in part ("Anja de Vries ... Anja").
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
        Self::replace(text, &self.find(text))
    }

    /// `text` with `spans` (as [`find`](Self::find) returns them: ordered,
    /// not overlapping) replaced by their placeholders.
    pub fn replace<'a>(text: &'a str, spans: &[PiiSpan]) -> Cow<'a, str> {
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut names: Vec<String> = Vec::new();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for s in spans.iter().copied() {
            out.push_str(&text[at..s.start]);
            if s.kind == PiiKind::Naam {
                let key = crate::analysis::normalise(&text[s.start..s.end]);
                let same = |k: &String| {
                    *k == key || k.split_whitespace().any(|w| w == key) || key.split_whitespace().any(|w| w == k)
                };
                let n = match names.iter().position(same) {
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

/// Removes the spans (of `kind`, or of any kind) that overlap a spared
/// range; a name that runs into one keeps its part before it ("Hilde" of
/// "Hilde van 't Wit-Gele Kruis").
fn spare(text: &str, spans: &mut Vec<PiiSpan>, spared: &[(usize, usize)], kind: Option<PiiKind>) {
    if spared.is_empty() {
        return;
    }
    spans.retain_mut(|s| {
        if kind.is_some_and(|k| k != s.kind) {
            return true;
        }
        for &(a, b) in spared {
            if s.start < b && a < s.end {
                if s.start < a && s.kind == PiiKind::Naam {
                    s.end = s.start + trim_particles(&text[s.start..a]).len();
                } else {
                    return false;
                }
            }
        }
        true
    });
}

/// A finite verb as it follows a subject: "zegt", "heeft", "had", "gilt".
/// Words ending in -t that are no verb (niet, met, dat) are stopwords.
fn is_finite_verb(word: &str) -> bool {
    const VERBS: &[&str] = &[
        "is", "was", "had", "heeft", "wil", "wilde", "wou", "kan", "kon", "mag", "mocht", "moet", "moest", "zal",
        "zou", "zei", "kwam", "ging", "gaf", "zat", "lag", "liep", "werd", "bleef", "kreeg", "zag", "deed", "nam",
        "vond", "wist", "belde", "hielp", "speelde", "woont", "woonde", "werkt", "werkte", "huilt", "huilde",
    ];
    VERBS.contains(&word) || (word.len() >= 4 && word.ends_with('t') && !crate::analysis::stopwords::is_stopword(word))
}

/// Whether `words` can be names as far as capitals go: text in capitals
/// ("MIJN MAN IS BOOS") takes any word for a name after a title or a name,
/// so a word without small letters counts only when it is a listed name
/// ("ZUSTER ANJA"). Initials, single letters ("Tjon-A-Fong") and particles
/// pass.
fn shouted_names(words: &str) -> bool {
    words.split(|c: char| c.is_whitespace() || c == '-').filter(|w| w.chars().count() > 1 && !w.ends_with('.')).all(
        |w| {
            w.chars().any(char::is_lowercase) || {
                let lower = crate::analysis::normalise(w);
                PARTICLE_WORDS.contains(&lower.as_str()) || listed_name(&lower)
            }
        },
    )
}

/// The part of `words` that can be a name as far as capitals go (see
/// [`shouted_names`]): up to the first word in capitals that is no listed
/// name, without trailing particles.
fn named_prefix(words: &str) -> &str {
    let mut end = 0;
    for (i, w) in words.split_inclusive(char::is_whitespace).scan(0, |at, w| {
        let i = *at;
        *at += w.len();
        Some((i, w))
    }) {
        if !shouted_names(w) {
            break;
        }
        end = i + w.len();
    }
    trim_particles(words[..end].trim_end())
}

/// `name` without the particles and spaces it ends in.
fn trim_particles(name: &str) -> &str {
    let mut name = name.trim_end();
    while let Some((head, last)) = name.rsplit_once(' ') {
        if !PARTICLE_WORDS.contains(&last.to_lowercase().as_str()) {
            break;
        }
        name = head.trim_end();
    }
    name
}

/// A name found once is a name everywhere in the text, as a whole word.
fn everywhere(text: &str, spans: &mut Vec<PiiSpan>) {
    let names: Vec<&str> = spans.iter().filter(|s| s.kind == PiiKind::Naam).map(|s| &text[s.start..s.end]).collect();
    let mut found = Vec::new();
    let words = names.iter().flat_map(|n| n.split_whitespace());
    for name in words.filter(|w| w.chars().count() >= 2 && !PARTICLE_WORDS.contains(&w.to_lowercase().as_str())) {
        for (i, _) in text.match_indices(name) {
            let end = i + name.len();
            let whole = !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
                && !text[end..].chars().next().is_some_and(char::is_alphanumeric);
            if whole {
                found.push(PiiSpan { start: i, end, kind: PiiKind::Naam });
            }
        }
    }
    for s in found {
        push(spans, s);
    }
}

/// Joins the parts of one name into one span, and takes in the capitalised
/// word after a name ("Jurgen Martina", "Anja van Dam", "Doornbos-Kaya").
fn whole_names(text: &str, spans: &mut Vec<PiiSpan>) {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^(?:[ \t]+(?:(?i:{PARTICLES})[ \t]+)?|-){NAME}")).expect("valid pattern")
    });
    spans.sort_by_key(|s| s.start);
    let mut out: Vec<PiiSpan> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        match out.last_mut() {
            Some(last)
                if last.kind == PiiKind::Naam
                    && s.kind == PiiKind::Naam
                    && NEXT.find(&text[last.end..]).is_some_and(|m| last.end + m.end() >= s.start) =>
            {
                last.end = last.end.max(s.end);
            }
            _ => out.push(s),
        }
    }
    for s in out.iter_mut().filter(|s| s.kind == PiiKind::Naam) {
        while let Some(m) = NEXT.find(&text[s.end..]).filter(|m| shouted_names(m.as_str())) {
            s.end += m.end();
        }
        if let Some(start) = first_name_before(text, s.start) {
            s.start = start;
        }
    }
    // Extending may reach the next span.
    let mut merged: Vec<PiiSpan> = Vec::with_capacity(out.len());
    for s in out {
        match merged.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    *spans = merged;
}

/// A first name or surname of the lists (`lower` in normal form).
fn listed_name(lower: &str) -> bool {
    FIRST_NAMES.contains(lower) || LAST_NAMES.contains(lower)
}

/// Where a listed first name stands right before `at` (spaces between): it
/// belongs to the name there, even when it is a word too ("Ellen Mulder",
/// "Roos Jansen"), unless it is a greeting that is a name elsewhere ("Beste"
/// is a Turkish first name, "Beste Marloes" a salutation) or a title.
fn first_name_before(text: &str, at: usize) -> Option<usize> {
    const GREETINGS: &[&str] = &[
        "beste", "lieve", "liefste", "dag", "hoi", "hallo", "hey", "hee", "geachte", "groet", "groeten", "dank",
        "bedankt", "namens",
    ];
    let before = text[..at].trim_end_matches([' ', '\t']);
    if before.len() == at {
        return None;
    }
    let start = before.trim_end_matches(char::is_alphabetic).len();
    let word = &before[start..];
    let lower = crate::analysis::normalise(word);
    let lower = lower.as_str();
    let name = word.chars().next().is_some_and(char::is_uppercase)
        && !GREETINGS.contains(&lower)
        && !ADDRESS.split('|').any(|a| a == lower)
        && FIRST_NAMES.contains(lower)
        && !NOT_NAMES.0.contains(lower)
        && !crate::analysis::stopwords::is_stopword(lower);
    name.then_some(start)
}

/// A day and month without a year is a personal date in a sentence about a
/// birthday or a death ("op 12 mei jarig").
fn personal_dates(text: &str, spans: &mut Vec<PiiSpan>) {
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
fn ages_of_named_people(text: &str, spans: &mut Vec<PiiSpan>) {
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

/// The IBAN check: the country and check digits moved to the end, letters
/// as numbers (A = 10), the whole number modulo 97 is 1.
fn iban_check(iban: &str) -> bool {
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let mut rest = 0u32;
    for c in compact[4..].iter().chain(&compact[..4]) {
        let Some(v) = c.to_digit(36) else { return false };
        rest = if v < 10 { (rest * 10 + v) % 97 } else { (rest * 100 + v) % 97 };
    }
    rest == 1
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
        assert_eq!(r("de wijkpost, 0413 - 24 68 10, 's avonds"), "de wijkpost, [TELEFOON], 's avonds");
        // Belgian: zone, slash, groups with dots or spaces; a date with slashes is no number.
        assert_eq!(r("bel 0472/45.61.09 of 03/123 45 67"), "bel [TELEFOON] of [TELEFOON]");
        assert_eq!(r("sinds 02/03/2024 en 24/7"), "sinds [DATUM] en 24/7");
        assert_eq!(r("zie www.example.nl/dossier/123"), "zie [URL]");
    }

    #[test]
    fn numbers_that_are_not_personal_stay() {
        assert_eq!(r("Kamer 214, om 17.30 uur, €12,50."), "Kamer 214, om 17.30 uur, €12,50.");
        assert_eq!(r("Al 12 jaar woon ik hier."), "Al 12 jaar woon ik hier.");
    }

    #[test]
    fn iban_needs_valid_check_digits() {
        assert_eq!(r("Rekening NL91 ABNA 0417 1643 00 of NL91ABNA0417164300."), "Rekening [IBAN] of [IBAN].");
        assert_eq!(r("Belgisch: BE68 5390 0754 7034."), "Belgisch: [IBAN].");
        // Wrong check digits: no IBAN (its digits still look like a phone number).
        assert!(!r("Fout: NL92 ABNA 0417 1643 00.").contains("[IBAN]"));
    }

    #[test]
    fn bsn_needs_the_eleven_test() {
        assert_eq!(r("BSN 123456782"), "BSN [BSN]");
        assert_eq!(r("code 123456789"), "code 123456789");
    }

    #[test]
    fn addresses_dates_and_ages() {
        assert_eq!(r("Ze woont op de Dorpsstraat 12a, 1234 AB."), "Ze woont op de [ADRES], [ADRES].");
        assert_eq!(r("Mijn dochter van 8 mag niet mee."), "Mijn dochter van [LEEFTIJD] mag niet mee.");
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
        // The same person, in full and in part, keeps one number.
        assert_eq!(r("zuster Anja Bakker en zuster Anja"), "zuster [NAAM-1] en zuster [NAAM-1]");
        assert_eq!(r("zuster Anja en zuster Fatma"), "zuster [NAAM-1] en zuster [NAAM-2]");
        // In lower case after a form of address, not after a role word.
        assert_eq!(r("pijnstilling gegeven aan mw de jong"), "pijnstilling gegeven aan mw [NAAM-1]");
        assert_eq!(r("mw heeft goed geslapen"), "mw heeft goed geslapen");
        assert_eq!(r("de mevrouw op de hoek"), "de mevrouw op de hoek");
        assert_eq!(r("Als begeleider van Ravi Ramdin zie ik"), "Als begeleider van [NAAM-1] zie ik");
        // Text in capitals: only listed names count.
        assert_eq!(r("MIJN MAN IS BOOS. ZUSTER ANJA WAS ER NIET"), "MIJN MAN IS BOOS. ZUSTER [NAAM-1] WAS ER NIET");
        // A name in apposition after a relation.
        assert_eq!(r("de foto's van mijne vent, Staf, hangen hier"), "de foto's van mijne vent, [NAAM-1], hangen hier");
        // But a word opening a clause after a salutation is no name.
        assert_eq!(r("Beste teamleider, Vorige week kwamen wij"), "Beste teamleider, Vorige week kwamen wij");
    }

    #[test]
    fn double_names_and_signatures() {
        // Double surnames, with an unlisted part too.
        assert_eq!(r("Het was fijn, zei Jansen-Haddou gisteren."), "Het was fijn, zei [NAAM-1] gisteren.");
        assert_eq!(r("Met dank aan Anne-Fleur."), "Met dank aan [NAAM-1].");
        // Places and nationalities with a hyphen are no names.
        assert_eq!(
            r("Zij komt uit Noord-Holland, hij is Marokkaans-Nederlands."),
            "Zij komt uit Noord-Holland, hij is Marokkaans-Nederlands."
        );
        // A first name that is also a word, before a name, on a signature line.
        assert_eq!(r("Ik verwacht een gesprek.\nEllen Mulder-Haddou"), "Ik verwacht een gesprek.\n[NAAM-1]");
        assert_eq!(r("Ik verwacht een gesprek.\nEllen Mulder"), "Ik verwacht een gesprek.\n[NAAM-1]");
        // A greeting that is a first name elsewhere stays.
        assert_eq!(r("Beste Marloes, even een berichtje."), "Beste [NAAM-1], even een berichtje.");
        // Dialect words opening a sentence are no names; the name after "Fam." is.
        assert_eq!(
            r("Ich zit hie de ganse daag. Vreuger gong ich nog."),
            "Ich zit hie de ganse daag. Vreuger gong ich nog."
        );
        assert_eq!(r("Bedankt! Fam. Hendriks"), "Bedankt! Fam. [NAAM-1]");
    }

    #[test]
    fn a_name_is_redacted_whole() {
        assert_eq!(r("zeker met Emre en Jurgen Martina."), "zeker met [NAAM-1] en [NAAM-2].");
        assert_eq!(r("Ik sprak Anja van Dam."), "Ik sprak [NAAM-1].");
        assert_eq!(r("Zuster Hilde van 't Wit-Gele Kruis is lief."), "Zuster [NAAM-1] van 't Wit-Gele Kruis is lief.");
    }

    #[test]
    fn personal_dates_and_ages_of_named_people() {
        assert_eq!(r("Mijn vader is op 12 mei jarig."), "Mijn vader is op [DATUM] jarig.");
        assert_eq!(r("Per 1 januari komt er een nieuw rooster."), "Per 1 januari komt er een nieuw rooster.");
        assert_eq!(r("Mijn zoon Rachid is 31 en woont hier."), "Mijn zoon [NAAM-1] is [LEEFTIJD] en woont hier.");
        assert_eq!(r("Meneer van den Heuvel is 94 jaar."), "Meneer [NAAM-1] is [LEEFTIJD].");
        assert_eq!(r("Het is 20 jaar geleden."), "Het is 20 jaar geleden.");
    }

    #[test]
    fn places_and_dictionary_words_are_no_names() {
        assert_eq!(r("Een vrouw uit Nickerie, de week erna."), "Een vrouw uit Nickerie, de week erna.");
        assert_eq!(r("Familie van afdeling De Linde vraagt iets."), "Familie van afdeling De Linde vraagt iets.");
        assert_eq!(r("Tijdens de ramadan kwam de imam."), "Tijdens de ramadan kwam de imam.");
        assert_eq!(r("Bijv. de soep. Evt. morgen."), "Bijv. de soep. Evt. morgen.");
        assert_eq!(r("Mjin moeder is blij. Miijn kamer ook."), "Mjin moeder is blij. Miijn kamer ook.");
        // A name that is a word, opening a sentence: a name when a verb follows.
        assert_eq!(
            r("Roos zegt dat het goed gaat. Bas tikt op tafel."),
            "[NAAM-1] zegt dat het goed gaat. [NAAM-2] tikt op tafel."
        );
        assert_eq!(r("Dan huilt hij. Elke dag hetzelfde."), "Dan huilt hij. Elke dag hetzelfde.");
        // Names in Snowball's vocabulary (it comes from running text) still count.
        assert_eq!(
            r("Dewi gilt veel. De meiden van sandra zijn goud."),
            "[NAAM-1] gilt veel. De meiden van [NAAM-2] zijn goud."
        );
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
