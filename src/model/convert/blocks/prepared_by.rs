//! `kind = "prepared-by"`: the logo's width and the text colour.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, _span: &Span) -> Option<BlockContent> {
    Some(BlockContent::PreparedBy {
        width: b.width.as_ref().map(|w| w.get_ref().0),
        colour: cx.text_colour(b),
    })
}
