//! `kind = "helplines"`: all the nation's helplines unless `count` says fewer.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    Some(BlockContent::Helplines {
        count: b.count.as_ref().map_or(usize::MAX, |c| *c.get_ref()),
        picture: match &b.picture {
            Some(_) => Some(cx.picture_ref(b, span)?),
            None => None,
        },
        fill: b.fill.as_ref().map(|f| cx.colour(f)),
        colour: cx.text_colour(b),
    })
}
