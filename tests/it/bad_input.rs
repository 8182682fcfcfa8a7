//! Bad input gets a one-line error naming the file (and line), a non-zero exit
//! code, and never a panic.

use crate::run;

fn analyse_bytes(name: &str, bytes: &[u8]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, bytes).unwrap();
    let out = dir.path().join("out");
    let (ok, _, err) = run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"]);
    assert!(!err.contains("panicked"), "{err}");
    (ok, err.replace(dir.path().to_str().unwrap(), "DIR"))
}

#[test]
fn missing_file() {
    let (ok, _, err) = run(&["analyse", "bestaat-niet.csv", "-q"]);
    assert!(!ok);
    assert!(err.starts_with("leefwereld: error: bestaat-niet.csv: "), "{err}");
}

#[test]
fn empty_and_header_only_files() {
    assert_eq!(analyse_bytes("a.csv", b""), (false, "leefwereld: error: DIR/a.csv: the file is empty\n".into()));
    assert_eq!(
        analyse_bytes("a.csv", b"id;ervaring\n"),
        (false, "leefwereld: error: DIR/a.csv: the file has a header but no rows\n".into())
    );
}

#[test]
fn no_text_column_lists_the_columns() {
    let (ok, err) = analyse_bytes("a.csv", b"id;datum;score\n1;2;3\n");
    assert!(!ok);
    assert_eq!(
        err,
        "leefwereld: error: DIR/a.csv:1: no text column found; the columns are: 'id', 'datum', 'score'. \
         Choose one with --text-column NAME\n"
    );
}

#[test]
fn windows_1252_is_read_and_a_stray_bad_byte_is_skipped_with_its_line() {
    // Dutch Excel's "CSV" is Windows-1252: detected, read correctly.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.csv");
    std::fs::write(&input, b"id;ervaring\n1;goed\n2;lekker caf\xe9, \x93echt\x94\n").unwrap();
    let out = dir.path().join("out");
    let (ok, _, err) = run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q", "--raw-text"]);
    assert!(ok, "{err}");
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("Rijen gelezen | 2 |") && md.contains("Overgeslagen | 0 |"), "{md}");
    let json = std::fs::read_to_string(out.join("report.json")).unwrap();
    assert!(!json.contains('\u{fffd}'));

    // Forced to UTF-8, the row does not decode: skipped with its line, and
    // --strict makes that an error that leaves no report behind.
    let strict_out = dir.path().join("strict");
    let (ok, stdout, err) = run(&[
        "analyse",
        input.to_str().unwrap(),
        "--out",
        strict_out.to_str().unwrap(),
        "--encoding",
        "utf-8",
        "--strict",
    ]);
    assert!(!ok && err.contains("1 rows were skipped (--strict); no report was written"), "{err}");
    assert!(stdout.contains("a.csv:3: column 'ervaring' is not valid UTF-8"), "{stdout}");
    let left: Vec<_> = std::fs::read_dir(&strict_out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "a failed --strict run left {left:?}");
}

#[test]
fn binary_file_and_directory() {
    let (ok, err) = analyse_bytes("a.csv", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0]);
    assert!(!ok && err.contains("looks binary"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, err) = run(&["analyse", dir.path().to_str().unwrap(), "-q"]);
    assert!(!ok && err.contains("is a directory"), "{err}");
}

#[test]
fn broken_taxonomy_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let tax = dir.path().join("t.toml");
    std::fs::write(&tax, "[[themes]]\nid = \"eten\"\nlabel = \"Eten\"\ncues = [\"soep\"]\nkleur = 1\n").unwrap();
    let input = crate::fixture("voorbeeld.csv");
    let (ok, _, err) = run(&["analyse", input.to_str().unwrap(), "--taxonomy", tax.to_str().unwrap(), "-q"]);
    assert!(!ok);
    assert!(err.contains("t.toml:5: unknown field `kleur`"), "{err}");
}

/// A 50 MB single field: skipped as too long with its line, the run goes on.
#[test]
fn a_huge_field_is_skipped_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.csv");
    let mut data = b"id;ervaring\n1;Goed\n2;\"".to_vec();
    data.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
    data.extend_from_slice(b"\"\n3;Ook goed\n");
    std::fs::write(&input, data).unwrap();
    let out = dir.path().join("out");
    let (ok, stdout, err) = run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(stdout.starts_with("3 rows read: 2 analysed, 1 skipped"), "{stdout}");
    assert!(stdout.contains(":3: text is 52428800 bytes, longer than the limit of 1048576"), "{stdout}");
    // The limit is the user's to set.
    let (ok, stdout, _) =
        run(&["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--max-text-bytes", "6"]);
    assert!(ok && stdout.starts_with("3 rows read: 1 analysed, 2 skipped"), "{stdout}");
}

#[test]
fn an_os_error_is_printed_once() {
    let (ok, _, err) = run(&["analyse", "bestaat-niet.csv", "-q"]);
    assert!(!ok);
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn sheet_for_a_csv_file_is_refused() {
    let input = crate::fixture("voorbeeld.csv");
    let (ok, _, err) = run(&["analyse", input.to_str().unwrap(), "--sheet", "Blad1", "-q"]);
    assert!(!ok);
    assert!(err.contains("--sheet 'Blad1' is for spreadsheets (.xlsx, .xls, .ods); this file is not one"), "{err}");
}

#[test]
fn the_same_file_twice_is_refused_not_counted_twice() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.csv");
    std::fs::write(&input, "id;ervaring\n1;Het eten is goed.\n").unwrap();
    let other_name = dir.path().join(".").join("a.csv");
    let out = dir.path().join("out");
    let (ok, _, err) =
        run(&["analyse", input.to_str().unwrap(), other_name.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!ok && err.contains("is the same file as") && err.contains("give each file once"), "{err}");
    assert!(!out.join("report.md").exists());
}

#[test]
fn the_same_text_column_twice_is_refused() {
    let input = crate::fixture("voorbeeld.csv");
    let args = ["analyse", input.to_str().unwrap(), "--text-column", "ervaring", "--text-column", "Ervaring", "-q"];
    let (ok, _, err) = run(&args);
    assert!(!ok && err.contains("the column 'Ervaring' is named twice; name each column once"), "{err}");
}

#[test]
fn input_without_one_experience_is_an_error_not_an_empty_report() {
    // Every answer is a non-answer or empty.
    let (ok, err) = analyse_bytes("a.csv", b"id;ervaring\n1;nvt\n2;-\n3;\n4;Geen opmerkingen.\n");
    assert!(!ok);
    assert!(err.contains("no experience to analyse: 4 rows read, all skipped (3 no-content, 1 empty-text)"), "{err}");
    // JSON Lines of which no line can be read.
    let (ok, err) = analyse_bytes("a.jsonl", b"{kapot\n{\"ervaring\": \"goed\"\n");
    assert!(!ok && err.contains("DIR/a.jsonl:1: not one of the first 2 lines is a JSON object"), "{err}");
}
