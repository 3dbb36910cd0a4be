//! Frames: the hand-over from layout to every output.
//!
//! A [`Frame`] is one page: its trimmed size, its bleed, and items placed at
//! absolute positions (top-left origin of the trim box, y down). Renderers
//! read frames only; they never see TOML or make layout decisions.

use crate::colour::Colour;
use crate::diag::Span;
use crate::geom::{Abs, Em, FillRule, LineCap, LineJoin, Point, Size};

use super::fonts::FontId;

/// One laid-out page.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Finished (trimmed) size.
    pub size: Size,
    /// Bleed beyond the trim on every side.
    pub bleed: Abs,
    /// Items in painting order (later items paint over earlier ones).
    pub items: Vec<(Point, FrameItem)>,
    /// Where the sheet folds: distances from the left trim edge of
    /// vertical folds (a folded leaflet's panel edges). Empty for pages
    /// that do not fold. With crop marks, fold marks are drawn there.
    pub folds: Vec<Abs>,
    /// Printed head to foot: the PDF turns the page's artwork through
    /// 180° (the slug line and the printer's marks stay upright). The
    /// back of the Easy Read folding strip is turned so that, printed
    /// long-edge duplex and folded on its vertical folds, each panel is
    /// the right way up. Checks on frames read the page unturned; every
    /// check is the same either way, since a half turn maps the trim and
    /// its margins onto themselves.
    pub turned: bool,
}

impl Frame {
    /// Calls `f` with every item and its absolute position, descending into
    /// groups (a group is visited before its items).
    pub fn visit(&self, f: &mut dyn FnMut(Point, &FrameItem)) {
        visit_items(Point::default(), &self.items, f);
    }
}

/// Calls `f` with every one of `items` placed at `origin`, and its
/// absolute position, descending into groups ([`Frame::visit`] for part of
/// a frame).
pub fn visit_items(
    origin: Point,
    items: &[(Point, FrameItem)],
    f: &mut dyn FnMut(Point, &FrameItem),
) {
    for (pos, item) in items {
        let at = origin + *pos;
        f(at, item);
        if let FrameItem::Group(g) = item {
            visit_items(at, &g.items, f);
        }
    }
}

/// Something placed on a page.
#[derive(Debug, Clone)]
pub enum FrameItem {
    /// A run of shaped glyphs; the point is the start of its baseline.
    Text(TextItem),
    /// A filled or stroked shape; the point is its top-left corner.
    Shape(Shape),
    /// Items moved together, optionally clipped; the point is its origin.
    Group(Group),
    /// A raster picture; the point is its top-left corner.
    Image(ImageItem),
}

/// Items placed relative to the group's origin.
#[derive(Debug, Clone)]
pub struct Group {
    /// The items, relative to the group's origin.
    pub items: Vec<(Point, FrameItem)>,
    /// Nothing outside this rectangle (from the origin) is painted.
    pub clip: Option<Size>,
    /// What the group shows, for people who cannot see it (a picture's
    /// alternative text). `None` for decoration.
    pub alt: Option<String>,
    /// What the group is in the document's logical structure (heading,
    /// paragraph, list item, figure, link, decoration). `None`: the group
    /// only moves or clips; its items belong to the nearest enclosing role,
    /// and items with no enclosing role at all are decoration.
    pub role: Option<Role>,
    /// Natural language of the group's text (BCP 47, `cy`), when it differs
    /// from the document's.
    pub lang: Option<String>,
    /// Where the group's content comes in reading order, when that differs
    /// from painting order: a panel imposed on a folding sheet carries its
    /// panel number (0 = cover), so the structure tree reads panels in
    /// order whatever sheet and slot they are printed on. `None`: the
    /// enclosing group's place.
    pub reading: Option<usize>,
}

impl Group {
    /// A group that only moves its items together.
    pub fn plain(items: Vec<(Point, FrameItem)>) -> Group {
        Group {
            items,
            clip: None,
            alt: None,
            role: None,
            lang: None,
            reading: None,
        }
    }

    /// A logical element of the document: `items` are what it shows.
    pub fn tagged(role: Role, items: Vec<(Point, FrameItem)>) -> Group {
        Group {
            role: Some(role),
            ..Group::plain(items)
        }
    }

    /// A picture with its alternative text.
    pub fn figure(alt: String, items: Vec<(Point, FrameItem)>) -> Group {
        Group {
            alt: Some(alt),
            ..Group::tagged(Role::Figure, items)
        }
    }
}

