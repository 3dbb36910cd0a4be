//! `kind = "paragraph"`: `text` is required; the style defaults to body.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let colour = cx.text_colour(b);
    Some(BlockContent::Paragraph {
        text: cx.need_text(b, span)?,
        style: b.style.as_ref().map(|s| *s.get_ref()).unwrap_or_default(),
        colour,
    })
}
