//! Command-line arguments (clap derive). Each subcommand's doc comment is
//! its help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Make print-ready and accessible PDFs of recovery resources (CHIME wallet
/// card, leaflet, poster) for every area you cover.
///
/// Run it in the project folder, the one with resources/, areas/ and fonts/.
/// Edit the TOML files there, then run `wellprint build`. Start with
/// `wellprint check` to find mistakes without writing anything.
#[derive(Debug, Parser)]
#[command(name = "wellprint", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDFs: every resource, variant and area by default.
    ///
    /// Files go to OUT/<area>/<resource>-<variant>.pdf. Each file is written
    /// to a temporary name first and renamed when complete, so a failed or
    /// interrupted run never leaves a half-written PDF.
    Build(BuildArgs),
    /// Load and lay out everything and report problems; writes nothing.
    Check(CheckArgs),
    /// Put cards n-up on sheets for office or print-shop printing, with
    /// backs mirrored for duplex, and a calibration sheet.
    ///
    /// Files go to OUT/<layout>-<area>.pdf (OUT/<layout>-mixed.pdf with
    /// --mixed) and OUT/<layout>-calibration.pdf. Print the calibration
    /// sheet first, double-sided at 100 %, to check your printer.
    Sheets(SheetsArgs),
    /// Check PDFs as a print shop would: page boxes, fonts, text size,
    /// line widths, image resolution, safe margin, ink, PDF/X output intent.
    ///
    /// Works on any PDF. Exit status 0: all checks pass; 1: a check
    /// failed; 2: a file could not be read.
    Preflight(PreflightArgs),
    /// Write a commented starter area file, areas/<id>.toml.
    ///
    /// NAME is the area's printed name ("West Berkshire"); the id and file
    /// name are made from it ("west-berkshire"). An existing file is never
    /// overwritten.
    NewArea(NewAreaArgs),
    /// Edit an area in your browser and see its document change as you type.
    ///
    /// Serves a page on this computer only (127.0.0.1). The first line
    /// printed is the address to open, with the session's token; the
    /// browser opens on it unless --no-open. Ctrl-C stops.
    Serve(ServeArgs),
}

/// Which resources, variants and areas to work on, and where the project is.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Only this resource (repeat for more), e.g. `--resource chime-wallet-card`.
    #[arg(long, value_name = "ID")]
    pub resource: Vec<String>,
    /// Only this area (repeat for more), e.g. `--area oxfordshire`.
    #[arg(long, value_name = "ID")]
    pub area: Vec<String>,
    /// Only this variant (repeat for more).
    #[arg(long, value_enum)]
    pub variant: Vec<VariantArg>,
    /// The project folder (with resources/, areas/, fonts/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
}

/// A variant on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VariantArg {
    /// The standard design.
    Standard,
    /// The Easy Read design.
    EasyRead,
    /// Large print, made from the standard design.
    LargePrint,
    /// Welsh and English, made from the standard design and the
    /// resource's Welsh text (areas in Wales, or with `bilingual = true`).
    Bilingual,
}

/// Arguments of `wellprint build`.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// Selection and project.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output folder.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Print-shop options.
    #[command(flatten)]
    pub print: PrintArgs,
    /// How many documents to build at once (default: one per core).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Who the files are for: `print` (finished size plus 3 mm bleed) or
    /// `screen` (trimmed, RGB; written as <resource>-<variant>-screen.pdf).
    /// Both are tagged for screen readers.
    #[arg(long = "for", value_enum, default_value = "print")]
    pub target: TargetArg,
    /// Also write one PDF per resource, variant and format with every
    /// selected area in area id order, the same number of pages for each
    /// and a bookmark per area, for print shops' variable-data jobs:
    /// OUT/combined/<resource>-<variant>-<N>pp.pdf (N pages per area).
    /// Print files only.
    #[arg(long)]
    pub combine: bool,
}

/// What a print shop wants.
#[derive(Debug, Clone, Args)]
pub struct PrintArgs {
    /// Add crop marks (0.25 pt, 10 mm, outside the bleed); the page grows
    /// to hold them.
    #[arg(long)]
    pub marks: bool,
    /// With --marks: add a slug line (resource, area, variant, date) below
    /// the marks.
    #[arg(long, requires = "marks")]
    pub slug: bool,
    /// Bleed beyond the trim, e.g. `3mm`, `0.3cm`, `9pt` (default 3mm;
    /// `0mm` for none).
    #[arg(long, value_name = "LENGTH", value_parser = wellprint::model::Length::zero_or_more)]
    pub bleed: Option<wellprint::model::Length>,
    /// Write PDF/X-4: CMYK colour (black text 100 % K), an output intent
    /// with the bundled FOGRA39-based profile, XMP metadata.
    #[arg(long)]
    pub pdfx: bool,
    /// Use CMYK colour operators without claiming PDF/X.
    #[arg(long)]
    pub cmyk: bool,
}

