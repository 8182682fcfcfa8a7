//! A draft improvement agenda (verbeteragenda): themes ranked by a rule the
//! report prints, with what goes well, what could be better, whose voice,
//! and a few quotes.

use super::quotes::{Candidate, Chooser, Quote};
use super::tally::GroupTally;
use super::voices::{Ending, VoiceAxis, speaks};
use super::{Absence, ThemeSummary};
use crate::sentiment::Sentiment;

/// Points on the agenda at most.
pub const AGENDA_POINTS: usize = 5;
/// A theme needs at least this many experiences (and the minimum group)
/// before it is ranked, so that small themes are not ranked on noise.
pub const AGENDA_MIN_VOLUME: u64 = 10;
/// The rule, as the report prints it.
pub const AGENDA_RULE: &str = "score = (negatieve + gemengde ervaringen) x aandeel negatief; alleen thema's met \
                               minstens {min} ervaringen; bij gelijke score op thema-id";

/// A voice and how often it is critical of a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VoiceShare {
    /// The voice (a role id or a question).
    pub group: String,
    /// Its negative or mixed experiences on the theme (at least the minimum
    /// group, else the voice is not named).
    pub critical: u64,
    /// All its experiences on the theme.
    pub count: u64,
}

/// One point of the agenda.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AgendaPoint {
    /// The theme's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Experiences with the theme.
    pub count: u64,
    /// Of which per sentiment about the theme (order of [`Sentiment::ALL`]).
    pub sentiment: [u64; 4],
    /// The score of [`AGENDA_RULE`].
    pub score: f64,
    /// What goes well: a typical positive quote.
    pub goes_well: Option<Quote>,
    /// What could be better: one or two typical negative (or mixed) quotes,
    /// from different voices where possible.
    pub could_be_better: Vec<Quote>,
    /// Whose voice: the voices most often critical of it, most first.
    pub voices: Vec<VoiceShare>,
}

/// The draft agenda.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Agenda {
    /// The ranking rule with the minimum volume filled in.
    pub rule: String,
    /// The minimum volume used.
    pub min_volume: u64,
    /// The points, highest score first.
    pub points: Vec<AgendaPoint>,
    /// Why the agenda is empty, when it is.
    pub absent: Option<Absence>,
}

/// The score of a theme by [`AGENDA_RULE`]: 0 for a theme below the
/// minimum volume.
pub fn score(sentiment: [u64; 4], min_volume: u64) -> f64 {
    let count: u64 = sentiment.iter().sum();
    let negative = sentiment[Sentiment::Negatief.index()];
    let critical = negative + sentiment[Sentiment::Gemengd.index()];
    if count < min_volume || count == 0 { 0.0 } else { critical as f64 * negative as f64 / count as f64 }
}

/// The agenda over `themes` (the summary's, `overig` last and not ranked).
pub(super) fn agenda(
    themes: &[ThemeSummary],
    voices: Option<(VoiceAxis, &[String], &GroupTally)>,
    end: &Ending<'_, '_>,
) -> Agenda {
    let min_volume = AGENDA_MIN_VOLUME.max(end.min_group);
    let mut ranked: Vec<(usize, f64)> = themes
        .iter()
        .enumerate()
        .take(themes.len().saturating_sub(1))
        .map(|(t, s)| (t, score(s.sentiment, min_volume)))
        .filter(|(_, s)| *s > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| themes[a.0].id.cmp(&themes[b.0].id)));
    ranked.truncate(AGENDA_POINTS);
    let points: Vec<AgendaPoint> =
        ranked.into_iter().map(|(t, score)| point(t, score, &themes[t], voices, end)).collect();
    Agenda {
        rule: AGENDA_RULE.replace("{min}", &min_volume.to_string()),
        min_volume,
        absent: points.is_empty().then_some(Absence::NothingToRank),
        points,
    }
}

fn point(
    t: usize,
    score: f64,
    theme: &ThemeSummary,
    voices: Option<(VoiceAxis, &[String], &GroupTally)>,
    end: &Ending<'_, '_>,
) -> AgendaPoint {
    let mut chooser = Chooser::new(&end.ranked[t]);
    let mut quote = |fits: &dyn Fn(&Candidate) -> bool| {
        let (i, _) = chooser.next(fits, end.allowed);
        i.map(|i| chooser.quote(i, end.showing, (end.sign)(end.ranked[t][i].c)))
    };
    let critical = |c: &Candidate| matches!(c.sentiment, Sentiment::Negatief | Sentiment::Gemengd);
    let negative = |c: &Candidate| c.sentiment == Sentiment::Negatief;
    let first = quote(&negative).or_else(|| quote(&critical));
    let goes_well = quote(&|c: &Candidate| c.sentiment == Sentiment::Positief);
    let mut could_be_better: Vec<Quote> = first.into_iter().collect();
    // A second critical voice, from someone else where the voices are known.
    let mut shares = Vec::new();
    if let Some((axis, groups, tally)) = voices {
        for g in groups {
            let Some(c) = tally.0.get(&Some(g.clone())) else { continue };
            let raw = c.themes[t];
            let crit = raw[Sentiment::Negatief.index()] + raw[Sentiment::Gemengd.index()];
            if crit >= end.min_group {
                shares.push(VoiceShare { group: g.clone(), critical: crit, count: raw.iter().sum() });
            }
        }
        shares.sort_by(|a, b| b.critical.cmp(&a.critical).then(a.group.cmp(&b.group)));
        let said = could_be_better.first().map(|q| q.signature.clone());
        let other = shares.iter().find(|s| {
            said.as_ref().is_none_or(|sig| match axis {
                VoiceAxis::Role => sig.role.is_none_or(|r| r.id() != s.group),
                VoiceAxis::Question => sig.question.as_deref() != Some(s.group.as_str()),
            })
        });
        if let Some(other) = other {
            let group = other.group.clone();
            could_be_better.extend(quote(&|c: &Candidate| critical(c) && speaks(axis, &group, c)));
        }
    }
    if could_be_better.len() < 2 {
        could_be_better.extend(quote(&critical));
    }
    AgendaPoint {
        id: theme.id.clone(),
        label: theme.label.clone(),
        count: theme.count,
        sentiment: theme.sentiment,
        score,
        goes_well,
        could_be_better,
        voices: shares,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_weighs_volume_by_negative_share_and_skips_small_themes() {
        // Veiligheid: 52 experiences, 36 negative; Sociale omgang: 59, 16 negative.
        let safety = score([6, 36, 4, 6], 10);
        let social = score([25, 16, 8, 10], 10);
        assert!((safety - 40.0 * 36.0 / 52.0).abs() < 1e-9);
        assert!(safety > social, "{safety} {social}");
        // Nine experiences, all negative: not ranked.
        assert_eq!(score([0, 9, 0, 0], 10), 0.0);
        assert_eq!(score([0, 0, 0, 0], 10), 0.0);
    }
}
