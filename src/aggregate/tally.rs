//! Counting while the stream goes: experiences per group of each dimension,
//! per theme and sentiment; and turning those counts into what a report may
//! show (breakdowns, the trend per quarter, theme pairs), small groups
//! hidden.

use rustc_hash::FxHashMap;

use super::{Absence, Breakdown, Dimension, GroupCount, SMALL_GROUPS, UNKNOWN_GROUP};
use crate::sentiment::Sentiment;

/// Counts of one group while aggregating.
#[derive(Debug, Clone)]
pub(super) struct GroupCounts {
    /// Experiences in the group.
    pub count: u64,
    /// Of which per sentiment as a whole (order of [`Sentiment::ALL`]).
    pub sentiment: [u64; 4],
    /// Per theme (summary order, `overig` last), per sentiment of the theme.
    pub themes: Vec<[u64; 4]>,
}

impl GroupCounts {
    /// Empty counts for `themes` themes.
    pub fn new(themes: usize) -> Self {
        GroupCounts { count: 0, sentiment: [0; 4], themes: vec![[0; 4]; themes] }
    }

    /// Experiences with theme `t`.
    pub fn theme(&self, t: usize) -> u64 {
        self.themes[t].iter().sum()
    }
}

/// Counts per group of one dimension (`None`: the value is unknown).
#[derive(Debug, Default, Clone)]
pub(super) struct GroupTally(pub FxHashMap<Option<String>, GroupCounts>);

impl GroupTally {
    /// Known groups (with a value).
    pub fn known(&self) -> usize {
        self.0.keys().filter(|k| k.is_some()).count()
    }

    /// Experiences without a value.
    pub fn unknown(&self) -> u64 {
        self.0.get(&None).map_or(0, |c| c.count)
    }
}

/// A count as shown: `None` below the minimum (but not zero).
pub(super) fn cell(n: u64, min_group: u64) -> Option<u64> {
    (n == 0 || n >= min_group).then_some(n)
}

/// The four sentiment counts as shown.
pub(super) fn cells(counts: [u64; 4], min_group: u64) -> [Option<u64>; 4] {
    counts.map(|n| cell(n, min_group))
}

/// The groups of one dimension as shown: small groups merged, small cells
/// hidden.
pub(super) fn breakdown(dimension: Dimension, tally: &GroupTally, min_group: u64) -> Breakdown {
    let mut groups: Vec<_> = tally.0.iter().collect();
    // Periods in time order, others largest first, then by name: the same
    // input always gives the same order. Unknown after known.
    groups.sort_by(|a, b| {
        let by_count = b.1.count.cmp(&a.1.count);
        a.0.is_none().cmp(&b.0.is_none()).then(match dimension {
            Dimension::Period => a.0.cmp(b.0),
            _ => by_count.then_with(|| a.0.cmp(b.0)),
        })
    });
    let shown_group = |group: String, c: &GroupCounts, merged: u64| {
        let big = c.count >= min_group;
        GroupCount {
            group,
            count: cell(c.count, min_group),
            merged,
            themes: match big {
                true => (0..c.themes.len()).map(|t| cell(c.theme(t), min_group)).collect(),
                false => vec![None; c.themes.len()],
            },
            sentiment: match big {
                true => cells(c.sentiment, min_group),
                false => [None; 4],
            },
        }
    };
    let mut shown = Vec::new();
    let mut merged: Option<(u64, GroupCounts)> = None;
    for (group, c) in groups {
        if c.count >= min_group {
            shown.push(shown_group(group.clone().unwrap_or_else(|| UNKNOWN_GROUP.to_string()), c, 0));
        } else {
            let (n, m) = merged.get_or_insert_with(|| (0, GroupCounts::new(c.themes.len())));
            *n += 1;
            m.count += c.count;
            for (a, b) in m.sentiment.iter_mut().zip(c.sentiment) {
                *a += b;
            }
            for (a, b) in m.themes.iter_mut().zip(&c.themes) {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
            }
        }
    }
    if let Some((n, m)) = merged {
        shown.push(shown_group(SMALL_GROUPS.to_string(), &m, n));
    }
    Breakdown { dimension, groups: shown }
}

/// One quarter of the trend.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TrendPeriod {
    /// The quarter, as `2025-K4`.
    pub period: String,
    /// Experiences in it; `None` when fewer than the minimum group.
    pub count: Option<u64>,
    /// Per theme (the summary's order, `overig` last) its experiences and
    /// how many of them judge it negatief; each `None` below the minimum
    /// (but not zero) or when the quarter is too small to show.
    pub themes: Vec<TrendCell>,
}

/// One theme in one quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TrendCell {
    /// Experiences with the theme in the quarter.
    pub count: Option<u64>,
    /// Of which negatief about the theme.
    pub negative: Option<u64>,
}

impl TrendCell {
    /// The negative share, when both numbers are shown and the count is not
    /// zero.
    pub fn negative_share(&self) -> Option<f64> {
        match (self.count, self.negative) {
            (Some(n), Some(neg)) if n > 0 => Some(neg as f64 / n as f64),
            _ => None,
        }
    }
}

