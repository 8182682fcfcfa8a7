use super::*;
use crate::Taxonomy;
use crate::engine::Engine;

/// The lexicon and its rules alone (the model on top is tested apart).
fn judge(text: &str) -> Judgement {
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let scorer = SentimentScorer::lexicon_only(engine.analyzer());
    let tokens = engine.analyzer().analyse(text);
    scorer.judge(text, &tokens, &engine.assign(text), None)
}

fn overall(text: &str) -> Sentiment {
    judge(text).overall
}

#[test]
fn plain_praise_and_complaint() {
    assert_eq!(overall("Het eten is heerlijk en de verzorgers zijn lief."), Sentiment::Positief);
    assert_eq!(overall("De soep was weer lauw en smakeloos."), Sentiment::Negatief);
    assert_eq!(overall("Ik woon hier sinds maart op de tweede verdieping."), Sentiment::Neutraal);
}

#[test]
fn negation_turns_a_word_around() {
    assert_eq!(overall("Ik voel me hier niet onveilig."), Sentiment::Positief);
    assert_eq!(overall("Geen klagen over het eten."), Sentiment::Positief);
    assert_eq!(overall("Het eten is niet lekker."), Sentiment::Negatief);
}

#[test]
fn too_makes_a_complaint_but_not_an_infinitive() {
    assert_eq!(overall("De taxi is steeds te laat."), Sentiment::Negatief);
    assert_eq!(overall("Ik heb iets te eten gekregen."), Sentiment::Neutraal);
    assert_eq!(overall("Te gek, die uitjes!"), Sentiment::Positief);
}

#[test]
fn a_contrast_makes_it_mixed_and_themes_follow_their_clauses() {
    let text = "Het eten is lekker, maar 's nachts voel ik me niet veilig.";
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let j = judge(text);
    assert_eq!(j.overall, Sentiment::Gemengd);
    let a = engine.assign(text);
    let of = |id: &str| a.themes.iter().position(|h| h.id() == id).map(|i| j.themes[i]);
    assert_eq!(of("eten-en-drinken"), Some(Sentiment::Positief));
    assert_eq!(of("veiligheid"), Some(Sentiment::Negatief));
}

#[test]
fn emoji_and_irony() {
    assert_eq!(overall("Weer een nieuwe begeleider 😢"), Sentiment::Negatief);
    assert_eq!(overall("Vandaag zelf pannenkoeken gebakken 👍"), Sentiment::Positief);
    assert_eq!(overall("Top geregeld weer 🙄"), Sentiment::Negatief);
    assert_eq!(overall("Nou, fijn hoor, weer drie uur wachten."), Sentiment::Negatief);
}

#[test]
fn the_question_decides_when_the_answer_does_not() {
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let scorer = SentimentScorer::lexicon_only(engine.analyzer());
    let text = "Meer activiteiten in het weekend.";
    let tokens = engine.analyzer().analyse(text);
    let a = engine.assign(text);
    assert_eq!(scorer.judge(text, &tokens, &a, Some("Wat kan beter?")).overall, Sentiment::Negatief);
    assert_eq!(scorer.judge(text, &tokens, &a, None).overall, Sentiment::Neutraal);
}

#[test]
fn ids_round_trip() {
    for s in Sentiment::ALL {
        assert_eq!(Sentiment::parse(s.id()), Some(s));
    }
    assert_eq!(Sentiment::parse("boos"), None);
}

#[test]
fn the_shipped_lexicon_parses_and_bad_lines_are_named() {
    let a = Analyzer::new();
    assert!(SentimentLexicon::shipped(&a).len() > 400);
    let err = SentimentLexicon::parse("[positive]\ngoed twee\n", &a).unwrap_err();
    assert!(err.contains("line 2"), "{err}");
    assert!(SentimentLexicon::parse("[vrolijk]\n", &a).unwrap_err().contains("unknown section"));
}

/// The engine's scorer (lexicon and model) on plain cases.
#[test]
fn the_engine_judges_plain_cases() {
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let cases = [
        ("Het eten is heerlijk en de verzorgers zijn echt lief voor mijn moeder.", Sentiment::Positief),
        ("Niemand luistert naar me. Ik word hier gewoon genegeerd.", Sentiment::Negatief),
        ("De begeleiding is fijn, maar de maaltijden zijn steeds koud.", Sentiment::Gemengd),
        ("Sinds twee weken komt de wijkverpleging 's ochtends om negen uur.", Sentiment::Neutraal),
    ];
    for (text, want) in cases {
        assert_eq!(engine.judge(text, None).1.overall, want, "{text}");
    }
}

/// The shipped model is what the training command makes from the
/// repository's gold data, byte for byte.
#[test]
fn the_shipped_model_is_what_training_makes() {
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let records: Vec<_> = TRAINING_GOLD
        .iter()
        .flat_map(|g| crate::evaluate::read_gold(&root.join(g), engine.taxonomy()).unwrap())
        .collect();
    let model =
        SentimentModel::train(&training_examples(&engine, &records), &TrainSettings::default(), engine.analyzer());
    let shipped = std::fs::read_to_string(root.join("data/sentiment/model.txt")).unwrap();
    assert!(
        model.to_text(engine.analyzer()) == shipped,
        "data/sentiment/model.txt is stale: run `cargo run --release --example train_sentiment`"
    );
    let reread = SentimentModel::parse(&shipped, engine.analyzer()).unwrap();
    assert_eq!(reread.to_text(engine.analyzer()), shipped);
    assert!(SentimentModel::parse("# something else\n", engine.analyzer()).unwrap_err().contains("line 1"));
}
