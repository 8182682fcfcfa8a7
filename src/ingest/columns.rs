//! Finding the columns that matter by their header.

use crate::analysis::normalise;

/// Header names of a free-text column, in order of preference.
pub const TEXT_COLUMNS: &[&str] = &[
    "ervaring",
    "tekst",
    "opmerking",
    "opmerkingen",
    "toelichting",
    "antwoord",
    "verhaal",
    "text",
    "comment",
    "comments",
    "feedback",
    "reactie",
];

/// Header names of an id column.
pub const ID_COLUMNS: &[&str] = &["id", "nr", "nummer", "volgnummer", "respondent", "respondentnummer", "record id"];

fn clean(header: &str) -> String {
    normalise(header.trim().trim_start_matches('\u{feff}'))
}

/// The headers for a message: `'id', 'datum', 'ervaring'`.
fn list(headers: &[String]) -> String {
    headers.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ")
}

/// The column named `name`, or a message that lists the columns.
pub fn require(headers: &[String], name: &str) -> Result<usize, String> {
    find_named(headers, name).ok_or_else(|| format!("no column '{name}'; the columns are: {}", list(headers)))
}

/// The text columns: every one of `named` (each must exist), or, when none is
/// named, the first column with a text column's name.
pub fn text_columns(headers: &[String], named: &[String]) -> Result<Vec<usize>, String> {
    if named.is_empty() {
        let found = find_any(headers, TEXT_COLUMNS).ok_or_else(|| {
            format!("no text column found; the columns are: {}. Choose one with --text-column NAME", list(headers))
        })?;
        return Ok(vec![found]);
    }
    named.iter().map(|n| require(headers, n)).collect()
}

/// The index of the column named `name` (case, accents and surrounding white
/// space ignored).
pub fn find_named(headers: &[String], name: &str) -> Option<usize> {
    let want = clean(name);
    headers.iter().position(|h| clean(h) == want)
}

/// The index of the first column whose header is one of `names`; failing
/// that, whose header starts with one of them as a word ("Toelichting
/// cliënt").
pub fn find_any(headers: &[String], names: &[&str]) -> Option<usize> {
    let cleaned: Vec<String> = headers.iter().map(|h| clean(h)).collect();
    for n in names {
        if let Some(i) = cleaned.iter().position(|h| h == n) {
            return Some(i);
        }
    }
    names.iter().find_map(|n| {
        cleaned.iter().position(|h| h.split(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| w == *n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_text_columns_by_name() {
        assert_eq!(find_any(&h(&["id", "datum", "Ervaring"]), TEXT_COLUMNS), Some(2));
        assert_eq!(find_any(&h(&["ID", "Toelichting cliënt", "Opmerking"]), TEXT_COLUMNS), Some(2));
        assert_eq!(find_any(&h(&["ID", "Toelichting cliënt"]), TEXT_COLUMNS), Some(1));
        assert_eq!(find_any(&h(&["id", "datum"]), TEXT_COLUMNS), None);
    }

    #[test]
    fn named_columns_ignore_case_and_accents() {
        assert_eq!(find_named(&h(&["Cliënt", " Wat gaat goed? "]), "wat gaat goed?"), Some(1));
        assert_eq!(find_named(&h(&["\u{feff}Id"]), "id"), Some(0));
    }
}
