//! `kind = "picture"`: `picture` and `alt` are required.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    Some(BlockContent::Picture {
        picture: cx.picture_ref(b, span)?,
    })
}
