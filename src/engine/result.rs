//! What a run gives: the ledger, the per-experience results, the summary.

use crate::aggregate::{ExperienceResult, Summary};
use crate::ledger::Ledger;
use crate::quality::MeasuredQuality;

/// The result of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// What became of every row.
    pub ledger: Ledger,
    /// Per experience: id, position, themes with evidence.
    pub experiences: Vec<ExperienceResult>,
    /// Per theme: counts, shares, quotes.
    pub summary: Summary,
    /// Whether texts were left unredacted on request.
    pub raw_text: bool,
    /// The taxonomy's name.
    pub taxonomy: String,
    /// How well the assigner is known to find themes (see
    /// [`Engine::measured_quality`](super::Engine::measured_quality)); reports pass it on to their readers.
    pub quality: Option<MeasuredQuality>,
}
