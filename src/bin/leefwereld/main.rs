//! The `leefwereld` command: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use leefwereld::ingest::MetaColumnNames;
use leefwereld::ledger::ColumnMap;
use leefwereld::report::{JsonReportWriter, ThemesCsvWriter};
use leefwereld::{AnalyseOptions, Analysis, Engine, Format, Lang, Progress, ReadOptions, Taxonomy};

mod evaluate;

// mimalloc: the run allocates many small strings (ids, evidence) across threads;
// it cuts CPU time by about 15% over the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bundle Dutch client experiences into life-world themes, with evidence.
#[derive(Parser)]
#[command(name = "leefwereld", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse experiences in CSV files and write a report.
    Analyse(AnalyseArgs),
    /// Measure theme assignment against a gold-labelled JSON Lines file.
    Evaluate(EvaluateArgs),
    /// Show the taxonomy in use, or export the default one as TOML.
    Taxonomy(TaxonomyArgs),
    /// Write a copy of an input file with personal data replaced, for sharing.
    Redact(RedactArgs),
}

/// Where the redactor takes user lists from (analyse and redact).
#[derive(Args)]
struct PrivacyArgs {
    /// A file of names to redact wherever they appear, in any case, one name
    /// or full name per line (lines starting with # are comments).
    #[arg(long, value_name = "FILE")]
    names: Option<PathBuf>,
    /// A file of words and phrases never to redact, one per line: the name of
    /// a ward, a helpline number.
    #[arg(long, value_name = "FILE")]
    never_redact: Option<PathBuf>,
}

impl PrivacyArgs {
    fn lists(&self) -> Result<(Vec<String>, Vec<String>)> {
        let read = |path: &Option<PathBuf>| -> Result<Vec<String>> {
            let Some(path) = path else { return Ok(Vec::new()) };
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect())
        };
        Ok((read(&self.names)?, read(&self.never_redact)?))
    }
}

