//! The trained layer: a four-class logistic regression over the words of a
//! text (negated words apart from plain ones) and what the valence lexicon
//! finds in it.
//!
//! It is trained by `cargo run --release --example train_sentiment` from the
//! gold data in the repository, deterministically (full-batch gradient
//! descent in a fixed order, one thread), and shipped as
//! `data/sentiment/model.txt`: building the crate needs no Python and
//! nothing is downloaded.

use rustc_hash::FxHashMap;

use super::{Clause, Sentiment};
use crate::analysis::{Analyzer, NO_TERM, TermId, Token};

/// The shipped model.
const SHIPPED: &str = include_str!("../../data/sentiment/model.txt");

/// The first line of a model file.
const HEADER: &str = "# leefwereld sentiment model 1";

/// Names of the dense features, in their order.
const DENSE: [&str; 13] = [
    "praise",
    "complaint",
    "both",
    "balance",
    "praising-clauses",
    "complaining-clauses",
    "contrast",
    "question",
    "exclamation",
    "length",
    "negators",
    "last-clause",
    "after-contrast",
];

/// A word feature: the stem, and whether it stands in a negation's scope
/// (written `n:stem` in a model file; a plain word `w:stem`). Pairs of
/// words, and words marked by their clause (the last one, one after
/// "maar"), were tried and measured no better.
type WordKey = u64;

/// The key of a word: its stem, and a bit for negated.
fn word_key(term: TermId, negated: bool) -> WordKey {
    (u64::from(term) << 1) | u64::from(negated)
}

/// The stem and the negated bit of a key.
fn unkey(key: WordKey) -> (TermId, bool) {
    ((key >> 1) as TermId, key & 1 == 1)
}

/// What the model sees of a text (or of the clauses about one theme).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    words: Vec<WordKey>,
    dense: [f32; DENSE.len()],
}

impl Features {
    /// The features of the `clauses` of `text` (analysed into `tokens`).
    pub fn of<'c>(text: &str, tokens: &[Token], clauses: impl IntoIterator<Item = &'c Clause>) -> Features {
        let mut f = Features::default();
        f.fill(text, tokens, clauses);
        f
    }

    /// Like [`Features::of`], into `self` (its buffer reused).
    pub fn fill<'c>(&mut self, text: &str, tokens: &[Token], clauses: impl IntoIterator<Item = &'c Clause>) {
        let words = &mut self.words;
        words.clear();
        self.dense = dense_features(text, tokens, clauses, |key| words.push(key));
    }
}

/// The dense features of `clauses`; `word` gets the key of every word in
/// them, in order.
fn dense_features<'c>(
    text: &str,
    tokens: &[Token],
    clauses: impl IntoIterator<Item = &'c Clause>,
    mut word: impl FnMut(WordKey),
) -> [f32; DENSE.len()] {
    let (mut praise, mut complaint, mut praising, mut complaining, mut contrast) = (0.0f32, 0.0f32, 0, 0, false);
    let (mut question, mut exclamation, mut negators, mut length) = (0usize, 0usize, 0usize, 0usize);
    let (mut last_balance, mut contrast_balance, mut n) = (0.0f32, 0.0f32, 0usize);
    for c in clauses {
        n += 1;
        praise += c.positive;
        complaint += c.negative;
        praising += usize::from(c.positive > c.negative);
        complaining += usize::from(c.negative > c.positive);
        contrast |= c.contrast;
        if c.end > c.start {
            last_balance = c.positive - c.negative;
        }
        if c.contrast {
            contrast_balance += c.positive - c.negative;
        }
        for t in &tokens[c.start..c.end] {
            if t.term != NO_TERM {
                word(word_key(t.term, t.flags.is_negated()));
            }
            negators += usize::from(t.flags.is_negator());
            length += 1;
        }
        let tail_end = tokens.get(c.end).map_or(text.len(), |t| t.span.start as usize);
        let tail_start = tokens.get(c.end.wrapping_sub(1)).map_or(0, |t| t.span.end as usize);
        if let Some(tail) = text.get(tail_start..tail_end).filter(|t| *t != " ") {
            question += tail.matches('?').count();
            exclamation += tail.matches('!').count();
        }
    }
    let n = n.max(1) as f32;
    [
        praise.ln_1p(),
        complaint.ln_1p(),
        f32::from(u8::from(praise > 0.5 && complaint > 0.5)),
        ((praise - complaint) / 3.0).clamp(-2.0, 2.0),
        praising as f32 / n,
        complaining as f32 / n,
        f32::from(u8::from(contrast)),
        question.min(3) as f32 / 3.0,
        exclamation.min(3) as f32 / 3.0,
        (length as f32).ln_1p() / 5.0,
        negators.min(3) as f32 / 3.0,
        (last_balance / 3.0).clamp(-2.0, 2.0),
        (contrast_balance / 3.0).clamp(-2.0, 2.0),
    ]
}

