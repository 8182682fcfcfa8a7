//! Every file in `fixtures/ingest/` carries its expected result in
//! `<name>.expected.json`; this test reads each one and compares. Adding a
//! fixture (with `fixtures/ingest/make.py`) adds a test.

use std::collections::BTreeSet;

use leefwereld::ReadOptions;
use leefwereld::ingest::open_input;
use serde_json::Value;

#[test]
fn every_ingest_fixture_gives_its_expected_result() {
    let dir = crate::fixture("ingest");
    let mut checked = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".expected.json") || name.ends_with(".py") {
            continue;
        }
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap()).unwrap();
        let text_columns = expected["text_columns"]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        let options =
            ReadOptions { text_columns, header_row: expected["header_row"].as_u64(), ..ReadOptions::default() };
        let result = open_input(&path, &options).and_then(|mut r| {
            let (mut out, mut skipped) = (Vec::new(), Vec::new());
            while r.read_batch(3, &mut out, &mut skipped)? > 0 {}
            Ok((r.encoding(), r.rows_read(), out, skipped, r.columns().clone(), r.non_answers()))
        });
        match (expected["error"].as_str(), result) {
            (Some(want), Err(e)) => assert!(e.to_string().contains(want), "{name}: error {e} lacks '{want}'"),
            (Some(want), Ok(_)) => panic!("{name}: expected the error '{want}'"),
            (None, Err(e)) => panic!("{name}: {e}"),
            (None, Ok((encoding, rows_read, out, skipped, columns, non_answers))) => {
                assert_eq!(encoding, expected["encoding"], "{name}: encoding");
                assert_eq!(rows_read, expected["rows_read"], "{name}: rows read");
                let analysed: BTreeSet<u64> = out.iter().map(|e| e.row).collect();
                assert_eq!(analysed.len() as u64, expected["analysed"], "{name}: analysed rows");
                assert_eq!(rows_read, analysed.len() as u64 + skipped.len() as u64, "{name}: the ledger adds up");
                assert_eq!(out.len() as u64, expected["experiences"], "{name}: experiences");
                let got: Vec<Value> = skipped.iter().map(|s| serde_json::json!([s.line, s.reason.code()])).collect();
                assert_eq!(Value::Array(got), expected["skipped"], "{name}: skipped");
                if let Some(snippet) = expected["contains"].as_str() {
                    assert!(out.iter().any(|e| e.text.contains(snippet)), "{name}: no text contains '{snippet}'");
                }
                if let Some(want) = expected["columns"].as_object() {
                    let got = serde_json::json!({
                        "text": columns.text, "text_by_content": columns.text_by_content, "id": columns.id,
                        "role": columns.role, "location": columns.location, "date": columns.date,
                        "sector": columns.sector,
                    });
                    for (kind, value) in want {
                        assert_eq!(&got[kind], value, "{name}: the {kind} column");
                    }
                }
                if let Some(want) = expected["meta"].as_array() {
                    let got: Vec<&str> = out[0].meta.iter().map(|(k, _)| &**k).collect();
                    assert_eq!(serde_json::json!(got), Value::Array(want.clone()), "{name}: metadata kept");
                }
                if let Some(want) = expected["non_answers"].as_object() {
                    let got: serde_json::Map<String, Value> =
                        non_answers.iter().map(|(q, n)| (q.to_string(), serde_json::json!(n))).collect();
                    assert_eq!(&got, want, "{name}: non-answers per question");
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 16, "only {checked} fixtures");
}
