//! `kind = "journey"`: each stage's label and tip filled in.

use super::super::{Content, Filler, Stage};
use crate::colour::Colour;
use crate::geom::Abs;
use crate::model::{self, PictureRef};

/// The journey with its labels, tips and pictures filled in; `(colour,
/// ink)` are the path's and the tips' text colours.
pub(super) fn resolve(
    cx: &mut Filler,
    stages: &[model::Stage],
    (colour, ink): (Colour, Colour),
    height: Abs,
    (start, end): (Option<&PictureRef>, Option<&PictureRef>),
) -> Content {
    Content::Journey {
        stages: stages
            .iter()
            .map(|s| Stage {
                label: cx.rich(&s.label),
                colour: s.colour,
                tip: s.tip.as_ref().map(|t| {
                    (
                        cx.rich(&t.heading),
                        cx.rich(&t.text),
                        cx.picture(&t.picture),
                    )
                }),
            })
            .collect(),
        colour,
        height,
        start: start.map(|p| cx.picture(p)),
        end: end.map(|p| cx.picture(p)),
        ink,
    }
}
