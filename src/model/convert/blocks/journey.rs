//! `kind = "journey"`: a winding road through 2 to 10 `stages`.

use crate::diag::{Diagnostic, Span};
use crate::geom::Abs;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let stages: Vec<_> = b.stages.iter().flatten().map(|s| cx.loc(s)).collect();
    if !(2..=10).contains(&stages.len()) {
        cx.errors.push(
            Diagnostic::error(span.clone(), "a `journey` needs 2 to 10 `stages`")
                .with_hint("stages = [\"Admission\", \"Care Planning\", …]"),
        );
        return None;
    }
    Some(BlockContent::Journey {
        stages,
        colour: cx.text_colour(b),
        height: b.height.as_ref().map_or(Abs::mm(80.0), |h| h.get_ref().0),
    })
}
