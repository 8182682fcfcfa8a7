//! The cue-based theme assigner.
//!
//! Every cue of the taxonomy is analysed with the same [`Analyzer`] as the
//! texts, so it becomes a sequence of interned stems: "maaltijden" and
//! "maaltijd" meet, and a phrase like "over mijn hoofd heen" is matched word
//! by word. Per experience, each theme's score is the sum of the weights of the
//! distinct cues that occur (a cue said twice counts once). A compound whose
//! whole word is no cue counts through its parts, at a lower weight
//! ("personeelstekort": personeel, tekort). The themes scoring at least the
//! threshold are assigned, at most three, best first; none means `overig`.
//! Every match is kept as evidence: where in the text it stands.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::analysis::{Analyzer, NO_TERM, Span, TermId, Token};
use crate::error::Error;
use crate::theme::taxonomy::{Taxonomy, Theme};

/// Settings of the assigner.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignerSettings {
    /// Smallest score that assigns a theme.
    pub threshold: f32,
    /// Most themes per experience.
    pub max_themes: usize,
    /// Weight factor for a cue matched through a compound's part.
    pub part_factor: f32,
    /// Most words allowed between two words of a phrase cue.
    pub max_gap: usize,
    /// Most evidence spans kept per theme.
    pub max_evidence: usize,
    /// A theme is kept only if its score is at least this share of the best
    /// theme's score (0 turns the rule off): what a text mentions in passing
    /// does not stand beside what it is about.
    pub min_share: f32,
}

impl Default for AssignerSettings {
    fn default() -> Self {
        AssignerSettings {
            threshold: 1.0,
            max_themes: 3,
            part_factor: 0.75,
            max_gap: 1,
            max_evidence: 8,
            min_share: 0.0,
        }
    }
}

/// A theme assigned to an experience: which theme ([`ThemeHit::id`],
/// [`ThemeHit::label`]), how strongly, and the words that led to it
/// ([`ThemeHit::evidence_text`]).
///
/// ```
/// use leefwereld::{Engine, Taxonomy};
/// let engine = Engine::new(Taxonomy::default())?;
/// let text = "De soep was lauw.";
/// let hit = &engine.assign(text).themes[0];
/// assert_eq!((hit.id(), hit.label()), ("eten-en-drinken", "Eten en drinken"));
/// assert_eq!(hit.evidence_text(text).collect::<Vec<_>>(), ["soep", "lauw"]);
/// # Ok::<(), leefwereld::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ThemeHit {
    /// Index of the theme in the taxonomy.
    pub theme: usize,
    /// Sum of the weights of the cues that matched.
    pub score: f32,
    /// Where the matching words stand in the text, in order.
    pub evidence: Vec<Span>,
    /// The theme's id and label, shared by all its hits (one reference
    /// count per hit, no allocation).
    name: Arc<ThemeName>,
}

/// A theme's id and label, built once per assigner.
#[derive(Debug, PartialEq, Eq)]
struct ThemeName {
    id: Box<str>,
    label: Box<str>,
}

impl ThemeName {
    fn new(theme: &Theme) -> Arc<ThemeName> {
        Arc::new(ThemeName { id: theme.id.as_str().into(), label: theme.label.as_str().into() })
    }
}

impl ThemeHit {
    /// A hit of theme `theme` (an index into `taxonomy`'s themes), for an
    /// assigner of one's own whose results go to the
    /// [`Aggregator`](crate::aggregate::Aggregator). Panics if there is no such theme.
    pub fn new(taxonomy: &Taxonomy, theme: usize, score: f32, evidence: Vec<Span>) -> ThemeHit {
        ThemeHit { theme, score, evidence, name: ThemeName::new(&taxonomy.themes()[theme]) }
    }

    /// The theme's id (`eten-en-drinken`).
    pub fn id(&self) -> &str {
        &self.name.id
    }

    /// The theme's Dutch label (`Eten en drinken`).
    pub fn label(&self) -> &str {
        &self.name.label
    }

    /// The words of the evidence, in order: the parts of `text` (the text
    /// this hit was assigned in) that [`ThemeHit::evidence`] points at. A
    /// span that does not fit `text` gives "".
    pub fn evidence_text<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        self.evidence.iter().map(move |s| span_text(text, s))
    }
}

