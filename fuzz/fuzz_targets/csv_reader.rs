//! Arbitrary bytes as a CSV export: no panic, and every row read is analysed
//! or skipped.
#![no_main]

use leefwereld::{CsvReader, ReadOptions, RowSource};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut r) = CsvReader::from_reader("fuzz.csv", std::io::Cursor::new(data.to_vec()), &ReadOptions::default())
    else {
        return;
    };
    let (mut out, mut skipped) = (Vec::new(), Vec::new());
    while let Ok(n) = r.read_batch(16, &mut out, &mut skipped) {
        if n == 0 {
            let analysed: std::collections::BTreeSet<u64> = out.iter().map(|e| e.row).collect();
            assert_eq!(r.rows_read(), analysed.len() as u64 + skipped.len() as u64);
            break;
        }
    }
});
