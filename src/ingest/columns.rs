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