impl PrintArgs {
    /// The print-only flags given, as typed (for refusing them with
    /// `--for screen`).
    pub fn given(&self) -> Vec<&'static str> {
        [
            (self.marks, "--marks"),
            (self.bleed.is_some(), "--bleed"),
            (self.pdfx, "--pdfx"),
            (self.cmyk, "--cmyk"),
        ]
        .into_iter()
        .filter_map(|(on, flag)| on.then_some(flag))
        .collect()
    }

    /// The PDF settings these flags ask for (timestamp left at its default).
    pub fn pdf_options(&self) -> wellprint::render::PdfOptions {
        use wellprint::render::{ColourMode, MarkSettings, PdfOptions};
        PdfOptions {
            marks: self.marks.then(|| MarkSettings {
                slug: self.slug,
                ..MarkSettings::default()
            }),
            colour: if self.cmyk || self.pdfx {
                ColourMode::Cmyk
            } else {
                ColourMode::Rgb
            },
            pdfx: self.pdfx,
            ..PdfOptions::default()
        }
    }
}

/// Arguments of `wellprint sheets`.
#[derive(Debug, Clone, Args)]
pub struct SheetsArgs {
    /// Selection and project (default resource: chime-wallet-card).
    #[command(flatten)]
    pub common: CommonArgs,
    /// The sheet: Avery C32011 (10 pre-cut cards on A4), Avery C32015 (8
    /// pre-cut), A4 with 8 cards, bleed and cut marks, or SRA3 with 21.
    #[arg(long, value_enum, default_value = "avery-c32011")]
    pub layout: LayoutArg,
    /// Output folder.
    #[arg(long, value_name = "DIR", default_value = "out/sheets")]
    pub out: PathBuf,
    /// Your printer turns the paper on the short edge for the back.
    #[arg(long)]
    pub short_edge: bool,
    /// One card per area on one sheet, instead of a full sheet per area.
    #[arg(long)]
    pub mixed: bool,
    /// Use CMYK colour operators (for print-shop sheets).
    #[arg(long)]
    pub cmyk: bool,
}

/// A sheet layout on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// Avery C32011: A4, 2 × 5 pre-cut 85 × 54 mm cards.
    #[value(name = "avery-c32011")]
    AveryC32011,
    /// Avery C32015: A4, 2 × 4 pre-cut 85 × 54 mm cards.
    #[value(name = "avery-c32015")]
    AveryC32015,
    /// A4, 2 × 4 cards with 3 mm bleed and cut marks.
    #[value(name = "a4-8up-bleed")]
    A48upBleed,
    /// SRA3, 3 × 7 cards with 3 mm bleed and cut marks.
    Sra3,
}

/// Arguments of `wellprint preflight`.
#[derive(Debug, Clone, Args)]
pub struct PreflightArgs {
    /// PDF files to check.
    #[arg(required = true, value_name = "FILE.pdf")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: FormatArg,
}

/// How preflight prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Readable lines.
    Human,
    /// One JSON document with a report per file.
    Json,
}

/// Arguments of `wellprint new-area`.
#[derive(Debug, Clone, Args)]
pub struct NewAreaArgs {
    /// The area's name as printed, e.g. "West Berkshire".
    pub name: String,
    /// Its nation: selects the national helplines.
    #[arg(long, value_enum, default_value = "england")]
    pub nation: NationArg,
    /// The project folder (with areas/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
}

/// A nation on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NationArg {
    /// England.
    England,
    /// Scotland.
    Scotland,
    /// Wales.
    Wales,
    /// Northern Ireland.
    NorthernIreland,
}

/// `--for` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// For the print shop.
    Print,
    /// For e-mail and websites.
    Screen,
    /// Web pages (`.html`) instead of PDFs.
    Web,
}

impl From<TargetArg> for wellprint::Target {
    /// The PDF settings: web pages take the screen PDF's (no bleed, no
    /// folding, no print-only flags).
    fn from(t: TargetArg) -> Self {
        match t {
            TargetArg::Print => wellprint::Target::Print,
            TargetArg::Screen | TargetArg::Web => wellprint::Target::Screen,
        }
    }
}

/// Arguments of `wellprint check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Selection and project.
    #[command(flatten)]
    pub common: CommonArgs,
    /// How to print the Easy Read findings.
    #[arg(long, value_enum, default_value = "human")]
    pub format: ReportFormat,
}

/// Output for people or for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Coloured messages with source excerpts.
    Human,
    /// One JSON document (schema in docs/easy-read-checks.md).
    Json,
}

/// Arguments of `wellprint serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port).
    #[arg(long, value_name = "N", default_value_t = 8421)]
    pub port: u16,
    /// Do not open the browser.
    #[arg(long)]
    pub no_open: bool,
    /// The project folder (with resources/, areas/, fonts/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
}
