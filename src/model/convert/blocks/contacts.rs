//! `kind = "contacts"`: the area's contacts with the block's tags.

use crate::diag::Span;
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::{BlockFile, ContactField};

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    Some(BlockContent::Contacts {
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
