//! Stage 3: a [`Document`](crate::resolve::Document) becomes [`Frame`]s.
//!
//! Fonts are shaped with rustybuzz, text is broken into lines at Unicode
//! break opportunities, blocks are stacked on each page. Anything that does
//! not fit is an error naming the block and by how much; nothing is clipped
//! or shrunk.

mod blocks;
mod carry;
mod fewer;
mod fit;
mod flow;
mod fonts;
mod frame;
mod grow;
mod impose;
mod pictures;
mod pour;
mod text;

pub use crate::geom::{FillRule, LineCap, LineJoin};
pub use blocks::ink_on;
pub use fewer::layout as layout_fewer;
pub use fonts::{Faces, FontBook, FontId};
pub use frame::{
    Frame, FrameItem, Geometry, Glyph, GlyphText, Group, ImageItem, PathSeg, Role, Shape, Stroke,
    TextItem, visit_items,
};
pub use text::{Paragraph, TextError, TextSpec};

use crate::diag::SourceResult;
use crate::geom::Abs;
use crate::pictures::Pictures;
use crate::resolve::Document;

/// Layout settings that come from the output kind, not the resource.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Bleed beyond the trim on every side.
    pub bleed: Abs,
    /// Impose folded formats (tri-fold, concertina) on the sheet they are
    /// printed on. Off for screen PDFs: their pages are the panels in
    /// reading order.
    pub fold: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            bleed: Abs::mm(3.0),
            fold: true,
        }
    }
}

/// Lays out every page of `doc`: fixed pages as they are, the flow page as
/// as many panels as its sections need (or the format allows), then scales
/// and folds as the format says. A bilingual document's Welsh and English
/// versions are laid out alike and put together as it says
/// ([`impose::pair`]) before folding.
pub fn layout(
    doc: &Document,
    fonts: &FontBook,
    pictures: &Pictures,
    options: &LayoutOptions,
) -> SourceResult<Vec<Frame>> {
    let Some((welsh, pairing)) = &doc.welsh else {
        return lay_version(doc, fonts, pictures, options);
    };
    let unfolded = LayoutOptions {
        fold: false,
        ..*options
    };
    let frames = both_versions(doc, welsh, *pairing, fonts, pictures, &unfolded)?;
    Ok(match doc.fold {
        Some(f) if options.fold => impose::fold(frames, f),
        _ => frames,
    })
}

/// The Welsh and the English version laid out and put together. Each
/// Welsh page and its English page are set in one set of type sizes: when
/// either does not fit, both step down together (half a point of body at a
/// time, never below that page's `min-size`), so the two languages never
/// differ in size on a page, and a page that fits as designed keeps its
/// sizes whatever its neighbours need.
fn both_versions(
    doc: &Document,
    welsh: &Document,
    pairing: crate::model::Pairing,
    fonts: &FontBook,
    pictures: &Pictures,
    options: &LayoutOptions,
) -> SourceResult<Vec<Frame>> {
    // Each page's own steps, down to its own `min-size`.
    let steps: Vec<Vec<_>> = doc
        .pages
        .iter()
        .map(|p| {
            let fit = crate::model::Fit {
                min_size: p.fit.min_size,
                ..crate::model::Fit::none()
            };
            std::iter::once(doc.type_sizes)
                .chain(fit::stepped(doc.type_sizes, &fit))
                .collect()
        })
        .collect();
    let plain = |d: &Document| Document {
        welsh: None,
        ..d.clone()
    };
    let (cy_doc, en_doc) = (plain(welsh), plain(doc));
    // Which step each page is at, and the errors of its first try.
    let mut at = vec![0; doc.pages.len()];
    let mut first_errors: Vec<Option<Vec<crate::diag::Diagnostic>>> = vec![None; at.len()];
    loop {
        let sizes: Vec<_> = at.iter().zip(&steps).map(|(&i, s)| s[i]).collect();
        let cy = lay_pages(&cy_doc, &sizes, fonts, pictures, options);
        let en = lay_pages(&en_doc, &sizes, fonts, pictures, options);
        let mut failed = false;
        for (k, (c, e)) in cy.iter().zip(&en).enumerate() {
            if c.is_ok() && e.is_ok() {
                continue;
            }
            failed = true;
            let cy_errors = c.as_ref().err().into_iter().flatten().map(|e| {
                e.clone().with_hint(
                    "this is the Welsh version of the page: the Welsh takes more room than the English",
                )
            });
            let errors = cy_errors.chain(e.as_ref().err().into_iter().flatten().cloned());
            let first = first_errors[k].get_or_insert_with(|| errors.collect());
            at[k] += 1;
            if at[k] == steps[k].len() {
                return Err(std::mem::take(first));
            }
        }
        if !failed {
            let smallest = sizes
                .iter()
                .copied()
                .min_by(|a, b| a.body.to_pt().total_cmp(&b.body.to_pt()));
            let finish = |d: &Document, pages| {
                let numbers = Document {
                    type_sizes: smallest.unwrap_or(d.type_sizes),
                    ..d.clone()
                };
                finish_version(&numbers, pages, fonts, pictures, options)
            };
            let cy = finish(&cy_doc, cy)?;
            let en = finish(&en_doc, en)?;
            return Ok(impose::pair(cy, en, pairing));
        }
    }
}

