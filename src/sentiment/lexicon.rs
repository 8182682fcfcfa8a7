//! The valence lexicon, resolved to an analyzer's stems.

use rustc_hash::FxHashMap;

use crate::analysis::{Analyzer, NO_TERM, TermId, Token};

/// The shipped lexicon (`data/sentiment/valence-nl.txt`).
const SHIPPED: &str = include_str!("../../data/sentiment/valence-nl.txt");

/// Words that, opening a clause of praise, make it ironic ("Nou, fijn
/// hoor"): matched on the stem.
const IRONY_WORDS: &[&str] = &["nou", "tja", "jaja"];

/// What the lexicon knows of one stem.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Entry {
    /// Its value: above 0 praise, below 0 complaint, 0 neither.
    pub valence: f32,
    /// The factor it puts on the next valence word (0: none).
    pub modifier: f32,
    flags: u8,
}

impl Entry {
    const CONTRAST: u8 = 1;
    const IRONY: u8 = 2;
    const TOO: u8 = 4;
    const TOO_EXCEPTION: u8 = 8;

    /// "maar", "helaas": starts a clause that weighs more.
    pub fn is_contrast(self) -> bool {
        self.flags & Entry::CONTRAST != 0
    }
    /// "nou": opening a clause of praise, makes it ironic.
    pub fn is_irony(self) -> bool {
        self.flags & Entry::IRONY != 0
    }
    /// "te": the next word is a complaint ("te laat").
    pub fn is_too(self) -> bool {
        self.flags & Entry::TOO != 0
    }
    /// "gek" after "te" is praise.
    pub fn is_too_exception(self) -> bool {
        self.flags & Entry::TOO_EXCEPTION != 0
    }
}

/// The valence lexicon: per stem its value and its role as a modifier, in
/// one table, so a word costs one lookup.
#[derive(Debug, Clone, Default)]
pub struct SentimentLexicon {
    entries: FxHashMap<TermId, Entry>,
    /// The same entries indexed by stem (stems are small numbers, given out
    /// in order): a lookup per word without hashing.
    table: Vec<Entry>,
}

impl SentimentLexicon {
    /// The shipped lexicon, its words stemmed by `analyzer`.
    pub fn shipped(analyzer: &Analyzer) -> SentimentLexicon {
        SentimentLexicon::parse(SHIPPED, analyzer).expect("the shipped sentiment lexicon is valid")
    }

    /// Parses a lexicon in the shipped format; the error names the line.
    pub fn parse(source: &str, analyzer: &Analyzer) -> Result<SentimentLexicon, String> {
        let mut lex = SentimentLexicon::default();
        let mut section = "";
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "positive" | "negative" | "intensify" | "diminish" | "contrast" | "too" => name,
                    other => return Err(format!("line {}: unknown section [{other}]", n + 1)),
                };
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let value =
                parts.next().map(|v| v.parse::<f32>().map_err(|_| format!("line {}: '{v}' is no number", n + 1)));
            let value = value.transpose()?;
            let needs_value = matches!(section, "positive" | "negative" | "intensify" | "diminish");
            let value = match (needs_value, value) {
                (true, Some(v)) => v,
                (true, None) => return Err(format!("line {}: '{word}' needs a value", n + 1)),
                (false, _) => 0.0,
            };
            let (word, exception) = match word.strip_prefix('!') {
                Some(w) => (w, true),
                None => (word, false),
            };
            let term = analyzer.term_of(word);
            if term == NO_TERM {
                continue;
            }
            let entry = lex.entries.entry(term).or_default();
            match section {
                "positive" => entry.valence = value,
                "negative" => entry.valence = -value,
                "intensify" | "diminish" => entry.modifier = value,
                "contrast" => entry.flags |= Entry::CONTRAST,
                "too" if exception => entry.flags |= Entry::TOO_EXCEPTION,
                "too" => entry.flags |= Entry::TOO,
                _ => return Err(format!("line {}: '{word}' stands before any section", n + 1)),
            }
        }
        for w in IRONY_WORDS {
            lex.entries.entry(analyzer.term_of(w)).or_default().flags |= Entry::IRONY;
        }
        let len = lex.entries.keys().max().map_or(0, |k| *k as usize + 1);
        lex.table = vec![Entry::default(); len];
        for (k, e) in &lex.entries {
            lex.table[*k as usize] = *e;
        }
        Ok(lex)
    }

    /// Words with a value.
    pub fn len(&self) -> usize {
        self.entries.values().filter(|e| e.valence != 0.0).count()
    }

    /// True when no word has a value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What the lexicon knows of a token: its stem's entry; a compound
    /// without one takes the value of its head, else of its modifier
    /// ("personeelstekort": tekort; "topzorg": top).
    pub(crate) fn entry(&self, t: &Token) -> Entry {
        let at = |term: TermId| self.table.get(term as usize).copied().unwrap_or_default();
        let e = at(t.term);
        if e != Entry::default() {
            return e;
        }
        if t.is_compound() {
            for part in [t.parts[1], t.parts[0]] {
                if let e @ Entry { valence, .. } = at(part)
                    && valence != 0.0
                {
                    return Entry { valence: e.valence, ..Entry::default() };
                }
            }
        }
        Entry::default()
    }
}

/// What an emoji says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Emoji {
    Positive,
    Negative,
    /// Eye-rolling and the like: the praise around it is ironic.
    Irony,
}

/// The meaning of an emoji; `None` for any other character.
pub(crate) fn emoji(c: char) -> Option<Emoji> {
    match c {
        '😀' | '😃' | '😄' | '😁' | '😊' | '🙂' | '😍' | '🥰' | '😘' | '👍' | '👌' | '👏' | '🙏' | '💪' | '🎉'
        | '🥳' | '🤗' | '😎' | '🌞' | '⭐' | '🌟' | '💯' | '♥' | '❤' | '💕' | '💖' | '💚' | '💙' | '💛' | '🧡'
        | '💜' | '☺' | '😇' | '🤩' | '😋' | '🥹' => Some(Emoji::Positive),
        '😡' | '😠' | '🤬' | '😢' | '😭' | '😞' | '😔' | '😟' | '😕' | '🙁' | '☹' | '😩' | '😫' | '😤' | '👎'
        | '💔' | '😰' | '😨' | '😱' | '🤮' | '🤢' | '😖' | '😣' | '😿' | '😪' | '🥺' => {
            Some(Emoji::Negative)
        }
        '🙄' | '😒' | '🙃' | '🤡' => Some(Emoji::Irony),
        _ => None,
    }
}
