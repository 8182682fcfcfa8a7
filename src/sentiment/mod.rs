//! Sentiment: how an experience judges what it is about, as a whole and per
//! theme.
//!
//! "Het eten is lekker, maar 's nachts voel ik me niet veilig" is
//! [`Sentiment::Positief`] for eten-en-drinken, [`Sentiment::Negatief`] for
//! veiligheid and [`Sentiment::Gemengd`] as a whole. The method is a domain
//! valence lexicon (`data/sentiment/valence-nl.txt`, matched on stems and on
//! the parts of compounds) with rules:
//!
//! - a text is cut into clauses at punctuation and at conjunctions ("maar",
//!   "want", "omdat"); a clause after a contrast word ("maar", "alleen",
//!   "helaas") weighs more than the one before;
//! - a word in the scope of a negator flips ("niet lekker", "geen klagen",
//!   "nooit meer bang"); a negated complaint counts for less than a plain one;
//! - intensifiers and diminishers before a word strengthen or soften it
//!   ("echt super", "een beetje rommelig"); "te" before a word makes it a
//!   complaint ("te laat", "te weinig"), except "te gek";
//! - exclamation marks strengthen a clause, emoji count as words
//!   (🙂 👍 ❤️ for, 😡 😢 👎 against), and cheap irony markers (🙄, "nou ...
//!   hoor") turn praise into complaint.
//!
//! The clauses that hold a theme's evidence give that theme's sentiment;
//! the whole text gives the experience's. Where an answer says nothing
//! either way, the question it answers decides ("Wat kan beter?": against).

mod lexicon;
mod model;

use crate::analysis::{Analyzer, Token};
use crate::theme::Assignment;

pub use lexicon::SentimentLexicon;
pub use model::{Features, SentimentModel, TrainSettings};

/// The gold files the shipped model is trained on (paths from the crate's
/// root): the dev split, the validation batches written later (G-N) and
/// five batches written to train on (Q-U). The test split and the blind
/// batches O and P stay out, to measure on.
pub const TRAINING_GOLD: &[&str] = &[
    "fixtures/gold/dev.jsonl",
    "fixtures/gold/raw/batch_g.jsonl",
    "fixtures/gold/raw/batch_h.jsonl",
    "fixtures/gold/raw/batch_i.jsonl",
    "fixtures/gold/raw/batch_j.jsonl",
    "fixtures/gold/raw/batch_k.jsonl",
    "fixtures/gold/raw/batch_l.jsonl",
    "fixtures/gold/raw/batch_m.jsonl",
    "fixtures/gold/raw/batch_n.jsonl",
    "fixtures/gold/raw/batch_q.jsonl",
    "fixtures/gold/raw/batch_r.jsonl",
    "fixtures/gold/raw/batch_s.jsonl",
    "fixtures/gold/raw/batch_t.jsonl",
    "fixtures/gold/raw/batch_u.jsonl",
];

/// The training examples of gold `records`: per experience with a
/// sentiment label, its features (as `engine`'s lexicon sees them) and the
/// label; and per theme with a sentiment label in an experience with more
/// than one theme, when `engine` finds that theme, the features of the
/// clauses that hold its evidence and the theme's label.
pub fn training_examples(
    engine: &crate::Engine,
    records: &[crate::evaluate::GoldExperience],
) -> Vec<(Features, Sentiment)> {
    let scorer = SentimentScorer::lexicon_only(engine.analyzer());
    let mut out = Vec::new();
    for g in records {
        let tokens = engine.analyzer().analyse(&g.text);
        let clauses = scorer.clauses(&g.text, &tokens);
        if let Some(label) = g.sentiment() {
            out.push((Features::of(&g.text, &tokens, &clauses), label));
        }
        if g.themes.len() < 2 {
            continue;
        }
        for hit in &engine.assigner().assign(&tokens).themes {
            if let Some(label) = g.theme_sentiment_of(hit.theme) {
                let mut own = clauses_of(&clauses, &tokens, hit).peekable();
                if own.peek().is_some() {
                    out.push((Features::of(&g.text, &tokens, own), label));
                }
            }
        }
    }
    out
}

