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
