//! JSON Lines: one experience per line, as client-portal and survey-tool
//! exports and other programs write them.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

use super::columns::{SAMPLE_ROWS, TEXT_COLUMNS, find_any, find_named};
use super::reader::{Core, open_file};
use super::{ColumnMap, Experience, ReadOptions, RowSource, SkipReason, Skipped};
use crate::error::Error;

/// Reads experiences from a JSON Lines file: each line an object. The
/// fields of the first objects are its columns, found as a CSV file's are:
/// the text is the field named like a text column (or named by
/// `--text-column`, or holding free text), the id the field named like an id
/// column, other scalar fields metadata. A line that is not a JSON object is
/// skipped with its line and reason; blank lines are not rows. A file of
/// which not one line is an object is an error.
///
/// ```
/// use leefwereld::{JsonlReader, ReadOptions, RowSource};
/// let data = "{\"id\": 7, \"tekst\": \"De soep was lauw.\", \"rol\": \"bewoner\"}\n{kapot\n";
/// let mut r = JsonlReader::from_reader("mem.jsonl", data.as_bytes(), &ReadOptions::default())?;
/// let (mut rows, mut skipped) = (Vec::new(), Vec::new());
/// while r.read_batch(100, &mut rows, &mut skipped)? > 0 {}
/// assert_eq!((rows[0].id.as_str(), rows[0].text.as_str()), ("7", "De soep was lauw."));
/// assert_eq!((skipped[0].line, skipped[0].reason.code()), (2, "invalid-json"));
/// # Ok::<(), leefwereld::Error>(())
/// ```
pub struct JsonlReader {
    core: Core,
    lines: std::io::Split<BufReader<Box<dyn Read + Send>>>,
    /// Lines read ahead to find the columns: (line, bytes).
    ahead: VecDeque<(u64, Vec<u8>)>,
    /// The column of each field name.
    index: FxHashMap<String, usize>,
    /// The cells of the row being read (kept between rows).
    cells: Vec<String>,
    line: u64,
    bytes_read: u64,
    total_bytes: Option<u64>,
}

impl std::fmt::Debug for JsonlReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlReader")
            .field("file", &self.core.file)
            .field("rows_read", &self.core.rows_read)
            .finish_non_exhaustive()
    }
}

/// Lines read ahead at most, to find the first objects.
const AHEAD_LINES: usize = 10_000;

impl JsonlReader {
    /// Opens a file.
    pub fn open(path: &Path, options: &ReadOptions) -> Result<JsonlReader, Error> {
        let (name, file, size) = open_file(path)?;
        let mut r = JsonlReader::from_reader(&name, file, options)?;
        r.total_bytes = Some(size);
        Ok(r)
    }

    /// Reads from any byte source; `name` names it in messages. The first
    /// lines are read at once, to find the columns.
    pub fn from_reader(
        name: &str,
        source: impl Read + Send + 'static,
        options: &ReadOptions,
    ) -> Result<JsonlReader, Error> {
        if let Some(n) = options.header_row {
            return Err(Error::input(name, None, format!("--header-row {n}: JSON Lines files have no header row")));
        }
        let boxed: Box<dyn Read + Send> = Box::new(source);
        let mut lines = BufReader::with_capacity(1 << 20, boxed).split(b'\n');
        let mut ahead = VecDeque::new();
        let (mut objects, mut first_error) = (Vec::new(), None);
        let mut line = 0;
        while objects.len() < SAMPLE_ROWS && ahead.len() < AHEAD_LINES {
            let Some(raw) = lines.next() else { break };
            line += 1;
            let raw = raw.map_err(|e| Error::input(name, Some(line), format!("cannot read: {e}")))?;
            let text = String::from_utf8_lossy(&raw);
            let text = text.trim().trim_start_matches('\u{feff}');
            if !text.is_empty() {
                match serde_json::from_str::<Value>(text) {
                    Ok(Value::Object(o)) => objects.push(o),
                    Ok(_) => drop(first_error.get_or_insert((line, "not a JSON object".to_string()))),
                    Err(e) => drop(first_error.get_or_insert((line, e.to_string()))),
                }
            }
            ahead.push_back((line, raw));
        }
        if objects.is_empty() {
            return Err(match first_error {
                None => Error::empty(name, None, "the file is empty"),
                Some((l, e)) => Error::empty(
                    name,
                    Some(l),
                    format!("not one of the first {} lines is a JSON object ({e})", ahead.len()),
                ),
            });
        }
        // The fields of the first objects, in the order they are met.
        let mut headers: Vec<String> = Vec::new();
        let mut index = FxHashMap::default();
        for o in &objects {
            for k in o.keys() {
                if !index.contains_key(k) {
                    index.insert(k.clone(), headers.len());
                    headers.push(k.clone());
                }
            }
        }
        let sample: Vec<Vec<String>> = objects
            .iter()
            .map(|o| headers.iter().map(|h| o.get(h).and_then(scalar).unwrap_or_default()).collect())
            .collect();
        let sample: Vec<Vec<&str>> = sample.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        let core = Core::new(name, headers, 0, &sample, options)?;
        Ok(JsonlReader { core, lines, ahead, index, cells: Vec::new(), line: 0, bytes_read: 0, total_bytes: None })
    }

