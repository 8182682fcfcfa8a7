//! Compound splitting: "personeelstekort" -> personeel + tekort,
//! "avondeten" -> avond + eten, "nachtdienst" -> nacht + dienst.
//!
//! Dutch writes compounds as one word. A word is split into a modifier and a
//! head (the last part, which carries the meaning: an avondeten is a kind of
//! eten) when the head is a known word and the modifier is a known word after
//! dropping a linking `s`, `e` or `en`, or at least five letters long. Known
//! words are Snowball's Dutch vocabulary plus any the caller adds (the cue
//! words of a taxonomy). Hyphenated words split at the last hyphen.

use rustc_hash::FxHashSet;

use super::stopwords::is_stopword;

/// Shortest word that is tried as a compound.
const MIN_COMPOUND: usize = 7;
/// Shortest head and known modifier.
const MIN_PART: usize = 3;
/// Shortest modifier that need not be a known word.
const MIN_UNKNOWN_MODIFIER: usize = 5;

/// Splits compounds against a vocabulary of known words (in normal form).
#[derive(Debug, Default, Clone)]
pub struct CompoundSplitter {
    known: FxHashSet<Box<str>>,
}

impl CompoundSplitter {
    /// A splitter that knows Snowball's Dutch vocabulary.
    pub fn dutch() -> Self {
        let mut s = Self::default();
        let voc = include_str!("../../data/snowball-dutch/voc.txt");
        let normal: Vec<String> = voc.lines().filter(|w| !w.is_ascii()).map(super::normalise::normalise).collect();
        s.extend(voc.lines().filter(|w| w.is_ascii()));
        s.extend(normal.iter().map(String::as_str));
        s
    }

    /// Adds known words (in normal form). Stopwords and words shorter than
    /// three letters are ignored: they make spurious splits.
    pub fn extend<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        for w in words {
            if w.chars().count() >= MIN_PART && !is_stopword(w) && !w.contains(' ') {
                self.known.insert(Box::from(w));
            }
        }
    }

    /// Is `word` known?
    pub fn knows(&self, word: &str) -> bool {
        self.known.contains(word)
    }

    /// Splits `word` (in normal form) into `(modifier, head)`, or `None` if it
    /// is not a compound of known parts.
    ///
    /// ```
    /// let s = leefwereld::CompoundSplitter::dutch();
    /// assert_eq!(s.split("avondeten"), Some(("avond", "eten")));
    /// assert_eq!(s.split("personeelstekort"), Some(("personeel", "tekort")));
    /// assert_eq!(s.split("soep"), None);
    /// ```
    pub fn split<'a>(&self, word: &'a str) -> Option<(&'a str, &'a str)> {
        if let Some(i) = word.rfind('-') {
            let (m, h) = (&word[..i], &word[i + 1..]);
            return (!m.is_empty() && !h.is_empty()).then_some((m, h));
        }
        if word.len() < MIN_COMPOUND || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // The longest known head whose modifier is known wins; failing that,
        // the longest known head with a long modifier.
        let mut fallback = None;
        for i in MIN_PART..=word.len() - MIN_PART {
            let (m, h) = word.split_at(i);
            if !self.knows(h) {
                continue;
            }
            if let Some(m) = self.modifier(m) {
                return Some((m, h));
            }
            if fallback.is_none() && m.len() >= MIN_UNKNOWN_MODIFIER {
                fallback = Some((m, h));
            }
        }
        fallback
    }

    /// The modifier as a known word, with a linking `s`, `e` or `en` dropped.
    fn modifier<'a>(&self, m: &'a str) -> Option<&'a str> {
        [m, m.strip_suffix('s').unwrap_or(""), m.strip_suffix('e').unwrap_or(""), m.strip_suffix("en").unwrap_or("")]
            .into_iter()
            .find(|c| c.len() >= MIN_PART && self.knows(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_care_compounds() {
        let s = CompoundSplitter::dutch();
        for (word, m, h) in [
            ("avondeten", "avond", "eten"),
            ("personeelstekort", "personeel", "tekort"),
            ("nachtdienst", "nacht", "dienst"),
            ("huiskamer", "huis", "kamer"),
            ("alarmknop", "alarm", "knop"),
            ("invalkracht", "inval", "kracht"),
        ] {
            assert_eq!(s.split(word), Some((m, h)), "{word}");
        }
    }

    #[test]
    fn hyphens_split_at_the_last_one() {
        let s = CompoundSplitter::default();
        assert_eq!(s.split("e-mail"), Some(("e", "mail")));
        assert_eq!(s.split("noord-holland"), Some(("noord", "holland")));
        assert_eq!(s.split("-x"), None);
    }

    #[test]
    fn short_and_simple_words_stay() {
        let s = CompoundSplitter::dutch();
        for w in ["soep", "veilig", "eenzaam", "cliënt"] {
            assert_eq!(s.split(w), None, "{w}");
        }
    }

    #[test]
    fn added_words_are_known() {
        let mut s = CompoundSplitter::default();
        assert_eq!(s.split("zorgleefplan"), None);
        s.extend(["plan", "zorg", "de"]);
        assert!(s.knows("plan") && !s.knows("de"));
        assert_eq!(s.split("zorgleefplan"), Some(("zorgleef", "plan")));
    }
}
