//! The Dutch text pipeline: segment -> normalise -> stopwords and negators ->
//! compounds -> stem -> negation scope.
//!
//! Each stage lives in its own file with its own tests. [`Analyzer`] runs them
//! all and memoises everything that depends only on the word (see
//! `lexicon`), so that the work per token is one segmentation
//! step and one hash lookup.

pub(crate) mod compound;
pub(crate) mod lemma;
pub(crate) mod lexicon;
pub(crate) mod negation;
pub(crate) mod normalise;
pub(crate) mod segment;
pub(crate) mod stem;
pub(crate) mod stopwords;

use std::sync::{Arc, Mutex};

pub use compound::CompoundSplitter;
pub use lemma::VerbForms;
pub use lexicon::{Lexicon, NO_TERM, TermId};
use lexicon::{TermCache, TermInfo};
pub use normalise::{normalise, normalise_into};
pub use segment::Span;
pub use stem::DutchStemmer;

/// The Dutch month names, January first (dates are read and written with
/// them).
pub(crate) const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Words longer than this many bytes are kept as tokens but not interned:
/// they are URLs, hashes or keyboard mash, not words.
pub const MAX_WORD_BYTES: usize = 48;

/// Properties of one token, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TokenFlags(u8);

impl TokenFlags {
    const STOP: u8 = 1;
    const NEGATOR: u8 = 2;
    const NUMERIC: u8 = 4;
    const LONG: u8 = 8;
    const CAPITALISED: u8 = 16;
    const CLAUSE_BREAK: u8 = 32;
    const NEGATED: u8 = 64;
    const SENTENCE_START: u8 = 128;

    /// A function word (de, het, een, ...).
    pub fn is_stopword(self) -> bool {
        self.0 & Self::STOP != 0
    }
    /// A negator (niet, geen, nooit, niemand, niets, nergens, zonder, ...).
    pub fn is_negator(self) -> bool {
        self.0 & Self::NEGATOR != 0
    }
    /// A number (12, 12,50, 17.30, 06-12345678).
    pub fn is_numeric(self) -> bool {
        self.0 & Self::NUMERIC != 0
    }
    /// Longer than [`MAX_WORD_BYTES`]; its term is [`NO_TERM`].
    pub fn is_long(self) -> bool {
        self.0 & Self::LONG != 0
    }
    /// Starts with an upper-case letter in the text.
    pub fn is_capitalised(self) -> bool {
        self.0 & Self::CAPITALISED != 0
    }
    /// A conjunction that ends a negation's scope (maar, want, en, ...).
    pub fn is_clause_break(self) -> bool {
        self.0 & Self::CLAUSE_BREAK != 0
    }
    /// Inside the scope of a preceding negator in the same clause.
    pub fn is_negated(self) -> bool {
        self.0 & Self::NEGATED != 0
    }
    /// A token that carries meaning: not a stopword, negator or number, and
    /// short enough to be a word.
    pub fn is_content(self) -> bool {
        self.0 & (Self::STOP | Self::NEGATOR | Self::NUMERIC | Self::LONG) == 0
    }
    /// The first word of a sentence or line (after `.`, `!`, `?`, `;`, `:`
    /// or a line break, or at the start of the text).
    pub fn is_sentence_start(self) -> bool {
        self.0 & Self::SENTENCE_START != 0
    }
    pub(crate) fn set_negated(&mut self) {
        self.0 |= Self::NEGATED;
    }
    pub(crate) fn set_sentence_start(&mut self) {
        self.0 |= Self::SENTENCE_START;
    }
}

/// One word of an analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The stem, interned in the analyzer's [`Lexicon`].
    pub term: TermId,
    /// For a compound, the stems of its modifier and head
    /// ("personeelstekort": personeel, tekort); otherwise both [`NO_TERM`].
    pub parts: [TermId; 2],
    /// Where the word stands in the text.
    pub span: Span,
    /// What kind of word it is.
    pub flags: TokenFlags,
}

impl Token {
    /// The word as it stands in `text` (the text it was analysed from).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start as usize..self.span.end as usize]
    }

    /// True when the word is a compound that was split.
    pub fn is_compound(&self) -> bool {
        self.parts[1] != NO_TERM
    }
}

/// The Dutch analyzer: turns text into [`Token`]s.
///
/// One analyzer is meant to be shared by all threads (`&Analyzer` is `Sync`);
/// each rayon worker gets its own memo of analysed words.
///
/// ```
/// let analyzer = leefwereld::Analyzer::new();
/// let text = "De maaltijden waren 's avonds niet warm.";
/// let tokens = analyzer.analyse(text);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["De", "maaltijden", "waren", "'s", "avonds", "niet", "warm"]);
/// assert_eq!(analyzer.term_text(tokens[1].term).as_deref(), Some("maaltijd"));
/// assert!(tokens[0].flags.is_stopword() && tokens[5].flags.is_negator());
/// assert!(tokens[6].flags.is_negated());
/// ```
pub struct Analyzer {
    stemmer: DutchStemmer,
    lexicon: Lexicon,
    compounds: Option<CompoundSplitter>,
    verbs: VerbForms,
    caches: Box<[Mutex<TermCache>]>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("terms", &self.lexicon.len()).finish_non_exhaustive()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

/// Settings for an [`Analyzer`].
///
/// ```
/// let analyzer = leefwereld::Analyzer::builder()
///     .known_words(["zorgleefplan", "plan"])
///     .build();
/// let text = "Het zorgleefplan klopt niet.";
/// let t = analyzer.analyse(text);
/// assert_eq!(analyzer.term_text(t[1].parts[1]).as_deref(), Some("plan"));
/// ```
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder {
    compounds: bool,
    verb_forms: bool,
    known: Vec<String>,
}

impl AnalyzerBuilder {
    /// Split compounds (default: yes).
    pub fn compounds(mut self, yes: bool) -> Self {
        self.compounds = yes;
        self
    }

