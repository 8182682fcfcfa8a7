//! `leefwereld redact`: a redacted copy in the input's own format.

use crate::run;

fn redact(input: &std::path::Path, extra: &[&str]) -> (bool, String, String, Vec<u8>) {
    let out = input.with_file_name(format!("uit-{}", input.file_name().unwrap().to_str().unwrap()));
    let mut args = vec!["redact", input.to_str().unwrap(), "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (ok, stdout, stderr) = run(&args);
    let written = std::fs::read(&out).unwrap_or_default();
    (ok, stdout, stderr, written)
}

#[test]
fn utf8_csv_keeps_bom_crlf_delimiter_and_other_columns() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    let data = "\u{feff}id;locatie;ervaring;datum\r\n\
                7;De Linde;\"Zuster Anja belde 06-12345678; fijn.\";3-11-2025\r\n\
                8;Berkenhof;De soep was lauw.;4-11-2025\r\n";
    std::fs::write(&input, data).unwrap();
    let (ok, stdout, _, written) = redact(&input, &[]);
    assert!(ok, "{stdout}");
    let expected = "\u{feff}id;locatie;ervaring;datum\r\n\
                    7;De Linde;\"Zuster [NAAM-1] belde [TELEFOON]; fijn.\";3-11-2025\r\n\
                    8;Berkenhof;De soep was lauw.;4-11-2025\r\n";
    assert_eq!(String::from_utf8(written).unwrap(), expected);
    assert!(stdout.contains("2 rows read: 2 written, 0 left out"), "{stdout}");
    assert!(stdout.contains("replaced 2 spans of personal data: naam 1, telefoon 1"), "{stdout}");
}

#[test]
fn legacy_and_utf16_files_are_written_in_their_own_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let text = "id,locatie,ervaring\n1,Café Zonneweide,Meneer Bakker zegt: het eten is té zout.\n";
    let expected = "id,locatie,ervaring\n1,Café Zonneweide,Meneer [NAAM-1] zegt: het eten is té zout.\n";
    // windows-1252
    let input = dir.path().join("ansi.csv");
    std::fs::write(&input, encoding_rs::WINDOWS_1252.encode(text).0).unwrap();
    let (ok, stdout, _, written) = redact(&input, &[]);
    assert!(ok && stdout.contains("windows-1252"), "{stdout}");
    assert_eq!(written, encoding_rs::WINDOWS_1252.encode(expected).0.to_vec());
    // UTF-16 LE with its byte order mark
    let utf16 =
        |s: &str| [0xFF, 0xFE].into_iter().chain(s.encode_utf16().flat_map(u16::to_le_bytes)).collect::<Vec<u8>>();
    let input = dir.path().join("utf16.csv");
    std::fs::write(&input, utf16(text)).unwrap();
    let (ok, stdout, _, written) = redact(&input, &[]);
    assert!(ok && stdout.contains("UTF-16LE"), "{stdout}");
    assert_eq!(written, utf16(expected));
}

#[test]
fn json_lines_keep_field_order_and_bad_lines_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let data = "{\"id\":1,\"tekst\":\"Mail naar j.jansen@example.nl.\",\"rol\":\"naaste\",\"score\":8}\n\
                {kapot\n\
                \n\
                {\"id\":2,\"tekst\":\"Prima.\",\"rol\":\"client\"}\n";
    std::fs::write(&input, data).unwrap();
    let (ok, stdout, _, written) = redact(&input, &[]);
    assert!(ok, "{stdout}");
    assert_eq!(
        String::from_utf8(written).unwrap(),
        "{\"id\":1,\"tekst\":\"Mail naar [EMAIL].\",\"rol\":\"naaste\",\"score\":8}\n\n{\"id\":2,\"tekst\":\"Prima.\",\"rol\":\"client\"}\n"
    );
    assert!(stdout.contains("3 rows read: 2 written, 1 left out"), "{stdout}");
    assert!(stdout.contains("in.jsonl:2: not a JSON object"), "{stdout}");
}

