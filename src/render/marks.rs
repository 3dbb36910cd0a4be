//! Crop marks drawn in the page content (not annotations), outside the
//! BleedBox, in registration colour (all four inks when the page is CMYK),
//! and dashed fold marks in line with each fold of a folded leaflet.

use printpdf::{Cmyk, Color, Line, LineDashPattern, LinePoint, Op, Point as PdfPoint, Pt, Rgb};

use super::page::{MarkSettings, PageBoxes};
use crate::geom::Abs;

/// Appends eight crop-mark lines (two per corner) in line with the trim
/// edges, and a dashed fold mark above and below the trim at each of
/// `folds` (distances from the left trim edge).
pub(super) fn write(
    ops: &mut Vec<Op>,
    boxes: &PageBoxes,
    bleed: Abs,
    folds: &[Abs],
    marks: &MarkSettings,
    cmyk: bool,
) {
    let [x0, y0, x1, y1] = boxes.trim.map(Abs::to_pt);
    let off = marks.offset(bleed).to_pt();
    let len = marks.length.to_pt();
    let registration = if cmyk {
        Color::Cmyk(Cmyk::new(1.0, 1.0, 1.0, 1.0, None))
    } else {
        Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None))
    };
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetOutlineColor { col: registration });
    ops.push(Op::SetOutlineThickness {
        pt: Pt(marks.thickness.to_pt() as f32),
    });
    for (x, sx) in [(x0, -1.0), (x1, 1.0)] {
        for (y, sy) in [(y0, -1.0), (y1, 1.0)] {
            // Horizontal mark in line with the top or bottom trim edge.
            line(ops, (x + sx * off, y), (x + sx * (off + len), y));
            // Vertical mark in line with the left or right trim edge.
            line(ops, (x, y + sy * off), (x, y + sy * (off + len)));
        }
    }
    if !folds.is_empty() {
        // Dashed, so a fold mark is not mistaken for a cut.
        ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::new(0.0, &[FOLD_DASH_PT, FOLD_DASH_PT]),
        });
        for fold in folds {
            let x = x0 + fold.to_pt();
            line(ops, (x, y1 + off), (x, y1 + off + len));
            line(ops, (x, y0 - off), (x, y0 - off - len));
        }
    }
    ops.push(Op::RestoreGraphicsState);
}

/// Dash and gap of fold marks, in points.
const FOLD_DASH_PT: f32 = 2.0;

fn line(ops: &mut Vec<Op>, a: (f64, f64), b: (f64, f64)) {
    let p = |(x, y): (f64, f64)| LinePoint {
        p: PdfPoint {
            x: Pt(x as f32),
            y: Pt(y as f32),
        },
        bezier: false,
    };
    ops.push(Op::DrawLine {
        line: Line {
            points: vec![p(a), p(b)],
            is_closed: false,
        },
    });
}
