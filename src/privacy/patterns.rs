//! The regex-level finders: e-mail and web addresses, phone numbers, BSNs,
//! IBANs, postcodes and street addresses, dates, ages, and names after a
//! title, a relation or initials.

use std::sync::LazyLock;

use regex::Regex;

use super::checks::{an_age, eleven_test, iban_check, plausible_date};
use super::names::{ABBREVIATIONS, ADDRESS, NAME, PARTICLES, RELATIONS};
use super::{PiiKind, PiiSpan, push};

pub(super) const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";

/// People whose age a text gives: "mijn tante is 97", "een man van 84".
const PERSONS: &str = concat!(
    "man|vrouw|dame|heer|meneer|mevrouw|jongen|meisje|jongeman|zoon|dochter|broer|zus|",
    "tante|oom|neef|nicht|kleinzoon|kleindochter|kleinkind|achterkleinkind|schoonzoon|schoondochter|",
    "schoonvader|schoonmoeder|schoonzus|zwager|buurvrouw|buurman|vriend|vriendin|partner|echtgenoot|echtgenote|",
    "bewoner|bewoonster|medebewoner|medebewoonster|cliënt|client|patiënt|patient|kamergenoot|",
    "vent|kerel|knul|jongedame|dochtertje|zoontje|kindje|ventje|jochie|peuter|kleuter|tiener|puber",
);
/// Words before a street name: "Dr. Schaepmanstraat", "Burgemeester
/// Visserstraat", "Lange Nieuwstraat", "Professor Kamerlingh Onneslaan".
const STREET_WORDS: &str = r"(?-u:\b)(?:(?:[A-Z][a-z]{1,3}\.|\p{Lu}\p{Ll}+)[ \t]+){0,2}";
/// The end of a street's name.
const STREETS: &str = "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|steeg|dreef|pad|markt|veld|baan|lei|steenweg|wei|wal|dreef|Markt|Plein";
/// A street's name that is its first word: "Laan van Meerdervoort", "Hof van Sonoy".
const STREET_HEADS: &str = "Laan|Hof|Plein|Weg|Kade|Dijk|Singel|Straat|Park";
/// What follows a house number: "12a", "12-b", "176-III", "12 hs", "3 bis",
/// "9 zwart", "141 bus 3".
const ADDITION: &str = r"(?:-\d+|\s?-?\s?(?:[a-zA-Z]|bis|hs|huis|bg|zwart|rood|boven|beneden)(?-u:\b)|-(?:I{1,3}|IV|V)(?-u:\b))?(?:\s+bus\s+\d+[a-zA-Z]?)?";
/// Parents, whose "van 3" counts children ("moeder van 3"): their age has
/// two digits or words.
const PARENTS: &str = "moeder|vader|mama|papa|mam|pap|ma|pa|opa|oma";
/// An age in words: a decade with a range word ("eind zestig", "in de
/// tachtig", "begin 80"), or a number ("vijfentachtig").
const AGE_WORDS: &str = concat!(
    r"(?:(?:(?:begin|midden|half|eind|achter|diep|ver)\s+(?:in\s+de\s+)?|(?:in|rond|over|boven|ergens\s+in)\s+de\s+)",
    r"(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|[1-9]0)",
    r"|(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën))?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)",
    r"|honderd|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien)",
);
/// An age: a number or [`AGE_WORDS`], with its "jaar".
static AGE: LazyLock<String> = LazyLock::new(|| format!(r"(?:\d{{1,3}}|{AGE_WORDS}|{SMALL_AGE_WORDS})(?:\s+jaar)?"));
/// A child's age in words, only where a verb or "van" makes it one ("hij is
/// pas zes"): alone, "zes jaar" is as often a duration.
const SMALL_AGE_WORDS: &str = "(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien)";
/// Words between "is" and an age: "ik ben al 84", "ze wordt morgen 90".
const BEFORE_AGE: &str =
    r"(?:(?:al|pas|net|bijna|inmiddels|intussen|nu|zelf|ook|ruim|vandaag|gisteren|morgen|sinds\s+kort)\s+)*";

/// What a match must pass besides its pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// Nothing: the pattern says it all.
    None,
    /// The BSN's eleven-test.
    ElevenTest,
    /// The IBAN's check digits.
    Mod97,
    /// A day and month that exist, not part of a longer run of numbers, not a
    /// room or version number.
    Date,
    /// An age after a verb ("ik ben 84"), not a duration, count or measure
    /// ("ik ben al 2 jaar hier", "ze is 3 keer gevallen").
    AgeAfterVerb,
    /// An age after "van" ("een man van 84 jaar"), not a measure ("van 100
    /// kilo").
    Age,
    /// A number in brackets that does not follow a counter ("kamer (12)").
    NotCounted,
    /// A capitalised word after a relation ("mijn dochter Fatima"): the
    /// redactor decides, since an ordinary word is none ("mijn coach Oké").
    AfterRelation,
}

/// One pattern: its kind, its check, and the regex (whose group 1, when it
/// has one, is the span).
#[derive(Debug)]
pub(super) struct Pattern {
    pub(super) kind: PiiKind,
    pub(super) check: Check,
    pub(super) re: Regex,
}

