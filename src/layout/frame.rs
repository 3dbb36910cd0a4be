//! Frames: the hand-over from layout to every output.
//!
//! A [`Frame`] is one page: its trimmed size, its bleed, and items placed at
//! absolute positions (top-left origin of the trim box, y down). Renderers
//! read frames only; they never see TOML or make layout decisions.

use crate::colour::Colour;
use crate::diag::Span;
use crate::geom::{Abs, Em, Point, Size};

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
}

/// Something placed on a page.
#[derive(Debug, Clone)]
pub enum FrameItem {
    /// A run of shaped glyphs; the point is the start of its baseline.
    Text(TextItem),
    /// A filled or stroked shape; the point is its top-left corner.
    Shape(Shape),
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
    /// Glyphs in order.
    pub glyphs: Vec<Glyph>,
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
    pub text: String,
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
}

/// A line style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub paint: Colour,
    /// Line width.
    pub thickness: Abs,
}
