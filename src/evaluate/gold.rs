//! Gold files: gold-labelled experiences in JSON Lines, validated against a
//! taxonomy.

use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::sentiment::Sentiment;
use crate::theme::{OVERIG, Taxonomy};

/// Kinds of personal data a gold file may annotate.
pub const PII_KINDS: [&str; 7] = ["naam", "telefoon", "email", "bsn", "adres", "datum", "leeftijd"];
/// Sentiment labels a gold file may use.
pub const SENTIMENTS: [&str; 4] = ["positief", "negatief", "gemengd", "neutraal"];
/// Roles a gold file may use.
pub const ROLES: [&str; 3] = ["client", "naaste", "medewerker"];

/// One gold-labelled experience.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GoldExperience {
    /// Its id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Indices of its themes in the taxonomy; empty for `overig`.
    pub themes: Vec<usize>,
    /// `positief`, `negatief`, `gemengd` or `neutraal`, when labelled.
    pub sentiment: Option<String>,
    /// The sentiment per theme (theme index, label), when labelled; see
    /// [`GoldExperience::theme_sentiment_of`].
    pub theme_sentiment: Vec<(usize, Sentiment)>,
    /// `client`, `naaste` or `medewerker`, when labelled.
    pub role: Option<String>,
    /// Annotated personal data.
    pub pii: Vec<GoldPii>,
    /// Whether the record has a `pii` field at all (an empty one says: none
    /// here); only such records count for the PII scores.
    pub pii_annotated: bool,
    /// The 1-based line in the gold file.
    pub line: u64,
}

impl GoldExperience {
    /// The experience's sentiment, when labelled.
    pub fn sentiment(&self) -> Option<Sentiment> {
        self.sentiment.as_deref().and_then(Sentiment::parse)
    }

    /// The sentiment of theme `theme` (an index into the taxonomy) within
    /// this experience: its `theme_sentiment` label, or, for an experience
    /// with that one theme only, its `sentiment`.
    pub fn theme_sentiment_of(&self, theme: usize) -> Option<Sentiment> {
        match self.theme_sentiment.iter().find(|(t, _)| *t == theme) {
            Some((_, s)) => Some(*s),
            None if self.themes == [theme] => self.sentiment(),
            None => None,
        }
    }
}

/// An annotated span of personal data, in char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GoldPii {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// One of [`PII_KINDS`].
    pub kind: String,
}

#[derive(Deserialize)]
struct RawGold {
    id: String,
    text: String,
    themes: Vec<String>,
    sentiment: Option<String>,
    theme_sentiment: Option<serde_json::Map<String, serde_json::Value>>,
    role: Option<String>,
    pii: Option<Vec<RawPii>>,
}

#[derive(Deserialize)]
struct RawPii {
    start: usize,
    end: usize,
    kind: String,
}

/// Reads and validates a gold file against `taxonomy`.
pub fn read_gold(path: &Path, taxonomy: &Taxonomy) -> Result<Vec<GoldExperience>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_gold(&text, &path.display().to_string(), taxonomy)
}

/// Parses and validates gold JSON Lines; `name` names the text in errors.
///
/// ```
/// let tax = leefwereld::Taxonomy::default();
/// let gold = leefwereld::evaluate::parse_gold(
///     r#"{"id": "1", "text": "De soep was lauw.", "themes": ["eten-en-drinken"]}"#, "g.jsonl", &tax).unwrap();
/// assert_eq!(gold[0].themes, [3]);
/// let err = leefwereld::evaluate::parse_gold(r#"{"id": "1", "text": "x", "themes": ["eten"]}"#, "g.jsonl", &tax).unwrap_err();
/// assert!(err.to_string().starts_with("g.jsonl:1: unknown theme id 'eten'"));
/// ```
pub fn parse_gold(text: &str, name: &str, taxonomy: &Taxonomy) -> Result<Vec<GoldExperience>, Error> {
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fail = |m: String| Error::gold(name, Some(n), m);
        let raw: RawGold = serde_json::from_str(line).map_err(|e| fail(format!("not a valid gold record: {e}")))?;
        if !ids.insert(raw.id.clone()) {
            return Err(fail(format!("duplicate id '{}'", raw.id)));
        }
        let themes = theme_indices(&raw.themes, taxonomy).map_err(fail)?;
        if raw.themes.is_empty() || raw.themes.len() > 3 {
            return Err(fail(format!(
                "an experience has one to three themes or [\"{OVERIG}\"], not {}",
                raw.themes.len()
            )));
        }
        if let Some(s) = &raw.sentiment
            && !SENTIMENTS.contains(&s.as_str())
        {
            return Err(fail(format!("unknown sentiment '{s}'; known: {}", SENTIMENTS.join(", "))));
        }
        let mut theme_sentiment = Vec::new();
        for (id, label) in raw.theme_sentiment.iter().flatten() {
            let Some(at) = raw.themes.iter().position(|t| t == id).filter(|_| id != OVERIG) else {
                return Err(fail(format!("theme_sentiment names '{id}', which is not one of the experience's themes")));
            };
            let s = label.as_str().and_then(Sentiment::parse).ok_or_else(|| {
                fail(format!("unknown sentiment {label} for '{id}'; known: {}", SENTIMENTS.join(", ")))
            })?;
            theme_sentiment.push((themes[at], s));
        }
        if let Some(r) = &raw.role
            && !ROLES.contains(&r.as_str())
        {
            return Err(fail(format!("unknown role '{r}'; known: {}", ROLES.join(", "))));
        }
        let chars = raw.text.chars().count();
        let pii_annotated = raw.pii.is_some();
        let mut pii = Vec::new();
        for p in raw.pii.unwrap_or_default() {
            if p.start >= p.end || p.end > chars {
                return Err(fail(format!(
                    "pii span {}..{} is outside the text ({chars} characters) or empty",
                    p.start, p.end
                )));
            }
            if !PII_KINDS.contains(&p.kind.as_str()) {
                return Err(fail(format!("unknown pii kind '{}'; known: {}", p.kind, PII_KINDS.join(", "))));
            }
            pii.push(GoldPii { start: p.start, end: p.end, kind: p.kind });
        }
        out.push(GoldExperience {
            id: raw.id,
            text: raw.text,
            themes,
            sentiment: raw.sentiment,
            theme_sentiment,
            role: raw.role,
            pii,
            pii_annotated,
            line: n,
        });
    }
    if out.is_empty() {
        return Err(Error::gold(name, None, "no gold records"));
    }
    Ok(out)
}