/// The part of `text` at `span`; "" when it does not fit.
fn span_text<'t>(text: &'t str, span: &Span) -> &'t str {
    text.get(span.start as usize..span.end as usize).unwrap_or_default()
}

/// A cue that counted for a theme in one text ([`ThemeAssigner::explain`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CueHit {
    /// Index of the theme in the taxonomy.
    pub theme: usize,
    /// The cue as the taxonomy writes it (of several cues with the same
    /// stems, the heaviest).
    pub cue: String,
    /// Where it matched.
    pub span: Span,
    /// What it added to the theme's score.
    pub weight: f32,
    /// Matched through a part of a compound ("personeelstekort": tekort).
    pub in_compound: bool,
}

impl CueHit {
    /// The words it matched: the part of `text` (the text it was found in)
    /// at [`CueHit::span`]; "" when the span does not fit `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        span_text(text, &self.span)
    }
}

/// The themes of one experience, best first; empty means `overig`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Assignment {
    /// The assigned themes.
    pub themes: Vec<ThemeHit>,
}

impl Assignment {
    /// True when no theme was assigned (`overig`).
    pub fn is_overig(&self) -> bool {
        self.themes.is_empty()
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    theme: u16,
    weight: f32,
}

#[derive(Debug, Clone)]
struct Phrase {
    terms: Box<[TermId]>,
    theme: u16,
    weight: f32,
    id: u32,
}

/// A node of the phrase trie: the phrases that end here, and the next words.
#[derive(Debug, Clone, Default)]
struct Node {
    /// (theme, weight, phrase id) of the phrases that end at this node.
    ends: Vec<(u16, f32, u32)>,
    /// Next word -> node, sorted by term.
    children: Vec<(TermId, u32)>,
}

impl Node {
    fn child(&self, term: TermId) -> Option<u32> {
        self.children.binary_search_by_key(&term, |c| c.0).ok().map(|i| self.children[i].1)
    }
}

/// A node of the compiled phrase trie.
#[derive(Debug, Clone)]
struct TrieNode {
    /// Its phrases in the assigner's `ends`.
    ends: std::ops::Range<u32>,
    /// Some phrase goes on from here.
    goes_on: bool,
}

/// The cues of a taxonomy while the assigner is built.
#[derive(Default)]
struct CueTable {
    /// Word cues: per term, its themes with their heaviest weight.
    unigrams: FxHashMap<TermId, Vec<Entry>>,
    phrases: Vec<Phrase>,
    /// (theme, match key) -> the cue as written.
    texts: FxHashMap<(u16, u32), Box<str>>,
}

impl CueTable {
    /// Adds a cue of `theme` (analysed into `tokens`); `text` is how it is
    /// written, kept for explanations.
    fn add(&mut self, tokens: &[Token], theme: u16, weight: f32, text: Option<&str>) {
        if let [token] = tokens {
            // Cues come heaviest first (strong, cues, weak), so the first
            // cue of a stem is the one whose weight counts.
            if let Some(text) = text {
                self.texts.entry((theme, token.term)).or_insert_with(|| text.into());
            }
            let list = self.unigrams.entry(token.term).or_default();
            match list.iter_mut().find(|e| e.theme == theme) {
                Some(e) => e.weight = e.weight.max(weight),
                None => list.push(Entry { theme, weight }),
            }
        } else {
            let id = self.phrases.len() as u32;
            if let Some(text) = text {
                self.texts.insert((theme, id | PHRASE_KEY), text.into());
            }
            self.phrases.push(Phrase { terms: tokens.iter().map(|t| t.term).collect(), theme, weight, id });
        }
    }
}

/// Assigns themes to analysed texts with the cues of a taxonomy.
#[derive(Debug, Clone)]
pub struct ThemeAssigner {
    themes: usize,
    /// Indexed by term id: the index into `entries`, or `u32::MAX`.
    slots: Vec<u32>,
    entries: Vec<Box<[Entry]>>,
    /// Indexed by term id: the trie node of the phrases that start with the
    /// term, or `u32::MAX`.
    phrase_slots: Vec<u32>,
    /// Bit per term id: the term stands after the first word of some phrase
    /// (words that do not are skipped without a trie lookup).
    follows: Vec<u64>,
    /// (node, next term) -> child node.
    edges: FxHashMap<u64, u32>,
    /// The phrase trie, one small node per phrase prefix: the range of its
    /// phrases in `ends`, and whether any phrase goes on from it.
    nodes: Vec<TrieNode>,
    /// (theme, weight, phrase id) of the phrases that end at each node.
    ends: Vec<(u16, f32, u32)>,
    settings: AssignerSettings,
    /// (theme, match key) -> the cue as written, for explanations.
    cue_texts: FxHashMap<(u16, u32), Box<str>>,
    /// Per theme, its id and label, for the hits.
    names: Vec<Arc<ThemeName>>,
}

const NONE: u32 = u32::MAX;

/// The top bit of a phrase's match key (a word's key is its term).
const PHRASE_KEY: u32 = 1 << 31;

/// The pseudo-theme of `ignore` entries; sorts after every real theme.
const IGNORED: u16 = u16::MAX;

impl ThemeAssigner {
    /// Compiles the cues of `taxonomy` with `analyzer` (which must be the one
    /// that will analyse the texts).
    pub fn new(taxonomy: &Taxonomy, analyzer: &Analyzer, settings: AssignerSettings) -> Result<Self, Error> {
        let mut cues = CueTable::default();
        for (ti, theme) in taxonomy.themes().iter().enumerate() {
            let theme_index = u16::try_from(ti)
                .ok()
                .filter(|&t| t < IGNORED)
                .ok_or_else(|| taxonomy.cue_error(ti, 0, "more than 65534 themes".into()))?;
            for (ci, cue) in theme.cues.iter().enumerate() {
                let tokens = analyzer.analyse(&cue.text);
                let fail = |message| taxonomy.cue_error(ti, ci, message);
                if tokens.is_empty() || tokens.iter().any(|t| t.term == NO_TERM) {
                    return Err(fail(format!("theme '{}': cue '{}' has no usable words", theme.id, cue.text)));
                }
                if tokens.len() == 1 && tokens[0].flags.is_stopword() {
                    return Err(fail(format!(
                        "theme '{}': cue '{}' is a stopword and would match almost any text",
                        theme.id, cue.text
                    )));
                }
                cues.add(&tokens, theme_index, cue.weight, Some(&cue.text));
            }
        }
        // The `ignore` entries: matches of the pseudo-theme IGNORED, which
        // only mark where cue matches do not count.
        for (i, text) in taxonomy.ignored().iter().enumerate() {
            let tokens = analyzer.analyse(text);
            if tokens.is_empty() || tokens.iter().any(|t| t.term == NO_TERM) {
                return Err(taxonomy.ignore_error(i, format!("ignore entry '{text}' has no usable words")));
            }
            cues.add(&tokens, IGNORED, 0.0, None);
        }
        let CueTable { mut unigrams, phrases, texts: cue_texts } = cues;
        let max = unigrams.keys().copied().max().map_or(0, |m| m as usize + 1);
        let mut slots = vec![NONE; max];
        let mut terms: Vec<TermId> = unigrams.keys().copied().collect();
        terms.sort_unstable();
        let mut entries = Vec::with_capacity(terms.len());
        for term in terms {
            slots[term as usize] = entries.len() as u32;
            entries.push(unigrams.remove(&term).unwrap_or_default().into_boxed_slice());
        }
        let mut phrase_slots: Vec<u32> = Vec::new();
        let mut nodes: Vec<Node> = Vec::new();
        for p in &phrases {
            let first = p.terms[0] as usize;
            if phrase_slots.len() <= first {
                phrase_slots.resize(first + 1, NONE);
            }
            if phrase_slots[first] == NONE {
                phrase_slots[first] = nodes.len() as u32;
                nodes.push(Node::default());
            }
            let mut at = phrase_slots[first] as usize;
            for &term in &p.terms[1..] {
                at = match nodes[at].child(term) {
                    Some(n) => n as usize,
                    None => {
                        let n = nodes.len() as u32;
                        nodes.push(Node::default());
                        let pos = nodes[at].children.partition_point(|c| c.0 < term);
                        nodes[at].children.insert(pos, (term, n));
                        n as usize
                    }
                };
            }
            nodes[at].ends.push((p.theme, p.weight, p.id));
        }
        let mut follows: Vec<u64> = Vec::new();
        for &term in phrases.iter().flat_map(|p| &p.terms[1..]) {
            let word = term as usize / 64;
            if follows.len() <= word {
                follows.resize(word + 1, 0);
            }
            follows[word] |= 1 << (term % 64);
        }
        let mut edges: FxHashMap<u64, u32> = FxHashMap::default();
        let mut ends = Vec::new();
        let mut compact = Vec::with_capacity(nodes.len());
        for (i, n) in nodes.iter().enumerate() {
            for &(term, child) in &n.children {
                edges.insert((i as u64) << 32 | term as u64, child);
            }
            let from = ends.len() as u32;
            ends.extend_from_slice(&n.ends);
            compact.push(TrieNode { ends: from..ends.len() as u32, goes_on: !n.children.is_empty() });
        }
        Ok(ThemeAssigner {
            edges,
            themes: taxonomy.themes().len(),
            slots,
            entries,
            phrase_slots,
            follows,
            nodes: compact,
            ends,
            settings,
            cue_texts,
            names: taxonomy.themes().iter().map(ThemeName::new).collect(),
        })
    }