/// The clauses that hold some of `hit`'s evidence.
fn clauses_of<'c>(
    clauses: &'c [Clause],
    tokens: &'c [Token],
    hit: &'c crate::ThemeHit,
) -> impl Iterator<Item = &'c Clause> + Clone {
    clauses.iter().filter(|c| {
        let (Some(from), Some(to)) = (tokens.get(c.start), tokens.get(c.end.saturating_sub(1))) else {
            return false;
        };
        hit.evidence.iter().any(|e| e.start < to.span.end && e.end > from.span.start)
    })
}

/// Buffers reused across texts on one thread.
#[derive(Default)]
struct Scratch {
    clauses: Vec<Clause>,
}

/// How a text (or the part of it about one theme) judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Sentiment {
    /// Favourable only (possibly with neutral parts).
    Positief,
    /// Unfavourable only.
    Negatief,
    /// Both favourable and unfavourable.
    Gemengd,
    /// No judgement either way.
    #[default]
    Neutraal,
}

impl Sentiment {
    /// All four, in report order.
    pub const ALL: [Sentiment; 4] = [Sentiment::Positief, Sentiment::Negatief, Sentiment::Gemengd, Sentiment::Neutraal];

    /// The id in gold files and `report.json`: `positief`, `negatief`,
    /// `gemengd`, `neutraal`.
    pub fn id(self) -> &'static str {
        match self {
            Sentiment::Positief => "positief",
            Sentiment::Negatief => "negatief",
            Sentiment::Gemengd => "gemengd",
            Sentiment::Neutraal => "neutraal",
        }
    }

    /// Parses an id (see [`Sentiment::id`]); also the English names.
    pub fn parse(id: &str) -> Option<Sentiment> {
        match id.trim().to_ascii_lowercase().as_str() {
            "positief" | "positive" => Some(Sentiment::Positief),
            "negatief" | "negative" => Some(Sentiment::Negatief),
            "gemengd" | "mixed" => Some(Sentiment::Gemengd),
            "neutraal" | "neutral" => Some(Sentiment::Neutraal),
            _ => None,
        }
    }

    /// Its index in [`Sentiment::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The sentiment of one experience: as a whole and per theme.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Judgement {
    /// The experience as a whole.
    pub overall: Sentiment,
    /// Per theme of its [`Assignment`], in the same order.
    pub themes: Vec<Sentiment>,
}

/// The numbers the rules are tuned with (on the dev split of the gold data).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SentimentSettings {
    /// Below this weight on both sides a text is neutral.
    pub neutral_below: f32,
    /// A text is mixed when its weaker side is at least this share of its
    /// stronger one (and above `neutral_below`).
    pub mixed_ratio: f32,
    /// A negated word counts this share of its value, turned around, when
    /// it was praise ("niet goed").
    pub negated_praise: f32,
    /// ... and when it was a complaint ("niet slecht", "geen klagen").
    pub negated_complaint: f32,
    /// A clause after a contrast word weighs this much more.
    pub contrast_weight: f32,
    /// The weight of "te" before a word ("te laat").
    pub too_weight: f32,
}

impl Default for SentimentSettings {
    fn default() -> Self {
        SentimentSettings {
            neutral_below: 0.9,
            mixed_ratio: 0.35,
            negated_praise: 0.9,
            negated_complaint: 0.6,
            contrast_weight: 1.3,
            too_weight: 1.5,
        }
    }
}

/// One clause of a text: its tokens and the weight of praise and complaint
/// in it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Clause {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Weight of praise.
    pub positive: f32,
    /// Weight of complaint.
    pub negative: f32,
    /// It starts with a contrast word ("maar", "helaas").
    pub contrast: bool,
}

/// Judges texts with a [`SentimentLexicon`] and [`SentimentSettings`].
#[derive(Debug, Clone)]
pub struct SentimentScorer {
    lexicon: SentimentLexicon,
    settings: SentimentSettings,
    model: Option<SentimentModel>,
}

