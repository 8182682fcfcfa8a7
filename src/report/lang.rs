//! The language of the reports: the fixed phrases of `report.md` and
//! `report.html`, written once for both, in Dutch and in English.
//!
//! Texts from the input (quotes, locations, questions) stay as written;
//! theme labels come from the taxonomy (`label_en` in English, the Dutch
//! label when the taxonomy has none). `report.json` and `themes.csv` keep
//! their keys and ids whatever the language.

use crate::aggregate::{Absence, Dimension, SMALL_GROUPS, Summary, ThemeSummary, UNKNOWN_GROUP};
use crate::engine::Analysis;
use crate::ledger::SkipReason;
use crate::sentiment::Sentiment;

/// The language a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Lang {
    /// Dutch, the default: client councils read Dutch.
    #[default]
    Nl,
    /// English, for a council with English-speaking members or a researcher
    /// abroad.
    En,
}

/// The sections of the reports, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    About,
    Agenda,
    Themes,
    Voices,
    Gaps,
    Trend,
    Pairs,
    Breakdowns,
    PerTheme,
    Accounting,
}

impl Section {
    /// Every section.
    #[cfg(test)]
    pub(crate) const ALL: [Section; 10] = [
        Section::About,
        Section::Agenda,
        Section::Themes,
        Section::Voices,
        Section::Gaps,
        Section::Trend,
        Section::Pairs,
        Section::Breakdowns,
        Section::PerTheme,
        Section::Accounting,
    ];
}

impl Lang {
    /// Parses `nl` or `en`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language code (`nl`, `en`), as HTML's `lang` attribute takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// One phrase, as written in either language.
    pub(crate) fn t(self, nl: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// A section's heading.
    pub(crate) fn heading(self, s: Section) -> &'static str {
        match s {
            Section::About => self.t("Over deze gegevens", "About the data"),
            Section::Agenda => self.t("Verbeteragenda (concept)", "Improvement agenda (draft)"),
            Section::Themes => self.t("Thema's", "Themes"),
            Section::Voices => self.t("Stemmen naast elkaar", "The voices side by side"),
            Section::Gaps => self.t("Waar ze het meest verschillen", "Where they differ most"),
            Section::Trend => self.t("Verloop per kwartaal", "Trend per quarter"),
            Section::Pairs => self.t("Thema's die samen voorkomen", "Themes that come together"),
            Section::Breakdowns => self.t("Uitsplitsingen", "Breakdowns"),
            Section::PerTheme => self.t("Per thema", "Theme by theme"),
            Section::Accounting => self.t("Verantwoording", "Accounting"),
        }
    }

    /// "1 ervaring", "2 ervaringen" / "1 experience", "2 experiences".
    pub(crate) fn experiences(self, n: u64) -> String {
        match self {
            Lang::Nl => plural(n, "ervaring", "ervaringen"),
            Lang::En => plural(n, "experience", "experiences"),
        }
    }

    /// "1 rij", "2 rijen" / "1 row", "2 rows".
    pub(crate) fn rows(self, n: u64) -> String {
        match self {
            Lang::Nl => plural(n, "rij", "rijen"),
            Lang::En => plural(n, "row", "rows"),
        }
    }

    /// "1 vraag", "2 vragen" / "1 question", "2 questions".
    pub(crate) fn questions(self, n: u64) -> String {
        match self {
            Lang::Nl => plural(n, "vraag", "vragen"),
            Lang::En => plural(n, "question", "questions"),
        }
    }

    /// "1 leeg antwoord", "2 lege antwoorden" / "1 empty answer", ...
    pub(crate) fn empty_answers(self, n: u64) -> String {
        match self {
            Lang::Nl => plural(n, "leeg antwoord", "lege antwoorden"),
            Lang::En => plural(n, "empty answer", "empty answers"),
        }
    }

