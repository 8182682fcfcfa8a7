use crate::run;

#[test]
fn prints_the_default_taxonomy() {
    let (ok, out, _) = run(&["taxonomy"]);
    assert!(ok);
    assert!(out.starts_with("taxonomy: leefwereld-standaard (12 themes)"), "{out}");
    for id in ["veiligheid", "gehoord-en-gezien", "zorg-en-gezondheid", "overig"] {
        assert!(out.contains(id), "{id}");
    }
}

#[test]
fn export_writes_a_taxonomy_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mijn.toml");
    let (ok, _, _) = run(&["taxonomy", "--export", path.to_str().unwrap()]);
    assert!(ok);
    let back = leefwereld::Taxonomy::from_path(&path).unwrap();
    assert_eq!(back, leefwereld::Taxonomy::default());
    let (ok, out, _) = run(&["taxonomy", "--taxonomy", path.to_str().unwrap()]);
    assert!(ok && out.contains("(12 themes)"));
}

/// The default's check listed 497 redundant cues and 26 shared ones: noise
/// that hid what needs a person's eye in one's own taxonomy.
#[test]
fn check_of_the_default_lists_no_redundant_cues() {
    let (ok, out, _) = run(&["taxonomy", "--check"]);
    assert!(ok);
    assert_eq!(
        out,
        "taxonomy leefwereld-standaard: 0 cues count fully in two themes (24 more on purpose, listed under \
         `shared`), 0 add nothing to their theme\n"
    );
}

#[test]
fn check_lists_shared_and_redundant_cues() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mijn.toml");
    std::fs::write(
        &path,
        "[[themes]]\nid = \"eten\"\nlabel = \"Eten\"\ndescription = \"x\"\ncues = [\"maaltijd\", \"maaltijden\", \"eerst kloppen\"]\n\n\
         [[themes]]\nid = \"bejegening\"\nlabel = \"Bejegening\"\ncues = [\"eerst kloppen\"]\n",
    )
    .unwrap();
    let (ok, out, _) = run(&["taxonomy", "--check", "--taxonomy", path.to_str().unwrap()]);
    assert!(ok);
    assert!(out.contains("eten: 'maaltijden': matches the same words as 'maaltijd' in this theme"), "{out}");
    assert!(out.contains("bejegening: 'eerst kloppen': counts fully here and in 'eten'"), "{out}");
    assert!(out.contains("1 cues count fully in two themes (0 more on purpose"), "{out}");
    assert!(out.contains("1 add nothing"), "{out}");
}

/// Taxonomy errors name the file and the line; the stopword-cue error named
/// neither, and an unknown version was read as version 1.
#[test]
fn taxonomy_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mijn.toml");
    let file = path.to_str().unwrap();
    let theme = "[[themes]]\nid = \"eten\"\nlabel = \"Eten\"\ncues = [\"soep\",\n  \"de\"]\n";
    std::fs::write(&path, theme).unwrap();
    let input = crate::fixture("voorbeeld.csv");
    let out = dir.path().join("rapport");
    let analyse = ["analyse", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--taxonomy", file];
    for args in [&["taxonomy", "--check", "--taxonomy", file][..], &analyse] {
        let (ok, _, err) = run(args);
        assert!(!ok);
        assert_eq!(
            err,
            format!(
                "leefwereld: error: {file}:5: theme 'eten': cue 'de' is a stopword and would match almost any text\n"
            )
        );
    }
    std::fs::write(&path, format!("version = 3\n{theme}")).unwrap();
    let (ok, _, err) = run(&["taxonomy", "--taxonomy", file]);
    assert!(!ok);
    assert_eq!(
        err,
        format!("leefwereld: error: {file}:1: unknown taxonomy version 3: this leefwereld reads version 1\n")
    );
}
