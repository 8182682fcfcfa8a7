//! Taxonomies: the themes, their labels and definitions, and the cue words
//! and phrases that signal them.
//!
//! The default taxonomy (`default_taxonomy.toml`, embedded in the binary) is
//! the one of the project's public contract. A user taxonomy is a TOML file in
//! the same format, as `leefwereld taxonomy --export FILE` writes it:
//!
//! ```toml
//! version = 1
//! name = "mijn-taxonomie"
//!
//! [[themes]]
//! id = "eten-en-drinken"
//! label = "Eten en drinken"
//! label_en = "Food and drink"
//! description = "Smaak, keuze, temperatuur, tijden van de maaltijd."
//! strong = ["avondeten", "warme maaltijd"]   # weight 2: distinctive
//! cues = ["soep", "koffie", "smaakt"]         # weight 1
//! weak = ["tafel"]                            # weight 0.5: only with others
//! ```
//!
//! A top-level `ignore = ["met vriendelijke groet", "zorggroep veilig wonen"]`
//! (before the first `[[themes]]`) lists words and phrases that never count
//! as evidence: a letter's closing formula, the name of an organisation or a
//! ward that contains a cue word. A cue match that lies wholly inside one of
//! them is dropped.
//!
//! A top-level `shared = ["eerst kloppen"]` lists cues that count fully in
//! two themes on purpose, because they mean both at once (knocking first is
//! respect and one's own space); `leefwereld taxonomy --check` lists every
//! other cue that does.
//!
//! Every error names the file and the line it is about; the only `version`
//! there is, and the default, is [`TAXONOMY_VERSION`].

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, ErrorKind};

/// The default taxonomy, as TOML.
pub const DEFAULT_TAXONOMY_TOML: &str = include_str!("default_taxonomy.toml");

/// The label of an experience that fits no theme. Not a theme id: a
/// taxonomy may not define it.
pub const OVERIG: &str = "overig";

/// The format version this crate reads and writes.
pub const TAXONOMY_VERSION: u32 = 1;

/// Weight of a `strong` cue.
pub const STRONG_WEIGHT: f32 = 2.0;
/// Weight of a plain cue.
pub const CUE_WEIGHT: f32 = 1.0;
/// Weight of a `weak` cue.
pub const WEAK_WEIGHT: f32 = 0.5;

/// A set of themes with their cues.
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    name: String,
    version: u32,
    themes: Vec<Theme>,
    ignore: Vec<String>,
    shared: Vec<String>,
    source: Source,
}

/// Where a taxonomy's parts were written, for error messages. No part of
/// what a taxonomy says: two taxonomies with the same themes are equal
/// wherever they were read from.
#[derive(Debug, Clone, Default)]
struct Source {
    /// The file (or another name for the text).
    origin: String,
    /// Per theme, per cue (in the order of [`Theme::cues`]): its 1-based line.
    cue_lines: Vec<Vec<usize>>,
    /// Per `ignore` entry: its 1-based line.
    ignore_lines: Vec<usize>,
}

impl PartialEq for Source {
    fn eq(&self, _: &Source) -> bool {
        true
    }
}

/// One theme of a taxonomy.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Theme {
    /// Stable id, as reports and gold files name it (`veiligheid`).
    pub id: String,
    /// Dutch label (`Veiligheid`).
    pub label: String,
    /// English label (`Safety`).
    pub label_en: String,
    /// What belongs to the theme, in one or two sentences.
    pub description: String,
    /// Words and phrases that signal the theme, with their weights.
    pub cues: Vec<Cue>,
}

/// A word or phrase that signals a theme.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Cue {
    /// As written in the taxonomy ("maaltijd", "over mijn hoofd heen").
    pub text: String,
    /// How much one match adds to the theme's score.
    pub weight: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    version: Option<toml::Spanned<u32>>,
    name: Option<String>,
    #[serde(default)]
    ignore: Vec<toml::Spanned<String>>,
    #[serde(default)]
    shared: Vec<toml::Spanned<String>>,
    themes: Vec<toml::Spanned<RawTheme>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    id: toml::Spanned<String>,
    label: String,
    label_en: Option<String>,
    description: Option<String>,
    #[serde(default)]
    strong: Vec<toml::Spanned<String>>,
    #[serde(default)]
    cues: Vec<toml::Spanned<String>>,
    #[serde(default)]
    weak: Vec<toml::Spanned<String>>,
}

impl Default for Taxonomy {
    /// The default life-world taxonomy.
    fn default() -> Self {
        Taxonomy::from_toml(DEFAULT_TAXONOMY_TOML, "<default taxonomy>").expect("the embedded taxonomy is valid")
    }
}