/// A four-class logistic regression (classes in the order of
/// [`Sentiment::ALL`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SentimentModel {
    words: FxHashMap<WordKey, [f32; 4]>,
    /// The same weights by key as an index (stems are small numbers, given
    /// out in order): a lookup per word without hashing.
    table: Vec<[f32; 4]>,
    dense: [[f32; 4]; DENSE.len()],
    bias: [f32; 4],
}

/// How a model is trained.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct TrainSettings {
    /// Full-batch gradient steps.
    pub steps: usize,
    /// Step size.
    pub learning_rate: f32,
    /// L2 penalty on the weights (not the bias).
    pub l2: f32,
    /// A word must occur at least this many times in the training texts.
    pub min_count: usize,
}

impl Default for TrainSettings {
    fn default() -> Self {
        TrainSettings { steps: 10_000, learning_rate: 1.0, l2: 0.000_03, min_count: 2 }
    }
}

impl SentimentModel {
    /// The shipped model, its stems interned in `analyzer`'s lexicon.
    pub fn shipped(analyzer: &Analyzer) -> SentimentModel {
        SentimentModel::parse(SHIPPED, analyzer).expect("the shipped sentiment model is valid")
    }

    /// Probabilities of the four classes for `features`.
    pub fn probabilities(&self, features: &Features) -> [f32; 4] {
        softmax(self.logits(features))
    }

    /// The scores before the softmax: the largest is the most probable.
    fn logits(&self, features: &Features) -> [f32; 4] {
        let mut sum = [0f32; 4];
        for key in &features.words {
            self.add_word(*key, &mut sum);
        }
        self.finish(sum, features.words.len(), &features.dense)
    }

    /// Adds the weights of one word to `sum`.
    fn add_word(&self, key: WordKey, sum: &mut [f32; 4]) {
        if let Some(w) = self.table.get(key as usize) {
            for k in 0..4 {
                sum[k] += w[k];
            }
        }
    }

    /// The logits from the summed word weights of `count` words and the
    /// dense features.
    fn finish(&self, sum: [f32; 4], count: usize, dense: &[f32; DENSE.len()]) -> [f32; 4] {
        let mut z = self.bias;
        let scale = 1.0 / (count.max(1) as f32).sqrt();
        for k in 0..4 {
            z[k] += sum[k] * scale;
        }
        for (x, w) in dense.iter().zip(&self.dense) {
            for k in 0..4 {
                z[k] += w[k] * x;
            }
        }
        z
    }

    /// The most probable class.
    pub fn predict(&self, features: &Features) -> Sentiment {
        argmax(self.logits(features))
    }

