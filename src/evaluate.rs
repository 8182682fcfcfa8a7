//! Evaluation against gold-labelled experiences: precision, recall and F1
//! per theme, micro and macro averages, exact match, Hamming loss, and the
//! confusions that explain the errors.
//!
//! Gold files are JSON Lines in the format of the project's taxonomy
//! contract: `{"id", "text", "themes": [...], "sentiment"?, "role"?,
//! "pii"?: [{"start", "end", "kind"}]}`, with `["overig"]` for an experience
//! that fits no theme. Metrics are plain functions of predictions and gold
//! ([`ThemeScores::compute`]), so any assigner can be measured the same way.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::engine::Engine;
use crate::error::Error;
use crate::theme::{OVERIG, Taxonomy};

/// Kinds of personal data a gold file may annotate.
pub const PII_KINDS: [&str; 7] = ["naam", "telefoon", "email", "bsn", "adres", "datum", "leeftijd"];
/// Sentiment labels a gold file may use.
pub const SENTIMENTS: [&str; 4] = ["positief", "negatief", "gemengd", "neutraal"];
/// Roles a gold file may use.
pub const ROLES: [&str; 3] = ["client", "naaste", "medewerker"];

/// One gold-labelled experience.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldExperience {
    /// Its id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Indices of its themes in the taxonomy; empty for `overig`.
    pub themes: Vec<usize>,
    /// `positief`, `negatief`, `gemengd` or `neutraal`, when labelled.
    pub sentiment: Option<String>,
    /// `client`, `naaste` or `medewerker`, when labelled.
    pub role: Option<String>,
    /// Annotated personal data.
    pub pii: Vec<GoldPii>,
    /// Whether the record has a `pii` field at all (an empty one says: none
    /// here); only such records count for the PII scores.
    pub pii_annotated: bool,
    /// The 1-based line in the gold file.
    pub line: u64,
}

/// An annotated span of personal data, in char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPii {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// One of [`PII_KINDS`].
    pub kind: String,
}

#[derive(Deserialize)]
struct RawGold {
    id: String,
    text: String,
    themes: Vec<String>,
    sentiment: Option<String>,
    role: Option<String>,
    pii: Option<Vec<RawPii>>,
}

#[derive(Deserialize)]
struct RawPii {
    start: usize,
    end: usize,
    kind: String,
}

/// Reads and validates a gold file against `taxonomy`.
pub fn read_gold(path: &Path, taxonomy: &Taxonomy) -> Result<Vec<GoldExperience>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_gold(&text, &path.display().to_string(), taxonomy)
}

/// Parses and validates gold JSON Lines; `name` names the text in errors.
///
/// ```
/// let tax = leefwereld::Taxonomy::default();
/// let gold = leefwereld::parse_gold(
///     r#"{"id": "1", "text": "De soep was lauw.", "themes": ["eten-en-drinken"]}"#, "g.jsonl", &tax).unwrap();
/// assert_eq!(gold[0].themes, [3]);
/// let err = leefwereld::parse_gold(r#"{"id": "1", "text": "x", "themes": ["eten"]}"#, "g.jsonl", &tax).unwrap_err();
/// assert!(err.to_string().starts_with("g.jsonl:1: unknown theme id 'eten'"));
/// ```
pub fn parse_gold(text: &str, name: &str, taxonomy: &Taxonomy) -> Result<Vec<GoldExperience>, Error> {
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fail = |m: String| Error::gold(name, Some(n), m);
        let raw: RawGold = serde_json::from_str(line).map_err(|e| fail(format!("not a valid gold record: {e}")))?;
        if !ids.insert(raw.id.clone()) {
            return Err(fail(format!("duplicate id '{}'", raw.id)));
        }
        let themes = theme_indices(&raw.themes, taxonomy).map_err(fail)?;
        if raw.themes.is_empty() || raw.themes.len() > 3 {
            return Err(fail(format!(
                "an experience has one to three themes or [\"{OVERIG}\"], not {}",
                raw.themes.len()
            )));
        }
        if let Some(s) = &raw.sentiment {
            if !SENTIMENTS.contains(&s.as_str()) {
                return Err(fail(format!("unknown sentiment '{s}'; known: {}", SENTIMENTS.join(", "))));
            }
        }
        if let Some(r) = &raw.role {
            if !ROLES.contains(&r.as_str()) {
                return Err(fail(format!("unknown role '{r}'; known: {}", ROLES.join(", "))));
            }
        }
        let chars = raw.text.chars().count();
        let pii_annotated = raw.pii.is_some();
        let mut pii = Vec::new();
        for p in raw.pii.unwrap_or_default() {
            if p.start >= p.end || p.end > chars {
                return Err(fail(format!(
                    "pii span {}..{} is outside the text ({chars} characters) or empty",
                    p.start, p.end
                )));
            }
            if !PII_KINDS.contains(&p.kind.as_str()) {
                return Err(fail(format!("unknown pii kind '{}'; known: {}", p.kind, PII_KINDS.join(", "))));
            }
            pii.push(GoldPii { start: p.start, end: p.end, kind: p.kind });
        }
        out.push(GoldExperience {
            id: raw.id,
            text: raw.text,
            themes,
            sentiment: raw.sentiment,
            role: raw.role,
            pii,
            pii_annotated,
            line: n,
        });
    }
    if out.is_empty() {
        return Err(Error::gold(name, None, "no gold records"));
    }
    Ok(out)
}

