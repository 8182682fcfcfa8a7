//! Themes: the taxonomy and the assigners that map an analysed text to
//! themes with evidence.

pub(crate) mod assign;
pub(crate) mod check;
pub(crate) mod taxonomy;

pub use assign::{AssignerSettings, Assignment, CueHit, ThemeAssigner, ThemeHit};
pub use check::{IssueKind, TaxonomyIssue, check_taxonomy};
pub use taxonomy::{Cue, DEFAULT_TAXONOMY_TOML, OVERIG, Taxonomy, Theme};
