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

use rustc_hash::FxHashMap;

use crate::analysis::{Analyzer, NO_TERM, Span, TermId, Token};
use crate::error::{Error, ErrorKind};
use crate::theme::taxonomy::Taxonomy;

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
}

impl Default for AssignerSettings {
    fn default() -> Self {
        AssignerSettings {
            threshold: 1.0,
            max_themes: 3,
            part_factor: 0.75,
            max_gap: 1,
            max_evidence: 8,
        }
    }
}

/// A theme assigned to an experience.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeHit {
    /// Index of the theme in the taxonomy.
    pub theme: usize,
    /// Sum of the weights of the cues that matched.
    pub score: f32,
    /// Where the matching words stand in the text, in order.
    pub evidence: Vec<Span>,
}

/// The themes of one experience, best first; empty means `overig`.
#[derive(Debug, Clone, PartialEq, Default)]
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

/// Assigns themes to analysed texts with the cues of a taxonomy.
#[derive(Debug, Clone)]
pub struct ThemeAssigner {
    themes: usize,
    /// Indexed by term id: the index into `entries`, or `u32::MAX`.
    slots: Vec<u32>,
    entries: Vec<Box<[Entry]>>,
    phrases_by_first: FxHashMap<TermId, Vec<u32>>,
    phrases: Vec<Phrase>,
    settings: AssignerSettings,
}

const NONE: u32 = u32::MAX;

