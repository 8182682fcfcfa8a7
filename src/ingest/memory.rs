//! Experiences held in memory, read like any input: the same skips (empty,
//! too long, a non-answer) and the same books, so that
//! [`Engine::analyse`](crate::engine::Engine::analyse) gives what a file with the
//! same texts would.

use std::sync::Arc;

use super::reader::Answer;
use super::{Experience, ReadOptions, RowSource};
use crate::error::Error;
use crate::ledger::{ColumnMap, SkipReason, Skipped, excerpt};

/// The name experiences held in memory go by in a ledger, unless they name
/// another [`Experience::file`].
pub const IN_MEMORY: &str = "(in memory)";

/// A [`RowSource`] over experiences held in memory.
pub(crate) struct MemorySource {
    file: Arc<str>,
    items: std::vec::IntoIter<Experience>,
    max_text_bytes: usize,
    rows_read: u64,
    map: ColumnMap,
    /// Non-answers per question, in the order the questions first came.
    non_answers: Vec<(Arc<str>, u64)>,
}

impl MemorySource {
    /// The source of `experiences`; an experience without a line (0) gets
    /// its place in the list, counted from 1.
    pub fn new(experiences: Vec<Experience>, options: &ReadOptions) -> MemorySource {
        let file: Arc<str> = experiences.first().map_or_else(|| Arc::from(IN_MEMORY), |e| e.file.clone());
        let mut experiences = experiences;
        for (i, e) in experiences.iter_mut().enumerate() {
            if e.line == 0 {
                e.line = i as u64 + 1;
            }
            if e.row == 0 {
                e.row = e.line;
            }
        }
        let mut map = ColumnMap::default();
        for e in &experiences {
            if !map.text.iter().any(|q| **q == *e.question) {
                map.text.push(e.question.to_string());
            }
        }
        MemorySource {
            file,
            items: experiences.into_iter(),
            max_text_bytes: options.max_text_bytes,
            rows_read: 0,
            map,
            non_answers: Vec::new(),
        }
    }

    fn count_non_answer(&mut self, question: &Arc<str>) {
        match self.non_answers.iter_mut().find(|(q, _)| q == question) {
            Some((_, n)) => *n += 1,
            None => self.non_answers.push((question.clone(), 1)),
        }
    }
}

impl RowSource for MemorySource {
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
            let Some(e) = self.items.next() else { break };
            n += 1;
            self.rows_read += 1;
            let reason = match Answer::of(&e.text, self.max_text_bytes) {
                Answer::Empty => Some(SkipReason::EmptyText),
                Answer::TooLong(reason) => Some(reason),
                Answer::SaysNothing => {
                    self.count_non_answer(&e.question);
                    Some(SkipReason::NoContent { question: e.question.clone() })
                }
                Answer::Says => None,
            };
            match reason {
                Some(reason) => {
                    let shown = if matches!(reason, SkipReason::TooLong { .. }) { "" } else { &e.text };
                    skipped.push(Skipped { file: e.file.clone(), line: e.line, reason, excerpt: excerpt(shown, 80) });
                }
                None => out.push(e),
            }
        }
        Ok(n)
    }

    fn rows_read(&self) -> u64 {
        self.rows_read
    }

    fn bytes_read(&self) -> u64 {
        0
    }

    fn total_bytes(&self) -> Option<u64> {
        None
    }

    fn encoding(&self) -> &'static str {
        "UTF-8"
    }

    fn columns(&self) -> &ColumnMap {
        &self.map
    }

    fn non_answers(&self) -> Vec<(Arc<str>, u64)> {
        self.non_answers.clone()
    }
}
