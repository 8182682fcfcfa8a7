//! Ingest: input files -> [`Experience`]s, and a [`Skipped`] entry for every
//! row that cannot be analysed, so that nothing is lost silently.
//!
//! Readers are streaming: they hand out batches of rows, so memory follows
//! what the analysis keeps, not the size of the file. The formats (CSV,
//! JSON Lines, spreadsheets) find rows and cells; one core
//! (`reader`) turns cells into experiences, finds the
//! columns (`columns`) and keeps the books.

pub(crate) mod columns;
pub(crate) mod csv;
pub(crate) mod jsonl;
pub(crate) mod lines;
pub(crate) mod memory;
pub(crate) mod meta;
pub(crate) mod reader;
pub(crate) mod xlsx;

use std::path::Path;
use std::sync::Arc;

pub use self::csv::{CsvReader, Record};
pub use self::jsonl::JsonlReader;
pub use self::memory::IN_MEMORY;
pub use self::meta::{Role, parse_dutch_date};
pub use self::xlsx::XlsxReader;
use crate::error::{Error, ErrorKind};
pub(crate) use crate::ledger::excerpt;
pub use crate::ledger::{ColumnMap, SkipReason, Skipped};

/// How to read input files.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOptions {
    /// Columns that hold the experiences, each a question; empty means: the
    /// first column named like a text column (ervaring, opmerking,
    /// toelichting, ...), else every column whose values read as free text.
    /// A named column one input lacks is absent there (another input may
    /// have it); a name no input has is an error.
    pub text_columns: Vec<String>,
    /// Texts longer than this many bytes are skipped.
    pub max_text_bytes: usize,
    /// The input's encoding as a WHATWG label (`utf-8`, `windows-1252`,
    /// `utf-16le`, ...); `None` detects it: a byte-order mark, else UTF-16 by
    /// its zero bytes, else UTF-8 if the start of the file is valid UTF-8,
    /// else Windows-1252 (what Dutch Excel saves).
    pub encoding: Option<String>,
    /// The sheet of a spreadsheet to read; `None` reads the first. Refused
    /// for inputs that are not spreadsheets.
    pub sheet: Option<String>,
    /// The 1-based row (line) of the header, for exports with title rows
    /// above it; `None` takes the first line of a CSV file, and in a
    /// spreadsheet the first row that looks like a header (several text
    /// cells, as many as the widest rows have).
    pub header_row: Option<u64>,
    /// Metadata columns by name; `None` finds them by their usual names.
    pub columns: MetaColumnNames,
}

impl ReadOptions {
    /// The default options with these text columns.
    pub fn with_text_columns(columns: impl IntoIterator<Item = impl Into<String>>) -> Self {
        ReadOptions { text_columns: columns.into_iter().map(Into::into).collect(), ..ReadOptions::default() }
    }
}

/// Names of the metadata columns, when the user sets them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaColumnNames {
    /// Who wrote it (mapped to client / naaste / medewerker).
    pub role: Option<String>,
    /// Where (location, ward, team).
    pub location: Option<String>,
    /// When (a date).
    pub date: Option<String>,
    /// The sector (ouderenzorg, ggz, ...).
    pub sector: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            text_columns: Vec::new(),
            max_text_bytes: 1 << 20,
            encoding: None,
            sheet: None,
            header_row: None,
            columns: MetaColumnNames::default(),
        }
    }
}

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
    /// Which column became what.
    fn columns(&self) -> &ColumnMap;
    /// Per question, the answers read so far that said nothing ("nvt", ...).
    fn non_answers(&self) -> Vec<(Arc<str>, u64)>;
}

/// The kinds of input, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputKind {
    Delimited,
    JsonLines,
    Spreadsheet,
}

impl InputKind {
    /// `.jsonl`, `.ndjson` -> JSON Lines; `.xlsx`, `.xlsm`, `.xls`, `.ods` ->
    /// spreadsheet; anything else -> delimited text (CSV, TSV, ...).
    pub fn of(path: &Path) -> InputKind {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("jsonl" | "ndjson") => InputKind::JsonLines,
            Some("xlsx" | "xlsm" | "xls" | "ods") => InputKind::Spreadsheet,
            _ => InputKind::Delimited,
        }
    }
}

/// Opens an input file with the reader its name asks for: `.jsonl`,
/// `.ndjson` -> JSON Lines; `.xlsx`, `.xlsm`, `.xls`, `.ods` -> spreadsheet
/// (the sheet `options.sheet`, or the first); anything else -> delimited text
/// (CSV, TSV, ...). A sheet asked for a file that is no spreadsheet is an
/// error.
pub fn open_input(path: &Path, options: &ReadOptions) -> Result<Box<dyn RowSource>, Error> {
    let kind = InputKind::of(path);
    if let (Some(sheet), false) = (&options.sheet, kind == InputKind::Spreadsheet) {
        let file = path.display().to_string();
        return Err(Error::new(ErrorKind::NotASpreadsheet { file, sheet: sheet.clone() }));
    }
    Ok(match kind {
        InputKind::JsonLines => Box::new(JsonlReader::open(path, options)?),
        InputKind::Spreadsheet => Box::new(XlsxReader::open(path, options.sheet.as_deref(), options)?),
        InputKind::Delimited => Box::new(CsvReader::open(path, options)?),
    })
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
    /// Every column of the row but the text and id columns, with a value:
    /// (header, value). Headers are shared between rows, not copied.
    pub meta: Vec<(Arc<str>, String)>,
}

impl Experience {
    /// An experience held in memory, for [`Engine::analyse`](crate::engine::Engine::analyse):
    /// its id and text, the question "tekst", no metadata. Its file is
    /// [`IN_MEMORY`] and its line its place in the list given to `analyse`;
    /// the `with_` methods add what the input knows.
    ///
    /// ```
    /// use leefwereld::{Experience, Role};
    ///
    /// let e = Experience::new("E1", "De soep was koud.").with_role(Role::Client).with_location("De Linde");
    /// assert_eq!(e.location.as_deref(), Some("De Linde"));
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Experience {
        Experience {
            id: id.into(),
            text: text.into(),
            file: Arc::from(IN_MEMORY),
            line: 0,
            row: 0,
            question: Arc::from("tekst"),
            role: None,
            location: None,
            date: None,
            sector: None,
            meta: Vec::new(),
        }
    }

    /// The survey question it answers.
    pub fn with_question(mut self, question: &str) -> Experience {
        self.question = Arc::from(question);
        self
    }

    /// Who wrote it.
    pub fn with_role(mut self, role: Role) -> Experience {
        self.role = Some(role);
        self
    }

    /// Where (a location, ward or team).
    pub fn with_location(mut self, location: impl Into<String>) -> Experience {
        self.location = Some(location.into());
        self
    }

    /// When, as written: an ISO date or a Dutch one ("3-11-2025", "3 november
    /// 2025"); a value that reads as no date is left out.
    pub fn with_date(mut self, date: &str) -> Experience {
        self.date = parse_dutch_date(date);
        self
    }

    /// The sector (ouderenzorg, ggz, ...).
    pub fn with_sector(mut self, sector: impl Into<String>) -> Experience {
        self.sector = Some(sector.into());
        self
    }

    /// Another metadata field (a column of the input).
    pub fn with_meta(mut self, name: &str, value: impl Into<String>) -> Experience {
        self.meta.push((Arc::from(name), value.into()));
        self
    }
}
