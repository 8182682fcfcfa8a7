//! Predictions: the themes another tool or a second annotator gave to the
//! experiences of a gold file.

use std::path::Path;

use serde::Deserialize;

use super::gold::{GoldExperience, theme_indices};
use crate::error::Error;
use crate::theme::Taxonomy;

#[derive(Deserialize)]
struct RawPrediction {
    id: String,
    themes: Vec<String>,
}

/// Reads the themes another tool or annotator gave to the experiences of
/// `gold`, to measure them like an assigner (see [`parse_predictions`]).
pub fn read_predictions(path: &Path, taxonomy: &Taxonomy, gold: &[GoldExperience]) -> Result<Vec<Vec<usize>>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_predictions(&text, &path.display().to_string(), taxonomy, gold)
}

/// Parses predictions: JSON Lines of `{"id", "themes": [...]}` (other fields
/// are ignored), one line for every gold experience, in any order. `themes`
/// may be empty or `["overig"]` for no theme, and may hold more than three.
/// Returns the predicted theme indices in the order of `gold`; `name` names
/// the text in errors.
///
/// ```
/// let tax = leefwereld::Taxonomy::default();
/// let gold = leefwereld::evaluate::parse_gold(
///     r#"{"id": "1", "text": "De soep was lauw.", "themes": ["eten-en-drinken"]}"#, "g.jsonl", &tax).unwrap();
/// let p = leefwereld::evaluate::parse_predictions(r#"{"id": "1", "themes": ["overig"]}"#, "p.jsonl", &tax, &gold).unwrap();
/// assert_eq!(p, [Vec::<usize>::new()]);
/// let err = leefwereld::evaluate::parse_predictions("", "p.jsonl", &tax, &gold).unwrap_err();
/// assert_eq!(err.to_string(), "p.jsonl: no prediction for gold id '1' (1 of 1 missing)");
/// ```
pub fn parse_predictions(
    text: &str,
    name: &str,
    taxonomy: &Taxonomy,
    gold: &[GoldExperience],
) -> Result<Vec<Vec<usize>>, Error> {
    let index: std::collections::HashMap<&str, usize> =
        gold.iter().enumerate().map(|(i, g)| (g.id.as_str(), i)).collect();
    let mut out: Vec<Option<Vec<usize>>> = vec![None; gold.len()];
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fail = |m: String| Error::gold(name, Some(n), m);
        let raw: RawPrediction =
            serde_json::from_str(line).map_err(|e| fail(format!("not a valid prediction record: {e}")))?;
        let at = *index.get(raw.id.as_str()).ok_or_else(|| fail(format!("id '{}' is not in the gold file", raw.id)))?;
        if out[at].is_some() {
            return Err(fail(format!("duplicate id '{}'", raw.id)));
        }
        out[at] = Some(theme_indices(&raw.themes, taxonomy).map_err(fail)?);
    }
    let missing = out.iter().filter(|p| p.is_none()).count();
    if let Some(first) = out.iter().position(Option::is_none) {
        let m = format!("no prediction for gold id '{}' ({missing} of {} missing)", gold[first].id, gold.len());
        return Err(Error::gold(name, None, m));
    }
    Ok(out.into_iter().flatten().collect())
}
