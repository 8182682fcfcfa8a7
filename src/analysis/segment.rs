//! Word segmentation: text -> word spans with byte and char offsets.
//!
//! Words follow the Unicode word-boundary rules (UAX #29, via
//! `unicode-segmentation`), adjusted for Dutch:
//! - apostrophes inside a word stay (`auto's`, `zo'n`, `z'n`, `auto’s`);
//! - a leading clitic stays whole (`'s nachts`, `'t`, `'k`, `'n`, `'m`);
//! - a hyphen between two words joins them (`e-mail`, `Noord-Holland`,
//!   `06-12345678`, `'s-Hertogenbosch`);
//! - `.` and `,` stay between digits (`12,50`, `17.30`), but `.`, `:` and `;`
//!   split letters (`eten.De` is two words: a missing space is a typo, not a
//!   word);
//! - a span is a word only if it holds a letter or a digit.
//!
//! Text is cut at ASCII white space into runs first (no rule joins across
//! white space). A run of pure ASCII goes through a byte-level fast path that
//! applies the same rules; any other run goes through UAX #29. A property test
//! checks that both paths agree on ASCII input.

use unicode_segmentation::UnicodeSegmentation;

/// One word of a text: where it is, in bytes and in chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Char (Unicode scalar) offset of the first char.
    pub char_start: u32,
    /// Char offset one past the last char.
    pub char_end: u32,
}

/// Calls `emit` for every word of `text`, in order.
///
/// Texts longer than `u32::MAX` bytes are cut at that length; callers limit
/// field sizes long before that.
pub fn segment(text: &str, mut emit: impl FnMut(Span)) {
    let len = floor_char_boundary(text, text.len().min(u32::MAX as usize));
    let bytes = &text.as_bytes()[..len];
    let mut pos = 0usize;
    let mut chars = 0u32;
    // ASCII stretches go through the fast path whole (white space included:
    // no rule joins across it); only the white-space-delimited run around a
    // non-ASCII byte goes through UAX #29.
    while pos < len {
        let Some(p) = first_non_ascii(bytes, pos) else {
            ascii_run(&bytes[pos..], pos as u32, chars, &mut emit);
            return;
        };
        let run_start = bytes[pos..p].iter().rposition(|&b| is_ascii_space(b)).map_or(pos, |i| pos + i + 1);
        let run_end = bytes[p..].iter().position(|&b| is_ascii_space(b)).map_or(len, |i| p + i);
        if run_start > pos {
            ascii_run(&bytes[pos..run_start], pos as u32, chars, &mut emit);
            chars += (run_start - pos) as u32;
        }
        chars = unicode_run(&text[run_start..run_end], run_start as u32, chars, &mut emit);
        pos = run_end;
    }
}

/// The index of the first byte at or after `from` that is not ASCII.
#[inline]
fn first_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const CHUNK: usize = 32;
    let mut i = from;
    while i + CHUNK <= bytes.len() {
        if !bytes[i..i + CHUNK].is_ascii() {
            break;
        }
        i += CHUNK;
    }
    bytes[i..].iter().position(|&b| b >= 0x80).map(|k| i + k)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Letters and digits, ASCII.
#[inline]
fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Characters that form a word segment by themselves in UAX #29 (letters,
/// digits, and the connector `_`).
#[inline]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[inline]
fn is_clitic_letter(b: u8) -> bool {
    matches!(b.to_ascii_lowercase(), b's' | b't' | b'k' | b'n' | b'm')
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

#[inline]
fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}'
}

/// The ASCII fast path over one white-space-free run.
fn ascii_run(run: &[u8], base: u32, char_base: u32, emit: &mut impl FnMut(Span)) {
    let n = run.len();
    let at = |i: usize| -> u8 { if i < n { run[i] } else { b' ' } };
    let mut i = 0usize;
    while i < n {
        // Find where a word starts: a word byte, or a leading clitic.
        let start = i;
        let clitic = run[i] == b'\''
            && (i == 0 || !is_alnum(run[i - 1]))
            && is_clitic_letter(at(i + 1))
            && clitic_ends(run, i + 2);
        if !clitic && !is_word_byte(run[i]) {
            i += 1;
            continue;
        }
        if clitic {
            i += 2;
        }
        let mut has_alnum = clitic;
        loop {
            while i < n && is_word_byte(run[i]) {
                has_alnum |= is_alnum(run[i]);
                i += 1;
            }
            if i + 1 >= n || i == start {
                break;
            }
            let (prev, joiner, next) = (run[i - 1], run[i], run[i + 1]);
            let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
            let digits = prev.is_ascii_digit() && next.is_ascii_digit();
            let joins = match joiner {
                b'\'' => letters || digits,
                b'.' | b',' => digits,
                b'-' => is_alnum(prev) && is_alnum(next),
                _ => false,
            };
            if !joins {
                break;
            }
            i += 1;
        }
        if has_alnum {
            emit(Span {
                start: base + start as u32,
                end: base + i as u32,
                char_start: char_base + start as u32,
                char_end: char_base + i as u32,
            });
        }
    }
}

