//! Spreadsheets (`.xlsx`, `.xlsm`, `.xls`, `.ods`), read with calamine.
//!
//! The sheet is read whole (spreadsheets are bounded in size); the header is
//! the first row that looks like one (title rows above it are passed over),
//! or the row asked for; a row's line is its row number in the
//! spreadsheet, as a person would find it. Numbers that are whole print
//! without decimals, dates as ISO dates (2025-11-03).

use std::path::Path;
use std::sync::Arc;

use calamine::{Data, DataType, Reader, open_workbook_auto};

use super::columns::SAMPLE_ROWS;
use super::reader::Core;
use super::{ColumnMap, Experience, ReadOptions, RowSource, Skipped};
use crate::error::Error;

/// Reads experiences from one sheet of a spreadsheet.
pub struct XlsxReader {
    core: Core,
    rows: std::vec::IntoIter<(u64, Vec<String>)>,
    total_bytes: Option<u64>,
}

impl std::fmt::Debug for XlsxReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxReader")
            .field("file", &self.core.file)
            .field("rows_read", &self.core.rows_read)
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

/// A sheet's header.
pub(crate) struct Header {
    /// Its index among the rows of the sheet's range.
    pub index: usize,
    /// Its row number, as a person finds it in the spreadsheet.
    pub line: u64,
    /// Its cells as text, trimmed.
    pub names: Vec<String>,
}

/// The header of `range`: row `header_row` (1-based, as the spreadsheet
/// numbers it) when given; else the first row with at least two text cells
/// (not numbers, not dates) and at least half as many filled cells as the
/// widest of the first rows, so that title rows above the header ("Cliënt-
/// ervaringsonderzoek 2025", "Periode: | 2025") are passed over; else the
/// first row with any text. An error when the sheet is empty.
pub(crate) fn find_header_at(
    range: &calamine::Range<Data>,
    file: &str,
    sheet: &str,
    header_row: Option<u64>,
) -> Result<Header, Error> {
    let first_row = range.start().map_or(0, |(r, _)| r as u64);
    let header = |index: usize, cells: &[Data]| Header {
        index,
        line: first_row + index as u64 + 1,
        names: cells.iter().map(|c| cell_text(c).trim().to_string()).collect(),
    };
    if let Some(n) = header_row {
        let index = n.checked_sub(first_row + 1).map(|i| i as usize);
        return match index.and_then(|i| range.rows().nth(i).map(|cells| header(i, cells))) {
            Some(h) if h.names.iter().any(|n| !n.is_empty()) => Ok(h),
            _ => Err(Error::empty(file, Some(n), format!("sheet '{sheet}' has no header on row {n}"))),
        };
    }
    let filled = |cells: &[Data]| cells.iter().filter(|c| !cell_text(c).trim().is_empty()).count();
    let widest = range.rows().take(SAMPLE_ROWS).map(filled).max().unwrap_or(0);
    let texts = |cells: &[Data]| {
        cells
            .iter()
            .filter(|c| matches!(c, Data::String(s) if !s.trim().is_empty() && s.trim().parse::<f64>().is_err()))
            .count()
    };
    let looks_like_header = |cells: &[Data]| texts(cells) >= 2 && filled(cells) * 2 >= widest;
    range
        .rows()
        .enumerate()
        .find(|(_, cells)| looks_like_header(cells))
        .or_else(|| range.rows().enumerate().find(|(_, cells)| filled(cells) > 0))
        .map(|(index, cells)| header(index, cells))
        .ok_or_else(|| Error::empty(file, None, format!("sheet '{sheet}' is empty")))
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
        let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
        let (chosen, range) = read_sheet(path, sheet)?;
        let first_row = range.start().map_or(0, |(r, _)| r as u64);
        let Header { index, line: header_line, names: headers } =
            find_header_at(&range, &name, &chosen, options.header_row)?;
        let body: Vec<(u64, Vec<String>)> = range
            .rows()
            .enumerate()
            .skip(index + 1)
            .map(|(i, cells)| (first_row + i as u64 + 1, cells.iter().map(cell_text).collect::<Vec<_>>()))
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        if body.is_empty() {
            return Err(Error::empty(&name, None, format!("sheet '{chosen}' has a header but no rows")));
        }
        let sample: Vec<Vec<&str>> =
            body.iter().take(SAMPLE_ROWS).map(|(_, cells)| cells.iter().map(String::as_str).collect()).collect();
        let core = Core::new(&name, headers, header_line, &sample, options)?;
        Ok(XlsxReader { core, rows: body.into_iter(), total_bytes: Some(size) })
    }

    fn take(&mut self, line: u64, cells: Vec<String>, out: &mut Vec<Experience>, skipped: &mut Vec<Skipped>) {
        let raw: Vec<&[u8]> = cells.iter().map(|c| c.as_bytes()).collect();
        if let Some(skip) = self.core.duplicate(&raw, line) {
            skipped.push(skip);
            return;
        }
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let row = self.core.rows_read;
        self.core.take(line, row, &cells, out, skipped);
    }
}

impl RowSource for XlsxReader {
    fn file(&self) -> &Arc<str> {
        &self.core.file
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
            self.core.rows_read += 1;
            self.take(line, cells, out, skipped);
        }
        Ok(n)
    }

    fn rows_read(&self) -> u64 {
        self.core.rows_read
    }

    fn bytes_read(&self) -> u64 {
        // Read whole at open; report progress by rows.
        let read = self.core.rows_read;
        match (self.total_bytes, self.rows.len() as u64 + read) {
            (Some(t), all) if all > 0 => t * read / all,
            _ => 0,
        }
    }

    fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn encoding(&self) -> &'static str {
        "xlsx"
    }

    fn columns(&self) -> &ColumnMap {
        &self.core.map
    }

    fn non_answers(&self) -> Vec<(Arc<str>, u64)> {
        self.core.non_answers()
    }
}
