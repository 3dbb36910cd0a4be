//! Placing laid-out blocks on a page: top blocks stack down from the top
//! margin, bottom blocks stack up from the bottom margin, and the two stacks
//! must not meet. Colour bands span the page and run into the bleed.

use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::model::Anchor;
use crate::resolve::{Block, Page};

use super::blocks::{BlockContext, Laid};
use super::frame::{Frame, FrameItem, Geometry, Shape};

/// Lays out one page.
pub fn page(page: &Page, cx: &BlockContext, bleed: Abs) -> Result<Frame, Vec<Diagnostic>> {
    let doc = cx.doc;
    let size = doc.trim;
    let margin = doc.margin;
    let body = cx.spec(crate::resolve::TextStyle::Body);
    let gap = body.size * body.leading * 0.6;
    let pad = margin * 0.5;

    let mut frame = Frame {
        size,
        bleed,
        items: Vec::new(),
        folds: Vec::new(),
    };
    let background = page.background.unwrap_or(doc.paper);
    frame
        .items
        .push(band(-bleed, size.h + bleed, size, bleed, background));

    let mut errors = Vec::new();
    let mut lay = |b: &Block| match cx.lay(b) {
        Ok(l) => Some(l),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    // Each block keeps its index in the source: blocks are placed in that
    // order (after all bands), which is the reading order.
    let top: Vec<(usize, &Block, Option<Laid>)> = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.anchor == Anchor::Top)
        .map(|(i, b)| (i, b, lay(b)))
        .collect();
    let bottom: Vec<(usize, &Block, Option<Laid>)> = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.anchor == Anchor::Bottom)
        .map(|(i, b)| (i, b, lay(b)))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }

    // Bottom stack, from the last block up, above the footer.
    let mut y = size.h - margin - cx.footer;
    let mut placed_bottom = Vec::new();
    for (i, (index, block, laid)) in bottom.iter().rev().enumerate() {
        let Some(laid) = laid else { continue };
        if i > 0 {
            y -= gap;
        }
        let last = i == 0;
        if laid.band.is_some() && !last {
            y -= pad;
        }
        let block_top = y - laid.height;
        if let Some(fill) = laid.band {
            // A band at the foot of the page gets as much colour above the
            // text as below it, so the text sits in its middle.
            let (band_bottom, above) = if last {
                (size.h + bleed, margin)
            } else {
                (y + pad, pad)
            };
            frame
                .items
                .push(band(block_top - above, band_bottom, size, bleed, fill));
            y = block_top - above;
        } else {
            y = block_top;
        }
        placed_bottom.push((*index, block, block_top, laid));
    }
    let bottom_limit = y;
    if bottom_limit < margin
        && let Some((_, block, _, _)) = placed_bottom.last()
    {
        return Err(vec![overflow(block, margin - bottom_limit)]);
    }

    // Top stack.
    let mut y = margin;
    let mut placed: Vec<(usize, Point, &Laid)> = Vec::new();
    for (i, (index, block, laid)) in top.iter().enumerate() {
        let Some(laid) = laid else { continue };
        let first = i == 0;
        if !first {
            y += gap;
        }
        if let Some(fill) = laid.band {
            if !first {
                y += pad;
            }
            let band_top = if first { -bleed } else { y - pad };
            frame
                .items
                .push(band(band_top, y + laid.height + pad, size, bleed, fill));
        }
        placed.push((*index, Point::new(margin, y), laid));
        y += laid.height;
        if laid.band.is_some() {
            y += pad;
        }
        let limit = if placed_bottom.is_empty() {
            bottom_limit
        } else {
            bottom_limit - gap
        };
        if y > limit + Abs::pt(0.01) {
            return Err(vec![overflow(block, y - limit)]);
        }
    }
    placed.extend(
        placed_bottom
            .into_iter()
            .map(|(index, _, top, laid)| (index, Point::new(margin, top), laid)),
    );
    placed.sort_by_key(|p| p.0);
    for (_, at, laid) in placed {
        place(&mut frame, laid, at);
    }
    Ok(frame)
}

/// Moves a block's items to `at`.
fn place(frame: &mut Frame, laid: &Laid, at: Point) {
    frame
        .items
        .extend(laid.items.iter().map(|(p, item)| (at + *p, item.clone())));
}

/// A full-width rectangle from `top` to `bottom` that runs into the bleed on
/// the left and right.
fn band(
    top: Abs,
    bottom: Abs,
    size: Size,
    bleed: Abs,
    fill: crate::colour::Colour,
) -> (Point, FrameItem) {
    (
        Point::new(-bleed, top),
        FrameItem::Shape(Shape::filled(
            Geometry::Rect {
                size: Size::new(size.w + bleed * 2.0, bottom - top),
                radius: Abs::ZERO,
            },
            fill,
        )),
    )
}

/// The error for a block that does not fit on its page.
fn overflow(block: &Block, by: Abs) -> Diagnostic {
    Diagnostic::error(
        block.span.clone(),
        format!(
            "{} does not fit on the page: the content is {by} too tall",
            block.label
        ),
    )
    .with_hint("shorten the text, show fewer contacts (use `tags`), or make the type smaller")
}
