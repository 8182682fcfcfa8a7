//! The whole job: input files -> ingest -> analysis -> themes -> aggregate.
//!
//! [`Engine`] holds what is built once (the taxonomy, the analyzer and the
//! compiled cues). [`Engine::analyse_files`] streams the input in batches:
//! while rayon analyses one batch on every core, the next one is read, and
//! the results are merged in input order, so the output does not depend on
//! the number of threads.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::aggregate::{Aggregator, ExperienceResult};
use crate::analysis::{Analyzer, Token};
use crate::error::Error;
use crate::error::ErrorKind;
use crate::ingest::memory::MemorySource;
use crate::ingest::{Experience, ReadOptions, RowSource, open_input};
use crate::ledger::{InputInfo, Ledger, Skipped};
use crate::privacy::Redactor;
use crate::quality::{DEFAULT_QUALITY, MeasuredQuality};
use crate::sentiment::{Judgement, SentimentScorer};
use crate::theme::{AssignerSettings, Assignment, Taxonomy, ThemeAssigner};

mod options;
mod progress;
mod result;

pub use options::AnalyseOptions;
pub use progress::{NoProgress, Progress};
pub use result::Analysis;

/// Analyses texts with one taxonomy.
///
/// ```
/// let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
/// let a = engine.assign("Sinds de inbraak in de berging slaapt ze met het licht aan.");
/// assert_eq!(engine.theme_id(&a.themes[0]), "veiligheid");
/// ```
#[derive(Debug)]
pub struct Engine {
    taxonomy: Taxonomy,
    analyzer: Analyzer,
    assigner: ThemeAssigner,
    sentiment: SentimentScorer,
    theme_ids: Vec<Arc<str>>,
}

impl Engine {
    /// An engine for `taxonomy` with the default assigner settings.
    pub fn new(taxonomy: Taxonomy) -> Result<Engine, Error> {
        Engine::with_settings(taxonomy, AssignerSettings::default())
    }

    /// An engine for `taxonomy` with the given assigner settings.
    pub fn with_settings(taxonomy: Taxonomy, settings: AssignerSettings) -> Result<Engine, Error> {
        let analyzer = Analyzer::builder().known_words(taxonomy.cue_words()).build();
        let assigner = ThemeAssigner::new(&taxonomy, &analyzer, settings)?;
        let theme_ids = taxonomy.themes().iter().map(|t| Arc::from(t.id.as_str())).collect();
        let sentiment = SentimentScorer::new(&analyzer);
        Ok(Engine { taxonomy, analyzer, assigner, sentiment, theme_ids })
    }

    /// How well this engine's assigner is known to find themes: the
    /// figures measured on the project's held-out gold data, for the default
    /// taxonomy with the default settings; `None` for anything else, which
    /// nobody has measured.
    pub fn measured_quality(&self) -> Option<MeasuredQuality> {
        let default = *self.assigner.settings() == AssignerSettings::default() && self.taxonomy == Taxonomy::default();
        default.then_some(DEFAULT_QUALITY)
    }

    /// The redactor this engine uses with `options`: the built-in rules, the
    /// taxonomy's cue words as known words, the user's names and exceptions.
    pub fn redactor(&self, options: &AnalyseOptions) -> Redactor {
        Redactor::new()
            .with_known_words(self.taxonomy.cue_words())
            .with_names(options.names.iter().map(String::as_str))
            .with_never_redact(options.never_redact.iter().map(String::as_str))
    }

    /// The taxonomy in use.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The analyzer.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The assigner.
    pub fn assigner(&self) -> &ThemeAssigner {
        &self.assigner
    }

    /// The id of an assigned theme; the same as [`ThemeHit::id`](crate::theme::ThemeHit::id).
    pub fn theme_id(&self, hit: &crate::theme::ThemeHit) -> &str {
        &self.theme_ids[hit.theme]
    }

    /// The sentiment scorer.
    pub fn sentiment(&self) -> &SentimentScorer {
        &self.sentiment
    }

    /// The themes of one text.
    pub fn assign(&self, text: &str) -> Assignment {
        with_tokens(|tokens| {
            self.analyzer.analyse_into(text, tokens);
            self.assigner.assign(tokens)
        })
    }

