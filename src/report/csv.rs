//! `themes.csv`: one row per experience and theme, for a spreadsheet.
//!
//! Made to open by double-click in Dutch Excel: `;` between cells (Dutch
//! Excel reads `,` as the decimal comma), UTF-8 with a byte-order mark (so
//! that "cliënt" is not read as Windows-1252), CRLF line ends. A cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`
//! before it, so that a spreadsheet never runs it as a formula: experience
//! texts and the input's columns are untrusted.
//!
//! The columns: `id` (the experience's id), `bestand` (the input file,
//! without its folders), `regel`, `thema`, `themanaam`, `sentiment thema`,
//! `sentiment ervaring`, `bewijswoorden` (the words that led to the theme,
//! joined with " | "), `rol`, `locatie`, `datum`, `sector`, `vraag`, then
//! every other column of the input (not the text, id, role, location, date
//! and sector columns, which are shown already), and last `tekst`, the whole
//! text as shown (redacted unless raw text was asked for). An experience
//! without a theme has one row with theme `overig`.
//!
//! Record-level metadata obeys the minimum group size as in `report.json`
//! (see `report::groups`): a value whose group (a location, a role, a
//! quarter, a value of another column) has fewer experiences than the
//! minimum is written as [`SMALL_GROUPS`]. The file is written while the run
//! goes, batch by batch, rendered in parallel chunks and written in order.

use std::borrow::Cow;
use std::io::Write;
use std::sync::Arc;

use super::file_name;
use super::groups::{Dimensions, ExperienceGroups, GroupWindow, Hidden};
use crate::aggregate::{ExperienceResult, SMALL_GROUPS};
use crate::engine::Analysis;
use crate::ledger::ColumnMap;
use crate::theme::{OVERIG, Taxonomy};

/// Experiences that may wait for their groups to grow before they are
/// written (as [`JSON_WINDOW`](super::JSON_WINDOW)).
pub const CSV_WINDOW: usize = 16 * 1024;
/// The label of `overig` (as the summary names it).
const OVERIG_LABEL: &str = "Overig (geen thema)";
/// The byte-order mark of UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();
/// Experiences rendered per parallel chunk.
const CHUNK: usize = 2048;
/// The columns before the input's other columns.
const HEAD: [&str; 13] = [
    "id",
    "bestand",
    "regel",
    "thema",
    "themanaam",
    "sentiment thema",
    "sentiment ervaring",
    "bewijswoorden",
    "rol",
    "locatie",
    "datum",
    "sector",
    "vraag",
];

/// `cell` as a spreadsheet may read it: with a `'` before a first character
/// that would start a formula (`=`, `+`, `-`, `@`) or that a spreadsheet
/// drops (tab, carriage return).
///
/// ```
/// use leefwereld::report::spreadsheet_cell;
/// assert_eq!(spreadsheet_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(spreadsheet_cell("De soep"), "De soep");
/// ```
pub fn spreadsheet_cell(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The metadata dimensions of a row: the experience's groups, then the
/// input's other columns.
struct Columns<'a>(&'a [Arc<str>]);

impl Columns<'_> {
    /// The value of the other column `name`, as the input has it.
    fn value<'e>(e: &'e ExperienceResult, name: &str) -> Option<&'e str> {
        e.meta.iter().find(|(n, _)| &**n == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }
}

impl Dimensions<ExperienceResult> for Columns<'_> {
    fn count(&self) -> usize {
        ExperienceGroups::COUNT + self.0.len()
    }

    fn key<'a>(&self, e: &'a ExperienceResult, dim: usize, buf: &'a mut String) -> Option<&'a str> {
        match dim.checked_sub(ExperienceGroups::COUNT) {
            None => ExperienceGroups.key(e, dim, buf),
            Some(i) => Columns::value(e, self.0.get(i)?),
        }
    }
}

/// Writes `themes.csv` while the analysis runs (see the module docs). Name
/// the inputs' [`columns`](ThemesCsvWriter::columns) and set the
/// [`min_group`](ThemesCsvWriter::min_group) before the first batch.
///
/// ```
/// let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/voorbeeld.csv");
/// let options = leefwereld::AnalyseOptions::default();
/// let mut bytes = Vec::new();
/// let mut w = leefwereld::report::ThemesCsvWriter::new(&mut bytes, engine.taxonomy()).min_group(options.min_group);
/// let analysis = engine
///     .analyse_files_streaming(&[path.into()], &options, &leefwereld::NoProgress, &mut |batch| {
///         w.experiences(&batch).map_err(|e| leefwereld::Error::from_io("themes.csv", e))
///     })
///     .unwrap();
/// w.finish().unwrap();
/// let text = String::from_utf8(bytes).unwrap();
/// assert!(text.starts_with("\u{feff}id;bestand;regel;thema;"));
/// assert!(text.lines().count() > 80);
/// ```
pub struct ThemesCsvWriter<'w> {
    out: &'w mut dyn Write,
    layout: Layout,
    /// Columns shown already (role, location, date, sector), or never
    /// (text, id).
    known: Vec<String>,
    window: GroupWindow<ExperienceResult>,
    header_written: bool,
    /// Buffers of the chunks rendered in parallel, reused.
    buffers: Vec<Vec<u8>>,
}

