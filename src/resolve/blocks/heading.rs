//! `kind = "heading"`: the text filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::model::Located;

/// The heading with its text filled in.
pub(super) fn resolve(cx: &mut Filler, text: &Located<String>, colour: Colour) -> Content {
    Content::Heading {
        text: cx.rich(text),
        colour,
    }
}
