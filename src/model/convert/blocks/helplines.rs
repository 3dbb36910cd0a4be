//! `kind = "helplines"`: all the nation's helplines unless `count` says fewer.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, _span: &Span) -> Option<BlockContent> {
    Some(BlockContent::Helplines {
        count: b.count.as_ref().map_or(usize::MAX, |c| *c.get_ref()),
        fill: b.fill.as_ref().map(|f| cx.colour(f)),
        colour: cx.text_colour(b),
    })
}
