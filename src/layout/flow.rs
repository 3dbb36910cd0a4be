//! Placing laid-out blocks on a page: top blocks stack down from the top
//! margin, bottom blocks stack up from the bottom margin, and the two stacks
//! must not meet. Colour bands span the page and run into the bleed.

use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::model::Anchor;
use crate::resolve::{Block, Page};

use super::blocks::{BlockContext, Laid};
use super::fit::Relax;
use super::frame::{Frame, FrameItem, Geometry, Shape};

/// Lays out one page: as designed, or else with the page's fit strategies
/// gone as far as the first step that fits (see [`super::fit`]). An Easy
/// Read page whose every sentence starts a line tries its steps again
/// with the sentences run on, when none fits as it is. When no step fits,
/// the errors are those of the last step, naming the area data that grew.
pub fn page(page: &Page, cx: &BlockContext, bleed: Abs) -> Result<Frame, Vec<Diagnostic>> {
    let mut errors = match as_relaxed(page, cx, bleed) {
        Ok(frame) => return Ok(frame),
        Err(e) => e,
    };
    let sizes = cx.relax.sizes.unwrap_or(cx.doc.type_sizes);
    let mut last = *cx;
    let hopeless = far_too_much(page, cx);
    let steps = if hopeless {
        Vec::new()
    } else {
        super::fit::steps(page, sizes)
    };
    let run_on = cx.doc.sentence_lines && !hopeless;
    let again = std::iter::once(cx.relax)
        .chain(steps.iter().copied())
        .filter(|_| run_on)
        .map(|r| Relax { run_on: true, ..r });
    for relax in steps.iter().copied().chain(again) {
        last = cx.relaxed(relax);
        match as_relaxed(page, &last, bleed) {
            Ok(frame) => return Ok(frame),
            Err(e) => errors = e,
        }
    }
    let errors = blame(errors, page);
    // Far too much content: no page holds more than a few hundred
    // contacts, so the search for a count that fits looks no further.
    let most = if hopeless { 200 } else { usize::MAX };
    Err(match count_that_fits(page, &last, bleed, most) {
        Some(n) => errors
            .into_iter()
            .map(|d| {
                d.with_hint(format!(
                    "with `count = {n}` on its contacts block the page fits"
                ))
            })
            .collect(),
        None => errors,
    })
}

/// Whether the page's contacts, at a line each, are more than four pages
/// tall: no strategy makes that fit (two columns halve the height, the
/// type steps down by a quarter at most), so none is tried.
fn far_too_much(page: &Page, cx: &BlockContext) -> bool {
    let body = cx.spec(crate::resolve::TextStyle::Body);
    let lines: usize = page
        .blocks
        .iter()
        .filter_map(|b| match &b.content {
            crate::resolve::Content::Contacts(e) => Some(e.entries.len()),
            _ => None,
        })
        .sum();
    body.size * body.leading * lines as f64 > cx.size.h * 4.0
}

