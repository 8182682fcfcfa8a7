//! report.html, themes.csv and the snapshots of the reports.

use std::path::{Path, PathBuf};

use crate::{fixture, leefwereld};

/// Runs `analyse` on `input` into `out` with `extra` flags and a fixed day.
fn analyse(input: &Path, out: &Path, extra: &[&str], threads: &str) {
    let mut args = vec!["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"];
    args.extend(extra);
    let output = leefwereld()
        .env("SOURCE_DATE_EPOCH", "1764979200")
        .env("RAYON_NUM_THREADS", threads)
        .args(&args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

fn snapshot(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name)
}

/// Compares `actual` with the stored snapshot; `UPDATE_SNAPSHOTS=1` stores
/// it instead (then read the difference with `git diff` before committing).
fn assert_snapshot(name: &str, actual: &[u8]) {
    let path = snapshot(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_default();
    if expected != actual {
        let at = expected.iter().zip(actual).position(|(a, b)| a != b).unwrap_or(expected.len().min(actual.len()));
        let around =
            |b: &[u8]| String::from_utf8_lossy(&b[at.saturating_sub(80)..(at + 120).min(b.len())]).into_owned();
        panic!(
            "{name} differs from tests/snapshots/{name} at byte {at}:\n--- expected\n{}\n--- actual\n{}\n(rerun with \
             UPDATE_SNAPSHOTS=1 when the change is meant)",
            around(&expected),
            around(actual)
        );
    }
}

#[test]
fn html_and_markdown_of_the_example_are_pinned() {
    let dir = tempfile::tempdir().unwrap();
    analyse(&fixture("voorbeeld.csv"), dir.path(), &[], "2");
    assert_snapshot("voorbeeld.report.html", &std::fs::read(dir.path().join("report.html")).unwrap());
    assert_snapshot("voorbeeld.report.md", &std::fs::read(dir.path().join("report.md")).unwrap());
}

/// The Dutch headings and fixed words of report.md and report.html; none
/// may be left in an English report.
const DUTCH_HEADINGS: [&str; 24] = [
    "Leefwereld-rapport",
    "Over deze gegevens",
    "Verbeteragenda",
    "Thema's",
    "Stemmen naast elkaar",
    "Waar ze het meest verschillen",
    "Verloop per kwartaal",
    "samen voorkomen",
    "Uitsplitsingen",
    "Per thema",
    "Verantwoording",
    "Hoe zeker zijn de thema's",
    "Hoe is de toon bepaald",
    "Hoe zijn de citaten gekozen",
    "Wat goed gaat",
    "Wat beter kan",
    "Rijen gelezen",
    "Geanalyseerd",
    "Ervaringen",
    "Meest genoemd",
    "Gemaakt op",
    "negatief",
    "positief",
    "2025-K",
];

#[test]
fn english_reports_have_no_dutch_headings_and_are_pinned() {
    let (nl, en) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    analyse(&fixture("voorbeeld.csv"), nl.path(), &[], "2");
    analyse(&fixture("voorbeeld.csv"), en.path(), &["--lang", "en"], "2");
    let md = std::fs::read_to_string(en.path().join("report.md")).unwrap();
    let html = std::fs::read_to_string(en.path().join("report.html")).unwrap();
    // Quotes stay as written (Dutch): look at everything else.
    let md_own: String = md.lines().filter(|l| !l.starts_with("> ") || l.starts_with("> — ")).collect();
    for dutch in DUTCH_HEADINGS {
        assert!(!md_own.contains(dutch), "report.md --lang en has '{dutch}'");
    }
    let html_own: String =
        html.split("<blockquote").map(|part| part.split_once("</p>").map_or(part, |(_, rest)| rest)).collect();
    for dutch in DUTCH_HEADINGS {
        assert!(!html_own.contains(dutch), "report.html --lang en has '{dutch}'");
    }
    assert!(md.contains("## Improvement agenda (draft)") && md.contains("Safety"), "{md}");
    assert!(html.contains(r#"<html lang="en">"#));
    assert_snapshot("voorbeeld.report.en.md", md.as_bytes());
    // report.json and themes.csv do not change with the language.
    for f in ["report.json", "themes.csv"] {
        let (x, y) = (std::fs::read(nl.path().join(f)).unwrap(), std::fs::read(en.path().join(f)).unwrap());
        assert!(x == y, "{f} differs between --lang nl and --lang en");
    }
}

#[test]
fn an_unknown_language_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = leefwereld()
        .args(["analyse", fixture("voorbeeld.csv").to_str().unwrap(), "--out", dir.path().to_str().unwrap()])
        .args(["--quiet", "--lang", "de"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nl or en"));
}

#[test]
fn every_format_is_identical_whatever_the_thread_count() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    analyse(&fixture("voorbeeld.csv"), a.path(), &[], "1");
    analyse(&fixture("voorbeeld.csv"), b.path(), &[], "2");
    for f in ["report.md", "report.html", "report.json", "themes.csv"] {
        let (x, y) = (std::fs::read(a.path().join(f)).unwrap(), std::fs::read(b.path().join(f)).unwrap());
        assert!(x == y, "{f} differs between 1 and 2 threads");
    }
}

#[test]
fn format_picks_the_files() {
    let dir = tempfile::tempdir().unwrap();
    analyse(&fixture("voorbeeld.csv"), dir.path(), &["--format", "html,csv"], "2");
    let mut files: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    assert_eq!(files, ["report.html", "themes.csv"]);
}

/// `(header, rows)` of a themes.csv, after checking its BOM and line ends.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "no byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("\r\n"));
    let mut r = csv::ReaderBuilder::new().delimiter(b';').has_headers(true).from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

/// Experience texts are untrusted: markup, formulas and table pipes cannot
/// act in any output.
#[test]
fn untrusted_text_cannot_break_the_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.csv");
    let mut csv = String::from("id;locatie;kamer;ervaring\n");
    let texts = [
        "<script>alert(1)</script> Het eten is koud en niemand komt.",
        "=HYPERLINK(\"http://x\",\"klik\") de soep is lauw",
        "a | b | c: het eten is lauw en de zorg | aandacht ontbreekt",
        "-1 voor de maaltijden, het eten is slecht",
    ];
    for (i, t) in texts.iter().cycle().take(12).enumerate() {
        // A location with a pipe and a formula, an extra column with a formula.
        csv.push_str(&format!("{i};De Linde | =1+1;@kamer {};\"{}\"\n", i % 2, t.replace('"', "\"\"")));
    }
    std::fs::write(&input, csv).unwrap();
    let out = dir.path().join("out");
    analyse(&input, &out, &[], "2");

    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!html.to_lowercase().contains("<script"), "raw script in report.html");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the quote is gone, not escaped");

    let (header, rows) = read_csv(&out.join("themes.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    let (text, location, room) = (col("tekst"), col("locatie"), col("kamer"));
    assert!(!header.contains(&"ervaring".to_string()), "the text column is not repeated");
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "a formula cell: {cell:?}");
        }
        assert_eq!(row[location], "De Linde | =1+1", "a location of 12 is shown");
        assert!(row[room].starts_with("'@kamer"), "{row:?}");
    }
    assert!(rows.iter().any(|r| r[text].starts_with("'=HYPERLINK(")), "{rows:?}");
    assert!(rows.iter().any(|r| r[text].starts_with("'-1 voor")));

    // Every table line of report.md has as many cells as its header.
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let mut cells = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            cells = None;
            continue;
        }
        let n = line.replace("\\|", "").matches('|').count();
        assert_eq!(*cells.get_or_insert(n), n, "a broken table line: {line}");
    }
}