/// The patterns, and a set of all of them that finds in one pass which can
/// match at all (most texts hold no phone number, no e-mail address, ...).
pub(super) static PATTERNS: LazyLock<(Vec<Pattern>, regex::RegexSet)> = LazyLock::new(|| {
    let patterns = patterns();
    let set = regex::RegexSet::new(patterns.iter().map(|p| p.re.as_str())).expect("valid patterns");
    (patterns, set)
});

fn patterns() -> Vec<Pattern> {
    let age = AGE.as_str();
    let p = |kind, check, re: &str| Pattern { kind, check, re: Regex::new(re).expect("valid pattern") };
    use Check::*;
    use PiiKind::*;
    vec![
        p(Email, None, r"(?i)(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?-u:\b)"),
        p(Url, None, r"(?i)(?-u:\b)(?:https?://|www\.)\S+"),
        p(Datum, None, r"(?-u:\b)\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?-u:\b)"),
        // Two-digit and apostrophe years: 26-4-21, 8/12/18, 12-04-'02.
        p(Datum, Date, r"(?-u:\b)\d{1,2}[-/.]\d{1,2}[-/.]['’]?\d{2}(?-u:\b)"),
        p(Datum, None, r"(?-u:\b)(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?-u:\b)"),
        // 3 maart 1941, 17-mei-2011, 15.jan.1928, 17 mei '11, 1 aug. 2019.
        p(
            Datum,
            None,
            &format!(
                r"(?i)(?-u:\b)\d{{1,2}}(?:\s+|\s*[-.]\s*)(?:{MONTHS})\.?(?:\s+|\s*[-.]\s*)(?:(?:19|20)\d{{2}}|['’]\d{{2}})(?-u:\b)"
            ),
        ),
        // Any country's IBAN (NL91 ABNA 0417 1643 00, BE68 5390 0754 7034);
        // the check digits decide.
        p(Iban, Mod97, r"(?-u:\b)[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?-u:\b)"),
        // A number the text calls a BSN is one, even when mistyped: "BSN is
        // 234567891", "burgerservicenummer: 1234.56.789", "sofinummer 12345678".
        p(
            Bsn,
            None,
            r"(?i)(?-u:\b)(?:bsn|burger\s?service\s?nummer|sofi)(?:\s?-?\s?(?:nummer|nr\.?))?(?:\s+(?:van\s+(?:\p{L}+\s+){0,2})?(?:is|was))?\s*[:=]?\s*(\d(?:[ .]?\d){7,8})(?-u:\b)",
        ),
        p(
            Telefoon,
            None,
            r"(?:\+|(?-u:\b)00)\s?3[12]\s?(?:\(0\)\s?)?\d(?:(?:\s?-\s?|\s)?\d){7,8}(?-u:\b)|(?:\(0\d{1,3}\)|(?-u:\b)0\d{1,3})(?:(?:\s?-\s?|\s)?\d){6,8}(?-u:\b)|(?-u:\b)0\d{1,3}/\s?\d{2,3}(?:[.\s]\d{2,3}){1,2}(?-u:\b)",
        ),
        // Grouped as written: 2159.01.095, 7864 79 754, 972 997 520.
        // Another country's number: +34 612 44 90 18, +597 8812345.
        p(Telefoon, None, r"\+[1-9]\d{0,2}(?:[\s.-]?\d){6,12}(?-u:\b)"),
        p(Bsn, ElevenTest, r"(?-u:\b)(?:\d{4}\.?\d{2}\.?\d{3}|\d{4} \d{2} \d{3}|\d{3}([ .])\d{3}[ .]\d{3})(?-u:\b)"),
        p(Adres, None, r"(?-u:\b)[1-9]\d{3}\s?[A-Z]{2}(?-u:\b)"),
        // A street and number, with the words before the street ("Dr.
        // Schaepmanstraat 14", "Lange Nieuwstraat 3 bis", "Laan van
        // Meerdervoort 512") and an addition ("12a", "176-III", "12 hs", "141
        // bus 3", "9 zwart").
        p(
            Adres,
            None,
            &format!(
                r"{STREET_WORDS}(?:[A-Z][\p{{L}}-]*(?:{STREETS})|(?:{STREET_HEADS})\s+van\s+(?:de[rn]?\s+)?\p{{Lu}}\p{{L}}+)\s+\d{{1,4}}{ADDITION}"
            ),
        ),
        p(Leeftijd, None, r"(?i)(?-u:\b)\d{1,3}[\s-]?jarige?(?-u:\b)|(?-u:\b)\d{1,3}\s+jaar\s+oud(?-u:\b)"),
        // "41 jr", "90 jr.": the abbreviation is for ages, not durations ("al 2 jr").
        p(Leeftijd, Age, r"(?i)(?:^|[^\w\s]\s*|(?-u:\b)(?:is|ben|was|van|wordt|werd)\s)(\d{1,3}\s?jr(?-u:\b))"),
        // "op mijn 83ste", "op haar tachtigste"
        p(
            Leeftijd,
            None,
            r"(?i)(?-u:\b)op\s+(?:mijn|m'n|zijn|z'n|haar|je|jouw|uw|hun|onze)\s+(\d{1,3}(?:ste|de|e)|\p{L}+(?:tigste|tiende|twintigste))(?-u:\b)",
        ),
        // "eind zeventig", "in de tachtig": a decade with a range word is an age.
        p(
            Leeftijd,
            Age,
            r"(?i)(?-u:\b)((?:begin|midden|half|eind|diep|ver)\s+(?:in\s+de\s+)?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|in\s+de\s+(?:veertig|vijftig|zestig|zeventig|tachtig|negentig))(?-u:\b)",
        ),
        // "ik ben (al) 84 (jaar)", "mijn tante is 97", "hij is eind zestig"
        p(
            Leeftijd,
            AgeAfterVerb,
            &format!(
                r"(?i)(?-u:\b)(?:ik|hij|zij|ze|u|kind|baby|{PERSONS}|{PARENTS})\s+(?:is|ben|bent|was|wordt|werd|word)\s+{BEFORE_AGE}({age})(?-u:\b)"
            ),
        ),
        // "wij zijn allebei 74", "we zijn beiden in de tachtig"
        p(
            Leeftijd,
            AgeAfterVerb,
            &format!(
                r"(?i)(?-u:\b)(?:wij|we|jullie|zij|ze)\s+(?:zijn|waren|worden)\s+(?:allebei|beiden|allemaal|samen\s+)?\s*{BEFORE_AGE}({age})(?-u:\b)"
            ),
        ),
        // "ook al ben ik 96", "nu is ze 90"
        p(
            Leeftijd,
            AgeAfterVerb,
            &format!(
                r"(?i)(?-u:\b)(?:is|ben|bent|was|wordt|werd|word)\s+(?:ik|hij|zij|ze|u)\s+{BEFORE_AGE}({age})(?-u:\b)"
            ),
        ),
        // "een man van 84", "kleindochter van 12", "een vrouw van in de tachtig"
        p(
            Leeftijd,
            Age,
            &format!(r"(?i)(?-u:\b)(?:{PERSONS})\s+van\s+(?:bijna\s+|ruim\s+|pas\s+|net\s+)?({age})(?-u:\b)"),
        ),
        p(
            Leeftijd,
            Age,
            &format!(
                r"(?i)(?-u:\b)(?:{PARENTS})\s+van\s+(?:bijna\s+|ruim\s+|pas\s+|net\s+)?(\d{{2,3}}(?:\s+jaar)?|{AGE_WORDS}(?:\s+jaar)?)(?-u:\b)"
            ),
        ),
        // "sinds ik 14 ben", "toen hij 12 was", "nu ze 90 wordt"
        p(
            Leeftijd,
            AgeAfterVerb,
            r"(?i)(?-u:\b)(?:sinds|toen|nadat|als|nu|omdat|dat|tot)\s+(?:ik|hij|zij|ze|u|we|wij)\s+(\d{1,3})\s+(?:jaar\s+)?(?:ben|bent|was|werd|word|wordt|is|zijn|waren)(?-u:\b)",
        ),
        // "Fleur is 21 geworden", "onze dochter Fleur 21 geworden"
        p(Leeftijd, None, &format!(r"(?i)(?-u:\b)((?:\d{{1,3}}|{AGE_WORDS})(?:\s+jaar)?)\s+geworden(?-u:\b)")),
        // "Mees (8)": one digit in brackets right after a capitalised name
        p(Leeftijd, NotCounted, r"(?-u:\b)\p{Lu}\p{Ll}+\s\((\d)\)"),
        // "(12 alweer!)", "(D., 16)"
        p(Leeftijd, NotCounted, r"\(\s?(\d{1,3})\s+(?:alweer|al|inmiddels|nu|pas)\s?!?\)"),
        p(Leeftijd, NotCounted, r"\(\s?\p{Lu}\.?,\s?(\d{1,3})\s?\)"),
        // "Mijn vader (91)", "Daan (19 jaar)", "Tante Lien (96!)"
        p(Leeftijd, NotCounted, r"\(\s?(?:bijna\s|ruim\s|pas\s|net\s)?(\d{2,3}(?:\s?(?:jaar|jr(?-u:\b)\.?))?)\s?!?\)"),
        // "(81, Insulindeweg 77)", "(84; 125117446)", "(van in de tachtig)"
        p(Leeftijd, NotCounted, r"\(\s?(\d{2,3})\s?[,;]\s?(?:\p{L}|\d{3}[ .]?\d{3}[ .]?\d{3}(?-u:\b))"),
        p(Leeftijd, None, &format!(r"(?i)\(\s?van\s+((?:{AGE_WORDS})(?:\s+jaar)?)\s?\)")),
        // "Mijn moeder, 86 jaar,", "op de leeftijd van 91", "leeftijd: 84"
        p(Leeftijd, Age, &format!(r"(?m),\s((?:\d{{2,3}}|{AGE_WORDS})\s+jaar)(?:\s*[,.;)]|\s*$)")),
        p(Leeftijd, None, r"(?i)(?-u:\b)leeftijd\s*(?::|van)\s*(\d{1,3})(?-u:\b)"),
        // A title with a name, initials, or one initial: "mw. De Vries",
        // "dhr. J. Bakker", "dr. A", "dhr B."
        p(
            Naam,
            None,
            &format!(
                r"(?i:(?-u:\b)(?:(?:{ABBREVIATIONS})\.?|{ADDRESS}))\s+((?:\p{{Lu}}\.\s?)*(?:{NAME}\s+)?(?:(?i:{PARTICLES})\s+)?{NAME}|(?:[A-Z]\.\s?)*[A-Z](?-u:\b))"
            ),
        ),
        p(
            Naam,
            AfterRelation,
            &format!(r"(?i:(?-u:\b)(?:{RELATIONS}))(?:\s+|,\s+)({NAME}(?:\s+(?:(?i:{PARTICLES})\s+)?{NAME})?)"),
        ),
        p(Naam, None, &format!(r"(?-u:\b)(?:\p{{Lu}}\.\s?)+(?:(?i:{PARTICLES})\s+)?{NAME}")),
    ]
}

