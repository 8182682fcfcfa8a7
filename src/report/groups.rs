//! Record-level metadata under the minimum group size, for the files that
//! are written while the run goes (`report.json`'s `experiences[]`,
//! `themes.csv`).
//!
//! A value of a metadata dimension (a location, a role, a quarter, a column
//! of the input) whose group has fewer experiences than the minimum is left
//! out, as the breakdowns hide it. As the files are written while the run
//! goes, a record waits in a window until its groups are large enough; one
//! that is still waiting when the window is full goes out with the values
//! of its small groups left out (erring on the side of privacy). Order stays
//! input order. At the end, a dimension with one group only (all records
//! alike, or none known but one value) hides nothing: there is no breakdown
//! to point anyone out in.

use std::borrow::Cow;
use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::aggregate::{ExperienceResult, quarter_into};

/// Distinct values counted per dimension. A value first seen after this
/// many others is never counted and so always left out: a column of
/// (nearly) unique values (a timestamp, an e-mail address) cannot fill
/// memory, and none of its values would be shown anyway.
const MAX_GROUPS: usize = 1 << 16;

/// The most dimensions a window tracks; values of dimensions past it are
/// always left out.
pub(crate) const MAX_DIMS: usize = 128;

/// Which metadata values of a record to leave out: bit `d` for dimension `d`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hidden(u128);

impl Hidden {
    /// Nothing hidden.
    pub const NONE: Hidden = Hidden(0);

    /// Whether dimension `dim`'s value is left out.
    pub fn get(self, dim: usize) -> bool {
        dim >= MAX_DIMS || self.0 & (1 << dim) != 0
    }

    fn set(&mut self, dim: usize) {
        if dim < MAX_DIMS {
            self.0 |= 1 << dim;
        }
    }
}

/// The metadata dimensions of a kind of record: how many, and the group of a
/// record in each.
pub(crate) trait Dimensions<T> {
    /// How many dimensions there are.
    fn count(&self) -> usize;
    /// The key of `record`'s group in dimension `dim`, written into `buf`
    /// when it must be built; `None` when unknown.
    fn key<'a>(&self, record: &'a T, dim: usize, buf: &'a mut String) -> Option<&'a str>;
}

/// Records per value of one metadata dimension, as they are written.
#[derive(Debug, Default)]
struct GroupSizes {
    counts: FxHashMap<Box<str>, u64>,
    unknown: bool,
}

/// Holds records back until their groups are large enough (see the module
/// docs).
#[derive(Debug)]
pub(crate) struct GroupWindow<T> {
    min_group: u64,
    sizes: Vec<GroupSizes>,
    /// Records waiting for their groups to grow, in input order.
    waiting: VecDeque<T>,
    /// How many may wait.
    window: usize,
    buf: String,
}

impl<T: Clone> GroupWindow<T> {
    /// A window of `window` records for groups of at least `min_group`.
    pub fn new(min_group: u64, window: usize) -> Self {
        GroupWindow { min_group, sizes: Vec::new(), waiting: VecDeque::new(), window, buf: String::new() }
    }

    /// The minimum group size.
    pub fn set_min_group(&mut self, min_group: u64) {
        self.min_group = min_group;
    }

    /// How many records may wait (tests make it small).
    #[cfg(test)]
    pub fn set_window(&mut self, window: usize) {
        self.window = window;
    }

    /// Counts `record` in its groups.
    fn count(&mut self, record: &T, dims: &impl Dimensions<T>) {
        let n = dims.count().min(MAX_DIMS);
        if self.sizes.len() < n {
            self.sizes.resize_with(n, GroupSizes::default);
        }
        for (dim, sizes) in self.sizes.iter_mut().enumerate().take(n) {
            match dims.key(record, dim, &mut self.buf) {
                Some(k) => {
                    let full = sizes.counts.len() >= MAX_GROUPS;
                    match sizes.counts.get_mut(k) {
                        Some(n) => *n += 1,
                        None if !full => {
                            sizes.counts.insert(Box::from(k), 1);
                        }
                        None => {}
                    }
                }
                None => sizes.unknown = true,
            }
        }
    }

    /// Which of `record`'s values belong to groups that are small so far
    /// (`at_end`: small in the end, by the rule of the breakdowns: in a
    /// dimension of more than one group).
    fn hidden(&mut self, record: &T, dims: &impl Dimensions<T>, at_end: bool) -> Hidden {
        let mut hidden = Hidden::NONE;
        for dim in 0..dims.count() {
            let Some(k) = dims.key(record, dim, &mut self.buf) else { continue };
            let Some(sizes) = self.sizes.get(dim) else {
                hidden.set(dim);
                continue;
            };
            let n = sizes.counts.get(k).copied().unwrap_or(0);
            let broken_down = !at_end || sizes.counts.len() + usize::from(sizes.unknown) > 1;
            if broken_down && n < self.min_group {
                hidden.set(dim);
            }
        }
        hidden
    }

