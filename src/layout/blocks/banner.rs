//! `kind = "banner"`: the title and subtitle on a colour band, with a
//! picture at the right on a paper-coloured disc when the block has one.

use super::{BlockContext, Laid};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::layout::frame::{FrameItem, Geometry, Role, Shape};
use crate::layout::pictures;
use crate::layout::text::Wrap;
use crate::resolve::{Block, PictureSpec, RichText, TextStyle};

/// The width of a banner's picture: `width` (default 25 mm), at most 40 %
/// of the column.
fn picture_width(cx: &BlockContext, spec: &PictureSpec) -> Abs {
    spec.width.unwrap_or(Abs::mm(25.0)).min(cx.width * 0.4)
}

/// The title, the subtitle below it, the band's colour and the text's,
/// and the picture.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    (title, subtitle): (&RichText, Option<&RichText>),
    (fill, colour): (Colour, Colour),
    picture: Option<&PictureSpec>,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let disc = picture.map(|p| picture_width(cx, p) * 1.12);
    let gap = cx.spec(TextStyle::Body).size;
    let width = disc.map_or(cx.width, |d| cx.width - d - gap);
    let p = cx.set_as(
        title,
        cx.spec(TextStyle::Title),
        width,
        block,
        Wrap::Balance,
    )?;
    p.place_as(Role::H1, Point::default(), colour, &mut laid.items);
    laid.height = p.height();
    if let Some(sub) = subtitle {
        let s = cx.set_as(
            sub,
            cx.spec(TextStyle::Subtitle),
            width,
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
    if let (Some(spec), Some(d)) = (picture, disc) {
        laid.height = laid.height.max(disc_picture(cx, block, spec, d, laid)?);
    }
    laid.band = Some(fill);
    Ok(())
}

/// The picture centred on a paper-coloured disc of diameter `d` at the
/// right of the column; returns the disc's height.
fn disc_picture(
    cx: &BlockContext,
    block: &Block,
    spec: &PictureSpec,
    d: Abs,
    laid: &mut Laid,
) -> Result<Abs, Diagnostic> {
    let w = picture_width(cx, spec);
    let (item, h) = pictures::place(cx.pictures, spec, w, block)?;
    let x = cx.width - d;
    laid.items.push((
        Point::new(x, Abs::ZERO),
        FrameItem::Shape(Shape::filled(
            Geometry::Ellipse {
                size: Size::new(d, d),
            },
            cx.doc.paper,
        )),
    ));
    let at = Point::new(x + (d - w) / 2.0, (d - h) / 2.0);
    laid.items.push((at, item));
    Ok(d.max(h))
}