/// After a clitic letter at `i - 1`: is the clitic a word of its own? True
/// when what follows cannot continue the letter as one UAX #29 segment.
fn clitic_ends(run: &[u8], i: usize) -> bool {
    match run.get(i) {
        None => true,
        Some(&b) if is_word_byte(b) => false,
        Some(b'\'') => !run.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()),
        Some(_) => true,
    }
}

/// The general path: UAX #29 word bounds, then the Dutch adjustments.
/// Returns the char count after the run.
fn unicode_run(run: &str, base: u32, char_base: u32, emit: &mut impl FnMut(Span)) -> u32 {
    // Pieces: UAX #29 segments, with `.`, `:` and `;` splitting letters.
    let mut pieces: Vec<Piece> = Vec::new();
    let mut chars = char_base;
    for (off, seg) in run.split_word_bound_indices() {
        split_piece(seg, off, chars, &mut pieces);
        chars += seg.chars().count() as u32;
    }
    let text = |p: &Piece| &run[p.start..p.end];
    let mut pending: Option<(Span, usize)> = None; // span, byte end in run
    for (k, p) in pieces.iter().enumerate() {
        if p.word {
            let mut span = p.span(base);
            if is_lone_clitic(&pieces, k, run) {
                let a = pieces[k - 1];
                span.start = base + a.start as u32;
                span.char_start = a.char_start;
            }
            match pending.as_mut() {
                // Only a joining hyphen leaves a word pending up to here.
                Some((s, end))
                    if k > 0 && pieces[k - 1].start == *end && is_single(text(&pieces[k - 1]), is_hyphen) =>
                {
                    s.end = span.end;
                    s.char_end = span.char_end;
                    *end = p.end;
                }
                _ => {
                    if let Some((s, _)) = pending.take() {
                        emit(s);
                    }
                    pending = Some((span, p.end));
                }
            }
        } else {
            let joins = is_single(text(p), is_hyphen)
                && pending.is_some_and(|(_, end)| end == p.start && ends_alnum(&run[..end]))
                && pieces.get(k + 1).is_some_and(|n| {
                    n.word && n.start == p.end && text(n).chars().next().is_some_and(char::is_alphanumeric)
                });
            if !joins && let Some((s, _)) = pending.take() {
                emit(s);
            }
        }
    }
    if let Some((s, _)) = pending.take() {
        emit(s);
    }
    chars
}

fn is_single(text: &str, class: fn(char) -> bool) -> bool {
    let mut it = text.chars();
    it.next().is_some_and(class) && it.next().is_none()
}

