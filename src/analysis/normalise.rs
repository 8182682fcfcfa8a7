//! Normalisation of one word: lowercase, one apostrophe, diacritics folded.
//!
//! "Cliënt", "client" and "CLIËNT" all become `client`; "één" becomes `een`,
//! "café" `cafe`, "auto’s" `auto's`. Folding works on the canonical
//! decomposition (NFD) with the combining marks dropped, and the result is
//! recomposed (NFC), so text that arrives decomposed meets text that arrives
//! composed.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Writes the normal form of `word` into `out`, replacing what was there.
///
/// ```
/// let mut out = String::new();
/// leefwereld::normalise_into("Cliënt’s", &mut out);
/// assert_eq!(out, "client's");
/// ```
pub fn normalise_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    let folded = word
        .chars()
        .flat_map(char::to_lowercase)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '\u{2019}' || c == '\u{2018}' { '\'' } else { c })
        .nfc();
    out.extend(folded);
}

/// The normal form of `word` as a new string.
pub fn normalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalise_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(normalise("Cliënt"), "client");
        assert_eq!(normalise("CLIËNT"), "client");
        assert_eq!(normalise("één"), "een");
        assert_eq!(normalise("Café"), "cafe");
        assert_eq!(normalise("geïnteresseerd"), "geinteresseerd");
        assert_eq!(normalise("financiën"), "financien");
    }

    #[test]
    fn composed_and_decomposed_meet() {
        assert_eq!(normalise("clie\u{308}nt"), normalise("cli\u{eb}nt"));
    }

    #[test]
    fn apostrophes_are_unified() {
        assert_eq!(normalise("auto’s"), "auto's");
        assert_eq!(normalise("’s"), "'s");
    }

    #[test]
    fn letters_without_decomposition_stay() {
        assert_eq!(normalise("Straße"), "straße");
        assert_eq!(normalise("Øre"), "øre");
    }
}
