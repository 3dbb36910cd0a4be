//! `kind = "journey"`: a scene. A path winds down a lane in the middle,
//! from the `start` picture (top) to the `end` picture (bottom); each
//! stage has a signpost (a post by the path and an arrow board carrying
//! the stage's number and label) with its tip hanging below the board,
//! the stages alternating left and right of the lane.

use super::{BlockContext, Laid, ink_on};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, LineCap, LineJoin, Point, Size};
use crate::layout::fonts::FontId;
use crate::layout::frame::{FrameItem, Geometry, Group, PathSeg, Role, Shape, Stroke};
use crate::layout::pictures;
use crate::layout::text::{Paragraph, TextSpec, Wrap};
use crate::resolve::{Block, PictureSpec, RichText, Run, Stage, TextStyle};

/// What a journey shows, as resolved.
pub(super) struct Scene<'a> {
    /// The stages in order.
    pub stages: &'a [Stage],
    /// The path's colour and the tips' text colour.
    pub colours: (Colour, Colour),
    /// The least height of the scene.
    pub height: Abs,
    /// The pictures at the path's start and end.
    pub ends: (Option<&'a PictureSpec>, Option<&'a PictureSpec>),
}

/// Lays out the scene: the stages' signposts and tips in two staggered
/// columns, the path and its end pictures around them. The scene is as
/// tall as its tips need, or `height` if that is more (the stages then
/// spread evenly).
pub(super) fn lay(
    cx: &BlockContext,
    scene: &Scene,
    block: &Block,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let look = Look::new(cx);
    let mut units = Vec::new();
    for (i, stage) in scene.stages.iter().enumerate() {
        units.push(Unit::set(cx, &look, i, stage, block)?);
    }
    let (start, end) = scene.ends;
    let start = start
        .map(|p| pictures::place(cx.pictures, p, end_width(&look), block))
        .transpose()?;
    let start_h = start.as_ref().map(|s| s.1);
    let base = end_width(&look);
    let mut end = end
        .map(|p| Ok::<_, Diagnostic>((p, pictures::place(cx.pictures, p, base, block)?)))
        .transpose()?;
    let mut plan = Plan::new(&look, &units, start_h, end.as_ref().map(|e| (base, e.1.1)));
    // The end picture grows into the room its column has left, up to
    // half again its size.
    if let Some((spec, (_, h))) = &end {
        let room = plan.height - plan.end_at.y;
        let w = (base * (room / *h)).min(base * 1.5);
        if w > base {
            let placed = pictures::place(cx.pictures, spec, w, block)?;
            plan = Plan::new(&look, &units, start_h, Some((w, placed.1)));
            end = Some((spec, placed));
        }
    }
    let end = end.map(|(_, placed)| placed);
    plan.spread(scene.height);
    // Painted first, under everything: the path.
    laid.items.push(road(&look, &plan, scene.colours.0));
    if let Some((item, _)) = start {
        laid.items.push((plan.start_at, item));
    }
    let mut list = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let li = unit.place(cx, &look, plan.tops[i], plan.road_y[i], scene.colours, laid);
        list.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::LI, li)),
        ));
    }
    laid.items.push((
        Point::default(),
        FrameItem::Group(Group::tagged(Role::L, list)),
    ));
    if let Some((item, _)) = end {
        laid.items.push((plan.end_at, item));
    }
    laid.height = plan.height;
    Ok(())
}

/// The scene's sizes, all from the content width and the type sizes, so
/// a scaled format scales the drawing with its type.
struct Look {
    /// The content width.
    width: Abs,
    /// Tip headlines.
    heading: TextSpec,
    /// Tip texts.
    body: TextSpec,
    /// Signpost labels: the tip texts' size, bold.
    label: TextSpec,
    /// The path's width.
    road_w: Abs,
    /// Each column of signposts and tips.
    col_w: Abs,
    /// Padding inside boards and tips.
    pad: Abs,
    /// A tip picture's width.
    pic_w: Abs,
    /// Space between two tips in one column.
    gap: Abs,
    /// A post's width, and its centre's distance into the lane.
    post_w: Abs,
    post_in: Abs,
}