    /// The settings in use.
    pub fn settings(&self) -> &AssignerSettings {
        &self.settings
    }

    #[inline]
    fn unigram(&self, term: TermId) -> &[Entry] {
        match self.slots.get(term as usize) {
            Some(&s) if s != NONE => &self.entries[s as usize],
            _ => &[],
        }
    }

    /// Every theme's score and evidence for a text's tokens (index = theme).
    pub fn score(&self, tokens: &[Token]) -> Vec<ThemeHit> {
        let mut scratch = Scratch::default();
        self.collect(tokens, &mut scratch);
        (0..self.themes).map(|t| self.hit(t, &scratch)).collect()
    }

    /// Finds every cue match in `tokens` and scores the themes: per theme,
    /// the heaviest matches that do not overlap each other count (a phrase
    /// and a word inside it count once, at the phrase's weight), and a cue
    /// found twice counts once, at its first place that no heavier match
    /// covers.
    fn collect(&self, tokens: &[Token], scratch: &mut Scratch) {
        scratch.scores.clear();
        scratch.scores.resize(self.themes, 0.0);
        scratch.matches.clear();
        // Positions in half tokens: a whole word i covers [2i, 2i+1], a
        // compound's modifier [2i, 2i] and its head [2i+1, 2i+1].
        let add = |scratch: &mut Scratch, e: Entry, key: u32, span: Span, range: (u32, u32), weight: f32| {
            add_match(scratch, Match { theme: e.theme, key, span, range, weight, kept: false });
        };
        for (i, token) in tokens.iter().enumerate() {
            if token.term == NO_TERM {
                continue;
            }
            let at = 2 * i as u32;
            // Single-word cues never match function words: a stem can
            // coincide with one ("hete" stems to "het").
            let whole = if token.flags.is_stopword() { &[][..] } else { self.unigram(token.term) };
            for &e in whole {
                add(scratch, e, token.term, token.span, (at, at + 1), e.weight);
            }
            if token.is_compound() {
                // The head carries a compound's meaning (an avondeten is eten);
                // the modifier only counts through a cue that is not weak
                // (a nachtkastje is no night).
                for (part, is_head) in [(token.parts[1], true), (token.parts[0], false)] {
                    for &e in self.unigram(part) {
                        let counts = e.theme != IGNORED && (is_head || e.weight >= crate::theme::taxonomy::CUE_WEIGHT);
                        if counts && !whole.iter().any(|w| w.theme == e.theme) {
                            let half = at + is_head as u32;
                            add(scratch, e, part, token.span, (half, half), e.weight * self.settings.part_factor);
                        }
                    }
                }
            }
            if let Some(&node) = self.phrase_slots.get(token.term as usize).filter(|&&s| s != NONE) {
                self.walk(node, i, i, tokens, scratch);
            }
        }
        // Per theme, heaviest first (earlier first on ties): a match counts
        // unless its cue already counted or it overlaps a match that did.
        let m = &mut scratch.matches;
        m.sort_unstable_by(|a, b| {
            a.theme
                .cmp(&b.theme)
                .then(b.weight.total_cmp(&a.weight))
                .then(a.range.cmp(&b.range))
                .then(a.key.cmp(&b.key))
        });
        // The `ignore` matches sort last: a cue match wholly inside one of
        // them does not count.
        let real = m.partition_point(|x| x.theme != IGNORED);
        let ignored = &mut scratch.ignored;
        ignored.clear();
        ignored.extend(m[real..].iter().map(|x| x.range));
        let kept = &mut scratch.kept;
        let mut group = 0;
        while group < real {
            let theme = m[group].theme;
            let end = m[group..real].iter().position(|x| x.theme != theme).map_or(real, |k| group + k);
            kept.clear();
            for x in &mut m[group..end] {
                let (lo, hi) = x.range;
                if ignored.iter().any(|&(a, b)| a <= lo && hi <= b) {
                    continue;
                }
                if !kept.iter().any(|&(key, a, b)| key == x.key || (a <= hi && lo <= b)) {
                    x.kept = true;
                    kept.push((x.key, lo, hi));
                    scratch.scores[theme as usize] += x.weight;
                }
            }
            group = end;
        }
    }