    /// Map irregular verb forms to their infinitive before stemming ("viel",
    /// "gevallen" -> vallen; default: yes).
    pub fn verb_forms(mut self, yes: bool) -> Self {
        self.verb_forms = yes;
        self
    }

    /// Adds words the compound splitter should know, besides Snowball's Dutch
    /// vocabulary; a taxonomy's cue words, for instance.
    pub fn known_words<S: AsRef<str>>(mut self, words: impl IntoIterator<Item = S>) -> Self {
        self.known.extend(words.into_iter().map(|w| normalise(w.as_ref())));
        self
    }

    /// The analyzer.
    pub fn build(self) -> Analyzer {
        let compounds = self.compounds.then(|| {
            let mut c = CompoundSplitter::dutch();
            c.extend(self.known.iter().map(String::as_str));
            c
        });
        // One memo per rayon worker, and one for callers outside the pool.
        let slots = rayon::current_num_threads() + 1;
        Analyzer {
            stemmer: DutchStemmer::new(),
            lexicon: Lexicon::default(),
            compounds,
            verbs: if self.verb_forms { VerbForms::dutch() } else { VerbForms::default() },
            caches: (0..slots).map(|_| Mutex::new(TermCache::default())).collect(),
        }
    }
}

impl Analyzer {
    /// The default Dutch analyzer.
    pub fn new() -> Self {
        Self::builder().build()
    }

    /// Settings, starting from the defaults.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder { compounds: true, verb_forms: true, known: Vec::new() }
    }

    /// The analyzer's interned terms.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The text of a term (a stem); `None` for [`NO_TERM`].
    pub fn term_text(&self, term: TermId) -> Option<Arc<str>> {
        self.lexicon.resolve(term)
    }

    /// Analyses `text` into tokens.
    pub fn analyse(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        self.analyse_into(text, &mut tokens);
        tokens
    }

    /// Analyses `text`, replacing the contents of `tokens` (reuse the vector
    /// across calls to avoid allocating).
    pub fn analyse_into(&self, text: &str, tokens: &mut Vec<Token>) {
        tokens.clear();
        let slot = rayon::current_thread_index().map_or(0, |i| i + 1) % self.caches.len();
        let mut cache = self.caches[slot].lock().unwrap_or_else(|e| e.into_inner());
        let mut buf = String::new();
        segment::segment(text, |span| {
            let surface = &text[span.start as usize..span.end as usize];
            let info = match cache.get(surface) {
                Some(info) => info,
                None => {
                    let info = self.describe(surface, &mut buf);
                    cache.insert(surface, info);
                    info
                }
            };
            tokens.push(Token { term: info.term, parts: info.parts, span, flags: TokenFlags(info.flags) });
        });
        drop(cache);
        mark_sentence_starts(text, tokens);
        negation::mark_scopes(text, tokens);
    }

    /// The stem of one word (normalised first), interned; [`NO_TERM`] for a
    /// word that is too long.
    pub fn term_of(&self, word: &str) -> TermId {
        self.describe(word, &mut String::new()).term
    }

    /// Everything that depends only on the surface word.
    fn describe(&self, surface: &str, buf: &mut String) -> TermInfo {
        let mut flags = 0u8;
        if surface.chars().next().is_some_and(char::is_uppercase) {
            flags |= TokenFlags::CAPITALISED;
        }
        if surface.len() > MAX_WORD_BYTES {
            return TermInfo { term: NO_TERM, flags: flags | TokenFlags::LONG, parts: [NO_TERM; 2] };
        }
        normalise_into(surface, buf);
        let word = buf.as_str();
        if stopwords::is_stopword(word) {
            flags |= TokenFlags::STOP;
        }
        if stopwords::is_negator(word) {
            flags |= TokenFlags::NEGATOR;
        }
        if negation::is_clause_break(word) {
            flags |= TokenFlags::CLAUSE_BREAK;
        }
        let numeric = word.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && word.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'\''));
        if numeric {
            flags |= TokenFlags::NUMERIC;
        }
        let term = if numeric || flags & TokenFlags::STOP != 0 {
            self.lexicon.intern(word)
        } else {
            let lemma = self.verbs.infinitive(word).unwrap_or(word);
            self.lexicon.intern(&self.stemmer.stem(lemma))
        };
        let mut parts = [NO_TERM; 2];
        if flags & (TokenFlags::STOP | TokenFlags::NUMERIC) == 0
            && let Some((m, h)) = self.compounds.as_ref().and_then(|c| c.split(word))
        {
            parts = [self.lexicon.intern(&self.stemmer.stem(m)), self.lexicon.intern(&self.stemmer.stem(h))];
        }
        TermInfo { term, flags, parts }
    }

    /// How many distinct surface words the memo caches hold (for diagnostics).
    pub fn cached_words(&self) -> usize {
        self.caches.iter().map(|c| c.lock().unwrap_or_else(|e| e.into_inner()).len()).sum()
    }
}

