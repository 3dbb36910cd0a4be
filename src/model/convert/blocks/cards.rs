//! `kind = "cards"`: a grid of cards: at least one `[[….card]]`, 1 to 4 `columns`.

use crate::diag::{Diagnostic, Span};
use crate::model::convert::Checker;
use crate::model::resource::BlockFile;
use crate::model::{BlockContent, Card};

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let cards: Vec<Card> = b
        .card
        .iter()
        .flatten()
        .map(|c| {
            let c = c.get_ref();
            Card {
                title: cx.loc(&c.title),
                text: cx.loc(&c.text),
                colour: cx.colour(&c.colour),
            }
        })
        .collect();
    if cards.is_empty() {
        cx.errors.push(
            Diagnostic::error(span.clone(), "a `cards` block needs at least one card")
                .with_hint("add [[….block.card]] tables with title, text and colour"),
        );
        return None;
    }
    let columns = b.columns.as_ref().map_or(2, |c| *c.get_ref());
    if !(1..=4).contains(&columns) {
        cx.errors.push(Diagnostic::error(
            b.columns.as_ref().map_or(span.clone(), |c| cx.span(c)),
            "`columns` must be 1 to 4",
        ));
    }
    Some(BlockContent::Cards { cards, columns })
}
