//! Pictures that grow: a `picture` or `row` block with a `max-width`
//! beyond its width takes the room its page leaves, up to that width,
//! before the page's `spacing` shares out what is still left. Every such
//! picture on the page grows by the same share of its own range, the
//! largest share that still fits the page as designed; a page that does
//! not fit even at the pictures' own widths is laid out as before (with
//! its `fit` strategies), its pictures not grown.

use crate::diag::Diagnostic;
use crate::geom::Abs;
use crate::resolve::Page;

use super::blocks::{self, BlockContext};
use super::flow;
use super::frame::Frame;

/// [`flow::page`], with the page's growing pictures as large as fit.
pub(super) fn page(page: &Page, cx: &BlockContext, bleed: Abs) -> Result<Frame, Vec<Diagnostic>> {
    let mut probe = page.clone();
    if !probe
        .blocks
        .iter_mut()
        .any(|b| blocks::growing_picture(cx, b).is_some())
    {
        return flow::page(page, cx, bleed);
    }
    // `share` of the way from each picture's width to its `max-width`,
    // laid out as designed (no fit strategy makes room for a picture).
    let at = |share: f64| {
        let mut grown = Page {
            fit: crate::model::Fit::none(),
            ..page.clone()
        };
        for b in &mut grown.blocks {
            if let Some((spec, now)) = blocks::growing_picture(cx, b) {
                let most = spec.max_width.unwrap_or(now);
                spec.width = Some(now + (most - now) * share);
            }
        }
        grown
    };
    let fits = |share: f64| flow::page(&at(share), cx, bleed).is_ok();
    if !fits(0.0) {
        return flow::page(page, cx, bleed);
    }
    let share = if fits(1.0) {
        1.0
    } else {
        let (mut lo, mut hi) = (0.0, 1.0);
        for _ in 0..7 {
            let mid = (lo + hi) / 2.0;
            if fits(mid) { lo = mid } else { hi = mid }
        }
        lo
    };
    flow::page(&at(share), cx, bleed)
}
