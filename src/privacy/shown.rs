//! Text that may be shown: the only kind of text a report or an export takes.
//!
//! A [`Shown`] is made in one place only: by [`Showing::show`] (and its
//! parts), which redacts with the [`Redactor`] or, on the user's explicit
//! request (`--raw-text`), passes the text on as written. Its constructor is
//! private to this module, so a renderer cannot be handed unredacted text by
//! mistake: whatever it prints went through here.

use std::fmt;

use super::{PiiSpan, Redactor};

/// Text that went through redaction (or the explicit raw-text opt-out) and
/// may be shown in a report.
///
/// ```
/// use leefwereld::Redactor;
/// use leefwereld::privacy::Showing;
///
/// let redactor = Redactor::new();
/// let shown = Showing::Redacted(&redactor).show("Zuster Anja bracht de soep.");
/// assert_eq!(shown.as_str(), "Zuster [NAAM-1] bracht de soep.");
/// assert_eq!(Showing::Raw.show("Zuster Anja").as_str(), "Zuster Anja");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown(String);

impl Shown {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// On one line (runs of white space as one space), with " …" after it
    /// when `cut`: a change of layout only, so the text stays shown text.
    pub(crate) fn one_line(&self, cut: bool) -> Shown {
        let mut out = self.0.split_whitespace().collect::<Vec<_>>().join(" ");
        if cut {
            out.push_str(" …");
        }
        Shown(out)
    }

    /// On one line, with "… " before it when `before` and " …" after it
    /// when `after` (cut from a longer text): layout only, as
    /// [`one_line`](Shown::one_line).
    pub(crate) fn cut(&self, before: bool, after: bool) -> Shown {
        let Shown(line) = self.one_line(after);
        Shown(if before { format!("… {line}") } else { line })
    }
}

impl std::ops::Deref for Shown {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Shown {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Shown {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl serde::Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// How text becomes [`Shown`]: redacted, or raw because the user asked.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Showing<'r> {
    /// Personal data replaced by placeholders.
    Redacted(&'r Redactor),
    /// As written: the explicit opt-out (`--raw-text`); reports say so.
    Raw,
}

impl<'r> Showing<'r> {
    /// Redacts with `redactor`, or shows raw text when it is `None`.
    pub fn new(redactor: Option<&'r Redactor>) -> Self {
        redactor.map_or(Showing::Raw, Showing::Redacted)
    }

    /// True for the raw-text opt-out.
    pub fn is_raw(&self) -> bool {
        matches!(self, Showing::Raw)
    }

    /// `text`, to be shown.
    pub fn show(&self, text: &str) -> Shown {
        match self {
            Showing::Redacted(r) => Shown(r.redact(text).into_owned()),
            Showing::Raw => Shown(text.to_string()),
        }
    }

    /// Parts of `text` (byte ranges), each to be shown on its own, with the
    /// personal data of the whole text: a name inside a part is found as
    /// the whole sentence shows it ("dochter Fatima kwam"). Only a part with
    /// a capitalised word after its first letter, or a digit, can hold any
    /// (cue words themselves are never names), so most texts are not
    /// searched at all.
    pub fn parts(&self, text: &str, ranges: &[(usize, usize)]) -> Vec<Shown> {
        let raw = || ranges.iter().map(|&(s, e)| Shown(text[s..e].to_string())).collect();
        let Showing::Redacted(redactor) = self else { return raw() };
        // A capitalised word after the first letter ("dochter Fatima kwam"),
        // not capitals only ("MDO"), or a digit.
        let suspect = |part: &str| {
            let chars: Vec<char> = part.chars().collect();
            chars.iter().any(char::is_ascii_digit)
                || chars.windows(2).skip(1).any(|w| w[0].is_uppercase() && !w[1].is_uppercase())
        };
        if !ranges.iter().any(|&(s, e)| suspect(&text[s..e])) {
            return raw();
        }
        let spans = redactor.find(text);
        ranges
            .iter()
            .map(|&(start, end)| {
                let inside: Vec<PiiSpan> = spans
                    .iter()
                    .filter(|s| s.start < end && start < s.end)
                    .map(|s| PiiSpan { start: s.start.max(start) - start, end: s.end.min(end) - start, ..*s })
                    .collect();
                Shown(Redactor::replace(&text[start..end], &inside).into_owned())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_redacted_with_what_the_whole_text_shows() {
        let r = Redactor::new();
        let text = "Mijn dochter Fatima kwam, de soep was koud.";
        let part = text.find("dochter").unwrap();
        let soup = text.find("soep").unwrap();
        let shown = Showing::Redacted(&r).parts(text, &[(part, part + "dochter Fatima kwam".len()), (soup, soup + 4)]);
        assert_eq!(shown[0], "dochter [NAAM-1] kwam");
        assert_eq!(shown[1], "soep");
        let raw = Showing::Raw.parts(text, &[(part, part + "dochter Fatima".len())]);
        assert_eq!(raw[0], "dochter Fatima");
    }

    #[test]
    fn one_line_keeps_the_text_and_marks_a_cut() {
        let shown = Showing::Raw.show("De soep\n  was koud.");
        assert_eq!(shown.one_line(false), "De soep was koud.");
        assert_eq!(shown.one_line(true), "De soep was koud. …");
    }
}
