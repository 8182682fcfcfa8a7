//! `leefwereld evaluate`: tables for people, one JSON object for scripts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use leefwereld::evaluate::{
    CueScores, Evaluation, Method, PiiScores, SentimentScores, ThemeScores, evaluate, evaluate_cues, evaluate_pii,
    evaluate_predictions, read_gold, read_predictions,
};
use leefwereld::theme::OVERIG;
use serde_json::{Map, Value, json};

use super::{EvaluateArgs, load_taxonomy};

pub fn run(args: EvaluateArgs) -> Result<ExitCode> {
    let taxonomy = load_taxonomy(args.taxonomy.as_deref())?;
    let gold = read_gold(&args.gold, &taxonomy)?;
    let methods = match &args.method {
        Some(m) => vec![Method::parse(m).ok_or_else(|| anyhow!("unknown method '{m}': choose lexicon or keyword"))?],
        None if args.predictions.is_some() => vec![Method::Keyword],
        None => vec![Method::Lexicon, Method::Keyword],
    };
    // The default assigner's engine, built once: for its scores, its cues and
    // its redactor. A predictions file needs none of them (it says nothing
    // about personal data, and `--cues` and `--method` conflict with it).
    let lexicon = match &args.predictions {
        Some(_) => None,
        None => Some(Method::Lexicon.engine(&taxonomy)?),
    };
    let mut evals = Vec::new();
    if let Some(path) = &args.predictions {
        let predicted = read_predictions(path, &taxonomy, &gold)?;
        evals.push(evaluate_predictions(&taxonomy, &gold, &predicted));
    }
    for m in methods {
        let e = match (m, &lexicon) {
            (Method::Lexicon, Some(engine)) => evaluate(engine, m, &gold),
            _ => evaluate(&m.engine(&taxonomy)?, m, &gold),
        };
        evals.push(e);
    }
    // The redactor exactly as `analyse` builds it (with no user lists).
    let pii = lexicon.as_ref().and_then(|engine| evaluate_pii(&engine.redactor(&Default::default()), &gold));
    let cues = match (&lexicon, args.cues) {
        (Some(engine), true) => Some(evaluate_cues(engine, &gold)),
        _ => None,
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut main = to_json(&evals[0]);
        if let Some(path) = &args.predictions {
            main.insert("predictions".into(), json!(path.display().to_string()));
        }
        if let Some(base) = evals.get(1) {
            main.insert("baseline".into(), Value::Object(to_json(base)));
        }
        if let Some(p) = &pii {
            let per_kind: Map<String, Value> = p
                .per_kind
                .iter()
                .map(|k| {
                    (
                        k.kind.clone(),
                        json!({"recall": r4(k.recall), "precision": r4(k.precision), "support": k.support}),
                    )
                })
                .collect();
            main.insert(
                "pii".into(),
                json!({"n": p.n, "recall": r4(p.recall), "precision": r4(p.precision), "per_kind": per_kind}),
            );
        }
        if let Some(cues) = &cues {
            let list: Vec<Value> = cues
                .iter()
                .map(|c| {
                    json!({"theme": c.theme, "cue": c.cue, "true_positives": c.true_positives,
                           "false_positives": c.false_positives})
                })
                .collect();
            main.insert("cues".into(), Value::Array(list));
        }
        serde_json::to_writer_pretty(&mut out, &Value::Object(main))?;
        writeln!(out)?;
    } else {
        tables(&mut out, &args.gold.display().to_string(), &evals)?;
        if let Some(s) = &evals[0].sentiment {
            sentiment_table(&mut out, s)?;
        }
        if let Some(p) = &pii {
            pii_table(&mut out, p)?;
        }
        if let Some(cues) = &cues {
            cue_table(&mut out, cues)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn r4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn to_json(e: &Evaluation) -> Map<String, Value> {
    let t = &e.themes;
    let per_theme: Map<String, Value> = t
        .per_theme
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                json!({"precision": r4(c.precision), "recall": r4(c.recall), "f1": r4(c.f1), "support": c.support}),
            )
        })
        .collect();
    let confusions: Vec<Value> = t
        .confusions
        .iter()
        .take(20)
        .map(|c| json!({"gold": c.gold, "predicted": c.predicted, "count": c.count}))
        .collect();
    let mut m = Map::new();
    m.insert("n".into(), json!(t.n));
    m.insert("method".into(), json!(e.method.name()));
    m.insert(
        "themes".into(),
        json!({
            "micro_precision": r4(t.micro_precision), "micro_recall": r4(t.micro_recall), "micro_f1": r4(t.micro_f1),
            "macro_precision": r4(t.macro_precision), "macro_recall": r4(t.macro_recall), "macro_f1": r4(t.macro_f1),
            "exact_match": r4(t.exact_match), "hamming_loss": r4(t.hamming_loss),
            "macro_f1_ci": [r4(e.intervals.macro_f1.0), r4(e.intervals.macro_f1.1)],
            "micro_f1_ci": [r4(e.intervals.micro_f1.0), r4(e.intervals.micro_f1.1)],
            "per_theme": per_theme, "confusions": confusions,
        }),
    );
    if let Some(s) = &e.sentiment {
        let per_class: Map<String, Value> = s
            .per_class
            .iter()
            .map(|(c, p, r, f, n)| {
                (c.id().to_string(), json!({"precision": r4(*p), "recall": r4(*r), "f1": r4(*f), "support": n}))
            })
            .collect();
        m.insert(
            "sentiment".into(),
            json!({
                "n": s.n, "accuracy": r4(s.accuracy), "macro_f1": r4(s.macro_f1), "per_class": per_class,
                "confusion": s.confusion, "theme_n": s.theme_n, "per_theme_accuracy": r4(s.per_theme_accuracy),
                "mixed_theme_n": s.mixed_theme_n, "mixed_theme_accuracy": r4(s.mixed_theme_accuracy),
            }),
        );
    }
    m
}

