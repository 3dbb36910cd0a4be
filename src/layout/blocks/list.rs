//! `kind = "list"`: bullet points with a hanging indent, tagged as a list.

use super::{BlockContext, Laid};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::frame::{FrameItem, Group, Role};
use crate::layout::text::Wrap;
use crate::resolve::{Block, RichText, Run, TextStyle};

/// The list's bullet points at the full width.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    items: &[RichText],
    colour: Colour,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    laid.height = bullets(
        cx,
        items,
        colour,
        Point::default(),
        cx.width,
        block,
        &mut laid.items,
    )?;
    Ok(())
}

/// Bullet points with a hanging indent; returns the height.
pub(super) fn bullets(
    cx: &BlockContext,
    items: &[RichText],
    colour: Colour,
    at: Point,
    width: Abs,
    block: &Block,
    out: &mut Vec<(Point, FrameItem)>,
) -> Result<Abs, Diagnostic> {
    let body = cx.spec(TextStyle::Body);
    let indent = body.size * 1.1;
    let gap = body.size * body.leading * 0.25;
    let bullet = RichText {
        runs: vec![Run::new("•".to_owned(), true)],
        span: None,
    };
    let mut y = Abs::ZERO;
    let mut list = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            y += gap;
        }
        let mut li = Vec::new();
        let b = cx.set(&bullet, body, indent, block)?;
        b.place_as(Role::Lbl, Point::new(at.x, at.y + y), colour, &mut li);
        let p = cx.set_as(item, body, width - indent, block, Wrap::NoWidow)?;
        p.place_as(
            Role::LBody,
            Point::new(at.x + indent, at.y + y),
            colour,
            &mut li,
        );
        list.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::LI, li)),
        ));
        y += p.height();
    }
    out.push((
        Point::default(),
        FrameItem::Group(Group::tagged(Role::L, list)),
    ));
    Ok(y)
}