    /// Which column became what.
    pub fn columns(&self) -> &ColumnMap {
        &self.core.map
    }

    fn take(&mut self, raw: &[u8], out: &mut Vec<Experience>, skipped: &mut Vec<Skipped>) {
        let line = self.line;
        if let Some(skip) = self.core.duplicate(&[raw], line) {
            skipped.push(skip);
            return;
        }
        let text = match std::str::from_utf8(raw) {
            Ok(text) => text,
            Err(e) => {
                let reason = SkipReason::Undecodable { column: "(line)".into(), byte: raw[e.valid_up_to()] };
                skipped.push(self.core.skip(line, reason, &String::from_utf8_lossy(raw)));
                return;
            }
        };
        let text = text.trim_start_matches('\u{feff}');
        let object = match serde_json::from_str(text) {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                let reason = SkipReason::InvalidJson { message: "not a JSON object".into() };
                skipped.push(self.core.skip(line, reason, text));
                return;
            }
            Err(e) => {
                skipped.push(self.core.skip(line, SkipReason::InvalidJson { message: e.to_string() }, text));
                return;
            }
        };
        let text_fields = &self.core.map.text;
        if !text_fields.iter().any(|f| object.contains_key(f)) {
            let fields: Vec<&str> = object.keys().map(String::as_str).collect();
            let message = format!("no field {}; the fields are: {}", text_fields.join(", "), fields.join(", "));
            skipped.push(self.core.skip(line, SkipReason::MissingField { message }, text));
            return;
        }
        let mut cells = std::mem::take(&mut self.cells);
        cells.iter_mut().for_each(String::clear);
        for (k, v) in &object {
            let i = match self.index.get(k) {
                Some(&i) => i,
                None => {
                    // A field the first objects did not have: metadata.
                    let i = self.core.add_column(k);
                    self.index.insert(k.clone(), i);
                    i
                }
            };
            if cells.len() <= i {
                cells.resize(i + 1, String::new());
            }
            if let Some(v) = scalar_str(v) {
                cells[i].push_str(&v);
            }
        }
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let row = self.core.rows_read;
        self.core.take(line, row, &refs, out, skipped);
        drop(refs);
        self.cells = cells;
    }

    /// The next line, read ahead or not.
    fn next_line(&mut self) -> Option<Result<(u64, Vec<u8>), Error>> {
        if let Some(l) = self.ahead.pop_front() {
            return Some(Ok(l));
        }
        let raw = self.lines.next()?;
        let line = self.line + 1;
        Some(raw.map(|r| (line, r)).map_err(|e| Error::input(&self.core.file, Some(line), format!("cannot read: {e}"))))
    }
}

/// A scalar JSON value as text; `None` for arrays, objects and null.
fn scalar(v: &Value) -> Option<String> {
    scalar_str(v).map(|s| s.into_owned())
}

fn scalar_str(v: &Value) -> Option<std::borrow::Cow<'_, str>> {
    match v {
        Value::String(s) => Some(std::borrow::Cow::Borrowed(s)),
        Value::Number(n) => Some(n.to_string().into()),
        Value::Bool(b) => Some(b.to_string().into()),
        _ => None,
    }
}