fn sentiment_table(out: &mut impl Write, s: &SentimentScores) -> Result<()> {
    writeln!(out, "\nsentiment ({} experiences), four classes:", s.n)?;
    writeln!(out, "{:<26} | {:>9} {:>9} {:>9} | {:>7}", "class", "precision", "recall", "F1", "support")?;
    for (c, p, r, f, n) in &s.per_class {
        writeln!(out, "{:<26} | {p:>9.3} {r:>9.3} {f:>9.3} | {n:>7}", c.id())?;
    }
    writeln!(out, "accuracy {:.3}, macro-F1 {:.3}", s.accuracy, s.macro_f1)?;
    writeln!(
        out,
        "per theme: accuracy {:.3} on {} (experience, theme) pairs whose theme was found; {:.3} on the {} in experiences whose themes differ",
        s.per_theme_accuracy, s.theme_n, s.mixed_theme_accuracy, s.mixed_theme_n
    )?;
    write!(out, "confusion (gold rows, predicted columns):")?;
    for (i, row) in s.confusion.iter().enumerate() {
        write!(out, "\n  {:<9}", leefwereld::Sentiment::ALL[i].id())?;
        for n in row {
            write!(out, " {n:>5}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// The cues behind the most wrong themes, and how often they were right.
fn cue_table(out: &mut impl Write, cues: &[CueScores]) -> Result<()> {
    let wrong = cues.iter().filter(|c| c.false_positives > 0).count();
    writeln!(out, "\ncues behind wrong themes (lexicon; {wrong} of {} cues that counted), worst first:", cues.len())?;
    writeln!(out, "{:<26} | {:<32} | {:>5} {:>5}", "theme", "cue", "wrong", "right")?;
    for c in cues.iter().filter(|c| c.false_positives > 0).take(40) {
        writeln!(out, "{:<26} | {:<32} | {:>5} {:>5}", c.theme, c.cue, c.false_positives, c.true_positives)?;
    }
    Ok(())
}

fn pii_table(out: &mut impl Write, p: &PiiScores) -> Result<()> {
    writeln!(out, "\npersonal data ({} experiences with pii annotations), on character overlap:", p.n)?;
    writeln!(out, "{:<26} | {:>9} {:>9} | {:>7}", "kind", "recall", "precision", "chars")?;
    for k in &p.per_kind {
        writeln!(out, "{:<26} | {:>9.3} {:>9.3} | {:>7}", k.kind, k.recall, k.precision, k.support)?;
    }
    writeln!(out, "{:<26} | {:>9.3} {:>9.3} |", "all", p.recall, p.precision)?;
    Ok(())
}

fn tables(out: &mut impl Write, gold: &str, evals: &[Evaluation]) -> Result<()> {
    let first = &evals[0].themes;
    writeln!(out, "gold: {gold}, {} experiences\n", first.n)?;
    write!(out, "{:<26}", "")?;
    for e in evals {
        let name = if e.method == Method::Keyword { "keyword (baseline)" } else { e.method.name() };
        write!(out, " | {name:<20}")?;
    }
    writeln!(out, " |")?;
    write!(out, "{:<26}", "theme")?;
    for _ in evals {
        write!(out, " | {:>6} {:>6} {:>6}", "P", "R", "F1")?;
    }
    writeln!(out, " | support")?;
    for (i, c) in first.per_theme.iter().enumerate() {
        write!(out, "{:<26}", c.id)?;
        for e in evals {
            let c = &e.themes.per_theme[i];
            write!(out, " | {:>6.3} {:>6.3} {:>6.3}", c.precision, c.recall, c.f1)?;
        }
        writeln!(out, " | {:>7}", c.support)?;
    }
    let row = |out: &mut dyn Write, name: &str, f: &dyn Fn(&ThemeScores) -> (f64, f64, f64)| -> Result<()> {
        write!(out, "{name:<26}")?;
        for e in evals {
            let (p, r, f1) = f(&e.themes);
            write!(out, " | {p:>6.3} {r:>6.3} {f1:>6.3}")?;
        }
        writeln!(out, " |")?;
        Ok(())
    };
    writeln!(out)?;
    row(out, "micro average", &|t| (t.micro_precision, t.micro_recall, t.micro_f1))?;
    row(out, "macro average", &|t| (t.macro_precision, t.macro_recall, t.macro_f1))?;
    write!(out, "{:<26}", "macro-F1, 95% interval")?;
    for e in evals {
        let (lo, hi) = e.intervals.macro_f1;
        write!(out, " | {:>20}", format!("{lo:.3}-{hi:.3}"))?;
    }
    writeln!(out, " |")?;
    write!(out, "{:<26}", "exact match / hamming loss")?;
    for e in evals {
        write!(out, " | {:>13.3} {:>6.3}", e.themes.exact_match, e.themes.hamming_loss)?;
    }
    writeln!(out, " |\n")?;
    writeln!(out, "most frequent confusions ({}): gold theme -> predicted instead", evals[0].method.name())?;
    for c in first.confusions.iter().take(12) {
        let note = if c.predicted == OVERIG {
            " (missed)"
        } else if c.gold == OVERIG {
            " (spurious)"
        } else {
            ""
        };
        writeln!(out, "  {:>4}  {} -> {}{note}", c.count, c.gold, c.predicted)?;
    }
    Ok(())
}