    /// "1 antwoord", "2 antwoorden" / "1 answer", "2 answers".
    pub(crate) fn answers(self, n: u64) -> String {
        match self {
            Lang::Nl => plural(n, "antwoord", "antwoorden"),
            Lang::En => plural(n, "answer", "answers"),
        }
    }

    /// A share as a percentage: "12%", "0,5%" in Dutch, "0.5%" in English.
    pub(crate) fn percent(self, share: f64) -> String {
        let p = share * 100.0;
        if p > 0.0 && p < 0.05 {
            // Not "0,0%" for a share that is not nothing.
            self.t("< 0,1%", "< 0.1%").to_string()
        } else if p > 0.0 && p < 1.0 {
            let s = format!("{:.1}%", p);
            if self == Lang::Nl { s.replace('.', ",") } else { s }
        } else {
            format!("{:.0}%", p)
        }
    }

    /// A number with one decimal: "2,5" / "2.5".
    pub(crate) fn decimal(self, x: f64) -> String {
        let s = format!("{x:.1}");
        if self == Lang::Nl { s.replace('.', ",") } else { s }
    }

    /// `2025-01-03` -> "3 januari 2025" / "3 January 2025"; anything else as
    /// it is.
    pub(crate) fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        match parts[..] {
            [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
                (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", self.month(m)),
                _ => iso.to_string(),
            },
            _ => iso.to_string(),
        }
    }

