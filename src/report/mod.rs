//! Reports: an [`Analysis`](crate::Analysis) turned into bytes. Renderers do
//! no I/O; the caller decides where the bytes go.

mod csv;
mod groups;
mod html;
mod json;
mod lang;
mod markdown;
mod svg;

pub use self::csv::{CSV_WINDOW, ThemesCsvWriter, spreadsheet_cell, themes_csv, write_themes_csv};
pub use html::{html, html_in};
pub use json::{JSON_EVIDENCE_PER_THEME, JSON_WINDOW, JsonReportWriter, json, write_json};
pub use lang::Lang;
pub use markdown::{MAX_TABLE_WIDTH, markdown, markdown_in};

/// Output formats of `analyse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// `report.md`: for a client council, in Dutch (or English).
    Markdown,
    /// `report.json`: everything, for analysts and scripts.
    Json,
    /// `report.html`: the council's report as one self-contained web page
    /// (inline style and charts, no script), in Dutch (or English).
    Html,
    /// `themes.csv`: one row per experience and theme, for a spreadsheet
    /// (`;`, UTF-8 with BOM, CRLF: Dutch Excel opens it by double-click).
    Csv,
}

impl Format {
    /// The file name this format is written to.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Markdown => "report.md",
            Format::Json => "report.json",
            Format::Html => "report.html",
            Format::Csv => "themes.csv",
        }
    }

    /// Every format, in the order `analyse` writes them by default.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Json, Format::Csv];

    /// Parses `md`, `html`, `json` or `csv`.
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// Renders `analysis` in this format, the reports in Dutch.
    pub fn render(self, analysis: &crate::Analysis) -> Vec<u8> {
        self.render_in(analysis, Lang::Nl)
    }

    /// Renders `analysis` in this format, `report.md` and `report.html` in
    /// `lang` (`report.json` and `themes.csv` are the same in any language).
    pub fn render_in(self, analysis: &crate::Analysis, lang: Lang) -> Vec<u8> {
        match self {
            Format::Markdown => markdown_in(analysis, lang).into_bytes(),
            Format::Json => json(analysis),
            Format::Html => html_in(analysis, lang),
            Format::Csv => themes_csv(analysis),
        }
    }

    /// Writes `analysis` in this format to `out`, the reports in Dutch
    /// (streaming where the format allows; the same bytes as
    /// [`Format::render`]).
    pub fn write(self, analysis: &crate::Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_in(analysis, Lang::Nl, out)
    }

    /// Writes `analysis` in this format to `out`, `report.md` and
    /// `report.html` in `lang` (the same bytes as [`Format::render_in`]).
    pub fn write_in(self, analysis: &crate::Analysis, lang: Lang, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Format::Markdown => out.write_all(markdown_in(analysis, lang).as_bytes()),
            Format::Json => write_json(analysis, out),
            Format::Html => out.write_all(&html_in(analysis, lang)),
            Format::Csv => write_themes_csv(analysis, out),
        }
    }
}

/// The file name of a path as given, without the folders of the user's
/// machine: reports name files, never where they stand.
pub(crate) fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
