//! Negation scope: which words a negator applies to.
//!
//! "Ik voel me hier niet onveilig", "geen klagen over het eten", "nooit iemand
//! die even vraagt": a negator (niet, geen, nooit, niemand, niets, nergens,
//! zonder, ...) negates the words after it in the same clause. The scope ends
//! at a clause mark (`.`, `,`, `;`, `:`, `!`, `?`, a line break), at a
//! conjunction that starts a new clause (maar, want, omdat, en, ...), at the
//! next negator, or after [`SCOPE_WORDS`] content words. Theme assignment
//! ignores the scope (a cue in "niet veilig" still says something about
//! safety); valence uses it.

use super::Token;

/// How many content words a negation reaches at most.
pub const SCOPE_WORDS: usize = 3;

const CLAUSE_BREAKS: &[&str] = &["maar", "want", "omdat", "doordat", "terwijl", "hoewel", "en", "of", "dus", "toch"];

/// Does `word` (normal form) start a new clause?
pub(crate) fn is_clause_break(word: &str) -> bool {
    CLAUSE_BREAKS.contains(&word)
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\n' | '(' | ')')
}

/// Sets the negated flag on the tokens in the scope of each negator.
pub(crate) fn mark_scopes(text: &str, tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].flags.is_negator() {
            i += 1;
            continue;
        }
        let mut content = 0;
        let mut j = i + 1;
        while j < tokens.len() && content < SCOPE_WORDS {
            let gap = &text[tokens[j - 1].span.end as usize..tokens[j].span.start as usize];
            let t = &mut tokens[j];
            if gap.chars().any(is_clause_mark) || t.flags.is_clause_break() || t.flags.is_negator() {
                break;
            }
            t.flags.set_negated();
            if t.flags.is_content() {
                content += 1;
            }
            j += 1;
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analyzer;

    fn negated(text: &str) -> Vec<&str> {
        let a = Analyzer::new();
        let tokens = a.analyse(text);
        tokens.iter().filter(|t| t.flags.is_negated()).map(|t| t.text(text)).collect::<Vec<_>>()
    }

    #[test]
    fn scope_follows_the_negator() {
        assert_eq!(negated("Ik voel me hier niet onveilig."), ["onveilig"]);
        assert_eq!(negated("geen klagen over het eten"), ["klagen", "over", "het", "eten"]);
    }

    #[test]
    fn scope_ends_at_clause_marks_and_conjunctions() {
        assert_eq!(negated("Niet lekker, wel warm"), ["lekker"]);
        assert_eq!(negated("niet schoon maar wel gezellig"), ["schoon"]);
        assert_eq!(negated("nooit tijd en nooit aandacht"), ["tijd", "aandacht"]);
    }

    #[test]
    fn scope_is_bounded() {
        assert_eq!(negated("niet een twee drie vier vijf"), ["een", "twee", "drie", "vier"]);
    }
}
