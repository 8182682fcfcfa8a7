//! `report.json`: the public contract of ../shared/CONTRACTS.md.
//!
//! Besides the promised keys: per theme its `sentiment` split and marked,
//! signed quotes; per experience and per theme in it its `sentiment`; per
//! breakdown group its `sentiment`; and `cooccurrence`, `trend`, `voices`
//! and `agenda`, each with an `absent` reason where a section can be absent.
//!
//! Record-level metadata obeys the minimum group size: in `experiences[]`, a
//! location, role, sector or date (by its quarter) whose group has fewer
//! experiences than the minimum is written as `null`, as the breakdowns hide
//! it. As the file is written while the run goes, an experience waits in a
//! window until its groups are large enough (see `report::groups`, which
//! `themes.csv` shares). Order stays input order.

use std::borrow::Cow;
use std::io::Write;
use std::sync::Arc;

use serde::Serialize;

use super::file_name;
use super::groups::{ExperienceGroups, GroupWindow, Hidden};
use crate::aggregate::{ExperienceResult, ThemeResult, ThemeSummary};
use crate::engine::Analysis;
use crate::ledger::Skipped;

/// Experiences that may wait for their groups to grow before they are
/// written (see the module docs).
pub const JSON_WINDOW: usize = 16 * 1024;
/// Evidence spans written per theme of an experience in `report.json`, the
/// first ones in the text (the file stays smaller than its input).
pub const JSON_EVIDENCE_PER_THEME: usize = 3;

#[derive(Serialize)]
struct Head<'a> {
    tool: Tool,
    taxonomy: &'a str,
    raw_text: bool,
}

#[derive(Serialize)]
struct Tail<'a> {
    ledger: Ledger<'a>,
    /// The first and last date of the experiences, when they have dates.
    period: Option<Period<'a>>,
    /// The day the report was made (see [`Summary::made_on`](crate::Summary::made_on)).
    made_on: &'a str,
    /// Evidence spans written per theme of an experience.
    evidence_per_theme: usize,
    themes: Vec<Theme<'a>>,
    short_verdicts: ShortVerdicts,
    breakdowns: serde_json::Value,
    /// Pairs of themes in the same experience (at least the minimum group).
    cooccurrence: serde_json::Value,
    /// Per quarter per theme: count and negative count.
    trend: serde_json::Value,
    /// The voices side by side.
    voices: serde_json::Value,
    /// The draft improvement agenda.
    agenda: serde_json::Value,
    /// How well the assigner is known to find themes; null when unmeasured.
    quality: Option<Quality>,
}

#[derive(Serialize)]
struct Period<'a> {
    first: &'a str,
    last: &'a str,
}

#[derive(Serialize)]
struct ShortVerdicts {
    count: u64,
    positive: u64,
    negative: u64,
    max_words: usize,
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
    /// Per question, the answers that said nothing.
    non_answers: Vec<NonAnswers<'a>>,
}

#[derive(Serialize)]
struct NonAnswers<'a> {
    question: &'a str,
    count: u64,
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
    /// Experiences per sentiment about the theme.
    sentiment: Split,
    quotes: Vec<Quote<'a>>,
    withheld: u64,
}

/// Counts per sentiment; `null` for a hidden cell where cells can be hidden.
#[derive(Serialize)]
struct Split<T = u64> {
    positief: T,
    negatief: T,
    gemengd: T,
    neutraal: T,
}

impl<T: Copy> Split<T> {
    fn of(c: [T; 4]) -> Self {
        Split { positief: c[0], negatief: c[1], gemengd: c[2], neutraal: c[3] }
    }
}

/// A quote, marked and signed.
#[derive(Serialize)]
struct Quote<'a> {
    id: &'a str,
    text: &'a str,
    sentiment: &'static str,
    role: Option<&'static str>,
    question: Option<&'a str>,
    period: Option<&'a str>,
}

fn quote(q: &crate::aggregate::Quote) -> Quote<'_> {
    Quote {
        id: &q.id,
        text: &q.text,
        sentiment: q.sentiment.id(),
        role: q.signature.role.map(|r| r.id()),
        question: q.signature.question.as_deref(),
        period: q.signature.period.as_deref(),
    }
}

