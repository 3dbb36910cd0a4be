//! `kind = "row"`: a picture on the left; heading, text and bullet points
//! on the right, in the middle of the picture's height when they are
//! shorter than it.

use super::{BlockContext, Laid, list};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::frame::Role;
use crate::layout::pictures;
use crate::layout::text::{TextSpec, Wrap};
use crate::resolve::{Block, PictureSpec, RichText, TextStyle};

/// The width of the picture column: `width` (default 22 % of the
/// column), at most 40 % of it.
pub(super) fn picture_width(cx: &BlockContext, picture: &PictureSpec) -> Abs {
    picture.width.unwrap_or(cx.width * 0.22).min(cx.width * 0.4)
}

/// A picture on the left; heading, text and bullets on the right.
#[allow(clippy::too_many_arguments)]
pub(super) fn lay(
    cx: &BlockContext,
    picture: &PictureSpec,
    [label, heading, text]: [Option<&RichText>; 3],
    items: &[RichText],
    (colour, ink): (Colour, Colour),
    block: &Block,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let body = cx.spec(TextStyle::Body);
    let pic_w = picture_width(cx, picture);
    let gap = body.size * 1.2;
    let x = pic_w + gap;
    let w = cx.measured(cx.width - x);
    let (item, pic_h) = pictures::place(cx.pictures, picture, pic_w, block)?;
    let start = laid.items.len();
    let mut y = Abs::ZERO;
    if let Some(l) = label {
        let spec = TextSpec {
            bold: true,
            leading: 1.2,
            ..body
        };
        let p = cx.set_as(l, spec, w, block, Wrap::NoWidow)?;
        p.place_as(Role::P, Point::new(x, y), colour, &mut laid.items);
        y += p.height() + body.size * 0.1;
    }
    if let Some(h) = heading {
        let p = cx.set_as(h, cx.spec(TextStyle::Heading), w, block, Wrap::Balance)?;
        p.place_as(Role::H3, Point::new(x, y), colour, &mut laid.items);
        y += p.height() + body.size * 0.2;
    }
    if let Some(t) = text {
        let p = cx.set_as(t, body, w, block, Wrap::NoWidow)?;
        p.place_as(Role::P, Point::new(x, y), ink, &mut laid.items);
        y += p.height();
    }
    if !items.is_empty() {
        y += body.size * 0.3;
        y += list::bullets(cx, items, ink, Point::new(x, y), w, block, &mut laid.items)?;
    }
    // Words shorter than their picture sit in the middle of its height,
    // so a one-line row reads across to the picture's figure, not its top.
    if y < pic_h {
        let down = Point::new(Abs::ZERO, (pic_h - y) * 0.5);
        for (at, _) in &mut laid.items[start..] {
            *at = *at + down;
        }
    }
    // The picture is read after its heading and text (it does not
    // overlap them, so painting it last changes nothing on paper).
    laid.items.push((Point::default(), item));
    laid.height = y.max(pic_h);
    Ok(())
}