    /// The most probable class of the `clauses` of `text` (analysed into
    /// `tokens`): the same as `predict(&Features::of(..))`, in one pass and
    /// without a feature vector.
    pub fn predict_clauses<'c>(
        &self,
        text: &str,
        tokens: &[Token],
        clauses: impl IntoIterator<Item = &'c Clause>,
    ) -> Sentiment {
        let (mut sum, mut count) = ([0f32; 4], 0usize);
        let dense = dense_features(text, tokens, clauses, |key| {
            count += 1;
            self.add_word(key, &mut sum);
        });
        argmax(self.finish(sum, count, &dense))
    }

    /// Trains a model on `examples` (features and the gold class, their
    /// stems interned in `analyzer`'s lexicon). The words are put in the
    /// order of their text, so the model does not depend on the order in
    /// which stems happened to be interned.
    pub fn train(examples: &[(Features, Sentiment)], settings: &TrainSettings, analyzer: &Analyzer) -> SentimentModel {
        let mut counts: FxHashMap<WordKey, usize> = FxHashMap::default();
        for (f, _) in examples {
            for key in &f.words {
                *counts.entry(*key).or_default() += 1;
            }
        }
        let mut vocab: Vec<(Option<std::sync::Arc<str>>, WordKey)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= settings.min_count)
            .map(|(k, _)| (analyzer.term_text(unkey(k).0), k))
            .collect();
        vocab.sort_unstable_by(|a, b| (&a.0, a.1 & 1).cmp(&(&b.0, b.1 & 1)));
        let vocab: Vec<WordKey> = vocab.into_iter().map(|(_, k)| k).collect();
        let index: FxHashMap<WordKey, usize> = vocab.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        // Each example as (word rows, scale, dense, class).
        let rows: Vec<(Vec<usize>, f32, &[f32; DENSE.len()], usize)> = examples
            .iter()
            .map(|(f, s)| {
                let mut ids: Vec<usize> = f.words.iter().filter_map(|k| index.get(k).copied()).collect();
                ids.sort_unstable();
                let scale = 1.0 / (f.words.len().max(1) as f32).sqrt();
                (ids, scale, &f.dense, s.index())
            })
            .collect();
        let mut w = vec![[0f32; 4]; vocab.len()];
        let mut d = [[0f32; 4]; DENSE.len()];
        let mut b = [0f32; 4];
        let n = examples.len().max(1) as f32;
        for _ in 0..settings.steps {
            let mut gw = vec![[0f32; 4]; vocab.len()];
            let mut gd = [[0f32; 4]; DENSE.len()];
            let mut gb = [0f32; 4];
            for (ids, scale, dense, class) in &rows {
                let mut z = b;
                for &i in ids {
                    for k in 0..4 {
                        z[k] += w[i][k] * scale;
                    }
                }
                for (x, wd) in dense.iter().zip(&d) {
                    for k in 0..4 {
                        z[k] += wd[k] * x;
                    }
                }
                let p = softmax(z);
                for k in 0..4 {
                    let err = p[k] - f32::from(u8::from(k == *class));
                    gb[k] += err;
                    for &i in ids {
                        gw[i][k] += err * scale;
                    }
                    for (j, x) in dense.iter().enumerate() {
                        gd[j][k] += err * x;
                    }
                }
            }
            let lr = settings.learning_rate;
            for (wi, gi) in w.iter_mut().zip(&gw) {
                for k in 0..4 {
                    wi[k] -= lr * (gi[k] / n + settings.l2 * wi[k]);
                }
            }
            for (wj, gj) in d.iter_mut().zip(&gd) {
                for k in 0..4 {
                    wj[k] -= lr * (gj[k] / n + settings.l2 * wj[k]);
                }
            }
            for k in 0..4 {
                b[k] -= lr * gb[k] / n;
            }
        }
        SentimentModel { words: vocab.into_iter().zip(w).collect(), table: Vec::new(), dense: d, bias: b }.indexed()
    }

    /// The model as text (the format of `data/sentiment/model.txt`): the
    /// same model always gives the same bytes. Stems are written as text,
    /// resolved in `analyzer`'s lexicon.
    pub fn to_text(&self, analyzer: &Analyzer) -> String {
        let row = |name: &str, w: &[f32; 4]| format!("{name}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\n", w[0], w[1], w[2], w[3]);
        let mut out = format!("{HEADER}\n# classes: positief negatief gemengd neutraal\n");
        out += &row("bias", &self.bias);
        for (name, w) in DENSE.iter().zip(&self.dense) {
            out += &row(&format!("x:{name}"), w);
        }
        let mut words: Vec<(String, &[f32; 4])> = self
            .words
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= 0.00005))
            .filter_map(|(key, w)| {
                let (term, negated) = unkey(*key);
                let stem = analyzer.term_text(term)?;
                Some((format!("{}:{stem}", if negated { "n" } else { "w" }), w))
            })
            .collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, w) in words {
            out += &row(&name, w);
        }
        out
    }

    /// Reads a model written by [`SentimentModel::to_text`]; the error names
    /// the line.
    pub fn parse(text: &str, analyzer: &Analyzer) -> Result<SentimentModel, String> {
        let mut lines = text.lines().enumerate();
        if lines.next().map(|(_, l)| l) != Some(HEADER) {
            return Err(format!("line 1: not a leefwereld sentiment model (expected '{HEADER}')"));
        }
        let mut model = SentimentModel {
            words: FxHashMap::default(),
            table: Vec::new(),
            dense: [[0.0; 4]; DENSE.len()],
            bias: [0.0; 4],
        };
        for (n, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut parts = line.split('\t');
            let name = parts.next().unwrap_or_default();
            let mut w = [0f32; 4];
            for x in &mut w {
                *x = parts
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| format!("line {}: '{name}' needs four numbers", n + 1))?;
            }
            if name == "bias" {
                model.bias = w;
            } else if let Some(dense) = name.strip_prefix("x:") {
                let at = DENSE
                    .iter()
                    .position(|d| *d == dense)
                    .ok_or_else(|| format!("line {}: unknown feature '{name}'", n + 1))?;
                model.dense[at] = w;
            } else if let Some((kind, stem)) = name.split_once(':').filter(|(k, _)| matches!(*k, "w" | "n")) {
                model.words.insert(word_key(analyzer.lexicon().intern(stem), kind == "n"), w);
            } else {
                return Err(format!("line {}: unknown feature '{name}'", n + 1));
            }
        }
        Ok(model.indexed())
    }
}

impl SentimentModel {
    /// Builds the lookup table from the weights.
    fn indexed(mut self) -> SentimentModel {
        let len = self.words.keys().max().map_or(0, |k| *k as usize + 1);
        self.table = vec![[0.0; 4]; len];
        for (k, w) in &self.words {
            self.table[*k as usize] = *w;
        }
        self
    }
}

fn softmax(z: [f32; 4]) -> [f32; 4] {
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let e = z.map(|x| (x - max).exp());
    let sum: f32 = e.iter().sum();
    e.map(|x| x / sum)
}

fn argmax(p: [f32; 4]) -> Sentiment {
    let mut best = 0;
    for k in 1..4 {
        if p[k] > p[best] {
            best = k;
        }
    }
    Sentiment::ALL[best]
}
