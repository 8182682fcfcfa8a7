//! Quotes people can use: a bounded, deterministic sample of candidates per
//! theme x sentiment x voice while the stream goes, and at the end the
//! typical ones among them, different from each other, short, signed and
//! marked.
//!
//! While aggregating, each list keeps the [`CANDIDATES_PER_LIST`]
//! experiences with the smallest hash of their place in the input (texts of a
//! readable length first): a uniform sample, the same at any thread count,
//! and the work per experience is one hash and one comparison unless it gets
//! in. At the end a candidate is *typical* by how many of its theme's most
//! frequent evidence words (over the theme's whole sample) it uses; the most
//! typical come first, and a candidate whose words overlap an already chosen
//! quote's by [`NEAR_DUPLICATE`] (Jaccard) or more is passed over.

use std::sync::Arc;

use crate::analysis::Span;
use crate::ingest::{Experience, Role};
use crate::privacy::{Showing, Shown};
use crate::sentiment::Sentiment;

/// Candidates kept per theme x sentiment x voice slot.
pub const CANDIDATES_PER_LIST: usize = 6;
/// Roles a candidate is sorted by: client, naaste, medewerker, unknown.
const ROLE_SLOTS: usize = 4;
/// Questions a candidate is sorted by: the first three seen, then the rest.
pub(super) const QUESTION_SLOTS: usize = 4;
/// Slots per theme x sentiment.
const SLOTS: usize = ROLE_SLOTS * QUESTION_SLOTS;
/// Two quotes whose word sets overlap this much (Jaccard) are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;
/// The theme's most frequent evidence words a candidate is measured against.
const PROFILE_TERMS: usize = 12;
/// Longest quote in characters: about two sentences.
pub const MAX_QUOTE_CHARS: usize = 220;
/// Shortest text that reads as a quote rather than a verdict.
const MIN_GOOD_QUOTE_CHARS: usize = 25;
/// Longest whole text preferred as a candidate (longer ones are cut).
const MAX_GOOD_TEXT_CHARS: usize = 400;

/// Who, in answer to what, and when: the signature under a quote. A part is
/// `None` when unknown or when its group is smaller than the minimum, so a
/// signature never points at a small group.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Signature {
    /// Who wrote it.
    pub role: Option<Role>,
    /// The question (text column) it answers.
    pub question: Option<String>,
    /// The quarter it was written in (`2025-K4`).
    pub period: Option<String>,
}

/// A short passage of an experience, shown under a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Quote {
    /// The experience's id.
    pub id: String,
    /// The passage, redacted unless raw text was asked for; " …" marks a cut
    /// at either end.
    pub text: Shown,
    /// How the experience judges the theme the quote stands under.
    pub sentiment: Sentiment,
    /// Who, what question, when.
    pub signature: Signature,
}

/// One kept candidate.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Rank in the sample: smaller is kept (readable length first, then the
    /// hash of the input position).
    key: u64,
    pub seq: u64,
    pub id: String,
    text: String,
    /// The theme's evidence in the text (byte spans).
    evidence: Vec<Span>,
    pub sentiment: Sentiment,
    pub role: Option<Role>,
    pub question: Arc<str>,
    /// Its group in each dimension (order of [`Dimension::ALL`](super::Dimension::ALL)).
    pub groups: Vec<Option<String>>,
}

/// The candidate lists of all themes.
#[derive(Debug)]
pub(super) struct Pool {
    lists: Vec<Vec<Candidate>>,
    /// The first questions seen, for their slots.
    questions: Vec<Arc<str>>,
}

/// SplitMix64: a fixed, well-mixed hash of a number.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn role_slot(role: Option<Role>) -> usize {
    match role {
        Some(Role::Client) => 0,
        Some(Role::Naaste) => 1,
        Some(Role::Medewerker) => 2,
        None => 3,
    }
}

impl Pool {
    /// Lists for `themes` themes.
    pub fn new(themes: usize) -> Self {
        Pool { lists: vec![Vec::new(); themes * 4 * SLOTS], questions: Vec::new() }
    }

