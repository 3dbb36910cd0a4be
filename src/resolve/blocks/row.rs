//! `kind = "row"`: picture, heading, text and bullet points filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::model::{Located, PictureRef};

/// The row: `texts` are the label, the heading and the text, `(colour,
/// ink)` the heading's and the body's colours.
pub(super) fn resolve(
    cx: &mut Filler,
    picture: &PictureRef,
    [label, heading, text]: [Option<&Located<String>>; 3],
    items: &[Located<String>],
    (colour, ink): (Colour, Colour),
) -> Content {
    Content::Row {
        picture: cx.picture(picture),
        label: label.map(|l| cx.rich(l)),
        heading: heading.map(|h| cx.rich(h)),
        text: text.map(|t| cx.rich(t)),
        items: items.iter().map(|i| cx.rich(i)).collect(),
        colour,
        ink,
    }
}