impl Taxonomy {
    /// Reads and validates a taxonomy file.
    pub fn from_path(path: &Path) -> Result<Taxonomy, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Taxonomy::from_toml(&text, &path.display().to_string())
    }

    /// Parses and validates a taxonomy from TOML text; `origin` names the text
    /// in error messages.
    ///
    /// ```
    /// use leefwereld::Taxonomy;
    /// let t = Taxonomy::from_toml(r#"
    /// [[themes]]
    /// id = "eten"
    /// label = "Eten"
    /// cues = ["soep"]
    /// "#, "mijn.toml").unwrap();
    /// assert_eq!(t.themes()[0].cues[0].text, "soep");
    ///
    /// let err = Taxonomy::from_toml("[[themes]]\nid = \"x\"\nlabel = \"X\"\n", "mijn.toml").unwrap_err();
    /// assert_eq!(err.to_string(), "mijn.toml:1: theme 'x' has no cues: give it `strong`, `cues` or `weak` words");
    /// ```
    pub fn from_toml(text: &str, origin: &str) -> Result<Taxonomy, Error> {
        // Every error names a line: the first when nothing points elsewhere.
        let newlines: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
        let line_of = |offset: usize| newlines.partition_point(|&n| n < offset) + 1;
        let fail = |range: Option<Range<usize>>, message: String| {
            taxonomy_error(origin, range.map_or(1, |r| line_of(r.start)), message)
        };
        let raw: RawTaxonomy = toml::from_str(text).map_err(|e| fail(e.span(), e.message().to_string()))?;
        let version = match raw.version {
            Some(v) if *v.get_ref() != TAXONOMY_VERSION => {
                return Err(fail(
                    Some(v.span()),
                    format!(
                        "unknown taxonomy version {}: this leefwereld reads version {TAXONOMY_VERSION}",
                        v.get_ref()
                    ),
                ));
            }
            _ => TAXONOMY_VERSION,
        };
        if raw.themes.is_empty() {
            let at = text.lines().position(|l| l.trim_start().starts_with("themes")).map_or(1, |i| i + 1);
            return Err(taxonomy_error(origin, at, "no themes: add at least one [[themes]] table".into()));
        }
        let mut themes: Vec<Theme> = Vec::with_capacity(raw.themes.len());
        let mut cue_lines: Vec<Vec<usize>> = Vec::with_capacity(raw.themes.len());
        for spanned in raw.themes {
            let theme_span = spanned.span();
            let t = spanned.into_inner();
            let id_span = t.id.span();
            let id = t.id.into_inner();
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                return Err(fail(Some(id_span), format!("theme id '{id}' must be lowercase letters, digits and '-'")));
            }
            if id == OVERIG {
                return Err(fail(
                    Some(id_span),
                    format!("'{OVERIG}' is the label for 'no theme' and cannot be a theme id"),
                ));
            }
            if themes.iter().any(|x| x.id == id) {
                return Err(fail(Some(id_span), format!("duplicate theme id '{id}'")));
            }
            let mut cues: Vec<Cue> = Vec::new();
            let mut lines: Vec<usize> = Vec::new();
            for (list, weight) in [(t.strong, STRONG_WEIGHT), (t.cues, CUE_WEIGHT), (t.weak, WEAK_WEIGHT)] {
                for cue in list {
                    let span = cue.span();
                    let line = line_of(span.start);
                    let text = cue.into_inner().trim().to_lowercase();
                    if text.is_empty() {
                        return Err(fail(Some(span), format!("theme '{id}' has an empty cue")));
                    }
                    if cues.iter().any(|c| c.text == text) {
                        return Err(fail(Some(span), format!("theme '{id}' lists the cue '{text}' twice")));
                    }
                    cues.push(Cue { text, weight });
                    lines.push(line);
                }
            }
            if cues.is_empty() {
                return Err(fail(
                    Some(theme_span),
                    format!("theme '{id}' has no cues: give it `strong`, `cues` or `weak` words"),
                ));
            }
            cue_lines.push(lines);
            themes.push(Theme {
                label_en: t.label_en.unwrap_or_else(|| t.label.clone()),
                label: t.label,
                description: t.description.unwrap_or_default(),
                id,
                cues,
            });
        }
        let mut ignore: Vec<String> = Vec::with_capacity(raw.ignore.len());
        let mut ignore_lines: Vec<usize> = Vec::with_capacity(raw.ignore.len());
        for entry in raw.ignore {
            let span = entry.span();
            let line = line_of(span.start);
            let text = entry.into_inner().trim().to_lowercase();
            if text.is_empty() {
                return Err(fail(Some(span), "`ignore` has an empty entry".into()));
            }
            if ignore.contains(&text) {
                return Err(fail(Some(span), format!("`ignore` lists '{text}' twice")));
            }
            ignore.push(text);
            ignore_lines.push(line);
        }
        let mut shared: Vec<String> = Vec::with_capacity(raw.shared.len());
        for entry in raw.shared {
            let span = entry.span();
            let text = entry.into_inner().trim().to_lowercase();
            if !themes.iter().any(|t| t.cues.iter().any(|c| c.text == text)) {
                return Err(fail(Some(span), format!("`shared` lists '{text}', which is no cue of any theme")));
            }
            if shared.contains(&text) {
                return Err(fail(Some(span), format!("`shared` lists '{text}' twice")));
            }
            shared.push(text);
        }
        Ok(Taxonomy {
            name: raw.name.unwrap_or_else(|| "eigen".into()),
            version,
            themes,
            ignore,
            shared,
            source: Source { origin: origin.to_string(), cue_lines, ignore_lines },
        })
    }

    /// An error about cue `cue` of theme `theme` (indices into [`Taxonomy::themes`]
    /// and [`Theme::cues`]), at the cue's file and line.
    pub(crate) fn cue_error(&self, theme: usize, cue: usize, message: String) -> Error {
        let line = self.source.cue_lines.get(theme).and_then(|l| l.get(cue)).copied().unwrap_or(1);
        taxonomy_error(&self.source.origin, line, message)
    }

    /// An error about `ignore` entry `entry`, at its file and line.
    pub(crate) fn ignore_error(&self, entry: usize, message: String) -> Error {
        taxonomy_error(&self.source.origin, self.source.ignore_lines.get(entry).copied().unwrap_or(1), message)
    }

    /// The taxonomy's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The format version it was written in.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The themes, in the order the taxonomy lists them.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// Words and phrases that never count as evidence for any theme (the
    /// top-level `ignore` list), lowercased.
    pub fn ignored(&self) -> &[String] {
        &self.ignore
    }

    /// Cues that count fully in two themes on purpose (the top-level
    /// `shared` list), lowercased; [`check_taxonomy`](crate::theme::check_taxonomy)
    /// does not list them.
    pub fn shared(&self) -> &[String] {
        &self.shared
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// Every single word that appears in a cue or an `ignore` entry, for the
    /// compound splitter.
    pub fn cue_words(&self) -> impl Iterator<Item = &str> {
        let cues = self.themes.iter().flat_map(|t| t.cues.iter()).map(|c| c.text.as_str());
        cues.chain(self.ignore.iter().map(String::as_str)).flat_map(str::split_whitespace)
    }

    /// The taxonomy as TOML, in the format `from_toml` reads.
    pub fn to_toml(&self) -> String {
        use std::fmt::Write;
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let list = |cues: &[&Cue]| cues.iter().map(|c| q(&c.text)).collect::<Vec<_>>().join(", ");
        let mut out = String::new();
        let _ = writeln!(out, "version = {}\nname = {}", self.version, q(&self.name));
        if !self.ignore.is_empty() {
            let all: Vec<String> = self.ignore.iter().map(|i| q(i)).collect();
            let _ = writeln!(out, "ignore = [{}]", all.join(", "));
        }
        if !self.shared.is_empty() {
            let all: Vec<String> = self.shared.iter().map(|i| q(i)).collect();
            let _ = writeln!(out, "shared = [{}]", all.join(", "));
        }
        for t in &self.themes {
            let _ = writeln!(
                out,
                "\n[[themes]]\nid = {}\nlabel = {}\nlabel_en = {}",
                q(&t.id),
                q(&t.label),
                q(&t.label_en)
            );
            let _ = writeln!(out, "description = {}", q(&t.description));
            for (key, w) in [("strong", STRONG_WEIGHT), ("cues", CUE_WEIGHT), ("weak", WEAK_WEIGHT)] {
                let cs: Vec<&Cue> = t.cues.iter().filter(|c| c.weight == w).collect();
                if !cs.is_empty() {
                    let _ = writeln!(out, "{key} = [{}]", list(&cs));
                }
            }
        }
        out
    }
}