impl Look {
    fn new(cx: &BlockContext) -> Look {
        // Tip texts and labels are set at the subtitle size: a poster's
        // scene is read from further away than its contacts (body).
        let body = cx.spec(TextStyle::Subtitle);
        let heading = cx.spec(TextStyle::Heading);
        let road_w = body.size * 1.1;
        let lane = road_w * 3.0;
        // The page's `spacing` fit strategy closes the scene's gaps too.
        let close = 1.0 - cx.relax.gap_cut;
        Look {
            width: cx.width,
            heading,
            body,
            label: TextSpec::new(body.size, 1.1, true),
            road_w,
            col_w: (cx.width - lane) / 2.0,
            pad: body.size * 0.5 * (0.5 + close / 2.0),
            pic_w: body.size * 2.7,
            gap: body.size * 0.65 * close,
            post_w: road_w * 0.28,
            post_in: road_w * 0.4,
        }
    }

    /// The left edge of the column on `side` (0 left, 1 right).
    fn col_x(&self, side: usize) -> Abs {
        if side == 0 {
            Abs::ZERO
        } else {
            self.width - self.col_w
        }
    }

    /// The lane's edge on `side`, and the direction into the lane (+1 or
    /// -1).
    fn lane_edge(&self, side: usize) -> (Abs, f64) {
        if side == 0 {
            (self.col_w, 1.0)
        } else {
            (self.width - self.col_w, -1.0)
        }
    }

    /// The x of a post on `side`'s lane edge.
    fn post_x(&self, side: usize) -> Abs {
        let (edge, dir) = self.lane_edge(side);
        edge + self.post_in * dir
    }

    /// The x of the path's centre where it passes a post on `side`.
    fn road_x(&self, side: usize) -> Abs {
        let (edge, dir) = self.lane_edge(side);
        let off = self.post_in + self.post_w / 2.0 + self.road_w * 0.25 + self.road_w / 2.0;
        edge + off * dir
    }
}

/// One stage set: its board and its tip, not yet placed.
struct Unit {
    /// 0: left of the lane; 1: right.
    side: usize,
    /// The stage's number, on the board.
    number: Paragraph,
    label: Paragraph,
    board: Size,
    colour: Colour,
    tip: Option<TipSet>,
    /// From the board's top to the tip's foot.
    height: Abs,
}

/// A tip set for its column: the picture beside the headline (`beside =
/// Beside::Heading`) or beside the text, whichever makes the tip shorter.
struct TipSet {
    heading: Paragraph,
    text: Paragraph,
    picture: (FrameItem, Abs),
    beside: Beside,
}

/// Which part of a tip its picture stands beside.
#[derive(Clone, Copy, PartialEq)]
enum Beside {
    Heading,
    Text,
}

impl TipSet {
    /// The shorter of the two ways to set the tip.
    fn set(
        cx: &BlockContext,
        look: &Look,
        (heading, text, picture): &(RichText, RichText, PictureSpec),
        block: &Block,
    ) -> Result<TipSet, Diagnostic> {
        let inner = look.col_w - look.pad * 2.0;
        let narrow = inner - look.pic_w - look.pad * 0.8;
        let picture = pictures::place(cx.pictures, picture, look.pic_w, block)?;
        let mut best: Option<TipSet> = None;
        for (beside, head_w, text_w) in [
            (Beside::Heading, narrow, inner),
            (Beside::Text, inner, narrow),
        ] {
            let set = TipSet {
                heading: cx.set_as(heading, look.heading, head_w, block, Wrap::Balance)?,
                text: cx.set_as(text, look.body, text_w, block, Wrap::NoWidow)?,
                picture: picture.clone(),
                beside,
            };
            if best
                .as_ref()
                .is_none_or(|b| set.height(look) < b.height(look) - Abs::pt(0.5))
            {
                best = Some(set);
            }
        }
        best.ok_or_else(|| Diagnostic::error(block.span.clone(), "a tip could not be set"))
    }

    /// From the top of the headline to the foot of the text or picture.
    fn height(&self, look: &Look) -> Abs {
        let (h, t, p) = (self.heading.height(), self.text.height(), self.picture.1);
        let gap = look.pad * 0.4;
        match self.beside {
            Beside::Heading => h.max(p) + gap + t,
            Beside::Text => h + gap + t.max(p),
        }
    }