/// The taxonomy indices of theme ids; `overig` stands alone and means none.
fn theme_indices(ids: &[String], taxonomy: &Taxonomy) -> Result<Vec<usize>, String> {
    let mut themes = Vec::new();
    for t in ids {
        if t == OVERIG {
            if ids.len() > 1 {
                return Err(format!("'{OVERIG}' must stand alone, not with other themes"));
            }
            continue;
        }
        let idx = taxonomy.themes().iter().position(|x| x.id == *t).ok_or_else(|| {
            let known: Vec<&str> = taxonomy.themes().iter().map(|x| x.id.as_str()).collect();
            format!("unknown theme id '{t}'; known: {}, {OVERIG}", known.join(", "))
        })?;
        if themes.contains(&idx) {
            return Err(format!("theme '{t}' is listed twice"));
        }
        themes.push(idx);
    }
    Ok(themes)
}

#[derive(Deserialize)]
struct RawPrediction {
    id: String,
    themes: Vec<String>,
}

/// Reads the themes another tool or annotator gave to the experiences of
/// `gold`, to measure them like an assigner (see [`parse_predictions`]).
pub fn read_predictions(path: &Path, taxonomy: &Taxonomy, gold: &[GoldExperience]) -> Result<Vec<Vec<usize>>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_predictions(&text, &path.display().to_string(), taxonomy, gold)
}

/// Parses predictions: JSON Lines of `{"id", "themes": [...]}` (other fields
/// are ignored), one line for every gold experience, in any order. `themes`
/// may be empty or `["overig"]` for no theme, and may hold more than three.
/// Returns the predicted theme indices in the order of `gold`; `name` names
/// the text in errors.
///
/// ```
/// let tax = leefwereld::Taxonomy::default();
/// let gold = leefwereld::parse_gold(
///     r#"{"id": "1", "text": "De soep was lauw.", "themes": ["eten-en-drinken"]}"#, "g.jsonl", &tax).unwrap();
/// let p = leefwereld::parse_predictions(r#"{"id": "1", "themes": ["overig"]}"#, "p.jsonl", &tax, &gold).unwrap();
/// assert_eq!(p, [Vec::<usize>::new()]);
/// let err = leefwereld::parse_predictions("", "p.jsonl", &tax, &gold).unwrap_err();
/// assert_eq!(err.to_string(), "p.jsonl: no prediction for gold id '1' (1 of 1 missing)");
/// ```
pub fn parse_predictions(
    text: &str,
    name: &str,
    taxonomy: &Taxonomy,
    gold: &[GoldExperience],
) -> Result<Vec<Vec<usize>>, Error> {
    let index: std::collections::HashMap<&str, usize> =
        gold.iter().enumerate().map(|(i, g)| (g.id.as_str(), i)).collect();
    let mut out: Vec<Option<Vec<usize>>> = vec![None; gold.len()];
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fail = |m: String| Error::gold(name, Some(n), m);
        let raw: RawPrediction =
            serde_json::from_str(line).map_err(|e| fail(format!("not a valid prediction record: {e}")))?;
        let at = *index.get(raw.id.as_str()).ok_or_else(|| fail(format!("id '{}' is not in the gold file", raw.id)))?;
        if out[at].is_some() {
            return Err(fail(format!("duplicate id '{}'", raw.id)));
        }
        out[at] = Some(theme_indices(&raw.themes, taxonomy).map_err(fail)?);
    }
    let missing = out.iter().filter(|p| p.is_none()).count();
    if let Some(first) = out.iter().position(Option::is_none) {
        let m = format!("no prediction for gold id '{}' ({missing} of {} missing)", gold[first].id, gold.len());
        return Err(Error::gold(name, None, m));
    }
    Ok(out.into_iter().flatten().collect())
}

