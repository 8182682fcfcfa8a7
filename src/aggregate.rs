//! Aggregation: per-experience results -> per-theme counts, shares and quotes.
//!
//! The [`Aggregator`] takes experiences one by one in input order and keeps
//! only what the summary needs (counts, and a few quote candidates per
//! theme), so it works on a stream of any length. Quote candidates are
//! chosen by a fixed order (a readable length first, then the theme's score,
//! then input order), so the same input always gives the same quotes.

use std::sync::Arc;

use crate::analysis::Span;
use crate::ingest::Experience;
use crate::privacy::Redactor;
use crate::theme::{Assignment, OVERIG, Taxonomy};

/// Quotes shown per theme.
pub const QUOTES_PER_THEME: usize = 3;
/// Quote candidates kept per theme, so that quotes from small groups can be
/// left out and others take their place.
const CANDIDATES_PER_THEME: usize = 4 * QUOTES_PER_THEME;
/// The smallest group shown in a breakdown by default; smaller groups are
/// merged and shown as "< 5", and none of their texts is quoted.
pub const DEFAULT_MIN_GROUP: u64 = 5;
/// The name of the group that merges the small groups of a breakdown.
pub const SMALL_GROUPS: &str = "overig (kleine groepen)";
/// The group of experiences without a value for the dimension.
pub const UNKNOWN_GROUP: &str = "(onbekend)";
/// Longest quote, in characters, before it is cut around its evidence.
pub const MAX_QUOTE_CHARS: usize = 280;
const MIN_GOOD_QUOTE_CHARS: usize = 25;

/// Where a piece of evidence stands: its text and char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The words, as written.
    pub text: String,
    /// First char (Unicode scalar) offset into the experience's text.
    pub start: u32,
    /// One past the last char.
    pub end: u32,
}

/// One theme of one experience.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeResult {
    /// The theme's id.
    pub id: Arc<str>,
    /// Its score.
    pub score: f32,
    /// The words that led to it.
    pub evidence: Vec<Evidence>,
}

/// The result for one experience.
#[derive(Debug, Clone, PartialEq)]
pub struct ExperienceResult {
    /// The experience's id.
    pub id: String,
    /// The file it came from.
    pub file: Arc<str>,
    /// The line where its row starts.
    pub line: u64,
    /// The column (question) it answered.
    pub question: Arc<str>,
    /// Who wrote it, when known.
    pub role: Option<crate::ingest::Role>,
    /// Where, when known.
    pub location: Option<String>,
    /// When (ISO date), when known.
    pub date: Option<String>,
    /// The sector, when known.
    pub sector: Option<String>,
    /// Its themes, best first; empty means `overig`.
    pub themes: Vec<ThemeResult>,
}

impl ExperienceResult {
    /// Builds the result of `experience` from its assignment.
    pub fn new(experience: &Experience, assignment: &Assignment, theme_ids: &[Arc<str>]) -> Self {
        let text = &experience.text;
        let themes = assignment
            .themes
            .iter()
            .map(|h| ThemeResult {
                id: theme_ids[h.theme].clone(),
                score: h.score,
                evidence: h.evidence.iter().map(|s| evidence(text, s)).collect(),
            })
            .collect();
        ExperienceResult {
            id: experience.id.clone(),
            file: experience.file.clone(),
            line: experience.line,
            question: experience.question.clone(),
            role: experience.role,
            location: experience.location.clone(),
            date: experience.date.clone(),
            sector: experience.sector.clone(),
            themes,
        }
    }
}

impl ExperienceResult {
    /// Replaces personal data inside the evidence: a phrase cue with a gap
    /// can take in a name ("dochter Fatima kwam"). Offsets stay those of the
    /// original text. Only evidence with a capitalised word after its first
    /// letter, or a digit, can hold any (cue words themselves are never
    /// names), so most texts are not searched at all.
    pub fn redact_evidence(&mut self, text: &str, redactor: &Redactor) {
        // A capitalised word after the first letter ("dochter Fatima kwam"),
        // not capitals only ("MDO"), or a digit.
        let suspect = |e: &Evidence| {
            let chars: Vec<char> = e.text.chars().collect();
            chars.iter().any(char::is_ascii_digit)
                || chars.windows(2).skip(1).any(|w| w[0].is_uppercase() && !w[1].is_uppercase())
        };
        if !self.themes.iter().flat_map(|t| &t.evidence).any(suspect) {
            return;
        }
        let spans = redactor.find(text);
        if spans.is_empty() {
            return;
        }
        // Byte offset of each char offset.
        let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for ev in self.themes.iter_mut().flat_map(|t| &mut t.evidence) {
            let (start, end) = (bytes[ev.start as usize], bytes[ev.end as usize]);
            let inside: Vec<crate::PiiSpan> = spans
                .iter()
                .filter(|s| s.start < end && start < s.end)
                .map(|s| crate::PiiSpan { start: s.start.max(start) - start, end: s.end.min(end) - start, ..*s })
                .collect();
            if !inside.is_empty() {
                ev.text = Redactor::replace(&text[start..end], &inside).into_owned();
            }
        }
    }
}

