use serde_json::Value;

use crate::{fixture, leefwereld, run};

fn analyse_example(out: &std::path::Path, threads: &str) -> (String, Vec<u8>) {
    let input = fixture("voorbeeld.csv");
    leefwereld()
        .env("RAYON_NUM_THREADS", threads)
        .env("SOURCE_DATE_EPOCH", "1764979200")
        .args(["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"])
        .assert()
        .success();
    (std::fs::read_to_string(out.join("report.md")).unwrap(), std::fs::read(out.join("report.json")).unwrap())
}

#[test]
fn example_gives_a_report_that_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let (md, json) = analyse_example(dir.path(), "2");
    let report: Value = serde_json::from_slice(&json).unwrap();
    let ledger = &report["ledger"];
    assert_eq!(ledger["rows_read"], 80);
    assert_eq!(ledger["analysed"], 80);
    assert_eq!(ledger["skipped"].as_array().unwrap().len(), 0);

    let exps = report["experiences"].as_array().unwrap();
    assert_eq!(exps.len(), 80);
    assert_eq!(exps[0]["id"], "E001");
    // Every theme of every experience carries evidence that stands in the text.
    let texts = read_texts();
    for e in exps {
        let text: Vec<char> = texts[e["id"].as_str().unwrap()].chars().collect();
        let themes = e["themes"].as_array().unwrap();
        assert!(themes.len() <= 3);
        for t in themes {
            let ev = t["evidence"].as_array().unwrap();
            assert!(!ev.is_empty(), "{e}");
            for v in ev {
                let (s, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
                let at: String = text[s..end].iter().collect();
                assert_eq!(at, v["text"].as_str().unwrap());
            }
        }
    }
    // Theme table: the twelve themes and overig; most experiences get a theme.
    let themes = report["themes"].as_array().unwrap();
    assert_eq!(themes.len(), 13);
    assert_eq!(themes[12]["id"], "overig");
    assert!(themes[12]["count"].as_u64().unwrap() < 20, "too many without a theme: {}", themes[12]);
    for t in &themes[..12] {
        assert!(t["count"].as_u64().unwrap() > 0, "no experience for {}", t["id"]);
    }
    assert!(md.starts_with("# Leefwereld-rapport"));
    assert!(md.contains("| Rijen gelezen | 80 |"));
    assert!(md.contains("### Eten en drinken"));
    assert!(md.contains(" · ervaring E0"), "{md}");
}

/// E001 is about food (lauwe soep, avondeten om half vijf) and say over mealtimes.
#[test]
fn example_experience_has_expected_themes_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = analyse_example(dir.path(), "1");
    let report: Value = serde_json::from_slice(&json).unwrap();
    let e001 = &report["experiences"][0];
    // Metadata found by column name: role mapped, date in ISO, location kept.
    assert_eq!(e001["role"], "client");
    assert_eq!(e001["date"], "2025-01-03");
    assert_eq!(e001["location"], "De Linde - afdeling Zonnebloem");
    let roles: std::collections::BTreeSet<&str> =
        report["experiences"].as_array().unwrap().iter().filter_map(|e| e["role"].as_str()).collect();
    assert_eq!(roles.into_iter().collect::<Vec<_>>(), ["client", "medewerker", "naaste"]);
    let ids: Vec<&str> = e001["themes"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids[0], "eten-en-drinken");
    let ev: Vec<&str> =
        e001["themes"][0]["evidence"].as_array().unwrap().iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert!(ev.contains(&"soep") && ev.contains(&"avondeten"), "{ev:?}");
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let one = analyse_example(a.path(), "1");
    let two = analyse_example(b.path(), "2");
    assert_eq!(one, two);
}

#[test]
fn summary_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("voorbeeld.csv");
    let (ok, out, _) = run(&["analyse", input.to_str().unwrap(), "--out", dir.path().to_str().unwrap()]);
    assert!(ok);
    assert!(out.starts_with("80 rows read: 80 analysed, 0 skipped"), "{out}");
    assert!(out.contains("Eten en drinken"));
    assert!(out.contains("report.md"));
}

