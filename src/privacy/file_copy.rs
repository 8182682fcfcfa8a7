//! A redacted copy of an input file, for sharing: the same format, encoding,
//! delimiter and line endings, every column but the text columns untouched,
//! personal data in the text columns replaced by placeholders.
//!
//! Rows that cannot be read as the header says (a wrong number of fields,
//! bytes that do not decode, broken JSON) are left out of the copy, since
//! their text cannot be found to redact it, and reported with their line and
//! reason; every other row is written, in order.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::Value;

use super::{PiiKind, Redactor};
use crate::engine::Progress;
use crate::error::Error;
use crate::ingest::{CsvReader, InputKind, ReadOptions, SkipReason, Skipped, excerpt, open_input};
use crate::ledger::ColumnMap;

/// Rows redacted in parallel at a time.
const BATCH: usize = 4096;

/// What [`redact_file`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RedactSummary {
    /// Data rows read (not counting a header or blank lines).
    pub rows_read: u64,
    /// Rows written to the copy.
    pub rows_written: u64,
    /// Rows left out, with line and reason.
    pub skipped: Vec<Skipped>,
    /// Spans replaced, per kind of personal data.
    pub replaced: BTreeMap<PiiKind, u64>,
    /// The encoding read and written.
    pub encoding: &'static str,
    /// The columns (or JSON fields) redacted.
    pub text_columns: Vec<String>,
}

