//! Laying out one block at the content width, independent of its place on
//! the page.

use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::resolve::{Block, Content, Document, RichText, Run, TextStyle};

use super::fonts::{Faces, FontId};
use super::frame::{FrameItem, Geometry, Shape};
use super::text::{Paragraph, TextError, TextSpec};

/// A block laid out with its top-left at the origin.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    /// Height of the content.
    pub height: Abs,
    /// Items relative to the block's top-left.
    pub items: Vec<(Point, FrameItem)>,
    /// A colour band behind the block that spans the page and bleeds.
    pub band: Option<Colour>,
}

/// What laying out a block needs from the document.
pub struct BlockContext<'a> {
    /// The document (type sizes).
    pub doc: &'a Document,
    /// Parsed faces.
    pub faces: &'a Faces<'a>,
    /// Width available for text.
    pub width: Abs,
}

impl BlockContext<'_> {
    /// The spec of a text style.
    pub fn spec(&self, style: TextStyle) -> TextSpec {
        let t = &self.doc.type_sizes;
        let (size, leading, bold) = match style {
            TextStyle::Title => (t.title, 1.05, true),
            TextStyle::Subtitle => (t.subtitle, t.leading, false),
            TextStyle::Heading => (t.heading, 1.15, true),
            TextStyle::Body => (t.body, t.leading, false),
            TextStyle::Small => (t.small, t.leading, false),
        };
        TextSpec {
            size,
            leading,
            bold,
        }
    }

    /// Sets a paragraph, turning failures into diagnostics about `block`.
    fn set(&self, text: &RichText, spec: TextSpec, width: Abs, block: &Block) -> Result<Paragraph, Diagnostic> {
        Paragraph::set(text, spec, width, self.faces).map_err(|e| text_error(e, text, block))
    }

    /// Lays out `block`.
    pub fn lay(&self, block: &Block) -> Result<Laid, Diagnostic> {
        let mut laid = Laid::default();
        match &block.content {
            Content::Banner {
                title,
                subtitle,
                fill,
                colour,
            } => {
                let p = self.set(title, self.spec(TextStyle::Title), self.width, block)?;
                p.place(Point::default(), *colour, &mut laid.items);
                laid.height = p.height();
                if let Some(sub) = subtitle {
                    let s = self.set(sub, self.spec(TextStyle::Subtitle), self.width, block)?;
                    s.place(Point::new(Abs::ZERO, laid.height), *colour, &mut laid.items);
                    laid.height += s.height();
                }
                laid.band = Some(*fill);
            }
            Content::Text {
                text,
                style,
                colour,
            } => {
                let p = self.set(text, self.spec(*style), self.width, block)?;
                p.place(Point::default(), *colour, &mut laid.items);
                laid.height = p.height();
            }
            Content::KeyList { items, colour } => self.key_list(items, *colour, block, &mut laid)?,
            Content::Entries {
                entries,
                fill,
                colour,
            } => {
                let spec = self.spec(TextStyle::Body);
                let gap = spec.size * spec.leading * 0.35;
                for (i, entry) in entries.iter().enumerate() {
                    if i > 0 {
                        laid.height += gap;
                    }
                    let p = self.set(entry, spec, self.width, block)?;
                    p.place(Point::new(Abs::ZERO, laid.height), *colour, &mut laid.items);
                    laid.height += p.height();
                }
                laid.band = *fill;
            }
            Content::Spacer { height } => laid.height = *height,
        }
        Ok(laid)
    }

    /// Rows of: a coloured tile with the term's initial, the term in bold in
    /// the tile's colour, and its explanation below.
    fn key_list(
        &self,
        items: &[(RichText, RichText, Colour)],
        ink: Colour,
        block: &Block,
        laid: &mut Laid,
    ) -> Result<(), Diagnostic> {
        let body = self.spec(TextStyle::Body);
        let term_spec = TextSpec { bold: true, ..body };
        let line = body.size * body.leading;
        let tile = line * 2.0;
        let indent = tile + body.size * 0.9;
        let text_width = self.width - indent;
        let row_gap = line * 0.2;
        let letter_spec = TextSpec {
            size: tile * 0.62,
            leading: 1.0,
            bold: true,
        };
        let cap = self.faces.metrics(FontId::Bold).cap_height;
        for (i, (term, text, colour)) in items.iter().enumerate() {
            if i > 0 {
                laid.height += row_gap;
            }
            let top = laid.height;
            laid.items.push((
                Point::new(Abs::ZERO, top),
                FrameItem::Shape(Shape {
                    geometry: Geometry::Rect {
                        size: Size::new(tile, tile),
                        radius: tile * 0.18,
                    },
                    fill: Some(*colour),
                    stroke: None,
                }),
            ));
            if let Some(initial) = term.plain().chars().next() {
                let letter = RichText {
                    runs: vec![Run {
                        text: initial.to_string(),
                        bold: true,
                    }],
                    span: term.span.clone(),
                };
                let l = self.set(&letter, letter_spec, tile, block)?;
                // Centre the capital's box in the tile.
                let x = (tile - l.width()) / 2.0;
                let baseline = top + (tile + cap.at(letter_spec.size)) / 2.0;
                l.place(
                    Point::new(x, baseline - l.first_baseline()),
                    ink_on(*colour),
                    &mut laid.items,
                );
            }
            let t = self.set(term, term_spec, text_width, block)?;
            t.place(Point::new(indent, top), *colour, &mut laid.items);
            let e = self.set(text, body, text_width, block)?;
            e.place(Point::new(indent, top + t.height()), ink, &mut laid.items);
            laid.height = top + (t.height() + e.height()).max(tile);
        }
        Ok(())
    }
}

/// White or near-black, whichever reads better on `background`.
pub fn ink_on(background: Colour) -> Colour {
    let dark = Colour::rgb(0x1A, 0x1A, 0x1A);
    if Colour::WHITE.contrast(background) >= dark.contrast(background) {
        Colour::WHITE
    } else {
        dark
    }
}

/// A text failure as a diagnostic about `block`.
fn text_error(e: TextError, text: &RichText, block: &Block) -> Diagnostic {
    let span = text.span.clone().or_else(|| Some(block.span.clone()));
    match e {
        TextError::Missing(m) => Diagnostic::error(
            span,
            format!(
                "no bundled font has the character `{}` (U+{:04X}), used in \"{}\"",
                m.0,
                u32::from(m.0),
                text.plain()
            ),
        )
        .with_hint(
            "remove the character or say it in words; wellprint prints with Atkinson Hyperlegible Next and DejaVu Sans",
        ),
        TextError::TooWide(w) => Diagnostic::error(
            span,
            format!(
                "the word \"{}\" in {} is {} wider than its column",
                w.word, block.label, w.excess
            ),
        )
        .with_hint("shorten it (for a web address, drop \"https://\" and \"www.\"), or make the type smaller"),
    }
}
