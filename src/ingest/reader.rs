//! The one reader core that CSV, JSON Lines and spreadsheets share: the
//! columns of the input, rows read, exact duplicates, and turning one row's
//! cells into experiences or a skip. The formats only find rows and cells.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::columns::Columns;
use super::meta::{Role, parse_dutch_date};
use super::{Experience, ReadOptions};
use crate::analysis::normalise;
use crate::error::Error;
use crate::ledger::{ColumnMap, SkipReason, Skipped, excerpt};

/// Opens an input file: its name as given, the file, its size. A directory
/// is an error.
pub(crate) fn open_file(path: &Path) -> Result<(String, File, u64), Error> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::input(&name, None, "is a directory, not a file"));
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    Ok((name, file, meta.len()))
}

/// What every reader keeps: the file, its columns, what it has read.
#[derive(Debug)]
pub(crate) struct Core {
    pub file: Arc<str>,
    pub headers: Vec<Arc<str>>,
    pub columns: Columns,
    pub map: ColumnMap,
    max_text_bytes: usize,
    pub rows_read: u64,
    seen: SeenRows,
    /// Non-answers per text column, in the order of `columns.text`.
    non_answers: Vec<u64>,
    answers: Vec<usize>,
}

impl Core {
    /// The core of input `file` with `headers` (on `header_line`; 0 when it
    /// has none), its columns found from the names and from `sample`, its
    /// first rows.
    pub fn new(
        file: &str,
        headers: Vec<String>,
        header_line: u64,
        sample: &[Vec<&str>],
        options: &ReadOptions,
    ) -> Result<Core, Error> {
        let line = (header_line > 0).then_some(header_line);
        let columns = Columns::detect(file, line, &headers, sample, options)?;
        let map = columns.map(&headers, header_line);
        Ok(Core {
            file: Arc::from(file),
            non_answers: vec![0; columns.text.len()],
            headers: headers.into_iter().map(Arc::from).collect(),
            columns,
            map,
            max_text_bytes: options.max_text_bytes,
            rows_read: 0,
            seen: SeenRows::default(),
            answers: Vec::new(),
        })
    }

    /// A skip of the row on `line`.
    pub fn skip(&self, line: u64, reason: SkipReason, text: &str) -> Skipped {
        Skipped { file: self.file.clone(), line, reason, excerpt: excerpt(text, 80) }
    }

    /// The skip of a row identical to an earlier one (by all its cells), or
    /// `None` (and the row is remembered).
    pub fn duplicate(&mut self, cells: &[&[u8]], line: u64) -> Option<Skipped> {
        let first_line = self.seen.first_line(cells, line)?;
        let text: Vec<String> = cells.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        Some(self.skip(line, SkipReason::Duplicate { first_line }, &text.join(" | ")))
    }

    /// Adds a column (a field that JSON Lines objects after the first ones
    /// have): metadata. Returns its index.
    pub fn add_column(&mut self, name: &str) -> usize {
        self.headers.push(Arc::from(name));
        self.map.all.push(name.to_string());
        self.headers.len() - 1
    }

    /// Non-answers per question so far.
    pub fn non_answers(&self) -> Vec<(Arc<str>, u64)> {
        self.columns.text.iter().zip(&self.non_answers).map(|(&c, &n)| (self.headers[c].clone(), n)).collect()
    }

    /// Turns one row (`cells` in header order; a missing cell is empty) into
    /// an experience per answer that says something, or, when none does,
    /// into one skip: too long, else no content, else empty.
    pub fn take(&mut self, line: u64, row: u64, cells: &[&str], out: &mut Vec<Experience>, skipped: &mut Vec<Skipped>) {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        // The text columns with an answer (a buffer kept between rows).
        let mut answers = std::mem::take(&mut self.answers);
        answers.clear();
        let (mut too_long, mut no_content) = (None, None);
        for (k, &c) in self.columns.text.iter().enumerate() {
            match Answer::of(cell(c), self.max_text_bytes) {
                Answer::Empty => {}
                Answer::TooLong(reason) => {
                    too_long.get_or_insert(reason);
                }
                Answer::SaysNothing => {
                    self.non_answers[k] += 1;
                    no_content.get_or_insert(k);
                }
                Answer::Says => answers.push(c),
            }
        }
        if answers.is_empty() {
            let (reason, text) = match (too_long, no_content) {
                (Some(r), _) => (r, ""),
                (None, Some(k)) => {
                    let c = self.columns.text[k];
                    (SkipReason::NoContent { question: self.headers[c].clone() }, cell(c))
                }
                (None, None) => (SkipReason::EmptyText, cell(self.columns.text[0])),
            };
            skipped.push(self.skip(line, reason, text));
            self.answers = answers;
            return;
        }
        let cols = &self.columns;
        let text_of = |i: Option<usize>| i.map(|i| cell(i).trim()).filter(|v| !v.is_empty());
        let id = text_of(cols.id).map_or_else(|| format!("r{line}"), str::to_string);
        let role = text_of(cols.role).and_then(Role::from_value);
        let location = text_of(cols.location).map(str::to_string);
        let date = text_of(cols.date).and_then(parse_dutch_date);
        let sector = text_of(cols.sector).map(str::to_string);
        let mut meta: Vec<(Arc<str>, String)> = (0..self.headers.len())
            .filter(|&i| !cols.text.contains(&i) && Some(i) != cols.id && !cell(i).trim().is_empty())
            .map(|i| (self.headers[i].clone(), cell(i).to_string()))
            .collect();
        let last = answers.len() - 1;
        for (n, &c) in answers.iter().enumerate() {
            out.push(Experience {
                id: id.clone(),
                text: cell(c).to_string(),
                file: self.file.clone(),
                line,
                row,
                question: self.headers[c].clone(),
                role,
                location: location.clone(),
                date: date.clone(),
                sector: sector.clone(),
                meta: if n == last { std::mem::take(&mut meta) } else { meta.clone() },
            });
        }
        self.answers = answers;
    }
}

