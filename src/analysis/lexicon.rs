//! Interned terms and the per-worker memo of analysed words.
//!
//! Every distinct stem gets a [`TermId`] from one shared [`Lexicon`]. The
//! analysis of a surface word (normal form, stopword and negator flags, stem,
//! compound parts) is memoised in a [`TermCache`] keyed by the word exactly as
//! it stands in the text, so the hot path is one hash lookup on a slice of the
//! input: no normalisation, no allocation, no stemming for a word seen before.
//!
//! Ids depend on the order in which words were first seen, which differs
//! between runs with several threads. Nothing the crate writes depends on an
//! id: output always goes through the term's text.

use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;

/// An interned term (a stem, or a word kept whole).
pub type TermId = u32;

/// "No term": a token too long to be a word, or an absent compound part.
pub const NO_TERM: TermId = u32::MAX;

/// The shared table of interned terms.
#[derive(Debug, Default)]
pub struct Lexicon {
    inner: RwLock<Interner>,
}

#[derive(Debug, Default)]
struct Interner {
    ids: FxHashMap<Arc<str>, TermId>,
    terms: Vec<Arc<str>>,
}

impl Lexicon {
    /// The id of `term`, interning it if new.
    pub fn intern(&self, term: &str) -> TermId {
        if let Some(&id) = self.read().ids.get(term) {
            return id;
        }
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = inner.ids.get(term) {
            return id;
        }
        let id = TermId::try_from(inner.terms.len()).expect("fewer than 4 billion terms");
        let text: Arc<str> = Arc::from(term);
        inner.terms.push(text.clone());
        inner.ids.insert(text, id);
        id
    }

    /// The id of `term` if it was interned.
    pub fn get(&self, term: &str) -> Option<TermId> {
        self.read().ids.get(term).copied()
    }

    /// The text of a term; `None` for [`NO_TERM`] or an unknown id.
    pub fn resolve(&self, id: TermId) -> Option<Arc<str>> {
        self.read().terms.get(id as usize).cloned()
    }

    /// How many terms are interned.
    pub fn len(&self) -> usize {
        self.read().terms.len()
    }

    /// True when nothing is interned yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Interner> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }
}

/// What the analyzer knows about one surface word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermInfo {
    pub term: TermId,
    pub flags: u8,
    pub parts: [TermId; 2],
}

/// Memo of analysed surface words for one worker.
///
/// Words of up to [`INLINE`] bytes (nearly all) live in an open-addressing
/// table of 32-byte slots with the key stored inline as two machine words, so
/// a lookup is a hash of the slice and a comparison of two words in one cache
/// line, without touching any other memory. Longer words go to an ordinary
/// map.
#[derive(Debug)]
pub(crate) struct TermCache {
    slots: Vec<Slot>,
    len: usize,
    long: FxHashMap<Box<str>, TermInfo>,
}

/// Longest word kept inline.
const INLINE: usize = 16;

#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: [u64; 2],
    info: TermInfo,
    /// Key length in bytes; 0 marks an empty slot.
    len: u8,
}

const EMPTY: Slot = Slot { key: [0; 2], len: 0, info: TermInfo { term: NO_TERM, flags: 0, parts: [NO_TERM; 2] } };

impl Default for TermCache {
    fn default() -> Self {
        TermCache { slots: vec![EMPTY; 1024], len: 0, long: FxHashMap::default() }
    }
}

/// The key of a word of at most [`INLINE`] bytes: two words that, with the
/// length, determine the bytes (loads may overlap; no copy, no padding).
#[inline]
fn inline_key(b: &[u8]) -> [u64; 2] {
    #[inline]
    fn up_to_8(b: &[u8]) -> u64 {
        let n = b.len();
        if n >= 4 {
            let lo = u32::from_le_bytes(b[..4].try_into().expect("4 bytes")) as u64;
            let hi = u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes")) as u64;
            lo | hi << 32
        } else {
            b.iter().enumerate().fold(0u64, |k, (i, &x)| k | (x as u64) << (8 * i))
        }
    }
    let n = b.len();
    if n > 8 {
        let lo = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(b[n - 8..].try_into().expect("8 bytes"));
        [lo, hi]
    } else {
        [up_to_8(b), 0]
    }
}

