//! Per cue, how often it stood behind a right and a wrong theme.

use std::collections::BTreeMap;

use super::gold::GoldExperience;
use crate::engine::Engine;

/// How one cue fared in the themes the assigner gave: in how many
/// experiences it counted for a theme the gold has, and for one it has not.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CueScores {
    /// The theme id.
    pub theme: String,
    /// The cue as the taxonomy writes it.
    pub cue: String,
    /// Experiences where it counted for an assigned theme the gold has.
    pub true_positives: u64,
    /// Experiences where it counted for an assigned theme the gold has not.
    pub false_positives: u64,
}

/// Per cue, how often it stood behind a right and a wrong theme on `gold`
/// (only themes the assigner gave count); the cues behind the most wrong
/// themes first. What to look at when tuning a taxonomy on labelled data.
pub fn evaluate_cues(engine: &Engine, gold: &[GoldExperience]) -> Vec<CueScores> {
    use rayon::prelude::*;
    let per_text: Vec<Vec<(usize, String, bool)>> = gold
        .par_iter()
        .map(|g| {
            let tokens = engine.analyzer().analyse(&g.text);
            let assigned: Vec<usize> = engine.assigner().assign(&tokens).themes.iter().map(|h| h.theme).collect();
            let mut seen: Vec<(usize, String, bool)> = engine
                .assigner()
                .explain(&tokens)
                .into_iter()
                .filter(|h| assigned.contains(&h.theme))
                .map(|h| (h.theme, h.cue, g.themes.contains(&h.theme)))
                .collect();
            seen.sort();
            seen.dedup();
            seen
        })
        .collect();
    let mut counts: BTreeMap<(usize, String), (u64, u64)> = BTreeMap::new();
    for (theme, cue, right) in per_text.into_iter().flatten() {
        let c = counts.entry((theme, cue)).or_default();
        if right {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    let ids = engine.taxonomy().themes();
    let mut out: Vec<CueScores> = counts
        .into_iter()
        .map(|((t, cue), (tp, fp))| CueScores {
            theme: ids[t].id.clone(),
            cue,
            true_positives: tp,
            false_positives: fp,
        })
        .collect();
    out.sort_by(|a, b| {
        b.false_positives
            .cmp(&a.false_positives)
            .then(a.true_positives.cmp(&b.true_positives))
            .then_with(|| (&a.theme, &a.cue).cmp(&(&b.theme, &b.cue)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::parse_gold;
    use crate::theme::Taxonomy;

    #[test]
    fn cue_scores_count_right_and_wrong_themes() {
        let tax = Taxonomy::default();
        let gold = parse_gold(
            concat!(
                "{\"id\": \"1\", \"text\": \"De soep was lauw.\", \"themes\": [\"eten-en-drinken\"]}\n",
                "{\"id\": \"2\", \"text\": \"De soep was lauw.\", \"themes\": [\"overig\"]}\n",
                "{\"id\": \"3\", \"text\": \"Soep, soep en nog eens soep.\", \"themes\": [\"eten-en-drinken\"]}\n",
            ),
            "g",
            &tax,
        )
        .unwrap();
        let engine = Engine::new(tax).unwrap();
        let cues = evaluate_cues(&engine, &gold);
        let soep = cues.iter().find(|c| c.cue == "soep").unwrap();
        assert_eq!((soep.theme.as_str(), soep.true_positives, soep.false_positives), ("eten-en-drinken", 2, 1));
        assert!(cues.windows(2).all(|w| w[0].false_positives >= w[1].false_positives));
    }
}