/// Precision, recall, F1 and support of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassScores {
    /// The theme id.
    pub id: String,
    /// Correct / predicted (0 when nothing was predicted).
    pub precision: f64,
    /// Correct / gold (0 when the gold has none).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Gold experiences with this theme.
    pub support: u64,
    /// Experiences predicted with this theme.
    pub predicted: u64,
    /// Correct predictions.
    pub true_positives: u64,
}

/// How often a gold theme was missed while another was predicted instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusion {
    /// The gold theme that was missed (`overig`: the gold had no theme).
    pub gold: String,
    /// The theme predicted instead (`overig`: nothing was predicted).
    pub predicted: String,
    /// How many experiences.
    pub count: u64,
}

/// Multi-label theme scores.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeScores {
    /// Experiences measured.
    pub n: u64,
    /// Per theme, in the taxonomy's order.
    pub per_theme: Vec<ClassScores>,
    /// Precision over all (experience, theme) decisions.
    pub micro_precision: f64,
    /// Recall over all decisions.
    pub micro_recall: f64,
    /// F1 over all decisions.
    pub micro_f1: f64,
    /// Mean of the per-theme precisions.
    pub macro_precision: f64,
    /// Mean of the per-theme recalls.
    pub macro_recall: f64,
    /// Mean of the per-theme F1s.
    pub macro_f1: f64,
    /// Share of experiences whose predicted set equals the gold set.
    pub exact_match: f64,
    /// Share of wrong (experience, theme) decisions.
    pub hamming_loss: f64,
    /// Most frequent confusions first.
    pub confusions: Vec<Confusion>,
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

impl ThemeScores {
    /// Scores `predicted` against `gold`: for each experience, the indices of
    /// its themes into `theme_ids` (empty means `overig`).
    ///
    /// ```
    /// use leefwereld::ThemeScores;
    /// let ids = ["a".to_string(), "b".to_string()];
    /// let s = ThemeScores::compute(&ids, &[vec![0], vec![1], vec![]], &[vec![0], vec![0], vec![]]);
    /// assert_eq!(s.per_theme[0].precision, 0.5);
    /// assert_eq!(s.per_theme[1].recall, 0.0);
    /// assert_eq!(s.exact_match, 2.0 / 3.0);
    /// assert_eq!(s.confusions[0].gold, "b");
    /// ```
    pub fn compute(theme_ids: &[String], gold: &[Vec<usize>], predicted: &[Vec<usize>]) -> ThemeScores {
        assert_eq!(gold.len(), predicted.len(), "one prediction per gold experience");
        let k = theme_ids.len();
        let (mut tp, mut pred, mut sup) = (vec![0u64; k], vec![0u64; k], vec![0u64; k]);
        let (mut exact, mut wrong) = (0u64, 0u64);
        let mut confusions: BTreeMap<(String, String), u64> = BTreeMap::new();
        let name = |i: Option<usize>| i.map_or(OVERIG.to_string(), |i| theme_ids[i].clone());
        for (g, p) in gold.iter().zip(predicted) {
            for &t in g {
                sup[t] += 1;
                if p.contains(&t) {
                    tp[t] += 1;
                }
            }
            for &t in p {
                pred[t] += 1;
            }
            let missed: Vec<usize> = g.iter().copied().filter(|t| !p.contains(t)).collect();
            let extra: Vec<usize> = p.iter().copied().filter(|t| !g.contains(t)).collect();
            wrong += (missed.len() + extra.len()) as u64;
            if missed.is_empty() && extra.is_empty() {
                exact += 1;
            }
            // Pair each miss with each spurious theme; a miss with nothing
            // instead pairs with overig, and so does a spurious theme.
            let misses: Vec<Option<usize>> =
                if missed.is_empty() { vec![None] } else { missed.into_iter().map(Some).collect() };
            let extras: Vec<Option<usize>> =
                if extra.is_empty() { vec![None] } else { extra.into_iter().map(Some).collect() };
            for m in &misses {
                for e in &extras {
                    if m.is_some() || e.is_some() {
                        *confusions.entry((name(*m), name(*e))).or_default() += 1;
                    }
                }
            }
        }
        let per_theme: Vec<ClassScores> = (0..k)
            .map(|t| {
                let (p, r) = (ratio(tp[t], pred[t]), ratio(tp[t], sup[t]));
                ClassScores {
                    id: theme_ids[t].clone(),
                    precision: p,
                    recall: r,
                    f1: f1(p, r),
                    support: sup[t],
                    predicted: pred[t],
                    true_positives: tp[t],
                }
            })
            .collect();
        let (all_tp, all_pred, all_sup) = (tp.iter().sum(), pred.iter().sum(), sup.iter().sum());
        let (mp, mr) = (ratio(all_tp, all_pred), ratio(all_tp, all_sup));
        let mean = |f: fn(&ClassScores) -> f64| {
            if k == 0 { 0.0 } else { per_theme.iter().map(f).sum::<f64>() / k as f64 }
        };
        let mut confusions: Vec<Confusion> =
            confusions.into_iter().map(|((gold, predicted), count)| Confusion { gold, predicted, count }).collect();
        confusions
            .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| (&a.gold, &a.predicted).cmp(&(&b.gold, &b.predicted))));
        let n = gold.len() as u64;
        ThemeScores {
            n,
            micro_precision: mp,
            micro_recall: mr,
            micro_f1: f1(mp, mr),
            macro_precision: mean(|c| c.precision),
            macro_recall: mean(|c| c.recall),
            macro_f1: mean(|c| c.f1),
            exact_match: ratio(exact, n),
            hamming_loss: ratio(wrong, n * k as u64),
            per_theme,
            confusions,
        }
    }
}