/// What an element is, for screen readers and reflow: a closed set that maps
/// one-to-one onto PDF standard structure types.
///
/// Reading order is the order of roled groups in the frame (depth first),
/// which layout keeps in the resource's source order; imposed panels are
/// put back in reading order by their [`Group::reading`] number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Top-level heading (the title).
    H1,
    /// Section heading.
    H2,
    /// Sub-heading (a card's or row's title).
    H3,
    /// A paragraph.
    P,
    /// A list; its children are [`Role::LI`].
    L,
    /// A list item: [`Role::Lbl`] then [`Role::LBody`].
    LI,
    /// A list item's bullet or number.
    Lbl,
    /// A list item's content.
    LBody,
    /// A picture; the group's `alt` says what it shows.
    Figure,
    /// A live link inside a paragraph: the text it covers is the link.
    Link {
        /// Where it goes (`tel:+441632960101`, `https://example.org/`).
        uri: String,
        /// What it does, said in words ("Call 01632 960101").
        description: String,
    },
    /// Part of a paragraph set apart only by its language (the group's
    /// `lang`).
    Span,
    /// Decoration: painted, but not read out.
    Artifact,
}

impl Role {
    /// The PDF standard structure type (`H1`, `P`, `LI`, …).
    pub fn structure_type(&self) -> &'static str {
        match self {
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Figure => "Figure",
            Role::Link { .. } => "Link",
            Role::Span => "Span",
            Role::Artifact => "Artifact",
        }
    }

    /// The heading level (1–3), if a heading.
    pub fn heading_level(&self) -> Option<u8> {
        match self {
            Role::H1 => Some(1),
            Role::H2 => Some(2),
            Role::H3 => Some(3),
            _ => None,
        }
    }

    /// The heading of `level` (clamped to 1–3).
    pub fn heading(level: u8) -> Role {
        match level {
            0 | 1 => Role::H1,
            2 => Role::H2,
            _ => Role::H3,
        }
    }
}

/// Makes heading levels nest without skipping, walking the frames in
/// reading order. Each heading's parent is the nearest heading before it
/// with a lower level as written; it becomes one level below that parent.
/// So an H3 straight after the H1 becomes an H2, and so do the H3s after it
/// (siblings stay siblings), until a heading written as H2 or H1 comes.
pub fn fix_heading_levels(frames: &mut [Frame]) {
    // Open headings: (level as written, level given).
    let mut open: Vec<(u8, u8)> = Vec::new();
    for frame in frames.iter_mut() {
        each_heading(&mut frame.items, &mut |level| {
            while open.last().is_some_and(|&(written, _)| written >= level) {
                open.pop();
            }
            let given = open.last().map_or(1, |&(_, given)| given + 1).min(level);
            open.push((level, given));
            given
        });
    }
}

/// Calls `f` with every heading's level in reading order and sets the
/// level it returns.
fn each_heading(items: &mut [(Point, FrameItem)], f: &mut dyn FnMut(u8) -> u8) {
    for (_, item) in items {
        if let FrameItem::Group(g) = item {
            if let Some(level) = g.role.as_ref().and_then(Role::heading_level) {
                g.role = Some(Role::heading(f(level)));
            }
            each_heading(&mut g.items, f);
        }
    }
}

/// A raster picture placed at a size.
#[derive(Debug, Clone)]
pub struct ImageItem {
    /// The decoded pixels, shared by every placement.
    pub raster: std::sync::Arc<crate::pictures::Raster>,
    /// Placed size.
    pub size: Size,
    /// Alternative text.
    pub alt: String,
}

impl ImageItem {
    /// Effective resolution at the placed size, in pixels per inch (the
    /// lower of the two axes).
    pub fn ppi(&self) -> f64 {
        let w = f64::from(self.raster.width) / (self.size.w.to_pt() / 72.0);
        let h = f64::from(self.raster.height) / (self.size.h.to_pt() / 72.0);
        w.min(h)
    }
}

/// Glyphs in one face, size and colour, set on one baseline.
#[derive(Debug, Clone)]
pub struct TextItem {
    /// The face.
    pub font: FontId,
    /// Font size.
    pub size: Abs,
    /// Text colour.
    pub fill: Colour,
    /// Glyphs in order, shared with the set paragraph they were placed
    /// from (placing a cached paragraph copies no glyphs).
    pub glyphs: std::sync::Arc<[Glyph]>,
    /// Where the text was written.
    pub span: Option<Span>,
}

impl TextItem {
    /// The run's advance width.
    pub fn width(&self) -> Abs {
        self.glyphs.iter().map(|g| g.advance.at(self.size)).sum()
    }

    /// The text the glyphs stand for.
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
}

/// One shaped glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Advance after shaping (includes kerning).
    pub advance: Em,
    /// The characters this glyph stands for ("" for the second glyph of a
    /// cluster): what copy/paste and screen readers get.
    pub text: GlyphText,
}

