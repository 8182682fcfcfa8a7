//! `report.json`: the public contract of ../shared/CONTRACTS.md.

use std::io::Write;

use serde::Serialize;

use crate::aggregate::{Evidence, ExperienceResult, ThemeResult, ThemeSummary};
use crate::engine::Analysis;
use crate::ledger::Skipped;

#[derive(Serialize)]
struct Head<'a> {
    tool: Tool,
    taxonomy: &'a str,
    raw_text: bool,
}

#[derive(Serialize)]
struct Tail<'a> {
    ledger: Ledger<'a>,
    themes: Vec<Theme<'a>>,
    breakdowns: serde_json::Value,
    /// How well the assigner is known to find themes; null when unmeasured.
    quality: Option<Quality>,
}

#[derive(Serialize)]
struct Quality {
    gold: &'static [&'static str],
    n: u64,
    micro_precision: f64,
    micro_recall: f64,
    macro_f1: f64,
    annotator_macro_f1: f64,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Ledger<'a> {
    inputs: Vec<Input<'a>>,
    rows_read: u64,
    analysed: u64,
    skipped: Vec<Skip<'a>>,
}

#[derive(Serialize)]
struct Input<'a> {
    file: &'a str,
    encoding: &'a str,
    rows_read: u64,
}

#[derive(Serialize)]
struct Skip<'a> {
    file: &'a str,
    line: u64,
    reason: String,
    code: &'static str,
    excerpt: &'a str,
}

#[derive(Serialize)]
struct Theme<'a> {
    id: &'a str,
    label: &'a str,
    count: u64,
    share: f64,
    quotes: Vec<Quote<'a>>,
}

#[derive(Serialize)]
struct Quote<'a> {
    id: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Exp<'a> {
    id: &'a str,
    file: &'a str,
    line: u64,
    question: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<&'a str>,
    themes: Vec<ExpTheme<'a>>,
}

#[derive(Serialize)]
struct ExpTheme<'a> {
    id: &'a str,
    score: f32,
    evidence: Vec<Ev<'a>>,
}

#[derive(Serialize)]
struct Ev<'a> {
    text: &'a str,
    start: u32,
    end: u32,
}

fn skip(s: &Skipped) -> Skip<'_> {
    Skip { file: &s.file, line: s.line, reason: s.reason.to_string(), code: s.reason.code(), excerpt: &s.excerpt }
}

fn theme(t: &ThemeSummary) -> Theme<'_> {
    Theme {
        id: &t.id,
        label: &t.label,
        count: t.count,
        share: (t.share * 1e4).round() / 1e4,
        quotes: t.quotes.iter().map(|q| Quote { id: &q.id, text: &q.text }).collect(),
    }
}

/// `{"min_group": 5, "location": [{"group", "count", "merged", "themes":
/// {id: count}}], ...}`, with `null` for a count below the minimum.
fn breakdowns(s: &crate::Summary) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let mut out = Map::new();
    out.insert("min_group".into(), json!(s.min_group));
    for b in &s.breakdowns {
        let groups = b
            .groups
            .iter()
            .map(|g| {
                let themes: Map<String, Value> =
                    s.themes.iter().zip(&g.themes).map(|(t, n)| (t.id.clone(), json!(n))).collect();
                json!({"group": g.group, "count": g.count, "merged": g.merged, "themes": themes})
            })
            .collect();
        out.insert(b.dimension.id().into(), Value::Array(groups));
    }
    Value::Object(out)
}

fn ev(v: &Evidence) -> Ev<'_> {
    Ev { text: &v.text, start: v.start, end: v.end }
}

fn th(t: &ThemeResult) -> ExpTheme<'_> {
    ExpTheme { id: &t.id, score: t.score, evidence: t.evidence.iter().map(ev).collect() }
}

fn exp(e: &ExperienceResult) -> Exp<'_> {
    Exp {
        id: &e.id,
        file: &e.file,
        line: e.line,
        question: &e.question,
        role: e.role.map(|r| r.id()),
        location: e.location.as_deref(),
        date: e.date.as_deref(),
        sector: e.sector.as_deref(),
        themes: e.themes.iter().map(th).collect(),
    }
}

