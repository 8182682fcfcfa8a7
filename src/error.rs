//! The crate's error: an opaque [`Error`] with a [`ErrorKind`] and, where it
//! has one, the file and line it is about.

use std::fmt;
use std::path::Path;

/// An error from reading input, a taxonomy or a gold file, or from writing a
/// report. Its message names the file and line where there is one.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed.
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A taxonomy file is not valid.
    Taxonomy {
        /// The file (or another name for the text).
        origin: String,
        /// The 1-based line: always there for the crate's own taxonomy
        /// errors (the first line when nothing points elsewhere).
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A column named by the user (`--text-column`, `--role-column`, ...)
    /// is not in the input.
    MissingColumn {
        /// The file.
        file: String,
        /// The header's line, when known.
        line: Option<u64>,
        /// The column asked for.
        column: String,
        /// The columns the input has.
        columns: Vec<String>,
    },
    /// No column holds free text, by name or by content.
    NoTextColumn {
        /// The file.
        file: String,
        /// The header's line, when known.
        line: Option<u64>,
        /// The columns the input has.
        columns: Vec<String>,
    },
    /// The encoding asked for is not one we know.
    UnknownEncoding {
        /// The file.
        file: String,
        /// The label given.
        label: String,
    },
    /// The input has nothing to read: an empty file, a header without rows,
    /// an empty sheet, a JSON Lines file none of whose lines is an object.
    EmptyInput {
        /// The file.
        file: String,
        /// The line, when known.
        line: Option<u64>,
        /// What is empty.
        message: String,
    },
    /// The inputs were read, but not one experience came out of them: every
    /// row was skipped.
    NoExperiences {
        /// Rows read.
        rows_read: u64,
        /// The codes of the skip reasons, with how often each occurred.
        reasons: Vec<(&'static str, u64)>,
    },
    /// The same file is given twice (under the same or another name).
    DuplicateInput {
        /// The file as given the second time.
        file: String,
        /// As given the first time.
        first: String,
    },
    /// The same column is named twice (`--text-column A --text-column A`).
    DuplicateColumn {
        /// The column.
        column: String,
    },
    /// A sheet is asked for (`--sheet`) for an input that is no spreadsheet.
    NotASpreadsheet {
        /// The file.
        file: String,
        /// The sheet asked for.
        sheet: String,
    },
    /// An input file cannot be read as experiences (for any other reason).
    Input {
        /// The file.
        file: String,
        /// The 1-based line, when known.
        line: Option<u64>,
        /// What is wrong.
        message: String,
    },
    /// A gold file is not valid.
    Gold {
        /// The file.
        file: String,
        /// The 1-based line, when known.
        line: Option<u64>,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Error::new(ErrorKind::Io { path: path.display().to_string(), source })
    }

    pub(crate) fn input(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Input { file: file.to_string(), line, message: message.into() })
    }

    pub(crate) fn empty(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::EmptyInput { file: file.to_string(), line, message: message.into() })
    }

    pub(crate) fn gold(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Gold { file: file.to_string(), line, message: message.into() })
    }

    /// An I/O error on `path` (for sinks and writers outside the crate).
    pub fn from_io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::io(path.as_ref(), source)
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// The file and 1-based line the error is about, when known.
    pub fn position(&self) -> Option<(&str, u64)> {
        match &*self.0 {
            ErrorKind::Taxonomy { origin, line: Some(l), .. } => Some((origin, *l as u64)),
            ErrorKind::Input { file, line: Some(l), .. }
            | ErrorKind::Gold { file, line: Some(l), .. }
            | ErrorKind::MissingColumn { file, line: Some(l), .. }
            | ErrorKind::NoTextColumn { file, line: Some(l), .. }
            | ErrorKind::EmptyInput { file, line: Some(l), .. } => Some((file, *l)),
            _ => None,
        }
    }
}

fn at(f: &mut fmt::Formatter<'_>, file: &str, line: Option<u64>, message: &str) -> fmt::Result {
    match line {
        Some(l) => write!(f, "{file}:{l}: {message}"),
        None => write!(f, "{file}: {message}"),
    }
}

/// Column names for a message: `'id', 'datum', 'ervaring'`.
fn list(columns: &[String]) -> String {
    columns.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Io { path, source } => write!(f, "{path}: {source}"),
            ErrorKind::Taxonomy { origin, line, message } => at(f, origin, line.map(|l| l as u64), message),
            ErrorKind::Input { file, line, message }
            | ErrorKind::Gold { file, line, message }
            | ErrorKind::EmptyInput { file, line, message } => at(f, file, *line, message),
            ErrorKind::MissingColumn { file, line, column, columns } => {
                at(f, file, *line, &format!("no column '{column}'; the columns are: {}", list(columns)))
            }
            ErrorKind::NoTextColumn { file, line, columns } => at(
                f,
                file,
                *line,
                &format!(
                    "no text column found; the columns are: {}. Choose one with --text-column NAME",
                    list(columns)
                ),
            ),
            ErrorKind::UnknownEncoding { file, label } => {
                write!(f, "{file}: unknown encoding '{label}'; try utf-8, windows-1252 or utf-16le")
            }
            ErrorKind::NoExperiences { rows_read, reasons } => {
                let reasons: Vec<String> = reasons.iter().map(|(code, n)| format!("{n} {code}")).collect();
                write!(f, "no experience to analyse: {rows_read} rows read, all skipped ({})", reasons.join(", "))
            }
            ErrorKind::DuplicateInput { file, first } if file == first => {
                write!(f, "{file} is given twice; give each file once")
            }
            ErrorKind::DuplicateInput { file, first } => {
                write!(f, "{file} is the same file as {first}; give each file once")
            }
            ErrorKind::DuplicateColumn { column } => {
                write!(f, "the column '{column}' is named twice; name each column once")
            }
            ErrorKind::NotASpreadsheet { file, sheet } => {
                write!(f, "{file}: --sheet '{sheet}' is for spreadsheets (.xlsx, .xls, .ods); this file is not one")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
