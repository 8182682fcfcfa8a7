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

#[test]
fn check_lists_shared_and_redundant_cues() {
    let (ok, out, _) = run(&["taxonomy", "--check"]);
    assert!(ok);
    assert!(out.contains("thuis-voelen: 'eerst kloppen': counts fully here and in 'bejegening'"), "{out}");
    assert!(
        out.lines().last().unwrap().starts_with("taxonomy leefwereld-standaard: 26 cues count fully in two themes")
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mijn.toml");
    std::fs::write(
        &path,
        "[[themes]]\nid = \"eten\"\nlabel = \"Eten\"\ndescription = \"x\"\ncues = [\"maaltijd\", \"maaltijden\"]\n",
    )
    .unwrap();
    let (ok, out, _) = run(&["taxonomy", "--check", "--taxonomy", path.to_str().unwrap()]);
    assert!(ok);
    assert!(out.contains("eten: 'maaltijden': matches the same words as 'maaltijd' in this theme"), "{out}");
    assert!(out.contains("0 cues count fully in two themes, 1 add nothing"), "{out}");
}