    /// The first questions seen (at most three), in input order.
    pub fn questions(&self) -> &[Arc<str>] {
        &self.questions
    }

    fn question_slot(&mut self, question: &Arc<str>) -> usize {
        if let Some(i) = self.questions.iter().position(|q| Arc::ptr_eq(q, question) || **q == **question) {
            return i;
        }
        if self.questions.len() < QUESTION_SLOTS - 1 {
            self.questions.push(question.clone());
            return self.questions.len() - 1;
        }
        QUESTION_SLOTS - 1
    }

    /// Offers `e` as a quote for `theme`; `chars` is its length in chars,
    /// `evidence` the theme's evidence in it.
    pub fn offer(
        &mut self,
        theme: usize,
        sentiment: Sentiment,
        e: &Experience,
        chars: usize,
        seq: u64,
        evidence: &[Span],
    ) {
        let good = (MIN_GOOD_QUOTE_CHARS..=MAX_GOOD_TEXT_CHARS).contains(&chars);
        let key = (u64::from(!good) << 63) | (mix(seq ^ ((theme as u64) << 48)) >> 1);
        let slot = self.question_slot(&e.question) * ROLE_SLOTS + role_slot(e.role);
        let list = &mut self.lists[(theme * 4 + sentiment.index()) * SLOTS + slot];
        if list.len() == CANDIDATES_PER_LIST && list.last().is_some_and(|c| c.key <= key) {
            return;
        }
        let c = Candidate {
            key,
            seq,
            id: e.id.clone(),
            text: e.text.clone(),
            evidence: evidence.to_vec(),
            sentiment,
            role: e.role,
            question: e.question.clone(),
            groups: super::Dimension::ALL.iter().map(|d| d.group_of(e)).collect(),
        };
        let at = list.partition_point(|x| x.key < key);
        list.insert(at, c);
        list.truncate(CANDIDATES_PER_LIST);
    }

    /// The candidates of `theme`, most typical first (see the module docs),
    /// each with its passage and word set.
    pub fn ranked(&self, theme: usize) -> Vec<Ranked<'_>> {
        let lists = &self.lists[theme * 4 * SLOTS..(theme + 1) * 4 * SLOTS];
        let all: Vec<&Candidate> = lists.iter().flatten().collect();
        let profile = profile(&all);
        let mut ranked: Vec<Ranked<'_>> = all
            .into_iter()
            .map(|c| {
                let (passage, cut_before, cut_after) = passage(&c.text, c.evidence.first().copied());
                let words = words(passage);
                let lower = passage.to_lowercase();
                let typical = profile.iter().filter(|t| lower.contains(t.as_str())).count();
                Ranked { c, passage, cut_before, cut_after, words, typical }
            })
            .collect();
        ranked.sort_by(|a, b| b.typical.cmp(&a.typical).then(a.c.key.cmp(&b.c.key)).then(a.c.seq.cmp(&b.c.seq)));
        ranked
    }
}

/// The theme's most frequent evidence words over its candidates (ties in
/// alphabetical order).
fn profile(all: &[&Candidate]) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
    for c in all {
        let mut seen: Vec<String> = Vec::new();
        for s in &c.evidence {
            let Some(w) = c.text.get(s.start as usize..s.end as usize) else { continue };
            let w = w.to_lowercase();
            if w.chars().count() >= 3 && !seen.contains(&w) {
                seen.push(w);
            }
        }
        for w in seen {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut terms: Vec<(String, u64)> = counts.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.into_iter().take(PROFILE_TERMS).map(|(t, _)| t).collect()
}

/// The lower-cased words of four letters or more of a text (the small words
/// that every sentence shares left out), sorted and without repeats.
fn words(text: &str) -> Vec<String> {
    let mut w: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4).map(str::to_lowercase).collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Jaccard overlap of two sorted word sets.
pub(super) fn jaccard(a: &[String], b: &[String]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 { 1.0 } else { both as f64 / union as f64 }
}

/// A candidate at the end, with its passage.
#[derive(Debug)]
pub(super) struct Ranked<'a> {
    pub c: &'a Candidate,
    passage: &'a str,
    cut_before: bool,
    cut_after: bool,
    words: Vec<String>,
    /// Profile words it uses.
    typical: usize,
}

