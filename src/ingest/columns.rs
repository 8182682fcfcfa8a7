//! Which column is what: the text columns (by name, by the user, or by their
//! content), and the id, role, location, date and sector columns (by name,
//! as real Dutch survey exports write them, or by the user).

use super::meta::Role;
use crate::analysis::normalise;
use crate::error::{Error, ErrorKind};
use crate::ingest::ReadOptions;
use crate::ledger::ColumnMap;

/// Header names of a free-text column, in order of preference.
pub const TEXT_COLUMNS: &[&str] = &[
    "ervaring",
    "tekst",
    "opmerking",
    "opmerkingen",
    "toelichting",
    "antwoord",
    "verhaal",
    "text",
    "comment",
    "comments",
    "feedback",
    "reactie",
];

/// Header names of an id column (whole names, or word sequences in them:
/// "Respondent ID").
pub const ID_COLUMNS: &[&str] = &[
    "id",
    "nr",
    "nummer",
    "volgnummer",
    "respondent",
    "respondentnummer",
    "respondent nr",
    "respondent id",
    "respondentid",
    "record id",
    "response id",
    "responsnummer",
    "responsenummer",
    "clientnummer",
    "client nr",
    "deelnemersnummer",
    "formuliernummer",
    "uuid",
];

/// Header names of a role column.
pub const ROLE_COLUMNS: &[&str] = &[
    "rol",
    "role",
    "relatie",
    "ik ben",
    "u bent",
    "wie bent u",
    "wie",
    "ingevuld door",
    "invuller",
    "respondenttype",
    "respondent type",
    "type respondent",
    "soort respondent",
    "hoedanigheid",
    "relatie tot de client",
];

/// Header names of a location column; the last words also end compounds
/// ("woonlocatie", "zorgafdeling", "wijkteam").
pub const LOCATION_COLUMNS: &[&str] = &[
    "locatie",
    "afdeling",
    "team",
    "woongroep",
    "leefgroep",
    "vestiging",
    "unit",
    "woning",
    "wijk",
    "location",
    "department",
    "ward",
    "huis",
];

/// Header names of a sector column.
pub const SECTOR_COLUMNS: &[&str] =
    &["sector", "zorgsoort", "zorgvorm", "zorgtype", "soort zorg", "type zorg", "branche", "doelgroep", "zorgsector"];

/// Header names of a date column; "datum" also ends compounds
/// ("startdatum", "invuldatum"; never "geboortedatum").
pub const DATE_COLUMNS: &[&str] = &[
    "datum",
    "ingevuld op",
    "datum ingevuld",
    "datum invullen",
    "invuldatum",
    "date",
    "dag",
    "tijdstip",
    "tijdstempel",
    "timestamp",
    "afgerond op",
    "ingediend op",
    "verzonden op",
];

/// Compound endings per kind: a header word that ends in one of these (and
/// is longer) is taken, unless it is in `NEVER`.
const LOCATION_ENDINGS: &[&str] = &["locatie", "afdeling", "team", "groep", "vestiging"];
const DATE_ENDINGS: &[&str] = &["datum"];
const SECTOR_ENDINGS: &[&str] = &["sector", "zorgsoort"];
/// Words that end like a metadata column but are not one (personal data or
/// people).
const NEVER: &[&str] = &["geboortedatum", "overlijdensdatum", "teamleider", "leeftijdsgroep", "doelgroep"];

fn clean(header: &str) -> String {
    normalise(header.trim().trim_start_matches('\u{feff}'))
}