/// `report.json` as bytes (compact JSON, one line): per experience its
/// themes with scores and evidence (char offsets), the ledger, and per-theme
/// totals with quotes.
pub fn json(a: &Analysis) -> Vec<u8> {
    let mut out = Vec::new();
    write_json(a, &mut out).expect("writing to memory does not fail");
    out
}

/// Writes `report.json` to `out`; the same bytes as [`json`].
pub fn write_json(a: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = JsonReportWriter::begin(out, &a.taxonomy, a.raw_text)?;
    w.experiences(&a.experiences)?;
    w.finish(a)
}

/// Experiences rendered per parallel chunk.
const CHUNK: usize = 2048;

/// Writes `report.json` while the analysis runs: experiences batch by batch
/// as they come, then the ledger and the theme totals. (JSON objects are
/// unordered: `experiences` simply comes first.) Batches are rendered in
/// parallel chunks and written in order, so the bytes do not depend on the
/// thread count.
///
/// ```
/// let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/voorbeeld.csv");
/// let mut bytes = Vec::new();
/// let mut w = leefwereld::JsonReportWriter::begin(&mut bytes, engine.taxonomy().name(), false).unwrap();
/// let analysis = engine
///     .analyse_files_streaming(&[path.into()], &Default::default(), &leefwereld::NoProgress, &mut |batch| {
///         w.experiences(&batch).map_err(|e| leefwereld::Error::from_io("report.json", e))
///     })
///     .unwrap();
/// w.finish(&analysis).unwrap();
/// let report: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
/// assert_eq!(report["experiences"].as_array().unwrap().len(), 80);
/// assert_eq!(report["ledger"]["rows_read"], 80);
/// ```
pub struct JsonReportWriter<'w> {
    out: &'w mut dyn Write,
    first: bool,
}

impl<'w> JsonReportWriter<'w> {
    /// Starts the report.
    pub fn begin(out: &'w mut dyn Write, taxonomy: &str, raw_text: bool) -> std::io::Result<Self> {
        let head = Head { tool: Tool { name: "leefwereld", version: env!("CARGO_PKG_VERSION") }, taxonomy, raw_text };
        let mut bytes = serde_json::to_vec(&head).map_err(std::io::Error::other)?;
        bytes.pop(); // the closing brace
        out.write_all(&bytes)?;
        out.write_all(b",\"experiences\":[")?;
        Ok(JsonReportWriter { out, first: true })
    }

    /// Writes a batch of experiences.
    pub fn experiences(&mut self, batch: &[ExperienceResult]) -> std::io::Result<()> {
        use rayon::prelude::*;
        let parts: Vec<Vec<u8>> = batch
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 256);
                for (j, e) in chunk.iter().enumerate() {
                    if j > 0 {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut buf, &exp(e)).expect("an experience serialises");
                }
                buf
            })
            .collect();
        for part in parts {
            if !self.first {
                self.out.write_all(b",")?;
            }
            self.first = false;
            self.out.write_all(&part)?;
        }
        Ok(())
    }

    /// Writes the ledger and the theme totals of `analysis` and closes the
    /// report.
    pub fn finish(self, a: &Analysis) -> std::io::Result<()> {
        let tail = Tail {
            ledger: Ledger {
                inputs: a
                    .ledger
                    .inputs
                    .iter()
                    .map(|i| Input { file: &i.file, encoding: i.encoding, rows_read: i.rows_read })
                    .collect(),
                rows_read: a.ledger.rows_read,
                analysed: a.ledger.analysed,
                skipped: a.ledger.skipped.iter().map(skip).collect(),
            },
            themes: a.summary.themes.iter().map(theme).collect(),
            breakdowns: breakdowns(&a.summary),
            quality: a.quality.map(|q| Quality {
                gold: q.gold,
                n: q.n,
                micro_precision: q.micro_precision,
                micro_recall: q.micro_recall,
                macro_f1: q.macro_f1,
                annotator_macro_f1: q.annotator_macro_f1,
            }),
        };
        let bytes = serde_json::to_vec(&tail).map_err(std::io::Error::other)?;
        self.out.write_all(b"],")?;
        self.out.write_all(&bytes[1..])?; // without the opening brace
        self.out.write_all(b"\n")
    }
}
