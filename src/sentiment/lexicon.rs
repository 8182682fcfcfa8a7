//! The valence lexicon, resolved to an analyzer's stems.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::{Analyzer, NO_TERM, TermId, Token};

/// The shipped lexicon (`data/sentiment/valence-nl.txt`).
const SHIPPED: &str = include_str!("../../data/sentiment/valence-nl.txt");

/// Words that, opening a clause of praise, make it ironic ("Nou, fijn
/// hoor"): matched on the stem.
const IRONY_WORDS: &[&str] = &["nou", "tja", "jaja"];

/// The valence lexicon: per stem a value, and the words that modify others.
#[derive(Debug, Clone, Default)]
pub struct SentimentLexicon {
    valence: FxHashMap<TermId, f32>,
    modifiers: FxHashMap<TermId, f32>,
    contrast: FxHashSet<TermId>,
    irony: FxHashSet<TermId>,
    too: Vec<String>,
    too_exceptions: Vec<String>,
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
            let term = analyzer.term_of(word);
            match section {
                "positive" => {
                    lex.valence.insert(term, value);
                }
                "negative" => {
                    lex.valence.insert(term, -value);
                }
                "intensify" | "diminish" => {
                    lex.modifiers.insert(term, value);
                }
                "contrast" => {
                    lex.contrast.insert(term);
                }
                "too" => match word.strip_prefix('!') {
                    Some(exception) => lex.too_exceptions.push(exception.to_string()),
                    None => lex.too.push(word.to_string()),
                },
                _ => return Err(format!("line {}: '{word}' stands before any section", n + 1)),
            }
        }
        lex.irony = IRONY_WORDS.iter().map(|w| analyzer.term_of(w)).collect();
        lex.valence.remove(&NO_TERM);
        Ok(lex)
    }

    /// Words with a value.
    pub fn len(&self) -> usize {
        self.valence.len()
    }

    /// True when no word has a value.
    pub fn is_empty(&self) -> bool {
        self.valence.is_empty()
    }

    /// The value of a token: its stem's, else its compound head's, else its
    /// compound modifier's ("personeelstekort": tekort; "topzorg": top).
    pub(crate) fn valence(&self, t: &Token) -> f32 {
        if let Some(v) = self.valence.get(&t.term) {
            return *v;
        }
        if t.is_compound() {
            for part in [t.parts[1], t.parts[0]] {
                if let Some(v) = self.valence.get(&part) {
                    return *v;
                }
            }
        }
        0.0
    }

    pub(crate) fn modifier(&self, term: TermId) -> Option<f32> {
        self.modifiers.get(&term).copied()
    }

    pub(crate) fn is_contrast(&self, term: TermId) -> bool {
        self.contrast.contains(&term)
    }

    pub(crate) fn is_irony_word(&self, term: TermId) -> bool {
        self.irony.contains(&term)
    }

    pub(crate) fn is_too(&self, word: &str) -> bool {
        self.too.iter().any(|t| t.eq_ignore_ascii_case(word))
    }

    pub(crate) fn is_too_exception(&self, word: &str) -> bool {
        self.too_exceptions.iter().any(|t| t.eq_ignore_ascii_case(word))
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