/// What a row holds beyond the experience.
struct Layout {
    /// Theme id -> label.
    labels: Vec<(String, String)>,
    /// The input's other columns, in the order first seen.
    extra: Vec<Arc<str>>,
}

impl<'w> ThemesCsvWriter<'w> {
    /// A writer of rows with the themes of `taxonomy` (and `overig`).
    pub fn new(out: &'w mut dyn Write, taxonomy: &Taxonomy) -> Self {
        let labels = taxonomy.themes().iter().map(|t| (t.id.clone(), t.label.clone()));
        Self::with_labels(out, labels.chain([(OVERIG.to_string(), OVERIG_LABEL.to_string())]))
    }

    /// A writer with these theme labels (id, label).
    fn with_labels(out: &'w mut dyn Write, labels: impl IntoIterator<Item = (String, String)>) -> Self {
        ThemesCsvWriter {
            out,
            layout: Layout { labels: labels.into_iter().collect(), extra: Vec::new() },
            known: Vec::new(),
            window: GroupWindow::new(crate::aggregate::DEFAULT_MIN_GROUP, CSV_WINDOW),
            header_written: false,
            buffers: Vec::new(),
        }
    }

    /// The minimum group size of the run ([`DEFAULT_MIN_GROUP`](crate::DEFAULT_MIN_GROUP)
    /// unless set): metadata values of smaller groups are left out.
    pub fn min_group(mut self, min_group: u64) -> Self {
        self.window.set_min_group(min_group);
        self
    }