/// A JSON Lines record: the object, its keys in order, and which of them
/// hold the text.
pub(crate) type JsonRecord = (Map<String, Value>, Vec<String>, Vec<usize>);

/// Parses one line into a [`JsonRecord`], the text fields named by
/// `text_columns` or found by name; or says why the line is no record.
pub(crate) fn parse_object(line: &str, text_columns: &[String]) -> Result<JsonRecord, SkipReason> {
    let object = match serde_json::from_str(line) {
        Ok(Value::Object(o)) => o,
        Ok(_) => return Err(SkipReason::InvalidJson { message: "not a JSON object".into() }),
        Err(e) => return Err(SkipReason::InvalidJson { message: e.to_string() }),
    };
    let keys: Vec<String> = object.keys().cloned().collect();
    let text_keys: Vec<usize> = if text_columns.is_empty() {
        find_any(&keys, TEXT_COLUMNS).into_iter().collect()
    } else {
        text_columns.iter().filter_map(|c| find_named(&keys, c)).collect()
    };
    if text_keys.is_empty() {
        let wanted = if text_columns.is_empty() { "a text field".to_string() } else { text_columns.join(", ") };
        let message = format!("no {wanted}; the fields are: {}", keys.join(", "));
        return Err(SkipReason::MissingField { message });
    }
    Ok((object, keys, text_keys))
}

impl RowSource for JsonlReader {
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
            let Some(next) = self.next_line() else { break };
            let (line, raw) = next?;
            self.line = line;
            self.bytes_read += raw.len() as u64 + 1;
            let trimmed = raw.strip_suffix(b"\r").unwrap_or(&raw);
            if trimmed.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            n += 1;
            self.core.rows_read += 1;
            self.take(trimmed, out, skipped);
        }
        Ok(n)
    }

    fn rows_read(&self) -> u64 {
        self.core.rows_read
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn encoding(&self) -> &'static str {
        "UTF-8"
    }

    fn columns(&self) -> &ColumnMap {
        &self.core.map
    }

    fn non_answers(&self) -> Vec<(Arc<str>, u64)> {
        self.core.non_answers()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &'static str, opts: &ReadOptions) -> Result<(Vec<Experience>, Vec<Skipped>, u64), Error> {
        let mut r = JsonlReader::from_reader("t.jsonl", data.as_bytes(), opts)?;
        let (mut out, mut sk) = (Vec::new(), Vec::new());
        while r.read_batch(2, &mut out, &mut sk)? > 0 {}
        Ok((out, sk, r.rows_read()))
    }

    #[test]
    fn every_line_is_analysed_or_skipped() {
        let data = "{\"id\": \"a\", \"ervaring\": \"Goed eten\", \"locatie\": \"De Linde\", \"score\": 8}\n\n\
                    [1, 2]\n{\"id\": \"b\", \"ervaring\": \"  \"}\n{\"id\": \"c\", \"datum\": \"1-2-2025\"}\n{oeps\n";
        let (out, sk, n) = read(data, &ReadOptions::default()).unwrap();
        assert_eq!(n, 5);
        assert_eq!(out.len() + sk.len(), 5);
        assert_eq!(out[0].meta, vec![(Arc::from("locatie"), "De Linde".into()), (Arc::from("score"), "8".into())]);
        let codes: Vec<(u64, &str)> = sk.iter().map(|s| (s.line, s.reason.code())).collect();
        assert_eq!(codes, [(3, "invalid-json"), (4, "empty-text"), (5, "missing-field"), (6, "invalid-json")]);
    }

    #[test]
    fn several_text_fields_by_flag() {
        let opts = ReadOptions { text_columns: vec!["goed".into(), "beter".into()], ..Default::default() };
        let (out, sk, _) = read("{\"goed\": \"Het eten\", \"beter\": \"Meer personeel\"}\n", &opts).unwrap();
        assert!(sk.is_empty());
        let q: Vec<&str> = out.iter().map(|e| &*e.question).collect();
        assert_eq!(q, ["goed", "beter"]);
    }

    #[test]
    fn empty_file_is_an_error() {
        assert_eq!(read("\n\n", &ReadOptions::default()).unwrap_err().to_string(), "t.jsonl: the file is empty");
    }
}
