//! SVG drawings as vector paths, parsed with usvg (no text, no gradients:
//! flat colours, strokes, caps and joins, which is what pictograms use).

use usvg::tiny_skia_path::PathSegment;

use crate::colour::Colour;
use crate::geom::{FillRule, LineCap, LineJoin};

/// A drawing in its own units (the SVG's user space).
#[derive(Debug, Clone, PartialEq)]
pub struct Vector {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// Paths in painting order.
    pub paths: Vec<VectorPath>,
}

/// A path segment in drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VectorSeg {
    /// Start a subpath.
    Move(f64, f64),
    /// Straight line.
    Line(f64, f64),
    /// Cubic Bézier: control, control, end.
    Cubic(f64, f64, f64, f64, f64, f64),
    /// Close the subpath.
    Close,
}

/// A stroke in drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VectorStroke {
    /// Colour.
    pub colour: Colour,
    /// Width in drawing units.
    pub width: f64,
    /// Line ends.
    pub cap: LineCap,
    /// Corners.
    pub join: LineJoin,
}

/// One painted path.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorPath {
    /// Its segments.
    pub segs: Vec<VectorSeg>,
    /// Fill colour and rule.
    pub fill: Option<(Colour, FillRule)>,
    /// Stroke.
    pub stroke: Option<VectorStroke>,
}

/// Parses SVG bytes.
pub fn parse(bytes: &[u8]) -> Result<Vector, String> {
    let tree =
        usvg::Tree::from_data(bytes, &usvg::Options::default()).map_err(|e| e.to_string())?;
    let size = tree.size();
    let mut paths = Vec::new();
    collect(tree.root(), &mut paths);
    if paths.is_empty() {
        return Err("it draws nothing".to_owned());
    }
    Ok(Vector {
        width: f64::from(size.width()),
        height: f64::from(size.height()),
        paths,
    })
}

fn colour(paint: &usvg::Paint) -> Option<Colour> {
    match paint {
        usvg::Paint::Color(c) => Some(Colour::rgb(c.red, c.green, c.blue)),
        _ => None,
    }
}

fn collect(group: &usvg::Group, out: &mut Vec<VectorPath>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect(g, out),
            usvg::Node::Path(p) if p.is_visible() => {
                let t = p.abs_transform();
                let map = |pt: usvg::tiny_skia_path::Point| {
                    let mut q = pt;
                    t.map_point(&mut q);
                    (f64::from(q.x), f64::from(q.y))
                };
                let mut segs = Vec::new();
                let mut last = (0.0, 0.0);
                for seg in p.data().segments() {
                    match seg {
                        PathSegment::MoveTo(a) => {
                            last = map(a);
                            segs.push(VectorSeg::Move(last.0, last.1));
                        }
                        PathSegment::LineTo(a) => {
                            last = map(a);
                            segs.push(VectorSeg::Line(last.0, last.1));
                        }
                        PathSegment::QuadTo(c, a) => {
                            // Quadratic to cubic: controls at 2/3 towards c.
                            let (c, a) = (map(c), map(a));
                            let c1 = (
                                last.0 + 2.0 / 3.0 * (c.0 - last.0),
                                last.1 + 2.0 / 3.0 * (c.1 - last.1),
                            );
                            let c2 = (a.0 + 2.0 / 3.0 * (c.0 - a.0), a.1 + 2.0 / 3.0 * (c.1 - a.1));
                            segs.push(VectorSeg::Cubic(c1.0, c1.1, c2.0, c2.1, a.0, a.1));
                            last = a;
                        }
                        PathSegment::CubicTo(c1, c2, a) => {
                            let (c1, c2, a) = (map(c1), map(c2), map(a));
                            segs.push(VectorSeg::Cubic(c1.0, c1.1, c2.0, c2.1, a.0, a.1));
                            last = a;
                        }
                        PathSegment::Close => segs.push(VectorSeg::Close),
                    }
                }
                let fill = p.fill().and_then(|f| {
                    let rule = match f.rule() {
                        usvg::FillRule::NonZero => FillRule::NonZero,
                        usvg::FillRule::EvenOdd => FillRule::EvenOdd,
                    };
                    colour(f.paint()).map(|c| (c, rule))
                });
                let scale = f64::from((t.sx * t.sy - t.kx * t.ky).abs().sqrt());
                let stroke = p.stroke().and_then(|s| {
                    Some(VectorStroke {
                        colour: colour(s.paint())?,
                        width: f64::from(s.width().get()) * scale,
                        cap: match s.linecap() {
                            usvg::LineCap::Butt => LineCap::Butt,
                            usvg::LineCap::Round => LineCap::Round,
                            usvg::LineCap::Square => LineCap::Square,
                        },
                        join: match s.linejoin() {
                            usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoin::Miter,
                            usvg::LineJoin::Round => LineJoin::Round,
                            usvg::LineJoin::Bevel => LineJoin::Bevel,
                        },
                    })
                });
                if fill.is_some() || stroke.is_some() {
                    out.push(VectorPath { segs, fill, stroke });
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_bundled_pictogram() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/pictures/candle.svg"
        ))
        .expect("read");
        let v = parse(&bytes).expect("parses");
        assert_eq!((v.width, v.height), (72.0, 72.0));
        assert!(v.paths.len() > 3);
        assert!(v.paths.iter().any(|p| p.stroke.is_some()));
        assert!(v.paths.iter().any(|p| p.fill.is_some()));
    }

    #[test]
    fn refuses_broken_svg() {
        assert!(parse(b"<svg><path d=").is_err());
        assert!(parse(b"not svg at all").is_err());
    }
}
