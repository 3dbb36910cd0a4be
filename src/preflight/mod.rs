//! Preflight: checks any PDF the way a print shop would before printing.
//!
//! | check | rule |
//! |---|---|
//! | `page-boxes` | every page has a TrimBox; MediaBox ⊇ BleedBox ⊇ TrimBox |
//! | `fonts` | every font is embedded |
//! | `text-size` | no text smaller than 6 pt |
//! | `line-width` | no stroke thinner than 0.25 pt (effective, after `cm`) |
//! | `image-resolution` | images ≥ 300 ppi at placed size (150 ppi when the page is A2 or larger) |
//! | `safe-margin` | no text on the trimmed page within 5 mm of the trim (4 mm on cards: pages smaller than A6, or strips of card panels under 60 mm high) |
//! | `ink-limit` | CMYK colours (`k`, `K`, four-component `sc`/`scn`) total ≤ 300 % |
//! | `output-intent` | a file that claims PDF/X (`/GTS_PDFXVersion`) has a `GTS_PDFX` OutputIntent with a profile |
//! | `black-text` | text in a near-black CMYK colour (K ≥ 80 %, C, M, Y within 10 % of each other) is exactly C0 M0 Y0 K100 |
//! | `annotations` | a file that claims PDF/X has no annotations and no actions (an error) |
//!
//! Text outside the TrimBox (a slug line) is not held to the safe margin;
//! paths painted entirely outside the BleedBox (crop marks in
//! registration colour) are not held to the ink limit.

mod paint;

use std::collections::BTreeMap;

use lopdf::content::Operation;
use lopdf::{Document, Object};
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::inspect::{self, BoxPt, InspectError, PdfReport};

/// Points per millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;
/// Smallest text, points.
pub const MIN_TEXT_PT: f64 = 6.0;
/// Thinnest line, points.
pub const MIN_LINE_PT: f64 = 0.25;
/// Highest total ink, percent.
pub const MAX_INK_PERCENT: f64 = 300.0;

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

/// What preflight found in one PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Number of pages.
    pub pages: usize,
    /// The `/GTS_PDFXVersion` the file claims, if any.
    pub pdfx: Option<String>,
    /// Every failed check, by page.
    pub findings: Vec<Finding>,
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

/// Checks a PDF.
///
/// # Errors
///
/// [`InspectError`] if the file cannot be read as a PDF.
pub fn preflight(bytes: &[u8]) -> Result<Report, InspectError> {
    inspect::guarded(|| {
        // One parse of the file and one decoding of each page's content,
        // shared by the text checks and the paint walk.
        let doc = inspect::load(bytes)?;
        let (report, operations) = inspect::inspect_loaded(&doc)?;
        Ok(check(&doc, &report, &operations))
    })
}

/// Checks a document in memory, as [`preflight`] checks a file: what
/// `build` runs on each document just before it is written, so the file
/// is not parsed again (tests assert both give the same report).
///
/// # Errors
///
/// [`InspectError`] if the document has no pages or a page cannot be read.
pub fn preflight_document(doc: &Document) -> Result<Report, InspectError> {
    inspect::guarded(|| {
        let (report, operations) = inspect::inspect_loaded(doc)?;
        Ok(check(doc, &report, &operations))
    })
}

