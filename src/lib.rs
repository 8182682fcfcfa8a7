//! # leefwereld
//!
//! Bundle Dutch client experiences from care organisations (elderly care,
//! mental health care, disability care, rehabilitation, district nursing)
//! into life-world themes (veiligheid, bejegening, het eten, je thuis voelen,
//! gehoord en gezien worden, ...), with the words in each text that led to
//! each theme, so a client council's advice rests on what clients live
//! through.
//!
//! The data flows one way, one module per stage:
//! ingest ([`CsvReader`]) -> analysis ([`Analyzer`]: segmentation,
//! normalisation, stopwords, compounds, Snowball stemming, negation) -> themes
//! ([`Taxonomy`], [`ThemeAssigner`]) -> aggregate ([`Aggregator`]) -> report
//! ([`Format`]), with evaluation beside it ([`evaluate()`], [`ThemeScores`]).
//! [`Engine`] runs the whole chain. Personal data is redacted
//! ([`Redactor`]) before any text is shown.
//!
//! ## One experience, end to end
//!
//! ```
//! use leefwereld::{Engine, Taxonomy};
//!
//! let engine = Engine::new(Taxonomy::default())?;
//! let text = "De soep was weer lauw, en door het personeelstekort wacht ik 's avonds lang op hulp.";
//! let assignment = engine.assign(text);
//!
//! let themes: Vec<&str> = assignment.themes.iter().map(|h| engine.theme_id(h)).collect();
//! assert!(themes.contains(&"eten-en-drinken"));
//! assert!(themes.contains(&"personeel"));
//!
//! // Every theme carries its evidence: where the words stand in the text.
//! let food = assignment.themes.iter().find(|h| engine.theme_id(h) == "eten-en-drinken").unwrap();
//! let words: Vec<&str> = food.evidence.iter().map(|s| &text[s.start as usize..s.end as usize]).collect();
//! assert!(words.contains(&"soep"));
//! # Ok::<(), leefwereld::Error>(())
//! ```
//!
//! ## A whole file
//!
//! ```no_run
//! use leefwereld::{AnalyseOptions, Engine, Format, NoProgress, Taxonomy};
//!
//! let engine = Engine::new(Taxonomy::default())?;
//! let analysis = engine.analyse_files(&["ervaringen.csv".into()], &AnalyseOptions::default(), &NoProgress)?;
//! assert!(analysis.ledger.adds_up());
//! std::fs::write("report.md", Format::Markdown.render(&analysis)).unwrap();
//! # Ok::<(), leefwereld::Error>(())
//! ```
#![deny(missing_docs)]

mod aggregate;
mod analysis;
mod engine;
mod error;
mod evaluate;
mod ingest;
mod privacy;
mod quality;
mod report;
mod theme;

pub use aggregate::{
    Aggregator, Breakdown, DEFAULT_MIN_GROUP, Dimension, Evidence, ExperienceResult, GroupCount, MAX_QUOTE_CHARS,
    QUOTES_PER_THEME, Quote, SHORT_VERDICT_WORDS, SMALL_GROUPS, ShortVerdicts, Summary, ThemeResult, ThemeSummary,
    UNKNOWN_GROUP,
};
pub use analysis::{
    Analyzer, AnalyzerBuilder, CompoundSplitter, DutchStemmer, Lexicon, MAX_WORD_BYTES, NO_TERM, Span, TermId, Token,
    TokenFlags, VerbForms, normalise, normalise_into,
};
pub use engine::{AnalyseOptions, Analysis, Engine, InputInfo, Ledger, NoProgress, Progress};
pub use error::{Error, ErrorKind};
pub use evaluate::{
    BOOTSTRAP_ROUNDS, ClassScores, Confusion, CueScores, Evaluation, F1Intervals, GoldExperience, GoldPii, Method,
    PII_KINDS, PiiKindScores, PiiScores, ROLES, SENTIMENTS, ThemeScores, evaluate, evaluate_cues, evaluate_pii,
    evaluate_predictions, keyword_taxonomy, parse_gold, parse_predictions, read_gold, read_predictions,
};
pub use ingest::{
    CsvReader, Experience, JsonlReader, MetaColumnNames, ReadOptions, Record, Role, RowSource, SkipReason, Skipped,
    XlsxReader, open_input, parse_dutch_date,
};
pub use privacy::{PiiKind, PiiSpan, RedactSummary, Redactor, Showing, Shown, redact_file};
pub use quality::{DEFAULT_QUALITY, MeasuredQuality};
pub use report::{Format, JSON_EVIDENCE_PER_THEME, JSON_WINDOW, JsonReportWriter, json, markdown, write_json};
pub use theme::{
    AssignerSettings, Assignment, Cue, CueHit, DEFAULT_TAXONOMY_TOML, IssueKind, OVERIG, Taxonomy, TaxonomyIssue,
    Theme, ThemeAssigner, ThemeHit, check_taxonomy,
};
