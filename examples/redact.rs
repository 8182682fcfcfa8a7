//! Redact personal data: one text, then a whole file for sharing.
//!
//! ```sh
//! cargo run --example redact
//! ```

use leefwereld::privacy::{PiiKind, redact_file};
use leefwereld::{NoProgress, ReadOptions, Redactor};

fn main() -> Result<(), leefwereld::Error> {
    // The built-in Dutch rules, plus the names of one ward and a word never to redact.
    let redactor = Redactor::new().with_names(["Roos"]).with_never_redact(["De Berkenhof"]);
    let text = "Roos van de avonddienst belde mijn dochter Fatima op 06-12345678. \
                Mevrouw de Jong (87) woont sinds maart op De Berkenhof.";
    println!("{}\n", redactor.redact(text));
    for span in redactor.find(text) {
        println!("{:<9} {:?}", format!("{:?}", span.kind), &text[span.start..span.end]);
    }

    // A redacted copy of a CSV file: same delimiter, encoding and other columns.
    let dir = std::env::temp_dir().join("leefwereld-example");
    std::fs::create_dir_all(&dir).map_err(|e| leefwereld::Error::from_io(&dir, e))?;
    let input = dir.join("ervaringen.csv");
    std::fs::write(&input, format!("id;locatie;ervaring\n1;De Berkenhof;\"{text}\"\n"))
        .map_err(|e| leefwereld::Error::from_io(&input, e))?;
    let output = dir.join("ervaringen-gedeeld.csv");
    let summary = redact_file(&input, &output, &ReadOptions::default(), &redactor, &NoProgress)?;
    println!("\n{} rows written, {} names replaced", summary.rows_written, summary.replaced[&PiiKind::Naam]);
    print!("{}", std::fs::read_to_string(&output).map_err(|e| leefwereld::Error::from_io(&output, e))?);
    Ok(())
}
