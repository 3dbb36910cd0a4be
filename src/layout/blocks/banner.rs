//! `kind = "banner"`: the title and subtitle on a colour band.

use super::{BlockContext, Laid};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::frame::Role;
use crate::layout::text::Wrap;
use crate::resolve::{Block, RichText, TextStyle};

/// The title, the subtitle below it, and the band's colour.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    (title, subtitle): (&RichText, Option<&RichText>),
    fill: Colour,
    colour: Colour,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let p = cx.set_as(
        title,
        cx.spec(TextStyle::Title),
        cx.width,
        block,
        Wrap::Balance,
    )?;
    p.place_as(Role::H1, Point::default(), colour, &mut laid.items);
    laid.height = p.height();
    if let Some(sub) = subtitle {
        let s = cx.set_as(
            sub,
            cx.spec(TextStyle::Subtitle),
            cx.width,
            block,
            Wrap::Balance,
        )?;
        s.place_as(
            Role::P,
            Point::new(Abs::ZERO, laid.height),
            colour,
            &mut laid.items,
        );
        laid.height += s.height();
    }
    laid.band = Some(fill);
    Ok(())
}