impl SentimentScorer {
    /// The shipped lexicon and model, resolved to `analyzer`'s stems.
    pub fn new(analyzer: &Analyzer) -> SentimentScorer {
        SentimentScorer::lexicon_only(analyzer).with_model(SentimentModel::shipped(analyzer))
    }

    /// The shipped lexicon and its rules alone, without the trained model.
    pub fn lexicon_only(analyzer: &Analyzer) -> SentimentScorer {
        SentimentScorer::with_settings(analyzer, SentimentSettings::default())
    }

    /// The shipped lexicon with settings of one's own, without a model.
    pub fn with_settings(analyzer: &Analyzer, settings: SentimentSettings) -> SentimentScorer {
        SentimentScorer { lexicon: SentimentLexicon::shipped(analyzer), settings, model: None }
    }

    /// The same scorer with a trained model on top of the lexicon.
    pub fn with_model(mut self, model: SentimentModel) -> SentimentScorer {
        self.model = Some(model);
        self
    }

    /// Its settings.
    pub fn settings(&self) -> &SentimentSettings {
        &self.settings
    }

    /// The clauses of `text` (analysed into `tokens`), with their weights.
    pub fn clauses(&self, text: &str, tokens: &[Token]) -> Vec<Clause> {
        let mut clauses = Vec::new();
        self.clauses_into(text, tokens, &mut clauses);
        clauses
    }

    /// Like [`SentimentScorer::clauses`], into `clauses` (cleared first).
    pub fn clauses_into(&self, text: &str, tokens: &[Token], clauses: &mut Vec<Clause>) {
        clauses.clear();
        let s = &self.settings;
        let lex = &self.lexicon;
        let mut current = Clause::default();
        let mut weight = 1.0f32;
        // The factor of an intensifier or diminisher waiting for its word.
        let mut modifier: Option<(f32, usize)> = None;
        let mut too_at: Option<usize> = None;
        let mut irony = false;
        let mut close = |c: &mut Clause, end: usize, weight: f32, gap: &str, irony: &mut bool| {
            c.end = end;
            let (mut pos, mut neg) = (c.positive, c.negative);
            for ch in gap.chars().filter(|c| !c.is_ascii()) {
                match lexicon::emoji(ch) {
                    Some(lexicon::Emoji::Positive) => pos += 1.5,
                    Some(lexicon::Emoji::Negative) => neg += 1.5,
                    Some(lexicon::Emoji::Irony) => *irony = true,
                    None => {}
                }
            }
            if *irony && pos > neg {
                (pos, neg) = (0.0, pos.max(1.0));
            }
            let bangs = gap.matches('!').count().min(3) as f32;
            let boost = weight * (1.0 + 0.15 * bangs);
            c.positive = pos * boost;
            c.negative = neg * boost;
            if c.end > c.start || c.positive > 0.0 || c.negative > 0.0 {
                clauses.push(*c);
            }
            // "Nou, fijn hoor": an opening word alone in its clause makes
            // the next one ironic.
            if pos > 0.0 || neg > 0.0 {
                *irony = false;
            }
        };
        for (i, t) in tokens.iter().enumerate() {
            let gap = if i == 0 { "" } else { &text[tokens[i - 1].span.end as usize..t.span.start as usize] };
            let entry = lex.entry(t);
            // Most gaps are one space: no mark, no emoji.
            let marked = gap != " " && gap.chars().any(is_clause_mark);
            if i > 0 && (marked || t.flags.is_clause_break() || entry.is_contrast()) {
                close(&mut current, i, weight, gap, &mut irony);
                let contrast = entry.is_contrast();
                weight = if contrast { s.contrast_weight } else { 1.0 };
                current = Clause { start: i, contrast, ..Clause::default() };
                modifier = None;
                too_at = None;
            }
            if entry.is_irony() && i == current.start {
                irony = true;
            }
            if entry.is_too() {
                too_at = Some(i);
                continue;
            }
            let after_too = too_at.take().is_some_and(|at| at + 1 == i);
            if entry.valence == 0.0 {
                if entry.modifier != 0.0 {
                    modifier = Some((entry.modifier, i));
                } else if after_too {
                    // "te laat", "te weinig"; "te eten" (an infinitive) is no
                    // complaint; "te gek" is praise.
                    if entry.is_too_exception() {
                        current.positive += s.too_weight;
                    } else if !looks_infinitive(t.text(text)) {
                        current.negative += s.too_weight;
                    }
                }
                continue;
            }
            let mut v = entry.valence;
            if let Some((f, at)) = modifier.take()
                && i - at <= 2
            {
                v *= f;
            }
            if after_too {
                v = if entry.is_too_exception() { v.abs() } else { -(v.abs() + s.too_weight) };
            }
            if t.flags.is_negated() {
                v = if v > 0.0 { -v * s.negated_praise } else { -v * s.negated_complaint };
            }
            if v > 0.0 {
                current.positive += v;
            } else {
                current.negative -= v;
            }
        }
        let tail = tokens.last().map_or(text, |t| &text[t.span.end as usize..]);
        close(&mut current, tokens.len(), weight, tail, &mut irony);
    }

