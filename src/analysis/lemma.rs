//! Irregular verb forms -> infinitive, before stemming.
//!
//! Snowball stems suffixes; it cannot know that "viel", "gevallen" and
//! "vallen" are one verb, or "zag", "gezien" and "zien". A table of the
//! inflected forms of Dutch strong and irregular verbs (`data/verbs-nl.tsv`,
//! written for this project) maps them to their infinitive first, so a cue
//! "vallen" also matches "ze viel" and "is gevallen".

use rustc_hash::FxHashMap;

/// Inflected forms of irregular verbs, mapped to their infinitive.
#[derive(Debug, Clone, Default)]
pub struct VerbForms {
    map: FxHashMap<&'static str, &'static str>,
}

impl VerbForms {
    /// The built-in Dutch table.
    pub fn dutch() -> Self {
        let mut map = FxHashMap::default();
        for line in include_str!("../../data/verbs-nl.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((form, infinitive)) = line.split_once('\t') {
                map.insert(form.trim(), infinitive.trim());
            }
        }
        VerbForms { map }
    }

    /// The infinitive of `word` (normal form) if it is an irregular form.
    pub fn infinitive(&self, word: &str) -> Option<&'static str> {
        self.map.get(word).copied()
    }

    /// How many forms the table holds.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True for an empty table.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_forms_map_to_the_infinitive() {
        let v = VerbForms::dutch();
        assert_eq!(v.infinitive("viel"), Some("vallen"));
        assert_eq!(v.infinitive("gevallen"), Some("vallen"));
        assert_eq!(v.infinitive("soep"), None);
    }

    #[test]
    fn table_is_well_formed() {
        let text = include_str!("../../data/verbs-nl.tsv");
        let mut seen = std::collections::HashSet::new();
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
            let (form, inf) = line.split_once('\t').unwrap_or_else(|| panic!("line {}: no tab", i + 1));
            assert_eq!(form, crate::analysis::normalise(form), "line {}", i + 1);
            assert!(!inf.contains('\t') && !inf.is_empty(), "line {}", i + 1);
            assert!(seen.insert(form), "line {}: {form} twice", i + 1);
        }
    }
}