/// A taxonomy error at `line` of `origin`: what callers match on as
/// [`ErrorKind::Taxonomy`].
fn taxonomy_error(origin: &str, line: usize, message: String) -> Error {
    Error::new(ErrorKind::Taxonomy { origin: origin.to_string(), line: Some(line), message })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The theme ids of the public contract (../shared/taxonomy.md).
    const CONTRACT_IDS: [&str; 12] = [
        "veiligheid",
        "bejegening",
        "sociale-omgang",
        "eten-en-drinken",
        "thuis-voelen",
        "gehoord-en-gezien",
        "inclusie",
        "zeggenschap",
        "dagbesteding",
        "personeel",
        "informatie-communicatie",
        "zorg-en-gezondheid",
    ];

    #[test]
    fn default_taxonomy_has_the_contract_ids_and_enough_cues() {
        let t = Taxonomy::default();
        let ids: Vec<&str> = t.themes().iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, CONTRACT_IDS);
        for theme in t.themes() {
            assert!(theme.cues.len() >= 60, "{} has {} cues", theme.id, theme.cues.len());
            let phrases = theme.cues.iter().filter(|c| c.text.contains(' ')).count();
            assert!(phrases >= 15, "{} has {phrases} phrases", theme.id);
            assert!(!theme.label.is_empty() && !theme.label_en.is_empty() && !theme.description.is_empty());
        }
    }

    #[test]
    fn export_reads_back_the_same() {
        let t = Taxonomy::default();
        let again = Taxonomy::from_toml(&t.to_toml(), "export").unwrap();
        assert_eq!(t, again);
    }

    fn err(text: &str) -> String {
        Taxonomy::from_toml(text, "t.toml").unwrap_err().to_string()
    }

    #[test]
    fn mistakes_are_reported_with_their_line() {
        assert_eq!(
            err("[[themes]]\nid = \"a\"\nlabel = \"A\"\ncues = [\"x\"]\nkleur = \"rood\"\n"),
            "t.toml:5: unknown field `kleur`, expected one of `id`, `label`, `label_en`, `description`, `strong`, `cues`, `weak`"
        );
        assert_eq!(
            err(
                "[[themes]]\nid = \"a\"\nlabel = \"A\"\ncues = [\"x\"]\n\n[[themes]]\nid = \"a\"\nlabel = \"B\"\ncues = [\"y\"]\n"
            ),
            "t.toml:7: duplicate theme id 'a'"
        );
        assert_eq!(
            err("[[themes]]\nid = \"Eten\"\nlabel = \"A\"\ncues = [\"x\"]\n"),
            "t.toml:2: theme id 'Eten' must be lowercase letters, digits and '-'"
        );
        assert_eq!(
            err("[[themes]]\nid = \"overig\"\nlabel = \"A\"\ncues = [\"x\"]\n"),
            "t.toml:2: 'overig' is the label for 'no theme' and cannot be a theme id"
        );
        assert_eq!(err("name = \"x\"\nthemes = []\n"), "t.toml:2: no themes: add at least one [[themes]] table");
        assert!(err("name = \"x\"\n").starts_with("t.toml:1: missing field `themes`"), "{}", err("name = \"x\"\n"));
        assert_eq!(
            err("ignore = [\"mvg\",\n  \"MVG\"]\n[[themes]]\nid = \"a\"\nlabel = \"A\"\ncues = [\"x\"]\n"),
            "t.toml:2: `ignore` lists 'mvg' twice"
        );
        assert!(err("[[themes]\n").starts_with("t.toml:1: "), "{}", err("[[themes]\n"));
        assert_eq!(
            err("[[themes]]\nid = \"a\"\nlabel = \"A\"\ncues = [\"x\", \"y\",\n  \"x\"]\n"),
            "t.toml:5: theme 'a' lists the cue 'x' twice"
        );
        assert_eq!(
            err("shared = [\"x\",\n  \"soep\"]\n[[themes]]\nid = \"a\"\nlabel = \"A\"\ncues = [\"x\"]\n"),
            "t.toml:2: `shared` lists 'soep', which is no cue of any theme"
        );
    }

    /// A taxonomy written for a later format was read as if it were
    /// version 1.
    #[test]
    fn unknown_version_is_refused_with_its_line() {
        let theme = "[[themes]]\nid = \"a\"\nlabel = \"A\"\ncues = [\"x\"]\n";
        let e = Taxonomy::from_toml(&format!("name = \"n\"\nversion = 2\n{theme}"), "t.toml").unwrap_err();
        assert_eq!(e.to_string(), "t.toml:2: unknown taxonomy version 2: this leefwereld reads version 1");
        assert!(matches!(e.kind(), ErrorKind::Taxonomy { origin, line: Some(2), .. } if origin == "t.toml"));
        assert!(err(&format!("version = \"een\"\n{theme}")).starts_with("t.toml:1: "));
        assert_eq!(Taxonomy::from_toml(&format!("version = 1\n{theme}"), "t.toml").unwrap().version(), 1);
    }

    #[test]
    fn shared_cues_read_back_and_do_not_make_taxonomies_differ_by_origin() {
        let toml = "shared = [\"Eerst kloppen\"]\n[[themes]]\nid = \"a\"\nlabel = \"A\"\ncues = [\"eerst kloppen\"]\n";
        let t = Taxonomy::from_toml(toml, "a.toml").unwrap();
        assert_eq!(t.shared(), ["eerst kloppen"]);
        assert_eq!(Taxonomy::from_toml(&t.to_toml(), "b.toml").unwrap(), t);
    }
}
