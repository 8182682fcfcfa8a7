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
use crate::privacy::{Showing, Shown};
use crate::sentiment::{Judgement, Sentiment};
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
/// A text without a theme of at most this many words, all of them words of a
/// verdict ("prima", "alles goed", "niet tevreden"), is a short verdict, not
/// `overig` (see [`ShortVerdicts`]).
pub const SHORT_VERDICT_WORDS: usize = 4;
/// Longest quote, in characters, before it is cut around its evidence.
pub const MAX_QUOTE_CHARS: usize = 280;
const MIN_GOOD_QUOTE_CHARS: usize = 25;

/// Where a piece of evidence stands: its text and char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The words, as written (personal data among them redacted unless raw
    /// text was asked for).
    pub text: Shown,
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
    /// How the experience judges this theme.
    pub sentiment: Sentiment,
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
    /// How it judges, as a whole.
    pub sentiment: Sentiment,
    /// Its themes, best first; empty means `overig`.
    pub themes: Vec<ThemeResult>,
    /// The whole text, shown (redacted unless raw text was asked for), when
    /// the run keeps texts ([`AnalyseOptions::texts`](crate::AnalyseOptions::texts)).
    pub text: Option<Shown>,
    /// The input's other columns with a value, as [`Experience::meta`].
    pub meta: Vec<(Arc<str>, String)>,
}

impl ExperienceResult {
    /// Builds the result of `experience` from its assignment and judgement;
    /// the evidence is shown as `showing` says (redacted, or raw on request).
    pub fn new(
        experience: &Experience,
        assignment: &Assignment,
        judgement: &Judgement,
        theme_ids: &[Arc<str>],
        showing: &Showing,
    ) -> Self {
        let text = &experience.text;
        let ranges: Vec<(usize, usize)> =
            assignment.themes.iter().flat_map(|h| &h.evidence).map(|s| (s.start as usize, s.end as usize)).collect();
        let mut shown = showing.parts(text, &ranges).into_iter();
        let themes = assignment
            .themes
            .iter()
            .enumerate()
            .map(|(i, h)| ThemeResult {
                id: theme_ids[h.theme].clone(),
                score: h.score,
                sentiment: judgement.themes.get(i).copied().unwrap_or(judgement.overall),
                evidence: h
                    .evidence
                    .iter()
                    .map(|s| Evidence {
                        text: shown.next().expect("a part per evidence span"),
                        start: s.char_start,
                        end: s.char_end,
                    })
                    .collect(),
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
            sentiment: judgement.overall,
            themes,
            text: None,
            meta: Vec::new(),
        }
    }
}

/// A short passage of an experience shown under a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The experience's id.
    pub id: String,
    /// The passage, redacted unless raw text was asked for.
    pub text: Shown,
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
    /// Of `count`, how many judge this theme positief, negatief, gemengd and
    /// neutraal (in the order of [`Sentiment::ALL`]).
    pub sentiment: [u64; 4],
    /// Example passages.
    pub quotes: Vec<Quote>,
    /// Quotes left out because they come from a group smaller than the
    /// minimum: how many would have been shown before the ones that are.
    pub withheld: u64,
}

/// Answers without a theme that pass a verdict and name no topic: "prima",
/// "alles goed", "slecht", "niet tevreden". They are not counted under
/// `overig` (topics outside the taxonomy). The rule: no theme, at most
/// [`SHORT_VERDICT_WORDS`] words, every word a word of judgement or a small
/// word around one ("het is", "alles", "heel", "niet"), and at least one
/// word of judgement. "niet" turns the verdict around.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ShortVerdicts {
    /// Short verdicts in all.
    pub count: u64,
    /// Of which positive ("prima", "niet slecht").
    pub positive: u64,
    /// Of which negative ("slecht", "niet goed").
    pub negative: u64,
}

