//! Dutch stopwords and negators.
//!
//! The list holds function words (articles, pronouns, auxiliaries,
//! prepositions, conjunctions, common particles) in normal form. It never holds
//! a negator: "niet", "geen", "nooit", "niemand", "niets", "nergens" and
//! "zonder" change what a sentence means, so they stay in the token stream
//! flagged as negators. Stopwords are flagged, not removed, so offsets and
//! phrases ("over mijn hoofd heen") stay intact.

/// Function words, in normal form (lowercase, diacritics folded).
const STOPWORDS: &[&str] = &[
    "aan", "af", "al", "alle", "alles", "als", "ben", "bent", "bij", "binnen", "d'r", "daar", "daarna", "daarom",
    "dan", "dat", "de", "deze", "die", "dit", "doch", "doen", "doet", "door", "dus", "een", "eens", "en", "er", "ge",
    "gedaan", "gij", "had", "hadden", "heb", "hebben", "hebt", "heeft", "hem", "hen", "het", "hier", "hij", "hoe",
    "hun", "ik", "in", "is", "ja", "je", "jij", "jou", "jouw", "jullie", "kan", "kon", "konden", "kunnen", "kunt",
    "m'n", "maar", "me", "men", "met", "mij", "mijn", "moest", "moet", "moeten", "na", "naar", "nu", "of", "om",
    "omdat", "ons", "onze", "ook", "op", "over", "reeds", "s", "'s", "'t", "'k", "'n", "'m", "t", "te", "tegen",
    "toch", "toen", "tot", "u", "uit", "uw", "van", "voor", "want", "waren", "was", "wat", "we", "werd", "werden",
    "wie", "wij", "wordt", "worden", "z'n", "zal", "ze", "zei", "zelf", "zich", "zij", "zijn", "zo", "zo'n", "zou",
    "zouden", "zullen", "mn", "zn", "da", "ne", "gaat", "ging", "wel", "nog", "dus", "he",
];

/// Words that negate what follows or what they belong to.
const NEGATORS: &[&str] =
    &["niet", "geen", "nooit", "niemand", "niets", "nergens", "zonder", "noch", "nie", "gene", "geeneens", "nimmer"];

/// Is `word` (in normal form) a stopword?
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Is `word` (in normal form) a negator?
pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negators_are_never_stopwords() {
        for n in NEGATORS {
            assert!(!is_stopword(n), "{n} must not be a stopword");
            assert!(is_negator(n));
        }
    }

    #[test]
    fn function_words_are_stopwords_content_words_are_not() {
        for w in ["de", "het", "een", "'s", "m'n", "zo'n", "omdat"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["soep", "veilig", "alleen", "eenzaam", "thuis", "tijd"] {
            assert!(!is_stopword(w), "{w}");
        }
    }

    #[test]
    fn list_is_in_normal_form() {
        for w in STOPWORDS.iter().chain(NEGATORS) {
            assert_eq!(crate::analysis::normalise::normalise(w), *w);
        }
    }
}
