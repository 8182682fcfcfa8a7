//! What a run is asked to do.

use crate::ingest::ReadOptions;

/// Options for [`Engine::analyse_files`](super::Engine::analyse_files) and [`Engine::analyse`](super::Engine::analyse).
#[derive(Debug, Clone, PartialEq)]
pub struct AnalyseOptions {
    /// How to read the input.
    pub read: ReadOptions,
    /// Show texts as written, personal data included. Off by default.
    pub raw_text: bool,
    /// Rows per batch.
    pub batch_rows: usize,
    /// Names to redact wherever they appear (see [`Redactor::with_names`](crate::privacy::Redactor::with_names)).
    pub names: Vec<String>,
    /// Words never to redact (see [`Redactor::with_never_redact`](crate::privacy::Redactor::with_never_redact)).
    pub never_redact: Vec<String>,
    /// Breakdown groups smaller than this are merged and shown as "< N", and
    /// none of their texts is quoted ([`DEFAULT_MIN_GROUP`](crate::aggregate::DEFAULT_MIN_GROUP) by default).
    pub min_group: u64,
    /// Keep each experience's whole text, shown (redacted unless
    /// `raw_text`), in its result, for `themes.csv`. On by default; a run
    /// that writes no `themes.csv` saves the redaction of every text by
    /// turning it off.
    pub texts: bool,
}

impl Default for AnalyseOptions {
    fn default() -> Self {
        AnalyseOptions {
            read: ReadOptions::default(),
            raw_text: false,
            batch_rows: 16 * 1024,
            names: Vec::new(),
            never_redact: Vec::new(),
            min_group: crate::aggregate::DEFAULT_MIN_GROUP,
            texts: true,
        }
    }
}
