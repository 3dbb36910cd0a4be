//! `kind = "row"`: a picture on the left; heading, text and bullet points on the right.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let colour = cx.text_colour(b);
    Some(BlockContent::Row {
        picture: cx.picture_ref(b, span)?,
        label: b.label.as_ref().map(|l| cx.loc(l)),
        heading: b.heading.as_ref().map(|h| cx.loc(h)),
        text: b.text.as_ref().map(|t| cx.loc(t)),
        items: b.items.iter().flatten().map(|i| cx.loc(i)).collect(),
        colour,
    })
}
