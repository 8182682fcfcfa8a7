//! Checks a taxonomy's cues as they are matched (their stems): a cue that is
//! not weak in two themes decides both at once, which is right only for
//! words that mean both ("eerst kloppen": respect and one's own space), and
//! those the taxonomy lists under `shared`; a cue that matches the same words
//! as another of its theme adds nothing.

use rustc_hash::FxHashMap;

use super::taxonomy::{CUE_WEIGHT, Taxonomy};
use crate::analysis::{Analyzer, TermId};

/// What [`check_taxonomy`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IssueKind {
    /// Not weak in two themes: every match counts fully for both.
    Shared,
    /// Matches the same words as another cue of its theme.
    Redundant,
    /// Listed under `shared`, but counts fully in one theme only.
    NotShared,
}

/// A finding of [`check_taxonomy`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TaxonomyIssue {
    /// What kind of finding.
    pub kind: IssueKind,
    /// The theme whose cue it is.
    pub theme: String,
    /// The cue, as written.
    pub cue: String,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl std::fmt::Display for TaxonomyIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: '{}': {}", self.theme, self.cue, self.message)
    }
}

/// The findings on `taxonomy`'s cues as `analyzer` matches them, in the
/// taxonomy's order: cues that are not weak in two themes (unless the
/// taxonomy lists them under `shared`), and cues that match the same words
/// as an earlier cue of their theme; then the `shared` entries that count
/// fully in one theme only. Empty for the default taxonomy.
///
/// ```
/// use leefwereld::theme::check_taxonomy;
/// let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
/// let issues = check_taxonomy(engine.taxonomy(), engine.analyzer());
/// // "eerst kloppen" is respect (bejegening) and one's own space
/// // (thuis-voelen): the default lists it under `shared`.
/// assert!(engine.taxonomy().shared().iter().any(|c| c == "eerst kloppen"));
/// assert!(issues.is_empty(), "{issues:?}");
/// ```
pub fn check_taxonomy(taxonomy: &Taxonomy, analyzer: &Analyzer) -> Vec<TaxonomyIssue> {
    let mut issues = Vec::new();
    let stems = |text: &str| -> Vec<TermId> { analyzer.analyse(text).iter().map(|t| t.term).collect() };
    // The `shared` entries' stems, and whether they count fully in two themes.
    let mut shared: Vec<(Vec<TermId>, bool)> = taxonomy.shared().iter().map(|s| (stems(s), false)).collect();
    // Stems -> (theme, cue) of the first cue that is not weak.
    let mut deciding: FxHashMap<Vec<TermId>, (usize, &str)> = FxHashMap::default();
    for (ti, theme) in taxonomy.themes().iter().enumerate() {
        let mut seen: FxHashMap<Vec<TermId>, &str> = FxHashMap::default();
        for cue in &theme.cues {
            let key = stems(&cue.text);
            let issue =
                |kind, message: String| TaxonomyIssue { kind, theme: theme.id.clone(), cue: cue.text.clone(), message };
            if let Some(first) = seen.get(&key) {
                issues.push(issue(IssueKind::Redundant, format!("matches the same words as '{first}' in this theme")));
                continue;
            }
            seen.insert(key.clone(), &cue.text);
            if cue.weight < CUE_WEIGHT {
                continue;
            }
            match deciding.get(&key) {
                Some(&(other, text)) if other != ti => match shared.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, counts_twice)) => *counts_twice = true,
                    None => issues.push(issue(
                        IssueKind::Shared,
                        format!(
                            "counts fully here and in '{}' (as '{text}'); if it means both, list it under `shared`, \
                             else make it weak in one",
                            taxonomy.themes()[other].id
                        ),
                    )),
                },
                Some(_) => {}
                None => {
                    deciding.insert(key, (ti, &cue.text));
                }
            }
        }
    }
    for (cue, (_, counts_twice)) in taxonomy.shared().iter().zip(&shared) {
        if !counts_twice {
            let theme = taxonomy.themes().iter().find(|t| t.cues.iter().any(|c| c.text == *cue));
            issues.push(TaxonomyIssue {
                kind: IssueKind::NotShared,
                theme: theme.map_or_else(String::new, |t| t.id.clone()),
                cue: cue.clone(),
                message: "is listed under `shared` but counts fully in one theme only: take it off the list".into(),
            });
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_shared_and_repeated_cues() {
        let toml = r#"
            shared = ["geen klop", "soep"]
            [[themes]]
            id = "a"
            label = "A"
            description = "a"
            strong = ["maaltijd", "eerst kloppen", "geen klop", "soep"]
            cues = ["maaltijden"]
            [[themes]]
            id = "b"
            label = "B"
            description = "b"
            cues = ["Eerst kloppen", "Geen klop"]
            weak = ["maaltijd"]
        "#;
        let tax = Taxonomy::from_toml(toml, "t.toml").unwrap();
        let issues = check_taxonomy(&tax, &Analyzer::new());
        let text: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "a: 'maaltijden': matches the same words as 'maaltijd' in this theme",
                "b: 'eerst kloppen': counts fully here and in 'a' (as 'eerst kloppen'); if it means both, list it under \
                 `shared`, else make it weak in one",
                "a: 'soep': is listed under `shared` but counts fully in one theme only: take it off the list",
            ]
        );
    }

    /// The default listed 497 cues that matched the same words as another
    /// of their theme, and 26 that counted fully in two themes unexplained.
    #[test]
    fn default_taxonomy_has_no_redundant_cues() {
        let tax = Taxonomy::default();
        let analyzer = Analyzer::builder().known_words(tax.cue_words()).build();
        assert_eq!(check_taxonomy(&tax, &analyzer), []);
    }
}
