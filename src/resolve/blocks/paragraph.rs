//! `kind = "paragraph"`: the text filled in, the style chosen.

use super::super::{Content, Filler, TextStyle};
use crate::colour::Colour;
use crate::model::{Located, StyleName};

/// The paragraph with its text filled in.
pub(super) fn resolve(
    cx: &mut Filler,
    text: &Located<String>,
    style: StyleName,
    colour: Colour,
) -> Content {
    Content::Paragraph {
        text: cx.rich(text),
        style: match style {
            StyleName::Body => TextStyle::Body,
            StyleName::Small => TextStyle::Small,
        },
        colour,
    }
}
