//! Assign themes to a few experiences and show the evidence.
//!
//! Run: `cargo run --example analyse_text`

use leefwereld::{Engine, Taxonomy};

fn main() -> Result<(), leefwereld::Error> {
    let engine = Engine::new(Taxonomy::default())?;
    let texts = [
        "Sinds de inbraak in de berging slaapt ze met het licht aan.",
        "De soep was weer lauw en het avondeten is om half vijf.",
        "Ze praten over mijn hoofd heen tegen mijn dochter.",
        "De parkeerplaats is altijd vol.",
    ];
    for text in texts {
        let a = engine.assign(text);
        println!("{text}");
        if a.is_overig() {
            println!("  -> {}", leefwereld::theme::OVERIG);
        }
        for hit in &a.themes {
            let words: Vec<&str> = hit.evidence_text(text).collect();
            println!("  -> {} [{}] (score {}): {}", hit.label(), hit.id(), hit.score, words.join(", "));
        }
    }
    Ok(())
}