#[test]
fn skipped_rows_are_in_the_ledger_and_strict_fails() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "id;ervaring\n1;De soep was koud.\n2;\n3;Zuster Anja belde 06-12345678;extra\n").unwrap();
    let out = dir.path().join("out");
    let (ok, stdout, _) = run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(ok);
    assert!(stdout.starts_with("3 rows read: 1 analysed, 2 skipped"), "{stdout}");
    let report: Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let skipped = report["ledger"]["skipped"].as_array().unwrap();
    assert_eq!((skipped[0]["line"].as_u64(), skipped[0]["code"].as_str()), (Some(3), Some("empty-text")));
    assert_eq!((skipped[1]["line"].as_u64(), skipped[1]["code"].as_str()), (Some(4), Some("field-count")));
    // The excerpt of a skipped row is redacted too.
    let excerpt = skipped[1]["excerpt"].as_str().unwrap();
    assert!(!excerpt.contains("Anja") && !excerpt.contains("12345678"), "{excerpt}");

    let (ok, _, err) = run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--strict", "-q"]);
    assert!(!ok);
    assert!(err.contains("2 rows were skipped"), "{err}");
}

#[test]
fn personal_data_stays_out_unless_raw_text_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(
        &input,
        "id;ervaring\n1;Zuster Anja de Vries bracht de soep, die was koud. Bel me op 06-12345678 of anja@example.nl.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let (ok, _, _) = run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"]);
    assert!(ok);
    for f in ["report.md", "report.json"] {
        let text = std::fs::read_to_string(out.join(f)).unwrap();
        for pii in ["Anja", "Vries", "12345678", "example.nl"] {
            assert!(!text.contains(pii), "{pii} in {f}");
        }
    }
    let raw = dir.path().join("raw");
    let (ok, _, _) = run(&["analyse", input.to_str().unwrap(), "--out", raw.to_str().unwrap(), "-q", "--raw-text"]);
    assert!(ok);
    let md = std::fs::read_to_string(raw.join("report.md")).unwrap();
    assert!(md.contains("Anja") && md.contains("dit rapport bevat ruwe tekst"));
}

#[test]
fn metadata_columns_by_flag_and_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "nr;Wie vult in;Zorgsoort;Woonvorm;Ingevuld;ervaring\n1;Zoon van bewoner;ggz;Het Baken;3 november 2025;Weer koude koffie.\n").unwrap();
    let out = dir.path().join("out");
    let args = ["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"];
    let (ok, _, err) = run(&[
        &args[..],
        &["--role-column", "wie vult in", "--location-column", "Woonvorm", "--date-column", "ingevuld"],
    ]
    .concat());
    assert!(ok, "{err}");
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let e = &report["experiences"][0];
    assert_eq!((e["role"].as_str(), e["location"].as_str()), (Some("naaste"), Some("Het Baken")));
    assert_eq!((e["date"].as_str(), e["sector"].as_str()), (Some("2025-11-03"), Some("ggz")));
    let (ok, _, err) = run(&[&args[..], &["--role-column", "relatie"]].concat());
    assert!(!ok && err.contains(":1: no column 'relatie'; the columns are: 'nr', 'Wie vult in'"), "{err}");
}

#[test]
fn text_column_by_flag_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "nr,Wat kan beter?\n1,Het avondeten is altijd koud\n").unwrap();
    let out = dir.path().join("out");
    let args = ["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"];
    let (ok, _, err) = run(&[&args[..], &["--text-column", "wat kan beter?", "--format", "json"]].concat());
    assert!(ok, "{err}");
    assert!(out.join("report.json").exists() && !out.join("report.md").exists());
    let (ok, _, err) = run(&[&args[..], &["--format", "pdf"]].concat());
    assert!(!ok && err.contains("unknown format 'pdf'"), "{err}");
}

