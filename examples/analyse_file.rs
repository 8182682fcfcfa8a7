//! Analyse a CSV file and print the theme table, as a library user would.
//!
//! Run: `cargo run --example analyse_file -- fixtures/voorbeeld.csv`

use leefwereld::{AnalyseOptions, Engine, NoProgress, Taxonomy};

fn main() -> Result<(), leefwereld::Error> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "fixtures/voorbeeld.csv".into());
    let engine = Engine::new(Taxonomy::default())?;
    let analysis = engine.analyse_files(&[path.into()], &AnalyseOptions::default(), &NoProgress)?;
    let l = &analysis.ledger;
    println!("{} rows: {} analysed, {} skipped", l.rows_read, l.analysed, l.skipped.len());
    for t in &analysis.summary.themes {
        println!("{:<28} {:>5} {:>6.1}%", t.label, t.count, t.share * 100.0);
    }
    Ok(())
}
