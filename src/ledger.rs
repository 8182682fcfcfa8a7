//! The ledger: what became of every input row. `rows read = analysed +
//! skipped` always holds; every skipped row carries its file, line and a
//! reason with a stable code. Reports read this module, never `ingest`.
//!
//! The ledger counts rows, not answers: a row with two questions of which one
//! is answered and one is a non-answer ("nvt") is one analysed row; the
//! non-answer is counted per question in [`Ledger::non_answers`]. A row whose
//! every answer is empty or a non-answer is one skipped row.

use std::fmt;
use std::sync::Arc;

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

impl Skipped {
    /// The question (column) the skipped answer belongs to, where the reason
    /// is about one answer (`no-content`).
    pub fn question(&self) -> Option<&str> {
        match &self.reason {
            SkipReason::NoContent { question } => Some(question),
            _ => None,
        }
    }
}

/// Why a row was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// The text field is empty or only white space.
    EmptyText,
    /// The answer says nothing: "nvt", "-", "geen opmerkingen", "weet ik
    /// niet", ... (and no other answer of the row says anything).
    NoContent {
        /// The question (column) of the first such answer.
        question: Arc<str>,
    },
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
    /// A short stable code (`empty-text`, `no-content`, `field-count`,
    /// `too-long`, `undecodable`, `duplicate`, `invalid-json`,
    /// `missing-field`, `unclosed-quote`).
    pub fn code(&self) -> &'static str {
        match self {
            SkipReason::EmptyText => "empty-text",
            SkipReason::NoContent { .. } => "no-content",
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
            SkipReason::NoContent { question } => write!(f, "no content: the answer to '{question}' says nothing"),
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

/// Which column of an input became what: found by name, named by the user,
/// or (for questions) found by their content. The tool prints it, so that a
/// wrong guess is seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ColumnMap {
    /// The line (row number) of the header; 0 for JSON Lines.
    pub header_line: u64,
    /// The text columns: each is a question, its answers experiences.
    pub text: Vec<String>,
    /// True when the text columns were found by their content (long,
    /// varied, many-word values), not by their name.
    pub text_by_content: bool,
    /// Other columns whose values read as free text but that are not read
    /// as text (a text column was found by name or named by the user): the
    /// tool names them, so that a question left out is seen.
    pub unread_free_text: Vec<String>,
    /// The id column.
    pub id: Option<String>,
    /// Who wrote it.
    pub role: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// When.
    pub date: Option<String>,
    /// The sector.
    pub sector: Option<String>,
    /// Every column, in order (all but the text and id columns are kept as
    /// metadata on each experience).
    pub all: Vec<String>,
}

impl fmt::Display for ColumnMap {
    /// One line: `text: 'Wat gaat goed?', 'Wat kan beter?' (by content); id:
    /// 'Respondent'; role: -; location: 'Afdeling'; date: 'Datum'; sector: -`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = |c: &Option<String>| c.as_ref().map_or("-".to_string(), |c| format!("'{c}'"));
        let text: Vec<String> = self.text.iter().map(|c| format!("'{c}'")).collect();
        write!(f, "text: {}", text.join(", "))?;
        if self.text_by_content {
            f.write_str(" (found by content)")?;
        }
        write!(
            f,
            "; id: {}; role: {}; location: {}; date: {}; sector: {}",
            quoted(&self.id),
            quoted(&self.role),
            quoted(&self.location),
            quoted(&self.date),
            quoted(&self.sector)
        )?;
        if !self.unread_free_text.is_empty() {
            let unread: Vec<String> = self.unread_free_text.iter().map(|c| format!("'{c}'")).collect();
            write!(f, "; also free text, not read (add --text-column NAME to read it): {}", unread.join(", "))?;
        }
        Ok(())
    }
}

/// One input file of a run, as it was read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct InputInfo {
    /// The file, as given.
    pub file: String,
    /// How it was read: the text encoding (`UTF-8`, `windows-1252`, ...), or
    /// `xlsx` for a spreadsheet.
    pub encoding: &'static str,
    /// Rows read from it.
    pub rows_read: u64,
    /// Which column became what.
    pub columns: ColumnMap,
}

impl InputInfo {
    /// A file as opened: nothing read yet.
    pub fn new(file: impl Into<String>, encoding: &'static str, columns: ColumnMap) -> Self {
        InputInfo { file: file.into(), encoding, rows_read: 0, columns }
    }
}

/// What became of every input row.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Ledger {
    /// The input files, in the order they were read.
    pub inputs: Vec<InputInfo>,
    /// Rows read, over all files (headers not counted).
    pub rows_read: u64,
    /// Rows with at least one analysed answer.
    pub analysed: u64,
    /// Rows not analysed, with the reason. `rows_read = analysed + skipped`.
    pub skipped: Vec<Skipped>,
    /// Per question (column), the answers that said nothing ("nvt", "-",
    /// ...), in skipped rows and in analysed rows alike, in the order the
    /// questions were met.
    pub non_answers: Vec<(Arc<str>, u64)>,
}

impl Ledger {
    /// True when every row is accounted for.
    pub fn adds_up(&self) -> bool {
        self.rows_read == self.analysed + self.skipped.len() as u64
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
