//! Multi-label theme scores: precision, recall and F1 per theme, micro and
//! macro averages, exact match, Hamming loss and confusions.

use std::collections::BTreeMap;

use super::{f1, ratio};
use crate::theme::OVERIG;

/// Precision, recall, F1 and support of one theme.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ClassScores {
    /// The theme id.
    pub id: String,
    /// Correct / predicted (0 when nothing was predicted).
    pub precision: f64,
    /// Correct / gold (0 when the gold has none).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Gold experiences with this theme.
    pub support: u64,
    /// Experiences predicted with this theme.
    pub predicted: u64,
    /// Correct predictions.
    pub true_positives: u64,
}

/// How often a gold theme was missed while another was predicted instead.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Confusion {
    /// The gold theme that was missed (`overig`: the gold had no theme).
    pub gold: String,
    /// The theme predicted instead (`overig`: nothing was predicted).
    pub predicted: String,
    /// How many experiences.
    pub count: u64,
}

/// Multi-label theme scores.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ThemeScores {
    /// Experiences measured.
    pub n: u64,
    /// Per theme, in the taxonomy's order.
    pub per_theme: Vec<ClassScores>,
    /// Precision over all (experience, theme) decisions.
    pub micro_precision: f64,
    /// Recall over all decisions.
    pub micro_recall: f64,
    /// F1 over all decisions.
    pub micro_f1: f64,
    /// Mean of the per-theme precisions.
    pub macro_precision: f64,
    /// Mean of the per-theme recalls.
    pub macro_recall: f64,
    /// Mean of the per-theme F1s.
    pub macro_f1: f64,
    /// Share of experiences whose predicted set equals the gold set.
    pub exact_match: f64,
    /// Share of wrong (experience, theme) decisions.
    pub hamming_loss: f64,
    /// Most frequent confusions first.
    pub confusions: Vec<Confusion>,
}

impl ThemeScores {
    /// Scores `predicted` against `gold`: for each experience, the indices of
    /// its themes into `theme_ids` (empty means `overig`).
    ///
    /// ```
    /// use leefwereld::evaluate::ThemeScores;
    /// let ids = ["a".to_string(), "b".to_string()];
    /// let s = ThemeScores::compute(&ids, &[vec![0], vec![1], vec![]], &[vec![0], vec![0], vec![]]);
    /// assert_eq!(s.per_theme[0].precision, 0.5);
    /// assert_eq!(s.per_theme[1].recall, 0.0);
    /// assert_eq!(s.exact_match, 2.0 / 3.0);
    /// assert_eq!(s.confusions[0].gold, "b");
    /// ```
    pub fn compute(theme_ids: &[String], gold: &[Vec<usize>], predicted: &[Vec<usize>]) -> ThemeScores {
        assert_eq!(gold.len(), predicted.len(), "one prediction per gold experience");
        let k = theme_ids.len();
        let (mut tp, mut pred, mut sup) = (vec![0u64; k], vec![0u64; k], vec![0u64; k]);
        let (mut exact, mut wrong) = (0u64, 0u64);
        let mut confusions: BTreeMap<(String, String), u64> = BTreeMap::new();
        let name = |i: Option<usize>| i.map_or(OVERIG.to_string(), |i| theme_ids[i].clone());
        for (g, p) in gold.iter().zip(predicted) {
            for &t in g {
                sup[t] += 1;
                if p.contains(&t) {
                    tp[t] += 1;
                }
            }
            for &t in p {
                pred[t] += 1;
            }
            let missed: Vec<usize> = g.iter().copied().filter(|t| !p.contains(t)).collect();
            let extra: Vec<usize> = p.iter().copied().filter(|t| !g.contains(t)).collect();
            wrong += (missed.len() + extra.len()) as u64;
            if missed.is_empty() && extra.is_empty() {
                exact += 1;
            }
            // Pair each miss with each spurious theme; a miss with nothing
            // instead pairs with overig, and so does a spurious theme.
            let misses: Vec<Option<usize>> =
                if missed.is_empty() { vec![None] } else { missed.into_iter().map(Some).collect() };
            let extras: Vec<Option<usize>> =
                if extra.is_empty() { vec![None] } else { extra.into_iter().map(Some).collect() };
            for m in &misses {
                for e in &extras {
                    if m.is_some() || e.is_some() {
                        *confusions.entry((name(*m), name(*e))).or_default() += 1;
                    }
                }
            }
        }
        let per_theme: Vec<ClassScores> = (0..k)
            .map(|t| {
                let (p, r) = (ratio(tp[t], pred[t]), ratio(tp[t], sup[t]));
                ClassScores {
                    id: theme_ids[t].clone(),
                    precision: p,
                    recall: r,
                    f1: f1(p, r),
                    support: sup[t],
                    predicted: pred[t],
                    true_positives: tp[t],
                }
            })
            .collect();
        let (all_tp, all_pred, all_sup) = (tp.iter().sum(), pred.iter().sum(), sup.iter().sum());
        let (mp, mr) = (ratio(all_tp, all_pred), ratio(all_tp, all_sup));
        let mean = |f: fn(&ClassScores) -> f64| {
            if k == 0 { 0.0 } else { per_theme.iter().map(f).sum::<f64>() / k as f64 }
        };
        let mut confusions: Vec<Confusion> =
            confusions.into_iter().map(|((gold, predicted), count)| Confusion { gold, predicted, count }).collect();
        confusions
            .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| (&a.gold, &a.predicted).cmp(&(&b.gold, &b.predicted))));
        let n = gold.len() as u64;
        ThemeScores {
            n,
            micro_precision: mp,
            micro_recall: mr,
            micro_f1: f1(mp, mr),
            macro_precision: mean(|c| c.precision),
            macro_recall: mean(|c| c.recall),
            macro_f1: mean(|c| c.f1),
            exact_match: ratio(exact, n),
            hamming_loss: ratio(wrong, n * k as u64),
            per_theme,
            confusions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Vec<String> {
        ["a", "b", "c"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn scores_by_hand() {
        // gold: {a}, {a,b}, {}, {c};  predicted: {a}, {a}, {b}, {}
        let s =
            ThemeScores::compute(&ids(), &[vec![0], vec![0, 1], vec![], vec![2]], &[vec![0], vec![0], vec![1], vec![]]);
        assert_eq!(s.n, 4);
        let a = &s.per_theme[0];
        assert_eq!((a.precision, a.recall, a.f1, a.support), (1.0, 1.0, 1.0, 2));
        let b = &s.per_theme[1];
        assert_eq!((b.precision, b.recall, b.support, b.predicted), (0.0, 0.0, 1, 1));
        // micro: tp 2, predicted 3, gold 4.
        assert!((s.micro_precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.micro_recall - 0.5).abs() < 1e-12);
        assert!((s.macro_f1 - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.exact_match, 0.25);
        // wrong decisions: b missed, b spurious, c missed = 3 of 12.
        assert_eq!(s.hamming_loss, 0.25);
        let pairs: Vec<(&str, &str, u64)> =
            s.confusions.iter().map(|c| (c.gold.as_str(), c.predicted.as_str(), c.count)).collect();
        assert_eq!(pairs, [("b", "overig", 1), ("c", "overig", 1), ("overig", "b", 1)]);
    }
}
