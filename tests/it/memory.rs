//! The in-memory API (`Engine::analyse`) against the file path.

use leefwereld::ingest::CsvReader;
use leefwereld::ledger::SkipReason;
use leefwereld::{AnalyseOptions, Engine, Experience, NoProgress, ReadOptions, Role, Taxonomy};

use crate::fixture;

/// The example's rows, read as a program that holds them would have them.
fn example_rows() -> Vec<Experience> {
    let mut reader = CsvReader::open(&fixture("voorbeeld.csv"), &ReadOptions::default()).expect("fixture");
    let (mut rows, mut skipped) = (Vec::new(), Vec::new());
    while reader.read_batch(1024, &mut rows, &mut skipped).expect("reads") > 0 {}
    assert!(skipped.is_empty());
    rows
}

#[test]
fn memory_and_file_give_the_same_themes() {
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let options = AnalyseOptions::default();
    let file = engine.analyse_files(&[fixture("voorbeeld.csv")], &options, &NoProgress).unwrap();
    let memory = engine.analyse(example_rows(), &options).unwrap();
    assert_eq!(memory.ledger.rows_read, file.ledger.rows_read);
    assert_eq!(memory.ledger.analysed, file.ledger.analysed);
    let counts =
        |a: &leefwereld::Analysis| a.summary.themes.iter().map(|t| (t.id.clone(), t.count)).collect::<Vec<_>>();
    assert_eq!(counts(&memory), counts(&file));
    assert_eq!(memory.experiences, file.experiences);
}

#[test]
fn memory_skips_what_a_file_would_skip() {
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let experiences = vec![
        Experience::new("a", "Het eten is koud als het boven komt.").with_role(Role::Client),
        Experience::new("b", "   "),
        Experience::new("c", "n.v.t.").with_question("Wat kan beter?"),
        Experience::new("d", "Niemand heeft tijd om even te praten."),
    ];
    let analysis = engine.analyse(experiences, &AnalyseOptions::default()).unwrap();
    assert!(analysis.ledger.adds_up());
    assert_eq!((analysis.ledger.rows_read, analysis.ledger.analysed), (4, 2));
    let reasons: Vec<(u64, &SkipReason)> = analysis.ledger.skipped.iter().map(|s| (s.line, &s.reason)).collect();
    assert_eq!(reasons.len(), 2);
    assert_eq!(reasons[0], (2, &SkipReason::EmptyText));
    assert!(matches!(reasons[1], (3, SkipReason::NoContent { question }) if &**question == "Wat kan beter?"));
    assert_eq!(analysis.experiences.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "d"]);
}