#[test]
fn rows_that_cannot_be_read_are_left_out_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "id;ervaring\n1;Goed.\n2;Anja;extra\n3;Slecht.\n").unwrap();
    let (ok, stdout, _, written) = redact(&input, &[]);
    assert!(ok);
    assert_eq!(String::from_utf8(written).unwrap(), "id;ervaring\n1;Goed.\n3;Slecht.\n");
    assert!(stdout.contains("left out") && stdout.contains(":3:"), "{stdout}");
}

#[test]
fn user_lists_of_names_and_exceptions() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "id,ervaring\n1,Roos hielp me en Berkenhof is fijn; Özlem ook.\n").unwrap();
    let names = dir.path().join("namen.txt");
    std::fs::write(&names, "# ons team\nRoos\n").unwrap();
    let never = dir.path().join("nooit.txt");
    std::fs::write(&never, "Özlem\nberkenhof\n").unwrap();
    let (ok, _, _, written) =
        redact(&input, &["--names", names.to_str().unwrap(), "--never-redact", never.to_str().unwrap()]);
    assert!(ok);
    assert_eq!(
        String::from_utf8(written).unwrap(),
        "id,ervaring\n1,[NAAM-1] hielp me en Berkenhof is fijn; Özlem ook.\n"
    );
}

#[test]
fn clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "id,ervaring\n1,Goed.\n").unwrap();
    let (ok, _, stderr) = run(&["redact", input.to_str().unwrap(), "--out", input.to_str().unwrap()]);
    assert!(!ok && stderr.contains("would overwrite the input"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "id,ervaring\n1,Goed.\n");
    let xlsx = dir.path().join("in.xlsx");
    std::fs::write(&xlsx, b"PK").unwrap();
    let out = dir.path().join("uit.xlsx");
    let (ok, _, stderr) = run(&["redact", xlsx.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!ok && stderr.contains("cannot read the spreadsheet"), "{stderr}");
    assert!(!out.exists());
    crate::spreadsheet::workbook(&xlsx);
    let csv_out = dir.path().join("uit.csv");
    let (ok, _, stderr) = run(&["redact", xlsx.to_str().unwrap(), "--out", csv_out.to_str().unwrap()]);
    assert!(!ok && stderr.contains("give --out FILE.xlsx"), "{stderr}");
    let (ok, _, stderr) =
        run(&["redact", dir.path().join("geen.csv").to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!ok && stderr.starts_with("leefwereld: error:"), "{stderr}");
    assert!(!out.exists() && !dir.path().join("uit.xlsx.partial").exists());
}

#[test]
fn spreadsheets_keep_their_cells_and_the_text_is_redacted() {
    use calamine::{Data, Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.xlsx");
    crate::spreadsheet::workbook(&input);
    let (ok, stdout, stderr, first) = redact(&input, &["--text-column", "Wat gaat goed?", "--sheet", "Antwoorden"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("4 rows read: 4 written") && stdout.contains("naam 2"), "{stdout}");
    let out = dir.path().join("uit-export.xlsx");
    let mut book = open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Antwoorden"]);
    let range = book.worksheet_range("Antwoorden").unwrap();
    // Cells stay where they were: the header on the second row.
    assert_eq!(range.get_value((1, 3)), Some(&Data::String("Wat gaat goed?".into())));
    assert_eq!(range.get_value((2, 3)), Some(&Data::String("Zuster [NAAM-1] neemt altijd even de tijd.".into())));
    assert_eq!(range.get_value((2, 0)), Some(&Data::Float(1001.0)));
    assert!(matches!(range.get_value((2, 1)), Some(Data::DateTime(_))), "{:?}", range.get_value((2, 1)));
    // The column not asked for is left as it was.
    assert_eq!(range.get_value((2, 4)), Some(&Data::String("Het avondeten is vaak lauw.".into())));
    // The same input gives the same bytes.
    let (_, _, _, again) = redact(&input, &["--text-column", "Wat gaat goed?", "--sheet", "Antwoorden"]);
    assert_eq!(first, again);
}

#[test]
fn the_copy_is_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("gold.csv");
    // More rows than one parallel batch (4,096): the gold texts, five times.
    let mut csv = String::from("id;ervaring\n");
    for round in 0..5 {
        for split in ["gold/dev.jsonl", "gold/test.jsonl"] {
            for line in std::fs::read_to_string(crate::fixture(split)).unwrap().lines() {
                let g: serde_json::Value = serde_json::from_str(line).unwrap();
                let text = g["text"].as_str().unwrap().replace('"', "\"\"");
                csv.push_str(&format!("{}-{round};\"{text}\"\n", g["id"].as_str().unwrap()));
            }
        }
    }
    std::fs::write(&input, &csv).unwrap();
    let copy = |threads: &str| {
        let out = dir.path().join(format!("uit-{threads}.csv"));
        crate::leefwereld()
            .env("RAYON_NUM_THREADS", threads)
            .args(["redact", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "-q"])
            .assert()
            .success();
        std::fs::read(out).unwrap()
    };
    let one = copy("1");
    assert_eq!(one, copy("2"));
    assert_eq!(one, copy("3"));
    let text = String::from_utf8(one).unwrap();
    assert_eq!(text.lines().count(), 1 + 5 * 900);
    assert!(text.contains("[NAAM-1]"));
}

#[test]
fn a_rows_own_location_is_no_name_in_its_copy() {
    // "Parkeren bij De Linde" became "De [NAAM-1]": Linde is a first name too.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(
        &input,
        "id;locatie;ervaring\n1;De Linde;Parkeren bij De Linde is lastig, zegt Özlem.\n\
         2;Eikenhof;Parkeren bij De Linde is lastig.\n",
    )
    .unwrap();
    let (ok, stdout, _, written) = redact(&input, &[]);
    assert!(ok, "{stdout}");
    assert_eq!(
        String::from_utf8(written).unwrap(),
        "id;locatie;ervaring\n1;De Linde;Parkeren bij De Linde is lastig, zegt [NAAM-1].\n\
         2;Eikenhof;Parkeren bij De [NAAM-1] is lastig.\n"
    );
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"locatie\": \"De Linde\", \"tekst\": \"Parkeren bij De Linde, zegt Özlem.\"}\n").unwrap();
    let (ok, stdout, _, written) = redact(&input, &[]);
    assert!(ok, "{stdout}");
    let copy = String::from_utf8(written).unwrap();
    assert!(copy.contains("Parkeren bij De Linde, zegt [NAAM-1]."), "{copy}");
}

/// `redact` used to find text columns by name only: a survey export named
/// after its questions was refused, and `--sheet` on a CSV was ignored.
#[test]
fn redact_finds_question_columns_by_content_as_analyse_does() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("enquete.csv");
    std::fs::write(
        &input,
        "Respondent;Wat gaat goed?;Score\n\
         1;Zuster Anja neemt echt de tijd voor mijn moeder, ook in het weekend.;8\n\
         2;De koffie is lekker en de mensen op de afdeling zijn erg vriendelijk.;7\n\
         3;Meneer Jansen belt elke week even om te vragen hoe het gaat met ons.;9\n",
    )
    .unwrap();
    let out = dir.path().join("uit.csv");
    let (ok, _, stderr) = run(&["redact", input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let copy = std::fs::read_to_string(&out).unwrap();
    assert!(!copy.contains("Anja") && !copy.contains("Jansen"), "{copy}");
    assert!(copy.contains(";8\n") && copy.starts_with("Respondent;Wat gaat goed?;Score\n"), "{copy}");
    let (ok, _, stderr) = run(&["redact", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--sheet", "Blad1"]);
    assert!(!ok && stderr.contains("Blad1"), "{stderr}");
}

/// `redact` promises the input flags of `analyse`: `--header-row` too.
#[test]
fn redact_takes_the_header_row() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.csv");
    std::fs::write(&input, "Cliëntervaringen 2025\nid;ervaring\n1;Zuster Anja was er meteen.\n").unwrap();
    let out = dir.path().join("uit.csv");
    let (ok, _, stderr) =
        run(&["redact", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--header-row", "2", "-q"]);
    assert!(ok, "{stderr}");
    let copy = std::fs::read_to_string(&out).unwrap();
    assert!(copy.contains("Zuster [NAAM-1] was er meteen.") && !copy.contains("Anja"), "{copy}");
}