fn ends_alnum(text: &str) -> bool {
    text.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Is piece `k` a one-letter clitic (`s`, `t`, `k`, `n`, `m`) right after a
/// lone apostrophe that does not follow a letter or digit?
fn is_lone_clitic(pieces: &[Piece], k: usize, run: &str) -> bool {
    let p = pieces[k];
    k > 0 && p.end - p.start == 1 && is_clitic_letter(run.as_bytes()[p.start]) && {
        let a = pieces[k - 1];
        a.end == p.start && is_single(&run[a.start..a.end], is_apostrophe) && !ends_alnum(&run[..a.start])
    }
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    char_start: u32,
    char_end: u32,
    /// Holds a letter or digit.
    word: bool,
}

impl Piece {
    fn span(&self, base: u32) -> Span {
        Span {
            start: base + self.start as u32,
            end: base + self.end as u32,
            char_start: self.char_start,
            char_end: self.char_end,
        }
    }
}

/// Splits one UAX #29 segment at `.`, `:` and `;` unless a `.` sits between
/// digits, and pushes the parts (separators as non-word pieces).
fn split_piece(seg: &str, off: usize, char_off: u32, out: &mut Vec<Piece>) {
    let word = seg.chars().any(char::is_alphanumeric);
    if !word || !seg.bytes().any(|b| matches!(b, b'.' | b':' | b';')) {
        let n = seg.chars().count() as u32;
        out.push(Piece { start: off, end: off + seg.len(), char_start: char_off, char_end: char_off + n, word });
        return;
    }
    let chars: Vec<(usize, char)> = seg.char_indices().collect();
    let mut part_start = 0usize; // index into chars
    let push = |from: usize, to: usize, out: &mut Vec<Piece>| {
        if from < to {
            let s = chars[from].0;
            let e = if to < chars.len() { chars[to].0 } else { seg.len() };
            let text = &seg[s..e];
            out.push(Piece {
                start: off + s,
                end: off + e,
                char_start: char_off + from as u32,
                char_end: char_off + to as u32,
                word: text.chars().any(char::is_alphanumeric),
            });
        }
    };
    for j in 0..chars.len() {
        let c = chars[j].1;
        let split = match c {
            ':' | ';' => true,
            '.' => {
                let digit_before = j > 0 && chars[j - 1].1.is_ascii_digit();
                let digit_after = chars.get(j + 1).is_some_and(|x| x.1.is_ascii_digit());
                !(digit_before && digit_after)
            }
            _ => false,
        };
        if split {
            push(part_start, j, out);
            push(j, j + 1, out);
            part_start = j + 1;
        }
    }
    push(part_start, chars.len(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        segment(text, |s| out.push(&text[s.start as usize..s.end as usize]));
        out
    }

    /// The UAX #29 path alone, for comparing with the fast path.
    fn words_unicode(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        unicode_run(text, 0, 0, &mut |s| out.push(s));
        out
    }

    fn words_ascii(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        ascii_run(text.as_bytes(), 0, 0, &mut |s| out.push(s));
        out
    }

    #[test]
    fn dutch_apostrophes_stay_whole() {
        assert_eq!(words("auto's en zo'n ding, z'n fiets"), ["auto's", "en", "zo'n", "ding", "z'n", "fiets"]);
        assert_eq!(words("twee auto’s"), ["twee", "auto’s"]);
    }

    #[test]
    fn leading_clitics_stay_whole() {
        assert_eq!(words("'s nachts en 's ochtends"), ["'s", "nachts", "en", "'s", "ochtends"]);
        assert_eq!(words("’s avonds"), ["’s", "avonds"]);
        assert_eq!(words("('t is koud)"), ["'t", "is", "koud"]);
        assert_eq!(words("'k weet het niet"), ["'k", "weet", "het", "niet"]);
        assert_eq!(words("in 's-Hertogenbosch"), ["in", "'s-Hertogenbosch"]);
        // Not a clitic: a quote around a word.
        assert_eq!(words("'soep'"), ["soep"]);
    }

    #[test]
    fn hyphens_and_numbers() {
        assert_eq!(words("e-mail en Noord-Holland"), ["e-mail", "en", "Noord-Holland"]);
        assert_eq!(words("bel 06-12345678"), ["bel", "06-12345678"]);
        assert_eq!(words("€12,50 om 17.30 uur"), ["12,50", "om", "17.30", "uur"]);
        assert_eq!(words("huis- en tuinkamer"), ["huis", "en", "tuinkamer"]);
        assert_eq!(words("- los -"), ["los"]);
    }

    #[test]
    fn diacritics_and_typos() {
        assert_eq!(words("De cliënt zei: één café!"), ["De", "cliënt", "zei", "één", "café"]);
        assert_eq!(words("lekker eten.De soep"), ["lekker", "eten", "De", "soep"]);
        assert_eq!(words("tijd:nu"), ["tijd", "nu"]);
        // Decomposed diacritic (e + combining diaeresis) stays in the word.
        assert_eq!(words("clie\u{308}nt"), ["clie\u{308}nt"]);
    }

    #[test]
    fn offsets_count_chars_and_bytes() {
        let text = "één café";
        let mut spans = Vec::new();
        segment(text, |s| spans.push(s));
        assert_eq!(spans[1].char_start, 4);
        assert_eq!(spans[1].char_end, 8);
        assert_eq!(&text[spans[1].start as usize..spans[1].end as usize], "café");
        let text = "ü x";
        let mut spans = Vec::new();
        segment(text, |s| spans.push(s));
        assert_eq!((spans[1].start, spans[1].char_start), (3, 2));
    }

    #[test]
    fn emoji_and_symbols_are_not_words() {
        assert_eq!(words("top 👍 !!"), ["top"]);
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words("   \n\t "), Vec::<&str>::new());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The ASCII fast path and the UAX #29 path agree on ASCII input.
        #[test]
        fn fast_path_agrees_with_uax29(text in "[abS1 '.,:;_-]{0,12}") {
            for run in text.split(' ') {
                proptest::prop_assert_eq!(words_ascii(run), words_unicode(run), "run {:?}", run);
            }
        }

        /// Arbitrary text never panics and spans are in bounds and ordered.
        #[test]
        fn spans_are_valid(text in "\\PC{0,40}") {
            let mut last = 0u32;
            let n = text.chars().count() as u32;
            segment(&text, |s| {
                assert!(s.start >= last && s.end > s.start && s.end as usize <= text.len());
                assert!(text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize));
                assert!(s.char_end <= n);
                assert_eq!(text[s.start as usize..s.end as usize].chars().count() as u32, s.char_end - s.char_start);
                last = s.end;
            });
        }
    }
}
