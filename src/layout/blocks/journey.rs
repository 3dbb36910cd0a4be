//! `kind = "journey"`: a winding road with numbered signposts.

use super::{BlockContext, Laid, ink_on};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, LineCap, LineJoin, Point, Size};
use crate::layout::fonts::FontId;
use crate::layout::frame::{FrameItem, Geometry, Group, PathSeg, Role, Shape, Stroke};
use crate::layout::text::TextSpec;
use crate::resolve::{Block, RichText, Run, TextStyle};

/// A winding road through the stages, a numbered marker on the road at
/// each stage and a signpost above it with the stage's name.
pub(super) fn lay(
    cx: &BlockContext,
    stages: &[RichText],
    colour: Colour,
    height: Abs,
    block: &Block,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let n = stages.len();
    let heading = TextSpec {
        size: cx.spec(TextStyle::Heading).size * 0.85,
        leading: 1.1,
        bold: true,
    };
    let w = cx.width;
    let step = w / n as f64;
    // Stage points alternate low and high so the road winds.
    let points: Vec<Point> = (0..n)
        .map(|i| {
            let y = if i % 2 == 0 { 0.80 } else { 0.52 };
            Point::new(step * (i as f64 + 0.5), height * y)
        })
        .collect();
    let mut through = vec![Point::new(Abs::ZERO, height * 0.68)];
    through.extend(points.iter().copied());
    through.push(Point::new(w, height * 0.64));
    let road_w = height * 0.09;
    laid.items.push(road(&through, road_w, colour));
    let look = Look {
        colour,
        heading,
        road_w,
        marker: road_w * 1.25,
        post: height * 0.07,
        sign_w: step * 0.96,
        pad: heading.size * 0.35,
    };
    // Read as a numbered list: the number, then the stage's name.
    let mut list = Vec::new();
    for (i, (stage, p)) in stages.iter().zip(&points).enumerate() {
        let body = signpost(cx, &look, stage, *p, block, laid)?;
        let mut li = marker(cx, &look, i, stage, *p, block, laid)?;
        li.extend(body);
        list.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::LI, li)),
        ));
    }
    laid.items.push((
        Point::default(),
        FrameItem::Group(Group::tagged(Role::L, list)),
    ));
    laid.height = height;
    Ok(())
}

/// The sizes and colour of a journey's road, markers and signposts.
struct Look {
    colour: Colour,
    /// The stage names' text.
    heading: TextSpec,
    road_w: Abs,
    /// Diameter of a numbered marker.
    marker: Abs,
    /// Height of a signpost's post above the marker.
    post: Abs,
    sign_w: Abs,
    /// Padding inside a sign.
    pad: Abs,
}

/// The road through `through`, `road_w` wide with a thin white centre
/// line. It is decoration: its meaning is in the signposts' text.
fn road(through: &[Point], road_w: Abs, colour: Colour) -> (Point, FrameItem) {
    let road = catmull_rom(through);
    let stroke = |paint: Colour, thickness: Abs| Shape {
        geometry: Geometry::Path(road.clone()),
        fill: None,
        stroke: Some(Stroke {
            paint,
            thickness,
            cap: LineCap::Butt,
            join: LineJoin::Round,
        }),
        rule: Default::default(),
    };
    (
        Point::default(),
        FrameItem::Group(Group::tagged(
            Role::Artifact,
            vec![
                (
                    Point::default(),
                    FrameItem::Shape(stroke(colour.tint(0.72), road_w)),
                ),
                (
                    Point::default(),
                    FrameItem::Shape(stroke(Colour::WHITE, road_w * 0.12)),
                ),
            ],
        )),
    )
}

/// The post and sign above the stage at `p` (into `laid`), and the stage's
/// name on the sign (returned, for the list item); an error when the sign
/// does not fit above the road.
fn signpost(
    cx: &BlockContext,
    look: &Look,
    stage: &RichText,
    p: Point,
    block: &Block,
    laid: &mut Laid,
) -> Result<Vec<(Point, FrameItem)>, Diagnostic> {
    let Look {
        colour,
        road_w,
        marker,
        post,
        sign_w,
        pad,
        ..
    } = *look;
    let label = cx.set(stage, look.heading, sign_w - pad * 2.0, block)?;
    let sign_h = label.height() + pad * 2.0;
    let sign_bottom = p.y - marker / 2.0 - post;
    let sign_top = sign_bottom - sign_h;
    if sign_top < Abs::ZERO {
        return Err(Diagnostic::error(
            block.span.clone(),
            format!("the journey's signposts need {} more height", -sign_top),
        )
        .with_hint("make the journey taller with `height`, or the stage names shorter"));
    }
    let sx = p.x - sign_w / 2.0;
    // Post, sign, label.
    laid.items.push((
        Point::new(p.x - road_w * 0.08, sign_bottom),
        FrameItem::Shape(Shape::filled(
            Geometry::Rect {
                size: Size::new(road_w * 0.16, post + marker / 2.0),
                radius: Abs::ZERO,
            },
            colour,
        )),
    ));
    laid.items.push((
        Point::new(sx, sign_top),
        FrameItem::Shape(Shape::filled(
            Geometry::Rect {
                size: Size::new(sign_w, sign_h),
                radius: pad,
            },
            colour,
        )),
    ));
    let lx = sx + (sign_w - label.width()) / 2.0;
    let mut body = Vec::new();
    label.place_as(
        Role::LBody,
        Point::new(lx, sign_top + pad),
        ink_on(colour),
        &mut body,
    );
    Ok(body)
}

/// The numbered marker on the road at `p` (into `laid`), and its number
/// (returned: the list item's label).
fn marker(
    cx: &BlockContext,
    look: &Look,
    i: usize,
    stage: &RichText,
    p: Point,
    block: &Block,
    laid: &mut Laid,
) -> Result<Vec<(Point, FrameItem)>, Diagnostic> {
    let (marker, colour) = (look.marker, look.colour);
    laid.items.push((
        Point::new(p.x - marker / 2.0, p.y - marker / 2.0),
        FrameItem::Shape(Shape::filled(
            Geometry::Ellipse {
                size: Size::new(marker, marker),
            },
            colour,
        )),
    ));
    let num = RichText {
        runs: vec![Run::new((i + 1).to_string(), true)],
        span: stage.span.clone(),
    };
    let ns = TextSpec {
        size: marker * 0.55,
        leading: 1.0,
        bold: true,
    };
    let l = cx.set(&num, ns, marker, block)?;
    let cap = cx.faces.metrics(FontId::Bold).cap_height.at(ns.size);
    let mut li = Vec::new();
    l.place_as(
        Role::Lbl,
        Point::new(p.x - l.width() / 2.0, p.y + cap / 2.0 - l.first_baseline()),
        ink_on(colour),
        &mut li,
    );
    Ok(li)
}

/// A smooth curve through `points` (Catmull-Rom as cubic Béziers).
fn catmull_rom(points: &[Point]) -> Vec<PathSeg> {
    let mut segs = Vec::new();
    let Some(first) = points.first() else {
        return segs;
    };
    segs.push(PathSeg::Move(*first));
    let at = |i: isize| points[i.clamp(0, points.len() as isize - 1) as usize];
    for i in 0..points.len().saturating_sub(1) {
        let i = i as isize;
        let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
        let c1 = Point::new(p1.x + (p2.x - p0.x) / 6.0, p1.y + (p2.y - p0.y) / 6.0);
        let c2 = Point::new(p2.x - (p3.x - p1.x) / 6.0, p2.y - (p3.y - p1.y) / 6.0);
        segs.push(PathSeg::Cubic(c1, c2, p2));
    }
    segs
}