/// The taxonomy indices of theme ids; `overig` stands alone and means none.
pub(super) fn theme_indices(ids: &[String], taxonomy: &Taxonomy) -> Result<Vec<usize>, String> {
    let mut themes = Vec::new();
    for t in ids {
        if t == OVERIG {
            if ids.len() > 1 {
                return Err(format!("'{OVERIG}' must stand alone, not with other themes"));
            }
            continue;
        }
        let idx = taxonomy.themes().iter().position(|x| x.id == *t).ok_or_else(|| {
            let known: Vec<&str> = taxonomy.themes().iter().map(|x| x.id.as_str()).collect();
            format!("unknown theme id '{t}'; known: {}, {OVERIG}", known.join(", "))
        })?;
        if themes.contains(&idx) {
            return Err(format!("theme '{t}' is listed twice"));
        }
        themes.push(idx);
    }
    Ok(themes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_errors_name_the_line() {
        let tax = Taxonomy::default();
        let err = |t: &str| parse_gold(t, "g", &tax).unwrap_err().to_string();
        let ok = r#"{"id": "1", "text": "Soep.", "themes": ["eten-en-drinken"]}"#;
        assert!(err(&format!("{ok}\n{{broken")).starts_with("g:2: not a valid gold record"));
        assert_eq!(err(&format!("{ok}\n{ok}")), "g:2: duplicate id '1'");
        assert_eq!(
            err(r#"{"id": "1", "text": "Soep.", "themes": ["overig", "veiligheid"]}"#),
            "g:1: 'overig' must stand alone, not with other themes"
        );
        assert_eq!(
            err(r#"{"id": "1", "text": "Soep.", "themes": []}"#),
            "g:1: an experience has one to three themes or [\"overig\"], not 0"
        );
        assert_eq!(
            err(
                r#"{"id": "1", "text": "Soep.", "themes": ["overig"], "pii": [{"start": 3, "end": 9, "kind": "naam"}]}"#
            ),
            "g:1: pii span 3..9 is outside the text (5 characters) or empty"
        );
        assert_eq!(err(""), "g: no gold records");
    }

    /// The gold files in fixtures/ are valid and every theme is there.
    #[test]
    fn shipped_gold_files_are_valid() {
        let tax = Taxonomy::default();
        // (file, at least this many experiences, every theme at least this often)
        let files = [
            ("dev", 200, 15),
            ("test", 200, 15),
            ("raw/batch_g", 150, 14),
            ("raw/batch_h", 150, 14),
            ("raw/batch_i", 150, 14),
            ("raw/batch_j", 150, 12),
            ("raw/batch_k", 150, 15),
            ("raw/batch_l", 150, 14),
            ("raw/batch_m", 150, 11),
            ("raw/batch_n", 100, 6),
        ];
        for (split, size, per_theme) in files {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/gold/{split}.jsonl"));
            let gold = read_gold(&path, &tax).unwrap();
            assert!(gold.len() >= size, "{split}: {}", gold.len());
            for t in 0..12 {
                let n = gold.iter().filter(|g| g.themes.contains(&t)).count();
                assert!(n >= per_theme, "{split}: theme {t} only {n} times");
            }
        }
    }
}