    /// Places the tip with its top-left at `at`: picture, headline, text.
    fn place(
        &self,
        look: &Look,
        at: Point,
        (colour, ink): (Colour, Colour),
        out: &mut Vec<(Point, FrameItem)>,
    ) {
        let gap = look.pad * 0.4;
        let shift = look.pic_w + look.pad * 0.8;
        let (head, text) = (self.heading.height(), self.text.height());
        let (pic_y, head_x, text_at) = match self.beside {
            Beside::Heading => (
                at.y,
                at.x + shift,
                Point::new(at.x, at.y + head.max(self.picture.1) + gap),
            ),
            Beside::Text => {
                let y = at.y + head + gap;
                let p = self.picture.1;
                (
                    y + (text.max(p) - p) / 2.0,
                    at.x,
                    Point::new(at.x + shift, y + (text.max(p) - text) / 2.0),
                )
            }
        };
        out.push((Point::new(at.x, pic_y), self.picture.0.clone()));
        self.heading
            .place_as(Role::H3, Point::new(head_x, at.y), colour, out);
        self.text.place_as(Role::P, text_at, ink, out);
    }
}

impl Unit {
    fn set(
        cx: &BlockContext,
        look: &Look,
        i: usize,
        stage: &Stage,
        block: &Block,
    ) -> Result<Unit, Diagnostic> {
        let pad = look.pad;
        let num_d = look.label.size * 1.25;
        let tip_len = look.label.size * 0.9;
        let label_w = look.col_w - pad * 3.0 - num_d - tip_len;
        let label = cx.set_as(&stage.label, look.label, label_w, block, Wrap::Balance)?;
        let board_h = label.height().max(num_d) + pad;
        let board_w = pad * 2.2 + num_d + label.width() + tip_len;
        let num = RichText {
            runs: vec![Run::new((i + 1).to_string(), true)],
            span: stage.label.span.clone(),
        };
        let num_spec = TextSpec::new(num_d * 0.62, 1.0, true);
        let number = cx.set(&num, num_spec, num_d, block)?;
        let tip = match &stage.tip {
            None => None,
            Some(t) => Some(TipSet::set(cx, look, t, block)?),
        };
        let height = match &tip {
            None => board_h,
            Some(t) => board_h + pad * 0.5 + t.height(look) + pad * 0.8,
        };
        Ok(Unit {
            side: i % 2,
            number,
            label,
            board: Size::new(board_w, board_h),
            colour: stage.colour,
            tip,
            height,
        })
    }

    /// The stage's drawing: the tip's panel, the post, the arrow board and
    /// the number's disc; and where the board's number starts.
    fn drawing(
        &self,
        look: &Look,
        top: Abs,
        road_y: Abs,
        road: Colour,
    ) -> (Vec<(Point, FrameItem)>, Abs) {
        let pad = look.pad;
        let (bw, bh) = (self.board.w, self.board.h);
        let col_x = look.col_x(self.side);
        let mut deco = Vec::new();
        // The tip's panel, from the board's middle down.
        if self.tip.is_some() {
            deco.push(rect(
                Point::new(col_x, top + bh / 2.0),
                Size::new(look.col_w, self.height - bh / 2.0),
                pad,
                self.colour.tint(0.9),
                Some(self.colour),
            ));
        }
        // The post by the path, then the board pointing at it.
        let post_x = look.post_x(self.side);
        let post_top = (top - bh * 0.3).max(Abs::ZERO);
        deco.push(rect(
            Point::new(post_x - look.post_w / 2.0, post_top),
            Size::new(look.post_w, road_y - post_top),
            look.post_w / 2.0,
            road,
            None,
        ));
        let tip_x = post_x;
        let back_x = if self.side == 0 {
            tip_x - bw
        } else {
            tip_x + bw
        };
        deco.push(arrow(
            back_x,
            tip_x,
            top,
            bh,
            look.label.size * 0.9,
            self.colour,
        ));
        // The number in a white disc, then the label, read from the
        // board's left: after the square end on the left of the lane, after
        // the point on the right.
        let num_d = look.label.size * 1.25;
        let tip_len = look.label.size * 0.9;
        let start_x = if self.side == 0 {
            back_x + pad
        } else {
            tip_x + tip_len + pad * 0.6
        };
        let disc_c = Point::new(start_x + num_d / 2.0, top + bh / 2.0);
        deco.push((
            Point::new(disc_c.x - num_d / 2.0, disc_c.y - num_d / 2.0),
            FrameItem::Shape(Shape::filled(
                Geometry::Ellipse {
                    size: Size::new(num_d, num_d),
                },
                Colour::WHITE,
            )),
        ));
        (deco, start_x)
    }