/// One experience. Metadata keys are absent when unknown and `null` when
/// hidden (a group smaller than the minimum).
#[derive(Serialize)]
struct Exp<'a> {
    id: &'a str,
    input: u32,
    line: u64,
    question: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<Option<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<Option<&'a str>>,
    sentiment: &'static str,
    themes: Vec<ExpTheme<'a>>,
}

#[derive(Serialize)]
struct ExpTheme<'a> {
    id: &'a str,
    score: f32,
    sentiment: &'static str,
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
        file: file_name(&s.file),
        line: s.line,
        reason: s.reason.to_string(),
        code: s.reason.code(),
        excerpt: &s.excerpt,
    }
}

/// A share to four decimals.
fn round(share: f64) -> f64 {
    (share * 1e4).round() / 1e4
}

fn theme(t: &ThemeSummary) -> Theme<'_> {
    Theme {
        id: &t.id,
        label: &t.label,
        count: t.count,
        share: round(t.share),
        sentiment: Split::of(t.sentiment),
        quotes: t.quotes.iter().map(quote).collect(),
        withheld: t.withheld,
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
                json!({"group": g.group, "count": g.count, "merged": g.merged, "sentiment": Split::of(g.sentiment),
                       "themes": themes})
            })
            .collect();
        out.insert(b.dimension.id().into(), Value::Array(groups));
    }
    Value::Object(out)
}

/// `[{"a", "b", "count"}]`, with how many smaller pairs were left out.
fn cooccurrence(s: &crate::Summary) -> serde_json::Value {
    let pairs: Vec<_> = s.pairs.iter().map(|p| serde_json::json!({"a": p.a, "b": p.b, "count": p.count})).collect();
    serde_json::json!({"pairs": pairs, "hidden": s.pairs_hidden})
}

/// `{"absent": null | reason, "periods": [{"period", "count", "themes": {id:
/// {"count", "negative"}}}]}`.
fn trend(s: &crate::Summary) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let periods: Vec<Value> = s
        .trend
        .periods
        .iter()
        .map(|p| {
            let themes: Map<String, Value> = s
                .themes
                .iter()
                .zip(&p.themes)
                .map(|(t, c)| (t.id.clone(), json!({"count": c.count, "negative": c.negative})))
                .collect();
            json!({"period": p.period, "count": p.count, "themes": themes})
        })
        .collect();
    json!({"absent": s.trend.absent.map(|a| a.id()), "periods": periods})
}

/// `{"axis": "role" | "question" | null, "absent", "groups", "themes": [{"id",
/// "label", "voices": [{"group", "count", "sentiment", "quote"}], "gap"}]}`.
fn voices(s: &crate::Summary) -> serde_json::Value {
    use crate::aggregate::VoiceAxis;
    use serde_json::json;
    let v = &s.voices;
    let themes: Vec<_> = v
        .themes
        .iter()
        .map(|t| {
            let voices: Vec<_> = t
                .voices
                .iter()
                .map(|x| {
                    json!({"group": x.group, "count": x.count, "sentiment": Split::of(x.sentiment),
                           "quote": x.quote.as_ref().map(quote)})
                })
                .collect();
            let gap = t.gap.as_ref().map(|g| {
                json!({"higher": g.higher, "higher_negative_share": round(g.higher_share), "lower": g.lower,
                       "lower_negative_share": round(g.lower_share), "difference": round(g.difference())})
            });
            json!({"id": t.id, "label": t.label, "voices": voices, "gap": gap})
        })
        .collect();
    let axis = v.axis.map(|a| match a {
        VoiceAxis::Role => "role",
        _ => "question",
    });
    json!({"axis": axis, "absent": v.absent.map(|a| a.id()), "groups": v.groups, "themes": themes})
}

