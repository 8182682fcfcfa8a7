//! Trains the sentiment model shipped as `data/sentiment/model.txt`.
//!
//! ```text
//! cargo run --release --example train_sentiment              # writes data/sentiment/model.txt
//! cargo run --release --example train_sentiment -- --cv 5    # k-fold accuracy on the training data, writes nothing
//! cargo run --release --example train_sentiment -- --out m.txt --steps 600 --l2 0.001 GOLD...
//! ```
//!
//! Without gold files it trains on [`leefwereld::sentiment::TRAINING_GOLD`]:
//! the dev split and the later validation batches, never the test split or
//! the blind batches the README measures on. Training is deterministic: the
//! same data and settings give the same file byte for byte.

use std::path::{Path, PathBuf};

use leefwereld::sentiment::{SentimentModel, TRAINING_GOLD, TrainSettings, training_examples};
use leefwereld::{Engine, Taxonomy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut settings = TrainSettings::default();
    let (mut out, mut cv, mut gold) = (PathBuf::from("data/sentiment/model.txt"), 0usize, Vec::<PathBuf>::new());
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--cv" => cv = value()?.parse()?,
            "--steps" => settings.steps = value()?.parse()?,
            "--l2" => settings.l2 = value()?.parse()?,
            "--learning-rate" => settings.learning_rate = value()?.parse()?,
            "--min-count" => settings.min_count = value()?.parse()?,
            _ => gold.push(PathBuf::from(a)),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if gold.is_empty() {
        gold = TRAINING_GOLD.iter().map(|g| root.join(g)).collect();
    }
    let taxonomy = Taxonomy::default();
    let engine = Engine::new(taxonomy.clone())?;
    let mut records = Vec::new();
    for path in &gold {
        records.extend(leefwereld::evaluate::read_gold(path, &taxonomy)?);
    }
    let examples = training_examples(&engine, &records);
    eprintln!("{} examples from {} gold files", examples.len(), gold.len());
    if cv > 1 {
        let mut right = 0;
        for fold in 0..cv {
            let train: Vec<_> =
                examples.iter().enumerate().filter(|(i, _)| i % cv != fold).map(|(_, e)| e.clone()).collect();
            let model = SentimentModel::train(&train, &settings, engine.analyzer());
            right += examples.iter().enumerate().filter(|(i, (f, s))| i % cv == fold && model.predict(f) == *s).count();
        }
        println!("{cv}-fold accuracy: {:.3}", right as f64 / examples.len() as f64);
        return Ok(());
    }
    let model = SentimentModel::train(&examples, &settings, engine.analyzer());
    std::fs::write(&out, model.to_text(engine.analyzer()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}
