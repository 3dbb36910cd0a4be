//! `kind = "cards"`: cards in a grid.

use super::{BlockContext, Laid};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::layout::frame::{FrameItem, Geometry, Role, Shape};
use crate::layout::text::Wrap;
use crate::resolve::{Block, RichText, TextStyle};

/// Cards in a grid: a tinted rounded panel with an accent bar, a bold
/// title in the accent colour and the text below.
pub(super) fn lay(
    cx: &BlockContext,
    cards: &[(RichText, RichText, Colour)],
    columns: usize,
    ink: Colour,
    block: &Block,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let body = cx.spec(TextStyle::Body);
    let heading = cx.spec(TextStyle::Heading);
    let gutter = body.size * 1.4;
    let pad = body.size * 1.0;
    let bar = body.size * 0.45;
    let cols = columns.max(1);
    let card_w = (cx.width - gutter * (cols - 1) as f64) / cols as f64;
    let text_w = card_w - pad * 2.0 - bar;
    let mut y = Abs::ZERO;
    for row in cards.chunks(cols) {
        let mut laid_cards = Vec::new();
        let mut row_h = Abs::ZERO;
        for (title, text, colour) in row {
            let t = cx.set_as(title, heading, text_w, block, Wrap::Balance)?;
            let b = cx.set_as(text, body, text_w, block, Wrap::NoWidow)?;
            let h = pad * 2.0 + t.height() + body.size * 0.3 + b.height();
            row_h = row_h.max(h);
            laid_cards.push((t, b, *colour));
        }
        for (i, (t, b, colour)) in laid_cards.into_iter().enumerate() {
            let x = (card_w + gutter) * i as f64;
            laid.items.push((
                Point::new(x, y),
                FrameItem::Shape(Shape::filled(
                    Geometry::Rect {
                        size: Size::new(card_w, row_h),
                        radius: pad * 0.8,
                    },
                    colour.tint(0.9),
                )),
            ));
            laid.items.push((
                Point::new(x, y),
                FrameItem::Shape(Shape::filled(
                    Geometry::Rect {
                        size: Size::new(bar, row_h),
                        radius: bar * 0.5,
                    },
                    colour,
                )),
            ));
            let tx = x + bar + pad;
            t.place_as(Role::H3, Point::new(tx, y + pad), colour, &mut laid.items);
            b.place_as(
                Role::P,
                Point::new(tx, y + pad + t.height() + body.size * 0.3),
                ink,
                &mut laid.items,
            );
        }
        y += row_h + gutter;
    }
    laid.height = y - gutter;
    Ok(())
}