/// `{"rule", "min_volume", "absent", "points": [{"id", "label", "count",
/// "sentiment", "score", "goes_well", "could_be_better", "voices"}]}`.
fn agenda(s: &crate::Summary) -> serde_json::Value {
    use serde_json::json;
    let a = &s.agenda;
    let points: Vec<_> = a
        .points
        .iter()
        .map(|p| {
            let voices: Vec<_> =
                p.voices.iter().map(|v| json!({"group": v.group, "critical": v.critical, "count": v.count})).collect();
            json!({"id": p.id, "label": p.label, "count": p.count, "sentiment": Split::of(p.sentiment),
                   "score": round(p.score), "goes_well": p.goes_well.as_ref().map(quote),
                   "could_be_better": p.could_be_better.iter().map(quote).collect::<Vec<_>>(), "voices": voices})
        })
        .collect();
    json!({"rule": a.rule, "min_volume": a.min_volume, "absent": a.absent.map(|x| x.id()), "points": points})
}

fn th(t: &ThemeResult) -> ExpTheme<'_> {
    let shown = t.evidence.len().min(JSON_EVIDENCE_PER_THEME);
    ExpTheme {
        id: &t.id,
        // Two decimals say all a score says, in fewer bytes.
        score: (t.score * 100.0).round() / 100.0,
        sentiment: t.sentiment.id(),
        evidence: t.evidence[..shown].iter().map(|v| Ev { text: &v.text, start: v.start, end: v.end }).collect(),
    }
}

fn exp(e: &ExperienceResult, input: u32, hidden: Hidden) -> Exp<'_> {
    fn shown(v: Option<&str>, hide: bool) -> Option<Option<&str>> {
        v.map(|v| (!hide).then_some(v))
    }
    Exp {
        id: &e.id,
        input,
        line: e.line,
        question: &e.question,
        location: shown(e.location.as_deref(), hidden.get(ExperienceGroups::LOCATION)),
        role: e.role.map(|r| (!hidden.get(ExperienceGroups::ROLE)).then_some(r.id())),
        sector: shown(e.sector.as_deref(), hidden.get(ExperienceGroups::SECTOR)),
        date: shown(e.date.as_deref(), hidden.get(ExperienceGroups::PERIOD)),
        sentiment: e.sentiment.id(),
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
    let mut w = JsonReportWriter::begin(out, &a.taxonomy, a.raw_text)?
        .min_group(a.summary.min_group)
        .inputs(a.ledger.inputs.iter().map(|i| i.file.as_str()));
    w.experiences(&a.experiences)?;
    w.finish(a)
}

/// Experiences rendered per parallel chunk.
const CHUNK: usize = 2048;

/// Writes `report.json` while the analysis runs: experiences batch by batch
/// as they come, then the ledger and the theme totals. (JSON objects are
/// unordered: `experiences` simply comes first.) Batches are rendered in
/// parallel chunks and written in order, so the bytes do not depend on the
/// thread count. Set [`min_group`](JsonReportWriter::min_group) to the run's
/// and name the [`inputs`](JsonReportWriter::inputs) before the first batch.
///
/// ```
/// let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/voorbeeld.csv");
/// let options = leefwereld::AnalyseOptions::default();
/// let mut bytes = Vec::new();
/// let mut w = leefwereld::JsonReportWriter::begin(&mut bytes, engine.taxonomy().name(), false)
///     .unwrap()
///     .min_group(options.min_group)
///     .inputs([path]);
/// let analysis = engine
///     .analyse_files_streaming(&[path.into()], &options, &leefwereld::NoProgress, &mut |batch| {
///         w.experiences(&batch).map_err(|e| leefwereld::Error::from_io("report.json", e))
///     })
///     .unwrap();
/// w.finish(&analysis).unwrap();
/// let report: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
/// assert_eq!(report["experiences"].as_array().unwrap().len(), 80);
/// assert_eq!(report["experiences"][0]["input"], 0);
/// assert_eq!(report["ledger"]["rows_read"], 80);
/// ```
pub struct JsonReportWriter<'w> {
    out: &'w mut dyn Write,
    first: bool,
    /// Input files, as the ledger names them; `input` indexes this.
    files: Vec<Arc<str>>,
    /// The last file seen and its index.
    last_file: Option<(Arc<str>, u32)>,
    /// Experiences waiting for their groups to grow ([`JSON_WINDOW`] of them).
    window: GroupWindow<ExperienceResult>,
}

