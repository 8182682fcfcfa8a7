//! The voices side by side: per theme what clients, naasten and
//! medewerkers each say (or, for an export without roles, the answers to
//! each question), and where they differ most.

use super::quotes::{Candidate, Chooser, Quote, Ranked, Signature};
use super::tally::{GroupTally, cell, cells};
use super::{Absence, GroupCounts};
use crate::ingest::Role;
use crate::privacy::Showing;
use crate::sentiment::Sentiment;

/// A voice needs at least this many experiences on a theme (and the minimum
/// group) before its negative share is compared with another's.
pub const GAP_MIN_SUPPORT: u64 = 10;

/// What the voices are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum VoiceAxis {
    /// Who wrote it: client, naaste, medewerker.
    Role,
    /// The question answered ("Wat gaat goed?", "Wat kan beter?").
    Question,
}

/// One voice on one theme.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Voice {
    /// The voice: a role id (`client`, `naaste`, `medewerker`) or a question.
    pub group: String,
    /// Its experiences with the theme; `None` below the minimum group.
    pub count: Option<u64>,
    /// Of which per sentiment about the theme (order of [`Sentiment::ALL`]);
    /// `None` below the minimum (but not zero).
    pub sentiment: [Option<u64>; 4],
    /// A typical quote of this voice on the theme.
    pub quote: Option<Quote>,
}

impl Voice {
    /// The share of `sentiment` among its experiences, when both are shown.
    pub fn share(&self, sentiment: Sentiment) -> Option<f64> {
        match (self.count, self.sentiment[sentiment.index()]) {
            (Some(n), Some(k)) if n > 0 => Some(k as f64 / n as f64),
            _ => None,
        }
    }
}

/// Where two voices differ most on a theme: in their negative share.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Gap {
    /// The voice with the larger negative share.
    pub higher: String,
    /// Its negative share.
    pub higher_share: f64,
    /// The voice with the smaller negative share.
    pub lower: String,
    /// Its negative share.
    pub lower_share: f64,
}

impl Gap {
    /// The difference in negative share (0 to 1).
    pub fn difference(&self) -> f64 {
        self.higher_share - self.lower_share
    }
}

/// The voices on one theme.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ThemeVoices {
    /// The theme's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// One per voice, in the order of [`Voices::groups`].
    pub voices: Vec<Voice>,
    /// The largest difference in negative share between two voices with at
    /// least [`GAP_MIN_SUPPORT`] experiences on the theme each.
    pub gap: Option<Gap>,
}

/// The voices side by side.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Voices {
    /// What the voices are; `None` when the section is absent.
    pub axis: Option<VoiceAxis>,
    /// Why the section is absent, when it is.
    pub absent: Option<Absence>,
    /// The voices (role ids or questions), each at least the minimum group.
    pub groups: Vec<String>,
    /// Per theme with experiences (taxonomy order, without `overig`).
    pub themes: Vec<ThemeVoices>,
}

impl Voices {
    /// The themes with a gap, largest difference first (ties in taxonomy
    /// order).
    pub fn by_gap(&self) -> Vec<&ThemeVoices> {
        let mut v: Vec<&ThemeVoices> = self.themes.iter().filter(|t| t.gap.is_some()).collect();
        let d = |t: &ThemeVoices| t.gap.as_ref().map_or(0.0, Gap::difference);
        v.sort_by(|a, b| d(b).total_cmp(&d(a)));
        v
    }
}

/// The voices' groups: roles when at least two are as large as the
/// minimum, else the questions when two or three are; or why neither.
pub(super) fn axis(
    roles: &GroupTally,
    questions: &GroupTally,
    question_order: &[std::sync::Arc<str>],
    min_group: u64,
) -> Result<(VoiceAxis, Vec<String>), Absence> {
    let big = |t: &GroupTally, g: &str| t.0.get(&Some(g.to_string())).is_some_and(|c| c.count >= min_group);
    let role_groups: Vec<String> = [Role::Client, Role::Naaste, Role::Medewerker]
        .iter()
        .map(|r| r.id().to_string())
        .filter(|r| big(roles, r))
        .collect();
    if role_groups.len() >= 2 {
        return Ok((VoiceAxis::Role, role_groups));
    }
    let mut q: Vec<String> = question_order.iter().map(|q| q.to_string()).filter(|q| big(questions, q)).collect();
    let others = questions.known() > question_order.len();
    if (2..=3).contains(&q.len()) && !others {
        q.truncate(3);
        return Ok((VoiceAxis::Question, q));
    }
    Err(match (roles.known(), questions.known()) {
        (0, 1) => Absence::NoRoleOneQuestion,
        (0, _) if q.len() > 3 || others => Absence::ManyQuestions,
        _ => Absence::OneVoice,
    })
}

/// Everything the voices need at the end of a run.
pub(super) struct Ending<'a, 'r> {
    pub ids: &'a [String],
    pub labels: &'a [String],
    pub ranked: &'r [Vec<Ranked<'a>>],
    pub showing: &'a Showing<'a>,
    pub min_group: u64,
    pub allowed: &'a dyn Fn(&Candidate) -> bool,
    pub sign: &'a dyn Fn(&Candidate) -> Signature,
}

