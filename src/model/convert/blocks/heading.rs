//! `kind = "heading"`: `text` is required.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let colour = cx.text_colour(b);
    Some(BlockContent::Heading {
        text: cx.need_text(b, span)?,
        colour,
    })
}