    /// The name of month `m` (1 to 12).
    fn month(self, m: usize) -> &'static str {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self {
            Lang::Nl => crate::analysis::MONTHS[m - 1],
            Lang::En => EN[m - 1],
        }
    }

    /// `2025-01-03` -> "jan 2025".
    pub(crate) fn month_year(self, iso: &str) -> String {
        const NL: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
        const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (iso.get(..4), iso.get(5..7).and_then(|m| m.parse::<usize>().ok())) {
            (Some(y), Some(m @ 1..=12)) => format!("{} {y}", self.t(NL[m - 1], EN[m - 1])),
            _ => iso.to_string(),
        }
    }

    /// A quarter as the report writes it: `2025-K4` stays in Dutch,
    /// `2025-Q4` in English.
    pub(crate) fn quarter(self, period: &str) -> String {
        match self {
            Lang::Nl => period.to_string(),
            Lang::En => period.replacen("-K", "-Q", 1),
        }
    }

    /// A sentiment in words: "positief" / "positive".
    pub(crate) fn sentiment(self, s: Sentiment) -> &'static str {
        match s {
            Sentiment::Positief => self.t("positief", "positive"),
            Sentiment::Negatief => self.t("negatief", "negative"),
            Sentiment::Gemengd => self.t("gemengd", "mixed"),
            _ => self.t("neutraal", "neutral"),
        }
    }

    /// A sign for a sentiment that reads without colour.
    pub(crate) fn sign(s: Sentiment) -> &'static str {
        match s {
            Sentiment::Positief => "+",
            Sentiment::Negatief => "−",
            Sentiment::Gemengd => "±",
            _ => "○",
        }
    }

    /// A role by its id (`client`, `naaste`, `medewerker`), one or many; any
    /// other text as it is.
    pub(crate) fn role(self, id: &str, many: bool) -> &str {
        match (self, id, many) {
            (Lang::Nl, "client", false) => "cliënt",
            (Lang::Nl, "client", true) => "cliënten",
            (Lang::Nl, "naaste", true) => "naasten",
            (Lang::Nl, "medewerker", true) => "medewerkers",
            (Lang::En, "client", false) => "client",
            (Lang::En, "client", true) => "clients",
            (Lang::En, "naaste", false) => "relative",
            (Lang::En, "naaste", true) => "relatives",
            (Lang::En, "medewerker", false) => "staff member",
            (Lang::En, "medewerker", true) => "staff",
            (_, other, _) => other,
        }
    }

    /// A dimension's heading.
    pub(crate) fn dimension(self, d: Dimension) -> &'static str {
        match (self, d) {
            (Lang::Nl, d) => d.label(),
            (Lang::En, Dimension::Location) => "Location",
            (Lang::En, Dimension::Role) => "Who",
            (Lang::En, Dimension::Sector) => "Sector",
            (Lang::En, Dimension::Period) => "Period (quarter)",
            (Lang::En, _) => "Question",
        }
    }

    /// The name of the merged small groups, with how many there are.
    pub(crate) fn small_groups(self, n: u64) -> String {
        match self {
            Lang::Nl => format!("{SMALL_GROUPS} ({})", plural(n, "groep", "groepen")),
            Lang::En => format!("other (small groups) ({})", plural(n, "group", "groups")),
        }
    }

    /// The name of the merged small groups, without a count.
    pub(crate) fn small_groups_name(self) -> &'static str {
        self.t(SMALL_GROUPS, "other (small groups)")
    }

    /// A group's name in a dimension, as shown (not escaped).
    pub(crate) fn group(self, dimension: Dimension, group: &str, merged: u64) -> String {
        match merged {
            0 if dimension == Dimension::Role => self.role(group, true).to_string(),
            0 if group == UNKNOWN_GROUP => self.t(UNKNOWN_GROUP, "(unknown)").to_string(),
            0 if dimension == Dimension::Period => self.quarter(group),
            0 => group.to_string(),
            n => self.small_groups(n),
        }
    }

    /// A theme's label in this language (the Dutch one when the taxonomy
    /// gives no other).
    pub(crate) fn label(self, t: &ThemeSummary) -> &str {
        match self {
            Lang::Nl => &t.label,
            Lang::En => &t.label_en,
        }
    }

    /// The label of the theme `id` in `s` (the id when it is unknown).
    pub(crate) fn label_of<'a>(self, s: &'a Summary, id: &'a str) -> &'a str {
        s.themes.iter().find(|t| t.id == id).map_or(id, |t| self.label(t))
    }

    /// Why a section is absent.
    pub(crate) fn absence(self, a: Absence) -> &'static str {
        match (self, a) {
            (Lang::Nl, a) => a.reason(),
            (Lang::En, Absence::NoDates) => "The input has no column with a date, so there is no trend over time.",
            (Lang::En, Absence::OneQuarter) => {
                "All dated experiences fall in one quarter, so there is no trend to show."
            }
            (Lang::En, Absence::NoRoleOneQuestion) => {
                "The input does not say who wrote (client, relative, staff) and has one question, so there are no \
                 voices to set side by side."
            }
            (Lang::En, Absence::OneVoice) => {
                "Fewer than two groups of writers (or questions) have enough experiences to show, so there are no \
                 voices to set side by side."
            }
            (Lang::En, Absence::ManyQuestions) => {
                "The input does not say who wrote and has more than three questions; setting them side by side \
                 would say little."
            }
            (Lang::En, Absence::NothingToRank) => {
                "No theme has enough negative or mixed experiences to put on the agenda."
            }
        }
    }

    /// The agenda's ranking rule with its minimum volume.
    pub(crate) fn agenda_rule(self, s: &Summary) -> String {
        match self {
            Lang::Nl => s.agenda.rule.clone(),
            Lang::En => format!(
                "score = (negative + mixed experiences) x negative share; only themes with at least {} \
                 experiences; equal scores by theme id",
                s.agenda.min_volume
            ),
        }
    }

    /// The sentence before the agenda.
    pub(crate) fn agenda_intro(self) -> &'static str {
        self.t(
            "Een eerste voorstel om het gesprek mee te beginnen, geen besluit. Volgorde:",
            "A first proposal to start the conversation with, not a decision. Order:",
        )
    }

    /// Why quotes of a theme were left out.
    pub(crate) fn withheld(self, t: &ThemeSummary, min_group: u64) -> String {
        let (n, one, none) = (t.withheld, t.withheld == 1, t.quotes.is_empty());
        match self {
            Lang::Nl => {
                let what = match (none, one) {
                    (true, true) => "Geen citaten: 1 ervaring komt".to_string(),
                    (true, false) => format!("Geen citaten: {n} ervaringen komen"),
                    (false, true) => "1 ander citaat overgeslagen: het komt".to_string(),
                    (false, false) => format!("{n} andere citaten overgeslagen: ze komen"),
                };
                format!(
                    "{what} uit een groep van minder dan {min_group} ervaringen (naar locatie, wie, sector, periode \
                     of vraag), zodat niemand te herkennen is."
                )
            }
            Lang::En => {
                let what = match (none, one) {
                    (true, true) => "No quotes: 1 experience comes".to_string(),
                    (true, false) => format!("No quotes: {n} experiences come"),
                    (false, true) => "1 other quote left out: it comes".to_string(),
                    (false, false) => format!("{n} other quotes left out: they come"),
                };
                format!(
                    "{what} from a group of fewer than {min_group} experiences (by location, who, sector, period or \
                     question), so that no one can be recognised."
                )
            }
        }
    }

    /// The parts of a quote's signature after its sentiment: who, which
    /// question (through `name`, which makes it fit), when, and which
    /// experience.
    pub(crate) fn signature(self, q: &crate::aggregate::Quote, name: impl Fn(&str) -> String) -> Vec<String> {
        let mut parts = Vec::with_capacity(4);
        if let Some(r) = q.signature.role {
            parts.push(self.role(r.id(), false).to_string());
        }
        if let Some(question) = &q.signature.question {
            parts.push(format!("{} '{}'", self.t("vraag", "question"), name(question)));
        }
        if let Some(p) = &q.signature.period {
            parts.push(self.quarter(p));
        }
        parts.push(format!("{} {}", self.t("ervaring", "experience"), name(&q.id)));
        parts
    }

    /// How far to trust the themes: the heading and the text, measured or
    /// not (the same sentence in both reports).
    pub(crate) fn trust(self, a: &Analysis) -> (&'static str, String) {
        let p = |x| self.percent(x);
        let head = self.t("Hoe zeker zijn de thema's?", "How far to trust the themes?");
        let text = match (self, &a.quality) {
            (Lang::Nl, Some(q)) => format!(
                "De thema's zijn toegekend met de woordenlijsten van de taxonomie; de tool leest niet zoals een mens. \
                 Gemeten op {} proefervaringen die met de hand zijn gecodeerd en niet zijn gebruikt om de lijsten \
                 te maken: van de thema's die een zorgvuldige lezer ziet, vond de tool er {}; van de thema's die de \
                 tool gaf, was {} juist. Twee andere lezers kwamen bij een deel ervan op {} overeenstemming (F1) met \
                 die codering. Lees de aantallen daarom als richting, niet als meting, en lees bij elk thema de \
                 citaten.",
                q.n,
                p(q.micro_recall),
                p(q.micro_precision),
                p(q.annotator_macro_f1)
            ),
            (Lang::Nl, None) => "De thema's zijn toegekend met de woordenlijsten van de taxonomie; de tool leest niet \
                                 zoals een mens. Voor deze taxonomie is niet gemeten hoe vaak dat klopt (meet het met \
                                 leefwereld evaluate op ervaringen die u met de hand codeert). Lees de aantallen als \
                                 richting en lees bij elk thema de citaten."
                .to_string(),
            (Lang::En, Some(q)) => format!(
                "The themes were assigned with the word lists of the taxonomy; the tool does not read as a person \
                 does. Measured on {} test experiences that were coded by hand and not used to make the lists: of \
                 the themes a careful reader sees, the tool found {}; of the themes the tool gave, {} were right. \
                 Two other readers reached {} agreement (F1) with that coding on part of them. Read the counts as a \
                 direction, not a measurement, and read the quotes of each theme.",
                q.n,
                p(q.micro_recall),
                p(q.micro_precision),
                p(q.annotator_macro_f1)
            ),
            (Lang::En, None) => "The themes were assigned with the word lists of the taxonomy; the tool does not read \
                                 as a person does. For this taxonomy it has not been measured how often that is right \
                                 (measure it with leefwereld evaluate on experiences you code by hand). Read the \
                                 counts as a direction and read the quotes of each theme."
                .to_string(),
        };
        (head, text)
    }

    /// What the placeholders in quotes stand for.
    pub(crate) fn placeholders(self) -> &'static str {
        self.t(
            "Persoonsgegevens in citaten zijn vervangen: namen door [NAAM-1], [NAAM-2], ... (binnen één citaat \
             houdt dezelfde persoon hetzelfde nummer), en verder [TELEFOON], [EMAIL], [URL], [ADRES], [DATUM], \
             [LEEFTIJD], [BSN] en [IBAN].",
            "Personal data in quotes has been replaced: names by [NAAM-1], [NAAM-2], ... (within one quote the \
             same person keeps the same number), and further [TELEFOON] (phone), [EMAIL], [URL], [ADRES] \
             (address), [DATUM] (date), [LEEFTIJD] (age), [BSN] (citizen service number) and [IBAN].",
        )
    }

    /// The warning at the top of a report made with `--raw-text`: the bold
    /// part and the rest.
    pub(crate) fn raw_warning(self) -> (&'static str, &'static str) {
        match self {
            Lang::Nl => (
                "Let op: dit rapport bevat ruwe tekst.",
                "Het is gemaakt met --raw-text: citaten kunnen namen, telefoonnummers en andere persoonsgegevens \
                 bevatten. Deel het niet buiten wie dat mag zien.",
            ),
            Lang::En => (
                "Note: this report contains raw text.",
                "It was made with --raw-text: quotes may contain names, phone numbers and other personal data. Do \
                 not share it beyond those allowed to see it.",
            ),
        }
    }

    /// Short verdicts without a topic: the bold part and the rest.
    pub(crate) fn short_verdicts(self, s: &Summary) -> (&'static str, String) {
        let v = s.short_verdicts;
        let other = v.count - v.positive - v.negative;
        let words = crate::aggregate::SHORT_VERDICT_WORDS;
        match self {
            Lang::Nl => (
                "Korte oordelen zonder onderwerp:",
                format!(
                    "{} ({} positief, {} negatief, {other} anders), zoals \"prima\" of \"alles goed\": een antwoord \
                     van hooguit {words} woorden dat een oordeel geeft maar niet zegt waarover. Ze staan niet onder \
                     Overig, dat is voor onderwerpen buiten de taxonomie.",
                    self.answers(v.count),
                    v.positive,
                    v.negative
                ),
            ),
            Lang::En => (
                "Short verdicts without a topic:",
                format!(
                    "{} ({} positive, {} negative, {other} other), such as \"prima\" or \"alles goed\": an answer of \
                     at most {words} words that passes a verdict but does not say on what. They are not under \
                     Other, which is for topics outside the taxonomy.",
                    self.answers(v.count),
                    v.positive,
                    v.negative
                ),
            ),
        }
    }

    /// How the tone was judged.
    pub(crate) fn tone_method(self) -> (&'static str, &'static str) {
        match self {
            Lang::Nl => (
                "Hoe is de toon bepaald?",
                "Per ervaring en per thema daarin met een woordenlijst van oordelen, met regels voor ontkenning \
                 (\"niet lekker\"), versterkers, tegenstelling (\"maar\") en emoji. Het thema krijgt de toon van de \
                 zinsdelen waarin het genoemd wordt. Ook dat is een schatting: lees de citaten.",
            ),
            Lang::En => (
                "How was the tone judged?",
                "Per experience and per theme in it, with a word list of judgements and rules for negation (\"niet \
                 lekker\", not tasty), intensifiers, contrast (\"maar\", but) and emoji. A theme gets the tone of the \
                 clauses it is named in. That too is an estimate: read the quotes.",
            ),
        }
    }

    /// How the quotes were chosen.
    pub(crate) fn quote_method(self, min_group: u64) -> (&'static str, String) {
        match self {
            Lang::Nl => (
                "Hoe zijn de citaten gekozen?",
                format!(
                    "Per thema, toon en stem een vaste steekproef uit alle ervaringen; daaruit de citaten die de \
                     woorden gebruiken die bij het thema het vaakst voorkomen (typisch, niet extreem), nooit twee die \
                     op elkaar lijken, ingekort tot een zin of twee (… markeert een weglating). Er staat bij wie het \
                     schreef, op welke vraag en in welk kwartaal, behalve als die groep kleiner is dan {min_group}."
                ),
            ),
            Lang::En => (
                "How were the quotes chosen?",
                format!(
                    "Per theme, tone and voice a fixed sample of all experiences; from it the quotes that use the \
                     words most frequent in the theme (typical, not extreme), never two that look alike, cut to a \
                     sentence or two (… marks a cut). Each says who wrote it, to which question and in which \
                     quarter, unless that group is smaller than {min_group}. Quotes stay in the language they were \
                     written in."
                ),
            ),
        }
    }

    /// Why a row was skipped (the stable code stays in `report.json`).
    pub(crate) fn skip_reason(self, reason: &SkipReason) -> String {
        match self {
            Lang::Nl => super::markdown::reason_nl(reason),
            Lang::En => match reason {
                SkipReason::EmptyText => "empty answer".into(),
                SkipReason::NoContent { question } => {
                    format!("no content: the answer to '{question}' says nothing (nvt, geen, -)")
                }
                SkipReason::FieldCount { found, expected } => format!(
                    "the row has {found} fields, the header {expected} (a delimiter in the text without quotes?)"
                ),
                SkipReason::TooLong { bytes, limit } => {
                    format!("text of {bytes} bytes, longer than the limit of {limit}")
                }
                SkipReason::Duplicate { first_line } => format!("exactly the same row as on line {first_line}"),
                SkipReason::UnclosedQuote { last_line } => format!(
                    "a quote mark in this row is not closed: everything up to line {last_line} was read as one field"
                ),
                SkipReason::InvalidJson { .. } => "not a valid JSON object".into(),
                SkipReason::MissingField { .. } => "the text field is missing".into(),
                SkipReason::Undecodable { column, .. } => {
                    format!("column '{column}' is not valid text in this encoding (try --encoding windows-1252)")
                }
            },
        }
    }

    /// "Gemaakt op 3 januari 2026 met leefwereld 0.1.0."
    pub(crate) fn made(self, s: &Summary) -> String {
        let version = env!("CARGO_PKG_VERSION");
        match self {
            Lang::Nl => format!("Gemaakt op {} met leefwereld {version}.", self.date(&s.made_on)),
            Lang::En => format!("Made on {} with leefwereld {version}.", self.date(&s.made_on)),
        }
    }
}

/// "1 ervaring", "2 ervaringen".
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dates_and_words_follow_the_language() {
        assert_eq!(Lang::Nl.percent(0.005), "0,5%");
        assert_eq!(Lang::En.percent(0.005), "0.5%");
        assert_eq!(Lang::En.percent(0.25), "25%");
        assert_eq!(Lang::Nl.percent(0.0004), "< 0,1%");
        assert_eq!(Lang::Nl.percent(0.0), "0%");
        assert_eq!(Lang::Nl.date("2025-03-09"), "9 maart 2025");
        assert_eq!(Lang::En.date("2025-03-09"), "9 March 2025");
        assert_eq!(Lang::En.quarter("2025-K4"), "2025-Q4");
        assert_eq!(Lang::En.experiences(1), "1 experience");
        assert_eq!(Lang::Nl.experiences(2), "2 ervaringen");
        assert_eq!(Lang::En.role("naaste", true), "relatives");
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        for s in Section::ALL {
            assert_ne!(Lang::Nl.heading(s), Lang::En.heading(s));
        }
    }
}