    /// The sentiment of weights `positive` and `negative`.
    pub fn decide(&self, positive: f32, negative: f32) -> Sentiment {
        let s = &self.settings;
        let (hi, lo) = (positive.max(negative), positive.min(negative));
        if hi < s.neutral_below {
            Sentiment::Neutraal
        } else if lo >= s.neutral_below && lo >= s.mixed_ratio * hi {
            Sentiment::Gemengd
        } else if positive > negative {
            Sentiment::Positief
        } else {
            Sentiment::Negatief
        }
    }

    /// Judges `text` (analysed into `tokens`) and each theme of its
    /// `assignment`. `question` is the question it answers, when known: a
    /// text that says nothing either way in answer to "Wat kan beter?"
    /// counts as a complaint, to "Wat gaat goed?" as praise.
    pub fn judge(&self, text: &str, tokens: &[Token], assignment: &Assignment, question: Option<&str>) -> Judgement {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
        }
        SCRATCH.with_borrow_mut(|Scratch { clauses }| {
            self.clauses_into(text, tokens, clauses);
            let decide = |chosen: &mut dyn Iterator<Item = &Clause>| match &self.model {
                Some(model) => model.predict_clauses(text, tokens, chosen),
                None => {
                    let (p, n) = chosen.fold((0.0, 0.0), |(p, n), c| (p + c.positive, n + c.negative));
                    self.decide(p, n)
                }
            };
            let mut overall = decide(&mut clauses.iter());
            if overall == Sentiment::Neutraal
                && let Some(lean) = question.and_then(question_lean)
            {
                overall = lean;
            }
            let themes = if assignment.themes.len() <= 1 || overall != Sentiment::Gemengd {
                vec![overall; assignment.themes.len()]
            } else {
                // A mixed text: each theme is judged on the clauses that hold
                // its evidence.
                let mut themes = Vec::with_capacity(assignment.themes.len());
                for hit in &assignment.themes {
                    themes.push(match decide(&mut clauses_of(clauses, tokens, hit)) {
                        Sentiment::Neutraal => overall,
                        s => s,
                    });
                }
                themes
            };
            Judgement { overall, themes }
        })
    }
}

/// Which way a question leans when the answer says nothing either way.
fn question_lean(question: &str) -> Option<Sentiment> {
    let q = question.to_lowercase();
    let against = ["kan beter", "beter kan", "verbeter", "kan anders", "mist u", "mis je", "niet goed", "minder goed"];
    let for_ = ["gaat goed", "goed gaat", "tevreden over", "waardeer", "tops", "compliment"];
    if against.iter().any(|w| q.contains(w)) {
        Some(Sentiment::Negatief)
    } else if for_.iter().any(|w| q.contains(w)) {
        Some(Sentiment::Positief)
    } else {
        None
    }
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\n' | '(' | ')') || lexicon::emoji(c).is_some()
}

/// "eten", "wachten", "doen": a verb after "te" is an infinitive, not a
/// complaint.
fn looks_infinitive(word: &str) -> bool {
    word.len() > 3 && word.ends_with('n') && word != "open"
}

#[cfg(test)]
mod tests;