/// Chooses quotes of one theme: typical first, no near-duplicates of what
/// this chooser chose before, none from a small group.
pub(super) struct Chooser<'a, 'r> {
    ranked: &'r [Ranked<'a>],
    chosen: Vec<usize>,
    /// Candidates passed over for a small group (each counted once).
    passed: Vec<bool>,
}

impl<'a, 'r> Chooser<'a, 'r> {
    pub fn new(ranked: &'r [Ranked<'a>]) -> Self {
        Chooser { ranked, chosen: Vec::new(), passed: vec![false; ranked.len()] }
    }

    /// The next candidate that `fits` and that `allowed` (no small group),
    /// not a near-duplicate of one chosen before; with how many candidates
    /// that fit were passed over for not being allowed.
    pub fn next(
        &mut self,
        fits: impl Fn(&Candidate) -> bool,
        allowed: impl Fn(&Candidate) -> bool,
    ) -> (Option<usize>, u64) {
        let mut withheld = 0;
        for (i, r) in self.ranked.iter().enumerate() {
            if !fits(r.c) || self.chosen.iter().any(|&j| j == i || self.ranked[j].c.id == r.c.id) {
                continue;
            }
            if !allowed(r.c) {
                withheld += u64::from(!self.passed[i]);
                self.passed[i] = true;
                continue;
            }
            if self.chosen.iter().any(|&j| jaccard(&self.ranked[j].words, &r.words) >= NEAR_DUPLICATE) {
                continue;
            }
            self.chosen.push(i);
            return (Some(i), withheld);
        }
        (None, withheld)
    }

    /// Candidate `i` as a quote, shown as `showing` says, signed with
    /// `signature`.
    pub fn quote(&self, i: usize, showing: &Showing, signature: Signature) -> Quote {
        let r = &self.ranked[i];
        Quote {
            id: r.c.id.clone(),
            text: showing.show(r.passage).cut(r.cut_before, r.cut_after),
            sentiment: r.c.sentiment,
            signature,
        }
    }
}

