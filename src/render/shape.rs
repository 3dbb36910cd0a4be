//! Shapes as filled and stroked paths.

use printpdf::{
    Line, LineCapStyle, LineJoinStyle, LinePoint, Op, PaintMode, Point as PdfPoint, Polygon,
    PolygonRing, Pt, WindingOrder,
};

use crate::geom::{Abs, Point, Size};
use crate::layout::{FillRule, Geometry, LineCap, LineJoin, PathSeg, Shape};

use super::PageSpace;

/// Bézier control distance for a quarter circle, as a fraction of the radius.
const KAPPA: f64 = 0.552_284_75;

/// One subpath: its points (Bézier controls flagged) and whether it closes.
struct SubPath {
    points: Vec<LinePoint>,
    closed: bool,
}

/// Appends the operators that draw `shape` with its origin at `pos`.
pub(super) fn write(ops: &mut Vec<Op>, space: PageSpace, pos: Point, shape: &Shape) {
    if shape.fill.is_none() && shape.stroke.is_none() {
        return;
    }
    let subpaths = subpaths(space, pos, &shape.geometry);
    if subpaths.is_empty() {
        return;
    }
    ops.push(Op::SaveGraphicsState);
    if let Some(fill) = shape.fill {
        ops.push(Op::SetFillColor {
            col: space.paint(fill),
        });
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: subpaths
                    .iter()
                    .map(|s| PolygonRing {
                        points: s.points.clone(),
                    })
                    .collect(),
                mode: PaintMode::Fill,
                winding_order: match shape.rule {
                    FillRule::NonZero => WindingOrder::NonZero,
                    FillRule::EvenOdd => WindingOrder::EvenOdd,
                },
            },
        });
    }
    if let Some(stroke) = shape.stroke {
        ops.push(Op::SetOutlineColor {
            col: space.paint(stroke.paint),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(stroke.thickness.to_pt() as f32),
        });
        ops.push(Op::SetLineCapStyle {
            cap: match stroke.cap {
                LineCap::Butt => LineCapStyle::Butt,
                LineCap::Round => LineCapStyle::Round,
                LineCap::Square => LineCapStyle::ProjectingSquare,
            },
        });
        ops.push(Op::SetLineJoinStyle {
            join: match stroke.join {
                LineJoin::Miter => LineJoinStyle::Miter,
                LineJoin::Round => LineJoinStyle::Round,
                LineJoin::Bevel => LineJoinStyle::Bevel,
            },
        });
        for sub in subpaths {
            ops.push(Op::DrawLine {
                line: Line {
                    points: sub.points,
                    is_closed: sub.closed,
                },
            });
        }
    }
    ops.push(Op::RestoreGraphicsState);
}

/// Restricts painting to the rectangle of `size` at `pos` (inside `q … Q`).
pub(super) fn clip(ops: &mut Vec<Op>, space: PageSpace, pos: Point, size: Size) {
    let rect = Geometry::Rect {
        size,
        radius: Abs::ZERO,
    };
    let rings = subpaths(space, pos, &rect)
        .into_iter()
        .map(|s| PolygonRing { points: s.points })
        .collect();
    ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings,
            mode: PaintMode::Clip,
            winding_order: WindingOrder::NonZero,
        },
    });
}

/// Any geometry as path segments relative to its origin.
fn segments(geometry: &Geometry) -> Vec<PathSeg> {
    let p = |x: Abs, y: Abs| Point::new(x, y);
    match geometry {
        Geometry::Path(segs) => segs.clone(),
        Geometry::Rect { size, radius } => {
            let (w, h) = (size.w, size.h);
            let r = radius.min(w / 2.0).min(h / 2.0).max(Abs::ZERO);
            let z = Abs::ZERO;
            if r <= Abs::ZERO {
                return vec![
                    PathSeg::Move(p(z, z)),
                    PathSeg::Line(p(w, z)),
                    PathSeg::Line(p(w, h)),
                    PathSeg::Line(p(z, h)),
                    PathSeg::Close,
                ];
            }
            let k = r * KAPPA;
            vec![
                PathSeg::Move(p(r, z)),
                PathSeg::Line(p(w - r, z)),
                PathSeg::Cubic(p(w - r + k, z), p(w, r - k), p(w, r)),
                PathSeg::Line(p(w, h - r)),
                PathSeg::Cubic(p(w, h - r + k), p(w - r + k, h), p(w - r, h)),
                PathSeg::Line(p(r, h)),
                PathSeg::Cubic(p(r - k, h), p(z, h - r + k), p(z, h - r)),
                PathSeg::Line(p(z, r)),
                PathSeg::Cubic(p(z, r - k), p(r - k, z), p(r, z)),
                PathSeg::Close,
            ]
        }
        Geometry::Ellipse { size } => {
            let (rx, ry) = (size.w / 2.0, size.h / 2.0);
            let (kx, ky) = (rx * KAPPA, ry * KAPPA);
            let (w, h, z) = (size.w, size.h, Abs::ZERO);
            vec![
                PathSeg::Move(p(rx, z)),
                PathSeg::Cubic(p(rx + kx, z), p(w, ry - ky), p(w, ry)),
                PathSeg::Cubic(p(w, ry + ky), p(rx + kx, h), p(rx, h)),
                PathSeg::Cubic(p(rx - kx, h), p(z, ry + ky), p(z, ry)),
                PathSeg::Cubic(p(z, ry - ky), p(rx - kx, z), p(rx, z)),
                PathSeg::Close,
            ]
        }
    }
}

/// One subpath of a shape's outline, relative to the shape's origin: its
/// points (Bézier control points flagged `true`) and whether it closes.
pub(crate) struct Outline {
    /// Points in order; `true` marks a Bézier control point.
    pub points: Vec<(Point, bool)>,
    /// Whether the subpath closes.
    pub closed: bool,
}

/// The subpaths `geometry` is drawn as (each with at least two points),
/// in its own coordinates: what each fill ring and each stroke is.
pub(crate) fn outline(geometry: &Geometry) -> Vec<Outline> {
    let mut out: Vec<Outline> = Vec::new();
    for seg in segments(geometry) {
        match seg {
            PathSeg::Move(a) => out.push(Outline {
                points: vec![(a, false)],
                closed: false,
            }),
            PathSeg::Line(a) => {
                if let Some(s) = out.last_mut() {
                    s.points.push((a, false));
                }
            }
            PathSeg::Cubic(c1, c2, a) => {
                if let Some(s) = out.last_mut() {
                    s.points.extend([(c1, true), (c2, true), (a, false)]);
                }
            }
            PathSeg::Close => {
                if let Some(s) = out.last_mut() {
                    s.closed = true;
                }
            }
        }
    }
    out.retain(|s| s.points.len() > 1);
    out
}

/// A shape's subpaths as printpdf points in PDF space.
fn subpaths(space: PageSpace, pos: Point, geometry: &Geometry) -> Vec<SubPath> {
    outline(geometry)
        .into_iter()
        .map(|o| SubPath {
            points: o
                .points
                .into_iter()
                .map(|(q, bezier)| {
                    let (x, y) = space.to_pdf(pos + q);
                    LinePoint {
                        p: PdfPoint { x: Pt(x), y: Pt(y) },
                        bezier,
                    }
                })
                .collect(),
            closed: o.closed,
        })
        .collect()
}