/// The most contacts each contacts block may print for the page to fit,
/// if printing fewer makes it fit at all.
fn count_that_fits(page: &Page, cx: &BlockContext, bleed: Abs, cap: usize) -> Option<usize> {
    let most = page
        .blocks
        .iter()
        .filter_map(|b| match &b.content {
            crate::resolve::Content::Contacts(e) => Some(e.entries.len()),
            _ => None,
        })
        .max()?
        .min(cap);
    let fits = |n: usize| {
        let mut fewer = page.clone();
        for b in &mut fewer.blocks {
            if let crate::resolve::Content::Contacts(e) = &mut b.content {
                e.entries.truncate(n);
            }
        }
        as_relaxed(&fewer, cx, bleed).is_ok()
    };
    if most < 2 || !fits(1) {
        return None;
    }
    // Fewer contacts never take more room: search for the most that fit.
    let (mut lo, mut hi) = (1, most);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// Lays out one page with the fit strategies as far as `cx` says.
fn as_relaxed(page: &Page, cx: &BlockContext, bleed: Abs) -> Result<Frame, Vec<Diagnostic>> {
    let doc = cx.doc;
    let body = cx.spec(crate::resolve::TextStyle::Body);
    let m = Metrics {
        size: cx.size,
        margin: doc.margin,
        gap: body.size * body.leading * 0.6 * (1.0 - cx.relax.gap_cut),
        extra: Abs::ZERO,
        lead: Abs::ZERO,
        pad: doc.margin * 0.5,
        bleed,
        by_section: false,
    };
    let mut frame = Frame {
        size: m.size,
        bleed,
        items: Vec::new(),
        folds: Vec::new(),
        turned: false,
    };
    let background = page.background.unwrap_or(doc.paper);
    frame
        .items
        .push(band(-bleed, m.size.h + bleed, m.size, bleed, background));

    let (top, bottom) = lay_blocks(page, cx)?;
    let m = Metrics {
        by_section: by_section(page, &top),
        ..m
    };
    let (placed_bottom, bottom_limit) =
        m.stack_bottom(&bottom, m.size.h - m.margin - cx.footer, &mut frame)?;
    let limit = if placed_bottom.is_empty() {
        bottom_limit
    } else {
        bottom_limit - m.gap
    };
    let extra = extra_gap(page, &m, &top, !placed_bottom.is_empty(), limit)?;
    let lead = match page.spacing {
        crate::model::Spacing::Centre => left_over(&m, &top, limit)? * 0.5,
        crate::model::Spacing::Distribute if lone(&top, !placed_bottom.is_empty()) => {
            left_over(&m, &top, limit)? * 0.5
        }
        _ => Abs::ZERO,
    };
    let mut placed = Metrics { extra, lead, ..m }
        .stack_top(&top, limit, &mut frame)?
        .0;
    placed.extend(placed_bottom);
    placed.sort_by_key(|p| p.0);
    for (_, at, laid) in placed {
        place(&mut frame, laid, at);
    }
    Ok(frame)
}

/// What `spacing = "distribute"` adds to the usual gap between two top
/// blocks: an equal share of the height left between the top stack and
/// `limit`, up to the page's `max-gap`. A heading keeps to the block after
/// it, and the bottom stack, if any, takes a share above it.
fn extra_gap(
    page: &Page,
    m: &Metrics,
    top: &[Stacked<'_>],
    has_bottom: bool,
    limit: Abs,
) -> Result<Abs, Vec<Diagnostic>> {
    if page.spacing != crate::model::Spacing::Distribute {
        return Ok(Abs::ZERO);
    }
    let left = left_over(m, top, limit)?;
    let shown: Vec<&Block> = top
        .iter()
        .filter(|(_, _, laid)| laid.is_some())
        .map(|(_, b, _)| *b)
        .collect();
    let between: f64 = shown
        .windows(2)
        .map(|w| spread(w[0], w[1], m.by_section))
        .sum();
    let slots = between + f64::from(u8::from(has_bottom && !shown.is_empty()));
    if slots == 0.0 {
        return Ok(Abs::ZERO);
    }
    let share = left * (1.0 / slots);
    Ok(share.min(page.max_gap - m.gap).max(Abs::ZERO))
}

/// Whether the top stack is one block, not a banner nor on a band of
/// colour, above a bottom stack: with distributed spacing it then stands
/// in the middle of the space the bottom stack leaves (a quote on a back
/// panel), instead of leaving all of it below.
fn lone(top: &[Stacked<'_>], has_bottom: bool) -> bool {
    let mut shown = top.iter().filter(|(_, _, laid)| laid.is_some());
    let alone = match (shown.next(), shown.next()) {
        (Some((_, b, Some(laid))), None) => {
            laid.band.is_none() && !matches!(b.content, crate::resolve::Content::Banner { .. })
        }
        _ => false,
    };
    has_bottom && alone
}

/// The height left between the top stack, stacked as `m` says, and
/// `limit`.
fn left_over(m: &Metrics, top: &[Stacked<'_>], limit: Abs) -> Result<Abs, Vec<Diagnostic>> {
    let mut scratch = Frame {
        size: m.size,
        bleed: m.bleed,
        items: Vec::new(),
        folds: Vec::new(),
        turned: false,
    };
    let (_, end) = m.stack_top(top, limit, &mut scratch)?;
    Ok((limit - end).max(Abs::ZERO))
}

/// How much of a share of distributed space opens between `block` and
/// `next`: none after a heading, which belongs with what follows it, nor
/// after a spacer (the space before it has opened already). With
/// `by_section`, a full share only before a spacer (between sections) and
/// [`IN_SECTION`] of one between the blocks of a section, so each
/// section's blocks read as one group.
fn spread(block: &Block, next: &Block, by_section: bool) -> f64 {
    let spacer = |b: &Block| matches!(b.content, crate::resolve::Content::Spacer { .. });
    if matches!(block.content, crate::resolve::Content::Heading { .. }) || spacer(block) {
        0.0
    } else if by_section && !spacer(next) {
        IN_SECTION
    } else {
        1.0
    }
}

/// The share of distributed space between two blocks of one section, on a
/// panel of several sections.
const IN_SECTION: f64 = 1.0 / 3.0;

/// Whether distributed space on `page` opens mostly between its sections
/// ([`spread`]): on a panel of a `flow` page that holds more than one
/// section (the spacers [`super::pour`] puts between them), so that an
/// idea laid out as two rows reads as one. A panel of one section spreads
/// evenly between its blocks.
fn by_section(page: &Page, top: &[Stacked<'_>]) -> bool {
    page.flow
        && top.iter().any(|(_, b, laid)| {
            laid.is_some() && matches!(b.content, crate::resolve::Content::Spacer { .. })
        })
}

/// A block with its index in the page's source order and its layout
/// (`None` when it shows nothing).
type Stacked<'a> = (usize, &'a Block, Option<Laid>);

/// A laid-out block placed at a point on the page, with its source index.
type Placed<'a> = (usize, Point, &'a Laid);

/// Lays out the page's top and bottom blocks, in source order; every
/// error when any fails.
fn lay_blocks<'a>(
    page: &'a Page,
    cx: &BlockContext,
) -> Result<(Vec<Stacked<'a>>, Vec<Stacked<'a>>), Vec<Diagnostic>> {
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
    let mut stack = |anchor: Anchor| -> Vec<Stacked<'a>> {
        page.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.anchor == anchor)
            .map(|(i, b)| (i, b, lay(b)))
            .collect()
    };
    let mut top = stack(Anchor::Top);
    let bottom = stack(Anchor::Bottom);
    if !errors.is_empty() {
        return Err(errors);
    }
    if page.grid {
        on_one_pitch(&mut top);
    }
    Ok((top, bottom))
}