/// The characters one glyph stands for, held without a heap allocation
/// when they are short (a letter, a ligature's letters), so that glyph
/// runs are copied without copying strings: frames are made from cached
/// shaping results, and the writer reads them again.
#[derive(Clone, PartialEq, Eq)]
pub struct GlyphText(Chars);

/// Most bytes of a cluster held inline.
const INLINE: usize = 14;

#[derive(Clone, PartialEq, Eq)]
enum Chars {
    /// Up to [`INLINE`] bytes of UTF-8: `len` of `bytes`.
    Inline { len: u8, bytes: [u8; INLINE] },
    /// A longer cluster, shared by every copy.
    Shared(std::sync::Arc<str>),
}

impl GlyphText {
    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Chars::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Chars::Shared(s) => s,
        }
    }
}

impl From<&str> for GlyphText {
    fn from(s: &str) -> Self {
        let mut bytes = [0; INLINE];
        match (bytes.get_mut(..s.len()), u8::try_from(s.len())) {
            (Some(slot), Ok(len)) => {
                slot.copy_from_slice(s.as_bytes());
                GlyphText(Chars::Inline { len, bytes })
            }
            _ => GlyphText(Chars::Shared(s.into())),
        }
    }
}

impl Default for GlyphText {
    fn default() -> Self {
        GlyphText::from("")
    }
}

impl std::ops::Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for GlyphText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for GlyphText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A vector shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The outline.
    pub geometry: Geometry,
    /// Fill colour, if filled.
    pub fill: Option<Colour>,
    /// Stroke, if stroked.
    pub stroke: Option<Stroke>,
    /// Fill rule for self-crossing paths.
    pub rule: FillRule,
}

impl Shape {
    /// A filled shape without stroke.
    pub fn filled(geometry: Geometry, fill: crate::colour::Colour) -> Shape {
        Shape {
            geometry,
            fill: Some(fill),
            stroke: None,
            rule: FillRule::NonZero,
        }
    }
}

/// An outline, relative to the item's position.
#[derive(Debug, Clone, PartialEq)]
pub enum Geometry {
    /// A rectangle with optional rounded corners.
    Rect {
        /// Width and height.
        size: Size,
        /// Corner radius (zero for square corners).
        radius: Abs,
    },
    /// A circle or ellipse inside the box of `size`.
    Ellipse {
        /// Width and height of its bounding box.
        size: Size,
    },
    /// Straight and cubic Bézier segments.
    Path(Vec<PathSeg>),
}

/// One segment of a path, in coordinates relative to the item's position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathSeg {
    /// Start a new subpath.
    Move(Point),
    /// A straight line.
    Line(Point),
    /// A cubic Bézier: two control points, then the end point.
    Cubic(Point, Point, Point),
    /// Close the subpath.
    Close,
}

/// A line style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub paint: Colour,
    /// Line width.
    pub thickness: Abs,
    /// Line ends.
    pub cap: LineCap,
    /// Corners.
    pub join: LineJoin,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(levels: &[u8]) -> Vec<Frame> {
        let items = levels
            .iter()
            .map(|&l| {
                (
                    Point::default(),
                    FrameItem::Group(Group::tagged(Role::heading(l), Vec::new())),
                )
            })
            .collect();
        vec![Frame {
            size: Size::new(Abs::mm(10.0), Abs::mm(10.0)),
            bleed: Abs::ZERO,
            items,
            folds: Vec::new(),
            turned: false,
        }]
    }

    fn levels(frames: &[Frame]) -> Vec<u8> {
        let mut out = Vec::new();
        frames[0].visit(&mut |_, item| {
            if let FrameItem::Group(g) = item {
                out.extend(g.role.as_ref().and_then(Role::heading_level));
            }
        });
        out
    }

    #[test]
    fn sibling_headings_stay_siblings_when_a_level_is_closed_up() {
        let mut f = headings(&[1, 3, 3, 3]);
        fix_heading_levels(&mut f);
        assert_eq!(levels(&f), [1, 2, 2, 2]);
        let mut f = headings(&[1, 3, 2, 3]);
        fix_heading_levels(&mut f);
        assert_eq!(levels(&f), [1, 2, 2, 3]);
        let mut f = headings(&[2, 2]);
        fix_heading_levels(&mut f);
        assert_eq!(levels(&f), [1, 1]);
        let mut f = headings(&[1, 3, 3, 2, 3, 1, 2]);
        fix_heading_levels(&mut f);
        assert_eq!(levels(&f), [1, 2, 2, 2, 3, 1, 2]);
    }
}
