//! Arbitrary text through analysis, theme assignment and redaction: no
//! panic, offsets inside the text, evidence on char boundaries.
#![no_main]

use std::sync::LazyLock;

use leefwereld::{Engine, Redactor, Taxonomy};
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(Taxonomy::default()).expect("default taxonomy"));
static REDACTOR: LazyLock<Redactor> = LazyLock::new(Redactor::new);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let a = ENGINE.assign(text);
    assert!(a.themes.len() <= 3);
    for hit in &a.themes {
        for s in &hit.evidence {
            assert!(text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize));
            assert!(s.start < s.end && s.end as usize <= text.len());
        }
    }
    let _ = REDACTOR.redact(text);
});
