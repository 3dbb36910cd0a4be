//! Stage 3: a [`Document`](crate::resolve::Document) becomes [`Frame`]s.
//!
//! Fonts are shaped with rustybuzz, text is broken into lines at Unicode
//! break opportunities, blocks are stacked on each page. Anything that does
//! not fit is an error naming the block and by how much; nothing is clipped
//! or shrunk.

mod blocks;
mod flow;
mod fonts;
mod frame;
mod text;

pub use blocks::ink_on;
pub use fonts::{Faces, FontBook, FontId};
pub use frame::{Frame, FrameItem, Geometry, Glyph, Shape, Stroke, TextItem};
pub use text::{Paragraph, TextError, TextSpec};

use crate::diag::SourceResult;
use crate::geom::Abs;
use crate::resolve::Document;

/// Layout settings that come from the output kind, not the resource.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Bleed beyond the trim on every side.
    pub bleed: Abs,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { bleed: Abs::mm(3.0) }
    }
}

/// Lays out every page of `doc`.
pub fn layout(doc: &Document, fonts: &FontBook, options: &LayoutOptions) -> SourceResult<Vec<Frame>> {
    let faces = fonts.faces();
    let cx = blocks::BlockContext {
        doc,
        faces: &faces,
        width: doc.trim.w - doc.margin * 2.0,
    };
    let mut frames = Vec::new();
    let mut errors = Vec::new();
    for page in &doc.pages {
        match flow::page(page, &cx, options.bleed) {
            Ok(f) => frames.push(f),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() { Ok(frames) } else { Err(errors) }
}
