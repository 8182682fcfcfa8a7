//! Delimited text (CSV, semicolon-separated Excel exports, TSV), read as a
//! stream of batches: the encoding and the delimiter are found here, rows
//! and line numbers too; the shared [`Core`] does the rest.

use std::collections::VecDeque;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use super::columns::SAMPLE_ROWS;
use super::lines::{LineCounter, Lines};
use super::reader::{Core, open_file};
use super::{ColumnMap, Experience, ReadOptions, RowSource, SkipReason, Skipped};
use crate::error::{Error, ErrorKind};

/// Reads experiences from one delimited text file.
///
/// ```
/// use leefwereld::{CsvReader, ReadOptions};
/// let data = "id;datum;ervaring\n1;3-11-2025;De soep was lauw.\n2;4-11-2025;\n";
/// let mut reader = CsvReader::from_reader("mem.csv", data.as_bytes(), &ReadOptions::default()).unwrap();
/// let (mut rows, mut skipped) = (Vec::new(), Vec::new());
/// while reader.read_batch(100, &mut rows, &mut skipped).unwrap() > 0 {}
/// assert_eq!(rows[0].text, "De soep was lauw.");
/// assert_eq!((skipped[0].line, skipped[0].reason.code()), (3, "empty-text"));
/// assert_eq!(reader.rows_read(), 2);
/// ```
pub struct CsvReader {
    core: Core,
    reader: csv::Reader<Box<dyn Read + Send>>,
    encoding: &'static encoding_rs::Encoding,
    delimiter: u8,
    bom: bool,
    crlf: bool,
    record: csv::ByteRecord,
    /// The row read last, processed once the next one is read (so the last
    /// row can be checked for a quote that runs to the end of the file).
    held: csv::ByteRecord,
    /// Line and ordinal of the held row.
    held_line: Option<(u64, u64)>,
    /// Rows read ahead to find the columns, with their lines.
    ahead: VecDeque<(csv::ByteRecord, u64)>,
    total_bytes: Option<u64>,
    done: bool,
    lines: Lines,
}

impl std::fmt::Debug for CsvReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvReader")
            .field("file", &self.core.file)
            .field("rows_read", &self.core.rows_read)
            .finish_non_exhaustive()
    }
}

const SNIFF_BYTES: usize = 64 * 1024;

impl CsvReader {
    /// Opens a file.
    pub fn open(path: &Path, options: &ReadOptions) -> Result<CsvReader, Error> {
        let (name, file, size) = open_file(path)?;
        let mut reader = CsvReader::from_reader(&name, BufReader::with_capacity(1 << 20, file), options)?;
        reader.total_bytes = Some(size);
        Ok(reader)
    }