impl<'w> JsonReportWriter<'w> {
    /// Starts the report.
    pub fn begin(out: &'w mut dyn Write, taxonomy: &str, raw_text: bool) -> std::io::Result<Self> {
        let head = Head { tool: Tool { name: "leefwereld", version: env!("CARGO_PKG_VERSION") }, taxonomy, raw_text };
        let mut bytes = serde_json::to_vec(&head).map_err(std::io::Error::other)?;
        bytes.pop(); // the closing brace
        out.write_all(&bytes)?;
        out.write_all(b",\"experiences\":[")?;
        Ok(JsonReportWriter {
            out,
            first: true,
            files: Vec::new(),
            last_file: None,
            window: GroupWindow::new(crate::aggregate::DEFAULT_MIN_GROUP, JSON_WINDOW),
        })
    }

    /// The minimum group size of the run ([`DEFAULT_MIN_GROUP`](crate::DEFAULT_MIN_GROUP)
    /// unless set): metadata values of smaller groups are left out.
    pub fn min_group(mut self, min_group: u64) -> Self {
        self.window.set_min_group(min_group);
        self
    }

    /// The input files in the order they are read, named as the ledger names
    /// them (the path as given): each experience's `input` is its file's
    /// index in `ledger.inputs`. Files not named here are numbered as they
    /// come.
    pub fn inputs<S: AsRef<str>>(mut self, files: impl IntoIterator<Item = S>) -> Self {
        self.files = files.into_iter().map(|f| Arc::from(f.as_ref())).collect();
        self
    }

    /// The index of `file` in the inputs.
    fn input(&mut self, file: &Arc<str>) -> u32 {
        if let Some((last, i)) = &self.last_file
            && Arc::ptr_eq(last, file)
        {
            return *i;
        }
        let i = match self.files.iter().position(|f| **f == **file) {
            Some(i) => i,
            None => {
                self.files.push(file.clone());
                self.files.len() - 1
            }
        } as u32;
        self.last_file = Some((file.clone(), i));
        i
    }

    /// Writes a batch of experiences.
    pub fn experiences(&mut self, batch: &[ExperienceResult]) -> std::io::Result<()> {
        let mut ready = Vec::with_capacity(batch.len());
        self.window.push(batch, &ExperienceGroups, &mut ready);
        self.write(&ready)
    }