fn read_texts() -> std::collections::HashMap<String, String> {
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_path(fixture("voorbeeld.csv")).unwrap();
    r.records().map(|rec| rec.unwrap()).map(|rec| (rec[0].to_string(), rec[4].to_string())).collect()
}

/// The report says how far to trust its themes: the measured figures for the
/// default taxonomy, "not measured" for any other.
#[test]
fn report_says_how_reliable_the_themes_are() {
    let dir = tempfile::tempdir().unwrap();
    let (md, json) = analyse_example(dir.path(), "2");
    let report: Value = serde_json::from_slice(&json).unwrap();
    let q = &report["quality"];
    assert_eq!(q["gold"][0], "fixtures/gold/test.jsonl");
    assert_eq!(q["n"], 675);
    let recall = q["micro_recall"].as_f64().unwrap();
    assert!(md.contains(&format!("vond de tool er {:.0}%", recall * 100.0)), "{md}");

    let tax = dir.path().join("eigen.toml");
    std::fs::write(&tax, "[[themes]]\nid = \"eten\"\nlabel = \"Eten\"\ncues = [\"soep\", \"eten\"]\n").unwrap();
    let out = dir.path().join("eigen");
    let input = fixture("voorbeeld.csv");
    let (ok, _, err) = run(&[
        "analyse",
        input.to_str().unwrap(),
        "--taxonomy",
        tax.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(ok, "{err}");
    let report: Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    assert!(report["quality"].is_null());
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("Voor deze taxonomie is niet gemeten"), "{md}");
}

/// Writes `files` (name, content) into a new directory and runs `analyse`
/// on them with `args`: (success, stdout, stderr, report.json if written).
fn analyse_files(files: &[(&str, &str)], args: &[&str]) -> (bool, String, String, Option<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut all = vec!["analyse".to_string()];
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).unwrap();
        all.push(dir.path().join(name).to_string_lossy().into());
    }
    all.extend(["--out".into(), out.to_string_lossy().into()]);
    all.extend(args.iter().map(|a| a.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let (ok, stdout, stderr) = run(&all);
    let json = std::fs::read(out.join("report.json")).ok().map(|j| serde_json::from_slice(&j).unwrap());
    let strip = |s: String| s.replace(&format!("{}/", dir.path().display()), "");
    (ok, strip(stdout), strip(stderr), json)
}

const SURVEY: &str = "Respondentnummer;Ingevuld door;Locatie/afdeling;Startdatum;Doelgroep;Wat gaat goed?;Wat kan beter?\n\
    1;dochter;De Linde;3-11-2025;Ouderen;De verzorgenden nemen echt de tijd voor een praatje.;Het avondeten is vaak lauw als het op tafel komt.\n\
    2;bewoner;Het Anker;4-11-2025;Ouderen;Ik voel me hier thuis met mijn eigen spullen om me heen.;n.v.t.\n";

#[test]
fn the_column_mapping_is_shown_so_a_wrong_guess_is_seen() {
    let (ok, _, err, json) = analyse_files(&[("enquete.csv", SURVEY)], &["--min-group", "2"]);
    assert!(ok, "{err}");
    assert!(
        err.contains(
            "leefwereld: enquete.csv: text: 'Wat gaat goed?', 'Wat kan beter?' (found by content); \
             id: 'Respondentnummer'; role: 'Ingevuld door'; location: 'Locatie/afdeling'; date: 'Startdatum'; \
             sector: 'Doelgroep'"
        ),
        "{err}"
    );
    // The role breakdown no longer vanishes: roles are read.
    let exps = json.unwrap()["experiences"].as_array().unwrap().clone();
    let roles: Vec<&str> = exps.iter().map(|e| e["role"].as_str().unwrap_or("-")).collect();
    // (The one client is a group below --min-group: report.json leaves it out.)
    assert_eq!(roles, ["naaste", "naaste", "-"]);
    // Quiet means quiet.
    let (ok, _, err, _) = analyse_files(&[("enquete.csv", SURVEY)], &["-q"]);
    assert!(ok && err.is_empty(), "{err}");
}

#[test]
fn files_whose_question_columns_differ_are_analysed_in_one_run() {
    let second = "Respondentnummer;Wat gaat goed?\n7;De fysiotherapeut helpt me weer op de been.\n";
    let args = ["--text-column", "Wat gaat goed?", "--text-column", "Wat kan beter?", "-q"];
    let (ok, _, err, json) = analyse_files(&[("a.csv", SURVEY), ("b.csv", second)], &args);
    assert!(ok, "{err}");
    let json = json.unwrap();
    assert_eq!((json["ledger"]["rows_read"].as_u64(), json["ledger"]["analysed"].as_u64()), (Some(3), Some(3)));
    assert_eq!(json["experiences"].as_array().unwrap().len(), 4);
    // A column that no input has is an error (a typo is not silently ignored).
    let args = ["--text-column", "Wat gaat goed?", "--text-column", "Wat kan beter", "-q"];
    let (ok, _, err, _) = analyse_files(&[("a.csv", SURVEY), ("b.csv", second)], &args);
    assert!(!ok && err.contains("no column 'Wat kan beter'"), "{err}");
}

#[test]
fn non_answers_are_skipped_as_no_content_short_verdicts_are_experiences() {
    let data = "id;ervaring\n1;nvt\n2;prima\n3;N.v.t.\n4;Geen bijzonderheden\n5;alles goed\n6;weet ik niet\n7;slecht\n";
    let (ok, _, err, json) = analyse_files(&[("a.csv", data)], &["-q"]);
    assert!(ok, "{err}");
    let ledger = &json.as_ref().unwrap()["ledger"];
    assert_eq!((ledger["rows_read"].as_u64(), ledger["analysed"].as_u64()), (Some(7), Some(3)));
    let codes: Vec<(u64, &str)> = ledger["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["line"].as_u64().unwrap(), s["code"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, [(2, "no-content"), (4, "no-content"), (5, "no-content"), (7, "no-content")]);
}

#[test]
fn header_row_flag_reads_a_csv_with_title_lines() {
    let data = "Cliëntervaringen 2025\nExport 7-11-2025\nid;ervaring\n1;Het eten is goed.\n";
    let (ok, _, err, json) = analyse_files(&[("a.csv", data)], &["--header-row", "3"]);
    assert!(ok, "{err}");
    assert!(err.contains("a.csv (header on line 3): text: 'ervaring'"), "{err}");
    assert_eq!(json.unwrap()["experiences"][0]["line"], 4);
}

/// Runs `analyse` on `csv` (written to a file in `dir`) with `extra` flags;
/// returns (success, report.md, report.json, stderr).
fn analyse_csv(dir: &std::path::Path, csv: &str, extra: &[&str]) -> (bool, String, Value, String) {
    let input = dir.join("export.csv");
    std::fs::write(&input, csv).unwrap();
    let out = dir.join("out");
    let mut args = vec!["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"];
    args.extend(extra);
    let output = leefwereld().env("SOURCE_DATE_EPOCH", "1764979200").args(&args).output().unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap_or_default();
    let json = std::fs::read(out.join("report.json")).ok().and_then(|b| serde_json::from_slice(&b).ok());
    (output.status.success(), md, json.unwrap_or(Value::Null), String::from_utf8_lossy(&output.stderr).into())
}

#[test]
fn report_states_the_period_of_the_data_and_the_day_it_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let (md, json) = analyse_example(dir.path(), "2");
    assert!(md.contains("De ervaringen zijn van 3 januari 2025 tot en met 1 december 2025."), "{md}");
    assert!(md.contains("Gemaakt op 6 december 2025 met leefwereld"), "{md}");
    // No line for a question without non-answers.
    assert!(!md.contains("0 lege antwoorden"), "{md}");
    let report: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(report["period"]["first"], "2025-01-03");
    assert_eq!(report["made_on"], "2025-12-06");
}

#[test]
fn min_group_below_two_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for n in ["0", "1"] {
        let (ok, _, _, err) = analyse_csv(dir.path(), "ervaring\nDe soep was koud.\n", &["--min-group", n]);
        assert!(!ok);
        assert!(err.contains(&format!("--min-group {n} is too small")), "{err}");
    }
    let (ok, ..) = analyse_csv(dir.path(), "ervaring\nDe soep was koud.\n", &["--min-group", "2"]);
    assert!(ok);
}