    /// Reads from any byte source; `name` names it in messages.
    pub fn from_reader(
        name: &str,
        mut source: impl Read + Send + 'static,
        options: &ReadOptions,
    ) -> Result<Self, Error> {
        let io = |e| Error::input(name, None, format!("cannot read: {e}"));
        // Sniff the start: encoding, binary junk, the delimiter.
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        (&mut source).take(SNIFF_BYTES as u64).read_to_end(&mut head).map_err(io)?;
        let encoding = match &options.encoding {
            Some(label) => encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                Error::new(ErrorKind::UnknownEncoding { file: name.to_string(), label: label.clone() })
            })?,
            None => detect_encoding(&head).ok_or_else(|| {
                Error::input(name, None, "the file holds NUL bytes: it looks binary, not like CSV text")
            })?,
        };
        let utf8 = encoding == encoding_rs::UTF_8;
        let bom = if utf8 && head.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
        let decoded = match utf8 {
            true => std::borrow::Cow::Borrowed(&head[bom..]),
            false => std::borrow::Cow::Owned(encoding.decode(&head).0.into_owned().into_bytes()),
        };
        // Excel's "sep=;" line names the delimiter; the header follows it.
        let sep_line = excel_sep_line(&decoded);
        let header_row = options.header_row.unwrap_or(1 + sep_line.is_some() as u64);
        let delimiter =
            sep_line.unwrap_or_else(|| sniff_delimiter(after_lines(&decoded, header_row.saturating_sub(1) as usize)));
        let bom = match encoding.name() {
            "UTF-8" => bom > 0,
            "UTF-16LE" => head.starts_with(&[0xFF, 0xFE]),
            "UTF-16BE" => head.starts_with(&[0xFE, 0xFF]),
            _ => false,
        };
        let crlf = memchr::memmem::find(&head, b"\r\n").is_some()
            || memchr::memmem::find(&head, b"\r\0\n\0").is_some()
            || memchr::memmem::find(&head, b"\0\r\0\n").is_some();
        let chained = std::io::Cursor::new(head).chain(source);
        let mut rest: Box<dyn Read + Send> = if utf8 {
            Box::new(chained)
        } else {
            Box::new(
                encoding_rs_io::DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding))
                    .bom_override(true)
                    .strip_bom(true)
                    .build(chained),
            )
        };
        if utf8 && bom {
            let mut mark = [0u8; 3];
            rest.read_exact(&mut mark).map_err(io)?;
        }
        // An empty file, or one of white space only, after decoding.
        let mut peeked = Vec::new();
        loop {
            let mut byte = [0u8; 1];
            match rest.read(&mut byte).map_err(io)? {
                0 => return Err(Error::empty(name, None, "the file is empty")),
                _ => {
                    peeked.push(byte[0]);
                    if !byte[0].is_ascii_whitespace() {
                        break;
                    }
                }
            }
        }
        let lines = Lines::default();
        let rest: Box<dyn Read + Send> =
            Box::new(LineCounter::new(std::io::Cursor::new(peeked).chain(rest), lines.clone()));
        let mut reader =
            csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(rest);
        let fail = |e: csv::Error| Error::input(name, e.position().map(|p| p.line()), e.to_string());
        // The header: the first record, or the one on the line asked for.
        let mut header_record = csv::ByteRecord::new();
        let header_line = loop {
            if !reader.read_byte_record(&mut header_record).map_err(fail)? {
                return Err(match options.header_row {
                    Some(n) => Error::empty(name, None, format!("the file has no line {n} to read the header from")),
                    None => Error::empty(name, None, "the file is empty"),
                });
            }
            let line = lines.line_of(header_record.position().map_or(0, |p| p.byte()));
            if line >= header_row {
                break line;
            }
        };
        let mut headers = Vec::with_capacity(header_record.len());
        for (i, h) in header_record.iter().enumerate() {
            let h = std::str::from_utf8(h).map_err(|_| {
                Error::input(
                    name,
                    Some(header_line),
                    format!("column {} of the header is not valid UTF-8; save the file as UTF-8", i + 1),
                )
            })?;
            headers.push(h.trim().trim_start_matches('\u{feff}').to_string());
        }
        // The first rows, read ahead: the columns are found from them too.
        let mut ahead = VecDeque::new();
        while ahead.len() < SAMPLE_ROWS {
            let mut record = csv::ByteRecord::new();
            if !reader.read_byte_record(&mut record).map_err(fail)? {
                break;
            }
            let line = lines.line_of(record.position().map_or(0, |p| p.byte()));
            ahead.push_back((record, line));
        }
        let sample: Vec<Vec<String>> =
            ahead.iter().map(|(r, _)| r.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect()).collect();
        let sample: Vec<Vec<&str>> = sample.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        let core = Core::new(name, headers, header_line, &sample, options)?;
        Ok(CsvReader {
            core,
            reader,
            encoding,
            delimiter,
            bom,
            crlf,
            record: csv::ByteRecord::new(),
            held: csv::ByteRecord::new(),
            held_line: None,
            ahead,
            total_bytes: None,
            done: false,
            lines,
        })
    }

    /// The file's name as given.
    pub fn file(&self) -> &Arc<str> {
        &self.core.file
    }

    /// The header's column names.
    pub fn headers(&self) -> &[Arc<str>] {
        &self.core.headers
    }

    /// The names of the columns read as text.
    pub fn text_columns(&self) -> Vec<&str> {
        self.core.columns.text.iter().map(|&i| &*self.core.headers[i]).collect()
    }

    /// Which column became what.
    pub fn columns(&self) -> &ColumnMap {
        &self.core.map
    }

    /// The encoding the file is read in (`UTF-8`, `windows-1252`, ...).
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    /// The field delimiter found.
    pub fn delimiter(&self) -> char {
        self.delimiter as char
    }

    /// Rows read so far (not counting the header).
    pub fn rows_read(&self) -> u64 {
        self.core.rows_read
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }

    /// The file's size, when known.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    /// Reads up to `max_rows` rows, appending experiences to `out` and skipped
    /// rows to `skipped`. Returns how many rows it read: 0 at the end.
    pub fn read_batch(
        &mut self,
        max_rows: usize,
        out: &mut Vec<Experience>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<usize, Error> {
        let mut n = 0;
        while n < max_rows {
            match self.advance()? {
                Next::End => break,
                Next::Row { line, row } => self.take_row(line, row, out, skipped),
                Next::Unclosed { line } => skipped.push(self.unclosed(line)),
            }
            n += 1;
        }
        Ok(n)
    }

    /// The next row whole, all columns, for rewriting it: `None` at the end.
    /// Rows that cannot be read as the header says (a field count that does
    /// not match, bytes that do not decode, a quote that is never closed)
    /// come back as skips; duplicates and empty texts do not, they are rows.
    pub fn next_record(&mut self) -> Result<Option<Result<Record, Skipped>>, Error> {
        let line = match self.advance()? {
            Next::End => return Ok(None),
            Next::Unclosed { line } => return Ok(Some(Err(self.unclosed(line)))),
            Next::Row { line, .. } => line,
        };
        let skip = |reason, text: &str| self.core.skip(line, reason, text);
        let mut fields = Vec::with_capacity(self.record.len());
        for (i, f) in self.record.iter().enumerate() {
            match std::str::from_utf8(f) {
                Ok(s) => fields.push(s.to_string()),
                Err(e) => {
                    let column = self.core.headers.get(i).map_or("?".into(), |h| h.to_string());
                    let reason = SkipReason::Undecodable { column, byte: f[e.valid_up_to()] };
                    return Ok(Some(Err(skip(reason, &String::from_utf8_lossy(f)))));
                }
            }
        }
        if fields.len() != self.core.headers.len() {
            let reason = SkipReason::FieldCount { found: fields.len(), expected: self.core.headers.len() };
            return Ok(Some(Err(skip(reason, &fields.join(" | ")))));
        }
        Ok(Some(Ok(Record { line, fields })))
    }

    /// The indexes of the text columns.
    pub(crate) fn text_column_indexes(&self) -> &[usize] {
        &self.core.columns.text
    }

    /// Whether the file starts with a byte order mark.
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// Whether lines end in CR LF (as at the start of the file).
    pub fn crlf(&self) -> bool {
        self.crlf
    }

    /// Reads one row ahead: the row to process is then in `self.record`.
    fn advance(&mut self) -> Result<Next, Error> {
        loop {
            if self.done {
                return Ok(Next::End);
            }
            let line = match self.ahead.pop_front() {
                Some((record, line)) => {
                    self.record = record;
                    Some(line)
                }
                None => {
                    let more = self
                        .reader
                        .read_byte_record(&mut self.record)
                        .map_err(|e| Error::input(&self.core.file, e.position().map(|p| p.line()), e.to_string()))?;
                    more.then(|| self.lines.line_of(self.record.position().map_or(0, |p| p.byte())))
                }
            };
            let Some(line) = line else {
                self.done = true;
                if self.core.rows_read == 0 {
                    return Err(Error::empty(&self.core.file, None, "the file has a header but no rows"));
                }
                let Some((line, row)) = self.held_line.take() else { return Ok(Next::End) };
                std::mem::swap(&mut self.record, &mut self.held);
                let runs_to_end = self.lines.odd_quotes() && self.record.iter().any(|f| f.contains(&b'\n'));
                return Ok(if runs_to_end { Next::Unclosed { line } } else { Next::Row { line, row } });
            };
            self.core.rows_read += 1;
            // Hold this row; process the one held before.
            std::mem::swap(&mut self.record, &mut self.held);
            if let Some((line, row)) = self.held_line.replace((line, self.core.rows_read)) {
                return Ok(Next::Row { line, row });
            }
        }
    }

    /// The skip for the row in `self.record`, whose quote runs to the end.
    fn unclosed(&self, line: u64) -> Skipped {
        let text = String::from_utf8_lossy(self.record.as_slice()).into_owned();
        self.core.skip(line, SkipReason::UnclosedQuote { last_line: self.lines.last_line() }, &text)
    }

    /// Turns `self.record` (row `row`, from `line`) into experiences or a skip.
    fn take_row(&mut self, line: u64, row: u64, out: &mut Vec<Experience>, skipped: &mut Vec<Skipped>) {
        let rec = &self.record;
        let raw: Vec<&[u8]> = rec.iter().collect();
        if let Some(skip) = self.core.duplicate(&raw, line) {
            skipped.push(skip);
            return;
        }
        let mut fields = Vec::with_capacity(rec.len());
        for (i, f) in raw.iter().enumerate() {
            match std::str::from_utf8(f) {
                Ok(s) => fields.push(s),
                Err(e) => {
                    // Only possible when the file was taken for UTF-8: the
                    // start was valid, this row is not.
                    let column = self.core.headers.get(i).map_or("?".into(), |h| h.to_string());
                    let reason = SkipReason::Undecodable { column, byte: f[e.valid_up_to()] };
                    skipped.push(self.core.skip(line, reason, &String::from_utf8_lossy(f)));
                    return;
                }
            }
        }
        let expected = self.core.headers.len();
        if fields.len() != expected {
            let reason = SkipReason::FieldCount { found: fields.len(), expected };
            skipped.push(self.core.skip(line, reason, &fields.join(" | ")));
            return;
        }
        self.core.take(line, row, &fields, out, skipped);
    }
}

