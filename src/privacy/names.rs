//! Name rules: lowercase names after a form of address, capitalised words
//! that are names (or not), and a name taken whole and found everywhere.

use std::sync::LazyLock;

use regex::Regex;

use super::wordlists::{FIRST_NAMES, LAST_NAMES, NOT_NAMES, occurrences};
use super::{PiiKind, PiiSpan, Redactor, push, spare};
/// Abbreviated titles: may carry a full stop ("mw. De Vries").
pub(super) const ABBREVIATIONS: &str = "mevr|mw|mr|dhr|zr|dr|drs|ir|mej";
/// Forms of address written out: a surname may follow directly, with its
/// particles ("meneer van der Berg"). No full stop: after "dokter." a new
/// sentence starts.
pub(super) const ADDRESS: &str = "meneer|mevrouw|heer|zuster|broeder|dokter|juf|juffrouw|meester|pater|dominee";
/// Relations and roles before a name ("mijn dochter Fatima", "collega Anja
/// de Boer"): a first name follows, "van" right after is a preposition
/// ("begeleider van Ravi").
pub(super) const RELATIONS: &str = concat!(
    "collega|verzorgster|verzorger|verzorgende|verpleegster|verpleger|verpleegkundige|wijkverpleegkundige|",
    "begeleider|begeleidster|mentor|coach|maatje|hulp|huishoudelijke hulp|schoonmaakster|vrijwilliger|vrijwilligster|",
    "stagiair|stagiaire|teamleider|casemanager|behandelaar|therapeut|fysio|fysiotherapeut|ergotherapeut|logopedist|",
    "diëtist|diëtiste|psycholoog|psychiater|arts|huisarts|specialist|kok|kapster|pedicure|pb'er|",
    "buurvrouw|buurman|kamergenoot|medebewoner|medebewoonster|cliënt|bewoner|bewoonster|",
    "oom|tante|opa|oma|dochter|zoon|schoonzoon|schoondochter|man|vrouw|broer|zus|zuster|neef|nicht|vriend|vriendin|",
    "kleinzoon|kleindochter|kleinkind|vader|moeder|schoonvader|schoonmoeder|partner|echtgenoot|echtgenote|mantelzorger|",
    "pa|ma|papa|mama|vent",
);
pub(super) const PARTICLES: &str = r"(?:van der|van den|van de|van 't|van het|v/d|v\.d\.|van|de|der|den|ter|ten|te|het|'t|in 't|op de|la|le|el|al|ben|bin|da|di|do|dos|du)";
/// The words of [`PARTICLES`], which alone are no name.
pub(super) const PARTICLE_WORDS: &[&str] = &[
    "van", "der", "den", "de", "het", "'t", "ter", "ten", "te", "in", "op", "la", "le", "el", "al", "ben", "bin", "da",
    "di", "do", "dos", "du", "v/d", "v.d.",
];
/// One capitalised name word: letters, with an apostrophe or a hyphen only
/// between letters ("d'Ancona", "Doornbos-Kaya", not "Verhoeven'").
pub(super) const NAME: &str = r"\p{Lu}(?:\p{L}|['’-]\p{L})+";
/// After these words (and an article) a capitalised word is a place, not a
/// person, unless it is a known name ("een vrouw uit Nickerie", "naar de
/// Eikenhof", but "naar Anja").
const PLACE_PREPOSITIONS: &[&str] = &["in", "uit", "te", "naar"];
/// After these words "Frans" is the language: "spreekt enkel Frans", "in het
/// Frans", "geen Frans".
const LANGUAGE_BEFORE: &[&str] = &[
    "het", "'t", "spreekt", "spreken", "sprak", "praat", "praten", "verstaat", "verstaan", "geen", "enkel", "alleen",
    "en", "of", "les", "leren", "beetje",
];
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

impl Redactor {
    /// Spares names inside a place or brand of several words ("Den Haag").
    pub(super) fn spare_not_names(&self, text: &str, spans: &mut Vec<PiiSpan>) {
        if let Some(phrases) = &NOT_NAMES.1
            && spans.iter().any(|s| s.kind == PiiKind::Naam)
        {
            spare(text, spans, &occurrences(phrases, text), Some(PiiKind::Naam));
        }
    }

    /// A name in lower case after a form of address: "mw de jong", "zuster
    /// anja" (but "mw heeft pijn").
    pub(super) fn lowercase_after_title(&self, text: &str, spans: &mut Vec<PiiSpan>) {
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
    pub(super) fn capitalised_words(&self, text: &str, spans: &mut Vec<PiiSpan>) {
        let mut sentence_start = true;
        let mut prev_end = 0;
        let (mut lower, mut prev_word, mut prev_prev) = (String::new(), String::new(), String::new());
        // A name that is also a word, opening a sentence: a name when a verb
        // or "van" follows ("Roos zegt", "Mark van het wijkteam"), decided at
        // the next word.
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
                // "Roos zegt", and "Mark van het wijkteam".
                && (is_finite_verb(lower) || lower == "van")
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
                    {
                        // A comma cuts a word off from a place word before it
                        // ("op de afdeling, Elif, en ...").
                        let (prev, prev_prev) = match gap.trim().is_empty() {
                            true => (prev_word.as_str(), prev_prev.as_str()),
                            false => ("", ""),
                        };
                        self.capitalised_is_name(lower, sentence_start, prev, prev_prev)
                    }
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
        let article = matches!(prev, "de" | "het" | "'t");
        let after_place = PLACE_WORDS.contains(&prev)
            || (article && PLACE_WORDS.contains(&prev_prev))
            // "uit Nickerie", "naar de Eikenhof"
            || ((PLACE_PREPOSITIONS.contains(&prev) || (article && PLACE_PREPOSITIONS.contains(&prev_prev)))
                && !first_name
                && !surname)
            // The language, not the name: "spreekt enkel Frans", "in het Frans".
            || (lower == "frans" && LANGUAGE_BEFORE.contains(&prev));
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
pub(super) fn named_prefix(words: &str) -> &str {
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
pub(super) fn trim_particles(name: &str) -> &str {
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
pub(super) fn everywhere(text: &str, spans: &mut Vec<PiiSpan>) {
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
pub(super) fn whole_names(text: &str, spans: &mut Vec<PiiSpan>) {
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
pub(super) fn listed_name(lower: &str) -> bool {
    FIRST_NAMES.contains(lower) || LAST_NAMES.contains(lower)
}

/// Where a listed first name stands right before `at` (spaces between): it
/// belongs to the name there, even when it is a word too ("Ellen Mulder",
/// "Roos Jansen"), unless it is a greeting that is a name elsewhere ("Beste"
/// is a Turkish first name, "Beste Marloes" a salutation) or a title.
pub(super) fn first_name_before(text: &str, at: usize) -> Option<usize> {
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