/// Totals over all analysed experiences.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Experiences analysed.
    pub experiences: u64,
    /// Experiences per sentiment as a whole, in the order of
    /// [`Sentiment::ALL`].
    pub sentiment: [u64; 4],
    /// One entry per theme of the taxonomy, in its order, then `overig`.
    pub themes: Vec<ThemeSummary>,
    /// Breakdowns by location, role, period and question, for the dimensions
    /// with more than one group.
    pub breakdowns: Vec<Breakdown>,
    /// Groups smaller than this are merged and not quoted.
    pub min_group: u64,
    /// The earliest date of an experience (ISO), when the input has dates.
    pub first_date: Option<String>,
    /// The latest date of an experience (ISO).
    pub last_date: Option<String>,
    /// Answers without a theme that only pass a verdict (not in `overig`).
    pub short_verdicts: ShortVerdicts,
    /// The day the summary was made (ISO, UTC): from `SOURCE_DATE_EPOCH`
    /// (seconds since 1970) when that is set, so that a run can be repeated
    /// byte for byte, else from the clock.
    pub made_on: String,
}

/// What experiences are grouped by in a breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Dimension {
    /// The location (ward, team, site).
    Location,
    /// Who wrote it: client, naaste, medewerker.
    Role,
    /// The sector (ouderenzorg, ggz, ...).
    Sector,
    /// The quarter of the date, as `2025-K4`.
    Period,
    /// The question (text column) answered.
    Question,
}

impl Dimension {
    /// All dimensions, in report order.
    pub const ALL: [Dimension; 5] =
        [Dimension::Location, Dimension::Role, Dimension::Sector, Dimension::Period, Dimension::Question];

    /// The id in `report.json` (`location`, `role`, `sector`, `period`,
    /// `question`).
    pub fn id(self) -> &'static str {
        match self {
            Dimension::Location => "location",
            Dimension::Role => "role",
            Dimension::Sector => "sector",
            Dimension::Period => "period",
            Dimension::Question => "question",
        }
    }

    /// The Dutch heading.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Location => "Locatie",
            Dimension::Role => "Wie",
            Dimension::Sector => "Sector",
            Dimension::Period => "Periode (kwartaal)",
            Dimension::Question => "Vraag",
        }
    }

    /// The group of `e` in this dimension; `None` when unknown.
    fn group_of(self, e: &Experience) -> Option<String> {
        let mut group = String::new();
        self.group_into(e, &mut group).then_some(group)
    }

    /// Writes the group of `e` in this dimension into `out` (cleared first),
    /// without allocating when `out` has room; false when unknown.
    fn group_into(self, e: &Experience, out: &mut String) -> bool {
        out.clear();
        let text = |v: &Option<String>, out: &mut String| {
            let v = v.as_deref().map(str::trim).filter(|v| !v.is_empty());
            v.inspect(|v| out.push_str(v)).is_some()
        };
        match self {
            Dimension::Location => text(&e.location, out),
            Dimension::Sector => text(&e.sector, out),
            Dimension::Role => e.role.inspect(|r| out.push_str(r.id())).is_some(),
            Dimension::Period => e.date.as_deref().is_some_and(|d| quarter_into(d, out)),
            Dimension::Question => {
                out.push_str(&e.question);
                true
            }
        }
    }
}

/// `2025-11-03` -> `2025-K4`.
#[cfg(test)]
fn quarter(iso: &str) -> Option<String> {
    let mut out = String::new();
    quarter_into(iso, &mut out).then_some(out)
}

/// Writes the quarter of an ISO date into `out`; false when it is no date.
pub(crate) fn quarter_into(iso: &str, out: &mut String) -> bool {
    let Some(year) = iso.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())) else { return false };
    let Some(month) = iso.get(5..7).and_then(|m| m.parse::<u32>().ok()).filter(|m| (1..=12).contains(m)) else {
        return false;
    };
    out.push_str(year);
    out.push_str("-K");
    out.push(char::from(b'0' + ((month - 1) / 3 + 1) as u8));
    true
}