/// What [`CsvReader::advance`] found.
enum Next {
    Row { line: u64, row: u64 },
    Unclosed { line: u64 },
    End,
}

/// One row of a CSV file, every column, decoded: see
/// [`CsvReader::next_record`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line it starts on.
    pub line: u64,
    /// Its fields, in the header's order.
    pub fields: Vec<String>,
}

/// The encoding of a file from its first bytes; `None` for binary junk.
fn detect_encoding(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(head) {
        return Some(enc);
    }
    // UTF-16 without a byte-order mark: ASCII text has a zero in every other
    // byte.
    let sample = &head[..head.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs >= 4 {
        let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        if odd * 10 >= pairs * 6 && even * 10 < pairs {
            return Some(encoding_rs::UTF_16LE);
        }
        if even * 10 >= pairs * 6 && odd * 10 < pairs {
            return Some(encoding_rs::UTF_16BE);
        }
    }
    if head.contains(&0) {
        return None;
    }
    // Valid UTF-8, allowing a character cut at the end of the sample.
    match std::str::from_utf8(head) {
        Ok(_) => Some(encoding_rs::UTF_8),
        Err(e) if e.error_len().is_none() => Some(encoding_rs::UTF_8),
        Err(_) => Some(encoding_rs::WINDOWS_1252),
    }
}

/// The delimiter an Excel `sep=;` first line names.
fn excel_sep_line(head: &[u8]) -> Option<u8> {
    let rest = head.strip_prefix(b"sep=")?;
    match rest {
        [d, b'\r' | b'\n', ..] if d.is_ascii_punctuation() || *d == b'\t' => Some(*d),
        _ => None,
    }
}

/// `head` after its first `n` lines.
fn after_lines(head: &[u8], n: usize) -> &[u8] {
    let mut rest = head;
    for _ in 0..n {
        match memchr::memchr(b'\n', rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return rest,
        }
    }
    rest
}

/// The delimiter of a delimited text: the candidate that occurs most often
/// outside quotes on the first line (`;`, `,`, tab, `|`; ties in that order).
fn sniff_delimiter(head: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b';', b',', b'\t', b'|'];
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(1);
    if counts[best] == 0 { b',' } else { CANDIDATES[best] }
}

