//! Snowball Dutch stemming (rust-stemmers' `Algorithm::Dutch`, the algorithm
//! Snowball 3 calls `dutch_porter`).
//!
//! The stemmer expects lowercase input; the analyzer gives it normal forms.
//! Stems are memoised by the analyzer's term cache, so each distinct word is
//! stemmed once per worker.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// The Dutch Snowball stemmer.
pub struct DutchStemmer(Stemmer);

impl DutchStemmer {
    /// A new stemmer.
    pub fn new() -> Self {
        DutchStemmer(Stemmer::create(Algorithm::Dutch))
    }

    /// The stem of a lowercase word.
    ///
    /// ```
    /// let s = leefwereld::DutchStemmer::new();
    /// assert_eq!(s.stem("maaltijden"), "maaltijd");
    /// ```
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        self.0.stem(word)
    }
}

impl Default for DutchStemmer {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for DutchStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DutchStemmer")
    }
}

#[cfg(test)]
mod tests {
    use super::DutchStemmer;
    use crate::analysis::normalise::normalise;

    fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
        text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| {
            let (w, s) = l.split_once('\t').expect("word<TAB>stem");
            (w, s)
        })
    }

    /// The golden list of care-domain words: pins the stemmer's behaviour.
    #[test]
    fn golden_stems() {
        let stemmer = DutchStemmer::new();
        let text = include_str!("../../fixtures/stems/golden.tsv");
        let mut n = 0;
        for (word, stem) in pairs(text) {
            assert_eq!(stemmer.stem(&normalise(word)), stem, "stem of {word}");
            n += 1;
        }
        assert!(n >= 200, "golden list has {n} pairs");
    }

    /// Snowball's official Dutch vocabulary: the stemmer alone reproduces
    /// every expected stem.
    #[test]
    fn snowball_vocabulary() {
        let stemmer = DutchStemmer::new();
        let voc = include_str!("../../data/snowball-dutch/voc.txt");
        let out = include_str!("../../data/snowball-dutch/output.txt");
        let mut n = 0;
        for (w, s) in voc.lines().zip(out.lines()) {
            assert_eq!(stemmer.stem(w), s, "stem of {w}");
            n += 1;
        }
        assert_eq!(n, 45_670);
    }

    /// Normalisation in front of the stemmer changes the stem only for words
    /// whose diacritics Snowball itself does not fold (è, ê, ç, ...). The list
    /// of such words is pinned so that any change shows up here.
    #[test]
    fn normalisation_changes_few_stems() {
        let stemmer = DutchStemmer::new();
        let voc = include_str!("../../data/snowball-dutch/voc.txt");
        let out = include_str!("../../data/snowball-dutch/output.txt");
        let expected = include_str!("../../fixtures/stems/normalisation-diffs.txt");
        let mut diffs = String::new();
        for (w, s) in voc.lines().zip(out.lines()) {
            let got = stemmer.stem(&normalise(w)).into_owned();
            if got != s {
                diffs.push_str(&format!("{w}\t{s}\t{got}\n"));
            }
        }
        if std::env::var_os("LEEFWERELD_WRITE_DIFFS").is_some() {
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/stems/normalisation-diffs.txt"), &diffs)
                .unwrap();
        }
        assert_eq!(diffs, expected);
    }
}
