//! The checks, on [`Facts`] from either reader: one function per check.

use std::collections::BTreeMap;

use crate::geom::{Abs, Size};
use crate::inspect::BoxPt;
use crate::rules;

use super::{Facts, Finding, PageFacts, Report, Run};

/// Collects findings.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, check: &'static str, page: Option<usize>, message: String) {
        self.0.push(Finding {
            check,
            page,
            message,
        });
    }
}

/// Every check on a document.
pub(super) fn run(facts: &Facts) -> Report {
    let mut out = Findings::default();
    for (base_font, subtype) in &facts.unembedded_fonts {
        out.add(
            "fonts",
            None,
            format!("font {base_font} ({subtype}) is not embedded"),
        );
    }
    for (index, page) in facts.pages.iter().enumerate() {
        let n = Some(index + 1);
        let trim = page_boxes(page, n, &mut out);
        let size = Size::new(Abs::pt(trim.width()), Abs::pt(trim.height()));
        text(&page.text, trim, size, n, &mut out);
        paint(&page.paint, size, n, &mut out);
    }
    pdfx(facts, &mut out);
    let mut notices = Findings::default();
    for (index, page) in facts.pages.iter().enumerate() {
        example_data(&page.text, Some(index + 1), &mut notices);
    }
    Report {
        pages: facts.pages.len(),
        pdfx: facts.pdfx.clone(),
        findings: out.0,
        notices: notices.0,
    }
}

/// The phone numbers Ofcom keeps for drama (01632 960xxx, 07700 900xxx)
/// and the domain kept for examples, without spaces, with what they are.
const EXAMPLE_DATA: [(&str, &str); 3] = [
    ("01632960", "Ofcom drama phone numbers (01632 960xxx)"),
    ("07700900", "Ofcom drama mobile numbers (07700 900xxx)"),
    ("example.org", "example.org addresses"),
];

/// `example-data`: the page's text, spaces removed, holds an example phone
/// number or address (which reach no one).
fn example_data(runs: &[Run], n: Option<usize>, out: &mut Findings) {
    let text: String = runs
        .iter()
        .flat_map(|r| r.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let found: Vec<&str> = EXAMPLE_DATA
        .iter()
        .filter(|(needle, _)| text.contains(needle))
        .map(|(_, what)| *what)
        .collect();
    if !found.is_empty() {
        out.add(
            "example-data",
            n,
            format!(
                "the page prints example contact details that reach no one: {}; fine for trying wellprint, never for print",
                found.join(", ")
            ),
        );
    }
}

/// `page-boxes`; gives the TrimBox the other checks use (the CropBox or
/// MediaBox for a missing TrimBox).
fn page_boxes(page: &PageFacts, n: Option<usize>, out: &mut Findings) -> BoxPt {
    let media = page.media;
    let trim = match page.trim {
        Some(t) => t,
        None => {
            out.add("page-boxes", n, "no TrimBox (the finished size)".to_owned());
            page.crop.unwrap_or(media)
        }
    };
    let bleed = page.bleed.unwrap_or(trim);
    if !media.contains(&bleed, 0.01) {
        out.add(
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
        out.add(
            "page-boxes",
            n,
            format!(
                "TrimBox {} is not inside BleedBox {}",
                show(&trim),
                show(&bleed)
            ),
        );
    }
    trim
}

/// `text-size` and `safe-margin`.
fn text(runs: &[Run], trim: BoxPt, size: Size, n: Option<usize>, out: &mut Findings) {
    let margin = rules::safe_margin(size);
    let m = margin.to_pt();
    let safe = BoxPt::new(trim.x0 + m, trim.y0 + m, trim.x1 - m, trim.y1 - m);
    let min = rules::MIN_TEXT.to_pt();
    let mut tiny: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    let mut outside = Vec::new();
    for run in runs {
        if run.text.trim().is_empty() {
            continue;
        }
        if run.size < min - 0.01 {
            tiny.entry(&run.text).or_insert((0, run.size)).0 += 1;
        }
        // An upside-down run goes left from its start and hangs below it:
        // (advance, extent below the baseline, extent above it).
        let (width, below, above) = if run.turned {
            (-run.width, 0.75, 0.2)
        } else {
            (run.width, 0.2, 0.75)
        };
        let end = run.x + width;
        let (x0, x1) = (run.x.min(end), run.x.max(end));
        let (y0, y1) = (run.y - below * run.size, run.y + above * run.size);
        let on_page = x1 > trim.x0 && x0 < trim.x1 && y1 > trim.y0 && y0 < trim.y1;
        let inside = safe.contains(&BoxPt::new(x0, y0, x1, y1), 0.01);
        if on_page && !inside {
            let gap = [x0 - trim.x0, trim.x1 - x1, y0 - trim.y0, trim.y1 - y1]
                .into_iter()
                .fold(f64::INFINITY, f64::min);
            let gap = Abs::pt(gap).to_mm();
            outside.push(format!("“{}” ({gap:.1} mm)", short(&run.text)));
        }
    }
    for (text, (count, size)) in tiny {
        out.add(
            "text-size",
            n,
            format!(
                "text “{}” is {size:.1} pt ({count}×); the minimum is {min} pt",
                short(text)
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
        out.add(
            "safe-margin",
            n,
            format!(
                "text within {} mm of the trim: {}{extra}",
                (margin.to_mm() * 100.0).round() / 100.0,
                outside.join(", ")
            ),
        );
    }
}

/// `line-width`, `image-resolution`, `ink-limit` and `black-text`.
fn paint(paint: &super::paint::Paint, size: Size, n: Option<usize>, out: &mut Findings) {
    let hairline = rules::HAIRLINE.to_pt();
    if let Some(w) = paint.thinnest_line
        && w < hairline - 0.001
    {
        out.add(
            "line-width",
            n,
            format!(
                "{} stroke(s) thinner than {hairline} pt; the thinnest is {w:.3} pt",
                paint.thin_lines
            ),
        );
    }
    let min_ppi = rules::min_ppi(size);
    for image in &paint.images {
        if image.ppi < min_ppi - 0.5 {
            out.add(
                "image-resolution",
                n,
                format!(
                    "image {} ({}×{} px) is {:.0} ppi at its placed size; at least {min_ppi:.0} ppi is needed",
                    image.name, image.width, image.height, image.ppi
                ),
            );
        }
    }
    let limit = rules::MAX_INK_PERCENT;
    if paint.max_ink > limit + 0.5 {
        out.add(
            "ink-limit",
            n,
            format!(
                "a CMYK colour totals {:.0} % ink; the limit is {limit:.0} %",
                paint.max_ink
            ),
        );
    }
    if let Some([c, m, y, k]) = paint.not_pure_black {
        out.add(
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

/// `output-intent` and `annotations`, for a file that claims PDF/X.
fn pdfx(facts: &Facts, out: &mut Findings) {
    let Some(version) = &facts.pdfx else {
        return;
    };
    if !facts.pdfx_intent {
        out.add(
            "output-intent",
            None,
            format!(
                "the file claims {version} but has no GTS_PDFX OutputIntent with an output profile"
            ),
        );
    }
    for (page, what) in &facts.annotations {
        out.add(
            "annotations",
            *page,
            format!(
                "{what} in a file that claims {version}: a press file carries no annotations or actions (links belong in the screen PDF)"
            ),
        );
    }
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