fn words(cleaned: &str) -> Vec<&str> {
    cleaned.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// The column named `name`, or the error that lists the columns.
pub fn require(headers: &[String], name: &str) -> Result<usize, String> {
    find_named(headers, name).ok_or_else(|| {
        let list: Vec<String> = headers.iter().map(|h| format!("'{h}'")).collect();
        format!("no column '{name}'; the columns are: {}", list.join(", "))
    })
}

/// The text columns by name: every one of `named` (each must exist), or,
/// when none is named, the first column with a text column's name.
pub fn text_columns(headers: &[String], named: &[String]) -> Result<Vec<usize>, String> {
    if named.is_empty() {
        let found = find_any(headers, TEXT_COLUMNS).ok_or_else(|| {
            let list: Vec<String> = headers.iter().map(|h| format!("'{h}'")).collect();
            format!("no text column found; the columns are: {}. Choose one with --text-column NAME", list.join(", "))
        })?;
        return Ok(vec![found]);
    }
    named.iter().map(|n| require(headers, n)).collect()
}

/// The index of the column named `name` (case, accents and surrounding white
/// space ignored).
pub fn find_named(headers: &[String], name: &str) -> Option<usize> {
    let want = clean(name);
    headers.iter().position(|h| clean(h) == want)
}

/// The index of the first column whose header is one of `names`; failing
/// that, whose header starts with one of them as a word ("Toelichting
/// cliënt").
pub fn find_any(headers: &[String], names: &[&str]) -> Option<usize> {
    let cleaned: Vec<String> = headers.iter().map(|h| clean(h)).collect();
    for n in names {
        if let Some(i) = cleaned.iter().position(|h| h == n) {
            return Some(i);
        }
    }
    names.iter().find_map(|n| {
        cleaned.iter().position(|h| h.split(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| w == *n))
    })
}

/// How well `header` (cleaned) matches one of `names`: the whole name beats
/// a longer run of its words beats a shorter one beats a compound ending;
/// 0 for no match.
fn strength(header: &str, names: &[&str], endings: &[&str]) -> u32 {
    let hw = words(header);
    if hw.is_empty() {
        return 0;
    }
    let mut best = 0;
    for n in names {
        if hw.join(" ") == *n {
            return 100;
        }
        let nw: Vec<&str> = n.split(' ').collect();
        if hw.windows(nw.len()).any(|w| w == nw.as_slice()) {
            best = best.max(10 * nw.len() as u32);
        }
    }
    // A question ("Wat vindt u van het team?") names no metadata column by
    // one of its words.
    if (header.contains('?') || hw.len() > 6) && best < 20 {
        return 0;
    }
    if best == 0 && hw.iter().any(|w| !NEVER.contains(w) && endings.iter().any(|e| w.len() > e.len() && w.ends_with(e)))
    {
        best = 5;
    }
    best
}

/// The column indexes of one input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Columns {
    pub text: Vec<usize>,
    pub text_by_content: bool,
    /// Other columns whose values read as free text, not read as text.
    pub unread_free_text: Vec<usize>,
    pub id: Option<usize>,
    pub role: Option<usize>,
    pub location: Option<usize>,
    pub date: Option<usize>,
    pub sector: Option<usize>,
}

/// Rows sampled to decide which columns hold free text.
pub(crate) const SAMPLE_ROWS: usize = 200;

impl Columns {
    /// Finds the columns of an input with `headers`, from `sample` (its
    /// first rows, cells in header order) where the names do not say.
    /// Text columns named by the user that this input lacks are left out
    /// (another input may have them); when it has none of them, or none is
    /// named and none is found, that is an error.
    pub fn detect(
        file: &str,
        header_line: Option<u64>,
        headers: &[String],
        sample: &[Vec<&str>],
        options: &ReadOptions,
    ) -> Result<Columns, Error> {
        let named = &options.text_columns;
        for (i, n) in named.iter().enumerate() {
            if named[..i].iter().any(|m| clean(m) == clean(n)) {
                return Err(Error::new(ErrorKind::DuplicateColumn { column: n.clone() }));
            }
        }
        let mut text_by_content = false;
        let text: Vec<usize> = if named.is_empty() {
            match find_any(headers, TEXT_COLUMNS) {
                Some(i) => vec![i],
                None => {
                    text_by_content = true;
                    free_text_columns(headers, sample)
                }
            }
        } else {
            named.iter().filter_map(|n| find_named(headers, n)).collect()
        };
        if text.is_empty() {
            let file = file.to_string();
            let columns = headers.to_vec();
            return Err(Error::new(match named.first() {
                Some(column) => ErrorKind::MissingColumn { file, line: header_line, column: column.clone(), columns },
                None => ErrorKind::NoTextColumn { file, line: header_line, columns },
            }));
        }
        let mut cols = Columns { text, text_by_content, ..Columns::default() };
        cols.find_meta(headers, sample, options);
        if !text_by_content {
            let taken = [cols.id, cols.role, cols.location, cols.date, cols.sector];
            cols.unread_free_text = free_text_columns(headers, sample)
                .into_iter()
                .filter(|i| !cols.text.contains(i) && !taken.contains(&Some(*i)))
                .collect();
        }
        Ok(cols)
    }

