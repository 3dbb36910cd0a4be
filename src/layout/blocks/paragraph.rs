//! `kind = "paragraph"`: running text in one style.

use super::{BlockContext, Laid};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::Point;
use crate::layout::frame::Role;
use crate::layout::text::Wrap;
use crate::resolve::{Block, RichText, TextStyle};

/// `text` in `style`, tagged as what the style is in the structure.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    text: &RichText,
    style: TextStyle,
    colour: Colour,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let p = cx.set_as(text, cx.spec(style), cx.width, block, wrap_for(style))?;
    p.place_as(role_of(style), Point::default(), colour, &mut laid.items);
    laid.height = p.height();
    Ok(())
}

/// What a paragraph in `style` is in the document's structure.
fn role_of(style: TextStyle) -> Role {
    match style {
        TextStyle::Title => Role::H1,
        TextStyle::Heading => Role::H2,
        TextStyle::Subtitle | TextStyle::Body | TextStyle::Small => Role::P,
    }
}

/// How a paragraph in `style` fills its lines: titles and headings
/// balanced, running text without a last line of one word.
fn wrap_for(style: TextStyle) -> Wrap {
    match style {
        TextStyle::Title | TextStyle::Subtitle | TextStyle::Heading => Wrap::Balance,
        TextStyle::Body | TextStyle::Small => Wrap::NoWidow,
    }
}
