//! Aggregation: per-experience results -> what the reports show: per theme
//! its count, share and sentiment split; breakdowns by group with their
//! sentiment; the trend per quarter; theme pairs; the voices side by side; a
//! draft improvement agenda; and quotes people can use.
//!
//! The [`Aggregator`] takes experiences one by one in input order and keeps
//! only what the summary needs (counts, and a bounded sample of quote
//! candidates per theme, sentiment and voice), so it works on a stream of any
//! length, and the same input always gives the same summary.
//!
//! By concern: [`tally`] counts per group, [`quotes`] keeps and chooses
//! quotes, [`voices`] sets the voices side by side, [`agenda`] ranks the
//! themes into a draft agenda.

use std::sync::Arc;

use crate::ingest::Experience;
use crate::privacy::{Showing, Shown};
use crate::sentiment::{Judgement, Sentiment};
use crate::theme::{Assignment, OVERIG, Taxonomy};

pub mod agenda;
pub mod quotes;
pub mod tally;
pub mod voices;

pub use agenda::{AGENDA_MIN_VOLUME, AGENDA_POINTS, AGENDA_RULE, Agenda, AgendaPoint, VoiceShare};
pub use quotes::{MAX_QUOTE_CHARS, NEAR_DUPLICATE, Quote, Signature};
pub use tally::{ThemePair, Trend, TrendCell, TrendPeriod};
pub use voices::{GAP_MIN_SUPPORT, Gap, ThemeVoices, Voice, VoiceAxis, Voices};

use tally::{GroupCounts, GroupTally, PairTally};

/// Quotes shown per theme.
pub const QUOTES_PER_THEME: usize = 3;
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

/// One theme's totals.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeSummary {
    /// The theme's id (`overig` for experiences without a theme).
    pub id: String,
    /// Its Dutch label.
    pub label: String,
    /// Its English label (the taxonomy's `label_en`, else the Dutch one).
    pub label_en: String,
    /// What belongs to it.
    pub description: String,
    /// Experiences with this theme.
    pub count: u64,
    /// `count` / analysed experiences.
    pub share: f64,
    /// Of `count`, how many judge this theme positief, negatief, gemengd and
    /// neutraal (in the order of [`Sentiment::ALL`]).
    pub sentiment: [u64; 4],
    /// Typical passages, each marked with its sentiment and signed: the
    /// theme's most frequent sentiments first, no two alike.
    pub quotes: Vec<Quote>,
    /// Quotes left out because they come from a group smaller than the
    /// minimum: how many would have been shown before the ones that are.
    pub withheld: u64,
}

impl ThemeSummary {
    /// The share of `sentiment` among the theme's experiences (0 when it has
    /// none).
    pub fn share_of(&self, sentiment: Sentiment) -> f64 {
        match self.count {
            0 => 0.0,
            n => self.sentiment[sentiment.index()] as f64 / n as f64,
        }
    }
}

/// Why a section of the report is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Absence {
    /// The input has no dates: no trend.
    NoDates,
    /// All dated experiences fall in one quarter: no trend.
    OneQuarter,
    /// The input names no role (client, naaste, medewerker) and has one
    /// question: no voices.
    NoRoleOneQuestion,
    /// Fewer than two roles (and fewer than two questions) have at least
    /// the minimum group of experiences: no voices.
    OneVoice,
    /// More than three questions and no roles: no voices by question.
    ManyQuestions,
    /// No theme has enough negative experiences to rank: no agenda.
    NothingToRank,
}

