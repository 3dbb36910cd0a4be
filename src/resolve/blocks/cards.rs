//! `kind = "cards"`: each card's title and text filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::model::Card;

/// The cards, their text in `ink`.
pub(super) fn resolve(cx: &mut Filler, cards: &[Card], columns: usize, ink: Colour) -> Content {
    Content::Cards {
        cards: cards
            .iter()
            .map(|c| (cx.rich(&c.title), cx.rich(&c.text), c.colour))
            .collect(),
        columns,
        ink,
    }
}
