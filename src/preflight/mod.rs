//! Preflight: checks a document the way a print shop would before printing.
//!
//! | check | rule |
//! |---|---|
//! | `page-boxes` | every page has a TrimBox; MediaBox ⊇ BleedBox ⊇ TrimBox |
//! | `fonts` | every font is embedded |
//! | `text-size` | no text smaller than [`crate::rules::MIN_TEXT`] (6 pt) |
//! | `line-width` | no stroke thinner than [`crate::rules::HAIRLINE`] (0.25 pt, effective, after `cm`) |
//! | `image-resolution` | images at least [`crate::rules::min_ppi`] at placed size (300 ppi; 150 ppi when the page is A2 or larger) |
//! | `safe-margin` | no text on the trimmed page within [`crate::rules::safe_margin`] of the trim (5 mm; 4 mm on cards: pages smaller than A6, or strips of card panels under 60 mm high) |
//! | `ink-limit` | CMYK colours (`k`, `K`, four-component `sc`/`scn`) total ≤ [`crate::rules::MAX_INK_PERCENT`] (300 %) |
//! | `output-intent` | a file that claims PDF/X (`/GTS_PDFXVersion`) has a `GTS_PDFX` OutputIntent with a profile |
//! | `black-text` | text in a near-black CMYK colour (K ≥ 80 %, C, M, Y within 10 % of each other) is exactly C0 M0 Y0 K100 |
//! | `annotations` | a file that claims PDF/X has no annotations and no actions (an error) |
//!
//! One more check is a notice, not a failure: `example-data`, text that is
//! one of Ofcom's drama phone numbers (01632 960xxx, 07700 900xxx) or an
//! `example.org` address. Fine for trying wellprint out, never for print.
//!
//! Text outside the TrimBox (a slug line) is not held to the safe margin;
//! paths painted entirely outside the BleedBox (crop marks in
//! registration colour) are not held to the ink limit.
//!
//! Two readers give the checks the same facts: [`preflight`] reads any
//! PDF file (through [`crate::inspect`] and a paint walk), and [`frames`]
//! reads our own pages before they are written (exact values, nothing
//! parsed). `build` runs the second on every
//! document; tests assert both give the same report for every example.

mod checks;
mod from_frames;
mod paint;
mod pdf;

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::inspect::{BoxPt, InspectError};
use crate::layout::{FontBook, Frame};
use crate::render::PdfOptions;

/// One failed check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Which check (`page-boxes`, `fonts`, `text-size`, `line-width`,
    /// `image-resolution`, `safe-margin`, `ink-limit`, `output-intent`,
    /// `black-text`, `annotations`).
    pub check: &'static str,
    /// 1-based page, if the finding is about one page.
    pub page: Option<usize>,
    /// What is wrong, with the measured value.
    pub message: String,
}

/// What preflight found in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Number of pages.
    pub pages: usize,
    /// The `/GTS_PDFXVersion` the file claims, if any.
    pub pdfx: Option<String>,
    /// Every failed check, by page.
    pub findings: Vec<Finding>,
    /// What is worth a warning but not a failure (`example-data`).
    pub notices: Vec<Finding>,
}

impl Report {
    /// Whether every check passed.
    pub fn passed(&self) -> bool {
        self.findings.is_empty()
    }

    /// The findings as diagnostics (for `build`, which reports them as
    /// warnings), prefixed with `file`.
    pub fn diagnostics(&self, file: &str) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .chain(&self.notices)
            .map(|f| {
                let page = f.page.map(|p| format!(", page {p}")).unwrap_or_default();
                Diagnostic::warning(
                    None,
                    format!("preflight {}{page}: [{}] {}", file, f.check, f.message),
                )
            })
            .collect()
    }
}

/// Checks a PDF file.
///
/// # Errors
///
/// [`InspectError`] if the file cannot be read as a PDF.
pub fn preflight(bytes: &[u8]) -> Result<Report, InspectError> {
    pdf::facts(bytes).map(|facts| checks::run(&facts))
}

/// Checks our own pages as [`render::pdf`](crate::render::pdf) will write
/// them with `options` and the faces of `book`, reading the frames (exact values, nothing
/// parsed): what `build` runs on every document. It reports what
/// [`preflight`] reports for the written file.
pub fn frames(frames: &[Frame], options: &PdfOptions, book: &FontBook) -> Report {
    checks::run(&from_frames::facts(frames, options, &book.faces()))
}

/// What the checks read about a document, from either reader. Lengths are
/// PDF points in the page's default user space (y up).
struct Facts {
    /// Each page.
    pages: Vec<PageFacts>,
    /// Fonts whose program is not in the file: (base font, subtype).
    unembedded_fonts: Vec<(String, String)>,
    /// The PDF/X version the document claims.
    pdfx: Option<String>,
    /// Whether it has a `GTS_PDFX` OutputIntent with a profile.
    pdfx_intent: bool,
    /// Annotations and actions: (1-based page or `None` for the document,
    /// what was found).
    annotations: Vec<(Option<usize>, String)>,
}

/// One page's boxes, text and paint.
struct PageFacts {
    media: BoxPt,
    crop: Option<BoxPt>,
    bleed: Option<BoxPt>,
    trim: Option<BoxPt>,
    /// Text runs with at least one glyph, in painting order.
    text: Vec<Run>,
    paint: paint::Paint,
}

/// A run of text as one text-showing operator paints it.
struct Run {
    /// The characters.
    text: String,
    /// Effective size, points.
    size: f64,
    /// Start of the baseline.
    x: f64,
    /// Start of the baseline.
    y: f64,
    /// Advance to the end of the last visible glyph.
    width: f64,
    /// Upside down: the run goes left from `x` and hangs below `y`.
    turned: bool,
}

#[cfg(test)]
mod tests;