    /// The themes of one text and its sentiment, as a whole and per theme;
    /// `question` is the question it answers, when known (see
    /// [`SentimentScorer::judge`]).
    ///
    /// ```
    /// use leefwereld::Sentiment;
    /// let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
    /// let (themes, judgement) = engine.judge("Het eten is lekker, maar 's nachts voel ik me niet veilig.", None);
    /// assert_eq!(judgement.overall, Sentiment::Gemengd);
    /// let of = |id| themes.themes.iter().position(|h| h.id() == id).map(|i| judgement.themes[i]);
    /// assert_eq!((of("eten-en-drinken"), of("veiligheid")), (Some(Sentiment::Positief), Some(Sentiment::Negatief)));
    /// ```
    pub fn judge(&self, text: &str, question: Option<&str>) -> (Assignment, Judgement) {
        with_tokens(|tokens| {
            self.analyzer.analyse_into(text, tokens);
            let assignment = self.assigner.assign(tokens);
            let judgement = self.sentiment.judge(text, tokens, &assignment, question);
            (assignment, judgement)
        })
    }

    /// Reads every input file and analyses every row; the per-experience
    /// results are kept in [`Analysis::experiences`].
    pub fn analyse_files(
        &self,
        inputs: &[PathBuf],
        options: &AnalyseOptions,
        progress: &dyn Progress,
    ) -> Result<Analysis, Error> {
        let mut experiences = Vec::new();
        let mut analysis = self.analyse_files_streaming(inputs, options, progress, &mut |batch| {
            experiences.extend(batch);
            Ok(())
        })?;
        analysis.experiences = experiences;
        Ok(analysis)
    }

    /// Like [`Engine::analyse_files`], but hands the per-experience results
    /// to `sink` batch by batch, in input order, and keeps none of them:
    /// memory stays flat whatever the size of the input. The returned
    /// analysis has an empty `experiences`.
    ///
    /// ```no_run
    /// # let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
    /// let mut n = 0;
    /// let analysis = engine.analyse_files_streaming(
    ///     &["groot.csv".into()], &Default::default(), &leefwereld::NoProgress,
    ///     &mut |batch| { n += batch.len(); Ok(()) })?;
    /// assert_eq!(n as u64, analysis.summary.experiences);
    /// # Ok::<(), leefwereld::Error>(())
    /// ```
    pub fn analyse_files_streaming(
        &self,
        inputs: &[PathBuf],
        options: &AnalyseOptions,
        progress: &dyn Progress,
        sink: &mut dyn FnMut(Vec<ExperienceResult>) -> Result<(), Error>,
    ) -> Result<Analysis, Error> {
        let readers = open_inputs(inputs, &options.read)?;
        self.analyse_sources(readers, options, progress, sink)
    }

    /// Analyses experiences held in memory: the same job as
    /// [`Engine::analyse_files`] on a file with these texts and metadata
    /// (empty texts, non-answers and over-long texts are skipped into the
    /// ledger, quotes are redacted unless `options.raw_text`), for programs
    /// that have their texts already.
    ///
    /// ```
    /// use leefwereld::{AnalyseOptions, Engine, Experience, Format, Role, Taxonomy};
    ///
    /// let engine = Engine::new(Taxonomy::default())?;
    /// let texts = [
    ///     "De soep is vaak lauw en het avondeten komt te laat.",
    ///     "Mijn moeder drukt op de alarmknop en er komt niemand.",
    ///     "nvt",
    /// ];
    /// let experiences = texts.iter().enumerate().map(|(i, t)| Experience::new(format!("E{i}"), *t).with_role(Role::Naaste));
    /// let analysis = engine.analyse(experiences, &AnalyseOptions::default())?;
    /// assert_eq!((analysis.ledger.rows_read, analysis.ledger.analysed), (3, 2));
    /// assert_eq!(analysis.experiences.len(), 2);
    /// let report = Format::Markdown.render(&analysis);
    /// assert!(!report.is_empty());
    /// # Ok::<(), leefwereld::Error>(())
    /// ```
    pub fn analyse(
        &self,
        experiences: impl IntoIterator<Item = Experience>,
        options: &AnalyseOptions,
    ) -> Result<Analysis, Error> {
        let source = MemorySource::new(experiences.into_iter().collect(), &options.read);
        let mut results = Vec::new();
        let mut analysis = self.analyse_sources(vec![Box::new(source)], options, &NoProgress, &mut |batch| {
            results.extend(batch);
            Ok(())
        })?;
        analysis.experiences = results;
        Ok(analysis)
    }