/// Recall and precision of one kind of personal data.
#[derive(Debug, Clone, PartialEq)]
pub struct PiiKindScores {
    /// The kind (`naam`, `telefoon`, ...).
    pub kind: String,
    /// Share of the gold characters of this kind that were found.
    pub recall: f64,
    /// Share of the characters found as this kind that are gold personal data.
    pub precision: f64,
    /// Gold characters of this kind.
    pub support: u64,
}

/// How well the redactor finds annotated personal data, on character overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct PiiScores {
    /// Experiences with a `pii` field.
    pub n: u64,
    /// Share of gold personal-data characters inside a found span (of any kind).
    pub recall: f64,
    /// Share of found characters that are gold personal data (of any kind).
    pub precision: f64,
    /// Per gold kind (recall) and found kind (precision).
    pub per_kind: Vec<PiiKindScores>,
}

/// The gold kind a found kind counts as.
fn gold_kind(kind: crate::privacy::PiiKind) -> &'static str {
    use crate::privacy::PiiKind::*;
    match kind {
        Naam => "naam",
        Telefoon => "telefoon",
        Email | Url => "email",
        Bsn | Iban => "bsn",
        Adres => "adres",
        Datum => "datum",
        Leeftijd => "leeftijd",
    }
}

/// Scores `redactor` on the gold experiences that annotate personal data;
/// `None` when none does.
///
/// ```
/// let tax = leefwereld::Taxonomy::default();
/// let gold = leefwereld::parse_gold(
///     r#"{"id": "1", "text": "Zuster Anja belde.", "themes": ["bejegening"], "pii": [{"start": 7, "end": 11, "kind": "naam"}]}"#,
///     "g.jsonl", &tax).unwrap();
/// let s = leefwereld::evaluate_pii(&leefwereld::Redactor::new(), &gold).unwrap();
/// assert_eq!((s.recall, s.precision), (1.0, 1.0));
/// ```
pub fn evaluate_pii(redactor: &crate::privacy::Redactor, gold: &[GoldExperience]) -> Option<PiiScores> {
    let annotated: Vec<&GoldExperience> = gold.iter().filter(|g| g.pii_annotated).collect();
    if annotated.is_empty() {
        return None;
    }
    let mut stats: BTreeMap<&str, [u64; 4]> = PII_KINDS.iter().map(|k| (*k, [0; 4])).collect(); // gold, found-in-gold, predicted, predicted-in-gold
    let (mut gold_chars, mut gold_found, mut pred_chars, mut pred_true) = (0u64, 0u64, 0u64, 0u64);
    for g in annotated {
        let n = g.text.chars().count();
        // Per char: gold kind, found kind.
        let mut truth: Vec<Option<&str>> = vec![None; n];
        for p in &g.pii {
            for t in &mut truth[p.start..p.end] {
                *t = Some(p.kind.as_str());
            }
        }
        let mut found: Vec<Option<&str>> = vec![None; n];
        let char_at = |byte: usize| g.text[..byte].chars().count();
        for s in redactor.find(&g.text) {
            for f in &mut found[char_at(s.start)..char_at(s.end)] {
                *f = Some(gold_kind(s.kind));
            }
        }
        for (t, f) in truth.iter().zip(&found) {
            if let Some(k) = t {
                gold_chars += 1;
                let e = stats.entry(k).or_default();
                e[0] += 1;
                if f.is_some() {
                    gold_found += 1;
                    e[1] += 1;
                }
            }
            if let Some(k) = f {
                pred_chars += 1;
                let e = stats.entry(k).or_default();
                e[2] += 1;
                if t.is_some() {
                    pred_true += 1;
                    e[3] += 1;
                }
            }
        }
    }
    let per_kind = stats
        .into_iter()
        .map(|(kind, [g, gf, p, pt])| PiiKindScores {
            kind: kind.to_string(),
            recall: ratio(gf, g),
            precision: ratio(pt, p),
            support: g,
        })
        .collect();
    Some(PiiScores {
        n: gold.iter().filter(|g| g.pii_annotated).count() as u64,
        recall: ratio(gold_found, gold_chars),
        precision: ratio(pred_true, pred_chars),
        per_kind,
    })
}

