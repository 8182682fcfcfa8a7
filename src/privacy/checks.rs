//! Check digits: the IBAN's mod-97 and the BSN's eleven-test.

/// The IBAN check: the country and check digits moved to the end, letters
/// as numbers (A = 10), the whole number modulo 97 is 1.
pub(super) fn iban_check(iban: &str) -> bool {
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let mut rest = 0u32;
    for c in compact[4..].iter().chain(&compact[..4]) {
        let Some(v) = c.to_digit(36) else { return false };
        rest = if v < 10 { (rest * 10 + v) % 97 } else { (rest * 100 + v) % 97 };
    }
    rest == 1
}

/// The Dutch eleven-test for BSNs.
pub(super) fn eleven_test(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i64 =
        digits.iter().enumerate().map(|(i, &d)| if i == 8 { -(d as i64) } else { (9 - i as i64) * d as i64 }).sum();
    sum % 11 == 0
}

/// Whether `text[start..end]`, day, month and two-digit year with one kind
/// of separator ("26-4-21", "12-04-'02"), is a date: a day and month that
/// exist, and no number runs on before or after it (a phone number written
/// "06-12-34-56-78", a version "1.2.18.4").
pub(super) fn plausible_date(text: &str, start: usize, end: usize) -> bool {
    let date = &text[start..end];
    let mut parts = date.split(['-', '/', '.']);
    let (Some(day), Some(month), Some(_year)) = (parts.next(), parts.next(), parts.next()) else { return false };
    let separators: Vec<char> = date.chars().filter(|c| matches!(c, '-' | '/' | '.')).collect();
    let (Ok(day), Ok(month)) = (day.parse::<u32>(), month.parse::<u32>()) else { return false };
    let runs_on = |s: &[u8]| s.len() >= 2 && matches!(s[0], b'-' | b'/' | b'.' | b':' | b',') && s[1].is_ascii_digit();
    let before: Vec<u8> = text[..start].bytes().rev().take(2).collect();
    (1..=31).contains(&day)
        && (1..=12).contains(&month)
        && separators.len() == 2
        && separators[0] == separators[1]
        && !runs_on(&text.as_bytes()[end..])
        && !(before.len() == 2 && before[1].is_ascii_digit() && matches!(before[0], b'-' | b'/' | b'.' | b':'))
}

/// Whether `age` ("84", "84 jaar", "eind zestig"), followed by `after`, is
/// someone's age and not a duration, count or measure: "10 jaar geleden",
/// "3 keer", "om 8.30", "12 kilo", "1 van de 3". After a verb ("ik ben 84
/// jaar", `after_verb`) only a few words may follow "N jaar" ("ik ben 20 jaar
/// getrouwd", "ik was 40 jaar kapitein" are durations), and "al" before a
/// number under 18 makes it a duration ("ik ben al 2 jaar", `already`).
pub(super) fn an_age(age: &str, after: &str, after_verb: bool, already: bool) -> bool {
    /// Words after "N jaar" that make it a duration.
    const DURATION: &[&str] = &["geleden", "lang", "later", "terug", "eerder", "verder", "na", "voor", "sinds"];
    /// After a verb, the words that leave "N jaar" an age ("ik ben 84 jaar
    /// oud", "is 91 jaar geworden", "ik ben 58 jaar met een depressie"); any
    /// other makes it a duration ("ik ben 20 jaar getrouwd", "ik was 40 jaar
    /// kapitein").
    const AGE_AFTER_VERB: &[&str] = &[
        "oud",
        "jong",
        "geworden",
        "en",
        "maar",
        "of",
        "dus",
        "nu",
        "inmiddels",
        "intussen",
        "toen",
        "want",
        "hoor",
        "met",
        "zonder",
        "die",
        "dat",
        "wat",
        "heb",
        "had",
        "ben",
        "was",
        "woon",
        "kan",
        "zit",
    ];
    /// Units and counted things: a number before them is no age.
    const UNITS: &[&str] = &[
        "minuten",
        "minuut",
        "minuutjes",
        "min",
        "uur",
        "uurtjes",
        "uren",
        "seconden",
        "dagen",
        "dag",
        "weken",
        "week",
        "maanden",
        "maand",
        "nachten",
        "keer",
        "keren",
        "maal",
        "x",
        "kilo",
        "kg",
        "gram",
        "pond",
        "cm",
        "mm",
        "meter",
        "m",
        "km",
        "kilometer",
        "liter",
        "euro",
        "eur",
        "cent",
        "procent",
        "graden",
        "punten",
        "stuks",
        "kinderen",
        "kleinkinderen",
        "achterkleinkinderen",
        "jaren",
        "van",
        "op",
        "uit",
        "per",
        "tegen",
        "plaatsen",
        "bedden",
        "kamers",
        "mensen",
        "personen",
        "bewoners",
        "cliënten",
        "clienten",
        "pagina's",
        "tabletten",
        "pillen",
    ];
    let rest = after.trim_start_matches([' ', '\t']);
    let next = rest.split(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("");
    let next = next.to_lowercase();
    let next = next.as_str();
    if age.ends_with("jaar") {
        let young = age.split_whitespace().next().and_then(|n| n.parse::<u32>().ok()).is_some_and(|n| n < 18);
        return match after_verb {
            false => !DURATION.contains(&next),
            true => (next.is_empty() || AGE_AFTER_VERB.contains(&next)) && !(already && young),
        };
    }
    // A decade with a range word ("in de tachtig", "eind zestig") is an age
    // whatever follows: "in de tachtig op de afdeling" counts nothing.
    const RANGE_WORDS: &[&str] =
        &["in", "rond", "over", "boven", "ergens", "begin", "midden", "half", "eind", "achter", "diep", "ver"];
    let first = age.split_whitespace().next().unwrap_or("").to_lowercase();
    if RANGE_WORDS.contains(&first.as_str()) {
        return true;
    }
    let b = after.as_bytes();
    let runs_on = b.len() >= 2 && matches!(b[0], b'.' | b',' | b':' | b'/') && b[1].is_ascii_digit();
    !runs_on && !after.starts_with(['%', '+']) && !UNITS.contains(&next)
}