fn evidence(text: &str, s: &Span) -> Evidence {
    Evidence { text: text[s.start as usize..s.end as usize].to_string(), start: s.char_start, end: s.char_end }
}

/// A short passage of an experience shown under a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The experience's id.
    pub id: String,
    /// The passage, redacted unless raw text was asked for.
    pub text: String,
}

/// One theme's totals.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeSummary {
    /// The theme's id (`overig` for experiences without a theme).
    pub id: String,
    /// Its Dutch label.
    pub label: String,
    /// What belongs to it.
    pub description: String,
    /// Experiences with this theme.
    pub count: u64,
    /// `count` / analysed experiences.
    pub share: f64,
    /// Example passages.
    pub quotes: Vec<Quote>,
}

/// Totals over all analysed experiences.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Experiences analysed.
    pub experiences: u64,
    /// One entry per theme of the taxonomy, in its order, then `overig`.
    pub themes: Vec<ThemeSummary>,
    /// Breakdowns by location, role, period and question, for the dimensions
    /// with more than one group.
    pub breakdowns: Vec<Breakdown>,
    /// Groups smaller than this are merged and not quoted.
    pub min_group: u64,
}

/// What experiences are grouped by in a breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Dimension {
    /// The location (ward, team, site).
    Location,
    /// Who wrote it: client, naaste, medewerker.
    Role,
    /// The quarter of the date, as `2025-K4`.
    Period,
    /// The question (text column) answered.
    Question,
}

impl Dimension {
    /// All dimensions, in report order.
    pub const ALL: [Dimension; 4] = [Dimension::Location, Dimension::Role, Dimension::Period, Dimension::Question];

    /// The id in `report.json` (`location`, `role`, `period`, `question`).
    pub fn id(self) -> &'static str {
        match self {
            Dimension::Location => "location",
            Dimension::Role => "role",
            Dimension::Period => "period",
            Dimension::Question => "question",
        }
    }

    /// The Dutch heading.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Location => "Locatie",
            Dimension::Role => "Wie",
            Dimension::Period => "Periode (kwartaal)",
            Dimension::Question => "Vraag",
        }
    }

    /// The group of `e` in this dimension; `None` when unknown.
    fn group_of(self, e: &Experience) -> Option<String> {
        match self {
            Dimension::Location => e.location.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(String::from),
            Dimension::Role => e.role.map(|r| r.id().to_string()),
            Dimension::Period => e.date.as_deref().and_then(quarter),
            Dimension::Question => Some(e.question.to_string()),
        }
    }
}

/// `2025-11-03` -> `2025-K4`.
fn quarter(iso: &str) -> Option<String> {
    let year = iso.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let month: u32 = iso.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some(format!("{year}-K{}", (month - 1) / 3 + 1))
}

/// Experiences per group of one dimension, with their themes.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// What is grouped by.
    pub dimension: Dimension,
    /// The groups shown, largest first; the small groups merged into one
    /// ([`SMALL_GROUPS`]) come last.
    pub groups: Vec<GroupCount>,
}

/// One group of a breakdown. Counts below the minimum group size are `None`:
/// shown as "< N", never as a number.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCount {
    /// The group's value (a location, `client`, `2025-K4`, a question), or
    /// [`SMALL_GROUPS`], or [`UNKNOWN_GROUP`].
    pub group: String,
    /// Experiences in the group; `None` when fewer than the minimum.
    pub count: Option<u64>,
    /// How many groups were merged into this one (0 for a real group).
    pub merged: u64,
    /// Experiences per theme (the summary's order, `overig` last); `None`
    /// for a cell below the minimum (but not zero) or in a group too small
    /// to show.
    pub themes: Vec<Option<u64>>,
}

/// Counts per group of one dimension, while aggregating.
#[derive(Debug, Default, Clone)]
struct GroupTally(rustc_hash::FxHashMap<Option<String>, (u64, Vec<u64>)>);

