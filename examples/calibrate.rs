//! Calibrates the assigner's settings on a tuning split of the gold data.
//!
//! Sweeps the threshold (and the weight of compound parts, the phrase gap,
//! the share of the best theme a theme needs) and prints the macro- and
//! micro-F1 for each setting. This is how the defaults in
//! `AssignerSettings::default()` were chosen. Never give it the test split:
//! figures on test are measured with `leefwereld evaluate
//! fixtures/gold/test.jsonl`.
//!
//! Run: `cargo run --release --example calibrate [-- GOLD [TAXONOMY.toml]]`
//! (default: `fixtures/gold/dev.jsonl` and the default taxonomy).

use leefwereld::evaluate::{Method, evaluate, read_gold};
use leefwereld::theme::AssignerSettings;
use leefwereld::{Engine, Taxonomy};

fn main() -> Result<(), leefwereld::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tax = match args.get(1) {
        Some(path) => Taxonomy::from_path(path.as_ref())?,
        None => Taxonomy::default(),
    };
    let gold = args.first().cloned().unwrap_or(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/gold/dev.jsonl").into());
    assert!(!gold.ends_with("test.jsonl"), "never calibrate on the test split");
    let dev = read_gold(gold.as_ref(), &tax)?;
    println!(
        "{:>9} {:>11} {:>7} {:>9} {:>8} {:>8}",
        "threshold", "part_factor", "max_gap", "min_share", "macro_f1", "micro_f1"
    );
    let mut best = (0.0, AssignerSettings::default());
    for (part_factor, max_gap, min_share) in [
        (0.75f32, 1, 0.0f32),
        (0.5, 1, 0.0),
        (1.0, 1, 0.0),
        (0.75, 2, 0.0),
        (0.75, 1, 0.15),
        (0.75, 1, 0.25),
        (0.75, 1, 0.35),
        (0.75, 1, 0.5),
    ] {
        for threshold in [0.75f32, 1.0, 1.25, 1.5, 2.0] {
            let settings =
                AssignerSettings { threshold, part_factor, max_gap, min_share, ..AssignerSettings::default() };
            let engine = Engine::with_settings(tax.clone(), settings.clone())?;
            let t = evaluate(&engine, Method::Lexicon, &dev).themes;
            println!(
                "{threshold:>9} {part_factor:>11} {max_gap:>7} {min_share:>9} {:>8.3} {:>8.3}",
                t.macro_f1, t.micro_f1
            );
            if t.macro_f1 > best.0 {
                best = (t.macro_f1, settings);
            }
        }
    }
    println!("best on {gold}: macro-F1 {:.3} with {:?}", best.0, best.1);
    Ok(())
}