#[derive(Args)]
struct RedactArgs {
    /// Input file: CSV or TSV (delimiter and encoding detected), JSON Lines, or a
    /// spreadsheet (.xlsx, .xls, .ods; the copy is .xlsx).
    #[arg(value_name = "INPUT")]
    input: PathBuf,
    /// The redacted copy to write: same format, encoding and delimiter.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Column with the experiences (repeatable); found by name by default.
    #[arg(long = "text-column", value_name = "NAME")]
    text_columns: Vec<String>,
    /// Input encoding (utf-8, windows-1252, utf-16le, ...); detected by default.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// The sheet of a spreadsheet input; the first by default. The copy holds
    /// that sheet only.
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The row (line) of the header, for exports with title rows above it;
    /// found as `analyse` finds it by default.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    header_row: Option<u64>,
    #[command(flatten)]
    privacy: PrivacyArgs,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct EvaluateArgs {
    /// Gold file: JSON Lines with id, text, themes (see the README).
    #[arg(value_name = "GOLD")]
    gold: PathBuf,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    json: bool,
    /// Evaluate one method only: lexicon (the default assigner) or keyword
    /// (the baseline). Without it, both are measured side by side.
    #[arg(long, value_name = "METHOD")]
    method: Option<String>,
    /// A taxonomy TOML file instead of the default taxonomy.
    #[arg(long, value_name = "FILE")]
    taxonomy: Option<PathBuf>,
    /// Measure themes from a file instead of a method: JSON Lines with id and
    /// themes for every gold experience (another tool's output, a second
    /// annotator's labels). Shown beside the keyword baseline.
    #[arg(long, value_name = "FILE", conflicts_with = "method")]
    predictions: Option<PathBuf>,
    /// Also list, per cue of the default assigner, in how many experiences it
    /// stood behind a right and a wrong theme (worst first): what to look at
    /// when tuning a taxonomy on labelled data.
    #[arg(long, conflicts_with = "predictions")]
    cues: bool,
}

#[derive(Args)]
struct AnalyseArgs {
    /// Input files: CSV or TSV (delimiter and encoding detected), JSON Lines
    /// (.jsonl), spreadsheets (.xlsx, .xls, .ods).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Directory to write the report into.
    #[arg(long, value_name = "DIR", default_value = "leefwereld-rapport")]
    out: PathBuf,
    /// Column with the experiences (repeatable, each a question); by default
    /// a column named ervaring, tekst, opmerking, toelichting, antwoord,
    /// verhaal, text or comment, else every column that holds free text.
    #[arg(long = "text-column", value_name = "NAME")]
    text_columns: Vec<String>,
    /// A taxonomy TOML file instead of the default taxonomy.
    #[arg(long, value_name = "FILE")]
    taxonomy: Option<PathBuf>,
    /// Report formats, comma-separated: md (report.md), html (report.html),
    /// json (report.json), csv (themes.csv).
    #[arg(long, value_name = "LIST", value_delimiter = ',', default_value = "md,html,json,csv")]
    format: Vec<String>,
    /// Language of report.md and report.html: nl (Dutch) or en (English).
    /// Quotes stay as written; report.json and themes.csv do not change.
    #[arg(long, value_name = "nl|en", default_value = "nl")]
    lang: String,
    /// Show texts as written, personal data included (reports say so at the top).
    #[arg(long)]
    raw_text: bool,
    /// Exit with an error if any row was skipped.
    #[arg(long)]
    strict: bool,
    /// Input encoding (utf-8, windows-1252, utf-16le, ...); detected by default.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// The sheet of a spreadsheet input (.xlsx, .xls, .ods); the first by default.
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The row (line) of the header, for exports with title rows above it;
    /// by default the first line of a CSV file, and in a spreadsheet the
    /// first row that looks like a header.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    header_row: Option<u64>,
    /// Column with who wrote it (mapped to client / naaste / medewerker);
    /// found by name (rol, relatie, ik ben, ingevuld door, ...) by default.
    #[arg(long, value_name = "NAME")]
    role_column: Option<String>,
    /// Column with the location (locatie, afdeling, team, ... by default).
    #[arg(long, value_name = "NAME")]
    location_column: Option<String>,
    /// Column with the date (datum, ingevuld op, ... by default).
    #[arg(long, value_name = "NAME")]
    date_column: Option<String>,
    /// Column with the sector (sector, zorgsoort, ... by default).
    #[arg(long, value_name = "NAME")]
    sector_column: Option<String>,
    /// Skip texts longer than this many bytes (reported in the ledger).
    #[arg(long, value_name = "N", default_value_t = 1 << 20)]
    max_text_bytes: usize,
    /// Breakdowns (by location, role, sector, period, question) merge groups
    /// of fewer experiences than this, show them as "< N" and quote none of
    /// their texts; report.json leaves their values out per experience. At
    /// least 2.
    #[arg(long, value_name = "N", default_value_t = leefwereld::aggregate::DEFAULT_MIN_GROUP)]
    min_group: u64,
    #[command(flatten)]
    privacy: PrivacyArgs,
    /// Print nothing but errors; no progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct TaxonomyArgs {
    /// Write the default taxonomy as TOML to FILE, to start your own from.
    #[arg(long, value_name = "FILE")]
    export: Option<PathBuf>,
    /// Show this taxonomy file instead of the default one.
    #[arg(long, value_name = "FILE")]
    taxonomy: Option<PathBuf>,
    /// Check the cues instead of showing them: cues that count fully in two
    /// themes (unless listed under `shared`), and cues that match the same
    /// words (after stemming) as another cue of their theme. Prints nothing
    /// but its summary for the default taxonomy.
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyse(args) => analyse(args),
        Command::Evaluate(args) => evaluate::run(args),
        Command::Taxonomy(args) => taxonomy(args),
        Command::Redact(args) => redact(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("leefwereld: error: {}", message(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each cause once: a cause that the
/// message already shows ("a.csv: No such file or directory (os error 2)")
/// is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain().map(|c| c.to_string()) {
        if out.is_empty() {
            out = cause;
        } else if !out.contains(&cause) {
            out = format!("{out}: {cause}");
        }
    }
    out
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

fn load_taxonomy(path: Option<&Path>) -> Result<Taxonomy> {
    Ok(match path {
        Some(p) => Taxonomy::from_path(p)?,
        None => Taxonomy::default(),
    })
}

/// Draws a progress bar on stderr from the library's progress reports, and
/// shows which column of each input became what (unless quiet).
struct Bar(ProgressBar, bool);

impl Progress for Bar {
    fn input(&self, info: &leefwereld::ledger::InputInfo) {
        if self.1 {
            return;
        }
        let c = &info.columns;
        let header = if c.header_line > 1 { format!(" (header on line {})", c.header_line) } else { String::new() };
        self.0.suspend(|| eprintln!("leefwereld: {}{header}: {c}", info.file));
    }
    fn start(&self, total_bytes: u64) {
        self.0.set_length(total_bytes);
    }
    fn advance(&self, done_bytes: u64) {
        self.0.set_position(done_bytes);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// A progress bar that also keeps the inputs' columns, for themes.csv.
struct Recording {
    bar: Bar,
    columns: std::sync::Mutex<Vec<ColumnMap>>,
}

impl Progress for Recording {
    fn input(&self, info: &leefwereld::ledger::InputInfo) {
        if let Ok(mut c) = self.columns.lock() {
            c.push(info.columns.clone());
        }
        self.bar.input(info);
    }
    fn start(&self, total_bytes: u64) {
        self.bar.start(total_bytes);
    }
    fn advance(&self, done_bytes: u64) {
        self.bar.advance(done_bytes);
    }
    fn finish(&self) {
        self.bar.finish();
    }
}

fn progress_bar(quiet: bool, doing: &str) -> Bar {
    if quiet || !std::io::stderr().is_terminal() {
        return Bar(ProgressBar::hidden(), quiet);
    }
    let bar = ProgressBar::new(0);
    let template = format!("{{spinner}} {doing} [{{bar:40}}] {{bytes}}/{{total_bytes}} ({{eta}})");
    let style = ProgressStyle::with_template(&template)
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Bar(bar, quiet)
}

fn analyse(args: AnalyseArgs) -> Result<ExitCode> {
    if args.min_group < 2 {
        bail!(
            "--min-group {} is too small: a group of one is one person, whom a breakdown would point out; use 2 or \
             more (the default is {})",
            args.min_group,
            leefwereld::aggregate::DEFAULT_MIN_GROUP
        );
    }
    let Some(lang) = Lang::parse(&args.lang) else {
        bail!("unknown language '{}': choose nl or en", args.lang);
    };
    let mut formats = Vec::new();
    for f in &args.format {
        match Format::parse(f) {
            Some(f) if !formats.contains(&f) => formats.push(f),
            Some(_) => {}
            None => bail!("unknown format '{f}': choose from md, html, json, csv"),
        }
    }
    let engine = Engine::new(load_taxonomy(args.taxonomy.as_deref())?)?;
    let (names, never_redact) = args.privacy.lists()?;
    let options = AnalyseOptions {
        read: ReadOptions {
            text_columns: args.text_columns.clone(),
            encoding: args.encoding.clone(),
            sheet: args.sheet.clone(),
            header_row: args.header_row,
            max_text_bytes: args.max_text_bytes,
            columns: MetaColumnNames {
                role: args.role_column.clone(),
                location: args.location_column.clone(),
                date: args.date_column.clone(),
                sector: args.sector_column.clone(),
            },
        },
        raw_text: args.raw_text,
        names,
        never_redact,
        min_group: args.min_group,
        // Whole texts are redacted for themes.csv only.
        texts: formats.contains(&Format::Csv),
        ..AnalyseOptions::default()
    };
    let bar = Recording { bar: progress_bar(args.quiet, "analyseren"), columns: Default::default() };
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    // report.json is written while the analysis runs (nothing per experience
    // is kept in memory), into a temporary name that becomes report.json only
    // when the run succeeded.
    let json_path = args.out.join(Format::Json.file_name());
    let partial = args.out.join("report.json.partial");
    let mut json_file = match formats.contains(&Format::Json) {
        true => Some(std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(&partial).with_context(|| format!("cannot write {}", partial.display()))?,
        )),
        false => None,
    };
    let mut json = match json_file.as_mut() {
        Some(f) => Some(
            JsonReportWriter::begin(f, engine.taxonomy().name(), args.raw_text)?
                .min_group(args.min_group)
                .inputs(args.inputs.iter().map(|p| p.display().to_string())),
        ),
        None => None,
    };
    // themes.csv likewise.
    let csv_path = args.out.join(Format::Csv.file_name());
    let csv_partial = args.out.join("themes.csv.partial");
    let mut csv_file = match formats.contains(&Format::Csv) {
        true => Some(std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(&csv_partial).with_context(|| format!("cannot write {}", csv_partial.display()))?,
        )),
        false => None,
    };
    let mut csv = csv_file.as_mut().map(|f| ThemesCsvWriter::new(f, engine.taxonomy()).min_group(args.min_group));
    let result = engine.analyse_files_streaming(&args.inputs, &options, &bar, &mut |batch| {
        if let Some(w) = json.as_mut() {
            w.experiences(&batch).map_err(|e| leefwereld::Error::from_io(&partial, e))?;
        }
        if let Some(w) = csv.as_mut() {
            // Every input is open before the first batch: its columns are known.
            let maps = bar.columns.lock().map(|mut c| std::mem::take(&mut *c)).unwrap_or_default();
            w.add_columns(maps.iter());
            w.experiences(&batch).map_err(|e| leefwereld::Error::from_io(&csv_partial, e))?;
        }
        Ok(())
    });
    let remove_partial = |json_file, csv_file| {
        // Closed before they are removed.
        drop((json_file, csv_file));
        let _ = std::fs::remove_file(&partial);
        let _ = std::fs::remove_file(&csv_partial);
    };
    let analysis = match result {
        Ok(a) => a,
        Err(e) => {
            drop((json, csv));
            remove_partial(json_file, csv_file);
            return Err(e.into());
        }
    };
    let skipped = analysis.ledger.skipped.len();
    if args.strict && skipped > 0 {
        // --strict: no report from a run that skipped rows.
        drop((json, csv));
        remove_partial(json_file, csv_file);
        if !args.quiet {
            print_summary(&analysis, &[])?;
        }
        bail!("{skipped} rows were skipped (--strict); no report was written");
    }
    let mut written = Vec::new();
    if let Some(w) = json.take() {
        w.finish(&analysis).with_context(|| format!("cannot write {}", partial.display()))?;
    }
    if let Some(mut f) = json_file.take() {
        let close = || -> std::io::Result<()> {
            f.flush()?;
            drop(f);
            std::fs::rename(&partial, &json_path)
        };
        close().with_context(|| format!("cannot write {}", json_path.display()))?;
        written.push(json_path);
    }
    if let Some(w) = csv.take() {
        w.finish().with_context(|| format!("cannot write {}", csv_partial.display()))?;
    }
    if let Some(mut f) = csv_file.take() {
        let close = || -> std::io::Result<()> {
            f.flush()?;
            drop(f);
            std::fs::rename(&csv_partial, &csv_path)
        };
        close().with_context(|| format!("cannot write {}", csv_path.display()))?;
        written.push(csv_path);
    }
    for f in formats.iter().filter(|f| !matches!(f, Format::Json | Format::Csv)) {
        let path = args.out.join(f.file_name());
        let write = || -> std::io::Result<()> {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
            f.write_in(&analysis, lang, &mut file)?;
            file.flush()
        };
        write().with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    if !args.quiet {
        print_summary(&analysis, &written)?;
    }
    // The process ends here: let the OS reclaim the results instead of
    // freeing millions of small allocations one by one.
    std::mem::forget(analysis);
    Ok(ExitCode::SUCCESS)
}

fn print_summary(a: &Analysis, written: &[PathBuf]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let l = &a.ledger;
    writeln!(out, "{} rows read: {} analysed, {} skipped", l.rows_read, l.analysed, l.skipped.len())?;
    if l.inputs.len() > 1 || l.inputs.iter().any(|i| i.encoding != "UTF-8") {
        for i in &l.inputs {
            writeln!(out, "  {}: {} rows ({})", i.file, i.rows_read, i.encoding)?;
        }
    }
    for s in l.skipped.iter().take(5) {
        writeln!(out, "  skipped {}:{}: {}", s.file, s.line, s.reason)?;
    }
    if l.skipped.len() > 5 {
        writeln!(out, "  ... and {} more (see the report)", l.skipped.len() - 5)?;
    }
    writeln!(out, "\n  {:<32} {:>10} {:>8}", "theme", "experiences", "share")?;
    let mut themes: Vec<_> = a.summary.themes.iter().collect();
    let overig = themes.pop();
    themes.sort_by_key(|t| std::cmp::Reverse(t.count));
    for t in themes.into_iter().chain(overig) {
        writeln!(out, "  {:<32} {:>10} {:>7.1}%", t.label, t.count, t.share * 100.0)?;
    }
    writeln!(out)?;
    for p in written {
        writeln!(out, "wrote {}", p.display())?;
    }
    Ok(())
}

fn redact(args: RedactArgs) -> Result<ExitCode> {
    let engine = Engine::new(Taxonomy::default())?;
    let (names, never_redact) = args.privacy.lists()?;
    let options = AnalyseOptions {
        read: ReadOptions {
            text_columns: args.text_columns,
            encoding: args.encoding,
            sheet: args.sheet,
            header_row: args.header_row,
            ..ReadOptions::default()
        },
        names,
        never_redact,
        ..AnalyseOptions::default()
    };
    let bar = progress_bar(args.quiet, "redigeren");
    let summary =
        leefwereld::privacy::redact_file(&args.input, &args.out, &options.read, &engine.redactor(&options), &bar)?;
    if !args.quiet {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{} rows read: {} written, {} left out ({}, text in: {})",
            summary.rows_read,
            summary.rows_written,
            summary.skipped.len(),
            summary.encoding,
            summary.text_columns.join(", ")
        )?;
        for s in &summary.skipped {
            writeln!(out, "  left out {}:{}: {}", s.file, s.line, s.reason)?;
        }
        let total: u64 = summary.replaced.values().sum();
        let kinds: Vec<String> =
            summary.replaced.iter().map(|(k, n)| format!("{} {n}", k.placeholder().to_lowercase())).collect();
        let kinds = if kinds.is_empty() { String::new() } else { format!(": {}", kinds.join(", ")) };
        writeln!(out, "replaced {total} spans of personal data{kinds}")?;
        writeln!(out, "wrote {}", args.out.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn taxonomy(args: TaxonomyArgs) -> Result<ExitCode> {
    if let Some(path) = &args.export {
        std::fs::write(path, leefwereld::theme::DEFAULT_TAXONOMY_TOML)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote the default taxonomy to {}", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let tax = load_taxonomy(args.taxonomy.as_deref())?;
    let mut out = std::io::stdout().lock();
    if args.check {
        use leefwereld::theme::{IssueKind, check_taxonomy};
        let engine = Engine::new(tax)?;
        let issues = check_taxonomy(engine.taxonomy(), engine.analyzer());
        let count = |kind| issues.iter().filter(|i| i.kind == kind).count();
        for issue in &issues {
            writeln!(out, "{issue}")?;
        }
        writeln!(
            out,
            "taxonomy {}: {} cues count fully in two themes ({} more on purpose, listed under `shared`), {} add \
             nothing to their theme",
            engine.taxonomy().name(),
            count(IssueKind::Shared),
            engine.taxonomy().shared().len() - count(IssueKind::NotShared),
            count(IssueKind::Redundant)
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "taxonomy: {} ({} themes)\n", tax.name(), tax.themes().len())?;
    for t in tax.themes() {
        let examples: Vec<&str> = t.cues.iter().take(6).map(|c| c.text.as_str()).collect();
        writeln!(out, "{:<26} {} / {}", t.id, t.label, t.label_en)?;
        writeln!(out, "{:<26} {}", "", t.description)?;
        writeln!(out, "{:<26} {} cues, e.g. {}\n", "", t.cues.len(), examples.join(", "))?;
    }
    writeln!(out, "{:<26} no theme fits", leefwereld::theme::OVERIG)?;
    if !tax.ignored().is_empty() {
        writeln!(out, "\nnever evidence ({}): {}", tax.ignored().len(), tax.ignored().join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}
