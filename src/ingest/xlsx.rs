//! Spreadsheets (`.xlsx`, `.xlsm`, `.xls`, `.ods`), read with calamine.
//!
//! The sheet is read whole (spreadsheets are bounded in size); the header is
//! its first non-empty row; a row's line is its row number in the
//! spreadsheet, as a person would find it. Numbers that are whole print
//! without decimals, dates as ISO dates (2025-11-03).

use std::path::Path;
use std::sync::Arc;

use calamine::{Data, DataType, Reader, open_workbook_auto};

use super::columns::{self, ID_COLUMNS, find_any};
use super::csv::ReadOptions;
use super::{Experience, MetaColumns, Row, RowSource, SeenRows, SkipReason, Skipped, excerpt};
use crate::error::Error;

/// Reads experiences from one sheet of a spreadsheet.
pub struct XlsxReader {
    file: Arc<str>,
    headers: Vec<Arc<str>>,
    rows: std::vec::IntoIter<(u64, Vec<String>)>,
    text_columns: Vec<usize>,
    id_column: Option<usize>,
    meta_columns: MetaColumns,
    max_text_bytes: usize,
    rows_read: u64,
    total_bytes: Option<u64>,
    seen: SeenRows,
}

impl std::fmt::Debug for XlsxReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxReader")
            .field("file", &self.file)
            .field("rows_read", &self.rows_read)
            .finish_non_exhaustive()
    }
}

/// The name and cells of `sheet` of a spreadsheet, or of its first sheet.
pub(crate) fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<(String, calamine::Range<Data>), Error> {
    let name = path.display().to_string();
    let fail = |m: String| Error::input(&name, None, m);
    let mut book = open_workbook_auto(path).map_err(|e| fail(format!("cannot read the spreadsheet: {e}")))?;
    let sheets = book.sheet_names();
    let chosen = match sheet {
        Some(s) => sheets
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(s.trim()))
            .cloned()
            .ok_or_else(|| fail(format!("no sheet '{s}'; the sheets are: {}", sheets.join(", "))))?,
        None => sheets.first().cloned().ok_or_else(|| fail("the spreadsheet has no sheets".into()))?,
    };
    let range = book.worksheet_range(&chosen).map_err(|e| fail(format!("cannot read sheet '{chosen}': {e}")))?;
    Ok((chosen, range))
}

/// A sheet's header: its first row with any text.
pub(crate) struct Header {
    /// Its index among the rows of the sheet's range.
    pub index: usize,
    /// Its row number, as a person finds it in the spreadsheet.
    pub line: u64,
    /// Its cells as text, trimmed.
    pub names: Vec<String>,
}

/// The header of `range` (sheet `sheet` of `file`), or an error when the
/// sheet is empty.
pub(crate) fn find_header(range: &calamine::Range<Data>, file: &str, sheet: &str) -> Result<Header, Error> {
    let first_row = range.start().map_or(0, |(r, _)| r as u64);
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| (i, cells.iter().map(|c| cell_text(c).trim().to_string()).collect::<Vec<_>>()))
        .find(|(_, names)| names.iter().any(|n| !n.is_empty()))
        .map(|(index, names)| Header { index, line: first_row + index as u64 + 1, names })
        .ok_or_else(|| Error::input(file, None, format!("sheet '{sheet}' is empty")))
}

/// A cell as text, as the readers see it.
pub(crate) fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(_) => match c.as_datetime() {
            Some(dt) => {
                let s = dt.to_string();
                s.strip_suffix(" 00:00:00").map(str::to_string).unwrap_or(s)
            }
            None => c.to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

impl XlsxReader {
    /// Opens `sheet` of a spreadsheet, or its first sheet.
    pub fn open(path: &Path, sheet: Option<&str>, options: &ReadOptions) -> Result<XlsxReader, Error> {
        let name = path.display().to_string();
        let fail = |line: Option<u64>, m: String| Error::input(&name, line, m);
        let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
        let (chosen, range) = read_sheet(path, sheet)?;
        let first_row = range.start().map_or(0, |(r, _)| r as u64);
        let Header { index, line: header_line, names: headers } = find_header(&range, &name, &chosen)?;
        let body: Vec<(u64, Vec<String>)> = range
            .rows()
            .enumerate()
            .skip(index + 1)
            .map(|(i, cells)| (first_row + i as u64 + 1, cells.iter().map(cell_text).collect::<Vec<_>>()))
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        if body.is_empty() {
            return Err(fail(None, format!("sheet '{chosen}' has a header but no rows")));
        }
        let text_columns =
            columns::text_columns(&headers, &options.text_columns).map_err(|m| fail(Some(header_line), m))?;
        let id_column = find_any(&headers, ID_COLUMNS).filter(|i| !text_columns.contains(i));
        let meta_columns =
            MetaColumns::find(&headers, &text_columns, &options.columns).map_err(|m| fail(Some(header_line), m))?;
        Ok(XlsxReader {
            meta_columns,
            file: Arc::from(name.as_str()),
            headers: headers.into_iter().map(Arc::from).collect(),
            rows: body.into_iter(),
            text_columns,
            id_column,
            max_text_bytes: options.max_text_bytes,
            rows_read: 0,
            total_bytes: Some(size),
            seen: SeenRows::default(),
        })
    }

    fn take(&mut self, line: u64, mut cells: Vec<String>, out: &mut Vec<Experience>, skipped: &mut Vec<Skipped>) {
        cells.resize(self.headers.len().max(cells.len()), String::new());
        let skip = |reason: SkipReason, text: &str| Skipped {
            file: self.file.clone(),
            line,
            reason,
            excerpt: excerpt(text, 80),
        };
        let raw: Vec<&[u8]> = cells.iter().map(|c| c.as_bytes()).collect();
        if let Some(first_line) = self.seen.first_line(&raw, line) {
            skipped.push(skip(SkipReason::Duplicate { first_line }, &cells.join(" | ")));
            return;
        }
        let id = match self.id_column {
            Some(i) if !cells[i].trim().is_empty() => cells[i].trim().to_string(),
            _ => format!("r{line}"),
        };
        let (role, location, date, sector) = self.meta_columns.read(|i| cells.get(i).cloned());
        let meta = (0..self.headers.len())
            .filter(|i| !self.text_columns.contains(i) && Some(*i) != self.id_column)
            .map(|i| (self.headers[i].clone(), cells[i].clone()))
            .collect();
        let answers = self.text_columns.iter().map(|&c| (self.headers[c].clone(), cells[c].as_str())).collect();
        let row = self.rows_read;
        Row { file: &self.file, line, row, id, answers, meta, role, location, date, sector }.emit(
            self.max_text_bytes,
            out,
            skipped,
        );
    }
}

impl RowSource for XlsxReader {
    fn file(&self) -> &Arc<str> {
        &self.file
    }

    fn read_batch(
        &mut self,
        max_rows: usize,
        out: &mut Vec<Experience>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<usize, Error> {
        let mut n = 0;
        while n < max_rows {
            let Some((line, cells)) = self.rows.next() else { break };
            n += 1;
            self.rows_read += 1;
            self.take(line, cells, out, skipped);
        }
        Ok(n)
    }

    fn rows_read(&self) -> u64 {
        self.rows_read
    }

    fn bytes_read(&self) -> u64 {
        // Read whole at open; report progress by rows.
        match (self.total_bytes, self.rows.len() as u64 + self.rows_read) {
            (Some(t), all) if all > 0 => t * self.rows_read / all,
            _ => 0,
        }
    }

    fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn encoding(&self) -> &'static str {
        "xlsx"
    }
}