impl RowSource for CsvReader {
    fn file(&self) -> &Arc<str> {
        CsvReader::file(self)
    }
    fn read_batch(
        &mut self,
        max_rows: usize,
        out: &mut Vec<Experience>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<usize, Error> {
        CsvReader::read_batch(self, max_rows, out, skipped)
    }
    fn rows_read(&self) -> u64 {
        CsvReader::rows_read(self)
    }
    fn bytes_read(&self) -> u64 {
        CsvReader::bytes_read(self)
    }
    fn total_bytes(&self) -> Option<u64> {
        CsvReader::total_bytes(self)
    }
    fn encoding(&self) -> &'static str {
        CsvReader::encoding(self)
    }
    fn columns(&self) -> &ColumnMap {
        CsvReader::columns(self)
    }
    fn non_answers(&self) -> Vec<(Arc<str>, u64)> {
        self.core.non_answers()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &'static [u8]) -> Result<(Vec<Experience>, Vec<Skipped>, u64), Error> {
        let mut r = CsvReader::from_reader("t.csv", data, &ReadOptions::default())?;
        let (mut out, mut skipped) = (Vec::new(), Vec::new());
        while r.read_batch(2, &mut out, &mut skipped)? > 0 {}
        Ok((out, skipped, r.rows_read()))
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter(b"id;datum;tekst\n1,2;3;4"), b';');
        assert_eq!(sniff_delimiter(b"id,datum,tekst\n"), b',');
        assert_eq!(sniff_delimiter(b"id\tdatum\ttekst\n"), b'\t');
        assert_eq!(sniff_delimiter(b"\"a;b\",c,d\n"), b',');
        assert_eq!(sniff_delimiter(b"tekst\n"), b',');
    }

    #[test]
    fn reads_rows_with_quotes_and_newlines() {
        let (out, skipped, n) =
            read(b"\xEF\xBB\xBFid;ervaring\n1;\"Eerste regel\nTweede; met \"\"quote\"\"\"\n2;Kort\n").unwrap();
        assert_eq!(n, 2);
        assert!(skipped.is_empty());
        assert_eq!(out[0].text, "Eerste regel\nTweede; met \"quote\"");
        assert_eq!((out[1].id.as_str(), out[1].line), ("2", 4));
    }

    #[test]
    fn every_row_is_analysed_or_skipped() {
        let (out, skipped, n) = read(b"id;ervaring;rol\n1;goed;client\n2; ;client\n3;x\n4;prima;naaste\n").unwrap();
        assert_eq!(n, 4);
        assert_eq!(out.len() + skipped.len(), 4);
        assert_eq!(skipped[0].reason, SkipReason::EmptyText);
        assert_eq!(skipped[1].reason, SkipReason::FieldCount { found: 2, expected: 3 });
        assert_eq!(skipped[1].line, 4);
        assert_eq!(out[1].meta, vec![(Arc::from("rol"), "naaste".to_string())]);
    }

    #[test]
    fn bad_files_get_clear_errors() {
        let msg = |d: &'static [u8]| read(d).unwrap_err().to_string();
        assert_eq!(msg(b""), "t.csv: the file is empty");
        assert_eq!(msg(b"\xEF\xBB\xBF \n"), "t.csv: the file is empty");
        assert_eq!(msg(b"id;ervaring\n"), "t.csv: the file has a header but no rows");
        assert_eq!(
            msg(b"id;datum\n1;2\n"),
            "t.csv:1: no text column found; the columns are: 'id', 'datum'. Choose one with --text-column NAME"
        );
        assert!(msg(b"\x00\x01\x02binary").contains("binary"));
        let opts = ReadOptions { encoding: Some("klingon".into()), ..Default::default() };
        let err = CsvReader::from_reader("t.csv", &b"a\n"[..], &opts).unwrap_err();
        assert_eq!(err.to_string(), "t.csv: unknown encoding 'klingon'; try utf-8, windows-1252 or utf-16le");
    }

    #[test]
    fn an_excel_sep_line_names_the_delimiter() {
        let (out, sk, n) = read(b"sep=,\r\nid,ervaring\r\n1,\"Goed; echt\"\r\n").unwrap();
        assert_eq!((n, sk.len(), out[0].text.as_str(), out[0].line), (1, 0, "Goed; echt", 3));
    }

    #[test]
    fn errors_have_kinds_and_positions_to_match_on() {
        use crate::error::ErrorKind;
        let err = read(b"id;datum\n1;2\n").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::NoTextColumn { columns, .. } if columns.len() == 2));
        assert_eq!(err.position(), Some(("t.csv", 1)));
        assert!(matches!(read(b"").unwrap_err().kind(), ErrorKind::EmptyInput { .. }));
        assert!(matches!(read(b"ervaring\n").unwrap_err().kind(), ErrorKind::EmptyInput { .. }));
        let opts = ReadOptions { text_columns: vec!["vraag".into()], ..Default::default() };
        let err =
            CsvReader::from_reader("t.csv", &b"titel\n\nid;x\n1;2\n"[..], &ReadOptions { header_row: Some(3), ..opts })
                .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::MissingColumn { column, .. } if column == "vraag"), "{err}");
        assert_eq!(err.position(), Some(("t.csv", 3)));
        let opts = ReadOptions { encoding: Some("klingon".into()), ..Default::default() };
        let err = CsvReader::from_reader("t.csv", &b"a\n"[..], &opts).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnknownEncoding { label, .. } if label == "klingon"));
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    fn read_vec(data: Vec<u8>, encoding: Option<&str>) -> (Vec<Experience>, Vec<Skipped>, &'static str) {
        let opts = ReadOptions { encoding: encoding.map(String::from), ..Default::default() };
        let mut r = CsvReader::from_reader("t.csv", std::io::Cursor::new(data), &opts).unwrap();
        let (mut out, mut sk) = (Vec::new(), Vec::new());
        while r.read_batch(10, &mut out, &mut sk).unwrap() > 0 {}
        (out, sk, r.encoding())
    }

    #[test]
    fn encodings_are_detected() {
        let text = "id;ervaring\n1;Het café is fijn, één keer per week\n";
        for (data, name) in [
            (text.as_bytes().to_vec(), "UTF-8"),
            ([&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(), "UTF-8"),
            (utf16(text, false, true), "UTF-16LE"),
            (utf16(text, true, true), "UTF-16BE"),
            (utf16(text, false, false), "UTF-16LE"),
            (utf16(text, true, false), "UTF-16BE"),
            (encoding_rs::WINDOWS_1252.encode(text).0.into_owned(), "windows-1252"),
        ] {
            let (out, sk, enc) = read_vec(data, None);
            assert_eq!(enc, name);
            assert!(sk.is_empty(), "{name}: {sk:?}");
            assert_eq!(out[0].text, "Het café is fijn, één keer per week", "{name}");
        }
    }

    #[test]
    fn encoding_can_be_forced() {
        let data = encoding_rs::WINDOWS_1252.encode("ervaring\nmoe\u{eb}\n").0.into_owned();
        let (out, _, enc) = read_vec(data.clone(), Some("latin1"));
        assert_eq!((out[0].text.as_str(), enc), ("moeë", "windows-1252"));
        // Forced to UTF-8, the bad row is skipped, not lost.
        let (out, sk, _) = read_vec(data, Some("utf-8"));
        assert!(out.is_empty());
        assert_eq!(sk[0].reason.code(), "undecodable");
    }

    #[test]
    fn a_bad_row_in_a_utf8_file_is_skipped_with_a_hint() {
        let mut data = b"id;ervaring\n".to_vec();
        for i in 0..5000 {
            data.extend_from_slice(format!("{i};Alles goed, één opmerking\n").as_bytes());
        }
        data.extend_from_slice(b"x;caf\xE9\n");
        let (out, sk, enc) = read_vec(data, None);
        assert_eq!((out.len(), enc), (5000, "UTF-8"));
        assert_eq!(sk[0].line, 5002);
        assert_eq!(
            sk[0].reason.to_string(),
            "column 'ervaring' is not valid UTF-8 (byte 0xE9); if the file is not UTF-8, pass --encoding windows-1252"
        );
    }

    #[test]
    fn text_column_by_flag() {
        let opts = ReadOptions { text_columns: vec!["Wat kan beter?".into()], ..Default::default() };
        let data: &[u8] = b"id;Wat kan beter?\n1;Meer tijd\n";
        let mut r = CsvReader::from_reader("t.csv", data, &opts).unwrap();
        let (mut out, mut sk) = (Vec::new(), Vec::new());
        r.read_batch(10, &mut out, &mut sk).unwrap();
        assert_eq!(&*out[0].question, "Wat kan beter?");
        let opts = ReadOptions { text_columns: vec!["vraag".into()], ..Default::default() };
        let err = CsvReader::from_reader("t.csv", data, &opts).unwrap_err();
        assert_eq!(err.to_string(), "t.csv:1: no column 'vraag'; the columns are: 'id', 'Wat kan beter?'");
    }

    #[test]
    fn exact_duplicate_rows_are_skipped_identical_texts_are_not() {
        let (out, sk, n) = read(b"id;ervaring\n1;Goed\n2;Goed\n1;Goed\n").unwrap();
        assert_eq!((n, out.len()), (3, 2));
        assert_eq!(sk[0].line, 4);
        assert_eq!(sk[0].reason.to_string(), "exact duplicate of the row on line 2");
    }

    #[test]
    fn an_unclosed_quote_is_reported_not_swallowed() {
        let (out, sk, n) = read(b"id;ervaring\n1;Goed\n2;\"Begint hier\n3;en loopt door\n4;tot het eind\n").unwrap();
        assert_eq!((n, out.len()), (2, 1));
        assert_eq!((sk[0].line, sk[0].reason.code()), (3, "unclosed-quote"));
        assert!(sk[0].reason.to_string().contains("up to line 5"), "{}", sk[0].reason);
        // A stray inch mark in an unquoted field is no unclosed quote.
        let (out, sk, _) = read(b"id;ervaring\n1;Een 5\" scherm\n2;Prima\n").unwrap();
        assert_eq!((out.len(), sk.len()), (2, 0));
    }

    #[test]
    fn too_long_texts_are_skipped() {
        let opts = ReadOptions { max_text_bytes: 5, ..Default::default() };
        let data: &[u8] = b"ervaring\nkort\nveel te lang\n";
        let mut r = CsvReader::from_reader("t.csv", data, &opts).unwrap();
        let (mut out, mut sk) = (Vec::new(), Vec::new());
        r.read_batch(10, &mut out, &mut sk).unwrap();
        assert_eq!((out.len(), sk[0].reason.code()), (1, "too-long"));
    }
}
