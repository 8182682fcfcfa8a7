//! Ingest: input files -> [`Experience`]s, and a [`Skipped`] entry for every
//! row that cannot be analysed, so that nothing is lost silently.
//!
//! Readers are streaming: they hand out batches of rows, so memory follows
//! what the analysis keeps, not the size of the file.

pub(crate) mod columns;
pub(crate) mod csv;
pub(crate) mod jsonl;
pub(crate) mod lines;
pub(crate) mod meta;
pub(crate) mod xlsx;

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;

pub use self::csv::{CsvReader, MetaColumnNames, ReadOptions, Record};
pub use self::jsonl::JsonlReader;
pub use self::meta::{Role, parse_dutch_date};
pub use self::xlsx::XlsxReader;
use crate::error::Error;

/// A reader of input rows, handed out in batches.
pub trait RowSource: Send {
    /// The file's name as given.
    fn file(&self) -> &Arc<str>;
    /// Reads up to `max_rows` rows, appending experiences to `out` and
    /// skipped rows to `skipped`. Returns how many rows it read: 0 at the end.
    fn read_batch(
        &mut self,
        max_rows: usize,
        out: &mut Vec<Experience>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<usize, Error>;
    /// Rows read so far.
    fn rows_read(&self) -> u64;
    /// Bytes read so far.
    fn bytes_read(&self) -> u64;
    /// The input's size, when known.
    fn total_bytes(&self) -> Option<u64>;
    /// The encoding the input is read in (`UTF-8`, `windows-1252`, ...).
    fn encoding(&self) -> &'static str;
}

/// Opens an input file with the reader its name asks for: `.jsonl`,
/// `.ndjson` -> JSON Lines; `.xlsx`, `.xlsm`, `.xls`, `.ods` -> spreadsheet
/// (the sheet `options.sheet`, or the first); anything else -> delimited text
/// (CSV, TSV, ...).
pub fn open_input(path: &Path, options: &ReadOptions) -> Result<Box<dyn RowSource>, Error> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("jsonl" | "ndjson") => Box::new(JsonlReader::open(path, options)?),
        Some("xlsx" | "xlsm" | "xls" | "ods") => Box::new(XlsxReader::open(path, options.sheet.as_deref(), options)?),
        _ => Box::new(CsvReader::open(path, options)?),
    })
}

/// Remembers rows seen, to find exact duplicates (a double submission or a
/// double export), by a 128-bit hash of the whole row.
#[derive(Debug, Default)]
pub(crate) struct SeenRows(FxHashMap<(u64, u64), u64>);

impl SeenRows {
    /// The line of an earlier identical row, or `None` (and remembers this one).
    pub fn first_line(&mut self, fields: &[&[u8]], line: u64) -> Option<u64> {
        use std::hash::Hasher;
        let mut a = rustc_hash::FxHasher::default();
        let mut b = std::hash::DefaultHasher::new();
        for f in fields {
            a.write(f);
            a.write_u8(0xff);
            b.write(f);
            b.write_u8(0xff);
        }
        match self.0.entry((a.finish(), b.finish())) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(line);
                None
            }
        }
    }
}

/// One experience: the text of one answer in one input row.
#[derive(Debug, Clone, PartialEq)]
pub struct Experience {
    /// The row's id (from an id column, or `r<line>`).
    pub id: String,
    /// The text, as written.
    pub text: String,
    /// The file it came from.
    pub file: Arc<str>,
    /// The 1-based line where its row starts.
    pub line: u64,
    /// The 1-based number of its row in the file (answers of one row share
    /// it; unlike `line`, it never repeats, whatever the line ends).
    pub row: u64,
    /// The column (survey question) the text came from.
    pub question: Arc<str>,
    /// Who wrote it, from a role column (rol, relatie, ...), when it says.
    pub role: Option<Role>,
    /// Where, from a location column (locatie, afdeling, team, woongroep, ...).
    pub location: Option<String>,
    /// When, as an ISO date, from a date column (datum, ingevuld op, ...).
    pub date: Option<String>,
    /// The sector, from a sector column (sector, zorgsoort, ...).
    pub sector: Option<String>,
    /// Every other column of the row: (header, value).
    pub meta: Vec<(Arc<str>, String)>,
}

/// One input row, ready to become experiences: one per usable answer.
pub(crate) struct Row<'a> {
    pub file: &'a Arc<str>,
    pub line: u64,
    pub row: u64,
    pub id: String,
    /// (question, text) per text column, in order.
    pub answers: Vec<(Arc<str>, &'a str)>,
    /// Every other column.
    pub meta: Vec<(Arc<str>, String)>,
    pub role: Option<Role>,
    pub location: Option<String>,
    pub date: Option<String>,
    pub sector: Option<String>,
}

impl Row<'_> {
    /// Pushes an experience per answer that is neither empty nor too long;
    /// when there is none, the row is skipped with the reason.
    pub fn emit(self, max_text_bytes: usize, out: &mut Vec<Experience>, skipped: &mut Vec<Skipped>) {
        let before = out.len();
        let mut reason = SkipReason::EmptyText;
        for (question, text) in &self.answers {
            if text.trim().is_empty() {
                continue;
            }
            if text.len() > max_text_bytes {
                reason = SkipReason::TooLong { bytes: text.len(), limit: max_text_bytes };
                continue;
            }
            out.push(Experience {
                id: self.id.clone(),
                text: text.to_string(),
                file: self.file.clone(),
                line: self.line,
                row: self.row,
                question: question.clone(),
                role: self.role,
                location: self.location.clone(),
                date: self.date.clone(),
                sector: self.sector.clone(),
                meta: self.meta.clone(),
            });
        }
        if out.len() == before {
            let first = self.answers.first().map_or("", |a| a.1);
            skipped.push(Skipped { file: self.file.clone(), line: self.line, reason, excerpt: excerpt(first, 80) });
        }
    }
}

