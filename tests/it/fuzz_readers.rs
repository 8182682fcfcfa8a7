//! Arbitrary bytes into the readers and the text pipeline: never a panic,
//! and whatever is read is accounted for (rows read = analysed + skipped).

use std::collections::BTreeSet;

use leefwereld::ReadOptions;
use leefwereld::analysis::Analyzer;
use leefwereld::ingest::{CsvReader, JsonlReader, RowSource};
use proptest::prelude::*;

fn drain(mut r: impl RowSource) -> Result<(), TestCaseError> {
    let (mut out, mut skipped) = (Vec::new(), Vec::new());
    loop {
        match r.read_batch(7, &mut out, &mut skipped) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(!msg.is_empty());
                return Ok(());
            }
        }
    }
    let analysed: BTreeSet<u64> = out.iter().map(|e| e.row).collect();
    prop_assert_eq!(r.rows_read(), analysed.len() as u64 + skipped.len() as u64);
    Ok(())
}

/// Bytes that look a little like CSV: delimiters, quotes, line ends, high
/// bytes, NUL, and words.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b";".to_vec()),
        Just(b",".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\t".to_vec()),
        Just(vec![0xE9]),
        Just(vec![0xC3, 0xA9]),
        Just(vec![0]),
        Just(vec![0xFF, 0xFE]),
        Just(b"ervaring".to_vec()),
        Just(b"soep".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..6),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Text with what the redactor looks for: titles, particles, names, digits,
/// capitals, sentence ends, non-ASCII letters.
fn redactable() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("zuster ".to_string()),
        Just("mw. ".to_string()),
        Just("meneer van der ".to_string()),
        Just("mijn dochter ".to_string()),
        Just("Anja ".to_string()),
        Just("Roos zegt ".to_string()),
        Just("de Vries".to_string()),
        Just("Özlem".to_string()),
        Just("A. ".to_string()),
        Just("06-1234 5678".to_string()),
        Just("1234 AB".to_string()),
        Just("Dorpsstraat 12a".to_string()),
        Just("12 mei jarig".to_string()),
        Just(" is 87 jaar".to_string()),
        Just("De Linde".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("'".to_string()),
        Just("-".to_string()),
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn csv_reader_never_panics_and_accounts_for_every_row(data in csvish()) {
        let header: &[u8] = b"id;ervaring\n";
        for bytes in [data.clone(), [header, &data].concat()] {
            if let Ok(r) = CsvReader::from_reader("f.csv", std::io::Cursor::new(bytes), &ReadOptions::default()) {
                drain(r)?;
            }
        }
    }

    #[test]
    fn jsonl_reader_never_panics_and_accounts_for_every_row(data in csvish()) {
        if let Ok(r) = JsonlReader::from_reader("f.jsonl", std::io::Cursor::new(data), &ReadOptions::default()) {
            drain(r)?;
        }
    }

    #[test]
    fn redactor_never_panics_and_its_spans_are_sound(text in redactable()) {
        static REDACTOR: std::sync::LazyLock<leefwereld::Redactor> =
            std::sync::LazyLock::new(|| leefwereld::Redactor::new().with_names(["Roos"]).with_never_redact(["De Linde"]));
        let spans = REDACTOR.find(&text);
        let mut at = 0;
        for s in &spans {
            prop_assert!(at <= s.start && s.start < s.end && s.end <= text.len(), "{:?} in {:?}", spans, text);
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            at = s.end;
        }
        let redacted = REDACTOR.redact(&text);
        prop_assert_eq!(spans.is_empty(), redacted == text);
    }

    #[test]
    fn analyzer_never_panics_on_any_text(text in "\\PC{0,80}") {
        static ANALYZER: std::sync::LazyLock<Analyzer> = std::sync::LazyLock::new(Analyzer::new);
        let tokens = ANALYZER.analyse(&text);
        for t in tokens {
            prop_assert!(t.text(&text).chars().count() as u32 == t.span.char_end - t.span.char_start);
        }
    }
}

/// Found by cargo-fuzz: rows ended by a bare `\r` got the same line number,
/// and the engine, which grouped a row's answers by line, counted two rows
/// as one: the ledger did not add up.
#[test]
fn regression_bare_cr_rows_kept_apart_in_the_ledger() {
    let data: &[u8] = b"feedback\n\n\n\xc4\x11\xf7\n\r;\r\r\r\r\x01 \xbc;\x01\x01 \xbd;\x01\x02\x06";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.csv");
    std::fs::write(&path, data).unwrap();
    let engine = leefwereld::Engine::new(leefwereld::Taxonomy::default()).unwrap();
    let a = engine.analyse_files(&[path], &Default::default(), &leefwereld::NoProgress).unwrap();
    assert!(a.ledger.adds_up(), "{:?}", a.ledger);
    std::fs::write(dir.path().join("cr.csv"), "ervaring\rsoep\rthee\r").unwrap();
    let a = engine.analyse_files(&[dir.path().join("cr.csv")], &Default::default(), &leefwereld::NoProgress).unwrap();
    let lines: Vec<u64> = a.experiences.iter().map(|e| e.line).collect();
    assert_eq!((a.ledger.analysed, lines), (2, vec![2, 3]));
}