    /// The id, role, location, date and sector columns: by the name the user
    /// set (when this input has it), else the best match by name among the
    /// columns not yet taken.
    fn find_meta(&mut self, headers: &[String], sample: &[Vec<&str>], options: &ReadOptions) {
        let cleaned: Vec<String> = headers.iter().map(|h| clean(h)).collect();
        let n = &options.columns;
        let kinds: [(Option<&String>, &[&str], &[&str]); 5] = [
            (None, ID_COLUMNS, &[]),
            (n.role.as_ref(), ROLE_COLUMNS, &[]),
            (n.location.as_ref(), LOCATION_COLUMNS, LOCATION_ENDINGS),
            (n.date.as_ref(), DATE_COLUMNS, DATE_ENDINGS),
            (n.sector.as_ref(), SECTOR_COLUMNS, SECTOR_ENDINGS),
        ];
        let mut found = [None; 5];
        let mut taken: Vec<usize> = self.text.clone();
        // Named by the user first.
        for (k, (named, _, _)) in kinds.iter().enumerate() {
            if let Some(i) = named.and_then(|name| find_named(headers, name)) {
                found[k] = Some(i);
                taken.push(i);
            }
        }
        // Then by name, the strongest matches first.
        let mut candidates = Vec::new();
        for (k, (named, names, endings)) in kinds.iter().enumerate() {
            if named.is_some() {
                continue;
            }
            for (i, h) in cleaned.iter().enumerate() {
                let s = strength(h, names, endings);
                if s > 0 && (k != 1 || mostly_roles(sample, i)) {
                    candidates.push((std::cmp::Reverse(s), k, i));
                }
            }
        }
        candidates.sort();
        for (_, k, i) in candidates {
            if found[k].is_none() && !taken.contains(&i) {
                found[k] = Some(i);
                taken.push(i);
            }
        }
        [self.id, self.role, self.location, self.date, self.sector] = found;
    }

    /// The names, for the user to see.
    pub fn map(&self, headers: &[String], header_line: u64) -> ColumnMap {
        let name = |i: Option<usize>| i.map(|i| headers[i].clone());
        ColumnMap {
            header_line,
            text: self.text.iter().map(|&i| headers[i].clone()).collect(),
            text_by_content: self.text_by_content,
            unread_free_text: self.unread_free_text.iter().map(|&i| headers[i].clone()).collect(),
            id: name(self.id),
            role: name(self.role),
            location: name(self.location),
            date: name(self.date),
            sector: name(self.sector),
            all: headers.to_vec(),
        }
    }
}

/// True when most values of column `i` in the sample name a role (or the
/// sample has none): a column named "Ik ben ..." that holds free text is no
/// role column.
fn mostly_roles(sample: &[Vec<&str>], i: usize) -> bool {
    let values: Vec<&str> = sample.iter().filter_map(|r| r.get(i).copied()).filter(|v| !v.trim().is_empty()).collect();
    values.is_empty() || values.iter().filter(|v| Role::from_value(v).is_some()).count() * 2 >= values.len()
}

/// The columns whose sampled values read as free text, each a question:
/// on average at least four words, most of the words in lower case (not
/// names, not codes), and varied (not a handful of categories). A column of
/// codes, dates, names or scores is never taken.
pub(crate) fn free_text_columns(headers: &[String], sample: &[Vec<&str>]) -> Vec<usize> {
    (0..headers.len()).filter(|&i| is_free_text(sample.iter().filter_map(|r| r.get(i).copied()))).collect()
}