/// The metadata columns of a header: role, location, date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MetaColumns {
    role: Option<usize>,
    location: Option<usize>,
    date: Option<usize>,
    sector: Option<usize>,
}

/// (role, location, date, sector) of a row.
pub(crate) type RowMeta = (Option<Role>, Option<String>, Option<String>, Option<String>);

impl MetaColumns {
    /// Finds them: by the name the user set, else by their usual names,
    /// leaving out the text columns. A name the user set that no column has
    /// is an error (its message lists the columns).
    pub fn find(headers: &[String], text_columns: &[usize], named: &MetaColumnNames) -> Result<Self, String> {
        let pick = |set: &Option<String>, usual: &[&str]| -> Result<Option<usize>, String> {
            match set {
                Some(name) => columns::require(headers, name).map(Some),
                None => Ok(columns::find_any(headers, usual).filter(|i| !text_columns.contains(i))),
            }
        };
        Ok(MetaColumns {
            role: pick(&named.role, meta::ROLE_COLUMNS)?,
            location: pick(&named.location, meta::LOCATION_COLUMNS)?,
            date: pick(&named.date, meta::DATE_COLUMNS)?,
            sector: pick(&named.sector, meta::SECTOR_COLUMNS)?,
        })
    }

    /// The metadata of a row.
    pub fn read(&self, cell: impl Fn(usize) -> Option<String>) -> RowMeta {
        let text = |col: Option<usize>| col.and_then(&cell).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let role = self.role.and_then(&cell).and_then(|v| Role::from_value(&v));
        let date = self.date.and_then(&cell).and_then(|v| parse_dutch_date(&v));
        (role, text(self.location), date, text(self.sector))
    }
}

/// A row that was read but not analysed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// The file.
    pub file: Arc<str>,
    /// The 1-based line where the row starts.
    pub line: u64,
    /// Why it was skipped.
    pub reason: SkipReason,
    /// The first 80 characters of the row (redacted unless raw text was asked
    /// for).
    pub excerpt: String,
}

/// Why a row was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// The text field is empty or only white space.
    EmptyText,
    /// The row has another number of fields than the header.
    FieldCount {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// The text is longer than the limit.
    TooLong {
        /// Bytes in the text.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The row is identical to an earlier row of the same file.
    Duplicate {
        /// The line of the earlier row.
        first_line: u64,
    },
    /// A JSON Lines line is not a JSON object.
    InvalidJson {
        /// What the parser said.
        message: String,
    },
    /// A JSON Lines record lacks the text field.
    MissingField {
        /// Which field, and which fields there are.
        message: String,
    },
    /// A quote opened in the row is never closed: the rest of the file was
    /// read as one field.
    UnclosedQuote {
        /// The last line of the file.
        last_line: u64,
    },
    /// A field is not valid in the file's encoding.
    Undecodable {
        /// The column.
        column: String,
        /// The first byte that does not decode.
        byte: u8,
    },
}

impl SkipReason {
    /// A short stable code (`empty-text`, `field-count`, `too-long`,
    /// `undecodable`, `duplicate`, `invalid-json`, `missing-field`,
    /// `unclosed-quote`).
    pub fn code(&self) -> &'static str {
        match self {
            SkipReason::EmptyText => "empty-text",
            SkipReason::FieldCount { .. } => "field-count",
            SkipReason::TooLong { .. } => "too-long",
            SkipReason::Undecodable { .. } => "undecodable",
            SkipReason::Duplicate { .. } => "duplicate",
            SkipReason::UnclosedQuote { .. } => "unclosed-quote",
            SkipReason::InvalidJson { .. } => "invalid-json",
            SkipReason::MissingField { .. } => "missing-field",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::EmptyText => f.write_str("empty text"),
            SkipReason::FieldCount { found, expected } => {
                write!(f, "row has {found} fields, the header has {expected} (an unquoted delimiter in the text?)")
            }
            SkipReason::TooLong { bytes, limit } => {
                write!(f, "text is {bytes} bytes, longer than the limit of {limit}")
            }
            SkipReason::Duplicate { first_line } => write!(f, "exact duplicate of the row on line {first_line}"),
            SkipReason::UnclosedQuote { last_line } => write!(
                f,
                "a quote opened in this row is never closed: everything up to line {last_line} was read as one field; close the quote in the export"
            ),
            SkipReason::InvalidJson { message } => write!(f, "not a JSON object: {message}"),
            SkipReason::MissingField { message } => f.write_str(message),
            SkipReason::Undecodable { column, byte } => write!(
                f,
                "column '{column}' is not valid UTF-8 (byte 0x{byte:02X}); if the file is not UTF-8, pass --encoding windows-1252"
            ),
        }
    }
}

/// The first `n` characters of `text`, on one line.
pub(crate) fn excerpt(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if text.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}
