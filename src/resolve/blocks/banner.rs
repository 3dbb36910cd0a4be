//! `kind = "banner"`: the title and subtitle filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::model::Located;

/// The banner with its texts filled in.
pub(super) fn resolve(
    cx: &mut Filler,
    title: &Located<String>,
    subtitle: Option<&Located<String>>,
    fill: Colour,
    colour: Colour,
) -> Content {
    Content::Banner {
        title: cx.rich(title),
        subtitle: subtitle.map(|s| cx.rich(s)),
        fill,
        colour,
    }
}
