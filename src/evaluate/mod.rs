//! Evaluation against gold-labelled experiences: precision, recall and F1
//! per theme, micro and macro averages, exact match, Hamming loss, and the
//! confusions that explain the errors.
//!
//! Gold files are JSON Lines in the format of the project's taxonomy
//! contract: `{"id", "text", "themes": [...], "sentiment"?, "role"?,
//! "pii"?: [{"start", "end", "kind"}]}`, with `["overig"]` for an experience
//! that fits no theme. Metrics are plain functions of predictions and gold
//! ([`ThemeScores::compute`]), so any assigner can be measured the same way.

mod bootstrap;
mod cues;
mod gold;
mod method;
mod pii;
mod predictions;
mod sentiment;
mod themes;

pub use bootstrap::{BOOTSTRAP_ROUNDS, F1Intervals};
pub use cues::{CueScores, evaluate_cues};
pub use gold::{GoldExperience, GoldPii, PII_KINDS, ROLES, SENTIMENTS, parse_gold, read_gold};
pub use method::{Method, keyword_taxonomy};
pub use pii::{PiiKindScores, PiiScores, evaluate_pii};
pub use predictions::{parse_predictions, read_predictions};
pub use sentiment::SentimentScores;
pub use themes::{ClassScores, Confusion, ThemeScores};

use crate::engine::Engine;
use crate::theme::Taxonomy;

/// The result of evaluating one method on a gold file.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Evaluation {
    /// The method.
    pub method: Method,
    /// Theme scores.
    pub themes: ThemeScores,
    /// How much the F1s would vary on other texts like these.
    pub intervals: F1Intervals,
    /// Sentiment scores, when the gold data has sentiment labels and the
    /// method judges sentiment.
    pub sentiment: Option<SentimentScores>,
}

/// Evaluates `engine` (built for `method`) on `gold`.
pub fn evaluate(engine: &Engine, method: Method, gold: &[GoldExperience]) -> Evaluation {
    use rayon::prelude::*;
    let judged: Vec<_> = gold.par_iter().map(|g| engine.judge(&g.text, None)).collect();
    let predicted: Vec<Vec<usize>> = judged.iter().map(|(a, _)| a.themes.iter().map(|h| h.theme).collect()).collect();
    let mut evaluation = score(method, engine.taxonomy(), gold, &predicted);
    evaluation.sentiment = SentimentScores::compute(gold, &judged);
    evaluation
}

/// Scores `predicted` (one theme list per gold experience, in its order,
/// as [`read_predictions`] returns them) against `gold`.
pub fn evaluate_predictions(taxonomy: &Taxonomy, gold: &[GoldExperience], predicted: &[Vec<usize>]) -> Evaluation {
    score(Method::Predictions, taxonomy, gold, predicted)
}

/// The scores and intervals of `predicted` against `gold`.
fn score(method: Method, taxonomy: &Taxonomy, gold: &[GoldExperience], predicted: &[Vec<usize>]) -> Evaluation {
    let gold_sets: Vec<Vec<usize>> = gold.iter().map(|g| g.themes.clone()).collect();
    let ids: Vec<String> = taxonomy.themes().iter().map(|t| t.id.clone()).collect();
    let intervals = F1Intervals::compute(ids.len(), &gold_sets, predicted);
    Evaluation { method, themes: ThemeScores::compute(&ids, &gold_sets, predicted), intervals, sentiment: None }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::quality::DEFAULT_QUALITY;

    /// What reports claim about the default assigner is what it measures on
    /// the held-out gold data.
    #[test]
    fn default_quality_is_what_held_out_data_measures() {
        let tax = Taxonomy::default();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let held_out: Vec<GoldExperience> =
            DEFAULT_QUALITY.gold.iter().flat_map(|g| read_gold(&root.join(g), &tax).unwrap()).collect();
        let t = evaluate(&Engine::new(tax.clone()).unwrap(), Method::Lexicon, &held_out).themes;
        let r3 = |x: f64| (x * 1000.0).round() / 1000.0;
        let q = DEFAULT_QUALITY;
        assert_eq!(
            (q.n, q.micro_precision, q.micro_recall, q.macro_f1),
            (t.n, r3(t.micro_precision), r3(t.micro_recall), r3(t.macro_f1))
        );
        let gold = read_gold(&root.join("fixtures/gold/test.jsonl"), &tax).unwrap();
        let annotators: Vec<f64> = ["a", "b"]
            .iter()
            .map(|a| {
                let path = root.join(format!("fixtures/gold/agreement/annotator_{a}.jsonl"));
                let predicted = read_predictions(&path, &tax, &gold).unwrap();
                evaluate_predictions(&tax, &gold, &predicted).themes.macro_f1
            })
            .collect();
        assert_eq!(q.annotator_macro_f1, r3((annotators[0] + annotators[1]) / 2.0));
    }
}
