//! Experiences a program already holds, analysed without a file: the same
//! skips, themes, redaction and report as `leefwereld analyse` gives.
//!
//! Run: `cargo run --example analyse_memory`

use leefwereld::{AnalyseOptions, Engine, Experience, Format, Role, Taxonomy};

fn main() -> Result<(), leefwereld::Error> {
    let engine = Engine::new(Taxonomy::default())?;
    let answers = [
        ("E1", Role::Client, "De Linde", "Het avondeten is vaak lauw en ik mag niet zelf kiezen wanneer ik eet."),
        ("E2", Role::Naaste, "De Linde", "Mijn moeder drukt 's nachts op de alarmknop en dan duurt het lang."),
        ("E3", Role::Medewerker, "Het Baken", "Door het personeelstekort hebben we geen tijd voor een praatje."),
        ("E4", Role::Client, "Het Baken", "nvt"),
    ];
    let experiences = answers.iter().map(|&(id, role, location, text)| {
        Experience::new(id, text).with_role(role).with_location(location).with_question("Wat kan beter?")
    });
    let analysis = engine.analyse(experiences, &AnalyseOptions::default())?;
    println!(
        "{} read, {} analysed, {} skipped",
        analysis.ledger.rows_read,
        analysis.ledger.analysed,
        analysis.ledger.skipped.len()
    );
    for e in &analysis.experiences {
        let themes: Vec<&str> = e.themes.iter().map(|t| t.id.as_ref()).collect();
        println!("{}: {}", e.id, themes.join(", "));
    }
    print!("{}", String::from_utf8_lossy(&Format::Markdown.render(&analysis)));
    Ok(())
}