/// The checks, on a parsed document, its inspection and each page's
/// content operators.
fn check(doc: &Document, report: &PdfReport, operations: &[Vec<Operation>]) -> Report {
    let mut findings = Vec::new();
    let mut add = |check: &'static str, page: Option<usize>, message: String| {
        findings.push(Finding {
            check,
            page,
            message,
        });
    };

    for font in &report.fonts {
        if !font.embedded {
            add(
                "fonts",
                None,
                format!("font {} ({}) is not embedded", font.base_font, font.subtype),
            );
        }
    }

    let page_ids: Vec<_> = doc.page_iter().collect();
    for (index, page) in report.pages.iter().enumerate() {
        let n = Some(index + 1);
        let media = page.media_box;
        let trim = match page.trim_box {
            Some(t) => t,
            None => {
                add("page-boxes", n, "no TrimBox (the finished size)".to_owned());
                page.crop_box.unwrap_or(media)
            }
        };
        let bleed = page.bleed_box.unwrap_or(trim);
        if !media.contains(&bleed, 0.01) {
            add(
                "page-boxes",
                n,
                format!(
                    "BleedBox {} is not inside MediaBox {}",
                    show(&bleed),
                    show(&media)
                ),
            );
        }
        if !bleed.contains(&trim, 0.01) {
            add(
                "page-boxes",
                n,
                format!(
                    "TrimBox {} is not inside BleedBox {}",
                    show(&trim),
                    show(&bleed)
                ),
            );
        }

        // Text size and safe margin.
        let (w_mm, h_mm) = (trim.width() / PT_PER_MM, trim.height() / PT_PER_MM);
        // Cards: smaller than A6, or a strip of card panels (a folding
        // card) whose short side is card height.
        let small =
            (w_mm.min(h_mm) < 105.0 - 0.5 && w_mm.max(h_mm) < 148.0 - 0.5) || w_mm.min(h_mm) < 60.0;
        let margin_mm = if small { 4.0 } else { 5.0 };
        let safe = BoxPt::new(
            trim.x0 + margin_mm * PT_PER_MM,
            trim.y0 + margin_mm * PT_PER_MM,
            trim.x1 - margin_mm * PT_PER_MM,
            trim.y1 - margin_mm * PT_PER_MM,
        );
        let mut tiny: BTreeMap<String, (usize, f64)> = BTreeMap::new();
        let mut outside = Vec::new();
        for run in &page.text {
            if run.text.trim().is_empty() {
                continue;
            }
            if run.size < MIN_TEXT_PT - 0.01 {
                let e = tiny.entry(run.text.clone()).or_insert((0, run.size));
                e.0 += 1;
            }
            let (x0, x1) = (run.x.min(run.x + run.width), run.x.max(run.x + run.width));
            let (y0, y1) = (run.y - 0.2 * run.size, run.y + 0.75 * run.size);
            let on_page = x1 > trim.x0 && x0 < trim.x1 && y1 > trim.y0 && y0 < trim.y1;
            let inside = x0 >= safe.x0 - 0.01
                && x1 <= safe.x1 + 0.01
                && y0 >= safe.y0 - 0.01
                && y1 <= safe.y1 + 0.01;
            if on_page && !inside {
                let gap = [x0 - trim.x0, trim.x1 - x1, y0 - trim.y0, trim.y1 - y1]
                    .into_iter()
                    .fold(f64::INFINITY, f64::min)
                    / PT_PER_MM;
                outside.push(format!("“{}” ({gap:.1} mm)", short(&run.text)));
            }
        }
        for (text, (count, size)) in tiny {
            add(
                "text-size",
                n,
                format!(
                    "text “{}” is {size:.1} pt ({count}×); the minimum is {MIN_TEXT_PT} pt",
                    short(&text)
                ),
            );
        }
        if !outside.is_empty() {
            let more = outside.len().saturating_sub(3);
            outside.truncate(3);
            let extra = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            add(
                "safe-margin",
                n,
                format!(
                    "text within {margin_mm} mm of the trim: {}{extra}",
                    outside.join(", ")
                ),
            );
        }

        // Paint: lines, images, ink.
        let big = w_mm.min(h_mm) >= 420.0 - 1.0 && w_mm.max(h_mm) >= 594.0 - 1.0;
        let min_ppi = if big { 150.0 } else { 300.0 };
        let Some(&page_id) = page_ids.get(index) else {
            continue;
        };
        let Some(ops) = operations.get(index) else {
            continue;
        };
        let paint = paint::walk(doc, page_id, ops, bleed);
        if let Some(w) = paint.thinnest_line
            && w < MIN_LINE_PT - 0.001
        {
            add(
                "line-width",
                n,
                format!(
                    "{} stroke(s) thinner than {MIN_LINE_PT} pt; the thinnest is {w:.3} pt",
                    paint.thin_lines
                ),
            );
        }
        for image in &paint.images {
            if image.ppi < min_ppi - 0.5 {
                add(
                    "image-resolution",
                    n,
                    format!(
                        "image {} ({}×{} px) is {:.0} ppi at its placed size; at least {min_ppi:.0} ppi is needed",
                        image.name, image.width, image.height, image.ppi
                    ),
                );
            }
        }
        if paint.max_ink > MAX_INK_PERCENT + 0.5 {
            add(
                "ink-limit",
                n,
                format!(
                    "a CMYK colour totals {:.0} % ink; the limit is {MAX_INK_PERCENT:.0} %",
                    paint.max_ink
                ),
            );
        }
        if let Some([c, m, y, k]) = paint.not_pure_black {
            add(
                "black-text",
                n,
                format!(
                    "{} text run(s) in near-black C{:.1} M{:.1} Y{:.1} K{:.1}; black text must be C0 M0 Y0 K100",
                    paint.not_pure_black_text,
                    c * 100.0,
                    m * 100.0,
                    y * 100.0,
                    k * 100.0
                ),
            );
        }
    }

    let pdfx = report
        .info
        .get("GTS_PDFXVersion")
        .filter(|v| !v.trim().is_empty())
        .cloned();
    if let Some(version) = &pdfx
        && !has_pdfx_intent(doc)
    {
        add(
            "output-intent",
            None,
            format!(
                "the file claims {version} but has no GTS_PDFX OutputIntent with an output profile"
            ),
        );
    }

    if let Some(version) = &pdfx {
        for (page, what) in annotations_and_actions(doc) {
            add(
                "annotations",
                page,
                format!(
                    "{what} in a file that claims {version}: a press file carries no annotations or actions (links belong in the screen PDF)"
                ),
            );
        }
    }

    Report {
        pages: report.pages.len(),
        pdfx,
        findings,
    }
}