impl Check {
    /// Whether `found` (the span of a match that starts at `matched`) in
    /// `text` passes.
    pub(super) fn passes(self, text: &str, matched: usize, found: regex::Match) -> bool {
        match self {
            Check::None => true,
            Check::ElevenTest => eleven_test(found.as_str()),
            Check::Mod97 => iban_check(found.as_str()),
            Check::Date => plausible_date(text, found.start(), found.end()) && !after_a_counter(&text[..found.start()]),
            Check::Age => an_age(found.as_str(), &text[found.end()..], false, false),
            Check::AgeAfterVerb => {
                let already = text[matched..found.start()].split_whitespace().any(|w| w.eq_ignore_ascii_case("al"));
                an_age(found.as_str(), &text[found.end()..], true, already)
            }
            Check::NotCounted => !after_a_counter(&text[..matched]),
            Check::AfterRelation => true,
        }
    }
}

/// A day and month without a year: "3 maart", "2 jan.", and in figures
/// after a word that announces a date ("op 3-12", "vertrek 26/11", "za
/// 3-2") or alone at a line's end ("afdeling De Linde, 14-3."); never a
/// month alone ("in mei"), a score or a mark ("7/10", "3-2 gewonnen").
pub(super) fn day_month_dates(text: &str, spans: &mut Vec<PiiSpan>) {
    static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?-u:\b)\d{{1,2}}\s+(?:{MONTHS})(?-u:\b)\.?")).expect("valid pattern")
    });
    static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?i)(?:(?-u:\b)(?:op|per|vanaf|sinds|tot|vóór|voor|na|d\.d\.|datum|vertrek|terug|ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+|,\s)",
            r"(\d{1,2}[-/]\d{1,2})(?:[.:;?!]?\s*$|[.:;?!]?\s|[):]|,\s)"
        ))
        .expect("valid pattern")
    });
    let bytes = text.as_bytes();
    if !bytes.iter().any(u8::is_ascii_digit) {
        return;
    }
    for m in DAY_MONTH.find_iter(text) {
        let mut end = m.end();
        // The dot of an abbreviation ("2 jan."), not a full stop after a full month name.
        let word = m.as_str().trim_end_matches('.').rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
        // (MONTHS opens with the twelve full names.)
        if m.as_str().ends_with('.') && MONTHS.split('|').take(12).any(|full| full == word) {
            end -= 1;
        }
        push(spans, PiiSpan { start: m.start(), end, kind: PiiKind::Datum });
    }
    if !text.contains(['-', '/']) {
        return;
    }
    for c in FIGURES.captures_iter(text) {
        let (whole, d) = (c.get(0).expect("match"), c.get(1).expect("group"));
        let mut parts = d.as_str().split(['-', '/']).map(|p| p.parse::<u32>().unwrap_or(0));
        let (day, month) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        let rest = &text[d.end()..];
        // After a comma only a date that ends its line or clause ("De Linde, 14-3.").
        let comma = whole.as_str().starts_with(',');
        let line_end = rest.trim_start_matches(['.', ':', ';', '?', '!', ' ']).starts_with('\n')
            || rest.trim_end_matches(['.', '?', '!', ' ']).is_empty();
        let units = an_age(d.as_str(), rest, false, false);
        if (1..=31).contains(&day) && (1..=12).contains(&month) && (!comma || line_end) && units {
            push(spans, PiiSpan { start: d.start(), end: d.end(), kind: PiiKind::Datum });
        }
    }
}