    /// Renders experiences in parallel chunks and writes them in order.
    fn write(&mut self, ready: &[(Cow<'_, ExperienceResult>, Hidden)]) -> std::io::Result<()> {
        use rayon::prelude::*;
        // Files are numbered in input order, as the experiences go out.
        let ready: Vec<(&ExperienceResult, u32, Hidden)> =
            ready.iter().map(|(e, hidden)| (e.as_ref(), self.input(&e.file), *hidden)).collect();
        let parts: Vec<Vec<u8>> = ready
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 256);
                for (j, (e, input, hidden)) in chunk.iter().enumerate() {
                    if j > 0 {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut buf, &exp(e, *input, *hidden)).expect("an experience serialises");
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

    /// Writes the experiences still waiting, the ledger and the theme totals
    /// of `analysis`, and closes the report.
    pub fn finish(mut self, a: &Analysis) -> std::io::Result<()> {
        let ready: Vec<(Cow<'_, ExperienceResult>, Hidden)> =
            self.window.finish(&ExperienceGroups).into_iter().map(|(e, hidden)| (Cow::Owned(e), hidden)).collect();
        self.write(&ready)?;
        let s = &a.summary;
        let tail = Tail {
            ledger: Ledger {
                inputs: a
                    .ledger
                    .inputs
                    .iter()
                    .map(|i| Input { file: file_name(&i.file), encoding: i.encoding, rows_read: i.rows_read })
                    .collect(),
                rows_read: a.ledger.rows_read,
                analysed: a.ledger.analysed,
                skipped: a.ledger.skipped.iter().map(skip).collect(),
                non_answers: a.ledger.non_answers.iter().map(|(q, n)| NonAnswers { question: q, count: *n }).collect(),
            },
            period: s.first_date.as_deref().zip(s.last_date.as_deref()).map(|(first, last)| Period { first, last }),
            made_on: &s.made_on,
            evidence_per_theme: JSON_EVIDENCE_PER_THEME,
            themes: s.themes.iter().map(theme).collect(),
            short_verdicts: ShortVerdicts {
                count: s.short_verdicts.count,
                positive: s.short_verdicts.positive,
                negative: s.short_verdicts.negative,
                max_words: crate::aggregate::SHORT_VERDICT_WORDS,
            },
            breakdowns: breakdowns(s),
            cooccurrence: cooccurrence(s),
            trend: trend(s),
            voices: voices(s),
            agenda: agenda(s),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Aggregator;
    use crate::engine::Analysis;
    use crate::ledger::{ColumnMap, InputInfo, Ledger};
    use crate::theme::Taxonomy;

    fn result(id: &str, location: &str) -> ExperienceResult {
        ExperienceResult {
            id: id.into(),
            file: Arc::from("/home/iemand/export.csv"),
            line: 2,
            question: Arc::from("ervaring"),
            role: None,
            location: Some(location.into()),
            date: None,
            sector: None,
            sentiment: crate::Sentiment::Neutraal,
            themes: vec![],
            text: None,
            meta: vec![],
        }
    }

    fn analysis(min_group: u64) -> Analysis {
        Analysis {
            ledger: Ledger::default(),
            experiences: vec![],
            summary: Aggregator::new(&Taxonomy::default()).finish(&crate::privacy::Showing::Raw, min_group),
            raw_text: false,
            taxonomy: "t".into(),
            quality: None,
        }
    }

    /// (id, location) per experience, in the order written.
    fn written(window: usize, ids: &[(&str, &str)]) -> Vec<(String, serde_json::Value)> {
        let mut bytes = Vec::new();
        let mut w = JsonReportWriter::begin(&mut bytes, "t", false).unwrap().min_group(3);
        w.window.set_window(window);
        let batch: Vec<ExperienceResult> = ids.iter().map(|(id, l)| result(id, l)).collect();
        w.experiences(&batch[..2]).unwrap();
        w.experiences(&batch[2..]).unwrap();
        w.finish(&analysis(3)).unwrap();
        let report: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let exps = report["experiences"].as_array().unwrap();
        exps.iter().map(|e| (e["id"].as_str().unwrap().to_string(), e["location"].clone())).collect()
    }

    #[test]
    fn small_group_values_are_null_and_order_is_kept() {
        let input = [("1", "A"), ("2", "B"), ("3", "A"), ("4", "A"), ("5", "B"), ("6", "C")];
        let out = written(JSON_WINDOW, &input);
        let ids: Vec<&str> = out.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3", "4", "5", "6"]);
        let locations: Vec<Option<&str>> = out.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(locations, [Some("A"), None, Some("A"), Some("A"), None, None]);
    }

    #[test]
    fn a_full_window_lets_an_experience_go_with_its_small_groups_left_out() {
        // A is large in the end, but only after the window of 2 is full.
        let input = [("1", "A"), ("2", "B"), ("3", "B"), ("4", "B"), ("5", "A"), ("6", "A")];
        let out = written(2, &input);
        let ids: Vec<&str> = out.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3", "4", "5", "6"]);
        assert!(out[0].1.is_null(), "{out:?}");
        assert_eq!(out[1].1, "B");
        assert_eq!(out[5].1, "A");
    }

    #[test]
    fn files_are_named_without_their_folders() {
        let mut a = analysis(3);
        let mut input = InputInfo::new("/home/iemand/export.csv", "UTF-8", ColumnMap::default());
        input.rows_read = 1;
        a.ledger.inputs.push(input);
        a.experiences.push(result("1", "A"));
        let bytes = json(&a);
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("/home/iemand"), "{text}");
        assert!(text.contains(r#""input":0"#) && text.contains(r#""file":"export.csv""#), "{text}");
    }
}
