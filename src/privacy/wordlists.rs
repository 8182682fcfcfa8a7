//! The word lists, loaded once per process: Dutch words, loanwords, first
//! names, surnames, and what is no name.

use std::io::Read;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

/// Everyday words that are in neither word list and are no names: these,
/// and the loanwords of `data/names/loanwords.txt`.
const EVERYDAY_WORDS: &[&str] = &[
    "wifi",
    "tv",
    "app",
    "apps",
    "whatsapp",
    "facebook",
    "internet",
    "laptop",
    "tablet",
    "ipad",
    "iphone",
    "smartphone",
    "mail",
    "email",
    "corona",
    "covid",
    "ok",
    "oke",
    "team",
    "teams",
    "zoom",
    "skype",
    "online",
    "alzheimer",
    "parkinson",
    "dementie",
    "ggz",
    "wmo",
    "wlz",
    "cak",
    "adl",
    "ecd",
    "mdo",
    "pb",
    "pb'er",
    // Abbreviations as written ("Bijv. de soep"), without their full stop.
    // Titles, which open a name but are none ("Dr. Visser", "Mw. De Vries").
    "dr",
    "drs",
    "mw",
    "mevr",
    "dhr",
    "mr",
    "ir",
    "zr",
    "mej",
    "prof",
    "bijv",
    "geb",
    "bv",
    "evt",
    "ivm",
    "mbt",
    "nav",
    "mvg",
    "enz",
    "etc",
    "ca",
    "oa",
    "tzt",
    "zsm",
    "svp",
    "aub",
    "resp",
    "incl",
    "excl",
    "tel",
    "nr",
    "fam",
    // Function words of Flemish and of Limburgish, Brabant, Twents and
    // Gronings spelling, which open sentences in dialect texts.
    "ich",
    "gij",
    "oe",
    "nie",
    "nen",
    "zenne",
    "amai",
    "awel",
    "allez",
    "efkes",
    "seffens",
    "veur",
    "vreuger",
    "vrogger",
    "neet",
    "nait",
    "gain",
    "gein",
    "doar",
    "dao",
    "hie",
    "zai",
    "iej",
    "wiej",
    "nich",
    "aait",
];

/// Everyday words and loanwords that are in neither word list and are no
/// names ("wifi", "Bijv.", "Chapeau", "Caseload").
pub(super) static LOANWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut words = name_list(include_str!("../../data/names/loanwords.txt"));
    words.extend(EVERYDAY_WORDS);
    words
});

/// Lowercase Dutch words: OpenTaal's word list (BSD), diacritics folded;
/// built once per process.
pub(super) static DUTCH_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut text = String::new();
    flate2::read::GzDecoder::new(&include_bytes!("../../data/opentaal/words-lower.txt.gz")[..])
        .read_to_string(&mut text)
        .expect("the embedded word list is valid gzip");
    let text: &'static str = Box::leak(text.into_boxed_str());
    text.lines().collect()
});

/// A lowercase name list, one per line.
fn name_list(text: &'static str) -> FxHashSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

pub(super) static FIRST_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut names = name_list(include_str!("../../data/names/first-names.txt"));
    names.extend(name_list(include_str!("../../data/names/first-names-extra.txt")));
    names
});

pub(super) static LAST_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut names = name_list(include_str!("../../data/names/last-names.txt"));
    names.extend(name_list(include_str!("../../data/names/last-names-extra.txt")));
    names
});

/// Capitalised words and phrases that are no person: places, nationalities,
/// shops, institutions, feasts. Single words, normalised, and a pattern for
/// the phrases ("Den Haag", "Albert Heijn").
pub(super) static NOT_NAMES: LazyLock<(FxHashSet<String>, Option<Regex>)> = LazyLock::new(|| {
    let list = include_str!("../../data/names/not-names.txt");
    let entries = list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    // All-capital entries (KPN, MAX) are acronyms: words in capitals are never
    // taken for names anyway, and "max" must stay a name.
    let words = entries
        .clone()
        .filter(|e| !e.contains(' ') && e.chars().any(char::is_lowercase))
        .map(crate::analysis::normalise)
        .collect();
    (words, phrase_pattern(entries.filter(|e| e.contains(' '))))
});

/// A case-insensitive pattern for whole-word occurrences of `phrases`, longest
/// first; `None` when there are none.
pub(super) fn phrase_pattern<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Option<Regex> {
    let mut phrases: Vec<&str> = phrases.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    if phrases.is_empty() {
        return None;
    }
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternatives: Vec<String> =
        phrases.iter().map(|p| regex::escape(p).split_whitespace().collect::<Vec<_>>().join(r"\s+")).collect();
    Some(
        Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}])", alternatives.join("|")))
            .expect("escaped"),
    )
}

/// Whole-word occurrences of `pattern` in `text`, as byte ranges.
pub(super) fn occurrences(pattern: &Regex, text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = pattern.captures_at(text, at) {
        let m = c.get(1).expect("group");
        found.push((m.start(), m.end()));
        at = m.end();
    }
    found
}
