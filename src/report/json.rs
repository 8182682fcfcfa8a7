//! `report.json`: the public contract of ../shared/CONTRACTS.md.

use std::io::Write;

use serde::Serialize;

use crate::aggregate::{Evidence, ExperienceResult, ThemeResult, ThemeSummary};
use crate::engine::Analysis;
use crate::ingest::Skipped;

#[derive(Serialize)]
struct Report<'a> {
    tool: Tool,
    taxonomy: &'a str,
    raw_text: bool,
    ledger: Ledger<'a>,
    themes: Vec<Theme<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Ledger<'a> {
    rows_read: u64,
    analysed: u64,
    skipped: Vec<Skip<'a>>,
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

fn ev(v: &Evidence) -> Ev<'_> {
    Ev { text: &v.text, start: v.start, end: v.end }
}

fn th(t: &ThemeResult) -> ExpTheme<'_> {
    ExpTheme { id: &t.id, score: t.score, evidence: t.evidence.iter().map(ev).collect() }
}

fn exp(e: &ExperienceResult) -> Exp<'_> {
    Exp { id: &e.id, file: &e.file, line: e.line, question: &e.question, themes: e.themes.iter().map(th).collect() }
}

/// `report.json` as bytes (compact JSON, one line): the ledger, per-theme
/// totals with quotes, and per experience its themes with scores and evidence
/// (char offsets).
pub fn json(a: &Analysis) -> Vec<u8> {
    let mut out = Vec::new();
    write_json(a, &mut out).expect("writing to memory does not fail");
    out
}

/// Experiences rendered per parallel chunk.
const CHUNK: usize = 4096;

/// Writes `report.json` to `out`. Experiences are rendered in parallel
/// chunks and written in input order, so the bytes are the same as
/// [`json`]'s whatever the thread count.
pub fn write_json(a: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    use rayon::prelude::*;
    let head = Report {
        tool: Tool { name: "leefwereld", version: env!("CARGO_PKG_VERSION") },
        taxonomy: &a.taxonomy,
        raw_text: a.raw_text,
        ledger: Ledger {
            rows_read: a.ledger.rows_read,
            analysed: a.ledger.analysed,
            skipped: a.ledger.skipped.iter().map(skip).collect(),
        },
        themes: a.summary.themes.iter().map(theme).collect(),
    };
    let mut head = serde_json::to_vec(&head).map_err(std::io::Error::other)?;
    head.pop(); // the closing brace: experiences follow
    out.write_all(&head)?;
    out.write_all(b",\"experiences\":[")?;
    for (i, group) in a.experiences.chunks(CHUNK * rayon::current_num_threads().max(1)).enumerate() {
        let parts: Vec<Vec<u8>> = group
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
        for (j, part) in parts.iter().enumerate() {
            if i > 0 || j > 0 {
                out.write_all(b",")?;
            }
            out.write_all(part)?;
        }
    }
    out.write_all(b"]}\n")
}
