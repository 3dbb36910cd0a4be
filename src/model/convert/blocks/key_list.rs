//! `kind = "key-list"`: terms with a coloured marker: at least one `[[….item]]`.

use crate::diag::{Diagnostic, Span};
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;
use crate::model::{BlockContent, KeyItem};

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let Some(items) = &b.item else {
        cx.errors.push(
            Diagnostic::error(span.clone(), "a `key-list` block needs at least one item")
                .with_hint("add [[…page.block.item]] tables with term, text and colour"),
        );
        return None;
    };
    let items = items
        .iter()
        .map(|i| {
            let i = i.get_ref();
            KeyItem {
                term: cx.loc(&i.term),
                text: cx.loc(&i.text),
                colour: cx.colour(&i.colour),
            }
        })
        .collect();
    Some(BlockContent::KeyList { items })
}
