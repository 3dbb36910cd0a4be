//! `kind = "prepared-by"`: the area's logo on the left and its "prepared
//! by" line beside it in small print, centred on each other.

use super::{BlockContext, Laid};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::frame::Role;
use crate::layout::pictures;
use crate::layout::text::{Paragraph, Wrap};
use crate::resolve::{Block, PictureSpec, RichText, TextStyle};

/// The logo and the line. The logo keeps its shape inside a square box
/// (default 25 mm, at most 40 % of the column): a wide logo is as wide as
/// the box, a tall one as tall. The `logo` fit strategy shrinks the box,
/// never below `min-logo`.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    (logo, text): (Option<&PictureSpec>, Option<&RichText>),
    colour: Colour,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let spec = cx.spec(TextStyle::Small);
    let mut x = Abs::ZERO;
    let mut logo_h = Abs::ZERO;
    let mut logo_item = None;
    if let Some(logo) = logo {
        let declared = logo.width.unwrap_or(Abs::mm(25.0)).min(cx.width * 0.4);
        let width = boxed_width(cx, logo, declared, block)?;
        let (item, h) = pictures::place(cx.pictures, logo, width, block)?;
        logo_item = Some(item);
        logo_h = h;
        x = width + spec.size * 1.2;
    }
    let para = match text {
        Some(t) => Some(cx.set_as(t, spec, cx.width - x, block, Wrap::NoWidow)?),
        None => None,
    };
    let text_h = para.as_ref().map_or(Abs::ZERO, Paragraph::height);
    laid.height = logo_h.max(text_h);
    if let Some(item) = logo_item {
        laid.items
            .push((Point::new(Abs::ZERO, (laid.height - logo_h) / 2.0), item));
    }
    if let Some(p) = para {
        let top = (laid.height - text_h) / 2.0;
        p.place_as(Role::P, Point::new(x, top), colour, &mut laid.items);
    }
    Ok(())
}

/// The width of a logo that keeps its shape inside a square box of side
/// `declared`, shrunk as far as the `logo` fit strategy has gone (never
/// below `min-logo`): a wide logo is as wide as the box, a tall one as
/// tall.
pub(super) fn boxed_width(
    cx: &BlockContext,
    logo: &PictureSpec,
    declared: Abs,
    block: &Block,
) -> Result<Abs, Diagnostic> {
    let boxed = if cx.relax.logo_cut > 0.0 {
        (declared * (1.0 - cx.relax.logo_cut)).max(cx.relax.min_logo.min(declared))
    } else {
        declared
    };
    let aspect = pictures::aspect(cx.pictures, logo, block)?;
    Ok(if aspect >= 1.0 { boxed } else { boxed * aspect })
}