    /// The columns of the inputs (as [`InputInfo::columns`](crate::ledger::InputInfo)
    /// has them): each column that is not a text, id, role, location, date
    /// or sector column gets a column of its own, in the order first seen.
    /// Without them, only the columns every row has are written.
    pub fn columns<'c>(mut self, maps: impl IntoIterator<Item = &'c ColumnMap>) -> Self {
        self.add_columns(maps);
        self
    }

    /// As [`columns`](ThemesCsvWriter::columns), for a writer made already;
    /// columns named after the first batch are not written.
    pub fn add_columns<'c>(&mut self, maps: impl IntoIterator<Item = &'c ColumnMap>) {
        if self.header_written {
            return;
        }
        let maps: Vec<&ColumnMap> = maps.into_iter().collect();
        for m in &maps {
            let named = [&m.id, &m.role, &m.location, &m.date, &m.sector];
            self.known.extend(m.text.iter().chain(named.into_iter().flatten()).cloned());
        }
        for m in &maps {
            for c in &m.all {
                if !self.known.contains(c) && !self.layout.extra.iter().any(|e| **e == **c) {
                    self.layout.extra.push(Arc::from(c.as_str()));
                }
            }
        }
    }

    /// A `csv` writer as the file wants it.
    fn csv<W: Write>(out: W) -> csv::Writer<W> {
        csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(out)
    }

    fn header(&mut self) -> std::io::Result<()> {
        if self.header_written {
            return Ok(());
        }
        self.header_written = true;
        let mut w = Self::csv(Vec::from(BOM));
        let extra = self.layout.extra.iter().map(|c| spreadsheet_cell(c));
        let cells: Vec<Cow<'_, str>> =
            HEAD.iter().map(|h| Cow::Borrowed(*h)).chain(extra).chain([Cow::Borrowed("tekst")]).collect();
        w.write_record(cells.iter().map(|c| c.as_bytes()))?;
        self.out.write_all(&w.into_inner().map_err(|e| e.into_error())?)
    }

    /// Writes a batch of experiences.
    pub fn experiences(&mut self, batch: &[ExperienceResult]) -> std::io::Result<()> {
        self.header()?;
        let mut ready = Vec::with_capacity(batch.len());
        self.window.push(batch, &Columns(&self.layout.extra), &mut ready);
        self.write(&ready)
    }

    /// Writes the experiences still waiting.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.header()?;
        let waiting = self.window.finish(&Columns(&self.layout.extra));
        let ready: Vec<(Cow<'_, ExperienceResult>, Hidden)> =
            waiting.into_iter().map(|(e, hidden)| (Cow::Owned(e), hidden)).collect();
        self.write(&ready)?;
        self.out.flush()
    }

    /// Renders experiences in parallel chunks and writes them in order.
    fn write(&mut self, ready: &[(Cow<'_, ExperienceResult>, Hidden)]) -> std::io::Result<()> {
        use rayon::prelude::*;
        let layout = &self.layout;
        // The chunks' buffers are kept from batch to batch: megabytes of
        // fresh memory per batch cost more (page faults, growing) than the
        // rows themselves.
        let chunks = ready.len().div_ceil(CHUNK);
        if self.buffers.len() < chunks {
            self.buffers.resize_with(chunks, Vec::new);
        }
        let done: Vec<std::io::Result<()>> = ready
            .par_chunks(CHUNK)
            .zip(self.buffers.par_iter_mut())
            .map(|(chunk, buf)| {
                buf.clear();
                let mut w = Self::csv(&mut *buf);
                let mut scratch = String::new();
                for (e, hidden) in chunk {
                    layout.rows(e, *hidden, &mut scratch, &mut w)?;
                }
                w.flush()
            })
            .collect();
        for (result, buf) in done.into_iter().zip(&self.buffers) {
            result?;
            self.out.write_all(buf)?;
        }
        Ok(())
    }
}

impl Layout {
    /// The rows of one experience: one per theme, or one for `overig`.
    fn rows(
        &self,
        e: &ExperienceResult,
        hidden: Hidden,
        scratch: &mut String,
        w: &mut csv::Writer<&mut Vec<u8>>,
    ) -> std::io::Result<()> {
        fn shown(v: Option<&str>, hidden: Hidden, dim: usize) -> Option<&str> {
            match v {
                Some(_) if hidden.get(dim) => Some(SMALL_GROUPS),
                v => v,
            }
        }
        let label = |id: &str| self.labels.iter().find(|(i, _)| i == id).map_or("", |(_, l)| l.as_str());
        // Field by field: no row is built, nothing is allocated per cell.
        let field = |w: &mut csv::Writer<&mut Vec<u8>>, cell: &str| w.write_field(spreadsheet_cell(cell).as_bytes());
        let line = e.line.to_string();
        let text = e.text.as_ref().map_or("", |t| t.as_str());
        let themes = e.themes.iter().map(|t| (&*t.id, t.sentiment, Some(&t.evidence)));
        let overig = e.themes.is_empty().then_some((OVERIG, e.sentiment, None));
        for (id, sentiment, evidence) in themes.chain(overig) {
            for cell in [e.id.as_str(), file_name(&e.file), &line, id, label(id), sentiment.id(), e.sentiment.id()] {
                field(w, cell)?;
            }
            scratch.clear();
            for (i, v) in evidence.into_iter().flatten().enumerate() {
                if i > 0 {
                    scratch.push_str(" | ");
                }
                scratch.push_str(&v.text);
            }
            field(w, scratch)?;
            field(w, shown(e.role.map(|r| r.id()), hidden, ExperienceGroups::ROLE).unwrap_or(""))?;
            field(w, shown(e.location.as_deref(), hidden, ExperienceGroups::LOCATION).unwrap_or(""))?;
            field(w, shown(e.date.as_deref(), hidden, ExperienceGroups::PERIOD).unwrap_or(""))?;
            field(w, shown(e.sector.as_deref(), hidden, ExperienceGroups::SECTOR).unwrap_or(""))?;
            field(w, &e.question)?;
            for (i, c) in self.extra.iter().enumerate() {
                field(w, shown(Columns::value(e, c), hidden, ExperienceGroups::COUNT + i).unwrap_or(""))?;
            }
            field(w, text)?;
            w.write_record(None::<&[u8]>)?;
        }
        Ok(())
    }
}

/// `themes.csv` of an analysis that kept its experiences (see the module
/// docs).
pub fn themes_csv(a: &Analysis) -> Vec<u8> {
    let mut out = Vec::new();
    write_themes_csv(a, &mut out).expect("writing to memory does not fail");
    out
}

/// Writes `themes.csv` to `out`; the same bytes as [`themes_csv`].
pub fn write_themes_csv(a: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    let labels = a.summary.themes.iter().map(|t| (t.id.clone(), t.label.clone()));
    let mut w = ThemesCsvWriter::with_labels(out, labels)
        .min_group(a.summary.min_group)
        .columns(a.ledger.inputs.iter().map(|i| &i.columns));
    w.experiences(&a.experiences)?;
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for cell in ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_cell(cell), format!("'{cell}"));
        }
        for cell in ["", "soep", "'=1", " =1", "1-2"] {
            assert_eq!(spreadsheet_cell(cell), cell);
        }
    }
}
