//! Bootstrap intervals of the F1s.

use super::{f1, ratio};

/// 95% bootstrap intervals of macro- and micro-F1: the F1s of
/// [`BOOTSTRAP_ROUNDS`] samples of the experiences drawn with replacement
/// (a fixed seed, so the same gold and predictions give the same interval),
/// cut at the 2.5th and 97.5th percentile. On 375 experiences they are
/// about 0.07 wide: differences smaller than that are not shown by the data.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct F1Intervals {
    /// (low, high) of macro-F1.
    pub macro_f1: (f64, f64),
    /// (low, high) of micro-F1.
    pub micro_f1: (f64, f64),
}

/// Samples drawn for [`F1Intervals`].
pub const BOOTSTRAP_ROUNDS: usize = 1000;

impl F1Intervals {
    /// The intervals for `predicted` against `gold` (theme indices per
    /// experience, below `themes`).
    ///
    /// ```
    /// let gold: Vec<Vec<usize>> = (0..100).map(|i| vec![i % 2]).collect();
    /// let i = leefwereld::evaluate::F1Intervals::compute(2, &gold, &gold);
    /// assert_eq!(i.macro_f1, (1.0, 1.0));
    /// ```
    ///
    /// A theme absent from a sample (no gold, no prediction) counts with F1
    /// 0 there, as in [`ThemeScores::compute`](super::ThemeScores::compute): on a handful of experiences
    /// the interval is wide for that reason too.
    pub fn compute(themes: usize, gold: &[Vec<usize>], predicted: &[Vec<usize>]) -> F1Intervals {
        assert_eq!(gold.len(), predicted.len(), "one prediction per gold experience");
        let n = gold.len();
        // Per experience and theme: (true positive, predicted, gold) counts.
        let counts: Vec<[u32; 3]> = gold
            .iter()
            .zip(predicted)
            .flat_map(|(g, p)| {
                (0..themes).map(move |t| {
                    let (in_g, in_p) = (g.contains(&t) as u32, p.contains(&t) as u32);
                    [in_g & in_p, in_p, in_g]
                })
            })
            .collect();
        let mut rng = fastrand::Rng::with_seed(0x1eef_3e21d);
        let (mut macros, mut micros) = (Vec::with_capacity(BOOTSTRAP_ROUNDS), Vec::with_capacity(BOOTSTRAP_ROUNDS));
        let mut sums = vec![[0u64; 3]; themes];
        for _ in 0..BOOTSTRAP_ROUNDS {
            sums.iter_mut().for_each(|s| *s = [0; 3]);
            for _ in 0..n {
                let e = rng.usize(..n);
                for (s, c) in sums.iter_mut().zip(&counts[e * themes..(e + 1) * themes]) {
                    s[0] += c[0] as u64;
                    s[1] += c[1] as u64;
                    s[2] += c[2] as u64;
                }
            }
            let f = |s: &[u64; 3]| f1(ratio(s[0], s[1]), ratio(s[0], s[2]));
            macros.push(if themes == 0 { 0.0 } else { sums.iter().map(f).sum::<f64>() / themes as f64 });
            let all = sums.iter().fold([0u64; 3], |a, s| [a[0] + s[0], a[1] + s[1], a[2] + s[2]]);
            micros.push(f(&all));
        }
        let cut = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            (v[BOOTSTRAP_ROUNDS * 25 / 1000], v[BOOTSTRAP_ROUNDS * 975 / 1000 - 1])
        };
        F1Intervals { macro_f1: cut(&mut macros), micro_f1: cut(&mut micros) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::ThemeScores;

    #[test]
    fn intervals_hold_the_point_and_repeat() {
        // 200 experiences, three themes, a predictor right about 70% of the time.
        let gold: Vec<Vec<usize>> = (0..200).map(|i| vec![i % 3]).collect();
        let predicted: Vec<Vec<usize>> =
            (0..200).map(|i| if i % 10 < 7 { vec![i % 3] } else { vec![(i + 1) % 3] }).collect();
        let ids: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let point = ThemeScores::compute(&ids, &gold, &predicted);
        let i = F1Intervals::compute(3, &gold, &predicted);
        assert!(i.macro_f1.0 < point.macro_f1 && point.macro_f1 < i.macro_f1.1, "{i:?} {}", point.macro_f1);
        assert!(i.micro_f1.0 < point.micro_f1 && point.micro_f1 < i.micro_f1.1, "{i:?}");
        assert!(i.macro_f1.1 - i.macro_f1.0 < 0.2, "{i:?}");
        assert_eq!(i, F1Intervals::compute(3, &gold, &predicted), "same data, same interval");
    }
}
