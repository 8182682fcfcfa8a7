//! Sentiment scores: four-class accuracy and macro-F1 per experience, and
//! accuracy per theme within an experience.

use super::{GoldExperience, f1, ratio};
use crate::sentiment::{Judgement, Sentiment};
use crate::theme::Assignment;

/// How well sentiment was found, against gold labels.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SentimentScores {
    /// Experiences with a gold sentiment.
    pub n: u64,
    /// Share of them judged right.
    pub accuracy: f64,
    /// The mean of the four classes' F1.
    pub macro_f1: f64,
    /// Per class (in the order of [`Sentiment::ALL`]): precision, recall,
    /// F1, support.
    pub per_class: Vec<(Sentiment, f64, f64, f64, u64)>,
    /// `confusion[gold][predicted]`, in the order of [`Sentiment::ALL`].
    pub confusion: [[u64; 4]; 4],
    /// (experience, theme) pairs with a gold sentiment whose theme was also
    /// found, so that the theme has a predicted sentiment.
    pub theme_n: u64,
    /// Share of those pairs judged right.
    pub per_theme_accuracy: f64,
    /// Of those pairs, the ones in experiences whose themes differ in gold
    /// sentiment (praise for one, complaint about another).
    pub mixed_theme_n: u64,
    /// Accuracy on those pairs: the hard part of per-theme sentiment.
    pub mixed_theme_accuracy: f64,
}

impl SentimentScores {
    /// Scores `predicted` (one assignment and judgement per gold experience,
    /// in its order) against `gold`; `None` when no gold experience has a
    /// sentiment.
    pub fn compute(gold: &[GoldExperience], predicted: &[(Assignment, Judgement)]) -> Option<SentimentScores> {
        let mut confusion = [[0u64; 4]; 4];
        let (mut theme_n, mut theme_right, mut mixed_n, mut mixed_right) = (0u64, 0u64, 0u64, 0u64);
        for (g, (a, j)) in gold.iter().zip(predicted) {
            if let Some(s) = g.sentiment() {
                confusion[s.index()][j.overall.index()] += 1;
            }
            let labels: Vec<Sentiment> = g.themes.iter().filter_map(|&t| g.theme_sentiment_of(t)).collect();
            let mixed = labels.iter().any(|s| *s != labels[0]);
            for (hit, s) in a.themes.iter().zip(&j.themes) {
                if let Some(want) = g.theme_sentiment_of(hit.theme) {
                    theme_n += 1;
                    theme_right += u64::from(want == *s);
                    if mixed {
                        mixed_n += 1;
                        mixed_right += u64::from(want == *s);
                    }
                }
            }
        }
        let n: u64 = confusion.iter().flatten().sum();
        if n == 0 {
            return None;
        }
        let right: u64 = (0..4).map(|i| confusion[i][i]).sum();
        let per_class: Vec<_> = Sentiment::ALL
            .iter()
            .map(|&s| {
                let i = s.index();
                let support: u64 = confusion[i].iter().sum();
                let predicted: u64 = confusion.iter().map(|row| row[i]).sum();
                let (p, r) = (ratio(confusion[i][i], predicted), ratio(confusion[i][i], support));
                (s, p, r, f1(p, r), support)
            })
            .collect();
        let present: Vec<f64> = per_class.iter().filter(|c| c.4 > 0).map(|c| c.3).collect();
        Some(SentimentScores {
            n,
            accuracy: ratio(right, n),
            macro_f1: present.iter().sum::<f64>() / present.len().max(1) as f64,
            per_class,
            confusion,
            theme_n,
            per_theme_accuracy: ratio(theme_right, theme_n),
            mixed_theme_n: mixed_n,
            mixed_theme_accuracy: ratio(mixed_right, mixed_n),
        })
    }
}