impl ThemeAssigner {
    /// Compiles the cues of `taxonomy` with `analyzer` (which must be the one
    /// that will analyse the texts).
    pub fn new(
        taxonomy: &Taxonomy,
        analyzer: &Analyzer,
        settings: AssignerSettings,
    ) -> Result<Self, Error> {
        let mut unigrams: FxHashMap<TermId, Vec<Entry>> = FxHashMap::default();
        let mut phrases = Vec::new();
        for (ti, theme) in taxonomy.themes().iter().enumerate() {
            let theme_index =
                u16::try_from(ti).map_err(|_| cue_error("more than 65535 themes".into()))?;
            for cue in &theme.cues {
                let tokens = analyzer.analyse(&cue.text);
                if tokens.is_empty() || tokens.iter().any(|t| t.term == NO_TERM) {
                    return Err(cue_error(format!(
                        "theme '{}': cue '{}' has no usable words",
                        theme.id, cue.text
                    )));
                }
                if tokens.len() == 1 && tokens[0].flags.is_stopword() {
                    return Err(cue_error(format!(
                        "theme '{}': cue '{}' is a stopword and would match almost any text",
                        theme.id, cue.text
                    )));
                }
                if tokens.len() == 1 {
                    let list = unigrams.entry(tokens[0].term).or_default();
                    match list.iter_mut().find(|e| e.theme == theme_index) {
                        Some(e) => e.weight = e.weight.max(cue.weight),
                        None => list.push(Entry {
                            theme: theme_index,
                            weight: cue.weight,
                        }),
                    }
                } else {
                    let id = phrases.len() as u32;
                    let terms = tokens.iter().map(|t| t.term).collect();
                    phrases.push(Phrase {
                        terms,
                        theme: theme_index,
                        weight: cue.weight,
                        id,
                    });
                }
            }
        }
        let max = unigrams.keys().copied().max().map_or(0, |m| m as usize + 1);
        let mut slots = vec![NONE; max];
        let mut terms: Vec<TermId> = unigrams.keys().copied().collect();
        terms.sort_unstable();
        let mut entries = Vec::with_capacity(terms.len());
        for term in terms {
            slots[term as usize] = entries.len() as u32;
            entries.push(
                unigrams
                    .remove(&term)
                    .unwrap_or_default()
                    .into_boxed_slice(),
            );
        }
        let mut phrases_by_first: FxHashMap<TermId, Vec<u32>> = FxHashMap::default();
        for p in &phrases {
            phrases_by_first.entry(p.terms[0]).or_default().push(p.id);
        }
        Ok(ThemeAssigner {
            themes: taxonomy.themes().len(),
            slots,
            entries,
            phrases_by_first,
            phrases,
            settings,
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
        let mut hits: Vec<ThemeHit> = (0..self.themes)
            .map(|theme| ThemeHit {
                theme,
                score: 0.0,
                evidence: Vec::new(),
            })
            .collect();
        // (theme, cue key) pairs already counted; cue key: term, or phrase id
        // with the top bit set.
        let mut counted: Vec<(u16, u32)> = Vec::new();
        let mut add = |hits: &mut Vec<ThemeHit>, e: Entry, key: u32, span: Span, factor: f32| {
            let hit = &mut hits[e.theme as usize];
            if !counted.contains(&(e.theme, key)) {
                counted.push((e.theme, key));
                hit.score += e.weight * factor;
            }
            if hit.evidence.len() < self.settings.max_evidence && !hit.evidence.contains(&span) {
                hit.evidence.push(span);
            }
        };
        for (i, token) in tokens.iter().enumerate() {
            if token.term == NO_TERM {
                continue;
            }
            // Single-word cues never match function words: a stem can
            // coincide with one ("hete" stems to "het").
            let whole = if token.flags.is_stopword() {
                &[][..]
            } else {
                self.unigram(token.term)
            };
            for &e in whole {
                add(&mut hits, e, token.term, token.span, 1.0);
            }
            if token.is_compound() {
                for part in [token.parts[1], token.parts[0]] {
                    for &e in self.unigram(part) {
                        if !whole.iter().any(|w| w.theme == e.theme) {
                            add(&mut hits, e, part, token.span, self.settings.part_factor);
                        }
                    }
                }
            }
            if let Some(ids) = self.phrases_by_first.get(&token.term) {
                for &id in ids {
                    let p = &self.phrases[id as usize];
                    if let Some(end) = self.match_phrase(&p.terms, tokens, i) {
                        let span = Span {
                            start: token.span.start,
                            end: tokens[end].span.end,
                            char_start: token.span.char_start,
                            char_end: tokens[end].span.char_end,
                        };
                        add(
                            &mut hits,
                            Entry {
                                theme: p.theme,
                                weight: p.weight,
                            },
                            p.id | 1 << 31,
                            span,
                            1.0,
                        );
                    }
                }
            }
        }
        for hit in &mut hits {
            hit.evidence.sort_by_key(|s| (s.start, s.end));
        }
        hits
    }

    /// Matches `terms` starting at token `i`; returns the index of the last
    /// matched token.
    fn match_phrase(&self, terms: &[TermId], tokens: &[Token], i: usize) -> Option<usize> {
        let mut at = i;
        for &want in &terms[1..] {
            let from = at + 1;
            let to = (from + self.settings.max_gap + 1).min(tokens.len());
            at = (from..to).find(|&j| tokens[j].term == want)?;
        }
        Some(at)
    }

    /// The assigned themes for a text's tokens.
    pub fn assign(&self, tokens: &[Token]) -> Assignment {
        let mut hits: Vec<ThemeHit> = self
            .score(tokens)
            .into_iter()
            .filter(|h| h.score >= self.settings.threshold)
            .collect();
        // Best first; equal scores keep the taxonomy's order (stable sort).
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(self.settings.max_themes);
        Assignment { themes: hits }
    }
}

fn cue_error(message: String) -> Error {
    Error::new(ErrorKind::Taxonomy {
        origin: "taxonomy".into(),
        line: None,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn themes(text: &str) -> Vec<(String, f32, Vec<String>)> {
        let (tax, an, asg) = setup(TAX);
        let tokens = an.analyse(text);
        asg.assign(&tokens)
            .themes
            .iter()
            .map(|h| {
                let ev = h
                    .evidence
                    .iter()
                    .map(|s| text[s.start as usize..s.end as usize].to_string())
                    .collect();
                (tax.themes()[h.theme].id.clone(), h.score, ev)
            })
            .collect()
    }

    #[test]
    fn stems_match_inflections() {
        assert_eq!(
            themes("De maaltijden zijn prima"),
            [("eten".into(), 1.0, vec!["maaltijden".into()])]
        );
    }

    #[test]
    fn repeated_cues_count_once_but_show_all_evidence() {
        assert_eq!(
            themes("soep, soep en nog eens soep"),
            [("eten".into(), 1.0, vec!["soep".into(); 3])]
        );
    }

    #[test]
    fn weak_cues_alone_do_not_assign() {
        assert!(themes("aan tafel").is_empty());
        assert_eq!(themes("aan tafel met soep")[0].1, 1.5);
    }

    #[test]
    fn phrases_match_in_order_with_small_gaps() {
        let got = themes("Ze praten over mijn hoofd heen.");
        assert_eq!(
            got,
            [(
                "bejegening".into(),
                1.0,
                vec!["over mijn hoofd heen".into()]
            )]
        );
        assert_eq!(themes("behandeld als een klein kind")[0].0, "bejegening");
        assert!(themes("hoofd over mijn heen").is_empty());
    }

    #[test]
    fn compounds_count_through_their_parts() {
        let got = themes("Het personeelstekort is groot");
        assert_eq!(
            got,
            [("personeel".into(), 1.5, vec!["personeelstekort".into()])]
        );
        // A whole-word cue wins over its parts.
        assert_eq!(themes("avondeten")[0].1, 2.0);
    }

    #[test]
    fn several_themes_best_first() {
        let got = themes("Het avondeten was koud en door het personeelstekort duurde het lang.");
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["eten", "personeel"]);
    }

    #[test]
    fn stopwords_are_not_single_word_evidence() {
        let (tax, an, asg) =
            setup("[[themes]]\nid = \"eten\"\nlabel = \"Eten\"\ncues = [\"hete\", \"soep\"]\n");
        let text = "het is soep";
        let hits = asg.assign(&an.analyse(text));
        assert_eq!(tax.themes()[hits.themes[0].theme].id, "eten");
        assert_eq!(hits.themes[0].evidence.len(), 1);
    }

    #[test]
    fn nothing_fits_is_overig() {
        let (_, an, asg) = setup(TAX);
        assert!(
            asg.assign(&an.analyse("De parkeerplaats is te klein."))
                .is_overig()
        );
    }

    #[test]
    fn stopword_only_cues_are_rejected() {
        let tax = Taxonomy::from_toml(
            "[[themes]]\nid = \"x\"\nlabel = \"X\"\ncues = [\"het\"]\n",
            "t",
        )
        .unwrap();
        let an = Analyzer::new();
        let err = ThemeAssigner::new(&tax, &an, AssignerSettings::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "taxonomy: theme 'x': cue 'het' is a stopword and would match almost any text"
        );
    }
}
