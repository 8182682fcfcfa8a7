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
pub use markdown::{MAX_TABLE_WIDTH, markdown};

/// Output formats of `analyse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// `report.md`: for a client council, in Dutch.
    Markdown,
    /// `report.json`: everything, for analysts and scripts.
    Json,
    /// `report.html`: the council's report as one self-contained web page
    /// (inline style and charts, no script), in Dutch.
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

    /// Renders `analysis` in this format.
    pub fn render(self, analysis: &crate::Analysis) -> Vec<u8> {
        match self {
            Format::Markdown => markdown(analysis).into_bytes(),
            Format::Json => json(analysis),
            Format::Html => html(analysis),
            Format::Csv => themes_csv(analysis),
        }
    }

    /// Writes `analysis` in this format to `out` (streaming where the format
    /// allows; the same bytes as [`Format::render`]).
    pub fn write(self, analysis: &crate::Analysis, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Format::Markdown => out.write_all(markdown(analysis).as_bytes()),
            Format::Json => write_json(analysis, out),
            Format::Html => out.write_all(&html(analysis)),
            Format::Csv => write_themes_csv(analysis, out),
        }
    }
}

/// A share as a Dutch percentage ("12%", "0,5%").
pub(crate) fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 1.0 { format!("{:.1}%", p).replace('.', ",") } else { format!("{:.0}%", p) }
}

/// The file name of a path as given, without the folders of the user's
/// machine: reports name files, never where they stand.
pub(crate) fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