    /// Counts `batch` and appends to `ready`, in input order, the records
    /// that may go out now with what to leave out of each.
    pub fn push<'b>(&mut self, batch: &'b [T], dims: &impl Dimensions<T>, ready: &mut Vec<(Cow<'b, T>, Hidden)>) {
        for record in batch {
            self.count(record, dims);
            if self.waiting.is_empty() && self.hidden(record, dims, false) == Hidden::NONE {
                ready.push((Cow::Borrowed(record), Hidden::NONE));
                continue;
            }
            self.waiting.push_back(record.clone());
            while let Some(front) = self.waiting.pop_front() {
                let hidden = self.hidden(&front, dims, false);
                if hidden != Hidden::NONE && self.waiting.len() < self.window {
                    self.waiting.push_front(front);
                    break;
                }
                ready.push((Cow::Owned(front), hidden));
            }
        }
    }

    /// The records still waiting, in input order, with what to leave out of
    /// each by the groups' final sizes.
    pub fn finish(&mut self, dims: &impl Dimensions<T>) -> Vec<(T, Hidden)> {
        let waiting = std::mem::take(&mut self.waiting);
        waiting
            .into_iter()
            .map(|record| {
                let hidden = self.hidden(&record, dims, true);
                (record, hidden)
            })
            .collect()
    }
}

/// The record-level groups of an experience that the breakdowns have:
/// location, role, sector and period (the quarter of its date), in that
/// order.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ExperienceGroups;

impl ExperienceGroups {
    /// Location, role, sector, period.
    pub const COUNT: usize = 4;
    /// The dimension of the location.
    pub const LOCATION: usize = 0;
    /// The dimension of the role.
    pub const ROLE: usize = 1;
    /// The dimension of the sector.
    pub const SECTOR: usize = 2;
    /// The dimension of the date, grouped by quarter.
    pub const PERIOD: usize = 3;
}

impl Dimensions<ExperienceResult> for ExperienceGroups {
    fn count(&self) -> usize {
        Self::COUNT
    }

    fn key<'a>(&self, e: &'a ExperienceResult, dim: usize, buf: &'a mut String) -> Option<&'a str> {
        match dim {
            Self::LOCATION => e.location.as_deref(),
            Self::ROLE => e.role.map(|r| r.id()),
            Self::SECTOR => e.sector.as_deref(),
            Self::PERIOD => {
                buf.clear();
                e.date.as_deref().filter(|d| quarter_into(d, buf)).map(|_| buf.as_str())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One dimension: the string itself.
    struct One;

    impl Dimensions<&'static str> for One {
        fn count(&self) -> usize {
            1
        }
        fn key<'a>(&self, record: &'a &'static str, _: usize, _: &'a mut String) -> Option<&'a str> {
            Some(record)
        }
    }

    fn run(window: usize, records: &[&'static str]) -> Vec<(&'static str, bool)> {
        let mut w = GroupWindow::new(3, window);
        let mut out = Vec::new();
        for part in records.chunks(2) {
            let mut ready = Vec::new();
            w.push(part, &One, &mut ready);
            out.extend(ready.into_iter().map(|(r, h)| (*r, h.get(0))));
        }
        out.extend(w.finish(&One).into_iter().map(|(r, h)| (r, h.get(0))));
        out
    }

    #[test]
    fn small_groups_are_hidden_in_input_order() {
        let out = run(100, &["A", "B", "A", "A", "B", "C"]);
        assert_eq!(out, [("A", false), ("B", true), ("A", false), ("A", false), ("B", true), ("C", true)]);
    }

    #[test]
    fn a_full_window_lets_a_record_go_with_its_small_groups_hidden() {
        let out = run(2, &["A", "B", "B", "B", "A", "A"]);
        let order: Vec<&str> = out.iter().map(|(r, _)| *r).collect();
        assert_eq!(order, ["A", "B", "B", "B", "A", "A"]);
        assert!(out[0].1, "A was small when the window was full");
        assert!(!out[1].1 && !out[5].1);
    }

    #[test]
    fn one_group_in_the_end_hides_nothing() {
        assert_eq!(run(100, &["A", "A"]), [("A", false), ("A", false)]);
    }
}