#[derive(Debug, Clone)]
struct Candidate {
    good_length: bool,
    score: f32,
    seq: u64,
    id: String,
    text: String,
    evidence: Span,
    /// Its group in each dimension, to leave out quotes from small groups.
    groups: Vec<Option<String>>,
}

impl Candidate {
    fn better_than(&self, other: &Candidate) -> bool {
        (self.good_length, self.score, std::cmp::Reverse(self.seq))
            > (other.good_length, other.score, std::cmp::Reverse(other.seq))
    }
}

/// Collects per-theme totals and quote candidates from a stream of results.
#[derive(Debug)]
pub struct Aggregator {
    labels: Vec<(String, String, String)>,
    counts: Vec<u64>,
    candidates: Vec<Vec<Candidate>>,
    seen: u64,
    tallies: Vec<GroupTally>,
}

impl Aggregator {
    /// An empty aggregator for the themes of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> Self {
        let mut labels: Vec<(String, String, String)> =
            taxonomy.themes().iter().map(|t| (t.id.clone(), t.label.clone(), t.description.clone())).collect();
        labels.push((OVERIG.into(), "Overig (geen thema)".into(), "Past bij geen van de thema's.".into()));
        let n = labels.len();
        Aggregator {
            labels,
            counts: vec![0; n],
            candidates: vec![Vec::new(); n],
            seen: 0,
            tallies: vec![GroupTally::default(); Dimension::ALL.len()],
        }
    }

    /// Adds one analysed experience (in input order).
    pub fn add(&mut self, experience: &Experience, assignment: &Assignment) {
        let seq = self.seen;
        self.seen += 1;
        let overig = self.labels.len() - 1;
        let n = self.labels.len();
        for (tally, dim) in self.tallies.iter_mut().zip(Dimension::ALL) {
            let (count, themes) = tally.0.entry(dim.group_of(experience)).or_insert_with(|| (0, vec![0; n]));
            *count += 1;
            if assignment.is_overig() {
                themes[overig] += 1;
            }
            for hit in &assignment.themes {
                themes[hit.theme] += 1;
            }
        }
        if assignment.is_overig() {
            self.counts[overig] += 1;
            self.offer(overig, experience, 0.0, seq, Span { start: 0, end: 0, char_start: 0, char_end: 0 });
        }
        for hit in &assignment.themes {
            self.counts[hit.theme] += 1;
            let first = hit.evidence.first().copied().unwrap_or(Span { start: 0, end: 0, char_start: 0, char_end: 0 });
            self.offer(hit.theme, experience, hit.score, seq, first);
        }
    }

    fn offer(&mut self, theme: usize, e: &Experience, score: f32, seq: u64, evidence: Span) {
        let chars = e.text.chars().count();
        let good_length = (MIN_GOOD_QUOTE_CHARS..=MAX_QUOTE_CHARS).contains(&chars);
        let list = &mut self.candidates[theme];
        let probe =
            Candidate { good_length, score, seq, id: String::new(), text: String::new(), evidence, groups: Vec::new() };
        if list.len() == CANDIDATES_PER_THEME && !list.iter().any(|c| probe.better_than(c)) {
            return;
        }
        let groups = Dimension::ALL.iter().map(|d| d.group_of(e)).collect();
        let c = Candidate { id: e.id.clone(), text: e.text.clone(), groups, ..probe };
        let at = list.iter().position(|x| c.better_than(x)).unwrap_or(list.len());
        list.insert(at, c);
        list.truncate(CANDIDATES_PER_THEME);
    }

    /// The summary; quotes are redacted by `redactor`, or left raw when it is
    /// `None`. Groups of fewer than `min_group` experiences are merged in the
    /// breakdowns, and none of their experiences is quoted.
    pub fn finish(self, redactor: Option<&Redactor>, min_group: u64) -> Summary {
        // The input's own locations are no personal names in its quotes.
        let location = Dimension::ALL.iter().position(|d| *d == Dimension::Location).expect("a dimension");
        let places = self.tallies[location].0.keys().flatten().map(String::as_str);
        let redactor = redactor.map(|r| r.clone().with_place_names(places));
        let redactor = redactor.as_ref();
        let total = self.seen;
        // A group is small in a dimension that is broken down (more than one
        // group): one group is all experiences, no breakdown.
        let small = |dim: usize, group: &Option<String>| {
            let tally = &self.tallies[dim].0;
            tally.len() > 1 && tally.get(group).is_some_and(|(count, _)| *count < min_group)
        };
        let candidates: Vec<Vec<Candidate>> = self
            .candidates
            .into_iter()
            .map(|list| {
                let shown = list.into_iter().filter(|c| !c.groups.iter().enumerate().any(|(d, g)| small(d, g)));
                shown.take(QUOTES_PER_THEME).collect()
            })
            .collect();
        let breakdowns = Dimension::ALL
            .iter()
            .zip(&self.tallies)
            // One group tells nothing the totals do not.
            .filter(|(_, t)| t.0.len() > 1)
            .map(|(&dimension, tally)| breakdown(dimension, tally, min_group))
            .collect();
        let themes = self
            .labels
            .into_iter()
            .zip(self.counts)
            .zip(candidates)
            .map(|(((id, label, description), count), cands)| ThemeSummary {
                id,
                label,
                description,
                count,
                share: if total == 0 { 0.0 } else { count as f64 / total as f64 },
                quotes: cands
                    .into_iter()
                    .map(|c| {
                        let passage = passage(&c.text, c.evidence);
                        let text = match redactor {
                            Some(r) => r.redact(passage).into_owned(),
                            None => passage.to_string(),
                        };
                        Quote { id: c.id, text: tidy(&text, passage.len() < c.text.len()) }
                    })
                    .collect(),
            })
            .collect();
        Summary { experiences: total, themes, breakdowns, min_group }
    }
}

