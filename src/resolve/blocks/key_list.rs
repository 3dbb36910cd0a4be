//! `kind = "key-list"`: each term and explanation filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::model::KeyItem;

/// The key list, its text in `ink`.
pub(super) fn resolve(cx: &mut Filler, items: &[KeyItem], ink: Colour) -> Content {
    Content::KeyList {
        items: items
            .iter()
            .map(|i| (cx.rich(&i.term), cx.rich(&i.text), i.colour))
            .collect(),
        colour: ink,
    }
}