    /// Theme `t`'s hit from collected matches, evidence in text order.
    fn hit(&self, t: usize, scratch: &Scratch) -> ThemeHit {
        let mut evidence: Vec<Span> =
            scratch.matches.iter().filter(|m| m.theme as usize == t && m.kept).map(|m| m.span).collect();
        evidence.sort_by_key(|s| (s.start, s.end));
        evidence.dedup();
        evidence.truncate(self.settings.max_evidence);
        ThemeHit { theme: t, score: scratch.scores[t], evidence, name: self.names[t].clone() }
    }

    /// Follows the phrase trie from `node` (matched up to token `at`, the
    /// phrase starting at token `start`): every phrase that ends is a match;
    /// the next word may stand up to `max_gap` words further.
    fn walk(&self, node: u32, start: usize, at: usize, tokens: &[Token], scratch: &mut Scratch) {
        let n = &self.nodes[node as usize];
        for &(theme, weight, id) in &self.ends[n.ends.start as usize..n.ends.end as usize] {
            let span = Span {
                start: tokens[start].span.start,
                end: tokens[at].span.end,
                char_start: tokens[start].span.char_start,
                char_end: tokens[at].span.char_end,
            };
            let range = (2 * start as u32, 2 * at as u32 + 1);
            add_match(scratch, Match { theme, key: id | PHRASE_KEY, span, range, weight, kept: false });
        }
        if !n.goes_on {
            return;
        }
        let to = (at + 2 + self.settings.max_gap).min(tokens.len());
        for j in at + 1..to {
            // A phrase stays within one sentence.
            if tokens[j].flags.is_sentence_start() {
                break;
            }
            let term = tokens[j].term;
            let follows = self.follows.get(term as usize / 64).is_some_and(|w| w & (1 << (term % 64)) != 0);
            if !follows {
                continue;
            }
            if let Some(&child) = self.edges.get(&((node as u64) << 32 | term as u64)) {
                self.walk(child, start, j, tokens, scratch);
            }
        }
    }

