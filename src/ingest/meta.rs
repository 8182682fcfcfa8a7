//! Metadata found by column name and normalised: who wrote it (role), where
//! (location) and when (date).

use crate::analysis::normalise;

/// Who an experience is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The client (bewoner, patiënt, deelnemer, ...).
    Client,
    /// A relative or other close person (familie, mantelzorger, dochter, ...).
    Naaste,
    /// A staff member (verzorgende, begeleider, verpleegkundige, ...).
    Medewerker,
}

impl Role {
    /// The id as gold files and reports write it.
    pub fn id(self) -> &'static str {
        match self {
            Role::Client => "client",
            Role::Naaste => "naaste",
            Role::Medewerker => "medewerker",
        }
    }

    /// Maps a value as exports write it ("Cliënt", "dochter van bewoner",
    /// "Verzorgende IG", "Mantelzorger") to a role; `None` when unclear.
    ///
    /// ```
    /// use leefwereld::Role;
    /// assert_eq!(Role::from_value("Bewoner"), Some(Role::Client));
    /// assert_eq!(Role::from_value("dochter van bewoner"), Some(Role::Naaste));
    /// assert_eq!(Role::from_value("Verzorgende IG"), Some(Role::Medewerker));
    /// assert_eq!(Role::from_value("anders"), None);
    /// ```
    pub fn from_value(value: &str) -> Option<Role> {
        let v = normalise(value.trim());
        let words: Vec<&str> = v.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        // The first word that names a role decides: "dochter van bewoner" is
        // a naaste.
        words.iter().find_map(|w| role_of_word(w))
    }
}

fn role_of_word(w: &str) -> Option<Role> {
    const CLIENT: &[&str] = &[
        "client",
        "clienten",
        "bewoner",
        "bewoonster",
        "bewoners",
        "patient",
        "patienten",
        "deelnemer",
        "deelneemster",
        "zorgvrager",
        "huurder",
        "resident",
        "zelf",
        "ikzelf",
        "jongere",
        "pupil",
        "revalidant",
        "gast",
    ];
    const NAASTE: &[&str] = &[
        "naaste",
        "naasten",
        "familie",
        "familielid",
        "mantelzorger",
        "mantelzorgers",
        "partner",
        "echtgenoot",
        "echtgenote",
        "dochter",
        "zoon",
        "kind",
        "kinderen",
        "ouder",
        "ouders",
        "moeder",
        "vader",
        "broer",
        "zus",
        "zuster",
        "schoondochter",
        "schoonzoon",
        "kleindochter",
        "kleinzoon",
        "kleinkind",
        "vriend",
        "vriendin",
        "buurman",
        "buurvrouw",
        "mentor",
        "curator",
        "bewindvoerder",
        "vertegenwoordiger",
        "contactpersoon",
        "nicht",
        "neef",
        "tante",
        "oom",
        "relatie",
    ];
    const STAFF: &[&str] = &[
        "medewerker",
        "medewerkers",
        "verzorgende",
        "verzorger",
        "verpleegkundige",
        "verpleger",
        "begeleider",
        "begeleidster",
        "arts",
        "fysiotherapeut",
        "ergotherapeut",
        "teamleider",
        "zorgmedewerker",
        "helpende",
        "stagiair",
        "stagiaire",
        "personeel",
        "collega",
        "activiteitenbegeleider",
        "behandelaar",
        "zorgkundige",
        "wijkverpleegkundige",
        "psycholoog",
        "sociotherapeut",
        "persoonlijk",
        "pb",
        "pber",
        "leerling",
        "vrijwilliger",
    ];
    if CLIENT.contains(&w) {
        Some(Role::Client)
    } else if NAASTE.contains(&w) {
        Some(Role::Naaste)
    } else if STAFF.contains(&w) {
        Some(Role::Medewerker)
    } else {
        None
    }
}

/// A date as Dutch exports write it, as an ISO date (`2025-11-03`): `3-11-2025`,
/// `03/11/2025`, `3.11.2025`, `3-11-25`, `3 november 2025`, `3 nov 2025`,
/// `2025-11-03` (a time after it is ignored). `None` for anything else or an
/// impossible date.
///
/// ```
/// use leefwereld::parse_dutch_date;
/// assert_eq!(parse_dutch_date("3-11-2025").as_deref(), Some("2025-11-03"));
/// assert_eq!(parse_dutch_date("3 november 2025").as_deref(), Some("2025-11-03"));
/// assert_eq!(parse_dutch_date("2025-11-03 14:12").as_deref(), Some("2025-11-03"));
/// assert_eq!(parse_dutch_date("31-02-2025"), None);
/// ```
pub fn parse_dutch_date(value: &str) -> Option<String> {
    let v = normalise(value.trim());
    let date_part = v.split(['t', ' ']).next().unwrap_or("");
    let nums: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    let (y, m, d) = if nums.len() == 3 && nums.iter().all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
        let n: Vec<u32> = nums.iter().map(|s| s.parse().unwrap_or(0)).collect();
        if nums[0].len() == 4 {
            (n[0], n[1], n[2])
        } else if nums[2].len() == 2 {
            (2000 + n[2], n[1], n[0])
        } else {
            (n[2], n[1], n[0])
        }
    } else {
        let words: Vec<&str> = v.split_whitespace().collect();
        if words.len() < 3 {
            return None;
        }
        let d: u32 = words[0].trim_end_matches('.').parse().ok()?;
        let month = words[1].trim_end_matches('.');
        let m = crate::analysis::MONTHS
            .iter()
            .position(|full| *full == month || (month.len() >= 3 && full.starts_with(month)))? as u32
            + 1;
        let y: u32 = words[2].parse().ok()?;
        (y, m, d)
    };
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d).filter(|_| (1900..=2200).contains(&y)).map(|date| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_export_values() {
        for (v, r) in [
            ("cliënt", Role::Client),
            ("Bewoner", Role::Client),
            ("familie", Role::Naaste),
            ("Mantelzorger", Role::Naaste),
            ("Partner van cliënt", Role::Naaste),
            ("verzorgende", Role::Medewerker),
            ("Persoonlijk begeleider", Role::Medewerker),
        ] {
            assert_eq!(Role::from_value(v), Some(r), "{v}");
        }
        assert_eq!(Role::from_value(""), None);
    }

    #[test]
    fn dutch_dates() {
        for (v, iso) in [
            ("3-11-2025", "2025-11-03"),
            ("03/11/2025", "2025-11-03"),
            ("3.11.2025", "2025-11-03"),
            ("3-11-25", "2025-11-03"),
            ("3 november 2025", "2025-11-03"),
            ("3 nov. 2025", "2025-11-03"),
            ("2025-11-03", "2025-11-03"),
            ("2025-11-03T10:00:00", "2025-11-03"),
        ] {
            assert_eq!(parse_dutch_date(v).as_deref(), Some(iso), "{v}");
        }
        for v in ["", "gisteren", "31-02-2025", "13-13-2025", "3 nomember 2025"] {
            assert_eq!(parse_dutch_date(v), None, "{v}");
        }
    }
}