/// Flags the first word of every sentence or line.
fn mark_sentence_starts(text: &str, tokens: &mut [Token]) {
    let mut prev_end = 0usize;
    for (i, t) in tokens.iter_mut().enumerate() {
        let gap = &text.as_bytes()[prev_end..t.span.start as usize];
        if i == 0 || gap.iter().any(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b':' | b'\n')) {
            t.flags.set_sentence_start();
        }
        prev_end = t.span.end as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starts_are_flagged() {
        let a = Analyzer::new();
        let text = "Lange dagen. Niemand komt; ik wacht\nen wacht. 12.30 uur";
        let starts: Vec<&str> =
            a.analyse(text).iter().filter(|t| t.flags.is_sentence_start()).map(|t| t.text(text)).collect();
        assert_eq!(starts, ["Lange", "Niemand", "ik", "en", "12.30"]);
    }

    /// One helper checks a token's text, stem and offsets together.
    fn check(analyzer: &Analyzer, text: &str, expected: &[(&str, &str, u32, u32)]) {
        let tokens = analyzer.analyse(text);
        let got: Vec<(String, String, u32, u32)> = tokens
            .iter()
            .map(|t| {
                let stem = analyzer.term_text(t.term).map(|s| s.to_string()).unwrap_or_default();
                (t.text(text).to_string(), stem, t.span.char_start, t.span.char_end)
            })
            .collect();
        let want: Vec<(String, String, u32, u32)> =
            expected.iter().map(|(w, s, a, b)| (w.to_string(), s.to_string(), *a, *b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn tokens_keep_text_stem_and_char_offsets() {
        let a = Analyzer::new();
        check(
            &a,
            "Cliënt: maaltijden koud!",
            &[("Cliënt", "client", 0, 6), ("maaltijden", "maaltijd", 8, 18), ("koud", "koud", 19, 23)],
        );
        check(&a, "één café", &[("één", "een", 0, 3), ("café", "caf", 4, 8)]);
    }

    #[test]
    fn variants_meet_on_one_term() {
        let a = Analyzer::new();
        let t = a.analyse("cliënt client CLIËNT cliënten");
        assert!(t.iter().all(|x| x.term == t[0].term), "{t:?}");
    }

    #[test]
    fn flags_are_set() {
        let a = Analyzer::new();
        let text = "Het eten kost 12,50 en Marie zegt niets";
        let t = a.analyse(text);
        assert!(t[0].flags.is_stopword() && t[0].flags.is_capitalised());
        assert!(t[1].flags.is_content());
        assert!(t[3].flags.is_numeric() && !t[3].flags.is_content());
        assert!(t[5].flags.is_capitalised());
        assert!(t[7].flags.is_negator());
        let long = "a".repeat(60);
        let t = a.analyse(&long);
        assert!(t[0].flags.is_long() && t[0].term == NO_TERM);
    }

    #[test]
    fn irregular_verb_forms_meet_their_infinitive() {
        let a = Analyzer::new();
        let t = a.analyse("vallen viel gevallen");
        assert!(t.iter().all(|x| x.term == t[0].term), "{t:?}");
        let plain = Analyzer::builder().verb_forms(false).build();
        let t = plain.analyse("vallen viel");
        assert_ne!(t[0].term, t[1].term);
    }

    #[test]
    fn compounds_carry_their_parts() {
        let a = Analyzer::new();
        let text = "personeelstekort bij het avondeten";
        let t = a.analyse(text);
        let part = |i: usize, j: usize| a.term_text(t[i].parts[j]).unwrap().to_string();
        assert_eq!((part(0, 0), part(0, 1)), ("personel".into(), "tekort".into()));
        assert_eq!(part(3, 1), "eten");
        assert!(!t[1].is_compound());
    }

    #[test]
    fn results_do_not_depend_on_the_cache() {
        let text = "Weer een invalkracht in de nachtdienst, niemand kende haar.";
        let describe = |an: &Analyzer| -> Vec<_> {
            an.analyse(text)
                .iter()
                .map(|t| (t.span, t.flags, an.term_text(t.term), t.parts.map(|p| an.term_text(p))))
                .collect()
        };
        let warm = Analyzer::new();
        warm.analyse("de nachtdienst was rustig, een invalkracht");
        assert_eq!(describe(&warm), describe(&warm));
        assert_eq!(describe(&warm), describe(&Analyzer::new()));
    }
}