    /// The cues that counted for every theme in a text's tokens (whether or
    /// not the theme reached the threshold), in text order: what the
    /// evidence of [`ThemeAssigner::assign`] consists of, by cue.
    ///
    /// ```
    /// use leefwereld::{Engine, Taxonomy};
    /// let engine = Engine::new(Taxonomy::default()).unwrap();
    /// let text = "Door het personeelstekort was de soep lauw.";
    /// let hits = engine.assigner().explain(&engine.analyzer().analyse(text));
    /// let eten = hits.iter().find(|h| h.cue == "soep").unwrap();
    /// assert_eq!(eten.text(text), "soep");
    /// ```
    pub fn explain(&self, tokens: &[Token]) -> Vec<CueHit> {
        let mut scratch = Scratch::default();
        self.collect(tokens, &mut scratch);
        let mut hits: Vec<CueHit> = scratch
            .matches
            .iter()
            .filter(|m| m.kept)
            .map(|m| CueHit {
                theme: m.theme as usize,
                cue: self.cue_texts.get(&(m.theme, m.key)).map_or_else(String::new, |c| c.to_string()),
                span: m.span,
                weight: m.weight,
                in_compound: m.range.0 == m.range.1,
            })
            .collect();
        hits.sort_by_key(|h| (h.span.start, h.span.end, h.theme));
        hits
    }