/// A method of assigning themes, for evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// The default untrained assigner: the taxonomy's cue lexicon.
    Lexicon,
    /// The baseline: the words of each theme's label as keywords, matched on
    /// stems, one match assigns (how QDA tools auto-code).
    Keyword,
    /// Themes read from a file ([`read_predictions`]): another tool's output
    /// or a second annotator's labels. It has no engine.
    Predictions,
}

impl Method {
    /// Its name on the command line (`lexicon`, `keyword`).
    pub fn name(self) -> &'static str {
        match self {
            Method::Lexicon => "lexicon",
            Method::Keyword => "keyword",
            Method::Predictions => "predictions",
        }
    }

    /// Parses a method name.
    pub fn parse(s: &str) -> Option<Method> {
        match s {
            "lexicon" => Some(Method::Lexicon),
            "keyword" => Some(Method::Keyword),
            _ => None,
        }
    }

    /// An engine that assigns themes by this method with `taxonomy`'s themes
    /// (an error for [`Method::Predictions`], which reads its themes).
    pub fn engine(self, taxonomy: &Taxonomy) -> Result<Engine, Error> {
        match self {
            Method::Lexicon => Engine::new(taxonomy.clone()),
            Method::Keyword => Engine::new(keyword_taxonomy(taxonomy)?),
            Method::Predictions => {
                Err(Error::input("predictions", None, "predictions are read from a file; they have no engine"))
            }
        }
    }
}

/// The baseline taxonomy: each theme's cues are the words of its Dutch label
/// and of its id, stopwords left out.
pub fn keyword_taxonomy(taxonomy: &Taxonomy) -> Result<Taxonomy, Error> {
    use std::fmt::Write;
    let mut toml = String::new();
    for t in taxonomy.themes() {
        let mut words: Vec<String> = Vec::new();
        for w in t.label.split(|c: char| !c.is_alphanumeric()).chain(t.id.split('-')) {
            let w = w.to_lowercase();
            if w.chars().count() > 2 && !crate::analysis::stopwords::is_stopword(&w) && !words.contains(&w) {
                words.push(w);
            }
        }
        let list: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
        let _ = writeln!(toml, "[[themes]]\nid = {:?}\nlabel = {:?}\ncues = [{}]\n", t.id, t.label, list.join(", "));
    }
    Taxonomy::from_toml(&toml, "keyword baseline")
}

/// The result of evaluating one method on a gold file.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The method.
    pub method: Method,
    /// Theme scores.
    pub themes: ThemeScores,
    /// How much the F1s would vary on other texts like these.
    pub intervals: F1Intervals,
}

/// 95% bootstrap intervals of macro- and micro-F1: the F1s of
/// [`BOOTSTRAP_ROUNDS`] samples of the experiences drawn with replacement
/// (a fixed seed, so the same gold and predictions give the same interval),
/// cut at the 2.5th and 97.5th percentile. On 375 experiences they are
/// about 0.07 wide: differences smaller than that are not shown by the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct F1Intervals {
    /// (low, high) of macro-F1.
    pub macro_f1: (f64, f64),
    /// (low, high) of micro-F1.
    pub micro_f1: (f64, f64),
}

/// Samples drawn for [`F1Intervals`].
pub const BOOTSTRAP_ROUNDS: usize = 1000;