/// Does candidate `c` speak with voice `group`?
pub(super) fn speaks(axis: VoiceAxis, group: &str, c: &Candidate) -> bool {
    match axis {
        VoiceAxis::Role => c.role.is_some_and(|r| r.id() == group),
        VoiceAxis::Question => &*c.question == group,
    }
}

/// The voices on every theme but `overig`.
pub(super) fn voices(axis: VoiceAxis, groups: Vec<String>, tally: &GroupTally, end: &Ending<'_, '_>) -> Voices {
    let min = end.min_group;
    let support = GAP_MIN_SUPPORT.max(min);
    let empty = GroupCounts::new(end.ids.len());
    let counts: Vec<&GroupCounts> = groups.iter().map(|g| tally.0.get(&Some(g.clone())).unwrap_or(&empty)).collect();
    let mut themes = Vec::new();
    for t in 0..end.ids.len().saturating_sub(1) {
        if counts.iter().all(|c| c.theme(t) == 0) {
            continue;
        }
        let mut chooser = Chooser::new(&end.ranked[t]);
        let voices: Vec<Voice> = groups
            .iter()
            .zip(&counts)
            .map(|(g, c)| {
                let raw = c.themes[t];
                let count = cell(raw.iter().sum(), min);
                // The voice's own tone first: its most frequent sentiment.
                let mut order = Sentiment::ALL;
                order.sort_by_key(|s| std::cmp::Reverse(raw[s.index()]));
                let quote = count.filter(|&n| n > 0).and_then(|_| {
                    order.iter().filter(|s| raw[s.index()] > 0).find_map(|&s| {
                        let fits = |x: &Candidate| x.sentiment == s && speaks(axis, g, x);
                        let (i, _) = chooser.next(fits, end.allowed);
                        i.map(|i| chooser.quote(i, end.showing, (end.sign)(end.ranked[t][i].c)))
                    })
                });
                Voice { group: g.clone(), count, sentiment: cells(raw, min), quote }
            })
            .collect();
        let gap = gap(&voices, support);
        themes.push(ThemeVoices { id: end.ids[t].clone(), label: end.labels[t].clone(), voices, gap });
    }
    Voices { axis: Some(axis), absent: None, groups, themes }
}

/// The largest difference in negative share between two supported voices.
fn gap(voices: &[Voice], support: u64) -> Option<Gap> {
    let supported: Vec<(&str, f64)> = voices
        .iter()
        .filter(|v| v.count.is_some_and(|n| n >= support))
        .filter_map(|v| Some((v.group.as_str(), v.share(Sentiment::Negatief)?)))
        .collect();
    let mut best: Option<Gap> = None;
    for (i, a) in supported.iter().enumerate() {
        for b in &supported[i + 1..] {
            let (hi, lo) = if a.1 >= b.1 { (a, b) } else { (b, a) };
            let g = Gap { higher: hi.0.to_string(), higher_share: hi.1, lower: lo.0.to_string(), lower_share: lo.1 };
            if g.difference() > 0.0 && best.as_ref().is_none_or(|b| g.difference() > b.difference()) {
                best = Some(g);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(group: &str, count: u64, negative: u64) -> Voice {
        Voice {
            group: group.into(),
            count: Some(count),
            sentiment: [Some(count - negative), Some(negative), Some(0), Some(0)],
            quote: None,
        }
    }

    #[test]
    fn the_gap_is_the_largest_difference_between_supported_voices() {
        let v = [voice("client", 20, 15), voice("naaste", 20, 10), voice("medewerker", 9, 0)];
        let g = gap(&v, 10).unwrap();
        // The medewerkers are too few to compare.
        assert_eq!((g.higher.as_str(), g.lower.as_str()), ("client", "naaste"));
        assert!((g.difference() - 0.25).abs() < 1e-12);
        assert_eq!(gap(&v[..1], 10), None);
        // Equal shares: no gap.
        assert_eq!(gap(&[voice("client", 20, 10), voice("naaste", 10, 5)], 10), None);
    }

    #[test]
    fn the_axis_is_roles_else_two_questions_else_absent_with_a_reason() {
        let mut roles = GroupTally::default();
        let mut questions = GroupTally::default();
        let big = || {
            let mut c = GroupCounts::new(1);
            c.count = 9;
            c
        };
        let order: Vec<std::sync::Arc<str>> = vec!["Wat gaat goed?".into(), "Wat kan beter?".into()];
        questions.0.insert(Some("Wat gaat goed?".into()), big());
        assert_eq!(axis(&roles, &questions, &order[..1], 5), Err(Absence::NoRoleOneQuestion));
        questions.0.insert(Some("Wat kan beter?".into()), big());
        let (a, groups) = axis(&roles, &questions, &order, 5).unwrap();
        assert_eq!((a, groups.len()), (VoiceAxis::Question, 2));
        roles.0.insert(Some("client".into()), big());
        roles.0.insert(Some("naaste".into()), big());
        assert_eq!(axis(&roles, &questions, &order, 5).unwrap().0, VoiceAxis::Role);
        // One role large enough, one question: one voice.
        roles.0.get_mut(&Some("naaste".into())).unwrap().count = 2;
        assert_eq!(axis(&roles, &questions, &order[..1], 5).map(|a| a.0).unwrap_err(), Absence::OneVoice);
    }
}