/// Experiences per group of one dimension, with their themes.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// What is grouped by.
    pub dimension: Dimension,
    /// The groups shown: periods in time order, other groups largest first;
    /// unknown after known ([`UNKNOWN_GROUP`]); the small groups merged into
    /// one ([`SMALL_GROUPS`]) last.
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
    sentiments: Vec<[u64; 4]>,
    overall: [u64; 4],
    candidates: Vec<Vec<Candidate>>,
    seen: u64,
    tallies: Vec<GroupTally>,
    /// A reused buffer for group names, so counting allocates nothing for a
    /// group already seen.
    group: String,
    first_date: Option<String>,
    last_date: Option<String>,
    short_verdicts: ShortVerdicts,
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
            sentiments: vec![[0; 4]; n],
            overall: [0; 4],
            candidates: vec![Vec::new(); n],
            seen: 0,
            tallies: vec![GroupTally::default(); Dimension::ALL.len()],
            group: String::new(),
            first_date: None,
            last_date: None,
            short_verdicts: ShortVerdicts::default(),
        }
    }

    /// Adds one analysed experience (in input order) with its judgement
    /// (a theme the judgement has no entry for counts as neutraal).
    pub fn add(&mut self, experience: &Experience, assignment: &Assignment, judgement: &Judgement) {
        let seq = self.seen;
        self.overall[judgement.overall.index()] += 1;
        self.seen += 1;
        let overig = self.labels.len() - 1;
        let n = self.labels.len();
        // A short verdict without a theme is not a topic outside the taxonomy.
        let verdict = if assignment.is_overig() { short_verdict(&experience.text) } else { None };
        let is_overig = assignment.is_overig() && verdict.is_none();
        if let Some(v) = verdict {
            self.short_verdicts.count += 1;
            match v {
                Verdict::Positive => self.short_verdicts.positive += 1,
                Verdict::Negative => self.short_verdicts.negative += 1,
                Verdict::Neutral => {}
            }
        }
        if let Some(date) = experience.date.as_deref() {
            if self.first_date.as_deref().is_none_or(|f| date < f) {
                self.first_date = Some(date.to_string());
            }
            if self.last_date.as_deref().is_none_or(|l| date > l) {
                self.last_date = Some(date.to_string());
            }
        }
        for (tally, dim) in self.tallies.iter_mut().zip(Dimension::ALL) {
            // The buffer moves into the key and back: no allocation for a
            // group seen before.
            let key = dim.group_into(experience, &mut self.group).then(|| std::mem::take(&mut self.group));
            let (count, themes) = match tally.0.get_mut(&key) {
                Some(entry) => {
                    if let Some(buffer) = key {
                        self.group = buffer;
                    }
                    entry
                }
                None => tally.0.entry(key).or_insert_with(|| (0, vec![0; n])),
            };
            *count += 1;
            if is_overig {
                themes[overig] += 1;
            }
            for hit in &assignment.themes {
                themes[hit.theme] += 1;
            }
        }
        if is_overig {
            self.counts[overig] += 1;
            self.sentiments[overig][judgement.overall.index()] += 1;
            self.offer(overig, experience, 0.0, seq, Span { start: 0, end: 0, char_start: 0, char_end: 0 });
        }
        for (i, hit) in assignment.themes.iter().enumerate() {
            self.counts[hit.theme] += 1;
            let s = judgement.themes.get(i).copied().unwrap_or(Sentiment::Neutraal);
            self.sentiments[hit.theme][s.index()] += 1;
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

    /// The summary; quotes are shown as `showing` says (redacted, or raw on
    /// request). Groups of fewer than `min_group` experiences are merged in the
    /// breakdowns, and none of their experiences is quoted (a `min_group`
    /// below 2 hides nothing). The input's own locations and sectors are no
    /// personal names in its quotes.
    pub fn finish(self, showing: &Showing, min_group: u64) -> Summary {
        let places = [Dimension::Location, Dimension::Sector]
            .iter()
            .filter_map(|d| Dimension::ALL.iter().position(|x| x == d))
            .flat_map(|i| self.tallies[i].0.keys().flatten().map(String::as_str));
        let placed = match showing {
            Showing::Redacted(r) => Some((*r).clone().with_place_names(places)),
            Showing::Raw => None,
        };
        let showing = &Showing::new(placed.as_ref());
        let total = self.seen;
        // A group is small in a dimension that is broken down (more than one
        // group): one group is all experiences, no breakdown.
        let small = |dim: usize, group: &Option<String>| {
            let tally = &self.tallies[dim].0;
            tally.len() > 1 && tally.get(group).is_some_and(|(count, _)| *count < min_group)
        };
        // Per theme the quotes shown, and how many better-placed candidates
        // were left out for coming from a small group.
        let candidates: Vec<(Vec<Candidate>, u64)> = self
            .candidates
            .into_iter()
            .map(|list| {
                let (mut shown, mut withheld) = (Vec::new(), 0);
                for c in list {
                    if shown.len() == QUOTES_PER_THEME {
                        break;
                    }
                    match c.groups.iter().enumerate().any(|(d, g)| small(d, g)) {
                        true => withheld += 1,
                        false => shown.push(c),
                    }
                }
                (shown, withheld)
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
            .zip(self.sentiments)
            .zip(candidates)
            .map(|((((id, label, description), count), sentiment), (cands, withheld))| ThemeSummary {
                id,
                label,
                description,
                count,
                share: if total == 0 { 0.0 } else { count as f64 / total as f64 },
                sentiment,
                quotes: cands
                    .into_iter()
                    .map(|c| {
                        let passage = passage(&c.text, c.evidence);
                        Quote { id: c.id, text: showing.show(passage).one_line(passage.len() < c.text.len()) }
                    })
                    .collect(),
                withheld,
            })
            .collect();
        Summary {
            experiences: total,
            sentiment: self.overall,
            themes,
            breakdowns,
            min_group,
            first_date: self.first_date,
            last_date: self.last_date,
            short_verdicts: self.short_verdicts,
            made_on: made_on(),
        }
    }
}

/// Today as an ISO date (UTC), or the day of `SOURCE_DATE_EPOCH` when set:
/// the reproducible-builds convention, so that the same input gives the same
/// report byte for byte.
fn made_on() -> String {
    day(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(), std::time::SystemTime::now())
}

/// The ISO day of `epoch` (seconds since 1970, as `SOURCE_DATE_EPOCH` gives
/// them) when it is a number, else of `now`.
fn day(epoch: Option<&str>, now: std::time::SystemTime) -> String {
    let secs = epoch
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| now.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    chrono::DateTime::from_timestamp(secs, 0).map_or_else(String::new, |t| t.date_naive().to_string())
}

/// What a short answer without a theme says, when it is a short verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Positive,
    Negative,
    Neutral,
}

/// Words of judgement, positive.
const POSITIVE: &[&str] = &[
    "goed",
    "prima",
    "tevreden",
    "top",
    "fijn",
    "uitstekend",
    "super",
    "prettig",
    "perfect",
    "mooi",
    "fantastisch",
    "geweldig",
    "oke",
    "oké",
    "ok",
    "okay",
    "voldoende",
    "tiptop",
    "lekker",
    "blij",
    "tof",
    "heerlijk",
    "tevree",
];
/// Words of judgement, negative.
const NEGATIVE: &[&str] = &[
    "slecht",
    "matig",
    "ontevreden",
    "onvoldoende",
    "waardeloos",
    "beroerd",
    "teleurstellend",
    "belabberd",
    "vreselijk",
    "verschrikkelijk",
    "slechter",
    "treurig",
    "zwak",
    "rampzalig",
    "triest",
    "jammer",
    "onprettig",
    "ellendig",
];
/// Words of judgement, neither way.
const NEUTRAL: &[&str] = &["redelijk", "gemiddeld", "neutraal", "wisselend", "matigjes", "gaat", "beter"];
/// Small words around a verdict ("het is prima", "alles goed", "heel erg tevreden").
const AROUND: &[&str] = &[
    "alles", "het", "is", "was", "heel", "erg", "zeer", "echt", "gewoon", "wel", "niet", "best", "zeker", "zo", "ik",
    "ben", "vind", "vond", "en", "maar", "wat", "al", "hier", "nog", "kan", "helemaal", "altijd", "meestal", "over",
    "algemeen", "in", "dik", "zijn", "we", "wij", "heb", "naar", "mijn", "zin",
];

/// The verdict of a text without a theme, when it is a short verdict (see
/// [`ShortVerdicts`]).
fn short_verdict(text: &str) -> Option<Verdict> {
    let (mut positive, mut negative, mut neutral, mut negated) = (0, 0, 0, false);
    for (n, word) in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).enumerate() {
        if n == SHORT_VERDICT_WORDS {
            return None;
        }
        let word = word.to_lowercase();
        let word = word.as_str();
        if POSITIVE.contains(&word) {
            positive += 1;
        } else if NEGATIVE.contains(&word) {
            negative += 1;
        } else if NEUTRAL.contains(&word) {
            neutral += 1;
        } else if word == "niet" {
            negated = true;
        } else if !AROUND.contains(&word) {
            return None;
        }
    }
    let (positive, negative) = if negated { (negative, positive) } else { (positive, negative) };
    match (positive, negative, neutral) {
        (0, 0, 0) => None,
        (p, 0, _) if p > 0 => Some(Verdict::Positive),
        (0, n, _) if n > 0 => Some(Verdict::Negative),
        _ => Some(Verdict::Neutral),
    }
}

/// The groups of one dimension as shown: small groups merged, small cells
/// hidden.
fn breakdown(dimension: Dimension, tally: &GroupTally, min_group: u64) -> Breakdown {
    let mut groups: Vec<_> = tally.0.iter().collect();
    // Periods in time order, others largest first, then by name: the same
    // input always gives the same order. Unknown after known.
    groups.sort_by(|a, b| {
        let by_count = b.1.0.cmp(&a.1.0);
        a.0.is_none().cmp(&b.0.is_none()).then(match dimension {
            Dimension::Period => a.0.cmp(b.0),
            _ => by_count.then_with(|| a.0.cmp(b.0)),
        })
    });
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
    if let Some(stop) = rest[..end].rfind(is_end)
        && stop > ev.saturating_sub(start)
    {
        end = stop + 1;
    }
    rest[..end].trim()
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
        ThemeHit::new(&Taxonomy::default(), theme, score, vec![])
    }

    #[test]
    fn counts_and_shares_add_up() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        agg.add(
            &exp("1", "De soep was koud, echt niet te eten."),
            &Assignment { themes: vec![hit(3, 2.0), hit(0, 1.0)] },
            &Judgement::default(),
        );
        agg.add(&exp("2", "Parkeren is lastig hier bij de ingang."), &Assignment::default(), &Judgement::default());
        agg.add(&exp("3", "Weer koude koffie."), &Assignment { themes: vec![hit(3, 1.0)] }, &Judgement::default());
        let s = agg.finish(&Showing::Raw, 1);
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
            agg.add(
                &at(&format!("a{i}"), "De soep was koud, echt niet te eten vandaag.", "Eikenhof"),
                &food,
                &Judgement::default(),
            );
        }
        // Two small wards, of 2 and 1 experiences; the best-scoring quote is there.
        agg.add(
            &at("b1", "Het eten op De Linde is altijd veel te laat.", "Linde"),
            &Assignment { themes: vec![hit(3, 9.0)] },
            &Judgement::default(),
        );
        agg.add(&at("b2", "Kapot.", "Linde"), &Assignment::default(), &Judgement::default());
        agg.add(
            &at("c1", "Alleen op de gang, niemand die het ziet.", "Vlinder"),
            &Assignment { themes: vec![hit(0, 1.0)] },
            &Judgement::default(),
        );
        let s = agg.finish(&Showing::Raw, 5);
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
        agg.add(&at("b1", "Het eten op De Linde is altijd veel te laat.", "Linde"), &food, &Judgement::default());
        agg.add(&at("c1", "Alleen op de gang.", "Vlinder"), &food, &Judgement::default());
        let s = agg.finish(&Showing::Raw, 1);
        assert_eq!(s.breakdowns[0].groups.len(), 2);
        assert_eq!(s.themes[3].quotes.len(), 2);
    }

    fn dated(id: &str, date: &str) -> Experience {
        Experience { date: Some(date.into()), ..exp(id, "De soep was koud, echt niet te eten vandaag.") }
    }

    #[test]
    fn periods_are_in_time_order_not_by_count() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        let food = Assignment { themes: vec![hit(3, 1.0)] };
        // Most in K3, fewest in K1, some without a date: K1, K2, K3, unknown.
        let dates = [("2025-08-01", 9), ("2025-02-01", 5), ("2025-05-01", 7)];
        for (date, n) in dates {
            for i in 0..n {
                agg.add(&dated(&format!("{date}-{i}"), date), &food, &Judgement::default());
            }
        }
        for i in 0..6 {
            agg.add(
                &exp(&format!("x{i}"), "De soep was koud, echt niet te eten vandaag."),
                &food,
                &Judgement::default(),
            );
        }
        let s = agg.finish(&Showing::Raw, 5);
        let period = &s.breakdowns.iter().find(|b| b.dimension == Dimension::Period).unwrap().groups;
        let order: Vec<&str> = period.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(order, ["2025-K1", "2025-K2", "2025-K3", UNKNOWN_GROUP]);
        // The period the data covers.
        assert_eq!((s.first_date.as_deref(), s.last_date.as_deref()), (Some("2025-02-01"), Some("2025-08-01")));
    }

    #[test]
    fn sector_is_a_breakdown() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        for (i, sector) in ["ggz", "ggz", "vvt"].iter().enumerate() {
            agg.add(
                &Experience { sector: Some(sector.to_string()), ..exp(&i.to_string(), "Prima.") },
                &Assignment::default(),
                &Judgement::default(),
            );
        }
        let s = agg.finish(&Showing::Raw, 1);
        let sector = &s.breakdowns.iter().find(|b| b.dimension == Dimension::Sector).unwrap().groups;
        assert_eq!((sector[0].group.as_str(), sector[0].count), ("ggz", Some(2)));
    }

    #[test]
    fn quotes_left_out_for_small_groups_are_counted() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        let food = |score| Assignment { themes: vec![hit(3, score)] };
        for i in 0..5 {
            agg.add(
                &at(&format!("a{i}"), "De soep was koud, echt niet te eten vandaag.", "Eikenhof"),
                &food(1.0),
                &Judgement::default(),
            );
        }
        // Two better quotes from a ward of two: left out, and counted.
        agg.add(
            &at("b1", "Het eten op de afdeling is altijd veel te laat.", "Linde"),
            &food(9.0),
            &Judgement::default(),
        );
        agg.add(
            &at("b2", "Het eten op de afdeling is altijd veel te koud.", "Linde"),
            &food(8.0),
            &Judgement::default(),
        );
        // A theme only the small ward speaks of: no quote at all, one left out.
        agg.add(
            &at("b3", "Alleen op de gang, niemand die het ziet.", "Linde"),
            &Assignment { themes: vec![hit(0, 1.0)] },
            &Judgement::default(),
        );
        let s = agg.finish(&Showing::Raw, 5);
        assert_eq!((s.themes[3].quotes.len(), s.themes[3].withheld), (QUOTES_PER_THEME, 2));
        assert_eq!((s.themes[0].quotes.len(), s.themes[0].withheld), (0, 1));
        assert_eq!(s.themes[1].withheld, 0);
    }

    #[test]
    fn short_verdicts_are_kept_apart_from_overig() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        for (i, text) in
            ["Prima", "alles goed!", "Slecht.", "niet goed", "Heel erg tevreden", "redelijk", "Parkeren is lastig"]
                .iter()
                .enumerate()
        {
            agg.add(&exp(&i.to_string(), text), &Assignment::default(), &Judgement::default());
        }
        // Five words are no short verdict, nor words that name a topic.
        agg.add(&exp("7", "alles is heel erg goed"), &Assignment::default(), &Judgement::default());
        let s = agg.finish(&Showing::Raw, 1);
        let v = s.short_verdicts;
        assert_eq!((v.count, v.positive, v.negative), (6, 3, 2));
        let overig = s.themes.last().unwrap();
        assert_eq!(overig.count, 2);
        let quoted: Vec<&str> = overig.quotes.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(quoted, ["6", "7"]);
    }

    #[test]
    fn made_on_comes_from_source_date_epoch_else_the_clock() {
        let now = std::time::UNIX_EPOCH + std::time::Duration::from_secs(86_400 * 365);
        assert_eq!(day(Some("1764979200"), now), "2025-12-06");
        assert_eq!(day(None, now), "1971-01-01");
        assert_eq!(day(Some("gisteren"), now), "1971-01-01");
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
        agg.add(
            &exp("1", "Zuster Anja bracht de soep, die was koud."),
            &Assignment { themes: vec![hit(3, 1.0)] },
            &Judgement::default(),
        );
        let s = agg.finish(&Showing::Redacted(&crate::privacy::Redactor::new()), 1);
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
