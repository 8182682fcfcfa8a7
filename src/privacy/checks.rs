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
