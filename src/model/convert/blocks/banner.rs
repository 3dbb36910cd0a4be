//! `kind = "banner"`: a coloured band with a title: `text` and `fill` are required.

use crate::colour::Colour;
use crate::diag::{Diagnostic, Span};
use crate::model::BlockContent;
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let title = cx.need_text(b, span);
    let fill = match &b.fill {
        Some(f) => cx.colour(f),
        None => {
            cx.errors.push(
                Diagnostic::error(span.clone(), "a `banner` block needs `fill`")
                    .with_hint("add fill = \"a theme colour name\" or \"#RRGGBB\""),
            );
            Colour::BLACK
        }
    };
    let colour = b.colour.as_ref().map_or(Colour::WHITE, |c| cx.colour(c));
    Some(BlockContent::Banner {
        title: title?,
        subtitle: b.subtitle.as_ref().map(|s| cx.loc(s)),
        fill,
        colour,
        picture: match &b.picture {
            Some(_) => Some(cx.picture_ref(b, span)?),
            None => None,
        },
    })
}
