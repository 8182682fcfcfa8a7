//! `report.json`: the public contract of ../shared/CONTRACTS.md.

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
    experiences: Vec<Exp<'a>>,
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
    Skip {
        file: &s.file,
        line: s.line,
        reason: s.reason.to_string(),
        code: s.reason.code(),
        excerpt: &s.excerpt,
    }
}

fn theme(t: &ThemeSummary) -> Theme<'_> {
    Theme {
        id: &t.id,
        label: &t.label,
        count: t.count,
        share: (t.share * 1e4).round() / 1e4,
        quotes: t
            .quotes
            .iter()
            .map(|q| Quote {
                id: &q.id,
                text: &q.text,
            })
            .collect(),
    }
}

fn ev(v: &Evidence) -> Ev<'_> {
    Ev {
        text: &v.text,
        start: v.start,
        end: v.end,
    }
}

fn th(t: &ThemeResult) -> ExpTheme<'_> {
    ExpTheme {
        id: &t.id,
        score: t.score,
        evidence: t.evidence.iter().map(ev).collect(),
    }
}

fn exp(e: &ExperienceResult) -> Exp<'_> {
    Exp {
        id: &e.id,
        file: &e.file,
        line: e.line,
        question: &e.question,
        themes: e.themes.iter().map(th).collect(),
    }
}

/// `report.json` as bytes: the ledger, per-theme totals with quotes, and per
/// experience its themes with scores and evidence (char offsets).
pub fn json(a: &Analysis) -> Vec<u8> {
    let report = Report {
        tool: Tool {
            name: "leefwereld",
            version: env!("CARGO_PKG_VERSION"),
        },
        taxonomy: &a.taxonomy,
        raw_text: a.raw_text,
        ledger: Ledger {
            rows_read: a.ledger.rows_read,
            analysed: a.ledger.analysed,
            skipped: a.ledger.skipped.iter().map(skip).collect(),
        },
        themes: a.summary.themes.iter().map(theme).collect(),
        experiences: a.experiences.iter().map(exp).collect(),
    };
    let mut out = serde_json::to_vec_pretty(&report).expect("a report serialises");
    out.push(b'\n');
    out
}
