//! Placing pictures: SVG drawings become vector paths, PNG/JPEG image
//! items, either in a Figure group carrying the alternative text.

use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::pictures::{Picture, Pictures, Vector, VectorSeg};
use crate::resolve::{Block, PictureSpec};

use super::frame::{FrameItem, Geometry, Group, ImageItem, PathSeg, Shape, Stroke};

/// The width of `spec`'s picture over its height.
pub fn aspect(pictures: &Pictures, spec: &PictureSpec, block: &Block) -> Result<f64, Diagnostic> {
    pictures
        .get(&spec.src)
        .map(Picture::aspect)
        .ok_or_else(|| not_loaded(spec, block))
}

/// The error for a picture that was not loaded.
fn not_loaded(spec: &PictureSpec, block: &Block) -> Diagnostic {
    Diagnostic::error(
        block.span.clone(),
        format!("the picture `{}` was not loaded", spec.src),
    )
}

/// Lays out `spec` at `width`; returns the item (at the origin) and height.
pub fn place(
    pictures: &Pictures,
    spec: &PictureSpec,
    width: Abs,
    block: &Block,
) -> Result<(FrameItem, Abs), Diagnostic> {
    let Some(picture) = pictures.get(&spec.src) else {
        return Err(not_loaded(spec, block));
    };
    let height = width / picture.aspect();
    let items = match picture {
        Picture::Vector(v) => vector_items(v, width.to_pt() / v.width),
        Picture::Raster(r) => vec![(
            Point::default(),
            FrameItem::Image(ImageItem {
                raster: r.clone(),
                size: Size::new(width, height),
                alt: spec.alt.clone(),
            }),
        )],
    };
    // A picture without alternative text is decoration.
    let item = FrameItem::Group(if spec.alt.trim().is_empty() {
        Group::tagged(super::frame::Role::Artifact, items)
    } else {
        Group {
            lang: spec.lang.clone(),
            ..Group::figure(spec.alt.clone(), items)
        }
    });
    Ok((item, height))
}

/// The drawing's paths scaled by `scale` (points per drawing unit).
fn vector_items(v: &Vector, scale: f64) -> Vec<(Point, FrameItem)> {
    let p = |x: f64, y: f64| Point::new(Abs::pt(x * scale), Abs::pt(y * scale));
    v.paths
        .iter()
        .map(|path| {
            let segs = path
                .segs
                .iter()
                .map(|s| match *s {
                    VectorSeg::Move(x, y) => PathSeg::Move(p(x, y)),
                    VectorSeg::Line(x, y) => PathSeg::Line(p(x, y)),
                    VectorSeg::Cubic(a, b, c, d, e, f) => PathSeg::Cubic(p(a, b), p(c, d), p(e, f)),
                    VectorSeg::Close => PathSeg::Close,
                })
                .collect();
            (
                Point::default(),
                FrameItem::Shape(Shape {
                    geometry: Geometry::Path(segs),
                    fill: path.fill.map(|(c, _)| c),
                    stroke: path.stroke.map(|s| Stroke {
                        paint: s.colour,
                        thickness: Abs::pt(s.width * scale),
                        cap: s.cap,
                        join: s.join,
                    }),
                    rule: path.fill.map(|(_, r)| r).unwrap_or_default(),
                }),
            )
        })
        .collect()
}