    /// Places the stage with its board's top at `top` and its post
    /// reaching the path at `road_y`: drawings into `laid`, the list item
    /// (number, then label and tip) returned.
    fn place(
        &self,
        cx: &BlockContext,
        look: &Look,
        top: Abs,
        road_y: Abs,
        (road, ink): (Colour, Colour),
        laid: &mut Laid,
    ) -> Vec<(Point, FrameItem)> {
        let (deco, start_x) = self.drawing(look, top, road_y, road);
        laid.items.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::Artifact, deco)),
        ));
        let (pad, bh) = (look.pad, self.board.h);
        let num_d = look.label.size * 1.25;
        let disc_c = Point::new(start_x + num_d / 2.0, top + bh / 2.0);
        let col_x = look.col_x(self.side);
        let mut li = Vec::new();
        let n = &self.number;
        let n_cap = cx.faces.metrics(FontId::Bold).cap_height.at(num_d * 0.62);
        n.place_as(
            Role::Lbl,
            Point::new(
                disc_c.x - n.width() / 2.0,
                disc_c.y + n_cap / 2.0 - n.first_baseline(),
            ),
            self.colour,
            &mut li,
        );
        let mut body = Vec::new();
        let label_x = start_x + num_d + pad * 0.6;
        self.label.place_as(
            Role::P,
            Point::new(label_x, top + (bh - self.label.height()) / 2.0),
            ink_on(self.colour),
            &mut body,
        );
        if let Some(t) = &self.tip {
            let at = Point::new(col_x + pad, top + bh + pad * 0.5);
            t.place(look, at, (self.colour, ink), &mut body);
        }
        li.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::LBody, body)),
        ));
        li
    }
}

/// Where everything goes, from the top of the scene.
struct Plan {
    /// Each stage's board top.
    tops: Vec<Abs>,
    /// Where each stage's post meets the path.
    road_y: Vec<Abs>,
    /// The sides of the stages.
    sides: Vec<usize>,
    /// The start picture's top-left and its path end; the end picture's.
    start_at: Point,
    start_road: Option<Point>,
    end_at: Point,
    end_road: Option<Point>,
    /// The end picture's height.
    end_h: Abs,
    height: Abs,
    /// Stage heights.
    heights: Vec<Abs>,
}

impl Plan {
    /// Each stage below the one before it, and below the stage before
    /// that in its own column; the start picture above the first stage of
    /// the right column, the end picture below the last stage of the
    /// column the path does not end in.
    fn new(look: &Look, units: &[Unit], start: Option<Abs>, end: Option<(Abs, Abs)>) -> Plan {
        let gap = look.gap;
        let start_w = end_width(look);
        let pic_w = end.map_or(start_w, |e| e.0);
        let end = end.map(|e| e.1);
        let mut tops: Vec<Abs> = Vec::new();
        for i in 0..units.len() {
            let mut t = Abs::ZERO;
            if i >= 1 {
                t = t.max(tops[i - 1] + units[i - 1].board.h + gap * 0.5);
            }
            if i == 1
                && let Some(h) = start
            {
                t = t.max(h + gap);
            }
            if i >= 2 {
                t = t.max(tops[i - 2] + units[i - 2].height + gap);
            }
            tops.push(t);
        }
        let start_at = Point::new(look.col_x(1) + (look.col_w - start_w) * 0.3, Abs::ZERO);
        let mut road_y: Vec<Abs> = units
            .iter()
            .zip(&tops)
            .map(|(u, t)| *t + u.board.h * 0.5)
            .collect();
        let start_road = start.map(|h| Point::new(start_at.x, h * 0.6));
        if let (Some(s), Some(y0)) = (start_road, road_y.first_mut()) {
            *y0 = (*y0).max(s.y + look.road_w);
        }
        let n = units.len();
        // The end picture goes in the column the last stage is not in.
        let end_side = 1 - (n - 1) % 2;
        let col_foot = (0..n)
            .filter(|i| i % 2 == end_side)
            .map(|i| tops[i] + units[i].height)
            .fold(Abs::ZERO, Abs::max);
        let end_h = end.unwrap_or(Abs::ZERO);
        let last_y = road_y.last().copied().unwrap_or_default();
        let end_top = (col_foot + gap).max(last_y + look.road_w - end_h * 0.6);
        let end_x = if end_side == 0 {
            (look.col_w - pic_w) * 0.7
        } else {
            look.col_x(1) + (look.col_w - pic_w) * 0.3
        };
        let end_at = Point::new(end_x, end_top);
        let end_road = end.map(|h| {
            let x = if end_side == 0 { end_x + pic_w } else { end_x };
            Point::new(x, end_top + h * 0.6)
        });
        let mut plan = Plan {
            sides: units.iter().map(|u| u.side).collect(),
            heights: units.iter().map(|u| u.height).collect(),
            tops,
            road_y,
            start_at,
            start_road,
            end_at,
            end_road,
            end_h,
            height: Abs::ZERO,
        };
        plan.height = plan.natural();
        plan
    }