impl F1Intervals {
    /// The intervals for `predicted` against `gold` (theme indices per
    /// experience, below `themes`).
    ///
    /// ```
    /// let gold: Vec<Vec<usize>> = (0..100).map(|i| vec![i % 2]).collect();
    /// let i = leefwereld::F1Intervals::compute(2, &gold, &gold);
    /// assert_eq!(i.macro_f1, (1.0, 1.0));
    /// ```
    ///
    /// A theme absent from a sample (no gold, no prediction) counts with F1
    /// 0 there, as in [`ThemeScores::compute`]: on a handful of experiences
    /// the interval is wide for that reason too.
    pub fn compute(themes: usize, gold: &[Vec<usize>], predicted: &[Vec<usize>]) -> F1Intervals {
        assert_eq!(gold.len(), predicted.len(), "one prediction per gold experience");
        let n = gold.len();
        // Per experience and theme: (true positive, predicted, gold) counts.
        let counts: Vec<[u32; 3]> = gold
            .iter()
            .zip(predicted)
            .flat_map(|(g, p)| {
                (0..themes).map(move |t| {
                    let (in_g, in_p) = (g.contains(&t) as u32, p.contains(&t) as u32);
                    [in_g & in_p, in_p, in_g]
                })
            })
            .collect();
        let mut rng = fastrand::Rng::with_seed(0x1eef_3e21d);
        let (mut macros, mut micros) = (Vec::with_capacity(BOOTSTRAP_ROUNDS), Vec::with_capacity(BOOTSTRAP_ROUNDS));
        let mut sums = vec![[0u64; 3]; themes];
        for _ in 0..BOOTSTRAP_ROUNDS {
            sums.iter_mut().for_each(|s| *s = [0; 3]);
            for _ in 0..n {
                let e = rng.usize(..n);
                for (s, c) in sums.iter_mut().zip(&counts[e * themes..(e + 1) * themes]) {
                    s[0] += c[0] as u64;
                    s[1] += c[1] as u64;
                    s[2] += c[2] as u64;
                }
            }
            let f = |s: &[u64; 3]| f1(ratio(s[0], s[1]), ratio(s[0], s[2]));
            macros.push(if themes == 0 { 0.0 } else { sums.iter().map(f).sum::<f64>() / themes as f64 });
            let all = sums.iter().fold([0u64; 3], |a, s| [a[0] + s[0], a[1] + s[1], a[2] + s[2]]);
            micros.push(f(&all));
        }
        let cut = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            (v[BOOTSTRAP_ROUNDS * 25 / 1000], v[BOOTSTRAP_ROUNDS * 975 / 1000 - 1])
        };
        F1Intervals { macro_f1: cut(&mut macros), micro_f1: cut(&mut micros) }
    }
}

/// Evaluates `engine` (built for `method`) on `gold`.
pub fn evaluate(engine: &Engine, method: Method, gold: &[GoldExperience]) -> Evaluation {
    use rayon::prelude::*;
    let predicted: Vec<Vec<usize>> =
        gold.par_iter().map(|g| engine.assign(&g.text).themes.iter().map(|h| h.theme).collect()).collect();
    score(method, engine.taxonomy(), gold, &predicted)
}

/// Scores `predicted` (one theme list per gold experience, in its order,
/// as [`read_predictions`] returns them) against `gold`.
pub fn evaluate_predictions(taxonomy: &Taxonomy, gold: &[GoldExperience], predicted: &[Vec<usize>]) -> Evaluation {
    score(Method::Predictions, taxonomy, gold, predicted)
}

/// The scores and intervals of `predicted` against `gold`.
fn score(method: Method, taxonomy: &Taxonomy, gold: &[GoldExperience], predicted: &[Vec<usize>]) -> Evaluation {
    let gold_sets: Vec<Vec<usize>> = gold.iter().map(|g| g.themes.clone()).collect();
    let ids: Vec<String> = taxonomy.themes().iter().map(|t| t.id.clone()).collect();
    let intervals = F1Intervals::compute(ids.len(), &gold_sets, predicted);
    Evaluation { method, themes: ThemeScores::compute(&ids, &gold_sets, predicted), intervals }
}

/// How well an assigner found the themes of held-out gold data: what a
/// report tells its readers about how far to trust its counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasuredQuality {
    /// The gold files it was measured on, together.
    pub gold: &'static [&'static str],
    /// Experiences in them.
    pub n: u64,
    /// Of the themes the assigner gave, the share the gold has.
    pub micro_precision: f64,
    /// Of the gold's themes, the share the assigner gave.
    pub micro_recall: f64,
    /// Mean F1 over the themes.
    pub macro_f1: f64,
    /// A second annotator's macro-F1 against the test split's gold (the
    /// mean of the two in `fixtures/gold/agreement/`): what a careful reader
    /// reaches.
    pub annotator_macro_f1: f64,
}

/// The default taxonomy with the default settings on all held-out gold data
/// together: the test split and the blind batches H and I (`leefwereld
/// evaluate` on the three files joined); a test keeps it equal to what that
/// measures.
pub const DEFAULT_QUALITY: MeasuredQuality = MeasuredQuality {
    gold: &["fixtures/gold/test.jsonl", "fixtures/gold/raw/batch_h.jsonl", "fixtures/gold/raw/batch_i.jsonl"],
    n: 675,
    micro_precision: 0.620,
    micro_recall: 0.652,
    macro_f1: 0.631,
    annotator_macro_f1: 0.912,
};

/// How one cue fared in the themes the assigner gave: in how many
/// experiences it counted for a theme the gold has, and for one it has not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueScores {
    /// The theme id.
    pub theme: String,
    /// The cue as the taxonomy writes it.
    pub cue: String,
    /// Experiences where it counted for an assigned theme the gold has.
    pub true_positives: u64,
    /// Experiences where it counted for an assigned theme the gold has not.
    pub false_positives: u64,
}