    /// The job on opened sources, for files and memory alike.
    fn analyse_sources(
        &self,
        readers: Vec<Box<dyn RowSource>>,
        options: &AnalyseOptions,
        progress: &dyn Progress,
        sink: &mut dyn FnMut(Vec<ExperienceResult>) -> Result<(), Error>,
    ) -> Result<Analysis, Error> {
        for r in &readers {
            progress.input(&InputInfo::new(r.file().to_string(), r.encoding(), r.columns().clone()));
        }
        let total: u64 = readers.iter().filter_map(|r| r.total_bytes()).sum();
        progress.start(total);
        let redactor = (!options.raw_text).then(|| self.redactor(options));
        // Every text a report shows goes through `showing`: redacted, or raw
        // on the user's explicit request.
        let showing = crate::privacy::Showing::new(redactor.as_ref());
        let mut run = Run {
            inputs: Vec::new(),
            non_answers: Vec::new(),
            aggregator: Aggregator::new(&self.taxonomy),
            skipped: Vec::new(),
            rows_read: 0,
            analysed_rows: 0,
            last_row: None,
        };
        let mut done_bytes = 0u64;
        // A batch analysed but not yet counted and handed to the sink.
        let mut pending: Option<Analysed> = None;
        for mut reader in readers {
            let mut batch = Vec::new();
            let mut skipped = Vec::new();
            reader.read_batch(options.batch_rows, &mut batch, &mut skipped)?;
            loop {
                if batch.is_empty() && skipped.is_empty() {
                    break;
                }
                // Three stages at once: the pool reads the next batch and
                // analyses this one while this thread counts the previous one
                // and hands it to the sink (in input order, so the output does
                // not depend on the thread count).
                let (mut next, mut next_skipped) = (Vec::new(), Vec::new());
                let (mut read, mut results, mut sunk) = (Ok(0), Vec::new(), Ok(()));
                rayon::in_place_scope(|scope| {
                    scope.spawn(|_| read = reader.read_batch(options.batch_rows, &mut next, &mut next_skipped));
                    scope.spawn(|_| {
                        results = batch
                            .par_iter()
                            .map(|e| {
                                let (a, j) = self.judge(&e.text, Some(&e.question));
                                let mut r = ExperienceResult::new(e, &a, &j, &self.theme_ids, &showing);
                                // The whole text is redacted here, once per
                                // experience, on every core.
                                r.text = options.texts.then(|| showing.show(&e.text));
                                (a, j, r)
                            })
                            .collect()
                    });
                    if let Some(done) = pending.take() {
                        sunk = run.absorb(done, sink);
                    }
                });
                sunk?;
                progress.advance(done_bytes + reader.bytes_read());
                read?;
                pending = Some(Analysed { batch, results, skipped });
                batch = next;
                skipped = next_skipped;
            }
            run.rows_read += reader.rows_read();
            done_bytes += reader.total_bytes().unwrap_or(0);
            let mut info = InputInfo::new(reader.file().to_string(), reader.encoding(), reader.columns().clone());
            info.rows_read = reader.rows_read();
            run.inputs.push(info);
            for (question, n) in reader.non_answers() {
                match run.non_answers.iter_mut().find(|(q, _)| *q == question) {
                    Some((_, total)) => *total += n,
                    None => run.non_answers.push((question, n)),
                }
            }
        }
        if let Some(done) = pending.take() {
            run.absorb(done, sink)?;
        }
        progress.finish();
        if run.analysed_rows == 0 {
            let mut reasons: Vec<(&'static str, u64)> = Vec::new();
            for s in &run.skipped {
                match reasons.iter_mut().find(|(c, _)| *c == s.reason.code()) {
                    Some((_, n)) => *n += 1,
                    None => reasons.push((s.reason.code(), 1)),
                }
            }
            return Err(Error::new(ErrorKind::NoExperiences { rows_read: run.rows_read, reasons }));
        }
        let mut skipped = run.skipped;
        if let Some(r) = &redactor {
            for s in &mut skipped {
                s.excerpt = r.redact(&s.excerpt).into_owned();
            }
        }
        Ok(Analysis {
            ledger: Ledger {
                inputs: run.inputs,
                rows_read: run.rows_read,
                analysed: run.analysed_rows,
                skipped,
                non_answers: run.non_answers,
            },
            summary: run.aggregator.finish(&showing, options.min_group),
            experiences: Vec::new(),
            raw_text: options.raw_text,
            taxonomy: self.taxonomy.name().to_string(),
            quality: self.measured_quality(),
        })
    }
}

/// Opens every input, refusing a file given twice; a column the user named
/// must be in at least one of them.
fn open_inputs(inputs: &[PathBuf], options: &ReadOptions) -> Result<Vec<Box<dyn RowSource>>, Error> {
    let mut seen: Vec<(PathBuf, &PathBuf)> = Vec::new();
    let mut readers = Vec::with_capacity(inputs.len());
    for path in inputs {
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if let Some((_, first)) = seen.iter().find(|(r, _)| *r == real) {
            let (file, first) = (path.display().to_string(), first.display().to_string());
            return Err(Error::new(ErrorKind::DuplicateInput { file, first }));
        }
        seen.push((real, path));
        readers.push(open_input(path, options)?);
    }
    let c = &options.columns;
    let named = options.text_columns.iter().chain([&c.role, &c.location, &c.date, &c.sector].into_iter().flatten());
    for column in named {
        let found = |r: &dyn RowSource| crate::ingest::columns::find_named(&r.columns().all, column).is_some();
        if let Some(first) = readers.first().filter(|_| !readers.iter().any(|r| found(r.as_ref()))) {
            return Err(Error::new(ErrorKind::MissingColumn {
                file: first.file().to_string(),
                line: Some(first.columns().header_line).filter(|&l| l > 0),
                column: column.clone(),
                columns: first.columns().all.clone(),
            }));
        }
    }
    Ok(readers)
}

struct Run {
    inputs: Vec<InputInfo>,
    non_answers: Vec<(Arc<str>, u64)>,
    aggregator: Aggregator,
    skipped: Vec<Skipped>,
    rows_read: u64,
    analysed_rows: u64,
    last_row: Option<(Arc<str>, u64)>,
}

/// One analysed batch: the experiences, their results, the rows skipped
/// while reading it.
struct Analysed {
    batch: Vec<Experience>,
    results: Vec<(Assignment, Judgement, ExperienceResult)>,
    skipped: Vec<Skipped>,
}

impl Run {
    /// Counts and aggregates one analysed batch and hands its results to
    /// `sink`.
    fn absorb(
        &mut self,
        done: Analysed,
        sink: &mut dyn FnMut(Vec<ExperienceResult>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let Analysed { batch, results, skipped } = done;
        let mut out = Vec::with_capacity(results.len());
        for (mut e, (a, j, mut r)) in batch.into_iter().zip(results) {
            // Several answers of one row count as one analysed row.
            let row = (e.file.clone(), e.row);
            if self.last_row.as_ref() != Some(&row) {
                self.analysed_rows += 1;
                self.last_row = Some(row);
            }
            self.aggregator.add(&e, &a, &j);
            // The metadata moves on with the result: nothing is copied.
            r.meta = std::mem::take(&mut e.meta);
            out.push(r);
        }
        self.skipped.extend(skipped);
        sink(out)
    }
}

/// Runs `f` with this thread's reusable token buffer.
fn with_tokens<R>(f: impl FnOnce(&mut Vec<Token>) -> R) -> R {
    thread_local! {
        static TOKENS: std::cell::RefCell<Vec<Token>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TOKENS.with_borrow_mut(f)
}
