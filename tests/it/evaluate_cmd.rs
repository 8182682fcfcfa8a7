use serde_json::Value;

use crate::{fixture, run};

/// The keys of ../shared/CONTRACTS.md: n; themes.{micro_f1, macro_f1,
/// per_theme.<id>.{precision, recall, f1, support}}; pii.{recall, precision,
/// per_kind.<kind>.{recall, precision}}.
#[test]
fn evaluate_json_has_the_contract_keys() {
    let gold = fixture("gold/dev.jsonl");
    let (ok, out, err) = run(&["evaluate", gold.to_str().unwrap(), "--json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["n"], 525);
    for key in ["micro_f1", "macro_f1"] {
        let x = v["themes"][key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&x));
    }
    let per = v["themes"]["per_theme"].as_object().unwrap();
    assert_eq!(per.len(), 12);
    for key in ["precision", "recall", "f1", "support"] {
        assert!(per["veiligheid"][key].is_number(), "{key}");
    }
    // A 95% bootstrap interval around each F1.
    for (key, ci) in [("macro_f1", "macro_f1_ci"), ("micro_f1", "micro_f1_ci")] {
        let (x, lo, hi) = (
            v["themes"][key].as_f64().unwrap(),
            v["themes"][ci][0].as_f64().unwrap(),
            v["themes"][ci][1].as_f64().unwrap(),
        );
        assert!(lo <= x && x <= hi && hi - lo < 0.15, "{key}: {x} not in [{lo}, {hi}]");
    }
    // The default assigner beats the keyword baseline by a wide margin.
    assert!(v["themes"]["macro_f1"].as_f64().unwrap() > v["baseline"]["themes"]["macro_f1"].as_f64().unwrap() + 0.3);
    assert!(v["pii"]["recall"].as_f64().unwrap() > 0.5);
    assert!(v["pii"]["per_kind"]["naam"]["precision"].is_number());
}

#[test]
fn evaluate_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("g.jsonl");
    std::fs::write(&gold, "{\"id\": \"1\", \"text\": \"Soep.\", \"themes\": [\"eten-en-drinken\"]}\n{\"id\": \"2\", \"text\": \"x\", \"themes\": [\"eten\"]}\n").unwrap();
    let (ok, _, err) = run(&["evaluate", gold.to_str().unwrap()]);
    assert!(!ok && err.contains("g.jsonl:2: unknown theme id 'eten'"), "{err}");
    std::fs::write(&gold, "{\"id\": \"1\", \"text\": \"Soep.\", \"themes\": [\"eten-en-drinken\"]}\n").unwrap();
    let (ok, _, err) = run(&["evaluate", gold.to_str().unwrap(), "--method", "magic"]);
    assert!(!ok && err.contains("unknown method 'magic'"), "{err}");
}

/// `--predictions` measures a file of themes (another tool, a second
/// annotator) with the same metrics, beside the keyword baseline.
#[test]
fn evaluate_measures_a_predictions_file() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("g.jsonl");
    std::fs::write(
        &gold,
        concat!(
            "{\"id\": \"1\", \"text\": \"De soep was lauw.\", \"themes\": [\"eten-en-drinken\"]}\n",
            "{\"id\": \"2\", \"text\": \"Niemand luistert.\", \"themes\": [\"gehoord-en-gezien\"]}\n",
            "{\"id\": \"3\", \"text\": \"Parkeren is duur.\", \"themes\": [\"overig\"]}\n",
        ),
    )
    .unwrap();
    let pred = dir.path().join("p.jsonl");
    // In another order; one right, one missed, one spurious.
    std::fs::write(
        &pred,
        concat!(
            "{\"id\": \"3\", \"themes\": [\"personeel\"]}\n",
            "{\"id\": \"1\", \"themes\": [\"eten-en-drinken\"], \"score\": 0.9}\n",
            "{\"id\": \"2\", \"themes\": []}\n",
        ),
    )
    .unwrap();
    let (ok, out, err) = run(&["evaluate", gold.to_str().unwrap(), "--predictions", pred.to_str().unwrap(), "--json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["method"], "predictions");
    assert_eq!(v["baseline"]["method"], "keyword");
    assert!(v.get("pii").is_none(), "a predictions file says nothing about personal data");
    let per = &v["themes"]["per_theme"];
    assert_eq!(per["eten-en-drinken"]["f1"], 1.0);
    assert_eq!(per["gehoord-en-gezien"]["recall"], 0.0);
    assert_eq!(per["personeel"]["precision"], 0.0);
    assert_eq!(v["themes"]["exact_match"].as_f64().unwrap(), 0.3333);

    std::fs::write(&pred, "{\"id\": \"1\", \"themes\": [\"eten-en-drinken\"]}\n{\"id\": \"9\", \"themes\": []}\n")
        .unwrap();
    let (ok, _, err) = run(&["evaluate", gold.to_str().unwrap(), "--predictions", pred.to_str().unwrap()]);
    assert!(!ok && err.contains("p.jsonl:2: id '9' is not in the gold file"), "{err}");
    std::fs::write(&pred, "{\"id\": \"1\", \"themes\": [\"eten-en-drinken\"]}\n").unwrap();
    let (ok, _, err) = run(&["evaluate", gold.to_str().unwrap(), "--predictions", pred.to_str().unwrap()]);
    assert!(!ok && err.contains("p.jsonl: no prediction for gold id '2' (2 of 3 missing)"), "{err}");
    let (ok, _, err) =
        run(&["evaluate", gold.to_str().unwrap(), "--predictions", pred.to_str().unwrap(), "--method", "lexicon"]);
    assert!(!ok && err.contains("cannot be used with"), "{err}");
}

/// `--cues` lists per cue how often it stood behind a right and a wrong theme.
#[test]
fn evaluate_lists_the_cues_behind_wrong_themes() {
    let gold = fixture("gold/dev.jsonl");
    let (ok, out, err) = run(&["evaluate", gold.to_str().unwrap(), "--cues", "--json", "--method", "lexicon"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let cues = v["cues"].as_array().unwrap();
    assert!(cues.len() > 100, "{}", cues.len());
    let fp: Vec<u64> = cues.iter().map(|c| c["false_positives"].as_u64().unwrap()).collect();
    assert!(fp.windows(2).all(|w| w[0] >= w[1]), "worst first");
    // Every right theme is carried by at least one cue: the true positives
    // of the cues cover the assigner's true positives.
    let tp_cues: u64 = cues.iter().map(|c| c["true_positives"].as_u64().unwrap()).sum();
    let per = v["themes"]["per_theme"].as_object().unwrap();
    let tp_themes: f64 = per.values().map(|t| t["recall"].as_f64().unwrap() * t["support"].as_f64().unwrap()).sum();
    assert!(tp_cues as f64 >= tp_themes.round(), "{tp_cues} < {tp_themes}");
    let (ok, out, _) = run(&["evaluate", gold.to_str().unwrap(), "--cues"]);
    assert!(ok && out.contains("cues behind wrong themes"), "{out}");
}
