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
}

#[derive(Debug, Clone)]
struct Candidate {
    good_length: bool,
    score: f32,
    seq: u64,
    id: String,
    text: String,
    evidence: Span,
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
}

impl Aggregator {
    /// An empty aggregator for the themes of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> Self {
        let mut labels: Vec<(String, String, String)> =
            taxonomy.themes().iter().map(|t| (t.id.clone(), t.label.clone(), t.description.clone())).collect();
        labels.push((OVERIG.into(), "Overig (geen thema)".into(), "Past bij geen van de thema's.".into()));
        let n = labels.len();
        Aggregator { labels, counts: vec![0; n], candidates: vec![Vec::new(); n], seen: 0 }
    }

    /// Adds one analysed experience (in input order).
    pub fn add(&mut self, experience: &Experience, assignment: &Assignment) {
        let seq = self.seen;
        self.seen += 1;
        let overig = self.labels.len() - 1;
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
        let probe = Candidate { good_length, score, seq, id: String::new(), text: String::new(), evidence };
        if list.len() == QUOTES_PER_THEME && !list.iter().any(|c| probe.better_than(c)) {
            return;
        }
        let c = Candidate { id: e.id.clone(), text: e.text.clone(), ..probe };
        let at = list.iter().position(|x| c.better_than(x)).unwrap_or(list.len());
        list.insert(at, c);
        list.truncate(QUOTES_PER_THEME);
    }

    /// The summary; quotes are redacted by `redactor`, or left raw when it is
    /// `None`.
    pub fn finish(self, redactor: Option<&Redactor>) -> Summary {
        let total = self.seen;
        let themes = self
            .labels
            .into_iter()
            .zip(self.counts)
            .zip(self.candidates)
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
        Summary { experiences: total, themes }
    }
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
        let s = agg.finish(None);
        assert_eq!(s.experiences, 3);
        assert_eq!(s.themes.len(), 13);
        assert_eq!((s.themes[3].count, s.themes[0].count, s.themes[12].count), (2, 1, 1));
        assert_eq!(s.themes[12].id, "overig");
        assert!((s.themes[3].share - 2.0 / 3.0).abs() < 1e-12);
        // The readable-length, higher-score quote comes first.
        assert_eq!(s.themes[3].quotes[0].id, "1");
        assert_eq!(s.themes[3].quotes.len(), 2);
    }

    #[test]
    fn quotes_are_redacted() {
        let tax = Taxonomy::default();
        let mut agg = Aggregator::new(&tax);
        agg.add(&exp("1", "Zuster Anja bracht de soep, die was koud."), &Assignment { themes: vec![hit(3, 1.0)] });
        let s = agg.finish(Some(&Redactor::new()));
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
