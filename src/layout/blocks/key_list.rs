//! `kind = "key-list"`: terms with a coloured tile and an explanation.

use super::{BlockContext, Laid, ink_on};
use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::layout::fonts::FontId;
use crate::layout::frame::{FrameItem, Geometry, Group, Role, Shape};
use crate::layout::text::{TextSpec, Wrap};
use crate::resolve::{Block, RichText, Run, TextStyle};

/// Rows of: a coloured tile with the term's initial, the term in bold in
/// the tile's colour, and its explanation below.
pub(super) fn lay(
    cx: &BlockContext,
    items: &[(RichText, RichText, Colour)],
    ink: Colour,
    block: &Block,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let body = cx.spec(TextStyle::Body);
    let term_spec = TextSpec { bold: true, ..body };
    let line = body.size * body.leading;
    let tile = line * 2.0;
    let indent = tile + body.size * 0.9;
    let text_width = cx.width - indent;
    let row_gap = line * 0.2;
    // Read as a list of terms (labels) and explanations; the tiles and
    // their initials are decoration.
    let mut list = Vec::new();
    for (i, (term, text, colour)) in items.iter().enumerate() {
        if i > 0 {
            laid.height += row_gap;
        }
        let top = laid.height;
        tile_with_initial(cx, term, *colour, (top, tile), block, laid)?;
        let mut li = Vec::new();
        let t = cx.set(term, term_spec, text_width, block)?;
        t.place_as(Role::Lbl, Point::new(indent, top), *colour, &mut li);
        let e = cx.set_as(text, body, text_width, block, Wrap::NoWidow)?;
        e.place_as(
            Role::LBody,
            Point::new(indent, top + t.height()),
            ink,
            &mut li,
        );
        list.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::LI, li)),
        ));
        laid.height = top + (t.height() + e.height()).max(tile);
    }
    laid.items.push((
        Point::default(),
        FrameItem::Group(Group::tagged(Role::L, list)),
    ));
    Ok(())
}

/// A `tile`-square tile in `colour` at `top` with the term's initial
/// centred on it, both decoration.
fn tile_with_initial(
    cx: &BlockContext,
    term: &RichText,
    colour: Colour,
    (top, tile): (Abs, Abs),
    block: &Block,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    laid.items.push((
        Point::new(Abs::ZERO, top),
        FrameItem::Shape(Shape::filled(
            Geometry::Rect {
                size: Size::new(tile, tile),
                radius: tile * 0.18,
            },
            colour,
        )),
    ));
    let Some(initial) = term.plain().chars().next() else {
        return Ok(());
    };
    let letter_spec = TextSpec::new(tile * 0.62, 1.0, true);
    let cap = cx.faces.metrics(FontId::Bold).cap_height;
    let letter = RichText {
        runs: vec![Run::new(initial.to_string(), true)],
        span: term.span.clone(),
    };
    let l = cx.set(&letter, letter_spec, tile, block)?;
    // Centre the capital's box in the tile.
    let x = (tile - l.width()) / 2.0;
    let baseline = top + (tile + cap.at(letter_spec.size)) / 2.0;
    l.place_as(
        Role::Artifact,
        Point::new(x, baseline - l.first_baseline()),
        ink_on(colour),
        &mut laid.items,
    );
    Ok(())
}