impl Absence {
    /// The stable id in `report.json`.
    pub fn id(self) -> &'static str {
        match self {
            Absence::NoDates => "no-dates",
            Absence::OneQuarter => "one-quarter",
            Absence::NoRoleOneQuestion => "no-role-one-question",
            Absence::OneVoice => "one-voice",
            Absence::ManyQuestions => "many-questions",
            Absence::NothingToRank => "nothing-to-rank",
        }
    }

    /// Why, in Dutch, for the report.
    pub fn reason(self) -> &'static str {
        match self {
            Absence::NoDates => "De invoer heeft geen kolom met een datum, dus er is geen verloop in de tijd.",
            Absence::OneQuarter => {
                "Alle ervaringen met een datum vallen in één kwartaal, dus er is geen verloop te zien."
            }
            Absence::NoRoleOneQuestion => {
                "De invoer zegt niet wie schreef (cliënt, naaste, medewerker) en heeft één vraag, dus er zijn geen \
                 stemmen om naast elkaar te zetten."
            }
            Absence::OneVoice => {
                "Minder dan twee groepen schrijvers (of vragen) hebben genoeg ervaringen om te laten zien, dus er \
                 zijn geen stemmen om naast elkaar te zetten."
            }
            Absence::ManyQuestions => {
                "De invoer zegt niet wie schreef en heeft meer dan drie vragen; per vraag naast elkaar zetten zegt \
                 dan weinig."
            }
            Absence::NothingToRank => {
                "Geen thema heeft genoeg negatieve of gemengde ervaringen om op de agenda te zetten."
            }
        }
    }
}

/// What the input says about one dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DimensionInfo {
    /// The dimension.
    pub dimension: Dimension,
    /// Distinct known values (locations, roles, quarters, ...).
    pub groups: usize,
    /// Experiences without a value.
    pub unknown: u64,
    /// The value, when all known values are one (a single location).
    pub only: Option<String>,
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

/// Totals over all analysed experiences: everything the reports show.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Experiences analysed.
    pub experiences: u64,
    /// Experiences per sentiment as a whole, in the order of
    /// [`Sentiment::ALL`].
    pub sentiment: [u64; 4],
    /// One entry per theme of the taxonomy, in its order, then `overig`.
    pub themes: Vec<ThemeSummary>,
    /// Breakdowns by location, role, sector, period and question, for the
    /// dimensions with more than one group.
    pub breakdowns: Vec<Breakdown>,
    /// Per dimension, how many values the input has (also for those without
    /// a breakdown: one location, no dates), in the order of
    /// [`Dimension::ALL`].
    pub dimensions: Vec<DimensionInfo>,
    /// Per quarter, per theme: experiences and how many are negative.
    pub trend: Trend,
    /// Pairs of themes named in the same experience, at least the minimum
    /// group, most frequent first.
    pub pairs: Vec<ThemePair>,
    /// Pairs left out for being smaller than the minimum group.
    pub pairs_hidden: u64,
    /// The voices side by side.
    pub voices: Voices,
    /// The draft improvement agenda.
    pub agenda: Agenda,
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

impl Summary {
    /// What the input says about `dimension`.
    pub fn dimension(&self, dimension: Dimension) -> Option<&DimensionInfo> {
        self.dimensions.iter().find(|d| d.dimension == dimension)
    }

    /// The breakdown by `dimension`, when there is one.
    pub fn breakdown(&self, dimension: Dimension) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.dimension == dimension)
    }
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
    pub(crate) fn group_of(self, e: &Experience) -> Option<String> {
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
    /// Experiences per sentiment as a whole (order of [`Sentiment::ALL`]);
    /// `None` as for `themes`.
    pub sentiment: [Option<u64>; 4],
}

impl GroupCount {
    /// The share of `sentiment` in the group, when both numbers are shown.
    pub fn share(&self, sentiment: Sentiment) -> Option<f64> {
        match (self.count, self.sentiment[sentiment.index()]) {
            (Some(n), Some(k)) if n > 0 => Some(k as f64 / n as f64),
            _ => None,
        }
    }
}

/// Where each dimension's tally stands in [`Dimension::ALL`].
const ROLE: usize = 1;
const PERIOD: usize = 3;
const QUESTION: usize = 4;