/// Every page's annotations and every action: (1-based page or `None`
/// for the document, what was found).
fn annotations_and_actions(doc: &Document) -> Vec<(Option<usize>, String)> {
    let mut found = Vec::new();
    if let Ok(catalog) = doc.catalog() {
        for key in ["OpenAction", "AA"] {
            if catalog.has(key.as_bytes()) {
                found.push((None, format!("a document action (/{key})")));
            }
        }
    }
    for (index, page_id) in doc.page_iter().enumerate() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        if page.has(b"AA") {
            found.push((Some(index + 1), "a page action (/AA)".to_owned()));
        }
        let annots = match page.get(b"Annots") {
            Ok(Object::Reference(id)) => doc.get_object(*id).ok(),
            Ok(other) => Some(other),
            Err(_) => None,
        };
        let Some(Object::Array(list)) = annots else {
            continue;
        };
        if list.is_empty() {
            continue;
        }
        let actions = list
            .iter()
            .filter_map(|a| match a {
                Object::Reference(id) => doc.get_dictionary(*id).ok(),
                Object::Dictionary(d) => Some(d),
                _ => None,
            })
            .filter(|d| d.has(b"A") || d.has(b"AA"))
            .count();
        found.push((
            Some(index + 1),
            format!("{} annotation(s), {actions} with an action", list.len()),
        ));
    }
    found
}

/// Whether the catalog has a `/GTS_PDFX` OutputIntent with a
/// `/DestOutputProfile` stream.
fn has_pdfx_intent(doc: &Document) -> bool {
    let Ok(catalog) = doc.catalog() else {
        return false;
    };
    let Ok(intents) = catalog.get(b"OutputIntents") else {
        return false;
    };
    let intents = match intents {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    };
    let Some(Object::Array(intents)) = intents else {
        return false;
    };
    intents.iter().any(|i| {
        let dict = match i {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        };
        dict.is_some_and(|d| {
            d.get(b"S")
                .and_then(Object::as_name)
                .is_ok_and(|s| s == b"GTS_PDFX")
                && d.get(b"DestOutputProfile")
                    .and_then(Object::as_reference)
                    .and_then(|id| doc.get_object(id))
                    .is_ok_and(|o| o.as_stream().is_ok())
        })
    })
}

fn show(b: &BoxPt) -> String {
    format!("[{:.1} {:.1} {:.1} {:.1}]", b.x0, b.y0, b.x1, b.y1)
}

fn short(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 30 {
        let mut t: String = s.chars().take(29).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}
