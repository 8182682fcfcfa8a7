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
        /// The 1-based line, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// An input file cannot be read as experiences.
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
            ErrorKind::Input { file, line: Some(l), .. } | ErrorKind::Gold { file, line: Some(l), .. } => {
                Some((file, *l))
            }
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Io { path, source } => write!(f, "{path}: {source}"),
            ErrorKind::Taxonomy { origin, line, message } => at(f, origin, line.map(|l| l as u64), message),
            ErrorKind::Input { file, line, message } | ErrorKind::Gold { file, line, message } => {
                at(f, file, *line, message)
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
