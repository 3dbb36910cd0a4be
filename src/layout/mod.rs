//! Stage 3: a [`Document`](crate::resolve::Document) becomes [`Frame`]s.
//!
//! Fonts are shaped with rustybuzz, text is broken into lines at Unicode
//! break opportunities, blocks are stacked on each page. Anything that does
//! not fit is an error naming the block and by how much; nothing is clipped
//! or shrunk.

mod blocks;
mod flow;
mod fonts;
mod frame;
mod impose;
mod pictures;
mod text;

pub use crate::geom::{FillRule, LineCap, LineJoin};
pub use blocks::ink_on;
pub use fonts::{Faces, FontBook, FontId};
pub use frame::{
    Frame, FrameItem, Geometry, Glyph, Group, ImageItem, PathSeg, Role, Shape, Stroke, TextItem,
};
pub use text::{Paragraph, TextError, TextSpec};

use crate::diag::SourceResult;
use crate::geom::Abs;
use crate::pictures::Pictures;
use crate::resolve::{Block, Document, Page};

/// Layout settings that come from the output kind, not the resource.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Bleed beyond the trim on every side.
    pub bleed: Abs,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            bleed: Abs::mm(3.0),
        }
    }
}

/// Lays out every page of `doc`: fixed pages as they are, the flow page as
/// as many panels as its sections need (or the format allows), then scales
/// and folds as the format says.
#[allow(clippy::collapsible_if)] // clippy 1.95 wants let chains here
pub fn layout(
    doc: &Document,
    fonts: &FontBook,
    pictures: &Pictures,
    options: &LayoutOptions,
) -> SourceResult<Vec<Frame>> {
    let faces = fonts.faces();
    let cx = blocks::BlockContext {
        doc,
        faces: &faces,
        width: doc.trim.w - doc.margin * 2.0,
        pictures,
    };
    let fixed = doc.pages.iter().filter(|p| !p.flow).count();
    let flow_panels = doc.page_count.map(|n| n.saturating_sub(fixed));
    let mut frames = Vec::new();
    let mut errors = Vec::new();
    for page in &doc.pages {
        if page.flow {
            match pour(doc, page, &cx, options.bleed, flow_panels) {
                Ok(f) => frames.extend(f),
                Err(e) => errors.extend(e),
            }
            continue;
        }
        match flow::page(page, &cx, options.bleed) {
            Ok(f) => frames.push(f),
            Err(e) => errors.extend(e),
        }
    }
    if let Some(n) = doc.page_count {
        if errors.is_empty() && frames.len() != n {
            errors.push(crate::diag::Diagnostic::error(
                None,
                format!("the format has {n} pages but the design makes {}", frames.len()),
            ).with_hint("add a page with `flow = true` for the sections, or change the format's `pages`"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut frames = impose::scale(frames, doc.scale);
    frame::fix_heading_levels(&mut frames);
    Ok(match doc.fold {
        Some(f) => impose::fold(frames, f),
        None => frames,
    })
}

/// Pours the document's sections into panels shaped like `page`, keeping
/// each section on one panel.
#[allow(clippy::collapsible_if)] // clippy 1.95 wants let chains here
fn pour(
    doc: &Document,
    page: &Page,
    cx: &blocks::BlockContext,
    bleed: Abs,
    panels: Option<usize>,
) -> Result<Vec<Frame>, Vec<crate::diag::Diagnostic>> {
    let mut out = Vec::new();
    let mut current: Vec<Block> = page.blocks.clone();
    let mut placed_any = false;
    for section in &doc.sections {
        let mut trial = current.clone();
        trial.extend(section.iter().cloned());
        let candidate = Page {
            blocks: trial.clone(),
            ..page.clone()
        };
        if flow::page(&candidate, cx, bleed).is_ok() {
            current = trial;
            placed_any = true;
            continue;
        }
        if !placed_any {
            // The section does not fit even an empty panel: report why.
            flow::page(&candidate, cx, bleed)?;
        }
        out.push(flow::page(
            &Page {
                blocks: current,
                ..page.clone()
            },
            cx,
            bleed,
        )?);
        current = section.clone();
        placed_any = true;
        if let Some(n) = panels {
            if out.len() >= n {
                let label = section
                    .first()
                    .map_or("a section".to_owned(), |b| b.label.clone());
                return Err(vec![crate::diag::Diagnostic::error(
                    section.first().map(|b| b.span.clone()),
                    format!("the sections do not fit in the {n} panels of this format: {label} is left over"),
                ).with_hint("shorten the sections or use a format with more pages")]);
            }
        }
    }
    out.push(flow::page(
        &Page {
            blocks: current,
            ..page.clone()
        },
        cx,
        bleed,
    )?);
    if let Some(n) = panels {
        while out.len() < n {
            out.push(flow::page(
                &Page {
                    blocks: Vec::new(),
                    ..page.clone()
                },
                cx,
                bleed,
            )?);
        }
    }
    Ok(out)
}