#[test]
fn periods_show_in_time_order_with_percentages() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("datum;ervaring\n");
    for (date, n) in [("3-8-2025", 3), ("3-2-2025", 2)] {
        for i in 0..n {
            csv.push_str(&format!("{date};De soep was koud en het eten kwam te laat, dag {i}.\n"));
        }
    }
    let (ok, md, _, _) = analyse_csv(dir.path(), &csv, &["--min-group", "2"]);
    assert!(ok);
    let (k1, k3) = (md.find("| 2025-K1 | 2 (40%) |").unwrap(), md.find("| 2025-K3 | 3 (60%) |").unwrap());
    assert!(k1 < k3, "{md}");
    assert!(md.contains("Eten en drinken 3 (100%)"), "{md}");
}

#[test]
fn report_is_dutch_names_files_only_and_counts_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "id;locatie;ervaring\n1;A;De soep was koud.\n2;A;\n3;B;Het eten is altijd te laat.\n4;A;Zuster Anja is aardig.\n";
    let (ok, md, json, _) = analyse_csv(dir.path(), csv, &["--min-group", "2"]);
    assert!(ok);
    let folder = dir.path().to_str().unwrap();
    assert!(!md.contains(folder) && !json.to_string().contains(folder), "an absolute path in a report");
    assert!(md.contains("- Gelezen: export.csv (UTF-8, 4 rijen)"), "{md}");
    // Skip reasons in Dutch; the stable code stays in report.json.
    assert!(md.contains("export.csv regel 3: leeg antwoord"), "{md}");
    assert!(!md.contains("empty text"), "{md}");
    assert_eq!(json["ledger"]["skipped"][0]["code"], "empty-text");
    // One group merged: "1 groep"; the placeholders as the quotes show them.
    assert!(md.contains("overig (kleine groepen) (1 groep)"), "{md}");
    assert!(md.contains("[NAAM-1]") && !md.contains("[NAAM]"), "{md}");
    assert!(md.contains("(1 ervaring, "), "{md}");
    assert!(!md.contains("1 ervaringen") && !md.contains("1 groepen"), "{md}");
}