/// The groups of one dimension as shown: small groups merged, small cells
/// hidden.
fn breakdown(dimension: Dimension, tally: &GroupTally, min_group: u64) -> Breakdown {
    let mut groups: Vec<_> = tally.0.iter().collect();
    // Largest first, then by name: the same input always gives the same order.
    groups.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(b.0)));
    let cell = |n: u64| (n == 0 || n >= min_group).then_some(n);
    let mut shown = Vec::new();
    let mut merged: Option<(u64, u64, Vec<u64>)> = None;
    for (group, (count, themes)) in groups {
        if *count >= min_group {
            shown.push(GroupCount {
                group: group.clone().unwrap_or_else(|| UNKNOWN_GROUP.to_string()),
                count: Some(*count),
                merged: 0,
                themes: themes.iter().map(|&n| cell(n)).collect(),
            });
        } else {
            let m = merged.get_or_insert_with(|| (0, 0, vec![0; themes.len()]));
            m.0 += 1;
            m.1 += count;
            for (a, b) in m.2.iter_mut().zip(themes) {
                *a += b;
            }
        }
    }
    if let Some((n, count, themes)) = merged {
        shown.push(GroupCount {
            group: SMALL_GROUPS.to_string(),
            count: cell(count),
            merged: n,
            themes: match count >= min_group {
                true => themes.iter().map(|&n| cell(n)).collect(),
                false => vec![None; themes.len()],
            },
        });
    }
    Breakdown { dimension, groups: shown }
}

/// The part of `text` to quote: all of it when short, else the sentences
/// around the evidence, cut at a word boundary.
fn passage(text: &str, evidence: Span) -> &str {
    if text.chars().count() <= MAX_QUOTE_CHARS {
        return text.trim();
    }
    let ev = (evidence.start as usize).min(text.len());
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = text[..ev].rfind(is_end).map_or(0, |i| i + 1);
    let rest = &text[start..];
    let mut end = rest.len();
    for (n, (i, _)) in rest.char_indices().enumerate() {
        if n >= MAX_QUOTE_CHARS {
            end = rest[..i].rfind(char::is_whitespace).unwrap_or(i);
            break;
        }
    }
    if let Some(stop) = rest[..end].rfind(is_end) {
        if stop > ev.saturating_sub(start) {
            end = stop + 1;
        }
    }
    rest[..end].trim()
}