/// The part of `text` to quote, and whether it was cut before and after:
/// all of it when short; else the sentence that holds the evidence, and the
/// next one when both fit in [`MAX_QUOTE_CHARS`]; a sentence longer than
/// that is cut at a word.
pub(super) fn passage(text: &str, evidence: Option<Span>) -> (&str, bool, bool) {
    let trimmed = text.trim();
    if trimmed.chars().count() <= MAX_QUOTE_CHARS {
        return (trimmed, false, false);
    }
    let ev = evidence.map_or(0, |s| s.start as usize).min(text.len());
    let ev = (0..=ev).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    // The sentence start: after the last sentence end before the evidence.
    let start = text[..ev].rfind(is_end).map_or(0, |i| i + 1);
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    let rest = &text[start..];
    // Sentence ends after the evidence, within the limit.
    let limit = rest.char_indices().nth(MAX_QUOTE_CHARS).map_or(rest.len(), |(i, _)| i);
    let ends: Vec<usize> = rest[..limit]
        .char_indices()
        .filter(|&(i, c)| is_end(c) && start + i >= ev)
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    let end = match ends.as_slice() {
        // Two sentences when they fit, else one.
        [_, second, ..] => *second,
        [first] => *first,
        // One long sentence: cut at the last word within the limit.
        [] => rest[..limit].rfind(char::is_whitespace).filter(|&i| i > 0).unwrap_or(limit),
    };
    let quote = rest[..end].trim();
    let after = text[start + end..].trim();
    (quote, start > 0 && !text[..start].trim().is_empty(), !after.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, word: &str) -> Option<Span> {
        let at = text.find(word)? as u32;
        Some(Span { start: at, end: at + word.len() as u32, char_start: at, char_end: at + word.len() as u32 })
    }

    #[test]
    fn long_texts_are_cut_at_sentences_around_the_evidence() {
        let long = format!(
            "{} De soep was lauw. En het vlees taai. {}",
            "Eerst iets anders. ".repeat(20),
            "En verder nog veel meer. ".repeat(20)
        );
        let (p, before, after) = passage(&long, span(&long, "soep"));
        assert_eq!(p, "De soep was lauw. En het vlees taai.");
        assert!(before && after);
        // One long sentence is cut at a word.
        let one = format!("De soep {}", "was echt heel erg lauw en ".repeat(20));
        let (p, before, after) = passage(&one, span(&one, "soep"));
        assert!(p.starts_with("De soep") && p.chars().count() <= MAX_QUOTE_CHARS && !p.ends_with(' '), "{p}");
        assert!(!before && after);
        // A short text whole.
        assert_eq!(passage(" Kort. ", None), ("Kort.", false, false));
    }

    #[test]
    fn jaccard_counts_shared_words() {
        let a = words("De soep was koud en lang");
        let b = words("de soep was lauw en lang");
        // Small words do not count: soep and lang of koud, lauw, soep, lang.
        assert!((jaccard(&a, &b) - 2.0 / 4.0).abs() < 1e-12);
        assert_eq!(jaccard(&a, &words("iets heel anders")), 0.0);
    }

    fn exp(id: &str, text: &str) -> Experience {
        Experience::new(id.to_string(), text)
    }

    #[test]
    fn the_sample_is_bounded_and_the_same_whatever_comes_first() {
        let mut pool = Pool::new(1);
        for i in 0..1000u64 {
            let e = exp(&format!("E{i}"), "De soep was weer koud vandaag, jammer.");
            pool.offer(0, Sentiment::Negatief, &e, 40, i, &[]);
        }
        let kept: usize = pool.lists.iter().map(Vec::len).sum();
        assert_eq!(kept, CANDIDATES_PER_LIST);
        let ids: Vec<String> = pool.lists.iter().flatten().map(|c| c.id.clone()).collect();
        let mut pool2 = Pool::new(1);
        for i in (0..1000u64).rev() {
            let e = exp(&format!("E{i}"), "De soep was weer koud vandaag, jammer.");
            pool2.offer(0, Sentiment::Negatief, &e, 40, i, &[]);
        }
        let ids2: Vec<String> = pool2.lists.iter().flatten().map(|c| c.id.clone()).collect();
        assert_eq!(ids, ids2);
    }

    #[test]
    fn typical_quotes_first_and_no_near_duplicates() {
        let mut pool = Pool::new(1);
        let texts = [
            "De soep is koud en het eten komt laat.",
            "De soep is koud en het eten komt te laat.",
            "Het eten is lekker en de soep warm.",
            "Mijn kamer is klein maar het uitzicht is prachtig over de tuin.",
        ];
        for (i, t) in texts.iter().enumerate() {
            let ev: Vec<Span> = ["soep", "eten"].iter().filter_map(|w| span(t, w)).collect();
            pool.offer(0, Sentiment::Negatief, &exp(&format!("E{i}"), t), t.len(), i as u64, &ev);
        }
        let ranked = pool.ranked(0);
        // The text without the theme's words comes last.
        assert_eq!(ranked.last().unwrap().c.id, "E3");
        let mut chooser = Chooser::new(&ranked);
        let mut chosen = Vec::new();
        while let (Some(i), _) = chooser.next(|_| true, |_| true) {
            chosen.push(ranked[i].c.id.clone());
        }
        // E0 and E1 are near-duplicates: one of them only.
        assert_eq!(chosen.iter().filter(|id| *id == "E0" || *id == "E1").count(), 1, "{chosen:?}");
        assert_eq!(chosen.len(), 3);
    }
}
