//! `kind = "list"`: bullet points: `items` is required.

use crate::diag::{Diagnostic, Span};
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let colour = cx.text_colour(b);
    let items: Vec<_> = b.items.iter().flatten().map(|i| cx.loc(i)).collect();
    if items.is_empty() {
        cx.errors.push(
            Diagnostic::error(span.clone(), "a `list` block needs `items`")
                .with_hint("add items = [\"first point\", \"second point\"]"),
        );
        return None;
    }
    Some(BlockContent::List { items, colour })
}
