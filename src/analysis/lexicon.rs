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
#[derive(Debug, Default)]
pub(crate) struct TermCache {
    map: FxHashMap<Box<str>, TermInfo>,
}

impl TermCache {
    #[inline]
    pub fn get(&self, surface: &str) -> Option<TermInfo> {
        self.map.get(surface).copied()
    }

    pub fn insert(&mut self, surface: &str, info: TermInfo) {
        self.map.insert(Box::from(surface), info);
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
