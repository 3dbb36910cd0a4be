//! `kind = "picture"`: the alternative text filled in.

use super::super::{Content, Filler};
use crate::model::PictureRef;

/// The picture with its alternative text filled in.
pub(super) fn resolve(cx: &mut Filler, picture: &PictureRef) -> Content {
    Content::Picture(cx.picture(picture))
}