/// Makes every `row` block as tall as the tallest (its content stays at
/// its top), so that, with equal gaps, the rows fall on one pitch.
fn on_one_pitch(blocks: &mut [Stacked<'_>]) {
    let is_row = |b: &Block| matches!(b.content, crate::resolve::Content::Row { .. });
    let pitch = blocks
        .iter()
        .filter(|(_, b, _)| is_row(b))
        .filter_map(|(_, _, laid)| laid.as_ref().map(|l| l.height))
        .fold(Abs::ZERO, Abs::max);
    for (_, block, laid) in blocks.iter_mut() {
        if let Some(laid) = laid
            && is_row(block)
        {
            laid.height = pitch;
        }
    }
}

/// The page's sizes that stacking reads.
struct Metrics {
    size: Size,
    margin: Abs,
    /// Space between blocks.
    gap: Abs,
    /// Added to `gap` between top blocks that spread (`spacing =
    /// "distribute"`).
    extra: Abs,
    /// Space above the first top block (`spacing = "centre"`).
    lead: Abs,
    /// Colour above and below the text of a band.
    pad: Abs,
    bleed: Abs,
    /// Distributed space opens mostly between sections ([`by_section`]).
    by_section: bool,
}

impl Metrics {
    /// Stacks the bottom blocks up from `y` (above the footer), the last
    /// block lowest, adding their bands to `frame`. Returns where they are
    /// placed and the top of the stack; an error when it runs past the top
    /// margin.
    fn stack_bottom<'a>(
        &self,
        bottom: &'a [Stacked<'a>],
        mut y: Abs,
        frame: &mut Frame,
    ) -> Result<(Vec<Placed<'a>>, Abs), Vec<Diagnostic>> {
        let Metrics {
            size,
            margin,
            gap,
            pad,
            bleed,
            ..
        } = *self;
        let mut placed = Vec::new();
        let mut highest = None;
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
                // A band at the foot of the page gets as much colour above
                // the text as below it, so the text sits in its middle.
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
            placed.push((*index, Point::new(margin, block_top), laid));
            highest = Some(*block);
        }
        if y < margin
            && let Some(block) = highest
        {
            return Err(vec![overflow(block, margin - y)]);
        }
        Ok((placed, y))
    }

    /// Stacks the top blocks down from the top margin, adding their bands
    /// to `frame`; an error when one runs past `limit`. Returns where they
    /// are placed and the foot of the stack.
    fn stack_top<'a>(
        &self,
        top: &'a [Stacked<'a>],
        limit: Abs,
        frame: &mut Frame,
    ) -> Result<(Vec<Placed<'a>>, Abs), Vec<Diagnostic>> {
        let Metrics {
            size,
            margin,
            gap,
            extra,
            lead,
            pad,
            bleed,
            by_section,
        } = *self;
        let mut y = margin + lead;
        let mut placed = Vec::new();
        let mut previous: Option<&Block> = None;
        for (i, (index, block, laid)) in top.iter().enumerate() {
            let Some(laid) = laid else { continue };
            let first = i == 0;
            if !first {
                y += gap;
            }
            if let Some(p) = previous {
                y += extra * spread(p, block, by_section);
            }
            previous = Some(block);
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
            if y > limit + Abs::pt(0.01) {
                return Err(vec![overflow(block, y - limit)]);
            }
        }
        Ok((placed, y))
    }
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

