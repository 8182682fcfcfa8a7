//! JSON Lines: one experience per line, as client-portal and survey-tool
//! exports and other programs write them.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::columns::{ID_COLUMNS, TEXT_COLUMNS, find_any, find_named};
use super::csv::ReadOptions;
use super::{Experience, MetaColumns, Row, RowSource, SeenRows, SkipReason, Skipped, excerpt};
use crate::error::Error;

/// Reads experiences from a JSON Lines file: each line an object; the text
/// is the field named like a text column (or named by `--text-column`), the
/// id the field named like an id column, other scalar fields metadata. A line
/// that is not a JSON object is skipped with its line and reason; blank lines
/// are not rows.
///
/// ```
/// use leefwereld::{JsonlReader, ReadOptions, RowSource};
/// let data = "{\"id\": 7, \"tekst\": \"De soep was lauw.\", \"rol\": \"bewoner\"}\n{kapot\n";
/// let mut r = JsonlReader::from_reader("mem.jsonl", data.as_bytes(), &ReadOptions::default());
/// let (mut rows, mut skipped) = (Vec::new(), Vec::new());
/// while r.read_batch(100, &mut rows, &mut skipped).unwrap() > 0 {}
/// assert_eq!((rows[0].id.as_str(), rows[0].text.as_str()), ("7", "De soep was lauw."));
/// assert_eq!((skipped[0].line, skipped[0].reason.code()), (2, "invalid-json"));
/// ```
pub struct JsonlReader {
    file: Arc<str>,
    lines: std::io::Split<BufReader<Box<dyn Read + Send>>>,
    text_columns: Vec<String>,
    columns: super::csv::MetaColumnNames,
    max_text_bytes: usize,
    line: u64,
    rows_read: u64,
    bytes_read: u64,
    total_bytes: Option<u64>,
    seen: SeenRows,
}

impl std::fmt::Debug for JsonlReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlReader")
            .field("file", &self.file)
            .field("rows_read", &self.rows_read)
            .finish_non_exhaustive()
    }
}

impl JsonlReader {
    /// Opens a file.
    pub fn open(path: &Path, options: &ReadOptions) -> Result<JsonlReader, Error> {
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::input(&name, None, "is a directory, not a file"));
        }
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let mut r = JsonlReader::from_reader(&name, file, options);
        r.total_bytes = Some(meta.len());
        Ok(r)
    }

    /// Reads from any byte source; `name` names it in messages.
    pub fn from_reader(name: &str, source: impl Read + Send + 'static, options: &ReadOptions) -> JsonlReader {
        let boxed: Box<dyn Read + Send> = Box::new(source);
        JsonlReader {
            file: Arc::from(name),
            lines: BufReader::with_capacity(1 << 20, boxed).split(b'\n'),
            text_columns: options.text_columns.clone(),
            columns: options.columns.clone(),
            max_text_bytes: options.max_text_bytes,
            line: 0,
            rows_read: 0,
            bytes_read: 0,
            total_bytes: None,
            seen: SeenRows::default(),
        }
    }

    fn take(&mut self, raw: &[u8], out: &mut Vec<Experience>, skipped: &mut Vec<Skipped>) {
        let line = self.line;
        let skip = |reason: SkipReason, text: &str| Skipped {
            file: self.file.clone(),
            line,
            reason,
            excerpt: excerpt(text, 80),
        };
        if let Some(first_line) = self.seen.first_line(&[raw], line) {
            skipped.push(skip(SkipReason::Duplicate { first_line }, &String::from_utf8_lossy(raw)));
            return;
        }
        let text = match std::str::from_utf8(raw) {
            Ok(text) => text,
            Err(e) => {
                let reason = SkipReason::Undecodable { column: "(line)".into(), byte: raw[e.valid_up_to()] };
                skipped.push(skip(reason, &String::from_utf8_lossy(raw)));
                return;
            }
        };
        let text = text.trim_start_matches('\u{feff}');
        let (object, keys, text_keys) = match parse_object(text, &self.text_columns) {
            Ok(parsed) => parsed,
            Err(reason) => {
                skipped.push(skip(reason, text));
                return;
            }
        };
        let id_key = find_any(&keys, ID_COLUMNS).filter(|k| !text_keys.contains(k));
        let id = match id_key.map(|k| &object[&keys[k]]) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            _ => format!("r{line}"),
        };
        let scalar = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        // A field named by flag that a record lacks is simply absent there.
        let meta_columns = MetaColumns::find(&keys, &text_keys, &self.columns).unwrap_or_default();
        let (role, location, date, sector) = meta_columns.read(|i| keys.get(i).and_then(|k| scalar(&object[k])));
        let meta = (0..keys.len())
            .filter(|i| !text_keys.contains(i) && Some(*i) != id_key)
            .filter_map(|i| scalar(&object[&keys[i]]).map(|v| (Arc::from(keys[i].as_str()), v)))
            .collect();
        let answers =
            text_keys.iter().map(|&k| (Arc::from(keys[k].as_str()), object[&keys[k]].as_str().unwrap_or(""))).collect();
        let row = self.rows_read;
        Row { file: &self.file, line, row, id, answers, meta, role, location, date, sector }.emit(
            self.max_text_bytes,
            out,
            skipped,
        );
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
            let Some(raw) = self.lines.next() else { break };
            let raw = raw.map_err(|e| Error::input(&self.file, Some(self.line + 1), format!("cannot read: {e}")))?;
            self.line += 1;
            self.bytes_read += raw.len() as u64 + 1;
            let trimmed = raw.strip_suffix(b"\r").unwrap_or(&raw);
            if trimmed.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            n += 1;
            self.rows_read += 1;
            self.take(trimmed, out, skipped);
        }
        if n == 0 && self.rows_read == 0 {
            return Err(Error::input(&self.file, None, "the file is empty"));
        }
        Ok(n)
    }

    fn rows_read(&self) -> u64 {
        self.rows_read
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &'static str, opts: &ReadOptions) -> Result<(Vec<Experience>, Vec<Skipped>, u64), Error> {
        let mut r = JsonlReader::from_reader("t.jsonl", data.as_bytes(), opts);
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
