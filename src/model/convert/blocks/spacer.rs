//! `kind = "spacer"`: the height, default 2 mm.

use crate::diag::Span;
use crate::geom::Abs;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block.
pub(super) fn check(_cx: &mut Checker, b: &BlockFile, _span: &Span) -> Option<BlockContent> {
    Some(BlockContent::Spacer {
        height: b.height.as_ref().map_or(Abs::mm(2.0), |h| h.get_ref().0),
    })
}
