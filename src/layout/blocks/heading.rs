//! `kind = "heading"`: a heading, set like a paragraph in the heading style.

use super::{BlockContext, Laid, paragraph};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::resolve::{Block, RichText, TextStyle};

/// `text` in the heading style (a second-level heading).
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    text: &RichText,
    colour: Colour,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    paragraph::lay(cx, block, text, TextStyle::Heading, colour, laid)
}
