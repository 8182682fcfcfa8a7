//! Line numbers of records, counted from the bytes the CSV parser reads.
//!
//! The `csv` crate's record positions count a line when its `\n` is read; with
//! CRLF line ends (what Excel writes) a record ends at `\r`, so the `\n` is
//! only counted after the next record's start was taken, and every line
//! number comes out one too low. [`LineCounter`] sits between the input and
//! the parser, notes where every `\n` is, and [`Lines::line_of`] turns a
//! record's byte offset into its 1-based line.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::{Arc, Mutex};

/// Where the newlines are, shared between the counter and the reader.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lines(Arc<Mutex<State>>);

#[derive(Debug, Default)]
struct State {
    /// Offsets of `\n` and `\r` bytes not yet passed, with `true` for `\n`.
    pending: VecDeque<(u64, bool)>,
    /// Newlines already passed.
    passed: u64,
    /// `"` bytes seen so far.
    quotes: u64,
    /// `\n` bytes seen so far, and the last byte.
    newlines: u64,
    last: u8,
}

impl Lines {
    /// The 1-based line of the record that starts at byte `start`. Offsets
    /// must not decrease from one call to the next.
    pub fn line_of(&self, start: u64) -> u64 {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // Everything before the record, then the line ends the parser puts
        // at its start: the `\n` of a CRLF, blank lines.
        let mut at = start;
        while let Some(&(o, newline)) = s.pending.front() {
            if o > at {
                break;
            }
            if o == at {
                at += 1;
            }
            s.pending.pop_front();
            // A `\n` ends a line; so does a `\r` that no `\n` follows (old
            // Mac line ends, which the parser also takes as record ends).
            let bare_cr = !newline && s.pending.front().is_none_or(|&(next, nl)| !(nl && next == o + 1));
            s.passed += (newline || bare_cr) as u64;
        }
        s.passed + 1
    }
}

impl Lines {
    /// True when an odd number of `"` was read: the input ended inside a
    /// quoted field (or holds a stray quote).
    pub fn odd_quotes(&self) -> bool {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).quotes % 2 == 1
    }

    /// The number of the last line read so far.
    pub fn last_line(&self) -> u64 {
        let s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        s.newlines + (s.last != b'\n') as u64
    }
}

/// A reader that notes the offset of every `\n` it passes on.
pub(crate) struct LineCounter<R> {
    inner: R,
    offset: u64,
    lines: Lines,
}

impl<R: Read> LineCounter<R> {
    pub fn new(inner: R, lines: Lines) -> Self {
        LineCounter { inner, offset: 0, lines }
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            let mut s = self.lines.0.lock().unwrap_or_else(|e| e.into_inner());
            for i in memchr::memchr2_iter(b'\n', b'\r', &buf[..n]) {
                s.pending.push_back((self.offset + i as u64, buf[i] == b'\n'));
                s.newlines += (buf[i] == b'\n') as u64;
            }
            s.quotes += memchr::memchr_iter(b'"', &buf[..n]).count() as u64;
            s.last = buf[n - 1];
            self.offset += n as u64;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(data: &[u8]) -> Vec<u64> {
        let lines = Lines::default();
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(LineCounter::new(data, lines.clone()));
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while r.read_byte_record(&mut rec).unwrap() {
            out.push(lines.line_of(rec.position().unwrap().byte()));
        }
        out
    }

    #[test]
    fn lines_are_right_for_lf_crlf_and_quoted_newlines() {
        assert_eq!(starts(b"a\n1\n2\n"), [1, 2, 3]);
        assert_eq!(starts(b"a\r\n1\r\n2\r\n"), [1, 2, 3]);
        assert_eq!(starts(b"a\r\n\"x\r\ny\"\r\n2\r\n"), [1, 2, 4]);
        assert_eq!(starts(b"a\n\n\n1\n"), [1, 4]);
        assert_eq!(starts(b"a\r\n\r\n1\r\n"), [1, 3]);
        assert_eq!(starts(b"a\r\n\r\n\r\n1\r\nx\r\n"), [1, 4, 5]);
        assert_eq!(starts(b"a\n1\n"), [1, 2]);
        assert_eq!(starts(b"a\r1\r2\r"), [1, 2, 3]);
        assert_eq!(starts(b"a\r\n1\r2\n"), [1, 2, 3]);
    }
}