/// Writes a redacted copy of `input` to `output`: CSV and other delimited
/// text (`.jsonl`/`.ndjson` are JSON Lines, `.xlsx`/`.xlsm`/`.xls`/`.ods`
/// spreadsheets, written as `.xlsx`: the sheet `options.sheet` or the first,
/// values only, cells where they were). The copy is written under a
/// temporary name and renamed when complete, so a failed run leaves no
/// half-written file.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let (input, output) = (dir.path().join("in.csv"), dir.path().join("uit.csv"));
/// std::fs::write(&input, "id;locatie;ervaring\n1;Berkenhof;Zuster Anja belde 06-12345678.\n").unwrap();
/// let redactor = leefwereld::Redactor::new();
/// let s = leefwereld::redact_file(&input, &output, &Default::default(), &redactor, &leefwereld::NoProgress).unwrap();
/// assert_eq!(std::fs::read_to_string(&output).unwrap(), "id;locatie;ervaring\n1;Berkenhof;Zuster [NAAM-1] belde [TELEFOON].\n");
/// assert_eq!(s.replaced[&leefwereld::PiiKind::Naam], 1);
/// ```
pub fn redact_file(
    input: &Path,
    output: &Path,
    options: &ReadOptions,
    redactor: &Redactor,
    progress: &dyn Progress,
) -> Result<RedactSummary, Error> {
    if std::fs::canonicalize(input).ok().is_some_and(|i| std::fs::canonicalize(output).ok() == Some(i)) {
        return Err(Error::input(&input.display().to_string(), None, "the output would overwrite the input"));
    }
    // The columns are decided as `analyse` decides them (by name, else by
    // content; the header row; `--sheet` only for a spreadsheet), by the
    // same reader core; the copy then names them.
    let kind = InputKind::of(input);
    if kind == InputKind::Spreadsheet
        && !output.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        let message = "a spreadsheet's redacted copy is written as .xlsx: give --out FILE.xlsx";
        return Err(Error::input(&input.display().to_string(), None, message));
    }
    let options = &with_columns_of(open_input(input, options)?.columns(), options);
    if kind == InputKind::Spreadsheet {
        progress.start(0);
        let summary = redact_spreadsheet(input, output, options, redactor);
        progress.finish();
        return summary;
    }
    let partial = PathBuf::from(format!("{}.partial", output.display()));
    let file = File::create(&partial).map_err(|e| Error::io(&partial, e))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let result = match kind {
        InputKind::JsonLines => redact_jsonl(input, &mut out, options, redactor, progress),
        _ => redact_csv(input, &mut out, options, redactor, progress),
    };
    progress.finish();
    let finish = |out: BufWriter<File>| -> std::io::Result<()> {
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&partial, output)
    };
    match result {
        Ok(summary) => {
            finish(out).map_err(|e| Error::io(output, e))?;
            Ok(summary)
        }
        Err(e) => {
            drop(out);
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// `options` with the text columns and header row the reader core found.
fn with_columns_of(map: &ColumnMap, options: &ReadOptions) -> ReadOptions {
    ReadOptions {
        text_columns: map.text.clone(),
        header_row: options.header_row.or((map.header_line > 0).then_some(map.header_line)),
        ..options.clone()
    }
}

/// A spreadsheet's sheet as `.xlsx`: every cell at its place, with its value
/// (numbers as numbers, dates as dates), the text columns redacted below the
/// header. Formatting, formulas and other sheets are not copied.
fn redact_spreadsheet(
    input: &Path,
    output: &Path,
    options: &ReadOptions,
    redactor: &Redactor,
) -> Result<RedactSummary, Error> {
    use calamine::Data;
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let name = input.display().to_string();
    let (sheet, range) = crate::ingest::xlsx::read_sheet(input, options.sheet.as_deref())?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let header = crate::ingest::xlsx::find_header_at(&range, &name, &sheet, options.header_row)?;
    let (header_at, headers) = (header.index, header.names);
    let text_columns = crate::ingest::columns::text_columns(&headers, &options.text_columns)
        .map_err(|m| Error::input(&name, Some(header.line), m))?;
    let places = place_columns(&headers);
    let fail = |e: rust_xlsxwriter::XlsxError| Error::input(&name, None, format!("cannot write the spreadsheet: {e}"));
    let mut book = Workbook::new();
    // A fixed creation time: the same input gives the same bytes.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(fail)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet_out = book.add_worksheet();
    sheet_out.set_name(&sheet).map_err(fail)?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let mut summary = RedactSummary {
        encoding: "xlsx",
        text_columns: text_columns.iter().map(|&c| headers[c].clone()).collect(),
        ..Default::default()
    };
    for (i, cells) in range.rows().enumerate() {
        let (row, body) = (first_row + i as u32, i > header_at);
        for (j, cell) in cells.iter().enumerate() {
            let col =
                u16::try_from(first_col as usize + j).map_err(|_| Error::input(&name, None, "too many columns"))?;
            let written = match cell {
                Data::Empty => continue,
                Data::String(s) if body && text_columns.contains(&j) => {
                    let places: Vec<&str> = places
                        .iter()
                        .filter_map(|&p| match cells.get(p) {
                            Some(Data::String(s)) => Some(s.as_str()),
                            _ => None,
                        })
                        .collect();
                    sheet_out.write_string(row, col, redact_counted(redactor, s, &places, &mut summary.replaced))
                }
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => sheet_out.write_string(row, col, s),
                Data::Float(f) => sheet_out.write_number(row, col, *f),
                Data::Int(n) => sheet_out.write_number(row, col, *n as f64),
                Data::Bool(b) => sheet_out.write_boolean(row, col, *b),
                Data::DateTime(d) => {
                    let format = if d.as_f64().fract() == 0.0 { &date } else { &date_time };
                    sheet_out.write_number_with_format(row, col, d.as_f64(), format)
                }
                Data::Error(e) => sheet_out.write_string(row, col, format!("#{e:?}")),
            };
            written.map_err(fail)?;
        }
        if body && cells.iter().any(|c| !matches!(c, Data::Empty)) {
            summary.rows_read += 1;
            summary.rows_written += 1;
        }
    }
    let partial = PathBuf::from(format!("{}.partial", output.display()));
    book.save(&partial).map_err(fail)?;
    std::fs::rename(&partial, output).map_err(|e| Error::io(output, e))?;
    Ok(summary)
}

/// The columns whose values are a row's own places (location, team,
/// sector): never a person's name in its text ("Parkeren bij De Linde").
fn place_columns(headers: &[String]) -> Vec<usize> {
    use crate::ingest::columns::{LOCATION_COLUMNS, SECTOR_COLUMNS};
    [LOCATION_COLUMNS, SECTOR_COLUMNS]
        .iter()
        .filter_map(|names| crate::ingest::columns::find_any(headers, names))
        .collect()
}

/// Redacts `text`, sparing names inside `places`, counting the spans per
/// kind.
fn redact_counted(redactor: &Redactor, text: &str, places: &[&str], counts: &mut BTreeMap<PiiKind, u64>) -> String {
    let spans = redactor.find_sparing(text, places);
    for s in &spans {
        *counts.entry(s.kind).or_default() += 1;
    }
    Redactor::replace(text, &spans).into_owned()
}

fn merge(into: &mut BTreeMap<PiiKind, u64>, from: BTreeMap<PiiKind, u64>) {
    for (k, n) in from {
        *into.entry(k).or_default() += n;
    }
}

fn redact_csv(
    input: &Path,
    out: &mut BufWriter<File>,
    options: &ReadOptions,
    redactor: &Redactor,
    progress: &dyn Progress,
) -> Result<RedactSummary, Error> {
    let mut reader = CsvReader::open(input, options)?;
    progress.start(reader.total_bytes().unwrap_or(0));
    let text_columns = reader.text_column_indexes().to_vec();
    let places = place_columns(&reader.headers().iter().map(|h| h.to_string()).collect::<Vec<_>>());
    let mut summary = RedactSummary {
        encoding: reader.encoding(),
        text_columns: reader.text_columns().iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    };
    let io = |e: std::io::Error| Error::io(input, e);
    let mut encoded = Encoder::new(&mut *out, reader.encoding());
    if reader.has_bom() {
        encoded.write_all("\u{feff}".as_bytes()).map_err(io)?;
    }
    let terminator = if reader.crlf() { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
    let mut writer =
        csv::WriterBuilder::new().delimiter(reader.delimiter() as u8).terminator(terminator).from_writer(encoded);
    let header: Vec<&str> = reader.headers().iter().map(|h| &**h).collect();
    writer.write_record(&header).map_err(|e| io(e.into()))?;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match reader.next_record()? {
                None => break,
                Some(Ok(record)) => batch.push(record),
                Some(Err(skip)) => summary.skipped.push(skip),
            }
        }
        if batch.is_empty() {
            break;
        }
        let counts: Vec<BTreeMap<PiiKind, u64>> = batch
            .par_iter_mut()
            .map(|record| {
                let mut counts = BTreeMap::new();
                let own: Vec<String> = places.iter().filter_map(|&p| record.fields.get(p).cloned()).collect();
                let own: Vec<&str> = own.iter().map(String::as_str).collect();
                for &c in &text_columns {
                    record.fields[c] = redact_counted(redactor, &record.fields[c], &own, &mut counts);
                }
                counts
            })
            .collect();
        for (record, counts) in batch.iter().zip(counts) {
            writer.write_record(&record.fields).map_err(|e| io(e.into()))?;
            merge(&mut summary.replaced, counts);
            summary.rows_written += 1;
        }
        progress.advance(reader.bytes_read());
    }
    writer.flush().map_err(io)?;
    writer.into_inner().map_err(|e| io(e.into_error()))?.finish().map_err(io)?;
    summary.rows_read = reader.rows_read();
    for s in &mut summary.skipped {
        s.excerpt = redactor.redact(&s.excerpt).into_owned();
    }
    Ok(summary)
}

fn redact_jsonl(
    input: &Path,
    out: &mut BufWriter<File>,
    options: &ReadOptions,
    redactor: &Redactor,
    progress: &dyn Progress,
) -> Result<RedactSummary, Error> {
    let name: Arc<str> = Arc::from(input.display().to_string());
    let file = File::open(input).map_err(|e| Error::io(input, e))?;
    progress.start(file.metadata().map_or(0, |m| m.len()));
    let mut done_bytes = 0u64;
    let mut lines = BufReader::with_capacity(1 << 20, file).split(b'\n');
    let mut summary = RedactSummary { encoding: "UTF-8", ..Default::default() };
    let mut line_no = 0u64;
    loop {
        let mut batch: Vec<(u64, Vec<u8>)> = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match lines.next() {
                None => break,
                Some(raw) => {
                    line_no += 1;
                    let raw = raw.map_err(|e| Error::io(input, e))?;
                    done_bytes += raw.len() as u64 + 1;
                    batch.push((line_no, raw));
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let done: Vec<JsonLine> = batch.par_iter().map(|(_, raw)| redact_json_line(raw, options, redactor)).collect();
        for ((line, raw), done) in batch.iter().zip(done) {
            let skip = |reason| Skipped {
                file: name.clone(),
                line: *line,
                reason,
                excerpt: excerpt(&redactor.redact(&String::from_utf8_lossy(raw)), 80),
            };
            match done {
                JsonLine::Blank => out.write_all(raw).and_then(|_| out.write_all(b"\n")),
                JsonLine::Skip(reason) => {
                    summary.rows_read += 1;
                    summary.skipped.push(skip(reason));
                    Ok(())
                }
                JsonLine::Row { text, counts, fields } => {
                    summary.rows_read += 1;
                    summary.rows_written += 1;
                    merge(&mut summary.replaced, counts);
                    for f in fields {
                        if !summary.text_columns.contains(&f) {
                            summary.text_columns.push(f);
                        }
                    }
                    out.write_all(text.as_bytes()).and_then(|_| out.write_all(b"\n"))
                }
            }
            .map_err(|e| Error::io(input, e))?;
        }
        progress.advance(done_bytes);
    }
    if summary.rows_read == 0 {
        return Err(Error::input(&name, None, "the file is empty"));
    }
    Ok(summary)
}

enum JsonLine {
    Blank,
    Skip(SkipReason),
    Row { text: String, counts: BTreeMap<PiiKind, u64>, fields: Vec<String> },
}

fn redact_json_line(raw: &[u8], options: &ReadOptions, redactor: &Redactor) -> JsonLine {
    let Ok(text) = std::str::from_utf8(raw) else {
        let e = std::str::from_utf8(raw).expect_err("invalid");
        return JsonLine::Skip(SkipReason::Undecodable { column: "(line)".into(), byte: raw[e.valid_up_to()] });
    };
    let (body, cr) = match text.strip_suffix('\r') {
        Some(b) => (b, "\r"),
        None => (text, ""),
    };
    let bom = if body.starts_with('\u{feff}') { "\u{feff}" } else { "" };
    let body = body.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        return JsonLine::Blank;
    }
    let (mut object, keys, text_keys) = match crate::ingest::jsonl::parse_object(body, &options.text_columns) {
        Ok(parsed) => parsed,
        Err(reason) => return JsonLine::Skip(reason),
    };
    let mut counts = BTreeMap::new();
    let mut fields = Vec::new();
    let own: Vec<String> = place_columns(&keys)
        .into_iter()
        .filter_map(|p| object.get(&keys[p]).and_then(Value::as_str).map(String::from))
        .collect();
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    for k in text_keys {
        if let Some(Value::String(s)) = object.get_mut(&keys[k]) {
            *s = redact_counted(redactor, s, &own, &mut counts);
            fields.push(keys[k].clone());
        }
    }
    let json = serde_json::to_string(&Value::Object(object)).expect("a JSON value serialises");
    JsonLine::Row { text: format!("{bom}{json}{cr}"), counts, fields }
}

/// Writes UTF-8 text in another encoding: UTF-16 (either byte order) or a
/// legacy single-byte encoding such as windows-1252. Input may split a
/// character across writes.
struct Encoder<W: Write> {
    inner: W,
    encoding: &'static encoding_rs::Encoding,
    pending: Vec<u8>,
}

impl<W: Write> Encoder<W> {
    fn new(inner: W, encoding: &'static str) -> Self {
        let encoding = encoding_rs::Encoding::for_label(encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
        Encoder { inner, encoding, pending: Vec::new() }
    }

    fn finish(mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "text ends inside a character"));
        }
        self.inner.flush()
    }
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.encoding == encoding_rs::UTF_8 {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).expect("checked");
        if self.encoding == encoding_rs::UTF_16LE || self.encoding == encoding_rs::UTF_16BE {
            let le = self.encoding == encoding_rs::UTF_16LE;
            let mut bytes = Vec::with_capacity(text.len() * 2);
            for unit in text.encode_utf16() {
                bytes.extend_from_slice(&if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
            }
            self.inner.write_all(&bytes)?;
        } else {
            let (bytes, _, _) = self.encoding.encode(text);
            self.inner.write_all(&bytes)?;
        }
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