fn tidy(text: &str, cut: bool) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if cut { format!("{one_line} …") } else { one_line }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::ThemeHit;

    fn exp(id: &str, text: &str) -> Experience {
        Experience {
            id: id.into(),
            text: text.into(),
            file: Arc::from("f"),
            line: 2,
            row: 1,
            question: Arc::from("ervaring"),
            role: None,
            location: None,
            date: None,
            sector: None,
            meta: vec![],
        }
    }

    fn hit(theme: usize, score: f32) -> ThemeHit {
        ThemeHit { theme, score, evidence: vec![] }
    }

    #[test]
    fn counts_and_shares_add_up() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        agg.add(
            &exp("1", "De soep was koud, echt niet te eten."),
            &Assignment { themes: vec![hit(3, 2.0), hit(0, 1.0)] },
        );
        agg.add(&exp("2", "Parkeren is lastig hier bij de ingang."), &Assignment::default());
        agg.add(&exp("3", "Weer koude koffie."), &Assignment { themes: vec![hit(3, 1.0)] });
        let s = agg.finish(None, 1);
        assert_eq!(s.experiences, 3);
        assert_eq!(s.themes.len(), 13);
        assert_eq!((s.themes[3].count, s.themes[0].count, s.themes[12].count), (2, 1, 1));
        assert_eq!(s.themes[12].id, "overig");
        assert!((s.themes[3].share - 2.0 / 3.0).abs() < 1e-12);
        // The readable-length, higher-score quote comes first.
        assert_eq!(s.themes[3].quotes[0].id, "1");
        assert_eq!(s.themes[3].quotes.len(), 2);
    }

    fn at(id: &str, text: &str, location: &str) -> Experience {
        Experience { location: Some(location.into()), date: Some("2025-05-03".into()), ..exp(id, text) }
    }

    #[test]
    fn small_groups_are_merged_hidden_and_not_quoted() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        let food = Assignment { themes: vec![hit(3, 1.0)] };
        for i in 0..6 {
            agg.add(&at(&format!("a{i}"), "De soep was koud, echt niet te eten vandaag.", "Eikenhof"), &food);
        }
        // Two small wards, of 2 and 1 experiences; the best-scoring quote is there.
        agg.add(
            &at("b1", "Het eten op De Linde is altijd veel te laat.", "Linde"),
            &Assignment { themes: vec![hit(3, 9.0)] },
        );
        agg.add(&at("b2", "Kapot.", "Linde"), &Assignment::default());
        agg.add(
            &at("c1", "Alleen op de gang, niemand die het ziet.", "Vlinder"),
            &Assignment { themes: vec![hit(0, 1.0)] },
        );
        let s = agg.finish(None, 5);
        let location = &s.breakdowns.iter().find(|b| b.dimension == Dimension::Location).unwrap().groups;
        assert_eq!(location.len(), 2);
        assert_eq!((location[0].group.as_str(), location[0].count, location[0].merged), ("Eikenhof", Some(6), 0));
        assert_eq!((location[0].themes[3], location[0].themes[0]), (Some(6), Some(0)));
        // 3 experiences in 2 merged groups: too few to show even merged.
        assert_eq!((location[1].group.as_str(), location[1].count, location[1].merged), (SMALL_GROUPS, None, 2));
        assert!(location[1].themes.iter().all(Option::is_none));
        // One period, one question: no breakdown.
        assert!(s.breakdowns.iter().all(|b| b.dimension == Dimension::Location));
        // No quote from a small group, however well it scores.
        let quoted: Vec<&str> = s.themes.iter().flat_map(|t| &t.quotes).map(|q| q.id.as_str()).collect();
        assert!(quoted.iter().all(|id| id.starts_with('a')), "{quoted:?}");
        assert_eq!(s.themes[3].quotes.len(), QUOTES_PER_THEME);
        // With groups of 1 allowed, everything shows.
        let mut agg = Aggregator::new(&tax);
        agg.add(&at("b1", "Het eten op De Linde is altijd veel te laat.", "Linde"), &food);
        agg.add(&at("c1", "Alleen op de gang.", "Vlinder"), &food);
        let s = agg.finish(None, 1);
        assert_eq!(s.breakdowns[0].groups.len(), 2);
        assert_eq!(s.themes[3].quotes.len(), 2);
    }

    #[test]
    fn periods_are_quarters() {
        assert_eq!(quarter("2025-11-03").as_deref(), Some("2025-K4"));
        assert_eq!(quarter("2025-01-31").as_deref(), Some("2025-K1"));
        assert_eq!(quarter("2025-13-01"), None);
        assert_eq!(quarter("gisteren"), None);
    }

    #[test]
    fn quotes_are_redacted() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        agg.add(&exp("1", "Zuster Anja bracht de soep, die was koud."), &Assignment { themes: vec![hit(3, 1.0)] });
        let s = agg.finish(Some(&Redactor::new()), 1);
        assert_eq!(s.themes[3].quotes[0].text, "Zuster [NAAM-1] bracht de soep, die was koud.");
    }

    #[test]
    fn long_texts_are_cut_around_the_evidence() {
        let long = format!(
            "{} De soep was lauw. {}",
            "Eerst iets anders. ".repeat(20),
            "En verder nog veel meer. ".repeat(20)
        );
        let at = long.find("soep").unwrap() as u32;
        let p = passage(&long, Span { start: at, end: at + 4, char_start: at, char_end: at + 4 });
        assert!(p.contains("De soep was lauw."), "{p}");
        assert!(p.chars().count() <= MAX_QUOTE_CHARS);
    }
}