/// A nine-digit number (plain or grouped) in a text that speaks of a BSN or
/// already has one ("BSN's: 252666197 (Gerrit), 198257155 (Anouk)", "Ik
/// schreef 590871829, het moet zijn 590871820") or after an age in brackets
/// ("(84; 125117446)"); never after a word that makes it another number
/// ("cliëntnummer 123456789", "ordernummer").
pub(super) fn more_bsns(text: &str, spans: &mut Vec<PiiSpan>) {
    static NINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)[1-9](?:\d{8}|\d{2}([ .])\d{3}[ .]\d{3}|\d{3}[ .]\d{2}[ .]\d{3})(?-u:\b)")
            .expect("valid pattern")
    });
    static AFTER_AGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(\s?\d{1,3}\s?[;,]\s?$").expect("valid pattern"));
    if text.bytes().filter(u8::is_ascii_digit).count() < 9 {
        return;
    }
    let found = spans.iter().any(|s| s.kind == PiiKind::Bsn);
    let lower = text.to_ascii_lowercase();
    let spoken = found || lower.contains("bsn") || lower.contains("burgerservice") || lower.contains("sofi");
    for m in NINE.find_iter(text) {
        let runs_on = text[m.end()..].starts_with(|c: char| {
            c.is_ascii_digit() || c == '-' || c == ',' && text[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
        });
        let before = &text[..m.start()];
        let counted = {
            let word = before.trim_end().trim_end_matches([':', '#']).trim_end();
            let word = word.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            word.ends_with("nummer")
                && !word.contains("sofi")
                && !word.contains("burgerservice")
                && !word.starts_with("bsn")
                || word.ends_with("nr") && !word.starts_with("bsn")
                || [
                    "kamer",
                    "order",
                    "factuur",
                    "ticket",
                    "klant",
                    "dossier",
                    "referentie",
                    "kenmerk",
                    "€",
                    "eur",
                    "euro",
                ]
                .contains(&word.as_str())
        };
        let money = before.trim_end().ends_with(['€', '$']);
        if !runs_on && !counted && !money && (spoken || AFTER_AGE.is_match(before)) {
            push(spans, PiiSpan { start: m.start(), end: m.end(), kind: PiiKind::Bsn });
        }
    }
}

/// A street and number that no street word marks ("Tjalk 88", "Achterom
/// 1c", "Korte Meer 19 bus 2") before a postcode, after an address label
/// ("Adres:", "woonachtig", "wonende"); and a Belgian postcode after a street
/// ("Grote Markt 7, 9000 Gent").
pub(super) fn more_addresses(text: &str, spans: &mut Vec<PiiSpan>) {
    static BEFORE_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?-u:\b)((?:\p{{Lu}}[\p{{L}}'-]*\.?[ \t]+){{0,2}}\p{{Lu}}[\p{{L}}'-]+[ \t]+\d{{1,4}}{ADDITION}),?\s+(?:[1-9]\d{{3}}\s?[A-Z]{{2}}(?-u:\b)|[1-9]\d{{3}}\s+\p{{Lu}})"
        ))
        .expect("valid pattern")
    });
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i:adres|woonadres|domicilie|woonachtig(?:\s+(?:aan|op)(?:\s+de)?)?|wonende(?:\s+(?:aan|op)(?:\s+de)?)?|correspondentie(?:\s+graag)?\s+naar)\s*:?[ \t]+((?:\p{{Lu}}[\p{{L}}'-]*\.?[ \t]+){{0,2}}\p{{Lu}}[\p{{L}}'-]+[ \t]+\d{{1,4}}{ADDITION})(?-u:\b)"
        ))
        .expect("valid pattern")
    });
    static BELGIAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^,?\s+([1-9]\d{3})\s+\p{Lu}\p{Ll}").expect("valid pattern"));
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    // Cheap tests first: a postcode needs four digits in a row.
    let postcode = text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    let finders = [postcode.then_some(&*BEFORE_POSTCODE), Some(&*LABELLED)];
    for re in finders.into_iter().flatten() {
        for c in re.captures_iter(text) {
            let m = c.get(1).expect("group");
            // A street needs a word that is no title or label before its number.
            spans.retain(|s| {
                !(matches!(s.kind, PiiKind::Adres | PiiKind::Naam) && m.start() <= s.start && s.end <= m.end())
            });
            push(spans, PiiSpan { start: m.start(), end: m.end(), kind: PiiKind::Adres });
        }
    }
    let streets: Vec<usize> = spans.iter().filter(|s| s.kind == PiiKind::Adres).map(|s| s.end).collect();
    for end in streets {
        if let Some(code) = BELGIAN.captures(&text[end..]).and_then(|c| c.get(1)) {
            push(spans, PiiSpan { start: end + code.start(), end: end + code.end(), kind: PiiKind::Adres });
        }
    }
}

