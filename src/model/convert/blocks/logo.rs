//! `kind = "logo"`: the side of the logo's box.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(_cx: &mut Checker, b: &BlockFile, _span: &Span) -> Option<BlockContent> {
    Some(BlockContent::Logo {
        width: b.width.as_ref().map(|w| w.get_ref().0),
    })
}