/// Per cue, how often it stood behind a right and a wrong theme on `gold`
/// (only themes the assigner gave count); the cues behind the most wrong
/// themes first. What to look at when tuning a taxonomy on labelled data.
pub fn evaluate_cues(engine: &Engine, gold: &[GoldExperience]) -> Vec<CueScores> {
    use rayon::prelude::*;
    let per_text: Vec<Vec<(usize, String, bool)>> = gold
        .par_iter()
        .map(|g| {
            let tokens = engine.analyzer().analyse(&g.text);
            let assigned: Vec<usize> = engine.assigner().assign(&tokens).themes.iter().map(|h| h.theme).collect();
            let mut seen: Vec<(usize, String, bool)> = engine
                .assigner()
                .explain(&tokens)
                .into_iter()
                .filter(|h| assigned.contains(&h.theme))
                .map(|h| (h.theme, h.cue, g.themes.contains(&h.theme)))
                .collect();
            seen.sort();
            seen.dedup();
            seen
        })
        .collect();
    let mut counts: BTreeMap<(usize, String), (u64, u64)> = BTreeMap::new();
    for (theme, cue, right) in per_text.into_iter().flatten() {
        let c = counts.entry((theme, cue)).or_default();
        if right {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    let ids = engine.taxonomy().themes();
    let mut out: Vec<CueScores> = counts
        .into_iter()
        .map(|((t, cue), (tp, fp))| CueScores {
            theme: ids[t].id.clone(),
            cue,
            true_positives: tp,
            false_positives: fp,
        })
        .collect();
    out.sort_by(|a, b| {
        b.false_positives
            .cmp(&a.false_positives)
            .then(a.true_positives.cmp(&b.true_positives))
            .then_with(|| (&a.theme, &a.cue).cmp(&(&b.theme, &b.cue)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Vec<String> {
        ["a", "b", "c"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn scores_by_hand() {
        // gold: {a}, {a,b}, {}, {c};  predicted: {a}, {a}, {b}, {}
        let s =
            ThemeScores::compute(&ids(), &[vec![0], vec![0, 1], vec![], vec![2]], &[vec![0], vec![0], vec![1], vec![]]);
        assert_eq!(s.n, 4);
        let a = &s.per_theme[0];
        assert_eq!((a.precision, a.recall, a.f1, a.support), (1.0, 1.0, 1.0, 2));
        let b = &s.per_theme[1];
        assert_eq!((b.precision, b.recall, b.support, b.predicted), (0.0, 0.0, 1, 1));
        // micro: tp 2, predicted 3, gold 4.
        assert!((s.micro_precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.micro_recall - 0.5).abs() < 1e-12);
        assert!((s.macro_f1 - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.exact_match, 0.25);
        // wrong decisions: b missed, b spurious, c missed = 3 of 12.
        assert_eq!(s.hamming_loss, 0.25);
        let pairs: Vec<(&str, &str, u64)> =
            s.confusions.iter().map(|c| (c.gold.as_str(), c.predicted.as_str(), c.count)).collect();
        assert_eq!(pairs, [("b", "overig", 1), ("c", "overig", 1), ("overig", "b", 1)]);
    }

    #[test]
    fn gold_errors_name_the_line() {
        let tax = Taxonomy::default();
        let err = |t: &str| parse_gold(t, "g", &tax).unwrap_err().to_string();
        let ok = r#"{"id": "1", "text": "Soep.", "themes": ["eten-en-drinken"]}"#;
        assert!(err(&format!("{ok}\n{{broken")).starts_with("g:2: not a valid gold record"));
        assert_eq!(err(&format!("{ok}\n{ok}")), "g:2: duplicate id '1'");
        assert_eq!(
            err(r#"{"id": "1", "text": "Soep.", "themes": ["overig", "veiligheid"]}"#),
            "g:1: 'overig' must stand alone, not with other themes"
        );
        assert_eq!(
            err(r#"{"id": "1", "text": "Soep.", "themes": []}"#),
            "g:1: an experience has one to three themes or [\"overig\"], not 0"
        );
        assert_eq!(
            err(
                r#"{"id": "1", "text": "Soep.", "themes": ["overig"], "pii": [{"start": 3, "end": 9, "kind": "naam"}]}"#
            ),
            "g:1: pii span 3..9 is outside the text (5 characters) or empty"
        );
        assert_eq!(err(""), "g: no gold records");
    }

    #[test]
    fn cue_scores_count_right_and_wrong_themes() {
        let tax = Taxonomy::default();
        let gold = parse_gold(
            concat!(
                "{\"id\": \"1\", \"text\": \"De soep was lauw.\", \"themes\": [\"eten-en-drinken\"]}\n",
                "{\"id\": \"2\", \"text\": \"De soep was lauw.\", \"themes\": [\"overig\"]}\n",
                "{\"id\": \"3\", \"text\": \"Soep, soep en nog eens soep.\", \"themes\": [\"eten-en-drinken\"]}\n",
            ),
            "g",
            &tax,
        )
        .unwrap();
        let engine = Engine::new(tax).unwrap();
        let cues = evaluate_cues(&engine, &gold);
        let soep = cues.iter().find(|c| c.cue == "soep").unwrap();
        assert_eq!((soep.theme.as_str(), soep.true_positives, soep.false_positives), ("eten-en-drinken", 2, 1));
        assert!(cues.windows(2).all(|w| w[0].false_positives >= w[1].false_positives));
    }

    /// What reports claim about the default assigner is what it measures on
    /// the held-out gold data.
    #[test]
    fn default_quality_is_what_held_out_data_measures() {
        let tax = Taxonomy::default();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let held_out: Vec<GoldExperience> =
            DEFAULT_QUALITY.gold.iter().flat_map(|g| read_gold(&root.join(g), &tax).unwrap()).collect();
        let t = evaluate(&Engine::new(tax.clone()).unwrap(), Method::Lexicon, &held_out).themes;
        let r3 = |x: f64| (x * 1000.0).round() / 1000.0;
        let q = DEFAULT_QUALITY;
        assert_eq!(
            (q.n, q.micro_precision, q.micro_recall, q.macro_f1),
            (t.n, r3(t.micro_precision), r3(t.micro_recall), r3(t.macro_f1))
        );
        let gold = read_gold(&root.join("fixtures/gold/test.jsonl"), &tax).unwrap();
        let annotators: Vec<f64> = ["a", "b"]
            .iter()
            .map(|a| {
                let path = root.join(format!("fixtures/gold/agreement/annotator_{a}.jsonl"));
                let predicted = read_predictions(&path, &tax, &gold).unwrap();
                evaluate_predictions(&tax, &gold, &predicted).themes.macro_f1
            })
            .collect();
        assert_eq!(q.annotator_macro_f1, r3((annotators[0] + annotators[1]) / 2.0));
    }

    #[test]
    fn intervals_hold_the_point_and_repeat() {
        // 200 experiences, three themes, a predictor right about 70% of the time.
        let gold: Vec<Vec<usize>> = (0..200).map(|i| vec![i % 3]).collect();
        let predicted: Vec<Vec<usize>> =
            (0..200).map(|i| if i % 10 < 7 { vec![i % 3] } else { vec![(i + 1) % 3] }).collect();
        let ids: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let point = ThemeScores::compute(&ids, &gold, &predicted);
        let i = F1Intervals::compute(3, &gold, &predicted);
        assert!(i.macro_f1.0 < point.macro_f1 && point.macro_f1 < i.macro_f1.1, "{i:?} {}", point.macro_f1);
        assert!(i.micro_f1.0 < point.micro_f1 && point.micro_f1 < i.micro_f1.1, "{i:?}");
        assert!(i.macro_f1.1 - i.macro_f1.0 < 0.2, "{i:?}");
        assert_eq!(i, F1Intervals::compute(3, &gold, &predicted), "same data, same interval");
    }

    #[test]
    fn keyword_baseline_uses_label_words() {
        let k = keyword_taxonomy(&Taxonomy::default()).unwrap();
        let cues = |id: &str| k.theme(id).unwrap().cues.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(cues("eten-en-drinken"), ["eten", "drinken"]);
        assert_eq!(cues("zeggenschap"), ["zeggenschap", "regie"]);
    }

    /// The gold files in fixtures/ are valid and every theme is there.
    #[test]
    fn shipped_gold_files_are_valid() {
        let tax = Taxonomy::default();
        // (file, at least this many experiences, every theme at least this often)
        let files = [
            ("dev", 200, 15),
            ("test", 200, 15),
            ("raw/batch_g", 150, 14),
            ("raw/batch_h", 150, 14),
            ("raw/batch_i", 150, 14),
        ];
        for (split, size, per_theme) in files {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/gold/{split}.jsonl"));
            let gold = read_gold(&path, &tax).unwrap();
            assert!(gold.len() >= size, "{split}: {}", gold.len());
            for t in 0..12 {
                let n = gold.iter().filter(|g| g.themes.contains(&t)).count();
                assert!(n >= per_theme, "{split}: theme {t} only {n} times");
            }
        }
    }
}