#[test]
fn quotes_left_out_for_small_groups_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("locatie;ervaring\n");
    for i in 0..5 {
        csv.push_str(&format!("Eikenhof;De koffie was koud vandaag, en gisteren ook al, dag {i}.\n"));
    }
    csv.push_str("Linde;Ik voel me 's nachts niet veilig, de deur gaat niet op slot.\n");
    let (ok, md, json, _) = analyse_csv(dir.path(), &csv, &[]);
    assert!(ok);
    let safety = md.split("### Veiligheid").nth(1).expect("a safety heading").split("###").next().unwrap();
    assert!(safety.contains("Geen citaten: 1 ervaring komt uit een groep van minder dan 5"), "{safety}");
    let theme = json["themes"].as_array().unwrap().iter().find(|t| t["id"] == "veiligheid").unwrap().clone();
    assert_eq!(theme["withheld"], 1);
    // The small ward's location is left out of its experience in report.json too.
    let last = json["experiences"].as_array().unwrap().last().unwrap().clone();
    assert!(last["location"].is_null() && last.get("location").is_some(), "{last}");
    assert_eq!(json["experiences"][0]["location"], "Eikenhof");
}

#[test]
fn short_verdicts_are_not_overig() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "ervaring\nprima\nAlles goed.\nslecht\nDe parkeerplaats is te klein.\nDe soep was koud.\n";
    let (ok, md, json, _) = analyse_csv(dir.path(), csv, &[]);
    assert!(ok);
    assert!(
        md.contains("**Korte oordelen zonder onderwerp:** 3 antwoorden (2 positief, 1 negatief, 0 anders)"),
        "{md}"
    );
    assert_eq!(json["short_verdicts"]["count"], 3);
    let overig = json["themes"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((overig["id"].as_str(), overig["count"].as_u64()), (Some("overig"), Some(1)));
}