/// The trend per quarter: the quarters with a date, in time order.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Trend {
    /// The quarters, oldest first (empty when absent).
    pub periods: Vec<TrendPeriod>,
    /// Why there is no trend, when there is none.
    pub absent: Option<Absence>,
}

/// The trend from the period tally.
pub(super) fn trend(tally: &GroupTally, min_group: u64) -> Trend {
    let mut known: Vec<(&String, &GroupCounts)> = tally.0.iter().filter_map(|(k, c)| Some((k.as_ref()?, c))).collect();
    known.sort_by(|a, b| a.0.cmp(b.0));
    let absent = match known.len() {
        0 => Some(Absence::NoDates),
        1 => Some(Absence::OneQuarter),
        _ => None,
    };
    if absent.is_some() {
        return Trend { periods: Vec::new(), absent };
    }
    let periods = known
        .into_iter()
        .map(|(period, c)| {
            let big = c.count >= min_group;
            TrendPeriod {
                period: period.clone(),
                count: cell(c.count, min_group),
                themes: (0..c.themes.len())
                    .map(|t| match big {
                        true => TrendCell {
                            count: cell(c.theme(t), min_group),
                            negative: cell(c.themes[t][Sentiment::Negatief.index()], min_group),
                        },
                        false => TrendCell { count: None, negative: None },
                    })
                    .collect(),
            }
        })
        .collect();
    Trend { periods, absent: None }
}

/// Two themes named in the same experience.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ThemePair {
    /// The first theme's id (the earlier in the taxonomy).
    pub a: String,
    /// The second theme's id.
    pub b: String,
    /// Experiences with both.
    pub count: u64,
}

/// Theme pairs counted in a triangle: `pairs[i][j]` for `i < j`.
#[derive(Debug, Clone)]
pub(super) struct PairTally {
    n: usize,
    counts: Vec<u64>,
}

impl PairTally {
    /// Counts for `n` themes.
    pub fn new(n: usize) -> Self {
        PairTally { n, counts: vec![0; n * n] }
    }

    /// Counts one experience with both `a` and `b`.
    pub fn add(&mut self, a: usize, b: usize) {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        if a != b {
            self.counts[a * self.n + b] += 1;
        }
    }

    /// The pairs of at least `min_group` experiences, most frequent first
    /// (ties in taxonomy order), with the number of pairs left out for being
    /// smaller (but not zero).
    pub fn shown(&self, ids: &[String], min_group: u64) -> (Vec<ThemePair>, u64) {
        let mut pairs = Vec::new();
        let mut hidden = 0;
        for a in 0..self.n {
            for b in a + 1..self.n {
                match self.counts[a * self.n + b] {
                    0 => {}
                    n if n < min_group => hidden += 1,
                    n => pairs.push((a, b, n)),
                }
            }
        }
        pairs.sort_by(|x, y| y.2.cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        let pairs = pairs.into_iter().map(|(a, b, count)| ThemePair { a: ids[a].clone(), b: ids[b].clone(), count });
        (pairs.collect(), hidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_below_the_minimum_are_left_out_and_counted() {
        let mut p = PairTally::new(3);
        for _ in 0..5 {
            p.add(2, 0);
        }
        p.add(1, 2);
        p.add(1, 1);
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let (pairs, hidden) = p.shown(&ids, 5);
        assert_eq!(pairs, [ThemePair { a: "a".into(), b: "c".into(), count: 5 }]);
        assert_eq!(hidden, 1);
    }

    #[test]
    fn trend_hides_small_cells_and_needs_two_quarters() {
        let mut t = GroupTally::default();
        let mut k1 = GroupCounts::new(2);
        k1.count = 12;
        k1.themes[0] = [2, 6, 0, 0];
        k1.themes[1] = [1, 2, 0, 0];
        let mut k2 = GroupCounts::new(2);
        k2.count = 3;
        k2.themes[0] = [0, 3, 0, 0];
        t.0.insert(Some("2025-K2".into()), k1.clone());
        t.0.insert(Some("2025-K1".into()), k2);
        t.0.insert(None, k1.clone());
        let trend = trend(&t, 5);
        assert_eq!(trend.absent, None);
        let names: Vec<&str> = trend.periods.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(names, ["2025-K1", "2025-K2"]);
        assert_eq!(trend.periods[0].count, None);
        assert!(trend.periods[0].themes.iter().all(|c| c.count.is_none() && c.negative.is_none()));
        let cell = trend.periods[1].themes[0];
        assert_eq!((cell.count, cell.negative), (Some(8), Some(6)));
        assert_eq!(cell.negative_share(), Some(0.75));
        assert_eq!(trend.periods[1].themes[1], TrendCell { count: None, negative: None });
        let mut one = GroupTally::default();
        one.0.insert(Some("2025-K2".into()), k1);
        assert_eq!(super::trend(&one, 5).absent, Some(Absence::OneQuarter));
        assert_eq!(super::trend(&GroupTally::default(), 5).absent, Some(Absence::NoDates));
    }
}
