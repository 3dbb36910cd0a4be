//! `kind = "logo"`: the area's logo on its own, at the left of the
//! column, in a square box (default 30 mm, at most half the column).

use super::{BlockContext, Laid};
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::pictures;
use crate::resolve::{Block, PictureSpec};

/// The logo, keeping its shape; the `logo` fit strategy shrinks its box,
/// never below `min-logo`.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    logo: &PictureSpec,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let declared = logo.width.unwrap_or(Abs::mm(30.0)).min(cx.width * 0.5);
    let width = super::prepared_by::boxed_width(cx, logo, declared, block)?;
    let (item, h) = pictures::place(cx.pictures, logo, width, block)?;
    laid.items.push((Point::new(Abs::ZERO, Abs::ZERO), item));
    laid.height = h;
    Ok(())
}