fn is_free_text<'a>(values: impl Iterator<Item = &'a str>) -> bool {
    let (mut n, mut words, mut lower, mut long) = (0usize, 0usize, 0usize, 0usize);
    let mut distinct = rustc_hash::FxHashSet::default();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        n += 1;
        distinct.insert(v);
        let ws: Vec<&str> = v.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
        words += ws.len();
        lower += ws.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
        long += (ws.len() >= 6) as usize;
    }
    n > 0 && words >= 4 * n && lower * 2 >= words && long > 0 && distinct.len() * 10 >= n * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_text_columns_by_name() {
        assert_eq!(find_any(&h(&["id", "datum", "Ervaring"]), TEXT_COLUMNS), Some(2));
        assert_eq!(find_any(&h(&["ID", "Toelichting cliënt", "Opmerking"]), TEXT_COLUMNS), Some(2));
        assert_eq!(find_any(&h(&["ID", "Toelichting cliënt"]), TEXT_COLUMNS), Some(1));
        assert_eq!(find_any(&h(&["id", "datum"]), TEXT_COLUMNS), None);
    }

    #[test]
    fn named_columns_ignore_case_and_accents() {
        assert_eq!(find_named(&h(&["Cliënt", " Wat gaat goed? "]), "wat gaat goed?"), Some(1));
        assert_eq!(find_named(&h(&["\u{feff}Id"]), "id"), Some(0));
    }

    fn meta(headers: &[&str]) -> ColumnMap {
        let headers = h(headers);
        let opts = ReadOptions::default();
        Columns::detect("t", None, &headers, &[], &opts).unwrap().map(&headers, 1)
    }

    #[test]
    fn real_survey_headers_are_found() {
        let m = meta(&["Respondentnummer", "Ik ben", "Woonlocatie", "Datum invullen", "Zorgsoort", "Opmerking"]);
        let got = [m.id, m.role, m.location, m.date, m.sector].map(|c| c.unwrap_or_default());
        assert_eq!(got, ["Respondentnummer", "Ik ben", "Woonlocatie", "Datum invullen", "Zorgsoort"]);
        let m = meta(&["Respondent", "Uw relatie tot de cliënt", "Locatie/afdeling", "Startdatum", "Toelichting"]);
        let got = [m.id, m.role, m.location, m.date].map(|c| c.unwrap_or_default());
        assert_eq!(got, ["Respondent", "Uw relatie tot de cliënt", "Locatie/afdeling", "Startdatum"]);
        let m = meta(&["role", "team", "Datum ingevuld", "wie bent u", "ervaring", "Doelgroep"]);
        assert_eq!((m.role.as_deref(), m.location.as_deref()), (Some("role"), Some("team")));
        assert_eq!((m.date.as_deref(), m.sector.as_deref()), (Some("Datum ingevuld"), Some("Doelgroep")));
        let m = meta(&["Ingevuld door", "Afdeling", "ervaring", "Geboortedatum", "Teamleider", "leeftijdsgroep"]);
        assert_eq!((m.role.as_deref(), m.location.as_deref(), m.date), (Some("Ingevuld door"), Some("Afdeling"), None));
        let m = meta(&["Respondent type", "Respondent ID", "tekst"]);
        assert_eq!((m.id.as_deref(), m.role.as_deref()), (Some("Respondent ID"), Some("Respondent type")));
        // A question names no metadata column by one of its words.
        let m = meta(&["Wat vindt u van het team?", "Hoe was uw dag?", "ervaring"]);
        assert_eq!((m.location, m.date), (None, None));
    }

    #[test]
    fn question_columns_are_found_by_their_content() {
        let headers = h(&["Nr", "Naam", "Score", "Datum", "Wat gaat goed?", "Wat kan beter?", "Categorie", "Code"]);
        let rows = [
            [
                "1",
                "Jan de Vries",
                "8",
                "3-11-2025",
                "De zorg is goed en iedereen is heel vriendelijk",
                "Het eten is vaak koud als het op tafel komt",
                "Ouderenzorg thuis",
                "AB-12",
            ],
            [
                "2",
                "Maria van den Berg",
                "7",
                "4-11-2025",
                "Fijne activiteiten in de middag",
                "Meer tijd voor een praatje",
                "Ouderenzorg thuis",
                "AB-13",
            ],
            ["3", "Ahmed El Amrani", "9", "5-11-2025", "Ik voel me hier thuis", "", "Ouderenzorg thuis", "CD-01"],
        ];
        let sample: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
        let cols = Columns::detect("t", Some(1), &headers, &sample, &ReadOptions::default()).unwrap();
        assert_eq!((cols.text.as_slice(), cols.text_by_content), (&[4usize, 5][..], true));
        // A column named like a text column is the text; the questions that
        // also hold free text are named, to be added with --text-column.
        let mut named = headers.clone();
        named[6] = "Opmerkingen".into();
        let cols = Columns::detect("t", Some(1), &named, &sample, &ReadOptions::default()).unwrap();
        assert_eq!((cols.text.as_slice(), cols.unread_free_text.as_slice()), (&[6usize][..], &[4usize, 5][..]));
        // Nothing that reads as free text: the error lists the columns.
        let short: Vec<Vec<&str>> = rows.iter().map(|r| r[..4].to_vec()).collect();
        let err = Columns::detect("t", Some(1), &headers[..4], &short, &ReadOptions::default()).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::NoTextColumn { .. }), "{err}");
    }

    #[test]
    fn a_column_named_twice_is_refused() {
        let opts = ReadOptions { text_columns: vec!["ervaring".into(), "Ervaring ".into()], ..Default::default() };
        let err = Columns::detect("t", None, &h(&["ervaring"]), &[], &opts).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::DuplicateColumn { .. }), "{err}");
    }
}
