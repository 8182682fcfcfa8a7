//! Arbitrary bytes as JSON Lines: no panic, and every row read is analysed or
//! skipped.
#![no_main]

use leefwereld::{JsonlReader, ReadOptions, RowSource};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut r = JsonlReader::from_reader("fuzz.jsonl", std::io::Cursor::new(data.to_vec()), &ReadOptions::default());
    let (mut out, mut skipped) = (Vec::new(), Vec::new());
    while let Ok(n) = r.read_batch(16, &mut out, &mut skipped) {
        if n == 0 {
            let analysed: std::collections::BTreeSet<u64> = out.iter().map(|e| e.row).collect();
            assert_eq!(r.rows_read(), analysed.len() as u64 + skipped.len() as u64);
            break;
        }
    }
});