/// Answers that say nothing, normalised (lower case, no accents, punctuation
/// as spaces): "n.v.t." is "n v t".
const NON_ANSWERS: &[&str] = &[
    "nvt",
    "n v t",
    "n a",
    "na",
    "niet van toepassing",
    "geen",
    "niets",
    "niks",
    "nee",
    "neen",
    "nope",
    "x",
    "xx",
    "xxx",
    "weet ik niet",
    "weet niet",
    "ik weet het niet",
    "geen idee",
    "geen opmerking",
    "geen opmerkingen",
    "geen bijzonderheden",
    "geen commentaar",
    "geen antwoord",
    "geen toelichting",
    "geen aanvulling",
    "geen aanvullingen",
    "geen mening",
    "niets te melden",
    "niks te melden",
    "verder niets",
    "verder niks",
    "verder geen",
    "verder geen opmerkingen",
    "nee hoor",
    "nee niets",
    "nee geen",
    "niets meer",
    "n b",
    "nb",
    "none",
    "no",
    "no comment",
];

/// What one answer is, by the rules every input shares (files and memory).
pub(crate) enum Answer {
    /// Blank.
    Empty,
    /// Longer than the limit ([`SkipReason::TooLong`]).
    TooLong(SkipReason),
    /// Says nothing: "nvt", "-", ... ([`is_non_answer`]).
    SaysNothing,
    /// An experience.
    Says,
}

impl Answer {
    /// Classifies `text` with texts over `max_text_bytes` too long.
    pub(crate) fn of(text: &str, max_text_bytes: usize) -> Answer {
        if text.trim().is_empty() {
            Answer::Empty
        } else if text.len() > max_text_bytes {
            Answer::TooLong(SkipReason::TooLong { bytes: text.len(), limit: max_text_bytes })
        } else if is_non_answer(text) {
            Answer::SaysNothing
        } else {
            Answer::Says
        }
    }
}

/// True when `text` says nothing: a non-answer as surveys get them ("nvt",
/// "n.v.t.", "Geen opmerkingen.", "weet ik niet", "-", "/", "...") in any
/// case, accents and punctuation. A short verdict ("prima", "alles goed",
/// "slecht") does say something.
pub(crate) fn is_non_answer(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 40 {
        return false;
    }
    // Only punctuation: "-", "/", "...", "?".
    if text.chars().all(|c| c.is_ascii_punctuation() || c.is_whitespace()) {
        return true;
    }
    let folded = normalise(text);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ");
    NON_ANSWERS.contains(&joined.as_str())
}

/// Remembers rows seen, to find exact duplicates (a double submission or a
/// double export), by a 128-bit hash of the whole row.
#[derive(Debug, Default)]
pub(crate) struct SeenRows(FxHashMap<(u64, u64), u64>);

impl SeenRows {
    /// The line of an earlier identical row, or `None` (and remembers this one).
    pub fn first_line(&mut self, fields: &[&[u8]], line: u64) -> Option<u64> {
        use std::hash::Hasher;
        let mut a = rustc_hash::FxHasher::default();
        let mut b = std::hash::DefaultHasher::new();
        for f in fields {
            a.write(f);
            a.write_u8(0xff);
            b.write(f);
            b.write_u8(0xff);
        }
        match self.0.entry((a.finish(), b.finish())) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(line);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_answers_say_nothing_short_verdicts_do() {
        for t in [
            "nvt",
            "N.v.t.",
            "n.v.t",
            "-",
            "/",
            "...",
            "Geen",
            "niets.",
            "Weet ik niet",
            "geen opmerkingen",
            "Geen bijzonderheden!",
            "nee",
            "geen idee",
            "Niks",
            " NVT ",
            "Nee, hoor.",
        ] {
            assert!(is_non_answer(t), "{t}");
        }
        for t in ["prima", "alles goed", "slecht", "top", "Geen tijd voor een praatje", "nee, het eten is koud", "😊"]
        {
            assert!(!is_non_answer(t), "{t}");
        }
    }
}