/// A page that does not fit names, in the area file, the last contact of
/// each contacts block on it and the logo, if it prints one: the area's
/// data, not the design, is usually what grew. It also says which fit
/// strategies the page tried.
fn blame(errors: Vec<Diagnostic>, page: &Page) -> Vec<Diagnostic> {
    let logo = page.blocks.iter().find_map(|b| match &b.content {
        crate::resolve::Content::PreparedBy {
            logo_at: Some(at), ..
        }
        | crate::resolve::Content::Logo { logo_at: at, .. } => Some(at.clone()),
        _ => None,
    });
    let tried = tried(page);
    blame_contacts(errors, page)
        .into_iter()
        .map(|mut d| {
            if let Some(at) = &logo {
                d = d.with_related(at.clone(), "the area's logo, printed on this page");
            }
            if let Some(t) = &tried {
                d = d.with_hint(t.clone());
            }
            d
        })
        .collect()
}

/// What the page's fit strategies tried, in words; `None` when it has
/// none.
fn tried(page: &Page) -> Option<String> {
    if page.fit.order.is_empty() {
        return Some(
            "the page's `fit = []` tries nothing; leave `fit` out to let layout close gaps, use two columns, shrink the logo and step the type down".to_owned(),
        );
    }
    let names: Vec<&str> = page
        .fit
        .order
        .iter()
        .map(|s| match s {
            crate::model::FitStrategy::Spacing => "closer spacing",
            crate::model::FitStrategy::Columns => "two columns of contacts",
            crate::model::FitStrategy::Logo => "a smaller logo",
            crate::model::FitStrategy::Type => "smaller type",
            crate::model::FitStrategy::Fewer => "only one contact a block",
        })
        .collect();
    Some(format!(
        "it does not fit even with {} (the page's `fit`); the type stops at `min-size` = {:.1} pt and the logo at `min-logo` = {:.0} mm",
        names.join(", "),
        page.fit.min_size.to_pt(),
        page.fit.min_logo.to_mm()
    ))
}

/// The last contact of each contacts block, in the area file.
fn blame_contacts(errors: Vec<Diagnostic>, page: &Page) -> Vec<Diagnostic> {
    let lists: Vec<&crate::resolve::Entries> = page
        .blocks
        .iter()
        .filter_map(|b| match &b.content {
            crate::resolve::Content::Contacts(e) => Some(e),
            _ => None,
        })
        .collect();
    errors
        .into_iter()
        .map(|mut d| {
            for list in &lists {
                let Some(span) = list.entries.last().and_then(|e| e.span.clone()) else {
                    continue;
                };
                let n = list.entries.len();
                d = d.with_related(
                    span,
                    format!("the last of the {n} area contacts this page prints"),
                );
            }
            if !lists.is_empty() {
                d = d.with_hint(
                    "or print fewer of the area's contacts here: give the block a `count`, or give these contacts a tag of their own",
                );
            }
            d
        })
        .collect()
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
