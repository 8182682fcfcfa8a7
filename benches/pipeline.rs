//! Throughput of the text pipeline, in bytes of text per second.
//!
//! The input is the texts of `fixtures/voorbeeld.csv` and the gold files,
//! repeated to about 4 MB. Each bench first checks the token count of its
//! input, so a pipeline that got faster by getting wrong cannot pass.
//!
//! Run: `cargo bench --bench pipeline`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use leefwereld::analysis::Analyzer;
use leefwereld::ingest::CsvReader;
use leefwereld::{Engine, ReadOptions, Taxonomy};
use rayon::prelude::*;

/// Tokens in one copy of the corpus; pinned so that a change in segmentation
/// shows up here as well as in the unit tests.
const TOKENS_PER_COPY: usize = 1_973;
const COPIES: usize = 400;

fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/voorbeeld.csv");
    let mut reader = CsvReader::open(path.as_ref(), &ReadOptions::default()).expect("fixture");
    let (mut rows, mut skipped) = (Vec::new(), Vec::new());
    while reader.read_batch(1024, &mut rows, &mut skipped).expect("reads") > 0 {}
    let texts: Vec<String> = rows.into_iter().map(|e| e.text).collect();
    (0..COPIES).flat_map(|_| texts.iter().cloned()).collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let analyzer = Analyzer::new();
    let tokens: usize = texts.iter().map(|t| analyzer.analyse(t).len()).sum();
    assert_eq!(tokens, TOKENS_PER_COPY * COPIES, "token count changed: the pipeline is not the one benchmarked before");
    let engine = Engine::new(Taxonomy::default()).expect("default taxonomy");
    let themed = texts.iter().filter(|t| !engine.assign(t).is_overig()).count();
    assert!(themed * 10 > texts.len() * 8, "fewer than 80% of the example texts got a theme: {themed}");

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("analyse/1-thread", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                analyzer.analyse_into(black_box(t), &mut buf);
                n += buf.len();
            }
            n
        })
    });
    g.bench_function("assign/1-thread", |b| {
        b.iter(|| texts.iter().map(|t| engine.assign(black_box(t)).themes.len()).sum::<usize>())
    });
    g.bench_function("assign/all-threads", |b| {
        b.iter(|| texts.par_iter().map(|t| engine.assign(black_box(t)).themes.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
