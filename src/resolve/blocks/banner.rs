//! `kind = "banner"`: the title, subtitle and picture filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::model::{Located, PictureRef};

/// The banner with its texts filled in: the title and subtitle, the band's
/// and the text's colours, and the picture.
pub(super) fn resolve(
    cx: &mut Filler,
    (title, subtitle): (&Located<String>, Option<&Located<String>>),
    (fill, colour): (Colour, Colour),
    picture: Option<&PictureRef>,
) -> Content {
    Content::Banner {
        title: cx.rich(title),
        subtitle: subtitle.map(|s| cx.rich(s)),
        fill,
        colour,
        picture: picture.map(|p| cx.picture(p)),
    }
}