#[inline]
fn hash_key(key: &[u64; 2], len: usize) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let h = (key[0].wrapping_mul(K) ^ key[1] ^ len as u64).wrapping_mul(K);
    h.rotate_left(26)
}

impl TermCache {
    #[inline]
    pub fn get(&self, surface: &str) -> Option<TermInfo> {
        let bytes = surface.as_bytes();
        if bytes.len() > INLINE || bytes.is_empty() {
            return self.long.get(surface).copied();
        }
        let key = inline_key(bytes);
        let mask = self.slots.len() - 1;
        let mut i = hash_key(&key, bytes.len()) as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return None;
            }
            if slot.len as usize == bytes.len() && slot.key == key {
                return Some(slot.info);
            }
            i = (i + 1) & mask;
        }
    }

    pub fn insert(&mut self, surface: &str, info: TermInfo) {
        let bytes = surface.as_bytes();
        if bytes.len() > INLINE || bytes.is_empty() {
            self.long.insert(Box::from(surface), info);
            return;
        }
        if (self.len + 1) * 10 > self.slots.len() * 7 {
            self.grow();
        }
        self.place(Slot { key: inline_key(bytes), len: bytes.len() as u8, info });
    }

    fn place(&mut self, new: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = hash_key(&new.key, new.len as usize) as usize & mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.len == 0 {
                *slot = new;
                self.len += 1;
                return;
            }
            if slot.len == new.len && slot.key == new.key {
                slot.info = new.info;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        self.len = 0;
        for slot in old.into_iter().filter(|s| s.len != 0) {
            self.place(slot);
        }
    }

    pub fn len(&self) -> usize {
        self.len + self.long.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_finds_what_it_holds_short_and_long() {
        let mut c = TermCache::default();
        let info = |t: TermId| TermInfo { term: t, flags: 0, parts: [NO_TERM; 2] };
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            c.insert(w, info(i as TermId));
        }
        let long = "x".repeat(40);
        c.insert(&long, info(9));
        c.insert("precies16tekens!!", info(7));
        c.insert("precies16tekens!", info(8));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(c.get(w), Some(info(i as TermId)), "{w}");
        }
        assert_eq!(c.get(&long), Some(info(9)));
        assert_eq!(c.get("precies16tekens!!"), Some(info(7)));
        assert_eq!(c.get("precies16tekens!"), Some(info(8)));
        assert_eq!(c.get("abcde"), None);
        c.insert("abcde", info(10));
        c.insert("abcdf", info(11));
        assert_eq!((c.get("abcde"), c.get("abcdf")), (Some(info(10)), Some(info(11))));
        assert_eq!(c.get("w5000"), None);
        assert_eq!(c.get("w1\0"), None, "a NUL byte is not padding");
        assert_eq!(c.len(), 5005);
    }

    #[test]
    fn interning_is_idempotent() {
        let lex = Lexicon::default();
        let a = lex.intern("soep");
        let b = lex.intern("brood");
        assert_ne!(a, b);
        assert_eq!(lex.intern("soep"), a);
        assert_eq!(lex.get("brood"), Some(b));
        assert_eq!(lex.get("thee"), None);
        assert_eq!(lex.resolve(a).as_deref(), Some("soep"));
        assert_eq!(lex.resolve(NO_TERM), None);
        assert_eq!(lex.len(), 2);
    }

    #[test]
    fn interning_from_threads_agrees() {
        let lex = Lexicon::default();
        let words: Vec<String> = (0..500).map(|i| format!("w{}", i % 97)).collect();
        let ids: Vec<Vec<TermId>> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..4).map(|_| s.spawn(|| words.iter().map(|w| lex.intern(w)).collect())).collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(ids.windows(2).all(|w| w[0] == w[1]));
        assert_eq!(lex.len(), 97);
    }
}
