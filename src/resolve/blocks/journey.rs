//! `kind = "journey"`: each stage name filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::geom::Abs;
use crate::model::Located;

/// The journey with its stage names filled in.
pub(super) fn resolve(
    cx: &mut Filler,
    stages: &[Located<String>],
    colour: Colour,
    height: Abs,
) -> Content {
    Content::Journey {
        stages: stages.iter().map(|s| cx.rich(s)).collect(),
        colour,
        height,
    }
}
