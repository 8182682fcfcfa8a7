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
//! let themes: Vec<&str> = assignment.themes.iter().map(|h| h.id()).collect();
//! assert!(themes.contains(&"eten-en-drinken"));
//! assert!(themes.contains(&"personeel"));
//!
//! // Every theme carries its evidence: where the words stand in the text.
//! let food = assignment.themes.iter().find(|h| h.id() == "eten-en-drinken").unwrap();
//! assert_eq!(food.label(), "Eten en drinken");
//! let words: Vec<&str> = food.evidence_text(text).collect();
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

pub mod aggregate;
pub mod analysis;
mod engine;
mod error;
pub mod evaluate;
pub mod ingest;
pub mod ledger;
pub mod privacy;
pub mod quality;
pub mod report;
pub mod sentiment;
pub mod theme;

// The core types: what a program that analyses experiences needs. The rest
// lives in its stage's module (`leefwereld::privacy::PiiKind`,
// `leefwereld::evaluate::evaluate`, ...).
pub use engine::{AnalyseOptions, Analysis, Engine, NoProgress, Progress};
pub use error::{Error, ErrorKind};
pub use ingest::{Experience, ReadOptions, Role};
pub use ledger::Ledger;
pub use privacy::Redactor;
pub use report::{Format, Lang};
pub use sentiment::Sentiment;
pub use theme::{Taxonomy, ThemeHit};

// Until 0.2, every name also stands at the crate root, where it stood
// before the modules became namespaces; hidden from the docs. Use the
// module paths.
#[doc(hidden)]
pub use {
    aggregate::{
        Aggregator, Breakdown, DEFAULT_MIN_GROUP, Dimension, Evidence, ExperienceResult, GroupCount, MAX_QUOTE_CHARS,
        QUOTES_PER_THEME, Quote, SMALL_GROUPS, Summary, ThemeResult, ThemeSummary, UNKNOWN_GROUP,
    },
    analysis::{
        Analyzer, AnalyzerBuilder, CompoundSplitter, DutchStemmer, Lexicon, MAX_WORD_BYTES, NO_TERM, Span, TermId,
        Token, TokenFlags, VerbForms, normalise, normalise_into,
    },
    evaluate::{
        BOOTSTRAP_ROUNDS, ClassScores, Confusion, CueScores, Evaluation, F1Intervals, GoldExperience, GoldPii, Method,
        PII_KINDS, PiiKindScores, PiiScores, ROLES, SENTIMENTS, ThemeScores, evaluate, evaluate_cues, evaluate_pii,
        evaluate_predictions, keyword_taxonomy, parse_gold, parse_predictions, read_gold, read_predictions,
    },
    ingest::{
        CsvReader, IN_MEMORY, JsonlReader, MetaColumnNames, Record, RowSource, XlsxReader, open_input, parse_dutch_date,
    },
    ledger::{ColumnMap, InputInfo, SkipReason, Skipped},
    privacy::{PiiKind, PiiSpan, RedactSummary, redact_file},
    quality::{DEFAULT_QUALITY, MeasuredQuality},
    report::{JsonReportWriter, json, markdown, write_json},
    theme::{
        AssignerSettings, Assignment, Cue, CueHit, DEFAULT_TAXONOMY_TOML, IssueKind, OVERIG, TaxonomyIssue, Theme,
        ThemeAssigner, check_taxonomy,
    },
};