/// Collects per-theme totals, group counts and quote candidates from a
/// stream of results.
#[derive(Debug)]
pub struct Aggregator {
    labels: Vec<(String, String, String)>,
    /// The English label of each theme (the Dutch one when the taxonomy
    /// gives none).
    labels_en: Vec<String>,
    counts: Vec<u64>,
    sentiments: Vec<[u64; 4]>,
    overall: [u64; 4],
    pool: quotes::Pool,
    pairs: PairTally,
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
        let mut labels_en: Vec<String> = taxonomy.themes().iter().map(|t| t.label_en.clone()).collect();
        labels_en.push("Other (no theme)".into());
        let n = labels.len();
        Aggregator {
            labels,
            labels_en,
            counts: vec![0; n],
            sentiments: vec![[0; 4]; n],
            overall: [0; 4],
            pool: quotes::Pool::new(n),
            pairs: PairTally::new(n),
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
        let overall = judgement.overall;
        self.overall[overall.index()] += 1;
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
        let of = |i: usize| judgement.themes.get(i).copied().unwrap_or(Sentiment::Neutraal);
        for (tally, dim) in self.tallies.iter_mut().zip(Dimension::ALL) {
            // The buffer moves into the key and back: no allocation for a
            // group seen before.
            let key = dim.group_into(experience, &mut self.group).then(|| std::mem::take(&mut self.group));
            let counts = match tally.0.get_mut(&key) {
                Some(entry) => {
                    if let Some(buffer) = key {
                        self.group = buffer;
                    }
                    entry
                }
                None => tally.0.entry(key).or_insert_with(|| GroupCounts::new(n)),
            };
            counts.count += 1;
            counts.sentiment[overall.index()] += 1;
            if is_overig {
                counts.themes[overig][overall.index()] += 1;
            }
            for (i, hit) in assignment.themes.iter().enumerate() {
                counts.themes[hit.theme][of(i).index()] += 1;
            }
        }
        // Texts are measured in bytes: close enough to chars for choosing
        // readable quotes, and no walk over the text.
        let len = experience.text.len();
        if is_overig {
            self.counts[overig] += 1;
            self.sentiments[overig][overall.index()] += 1;
            self.pool.offer(overig, overall, experience, len, seq, &[]);
        }
        for (i, hit) in assignment.themes.iter().enumerate() {
            for other in &assignment.themes[i + 1..] {
                self.pairs.add(hit.theme, other.theme);
            }
            self.counts[hit.theme] += 1;
            let s = of(i);
            self.sentiments[hit.theme][s.index()] += 1;
            self.pool.offer(hit.theme, s, experience, len, seq, &hit.evidence);
        }
    }