    /// The foot of the lowest stage or picture.
    fn natural(&self) -> Abs {
        let stages = self
            .tops
            .iter()
            .zip(&self.heights)
            .map(|(t, h)| *t + *h)
            .fold(Abs::ZERO, Abs::max);
        let end = if self.end_road.is_some() {
            self.end_at.y + self.end_h
        } else {
            Abs::ZERO
        };
        stages.max(end)
    }

    /// Moves the stages down evenly so that the scene is `height` tall,
    /// when that is more than it needs.
    fn spread(&mut self, height: Abs) {
        let extra = height - self.height;
        if extra <= Abs::ZERO {
            return;
        }
        let n = self.tops.len() as f64;
        for i in 0..self.tops.len() {
            let by = extra * (i as f64 / n);
            self.tops[i] += by;
            self.road_y[i] += by;
        }
        self.end_at.y += extra;
        if let Some(p) = &mut self.end_road {
            p.y += extra;
        }
        self.height = height.max(self.natural());
    }
}

/// The width of the start and end pictures.
fn end_width(look: &Look) -> Abs {
    look.col_w * 0.27
}

/// The path: from the start picture into the lane, past each post in
/// turn (so it swings from side to side), out to the end picture. It is
/// decoration: its meaning is in the signposts' text.
fn road(look: &Look, plan: &Plan, colour: Colour) -> (Point, FrameItem) {
    let mut through = Vec::new();
    let first_side = plan.sides.first().copied().unwrap_or(0);
    match plan.start_road {
        Some(s) => {
            through.push(s);
            through.push(Point::new(look.road_x(1 - first_side), s.y));
        }
        None => through.push(Point::new(look.width / 2.0, Abs::ZERO)),
    }
    for (side, y) in plan.sides.iter().zip(&plan.road_y) {
        through.push(Point::new(look.road_x(*side), *y));
    }
    let last_side = plan.sides.last().copied().unwrap_or(0);
    match plan.end_road {
        Some(e) => {
            through.push(Point::new(look.road_x(1 - last_side), e.y));
            through.push(e);
        }
        None => through.push(Point::new(look.width / 2.0, plan.height)),
    }
    let path = catmull_rom(&through);
    let stroke = |paint: Colour, thickness: Abs| {
        (
            Point::default(),
            FrameItem::Shape(Shape {
                geometry: Geometry::Path(path.clone()),
                fill: None,
                stroke: Some(Stroke {
                    paint,
                    thickness,
                    cap: LineCap::Round,
                    join: LineJoin::Round,
                }),
                rule: Default::default(),
            }),
        )
    };
    let w = look.road_w;
    (
        Point::default(),
        FrameItem::Group(Group::tagged(
            Role::Artifact,
            vec![
                stroke(colour, w),
                stroke(colour.tint(0.55), w * 0.78),
                stroke(Colour::WHITE, w * 0.08),
            ],
        )),
    )
}

/// A rounded rectangle at `at`, filled, with an optional 1 pt edge.
fn rect(
    at: Point,
    size: Size,
    radius: Abs,
    fill: Colour,
    edge: Option<Colour>,
) -> (Point, FrameItem) {
    let mut shape = Shape::filled(Geometry::Rect { size, radius }, fill);
    shape.stroke = edge.map(|paint| Stroke {
        paint,
        thickness: Abs::pt(1.5),
        cap: LineCap::Butt,
        join: LineJoin::Round,
    });
    (at, FrameItem::Shape(shape))
}

/// An arrow board from `back_x` (square end) to `tip_x` (the point),
/// `h` tall from `top`, its point `tip` long.
fn arrow(back_x: Abs, tip_x: Abs, top: Abs, h: Abs, tip: Abs, fill: Colour) -> (Point, FrameItem) {
    let dir = if tip_x > back_x { 1.0 } else { -1.0 };
    let shoulder = tip_x - tip * dir;
    let segs = vec![
        PathSeg::Move(Point::new(back_x, top)),
        PathSeg::Line(Point::new(shoulder, top)),
        PathSeg::Line(Point::new(tip_x, top + h / 2.0)),
        PathSeg::Line(Point::new(shoulder, top + h)),
        PathSeg::Line(Point::new(back_x, top + h)),
        PathSeg::Close,
    ];
    (
        Point::default(),
        FrameItem::Shape(Shape::filled(Geometry::Path(segs), fill)),
    )
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
