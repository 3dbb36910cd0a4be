//! Shapes as filled and stroked paths.

use printpdf::{Color, LinePoint, Op, PaintMode, Point as PdfPoint, Polygon, PolygonRing, Pt, Rgb, WindingOrder};

use crate::colour::Colour;
use crate::geom::{Abs, Point};
use crate::layout::{Geometry, Shape};

use super::PageSpace;

/// Bézier control distance for a quarter circle, as a fraction of the radius.
const KAPPA: f64 = 0.552_284_75;

/// Appends the operators that draw `shape` with its top-left at `pos`.
pub(super) fn write(ops: &mut Vec<Op>, space: PageSpace, pos: Point, shape: &Shape) {
    let ring = match &shape.geometry {
        Geometry::Rect { size, radius } => rect_ring(space, pos, size.w, size.h, *radius),
    };
    let mode = match (shape.fill, shape.stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    ops.push(Op::SaveGraphicsState);
    if let Some(fill) = shape.fill {
        ops.push(Op::SetFillColor { col: rgb(fill) });
    }
    if let Some(stroke) = shape.stroke {
        ops.push(Op::SetOutlineColor { col: rgb(stroke.paint) });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(stroke.thickness.to_pt() as f32),
        });
    }
    ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points: ring }],
            mode,
            winding_order: WindingOrder::NonZero,
        },
    });
    ops.push(Op::RestoreGraphicsState);
}

fn rgb(c: Colour) -> Color {
    let [r, g, b] = c.to_unit();
    Color::Rgb(Rgb::new(r, g, b, None))
}

/// The outline of a rectangle, with quarter-circle corners if `radius > 0`.
fn rect_ring(space: PageSpace, pos: Point, w: Abs, h: Abs, radius: Abs) -> Vec<LinePoint> {
    let r = radius.min(w / 2.0).min(h / 2.0);
    let pt = |x: Abs, y: Abs, bezier: bool| {
        let (px, py) = space.to_pdf(Point::new(pos.x + x, pos.y + y));
        LinePoint {
            p: PdfPoint { x: Pt(px), y: Pt(py) },
            bezier,
        }
    };
    if r <= Abs::ZERO {
        return vec![
            pt(Abs::ZERO, Abs::ZERO, false),
            pt(w, Abs::ZERO, false),
            pt(w, h, false),
            pt(Abs::ZERO, h, false),
        ];
    }
    let k = r * KAPPA;
    let z = Abs::ZERO;
    vec![
        pt(r, z, false),
        pt(w - r, z, false),
        pt(w - r + k, z, true),
        pt(w, r - k, true),
        pt(w, r, false),
        pt(w, h - r, false),
        pt(w, h - r + k, true),
        pt(w - r + k, h, true),
        pt(w - r, h, false),
        pt(r, h, false),
        pt(r - k, h, true),
        pt(z, h - r + k, true),
        pt(z, h - r, false),
        pt(z, r, false),
        pt(z, r - k, true),
        pt(r - k, z, true),
        pt(r, z, false),
    ]
}