/// A nickname in brackets belongs to the name around it: "H.J. (Henk)
/// Koster", "Johanna (Joke) Bakker", "Hendrika (Riek) Smit-Veldman".
pub(super) fn nicknames_in_names(text: &str, spans: &mut Vec<PiiSpan>) {
    static INITIALS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?-u:\b)(?:\p{Lu}\.[ \t]?)+$").expect("valid pattern"));
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\([ \t]?\p{Lu}[\p{L}-]+[ \t]?\)").expect("valid pattern"));
    static GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^[ \t]*(?:(?i:{PARTICLES})[ \t]+)?")).expect("valid pattern"));
    if !text.contains('(') {
        return;
    }
    let names: Vec<(usize, usize)> =
        spans.iter().filter(|s| s.kind == PiiKind::Naam).map(|s| (s.start, s.end)).collect();
    let mut grown = Vec::new();
    for m in BRACKETED.find_iter(text) {
        let before = text[..m.start()].trim_end_matches([' ', '\t']);
        let left = names
            .iter()
            .find(|n| n.1 == before.len())
            .map(|n| n.0)
            .or_else(|| INITIALS.find(before).map(|i| i.start()));
        let after = m.end() + GAP.find(&text[m.end()..]).map_or(0, |g| g.end());
        let right = names.iter().find(|n| n.0 == after).map(|n| n.1);
        let named = names.iter().any(|n| m.start() < n.0 && n.1 < m.end());
        if left.is_some() && right.is_some() || named && (left.is_some() || right.is_some()) {
            grown.push((left.unwrap_or(m.start()), right.unwrap_or(m.end())));
        }
    }
    for (start, end) in grown {
        spans.retain(|s| !(s.kind == PiiKind::Naam && start <= s.start && s.end <= end));
        push(spans, PiiSpan { start, end, kind: PiiKind::Naam });
    }
}

