use leefwereld::{Analyzer, CsvReader, Engine, ReadOptions, Taxonomy};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap_or_default();
    let mut r = CsvReader::open(path.as_ref(), &ReadOptions::default()).unwrap();
    let (mut rows, mut sk) = (Vec::new(), Vec::new());
    let t = std::time::Instant::now();
    while r.read_batch(100_000, &mut rows, &mut sk).unwrap() > 0 {}
    eprintln!("read {:?}", t.elapsed());
    let bytes: usize = rows.iter().map(|e| e.text.len()).sum();
    let engine = Engine::new(Taxonomy::default()).unwrap();
    let an = Analyzer::new();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    let mut buf = Vec::new();
    for _ in 0..3 {
        for e in &rows {
            if mode == "assign" {
                n += engine.assign(&e.text).themes.len();
            } else {
                an.analyse_into(&e.text, &mut buf);
                n += buf.len();
            }
        }
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!("{mode}: {n} in {s:.2}s = {:.1} MB/s, cache {}", 3.0 * bytes as f64 / s / 1e6, an.cached_words());
}
