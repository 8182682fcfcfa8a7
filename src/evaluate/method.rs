//! The methods of assigning themes that evaluation compares, and the
//! keyword baseline.

use crate::engine::Engine;
use crate::error::Error;
use crate::theme::Taxonomy;

/// A method of assigning themes, for evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// The default untrained assigner: the taxonomy's cue lexicon.
    Lexicon,
    /// The baseline: the words of each theme's label as keywords, matched on
    /// stems, one match assigns (how QDA tools auto-code).
    Keyword,
    /// Themes read from a file ([`read_predictions`](super::read_predictions)): another tool's output
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_baseline_uses_label_words() {
        let k = keyword_taxonomy(&Taxonomy::default()).unwrap();
        let cues = |id: &str| k.theme(id).unwrap().cues.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(cues("eten-en-drinken"), ["eten", "drinken"]);
        assert_eq!(cues("zeggenschap"), ["zeggenschap", "regie"]);
    }
}