    /// The assigned themes for a text's tokens.
    pub fn assign(&self, tokens: &[Token]) -> Assignment {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
        }
        SCRATCH.with_borrow_mut(|scratch| {
            self.collect(tokens, scratch);
            let best = scratch.scores.iter().copied().fold(0.0f32, f32::max);
            let floor = self.settings.threshold.max(best * self.settings.min_share);
            let mut chosen: Vec<usize> = (0..self.themes).filter(|&t| scratch.scores[t] >= floor).collect();
            // Best first; equal scores keep the taxonomy's order (stable sort).
            chosen.sort_by(|&a, &b| scratch.scores[b].total_cmp(&scratch.scores[a]));
            chosen.truncate(self.settings.max_themes);
            Assignment { themes: chosen.into_iter().map(|t| self.hit(t, scratch)).collect() }
        })
    }
}

/// Working memory of one scoring pass, reused across texts.
#[derive(Debug, Default)]
struct Scratch {
    scores: Vec<f32>,
    matches: Vec<Match>,
    /// (cue, range) of the matches counted for the theme being resolved.
    kept: Vec<(u32, u32, u32)>,
    /// Ranges of the `ignore` matches.
    ignored: Vec<(u32, u32)>,
}

/// One distinct cue found in a text.
#[derive(Debug, Clone, Copy)]
struct Match {
    theme: u16,
    /// The cue: its term, or its phrase id with the top bit set.
    key: u32,
    span: Span,
    /// Where it stands, in half tokens (inclusive).
    range: (u32, u32),
    weight: f32,
    /// Counted in the theme's score.
    kept: bool,
}

/// Most matches recorded per text: far more than any real text has, and a
/// bound on the work for pathological input (one word repeated a million
/// times).
const MAX_MATCHES: usize = 4096;

