//! Privacy by default, end to end: no personal data of the gold files in any
//! output of `analyse`, and small groups suppressed.

use serde_json::Value;

use crate::{fixture, leefwereld};

/// Every string value in a JSON document.
fn strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        Value::Object(o) => o.iter().for_each(|(k, v)| {
            out.push_str(k);
            out.push('\n');
            strings(v, out);
        }),
        _ => {}
    }
}

/// Does `hay` hold `needle` as a whole word (case-sensitive)?
fn holds_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let end = i + needle.len();
        !hay[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && !hay[end..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn no_personal_data_of_the_gold_files_in_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id;ervaring\n");
    let mut spans: Vec<(String, String, String)> = Vec::new(); // id, kind, text
    for split in ["gold/dev.jsonl", "gold/test.jsonl", "gold/raw/batch_h.jsonl"] {
        let mut with_pii = Vec::new();
        for line in std::fs::read_to_string(fixture(split)).unwrap().lines() {
            let g: Value = serde_json::from_str(line).unwrap();
            let (id, text) = (g["id"].as_str().unwrap(), g["text"].as_str().unwrap());
            let chars: Vec<char> = text.chars().collect();
            let row = format!("{id};\"{}\"\n", text.replace('"', "\"\""));
            csv.push_str(&row);
            for p in g["pii"].as_array().unwrap() {
                let (s, e) = (p["start"].as_u64().unwrap() as usize, p["end"].as_u64().unwrap() as usize);
                let span: String = chars[s..e].iter().collect();
                spans.push((id.to_string(), p["kind"].as_str().unwrap().to_string(), span));
                with_pii.push(row.clone());
            }
        }
        // The same rows again: skipped as duplicates, with an excerpt in the ledger.
        with_pii.dedup();
        csv.extend(with_pii);
    }
    let input = dir.path().join("gold.csv");
    std::fs::write(&input, &csv).unwrap();
    let out = dir.path().join("rapport");
    let run = leefwereld().args(["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap()]).output().unwrap();
    assert!(run.status.success());
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let json: Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let mut shown = String::from_utf8(run.stdout).unwrap();
    shown.push_str(&md);
    strings(&json, &mut shown);
    assert!(json["ledger"]["skipped"].as_array().unwrap().len() > 200, "the duplicates are in the ledger");
    assert!(md.contains("[NAAM-1]"), "some quote had a name to redact");
    let mut checked = 0;
    for (id, kind, span) in &spans {
        // Bare numbers (an age "84") occur in any report as counts.
        if !span.chars().any(char::is_alphabetic) && kind == "leeftijd" {
            continue;
        }
        checked += 1;
        assert!(!holds_word(&shown, span), "{kind} '{span}' of {id} appears in the output");
    }
    assert!(checked > 250, "{checked}");
}

#[test]
fn small_groups_are_suppressed_in_the_example_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("voorbeeld.csv");
    let report = |min_group: &str| -> (Value, String) {
        let out = dir.path().join(format!("r{min_group}"));
        leefwereld()
            .args(["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"])
            .args(["--min-group", min_group])
            .assert()
            .success();
        let json = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
        (json, std::fs::read_to_string(out.join("report.md")).unwrap())
    };
    let (json, md) = report("5");
    let b = &json["breakdowns"];
    assert_eq!(b["min_group"], 5);
    let locations = b["location"].as_array().unwrap();
    let last = locations.last().unwrap();
    assert_eq!(last["group"], "overig (kleine groepen)");
    assert!(last["merged"].as_u64().unwrap() > 1);
    let mut total = 0;
    for g in locations {
        let count = g["count"].as_u64().unwrap();
        total += count;
        assert!(count >= 5, "{g}");
        for (_, n) in g["themes"].as_object().unwrap() {
            assert!(n.is_null() || n == 0 || n.as_u64().unwrap() >= 5, "{g}");
        }
    }
    assert_eq!(total, 80);
    assert!(md.contains("## Uitsplitsingen") && md.contains("(elk thema < 5)"));
    // Quotes come only from locations shown on their own.
    let shown: Vec<&str> = locations[..locations.len() - 1].iter().map(|g| g["group"].as_str().unwrap()).collect();
    let location_of: std::collections::HashMap<String, String> = json["experiences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap().to_string(), e["location"].as_str().unwrap_or("").to_string()))
        .collect();
    for t in json["themes"].as_array().unwrap() {
        for q in t["quotes"].as_array().unwrap() {
            assert!(shown.contains(&location_of[q["id"].as_str().unwrap()].as_str()), "{q}");
        }
    }
    // With the smallest minimum (2; 1 is refused), more locations stand alone.
    let before = locations.len();
    let (json, _) = report("2");
    let locations = json["breakdowns"]["location"].as_array().unwrap();
    assert!(locations.len() > before);
    assert!(locations.iter().all(|g| g["merged"] != 0 || g["count"].as_u64().unwrap() >= 2));
}

#[test]
fn the_inputs_own_location_is_no_name_in_quotes() {
    // "Parkeren bij De Linde" became "De [NAAM-1]": Linde is a first name too.
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id;locatie;ervaring\n");
    // Two kinds of text: the quotes are chosen to differ, so one of each.
    for j in 0..4 {
        csv.push_str(&format!(
            "0{j};De Linde;Parkeren bij De Linde is lastig ({j}), het eten was koud en Özlem zegt niets.\n"
        ));
        csv.push_str(&format!("1{j};Eikenhof;Op de Eikenhof is de koffie ({j}) altijd lauw maar de tuin is mooi.\n"));
    }
    let input = dir.path().join("in.csv");
    std::fs::write(&input, csv).unwrap();
    let out = dir.path().join("r");
    leefwereld()
        .args(["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet", "--min-group", "2"])
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("Parkeren bij De Linde is lastig"), "{md}");
    assert!(!md.contains("De [NAAM"), "{md}");
    assert!(!md.contains("Özlem") && md.contains("[NAAM-1] zegt niets"), "{md}");
}
