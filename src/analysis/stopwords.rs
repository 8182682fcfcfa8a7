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

/// Is `word` (in normal form, four letters or more) one slip away from a
/// stopword of three letters or more: a letter too many, too few, wrong, or
/// two swapped ("mjin", "miijn", "mijm" for "mijn")? Shorter words are left
/// alone: too many names are one letter away from one ("bas", "was").
pub fn is_stopword_typo(word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    if w.len() < 4 {
        return false;
    }
    STOPWORDS.iter().filter(|s| s.len() >= 3 && s.len().abs_diff(w.len()) <= 1).any(|s| {
        let s: Vec<char> = s.chars().collect();
        one_slip(&w, &s)
    })
}

/// Optimal string alignment distance between `a` and `b` is exactly one.
fn one_slip(a: &[char], b: &[char]) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match (a.len(), b.len()) {
        (0, 0) => false,
        (x, y) if x == y => a[1..] == b[1..] || (x >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..]),
        (x, y) if x == y + 1 => a[1..] == *b,
        (x, y) if x + 1 == y => *a == b[1..],
        _ => false,
    }
}

/// Is `word` (in normal form) a negator?
pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_of_stopwords() {
        for typo in ["mjin", "miijn", "mijjn", "minj", "mijm", "hebebn"] {
            assert!(is_stopword_typo(typo), "{typo}");
        }
        for other in ["anja", "bas", "maaltijd", "mina", "sandra"] {
            assert!(!is_stopword_typo(other), "{other}");
        }
    }

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