/// Records a match.
#[inline]
fn add_match(scratch: &mut Scratch, m: Match) {
    if scratch.matches.len() < MAX_MATCHES {
        scratch.matches.push(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn setup(toml: &str) -> (Taxonomy, Analyzer, ThemeAssigner) {
        let tax = Taxonomy::from_toml(toml, "t").unwrap();
        let an = Analyzer::builder().known_words(tax.cue_words()).build();
        let asg = ThemeAssigner::new(&tax, &an, AssignerSettings::default()).unwrap();
        (tax, an, asg)
    }

    const TAX: &str = r#"
[[themes]]
id = "eten"
label = "Eten"
strong = ["avondeten"]
cues = ["maaltijd", "soep", "eten"]
weak = ["tafel"]

[[themes]]
id = "bejegening"
label = "Bejegening"
cues = ["over mijn hoofd heen", "als een kind"]

[[themes]]
id = "personeel"
label = "Personeel"
cues = ["personeel", "tekort"]
"#;

    #[test]
    fn ignored_phrases_are_no_evidence() {
        let toml = r#"
ignore = ["met vriendelijke groet", "zorggroep de soep", "mvg"]

[[themes]]
id = "bejegening"
label = "Bejegening"
cues = ["vriendelijk", "groet"]

[[themes]]
id = "eten"
label = "Eten"
cues = ["soep"]
"#;
        let run = |text: &str| -> Vec<(String, Vec<String>)> {
            themes_in(toml, text).into_iter().map(|(id, _, ev)| (id, ev)).collect()
        };
        assert!(run("Met vriendelijke groet, Zorggroep De Soep").is_empty());
        assert!(run("Dank je, mvg").is_empty());
        // Outside the formula the same words count.
        assert_eq!(
            run("Ze zijn zo vriendelijk. Met vriendelijke groet"),
            [("bejegening".into(), vec!["vriendelijk".into()])]
        );
        assert_eq!(
            run("Bij Zorggroep De Soep was de soep koud."),
            [("eten".into(), vec!["soep".into()])],
            "the second soep counts"
        );
    }

    fn themes(text: &str) -> Vec<(String, f32, Vec<String>)> {
        themes_in(TAX, text)
    }

    /// (theme id, score, evidence) of `text` under the taxonomy `toml`.
    fn themes_in(toml: &str, text: &str) -> Vec<(String, f32, Vec<String>)> {
        let (tax, an, asg) = setup(toml);
        let tokens = an.analyse(text);
        asg.assign(&tokens)
            .themes
            .iter()
            .map(|h| {
                assert_eq!(h.id(), tax.themes()[h.theme].id);
                (h.id().to_string(), h.score, h.evidence_text(text).map(String::from).collect())
            })
            .collect()
    }

    #[test]
    fn stems_match_inflections() {
        assert_eq!(themes("De maaltijden zijn prima"), [("eten".into(), 1.0, vec!["maaltijden".into()])]);
    }

    #[test]
    fn repeated_cues_count_once_with_their_first_place_as_evidence() {
        let got = themes("soep, soep en nog eens soep");
        assert_eq!(got, [("eten".into(), 1.0, vec!["soep".into()])]);
    }

    #[test]
    fn weak_cues_alone_do_not_assign() {
        assert!(themes("aan tafel").is_empty());
        assert_eq!(themes("aan tafel met soep")[0].1, 1.5);
    }

    #[test]
    fn phrases_match_in_order_with_small_gaps() {
        let got = themes("Ze praten over mijn hoofd heen.");
        assert_eq!(got, [("bejegening".into(), 1.0, vec!["over mijn hoofd heen".into()])]);
        assert_eq!(themes("behandeld als een klein kind")[0].0, "bejegening");
        assert!(themes("hoofd over mijn heen").is_empty());
        // Not across a sentence end.
        assert!(themes("Ze praten over mijn. Hoofd heen").is_empty());
    }

    #[test]
    fn compounds_count_through_their_parts() {
        let got = themes("Het personeelstekort is groot");
        assert_eq!(got, [("personeel".into(), 1.5, vec!["personeelstekort".into()])]);
        // A whole-word cue wins over its parts.
        assert_eq!(themes("avondeten")[0].1, 2.0);
    }

    #[test]
    fn a_phrase_and_a_word_inside_it_count_once() {
        let toml = "[[themes]]\nid = \"g\"\nlabel = \"G\"\nstrong = [\"neemt de tijd\"]\ncues = [\"tijd\"]\nweak = [\"neemt\"]\n";
        let (_, an, asg) = setup(toml);
        let text = "Ze neemt echt de tijd voor me, ook als er geen tijd is.";
        let hits = asg.assign(&an.analyse(text));
        // The phrase (2) and the later, separate 'tijd' (1); 'neemt' and
        // the first 'tijd' are inside the phrase.
        assert_eq!(hits.themes[0].score, 3.0);
        let ev: Vec<&str> = hits.themes[0].evidence_text(text).collect();
        assert_eq!(ev, ["neemt echt de tijd", "tijd"]);
    }

    #[test]
    fn several_themes_best_first() {
        let got = themes("Het avondeten was koud en door het personeelstekort duurde het lang.");
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["eten", "personeel"]);
    }

    #[test]
    fn stopwords_are_not_single_word_evidence() {
        let (tax, an, asg) = setup("[[themes]]\nid = \"eten\"\nlabel = \"Eten\"\ncues = [\"hete\", \"soep\"]\n");
        let text = "het is soep";
        let hits = asg.assign(&an.analyse(text));
        assert_eq!(tax.themes()[hits.themes[0].theme].id, "eten");
        assert_eq!(hits.themes[0].evidence.len(), 1);
    }

    #[test]
    fn nothing_fits_is_overig() {
        let (_, an, asg) = setup(TAX);
        assert!(asg.assign(&an.analyse("De parkeerplaats is te klein.")).is_overig());
    }

    /// The stopword-cue error named neither the file nor the line.
    #[test]
    fn stopword_cue_error_names_file_and_line() {
        let toml = "[[themes]]\nid = \"x\"\nlabel = \"X\"\ncues = [\"soep\",\n  \"het\"]\n";
        let tax = Taxonomy::from_toml(toml, "mijn.toml").unwrap();
        let an = Analyzer::new();
        let err = ThemeAssigner::new(&tax, &an, AssignerSettings::default()).unwrap_err();
        assert_eq!(err.to_string(), "mijn.toml:5: theme 'x': cue 'het' is a stopword and would match almost any text");
        assert!(matches!(err.kind(), ErrorKind::Taxonomy { line: Some(5), .. }), "{err:?}");
        assert_eq!(err.position(), Some(("mijn.toml", 5)));
        let toml = "ignore = [\"mvg\",\n  \"...\"]\n[[themes]]\nid = \"x\"\nlabel = \"X\"\ncues = [\"soep\"]\n";
        let tax = Taxonomy::from_toml(toml, "mijn.toml").unwrap();
        let err = ThemeAssigner::new(&tax, &an, AssignerSettings::default()).unwrap_err();
        assert_eq!(err.to_string(), "mijn.toml:2: ignore entry '...' has no usable words");
    }
}