/// Ages of several children: "onze kinderen van 8 en 11", "kleinkinderen
/// van 3, 5 en 9".
pub(super) fn ages_of_children(text: &str, spans: &mut Vec<PiiSpan>) {
    static CHILDREN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:kinderen|kids|kinders|kleinkinderen|zonen|dochters|jongens|meiden|meisjes|tweeling)\s+van\s+(\d{1,2}(?:\s*(?:,|en)\s*\d{1,2})+)(?:\s+jaar)?(?-u:\b)")
            .expect("valid pattern")
    });
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,2}").expect("valid pattern"));
    if !text.contains(" van ") {
        return;
    }
    for c in CHILDREN.captures_iter(text) {
        let list = c.get(1).expect("group");
        if !an_age(list.as_str(), &text[list.end()..], false, false) {
            continue;
        }
        for n in NUMBER.find_iter(list.as_str()) {
            push(
                spans,
                PiiSpan { start: list.start() + n.start(), end: list.start() + n.end(), kind: PiiKind::Leeftijd },
            );
        }
    }
}

/// "Rachid is 31", "Meneer van den Heuvel is 94 jaar": an age right after a
/// name; and "... is 94 jaar." at the end of a clause.
pub(super) fn ages_of_named_people(text: &str, spans: &mut Vec<PiiSpan>) {
    static IS_AGE: LazyLock<Regex> = LazyLock::new(|| {
        let age = AGE.as_str();
        Regex::new(&format!(r"^\s+(?:is|was|wordt|werd)\s+{BEFORE_AGE}({age})(?-u:\b)")).expect("valid pattern")
    });
    static CLAUSE_AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)is\s+(?:al\s+|pas\s+|net\s+|bijna\s+|inmiddels\s+|nu\s+)?(\d{2,3}\s+jaar)(?:\s*[.,;!?)]|\s+(?:en|maar|geworden)(?-u:\b)|\s*$)")
            .expect("valid pattern")
    });
    static COMMA_AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*,\s*(\d{1,3}(?:\s*(?:jaar|jr(?-u:\b)))?)\s*(?:[,;)]|$)").expect("valid pattern")
    });
    let mut found = Vec::new();
    for s in spans.iter().filter(|s| s.kind == PiiKind::Naam) {
        // "Mw. Tineke van der Meulen, 81, ...", "(Halima Yusuf, 58)"
        if let Some(age) = COMMA_AGE.captures(&text[s.end..]).and_then(|c| c.get(1))
            && age
                .as_str()
                .split_whitespace()
                .next()
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| (1..=115).contains(&n))
        {
            found.push(PiiSpan { start: s.end + age.start(), end: s.end + age.end(), kind: PiiKind::Leeftijd });
        }
        if let Some(age) = IS_AGE.captures(&text[s.end..]).and_then(|c| c.get(1))
            && an_age(age.as_str(), &text[s.end + age.end()..], true, false)
        {
            found.push(PiiSpan { start: s.end + age.start(), end: s.end + age.end(), kind: PiiKind::Leeftijd });
        }
    }
    for c in CLAUSE_AGE.captures_iter(text) {
        let age = c.get(1).expect("group");
        found.push(PiiSpan { start: age.start(), end: age.end(), kind: PiiKind::Leeftijd });
    }
    for s in found {
        push(spans, s);
    }
}

