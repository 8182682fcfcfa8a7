//! A spreadsheet export with two sheets, a survey pair of questions, numeric
//! ids and date cells, generated here (no binary file in the repository).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

use crate::run;

pub fn workbook(path: &std::path::Path) {
    let mut wb = Workbook::new();
    let info = wb.add_worksheet().set_name("Toelichting").unwrap();
    info.write_string(0, 0, "Cliëntervaringsonderzoek 2025, export uit het enquêtesysteem").unwrap();
    let ws = wb.add_worksheet().set_name("Antwoorden").unwrap();
    let date = Format::new().set_num_format("d-m-yyyy");
    for (c, h) in ["Respondent", "Datum", "Afdeling", "Wat gaat goed?", "Wat kan beter?"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap(); // header on the second row
    }
    let rows = [
        (1001.0, (2025, 11, 3), "De Linde", "Zuster Anja neemt altijd even de tijd.", "Het avondeten is vaak lauw."),
        (1002.0, (2025, 11, 4), "Het Anker", "", ""),
        (1003.0, (2025, 11, 5), "Het Anker", "Gezellige huiskamer.", "Elke dag een ander gezicht."),
        (1001.0, (2025, 11, 3), "De Linde", "Zuster Anja neemt altijd even de tijd.", "Het avondeten is vaak lauw."),
    ];
    for (i, (id, (y, m, d), afd, goed, beter)) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_number(r, 0, *id).unwrap();
        ws.write_datetime_with_format(r, 1, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap();
        ws.write_string(r, 2, *afd).unwrap();
        ws.write_string(r, 3, *goed).unwrap();
        ws.write_string(r, 4, *beter).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn xlsx_sheet_with_two_questions() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.xlsx");
    workbook(&input);
    let out = dir.path().join("out");
    let base = ["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"];
    // The first sheet is an explanation, one line: no rows to read.
    let (ok, _, err) = run(&base);
    assert!(!ok && err.contains("export.xlsx: sheet 'Toelichting' has a header but no rows"), "{err}");
    let args =
        [&base[..], &["--sheet", "antwoorden", "--text-column", "Wat gaat goed?", "--text-column", "Wat kan beter?"]]
            .concat();
    let (ok, _, err) = run(&args);
    assert!(ok, "{err}");
    let report: Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let ledger = &report["ledger"];
    assert_eq!((ledger["rows_read"].as_u64(), ledger["analysed"].as_u64()), (Some(4), Some(2)));
    let skipped: Vec<(u64, &str)> = ledger["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["line"].as_u64().unwrap(), s["code"].as_str().unwrap()))
        .collect();
    assert_eq!(skipped, [(4, "empty-text"), (6, "duplicate")]);
    let exps = report["experiences"].as_array().unwrap();
    let got: Vec<(&str, u64, &str)> = exps
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["line"].as_u64().unwrap(), e["question"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("1001", 3, "Wat gaat goed?"),
            ("1001", 3, "Wat kan beter?"),
            ("1003", 5, "Wat gaat goed?"),
            ("1003", 5, "Wat kan beter?")
        ]
    );
    let (ok, _, err) = run(&[&base[..], &["--sheet", "Blad9"]].concat());
    assert!(!ok && err.contains("no sheet 'Blad9'; the sheets are: Toelichting, Antwoorden"), "{err}");
}

/// A survey export as tools write it: title rows above the header, question
/// columns named after their questions, names and scores beside them.
#[test]
fn xlsx_with_title_rows_and_questions_found_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("enquete.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Cliëntervaringsonderzoek 2025").unwrap();
    ws.write_string(1, 0, "Periode:").unwrap();
    ws.write_string(1, 1, "november").unwrap();
    let header = ["Nr", "Wie bent u?", "Team", "Naam", "Cijfer", "Wat gaat goed?", "Wat kan beter?"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    let rows = [
        (
            "bewoner",
            "Noord",
            "Jan de Vries",
            8.0,
            "De verzorgenden nemen echt de tijd voor een praatje.",
            "Het eten is vaak lauw als het op tafel komt.",
        ),
        (
            "familie",
            "Zuid",
            "Els Bakker",
            7.0,
            "Mijn vader voelt zich hier thuis tussen zijn eigen spullen.",
            "geen opmerkingen",
        ),
    ];
    for (i, (who, team, naam, cijfer, goed, toel)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *who).unwrap();
        ws.write_string(r, 2, *team).unwrap();
        ws.write_string(r, 3, *naam).unwrap();
        ws.write_number(r, 4, *cijfer).unwrap();
        ws.write_string(r, 5, *goed).unwrap();
        ws.write_string(r, 6, *toel).unwrap();
    }
    wb.save(&input).unwrap();
    let out = dir.path().join("out");
    let (ok, _, err) = run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{err}");
    // No column is named like a text column: the two questions are found by
    // their content, never the names or the scores.
    assert!(
        err.contains(
            "(header on line 4): text: 'Wat gaat goed?', 'Wat kan beter?' (found by content); id: 'Nr'; role: 'Wie bent u?'; location: 'Team'"
        ),
        "{err}"
    );
    let report: Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    // "geen opmerkingen" is no experience, but its row is analysed (its other
    // answer says something).
    assert_eq!((report["ledger"]["rows_read"].as_u64(), report["ledger"]["analysed"].as_u64()), (Some(2), Some(2)));
    let got: Vec<(u64, &str)> = report["experiences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["question"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [(5, "Wat gaat goed?"), (5, "Wat kan beter?"), (6, "Wat gaat goed?")]);
}