    /// The summary; quotes are shown as `showing` says (redacted, or raw on
    /// request). Groups of fewer than `min_group` experiences are merged in the
    /// breakdowns, and none of their experiences is quoted nor named in a
    /// quote's signature (a `min_group` below 2 hides nothing). The input's
    /// own locations and sectors are no personal names in its quotes.
    pub fn finish(self, showing: &Showing, min_group: u64) -> Summary {
        let Aggregator {
            labels,
            labels_en,
            counts,
            sentiments,
            overall,
            pool,
            pairs,
            seen: total,
            tallies,
            group: _,
            first_date,
            last_date,
            short_verdicts,
        } = self;
        let places = [Dimension::Location, Dimension::Sector]
            .iter()
            .filter_map(|d| Dimension::ALL.iter().position(|x| x == d))
            .flat_map(|i| tallies[i].0.keys().flatten().map(String::as_str));
        let placed = match showing {
            Showing::Redacted(r) => Some((*r).clone().with_place_names(places)),
            Showing::Raw => None,
        };
        let showing = &Showing::new(placed.as_ref());
        // A group is small in a dimension that is broken down (more than one
        // group): one group is all experiences, no breakdown.
        let small = |dim: usize, group: &Option<String>| {
            let tally = &tallies[dim].0;
            tally.len() > 1 && tally.get(group).is_some_and(|c| c.count < min_group)
        };
        let allowed = |c: &quotes::Candidate| !c.groups.iter().enumerate().any(|(d, g)| small(d, g));
        let sign = |c: &quotes::Candidate| Signature {
            role: c.role.filter(|_| !small(ROLE, &c.groups[ROLE])),
            question: (!small(QUESTION, &c.groups[QUESTION])).then(|| c.question.to_string()),
            period: c.groups[PERIOD].clone().filter(|_| !small(PERIOD, &c.groups[PERIOD])),
        };
        let ids: Vec<String> = labels.iter().map(|l| l.0.clone()).collect();
        let names: Vec<String> = labels.iter().map(|l| l.1.clone()).collect();
        let ranked: Vec<Vec<quotes::Ranked<'_>>> = (0..labels.len()).map(|t| pool.ranked(t)).collect();
        let end = voices::Ending {
            ids: &ids,
            labels: &names,
            ranked: &ranked,
            showing,
            min_group,
            allowed: &allowed,
            sign: &sign,
        };
        let breakdowns = Dimension::ALL
            .iter()
            .zip(&tallies)
            // One group tells nothing the totals do not.
            .filter(|(_, t)| t.0.len() > 1)
            .map(|(&dimension, tally)| tally::breakdown(dimension, tally, min_group))
            .collect();
        let dimensions = Dimension::ALL
            .iter()
            .zip(&tallies)
            .map(|(&dimension, t)| DimensionInfo {
                dimension,
                groups: t.known(),
                unknown: t.unknown(),
                only: match t.known() {
                    1 => t.0.keys().flatten().next().cloned(),
                    _ => None,
                },
            })
            .collect();
        let themes: Vec<ThemeSummary> = labels
            .into_iter()
            .zip(labels_en)
            .zip(counts)
            .zip(sentiments)
            .enumerate()
            .map(|(t, ((((id, label, description), label_en), count), sentiment))| {
                let (quotes, withheld) = theme_quotes(&ranked[t], sentiment, &end);
                ThemeSummary {
                    id,
                    label,
                    label_en,
                    description,
                    count,
                    share: if total == 0 { 0.0 } else { count as f64 / total as f64 },
                    sentiment,
                    quotes,
                    withheld,
                }
            })
            .collect();
        let (pairs, pairs_hidden) = pairs.shown(&ids, min_group);
        let axis = voices::axis(&tallies[ROLE], &tallies[QUESTION], pool.questions(), min_group);
        let voices = match &axis {
            Ok((axis, groups)) => {
                let tally = &tallies[if *axis == VoiceAxis::Role { ROLE } else { QUESTION }];
                voices::voices(*axis, groups.clone(), tally, &end)
            }
            Err(absent) => Voices { absent: Some(*absent), ..Voices::default() },
        };
        let agenda = agenda::agenda(
            &themes,
            axis.as_ref().ok().map(|(axis, groups)| {
                let tally = &tallies[if *axis == VoiceAxis::Role { ROLE } else { QUESTION }];
                (*axis, groups.as_slice(), tally)
            }),
            &end,
        );
        let trend = tally::trend(&tallies[PERIOD], min_group);
        Summary {
            experiences: total,
            sentiment: overall,
            themes,
            breakdowns,
            dimensions,
            trend,
            pairs,
            pairs_hidden,
            voices,
            agenda,
            min_group,
            first_date,
            last_date,
            short_verdicts,
            made_on: made_on(),
        }
    }
}