#[test]
fn themes_csv_has_a_row_per_theme_and_hides_small_groups() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.csv");
    let mut csv = String::from("id;rol;locatie;score;ervaring\n");
    for i in 0..10 {
        // Nine at De Linde, one at Het Hofje (a group of one); score 8 for
        // six, 3 for four; one text about nothing in the taxonomy.
        let location = if i == 9 { "Het Hofje" } else { "De Linde" };
        let score = if i < 6 { 8 } else { 3 };
        let text = if i == 0 { "Blauw is een kleur." } else { "De soep is lauw en 's nachts voel ik me niet veilig." };
        csv.push_str(&format!("E{i};bewoner;{location};{score};{text}\n"));
    }
    std::fs::write(&input, csv).unwrap();
    let out = dir.path().join("out");
    analyse(&input, &out, &["--format", "csv"], "2");
    let (header, rows) = read_csv(&out.join("themes.csv"));
    assert_eq!(
        header,
        [
            "id",
            "bestand",
            "regel",
            "thema",
            "themanaam",
            "sentiment thema",
            "sentiment ervaring",
            "bewijswoorden",
            "rol",
            "locatie",
            "datum",
            "sector",
            "vraag",
            "score",
            "tekst"
        ]
    );
    // E0 has no theme: one row, overig. The others: food and safety.
    assert_eq!(rows[0][..5], ["E0", "export.csv", "2", "overig", "Overig (geen thema)"]);
    let e1: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "E1").collect();
    let themes: Vec<&str> = e1.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(themes, ["eten-en-drinken", "veiligheid"], "{rows:?}");
    assert_eq!(e1[0][5], "negatief");
    assert!(e1[0][7].contains("soep"), "{:?}", e1[0]);
    assert_eq!(e1[0][8], "client");
    assert_eq!(e1[0][14], "De soep is lauw en 's nachts voel ik me niet veilig.");
    // A location of one is not shown; nor is a score given by four.
    let e9 = rows.iter().find(|r| r[0] == "E9").unwrap();
    assert_eq!(e9[9], "overig (kleine groepen)");
    assert_eq!(e9[13], "overig (kleine groepen)");
    assert_eq!(e1[0][9], "De Linde");
    assert_eq!(e1[0][13], "8");
}
