//! `kind = "picture"`: a picture centred in the column.

use super::{BlockContext, Laid};
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::pictures;
use crate::resolve::{Block, PictureSpec};

/// The picture's width: `width` (default 40 mm), at most the column.
pub(super) fn width(cx: &BlockContext, spec: &PictureSpec) -> Abs {
    spec.width.unwrap_or(Abs::mm(40.0)).min(cx.width)
}

/// The picture at its width (default 40 mm, at most the column), centred.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    spec: &PictureSpec,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let width = width(cx, spec);
    let (item, h) = pictures::place(cx.pictures, spec, width, block)?;
    laid.items
        .push((Point::new((cx.width - width) / 2.0, Abs::ZERO), item));
    laid.height = h;
    Ok(())
}
