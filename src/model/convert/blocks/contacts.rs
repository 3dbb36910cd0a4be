//! `kind = "contacts"`: the area's contacts with the block's tags.

use crate::diag::{Diagnostic, Span};
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::{BlockFile, ContactField};

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let columns = b.columns.as_ref().map(|c| *c.get_ref());
    if let Some(c) = columns.filter(|c| !(1..=2).contains(c)) {
        let at = b.columns.as_ref().map_or(span.clone(), |c| cx.span(c));
        cx.errors.push(
            Diagnostic::error(
                at,
                format!("`columns` must be 1 or 2 for contacts, not {c}"),
            )
            .with_hint("leave `columns` out to let the layout choose, or write 1 or 2"),
        );
        return None;
    }
    Some(BlockContent::Contacts {
        columns,
        count: b.count.as_ref().map_or(usize::MAX, |c| *c.get_ref()),
        picture: match &b.picture {
            Some(_) => Some(cx.picture_ref(b, span)?),
            None => None,
        },
        tags: b.tags.iter().flatten().map(|t| cx.loc(t)).collect(),
        fields: b
            .fields
            .clone()
            .unwrap_or_else(|| vec![ContactField::Phone, ContactField::Hours]),
    })
}
