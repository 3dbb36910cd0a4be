//! One-line labels set in the bundled fonts: the slug line beside crop
//! marks, the notes on calibration sheets.

use crate::colour::Colour;
use crate::geom::{Abs, Point};
use crate::layout::{FontBook, FrameItem, Paragraph, TextSpec};
use crate::render::PdfOptions;
use crate::resolve::{RichText, Run};

/// Sets `text` on one line with its baseline starting at `baseline`;
/// `None` if a character is in none of the bundled faces.
pub fn label(
    text: &str,
    size: Abs,
    baseline: Point,
    fill: Colour,
    book: &FontBook,
) -> Option<Vec<(Point, FrameItem)>> {
    let rich = RichText {
        runs: vec![Run::new(text, false)],
        span: None,
    };
    let spec = TextSpec::new(size, 1.2, false);
    let para = Paragraph::set(&rich, spec, Abs::pt(100_000.0), &book.faces()).ok()?;
    let mut out = Vec::new();
    let top = Point::new(baseline.x, baseline.y - para.first_baseline());
    para.place(top, fill, &mut out);
    Some(out)
}

/// Adds a 6 pt slug line (what, where, when) to every frame, below the
/// bottom-left crop mark, outside the BleedBox. Does nothing without
/// marks in `options`.
pub fn slug(
    frames: &mut [crate::layout::Frame],
    text: &str,
    book: &FontBook,
    options: &PdfOptions,
) {
    let Some(marks) = options.marks else { return };
    for frame in frames {
        let y = frame.size.h + marks.offset(frame.bleed) + Abs::mm(4.0);
        let at = Point::new(Abs::mm(3.0), y);
        if let Some(items) = label(text, Abs::pt(6.0), at, Colour::BLACK, book) {
            frame.items.extend(items);
        }
    }
}