/// The quotes of one theme: its sentiments in order of frequency (neutraal
/// only when nothing else is there), one quote of each in turn, typical
/// first; and how many were passed over for coming from a small group.
fn theme_quotes(ranked: &[quotes::Ranked<'_>], sentiment: [u64; 4], end: &voices::Ending<'_, '_>) -> (Vec<Quote>, u64) {
    let mut order: Vec<Sentiment> = Sentiment::ALL.into_iter().filter(|s| sentiment[s.index()] > 0).collect();
    order.sort_by_key(|s| (*s == Sentiment::Neutraal, std::cmp::Reverse(sentiment[s.index()])));
    let mut chooser = quotes::Chooser::new(ranked);
    let (mut chosen, mut withheld) = (Vec::new(), 0);
    let mut exhausted = vec![false; order.len()];
    while chosen.len() < QUOTES_PER_THEME && exhausted.iter().any(|e| !e) {
        for (k, s) in order.iter().enumerate() {
            if chosen.len() == QUOTES_PER_THEME || exhausted[k] {
                continue;
            }
            let (i, passed) = chooser.next(|c| c.sentiment == *s, end.allowed);
            withheld += passed;
            match i {
                Some(i) => chosen.push(chooser.quote(i, end.showing, (end.sign)(ranked[i].c))),
                None => exhausted[k] = true,
            }
        }
    }
    (chosen, withheld)
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
        assert_eq!(s.themes[3].quotes.len(), 2);
    }

    /// Six different texts about food.
    const FOOD: [&str; 6] = [
        "De soep was koud, echt niet te eten vandaag.",
        "Het avondeten komt steeds om half vijf, veel te vroeg.",
        "Er is weinig keuze in de broodmaaltijd, altijd kaas.",
        "De koffie op de afdeling smaakt naar niks meer.",
        "Warme maaltijd lauw geserveerd, groente helemaal slap.",
        "Fruit krijgen we bijna nooit, alleen op zondag een appel.",
    ];

    fn at(id: &str, text: &str, location: &str) -> Experience {
        Experience { location: Some(location.into()), date: Some("2025-05-03".into()), ..exp(id, text) }
    }

    #[test]
    fn small_groups_are_merged_hidden_and_not_quoted() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        let food = Assignment { themes: vec![hit(3, 1.0)] };
        for (i, text) in FOOD.iter().enumerate() {
            agg.add(&at(&format!("a{i}"), text, "Eikenhof"), &food, &Judgement::default());
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
        for (i, text) in FOOD[..5].iter().enumerate() {
            agg.add(&at(&format!("a{i}"), text, "Eikenhof"), &food(1.0), &Judgement::default());
        }
        // Two quotes from a ward of two: left out, and counted when they
        // would have come before the ones shown.
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
        assert_eq!(s.themes[3].quotes.len(), QUOTES_PER_THEME);
        assert!(s.themes[3].quotes.iter().all(|q| q.id.starts_with('a')));
        assert!(s.themes[3].withheld <= 2);
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
        let mut quoted: Vec<&str> = overig.quotes.iter().map(|q| q.id.as_str()).collect();
        quoted.sort();
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

    fn judged(overall: Sentiment, themes: &[Sentiment]) -> Judgement {
        Judgement { overall, themes: themes.to_vec() }
    }

    fn by(id: &str, text: &str, role: crate::ingest::Role, date: &str) -> Experience {
        Experience { role: Some(role), date: Some(date.into()), ..exp(id, text) }
    }

    /// 30 experiences on safety and food: clients negative about safety,
    /// naasten mostly positive; food positive for all.
    fn voices_fixture() -> Summary {
        use crate::ingest::Role;
        use Sentiment::{Negatief, Positief};
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        let both = Assignment { themes: vec![hit(0, 1.0), hit(3, 1.0)] };
        for i in 0..15 {
            let text = format!("Ik voel me {i} nachten niet veilig, maar het eten is lekker en warm.");
            agg.add(
                &by(&format!("c{i}"), &text, Role::Client, "2025-02-01"),
                &both,
                &judged(Sentiment::Gemengd, &[Negatief, Positief]),
            );
        }
        for i in 0..15 {
            let (s, date) = if i < 5 { (Negatief, "2025-05-01") } else { (Positief, "2025-05-01") };
            let text = format!("Mijn moeder is veilig hier, al {i} jaar, en het eten smaakt haar goed.");
            agg.add(&by(&format!("n{i}"), &text, Role::Naaste, date), &both, &judged(Positief, &[s, Positief]));
        }
        agg.finish(&Showing::Raw, 5)
    }

    #[test]
    fn sentiment_is_split_per_theme_and_per_group() {
        let s = voices_fixture();
        assert_eq!(s.themes[0].sentiment, [10, 20, 0, 0]);
        assert!((s.themes[0].share_of(Sentiment::Negatief) - 20.0 / 30.0).abs() < 1e-12);
        let role = s.breakdown(Dimension::Role).unwrap();
        let client = role.groups.iter().find(|g| g.group == "client").unwrap();
        assert_eq!(client.sentiment, [Some(0), Some(0), Some(15), Some(0)]);
        assert_eq!(client.share(Sentiment::Gemengd), Some(1.0));
        // Safety and food together in every experience.
        assert_eq!(s.pairs.len(), 1);
        assert_eq!(
            (s.pairs[0].a.as_str(), s.pairs[0].b.as_str(), s.pairs[0].count),
            ("veiligheid", "eten-en-drinken", 30)
        );
        // Two quarters: a trend, with safety negative 15 of 15 in K1 and 5 of 15 in K2.
        assert_eq!(s.trend.periods.len(), 2);
        let k1 = s.trend.periods[0].themes[0];
        assert_eq!((k1.count, k1.negative), (Some(15), Some(15)));
        assert_eq!(s.trend.periods[1].themes[0].negative, Some(5));
        // Food has no negatives: zero is shown.
        assert_eq!(s.trend.periods[1].themes[3].negative, Some(0));
    }

    #[test]
    fn voices_show_where_roles_differ_and_quote_each() {
        let s = voices_fixture();
        assert_eq!(s.voices.axis, Some(VoiceAxis::Role));
        assert_eq!(s.voices.groups, ["client", "naaste"]);
        let safety = s.voices.themes.iter().find(|t| t.id == "veiligheid").unwrap();
        let gap = safety.gap.as_ref().unwrap();
        assert_eq!((gap.higher.as_str(), gap.lower.as_str()), ("client", "naaste"));
        assert!((gap.difference() - (1.0 - 5.0 / 15.0)).abs() < 1e-12);
        let client = &safety.voices[0];
        let q = client.quote.as_ref().unwrap();
        assert!(q.id.starts_with('c') && q.sentiment == Sentiment::Negatief, "{q:?}");
        assert_eq!(q.signature.role, Some(crate::ingest::Role::Client));
        assert_eq!(q.signature.period.as_deref(), Some("2025-K1"));
        // Food: everyone positive, no gap.
        let food = s.voices.themes.iter().find(|t| t.id == "eten-en-drinken").unwrap();
        assert_eq!(food.gap, None);
        assert_eq!(s.voices.by_gap()[0].id, "veiligheid");
    }

    #[test]
    fn the_agenda_ranks_by_the_printed_rule_with_quotes_both_ways() {
        let s = voices_fixture();
        assert!(s.agenda.rule.contains("minstens 10"), "{}", s.agenda.rule);
        assert_eq!(s.agenda.points.len(), 1, "only safety has negatives");
        let p = &s.agenda.points[0];
        assert_eq!(p.id, "veiligheid");
        assert!((p.score - 20.0 * 20.0 / 30.0).abs() < 1e-9);
        assert_eq!(p.goes_well.as_ref().map(|q| q.sentiment), Some(Sentiment::Positief));
        assert!(!p.could_be_better.is_empty() && p.could_be_better.iter().all(|q| q.sentiment == Sentiment::Negatief));
        assert_eq!(p.voices[0].group, "client");
        assert_eq!((p.voices[0].critical, p.voices[0].count), (15, 15));
    }

    #[test]
    fn a_signature_never_names_a_small_group_and_missing_columns_say_why() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        let food = Assignment { themes: vec![hit(3, 1.0)] };
        for (i, text) in FOOD.iter().enumerate() {
            agg.add(&exp(&format!("a{i}"), text), &food, &judged(Sentiment::Negatief, &[Sentiment::Negatief]));
        }
        let s = agg.finish(&Showing::Raw, 5);
        let q = &s.themes[3].quotes[0];
        assert_eq!((q.signature.role, q.signature.period.as_deref()), (None, None));
        assert_eq!(q.signature.question.as_deref(), Some("ervaring"));
        assert_eq!(s.voices.absent, Some(Absence::NoRoleOneQuestion));
        assert_eq!(s.trend.absent, Some(Absence::NoDates));
        assert_eq!(s.dimension(Dimension::Question).unwrap().only.as_deref(), Some("ervaring"));
        // Six negatives: below the agenda's minimum volume.
        assert_eq!(s.agenda.absent, Some(Absence::NothingToRank));
    }

    #[test]
    fn two_questions_are_the_voices_when_there_are_no_roles() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        let food = Assignment { themes: vec![hit(3, 1.0)] };
        for (q, s) in [("Wat gaat goed?", Sentiment::Positief), ("Wat kan beter?", Sentiment::Negatief)] {
            let question: Arc<str> = Arc::from(q);
            for (i, text) in FOOD.iter().enumerate() {
                let e = Experience { question: question.clone(), ..exp(&format!("{q}{i}"), text) };
                agg.add(&e, &food, &judged(s, &[s]));
            }
        }
        let s = agg.finish(&Showing::Raw, 5);
        assert_eq!(s.voices.axis, Some(VoiceAxis::Question));
        assert_eq!(s.voices.groups, ["Wat gaat goed?", "Wat kan beter?"]);
        let food = &s.voices.themes[0];
        assert_eq!(food.voices[1].quote.as_ref().map(|q| q.sentiment), Some(Sentiment::Negatief));
    }
}