/// report.json was larger than its input (732 MB for 616 MB on the 1M-row
/// corpus): the file path in every experience, all evidence, long scores.
#[test]
fn report_json_repeats_nothing_per_experience() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = analyse_example(dir.path(), "2");
    let report: Value = serde_json::from_slice(&json).unwrap();
    let exps = report["experiences"].as_array().unwrap();
    let keys = ["id", "input", "line", "question", "role", "location", "date", "sector", "sentiment", "themes"];
    let mut bytes = 0;
    for e in exps {
        bytes += e.to_string().len();
        assert!(e.as_object().unwrap().keys().all(|k| keys.contains(&k.as_str())), "{e}");
        assert_eq!(e["input"], 0);
        for t in e["themes"].as_array().unwrap() {
            assert!(t["evidence"].as_array().unwrap().len() <= leefwereld::report::JSON_EVIDENCE_PER_THEME, "{t}");
            assert!(t["score"].to_string().len() <= 5, "{t}");
        }
    }
    assert_eq!(report["evidence_per_theme"], leefwereld::report::JSON_EVIDENCE_PER_THEME);
    // About 412 bytes per experience here with the sentiment per experience
    // and per theme (350 without it; 410 once with a file path of 35
    // characters).
    assert!(bytes / exps.len() < 430, "{} bytes per experience", bytes / exps.len());
}

#[test]
fn non_answers_are_counted_per_question_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "id;Wat gaat goed?;Wat kan beter?\n1;De soep is lekker.;nvt\n2;prima;n.v.t.\n3;-;Het eten is koud.\n\
               4;geen;geen\n";
    let (ok, md, json, err) =
        analyse_csv(dir.path(), csv, &["--text-column", "Wat gaat goed?", "--text-column", "Wat kan beter?"]);
    assert!(ok, "{err}");
    assert!(md.contains("- Vraag 'Wat kan beter?': 3 lege antwoorden (nvt, geen, weet ik niet, ...)"), "{md}");
    assert!(md.contains("- Vraag 'Wat gaat goed?': 2 lege antwoorden"), "{md}");
    assert!(md.contains("export.csv regel 5: geen inhoud: het antwoord op 'Wat gaat goed?' zegt niets"), "{md}");
    let non_answers = json["ledger"]["non_answers"].as_array().unwrap();
    assert!(non_answers.iter().any(|q| q["question"] == "Wat kan beter?" && q["count"] == 3), "{non_answers:?}");
}

#[test]
fn a_question_left_out_beside_a_named_text_column_is_named_on_screen() {
    let data = "id;opmerking;Wat kan beter?\n\
        1;Fijne kamer met uitzicht op de tuin.;Het eten komt vaak koud op tafel bij ons.\n\
        2;De zusters zijn heel aardig voor mij.;Ik wil vaker naar buiten met iemand erbij.\n";
    let (ok, _, err, _) = analyse_files(&[("a.csv", data)], &[]);
    assert!(ok, "{err}");
    assert!(
        err.contains("text: 'opmerking'; ")
            && err.contains("also free text, not read (add --text-column NAME to read it): 'Wat kan beter?'"),
        "{err}"
    );
}
