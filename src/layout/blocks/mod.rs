//! Laying out one block at the content width, independent of its place on
//! the page: one file per block kind, named after its TOML `kind`.

mod banner;
mod cards;
mod contacts;
mod heading;
mod helplines;
mod journey;
mod key_list;
mod list;
mod logo;
mod paragraph;
mod picture;
mod prepared_by;
mod row;
mod spacer;

use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::model::Located;
use crate::pictures::Pictures;
use crate::resolve::{Block, Content, Document, RichText, TextStyle};

use super::fonts::Faces;
use super::frame::FrameItem;
use super::text::{Paragraph, TextError, TextSpec, Wrap};

/// The picture of a `picture` or `row` block that may grow (it has a
/// `max-width` beyond its width), and the width it is placed at now.
pub(super) fn growing_picture<'b>(
    cx: &BlockContext,
    block: &'b mut Block,
) -> Option<(&'b mut crate::resolve::PictureSpec, Abs)> {
    let (spec, now) = match &mut block.content {
        Content::Picture(spec) => {
            let now = picture::width(cx, spec);
            (spec, now)
        }
        Content::Row { picture, .. } => {
            let now = row::picture_width(cx, picture);
            (picture, now)
        }
        _ => return None,
    };
    spec.max_width
        .is_some_and(|m| m > now)
        .then_some((spec, now))
}

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
#[derive(Clone, Copy)]
pub struct BlockContext<'a> {
    /// The document (type sizes).
    pub doc: &'a Document,
    /// The trimmed size of the page or panel being laid out.
    pub size: crate::geom::Size,
    /// Parsed faces.
    pub faces: &'a Faces<'a>,
    /// Width available for text.
    pub width: Abs,
    /// Loaded pictures.
    pub pictures: &'a Pictures,
    /// Height kept free at the foot of each page (for page numbers).
    pub footer: Abs,
    /// How far the page's fit strategies have gone.
    pub relax: super::fit::Relax,
}

impl BlockContext<'_> {
    /// The same context for a panel `width` wide (the text width follows).
    pub fn for_width(&self, width: Abs) -> Self {
        BlockContext {
            size: crate::geom::Size::new(width, self.size.h),
            width: width - self.doc.margin * 2.0,
            ..*self
        }
    }

    /// The same context with the fit strategies gone as far as `relax`.
    pub fn relaxed(&self, relax: super::fit::Relax) -> Self {
        BlockContext { relax, ..*self }
    }

    /// `width`, or the document's `measure` when that is shorter: the
    /// width a row's words are set in.
    fn measured(&self, width: Abs) -> Abs {
        self.doc.measure.map_or(width, |m| width.min(m))
    }

    /// The spec of a text style.
    pub fn spec(&self, style: TextStyle) -> TextSpec {
        let t = &self.relax.sizes.unwrap_or(self.doc.type_sizes);
        let spec = match style {
            TextStyle::Title => TextSpec::new(t.title, 1.05, true),
            TextStyle::Subtitle => TextSpec::new(t.subtitle, t.leading, false),
            TextStyle::Heading => TextSpec::new(t.heading, 1.15, true),
            TextStyle::Body => TextSpec {
                phone: t.phone,
                ..TextSpec::new(t.body, t.leading, false)
            },
            TextStyle::Small => TextSpec::new(t.small, t.leading, false),
        };
        TextSpec {
            sentence_lines: self.doc.sentence_lines && !self.relax.run_on,
            ..spec
        }
    }

    /// Sets a paragraph, turning failures into diagnostics about `block`.
    fn set(
        &self,
        text: &RichText,
        spec: TextSpec,
        width: Abs,
        block: &Block,
    ) -> Result<Paragraph, Diagnostic> {
        self.set_as(text, spec, width, block, Wrap::Greedy)
    }

    /// Sets a paragraph with its lines filled as `wrap` says.
    fn set_as(
        &self,
        text: &RichText,
        spec: TextSpec,
        width: Abs,
        block: &Block,
        wrap: Wrap,
    ) -> Result<Paragraph, Diagnostic> {
        Paragraph::set_wrapped(text, spec, width, self.faces, wrap)
            .map_err(|e| text_error(e, text, block, &self.doc.filled))
    }

    /// Lays out `block`, by its kind.
    pub fn lay(&self, block: &Block) -> Result<Laid, Diagnostic> {
        let mut laid = Laid::default();
        let l = &mut laid;
        match &block.content {
            Content::Banner {
                title,
                subtitle,
                fill,
                colour,
                picture,
            } => banner::lay(
                self,
                block,
                (title, subtitle.as_ref()),
                (*fill, *colour),
                picture.as_ref(),
                l,
            )?,
            Content::Heading { text, colour } => heading::lay(self, block, text, *colour, l)?,
            Content::Paragraph {
                text,
                style,
                colour,
            } => paragraph::lay(self, block, text, *style, *colour, l)?,
            Content::KeyList { items, colour } => key_list::lay(self, items, *colour, block, l)?,
            Content::Contacts(entries) => contacts::lay(self, block, entries, l)?,
            Content::Helplines(entries) => helplines::lay(self, block, entries, l)?,
            Content::Spacer { height } => spacer::lay(*height, l),
            Content::PreparedBy {
                logo, text, colour, ..
            } => prepared_by::lay(self, block, (logo.as_ref(), text.as_ref()), *colour, l)?,
            Content::Logo { logo, .. } => logo::lay(self, block, logo, l)?,
            Content::Picture(spec) => picture::lay(self, block, spec, l)?,
            Content::Row {
                picture,
                label,
                heading,
                text,
                items,
                colour,
                ink,
            } => row::lay(
                self,
                picture,
                [label, heading, text].map(Option::as_ref),
                items,
                (*colour, *ink),
                block,
                l,
            )?,
            Content::List { items, colour } => list::lay(self, block, items, *colour, l)?,
            Content::Cards {
                cards,
                columns,
                ink,
            } => cards::lay(self, cards, *columns, *ink, block, l)?,
            Content::Journey {
                stages,
                colour,
                height,
                start,
                end,
                ink,
            } => {
                let scene = journey::Scene {
                    stages,
                    colours: (*colour, *ink),
                    height: *height,
                    ends: (start.as_ref(), end.as_ref()),
                };
                journey::lay(self, &scene, block, l)?
            }
        }
        Ok(laid)
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

/// A text failure as a diagnostic about `block`. A missing character that
/// a placeholder filled in is blamed on the area value (`filled`).
fn text_error(
    e: TextError,
    text: &RichText,
    block: &Block,
    filled: &[Located<String>],
) -> Diagnostic {
    let span = text.span.clone().or_else(|| Some(block.span.clone()));
    match e {
        TextError::Missing(m) => {
            let from = filled.iter().find(|f| f.value.contains(m.0));
            let (span, used) = match from {
                Some(f) => (
                    Some(f.span.clone()),
                    format!("\"{}\" (printed in {})", f.value, block.label),
                ),
                None => (span, format!("\"{}\"", text.plain())),
            };
            Diagnostic::error(
                span,
                format!(
                    "no bundled font has the character `{}` (U+{:04X}), used in {used}",
                    m.0,
                    u32::from(m.0),
                ),
            )
            .with_hint(
                "remove the character or say it in words; wellprint prints with Atkinson Hyperlegible Next and DejaVu Sans",
            )
        }
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
