//! Ingest: input files -> [`Experience`]s, and a [`Skipped`] entry for every
//! row that cannot be analysed, so that nothing is lost silently.
//!
//! Readers are streaming: they hand out batches of rows, so memory follows
//! what the analysis keeps, not the size of the file.

pub(crate) mod columns;
pub(crate) mod csv;

use std::fmt;
use std::sync::Arc;

pub use self::csv::{CsvReader, ReadOptions};

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
    /// The column (survey question) the text came from.
    pub question: Arc<str>,
    /// Every other column of the row: (header, value).
    pub meta: Vec<(Arc<str>, String)>,
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
    /// `undecodable`).
    pub fn code(&self) -> &'static str {
        match self {
            SkipReason::EmptyText => "empty-text",
            SkipReason::FieldCount { .. } => "field-count",
            SkipReason::TooLong { .. } => "too-long",
            SkipReason::Undecodable { .. } => "undecodable",
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