/// Does the text end in a word after which a number in brackets is a number,
/// not an age ("kamer (12)")?
pub(super) fn after_a_counter(before: &str) -> bool {
    const COUNTERS: &[&str] =
        &["kamer", "nummer", "nr", "huisnummer", "bed", "afdeling", "pagina", "blz", "lokaal", "bus", "versie", "v"];
    let word = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    COUNTERS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    fn r(text: &str) -> String {
        super::super::Redactor::new().redact(text).into_owned()
    }

    #[test]
    fn ages_in_words_after_the_verb_in_brackets_and_turned() {
        assert_eq!(r("Hij is pas zes en heeft gehuild."), "Hij is pas [LEEFTIJD] en heeft gehuild.");
        assert_eq!(r("Ik woon hier sinds ik 14 ben."), "Ik woon hier sinds ik [LEEFTIJD] ben.");
        assert_eq!(r("Wij zijn allebei 74 en kunnen niet meer."), "Wij zijn allebei [LEEFTIJD] en kunnen niet meer.");
        assert_eq!(r("onze dochter is 21 geworden"), "onze dochter is [LEEFTIJD] geworden");
        assert_eq!(r("Vandaag heeft Mees (8) gelogeerd."), "Vandaag heeft [NAAM-1] ([LEEFTIJD]) gelogeerd.");
        assert_eq!(r("Mila is morgen jarig (12 alweer!) en"), "[NAAM-1] is morgen jarig ([LEEFTIJD] alweer!) en");
        assert_eq!(r("een jongere (D., 16) gooide"), "een jongere (D., [LEEFTIJD]) gooide");
        // A decade with a range word is an age whatever word follows.
        assert_eq!(r("Een mevrouw van in de tachtig op de afdeling."), "Een mevrouw van [LEEFTIJD] op de afdeling.");
        // Never a count, a duration or a list number.
        assert_eq!(r("Hij is twee keer gevallen."), "Hij is twee keer gevallen.");
        assert_eq!(r("Een man van 3 op de 10 bezoeken."), "Een man van 3 op de 10 bezoeken.");
        assert_eq!(r("We zijn drie weken weg geweest."), "We zijn drie weken weg geweest.");
        assert_eq!(r("Zie punt (3) van de agenda."), "Zie punt (3) van de agenda.");
        assert_eq!(r("Sinds ik 2 jaar hier ben gaat het beter."), "Sinds ik 2 jaar hier ben gaat het beter.");
        assert_eq!(r("Het is 5 minuten lopen."), "Het is 5 minuten lopen.");
    }

    #[test]
    fn a_day_and_month_without_a_year_is_a_date_a_month_alone_is_not() {
        assert_eq!(r("Op 2 jan. trof ik haar aan."), "Op [DATUM] trof ik haar aan.");
        assert_eq!(r("sinds 1 september helpen ze"), "sinds [DATUM] helpen ze");
        assert_eq!(r("Ik vroeg het op 3 maart. In mei nog eens."), "Ik vroeg het op [DATUM]. In mei nog eens.");
        assert_eq!(r("Het was in mei, 3 keer."), "Het was in mei, 3 keer.");
        // A full stop after a full month name is no abbreviation's dot.
        assert_eq!(r("Ik kwam op 12 mei. Toen op 2 sept. weer."), "Ik kwam op [DATUM]. Toen op [DATUM] weer.");
    }

    #[test]
    fn a_day_and_month_in_figures_needs_a_word_that_announces_a_date() {
        assert_eq!(r("Waarom hoor ik dat pas nu, op 3-12?"), "Waarom hoor ik dat pas nu, op [DATUM]?");
        assert_eq!(r("Rolstoelvervoer, vertrek 26/11 10.00 uur."), "Rolstoelvervoer, vertrek [DATUM] 10.00 uur.");
        assert_eq!(r("Overdracht wijkteam Noord, za 3-2:"), "Overdracht wijkteam Noord, za [DATUM]:");
        assert_eq!(
            r("Overdracht avond, afdeling De Linde, 14-3.\nAlles rustig."),
            "Overdracht avond, afdeling De Linde, [DATUM].\nAlles rustig."
        );
        assert_eq!(r("Ik geef het een 7/10, echt."), "Ik geef het een 7/10, echt.");
        assert_eq!(r("We wonnen met 3-2 van de buren."), "We wonnen met 3-2 van de buren.");
        assert_eq!(r("zorg is 24/7 bereikbaar"), "zorg is 24/7 bereikbaar");
        assert_eq!(r("op 1-2 dagen per week"), "op 1-2 dagen per week");
        assert_eq!(r("om 8.30 uur in kamer 12"), "om 8.30 uur in kamer 12");
    }

    #[test]
    fn a_bsn_grouped_as_written_or_named_by_the_text_is_redacted() {
        assert_eq!(
            r("Burgerservicenummer voor uw administratie: 972 997 520."),
            "Burgerservicenummer voor uw administratie: [BSN]."
        );
        assert_eq!(r("sofinummer 7864 79 754"), "sofinummer [BSN]");
        assert_eq!(r("Mijn bsn voor uw administratie: 688278793."), "Mijn bsn voor uw administratie: [BSN].");
        assert_eq!(r("Ik schreef 590871829 op het bsn-formulier."), "Ik schreef [BSN] op het bsn-formulier.");
        assert_eq!(r("mw. H. Kramer (84; 125117446), Parklaan 3"), "mw. [NAAM-1] ([LEEFTIJD]; [BSN]), [ADRES]");
        // Other numbers stay, even beside a BSN.
        assert_eq!(r("BSN 123456782, cliëntnummer 234567891"), "BSN [BSN], cliëntnummer 234567891");
        assert_eq!(r("Factuur 590871829 klopt niet."), "Factuur 590871829 klopt niet.");
        assert_eq!(r("bsn 123456782, kosten € 125.000.000"), "bsn [BSN], kosten € 125.000.000");
    }

    #[test]
    fn a_phone_number_of_another_country() {
        assert_eq!(r("haar nummer is +34 612 44 90 18 en"), "haar nummer is [TELEFOON] en");
        assert_eq!(r("nummer +597 8812345."), "nummer [TELEFOON].");
        assert_eq!(r("score +3 punten"), "score +3 punten");
    }

    #[test]
    fn addresses_with_additions_words_before_the_street_and_belgian_postcodes() {
        assert_eq!(r("Diestsestraat 141 bus 3, 3000 Leuven"), "[ADRES], [ADRES] Leuven");
        assert_eq!(r("woonachtig Dr. Schaepmanstraat 14, 6542 VB Nijmegen"), "woonachtig [ADRES], [ADRES] Nijmegen");
        assert_eq!(r("Woonadres: Laan van Meerdervoort 512, 2563 BH Den Haag"), "Woonadres: [ADRES], [ADRES] Den Haag");
        assert_eq!(r("Adres: Insulindeweg 77-III en verder"), "Adres: [ADRES] en verder");
        assert_eq!(r("Graag naar Oosterstraat 9 zwart."), "Graag naar [ADRES].");
        assert_eq!(r("Hij woont op de Graaf Florislaan 12 hs."), "Hij woont op de [ADRES].");
        assert_eq!(
            r("Correspondentie graag naar Tjalk 88, 8232 ML Lelystad."),
            "Correspondentie graag naar [ADRES], [ADRES] Lelystad."
        );
        assert_eq!(r("Mijn adres: Korte Meer 19 bus 2, 9000 Gent."), "Mijn adres: [ADRES], [ADRES] Gent.");
        assert_eq!(r("Domicilie: Grote Markt 7, 9000 Gent"), "Domicilie: [ADRES], [ADRES] Gent");
        // A number after a capitalised word is no address without a street word, postcode or label.
        assert_eq!(r("Kamer 12 en Afdeling 3 zijn dicht."), "Kamer 12 en Afdeling 3 zijn dicht.");
        assert_eq!(r("In 2019 kwamen 3000 mensen."), "In 2019 kwamen 3000 mensen.");
        assert!(!r("de Kerkstraat is druk").contains("[ADRES]"));
    }

    #[test]
    fn a_nickname_in_brackets_belongs_to_the_name() {
        assert_eq!(r("Naam: dhr. H.J. (Henk) Koster\nBSN"), "Naam: dhr. [NAAM-1]\nBSN");
        assert_eq!(r("mijn moeder mw. Johanna (Joke) Bakker, geb."), "mijn moeder mw. [NAAM-1], geb.");
        assert_eq!(r("Dhr. Cornelis (Kees) van der Laan, 88 jaar"), "Dhr. [NAAM-1], [LEEFTIJD]");
        // A bracketed word after a name that is no nickname's shape stays.
        assert_eq!(r("Zuster Anja (nachtdienst) belde."), "Zuster [NAAM-1] (nachtdienst) belde.");
    }

    #[test]
    fn ages_in_notes_brackets_lists_and_words() {
        assert_eq!(
            r("Cliënt: mw. Tineke van der Meulen, 81, woont thuis"),
            "Cliënt: mw. [NAAM-1], [LEEFTIJD], woont thuis"
        );
        assert_eq!(r("dhr. Aziz El Amrani (81, Insulindeweg 77-III)"), "dhr. [NAAM-1] ([LEEFTIJD], [ADRES])");
        assert_eq!(r("mijn vader (bijna 90) heeft Parkinson"), "mijn vader (bijna [LEEFTIJD]) heeft Parkinson");
        assert_eq!(r("Ons pa (van in de tachtig) viel."), "Ons pa (van [LEEFTIJD]) viel.");
        assert_eq!(
            r("Cliënt: mw. Halima Ahmed Farah, eind zeventig, woont"),
            "Cliënt: mw. [NAAM-1], [LEEFTIJD], woont"
        );
        assert_eq!(r("Mijn moeder van vijfentachtig jaar krijgt"), "Mijn moeder van [LEEFTIJD] krijgt");
        assert_eq!(r("Hij is overleden, vijfentachtig jaar."), "Hij is overleden, [LEEFTIJD].");
        assert_eq!(r("Hüseyin Demir, 41 jr, bsn"), "[NAAM-1], [LEEFTIJD], bsn");
        assert_eq!(
            r("Onze kinderen van 8 en 11 snappen het niet."),
            "Onze kinderen van [LEEFTIJD] en [LEEFTIJD] snappen het niet."
        );
        assert_eq!(r("voor mijn dochtertje van 6"), "voor mijn dochtertje van [LEEFTIJD]");
        assert_eq!(r("Ik ben een vent van in de vijftig."), "Ik ben een vent van [LEEFTIJD].");
        assert_eq!(r("Op mijn 83ste leerde ik mailen."), "Op mijn [LEEFTIJD] leerde ik mailen.");
        // Durations, counts and scores stay.
        assert_eq!(r("Ik woon hier al 2 jr, over 1 jaar verhuis ik."), "Ik woon hier al 2 jr, over 1 jaar verhuis ik.");
        assert_eq!(r("Dat was 10 jaar geleden, 3 keer per week."), "Dat was 10 jaar geleden, 3 keer per week.");
        assert_eq!(r("Het kost (12, 50 met korting) euro"), "Het kost (12, 50 met korting) euro");
        assert_eq!(r("kamer (12, 14) is vrij"), "kamer (12, 14) is vrij");
        assert_eq!(r("Er zijn kinderen van 3 scholen."), "Er zijn kinderen van 3 scholen.");
        assert_eq!(r("Het was eind jaren zeventig."), "Het was eind jaren zeventig.");
    }
}