/// Lays out one language version of a document.
fn lay_version(
    doc: &Document,
    fonts: &FontBook,
    pictures: &Pictures,
    options: &LayoutOptions,
) -> SourceResult<Vec<Frame>> {
    let sizes = vec![doc.type_sizes; doc.pages.len()];
    let pages = lay_pages(doc, &sizes, fonts, pictures, options);
    finish_version(doc, pages, fonts, pictures, options)
}

/// Lays out each page of one language version, page `k` in the type sizes
/// `sizes[k]`: its frames (a flow page makes one per panel) or its errors.
fn lay_pages(
    doc: &Document,
    sizes: &[crate::model::TypeSizes],
    fonts: &FontBook,
    pictures: &Pictures,
    options: &LayoutOptions,
) -> Vec<SourceResult<Vec<Frame>>> {
    let faces = fonts.faces();
    let fixed = doc.pages.iter().filter(|p| !p.flow).count();
    let flow_panels = doc.page_count.map(|n| n.saturating_sub(fixed));
    // Panels that fold are not all equal (a roll fold's tuck-in panel is
    // narrower); pages that do not fold are the trim size.
    let widths = match (options.fold, doc.page_count) {
        (true, Some(n)) => impose::panel_widths(doc.fold, n, doc.trim.w),
        _ => Vec::new(),
    };
    let mut panels = 0;
    let mut out = Vec::with_capacity(doc.pages.len());
    for (page, &type_sizes) in doc.pages.iter().zip(sizes) {
        let resized;
        let doc = if type_sizes == doc.type_sizes {
            doc
        } else {
            resized = Document {
                type_sizes,
                ..doc.clone()
            };
            &resized
        };
        let cx = context(doc, &faces, pictures);
        let cx_at = |i: usize| widths.get(i).map_or(cx, |&w| cx.for_width(w));
        let laid = if page.flow {
            pour::pour(
                doc,
                page,
                &|i| cx_at(panels + i),
                options.bleed,
                flow_panels,
            )
        } else {
            grow::page(page, &cx_at(panels), options.bleed).map(|f| vec![f])
        };
        panels += laid.as_ref().map_or(0, Vec::len);
        out.push(laid);
    }
    out
}

/// The context a page of `doc` is laid out in, before its fit strategies.
fn context<'a>(
    doc: &'a Document,
    faces: &'a Faces<'a>,
    pictures: &'a Pictures,
) -> blocks::BlockContext<'a> {
    let body = doc.type_sizes.body * doc.type_sizes.leading;
    blocks::BlockContext {
        doc,
        size: doc.trim,
        faces,
        width: doc.trim.w - doc.margin * 2.0,
        pictures,
        footer: if doc.page_numbers {
            body * 1.6
        } else {
            Abs::ZERO
        },
        relax: fit::Relax::default(),
    }
}

/// One version's pages put together: the page count checked, the pages
/// numbered (in `doc`'s body size), scaled and folded as the format says.
fn finish_version(
    doc: &Document,
    pages: Vec<SourceResult<Vec<Frame>>>,
    fonts: &FontBook,
    pictures: &Pictures,
    options: &LayoutOptions,
) -> SourceResult<Vec<Frame>> {
    let mut frames = Vec::new();
    let mut errors = Vec::new();
    for page in pages {
        match page {
            Ok(f) => frames.extend(f),
            Err(e) => errors.extend(e),
        }
    }
    if let Some(n) = doc.page_count
        && errors.is_empty()
        && frames.len() != n
    {
        errors.push(
            crate::diag::Diagnostic::error(
                None,
                format!(
                    "the format has {n} pages but the design makes {}",
                    frames.len()
                ),
            )
            .with_hint(
                "add a page with `flow = true` for the sections, or change the format's `pages`",
            ),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if doc.page_numbers {
        let faces = fonts.faces();
        let cx = context(doc, &faces, pictures);
        number_pages(&mut frames, doc, &cx).map_err(|e| vec![e])?;
    }
    let mut frames = impose::scale(frames, doc.trim, doc.output_trim);
    frame::fix_heading_levels(&mut frames);
    Ok(match doc.fold {
        Some(f) if options.fold => impose::fold(frames, f),
        _ => frames,
    })
}

/// Writes "Page N of M" in the footer strip of every page.
fn number_pages(
    frames: &mut [Frame],
    doc: &Document,
    cx: &blocks::BlockContext,
) -> Result<(), crate::diag::Diagnostic> {
    let total = frames.len();
    let spec = cx.spec(crate::resolve::TextStyle::Body);
    for (i, frame) in frames.iter_mut().enumerate() {
        let text = crate::resolve::RichText {
            runs: vec![crate::resolve::Run::new(
                format!("Page {} of {total}", i + 1),
                false,
            )],
            span: None,
        };
        let p = Paragraph::set(&text, spec, cx.width, cx.faces).map_err(|_| {
            crate::diag::Diagnostic::error(None, "the page number does not fit the page")
        })?;
        let y = frame.size.h - doc.margin - p.height();
        p.place(
            crate::geom::Point::new(frame.size.w - doc.margin - p.width(), y),
            doc.ink,
            &mut frame.items,
        );
    }
    Ok(())
}
