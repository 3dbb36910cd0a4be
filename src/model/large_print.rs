//! The large-print variant, made from the standard variant's own blocks.
//!
//! No second copy of the words: the standard variant's pages and sections
//! are poured, in reading order, onto A4 pages in type of at least 16 pt,
//! following the RNIB's Clear Print guidance (left-aligned, no italics,
//! line spacing 1.5, about 65 characters a line on A4 with 15 mm margins,
//! bold rather than light weights, the design's own high-contrast ink).
//! Every contact the area has for a block is shown (the A4 pages flow, so
//! a card's `count` limit does not apply), a heading stays with the block
//! after it, and decorative spacers are dropped.

use super::length::PageSize;
use super::{Anchor, BlockContent, BlockDef, Format, PageDef, SectionDef, TypeSizes, VariantDef};
use crate::diag::Span;
use crate::geom::{Abs, Size};

/// What a standard block's or section's `formats` list names to be
/// printed in large print too.
pub const FORMATS_NAME: &str = "large-print";

/// The large-print body size: the smallest type in the document.
pub const BODY_PT: f64 = 16.0;

/// The large-print variant of a resource whose standard variant is
/// `standard`.
pub fn derive(standard: &VariantDef, span: &Span) -> VariantDef {
    VariantDef {
        formats: vec![Format {
            name: super::Id::large_print_format(),
            size: PageSize {
                trim: Size::mm(210.0, 297.0),
            },
            pages: None,
            scale: false,
            fold: None,
        }],
        margin: Abs::mm(15.0),
        type_scale: type_scale(&standard.type_scale),
        pages: vec![PageDef {
            background: None,
            flow: true,
            // The sections are shared out by height (layout's `pour`), and
            // what a page has left is spread between its blocks, a little
            // at most, rather than left at its foot.
            spacing: super::Spacing::Distribute,
            max_gap: Abs::mm(40.0),
            grid: false,
            // Large print's pages flow: what does not fit goes on the
            // next page; a section taller than a page may close its gaps
            // and set contacts in two columns, but its type never shrinks.
            fit: super::Fit {
                order: vec![super::FitStrategy::Spacing, super::FitStrategy::Columns],
                min_size: Abs::pt(BODY_PT),
                min_logo: Abs::mm(12.0),
            },
            blocks: Vec::new(),
            span: span.clone(),
        }],
        sections: sections(standard),
        page_numbers: true,
        measure: None,
    }
}

/// A journey stage as a row: the stage's name over its tip's headline
/// and text, beside the tip's picture; a stage without a tip is a heading
/// of its name.
fn stage(stage: &super::Stage, block: &BlockDef) -> BlockDef {
    let Some(tip) = stage.tip.as_ref() else {
        return BlockDef {
            content: BlockContent::Heading {
                text: stage.label.clone(),
                colour: stage.colour,
            },
            anchor: Anchor::Top,
            ..block.clone()
        };
    };
    BlockDef {
        content: BlockContent::Row {
            picture: super::PictureRef {
                width: Some(Abs::mm(25.0)),
                ..tip.picture.clone()
            },
            label: Some(stage.label.clone()),
            heading: Some(tip.heading.clone()),
            text: Some(tip.text.clone()),
            items: Vec::new(),
            colour: stage.colour,
        },
        anchor: Anchor::Top,
        ..block.clone()
    }
}

/// The largest large-print heading: a poster's headings, sized to be read
/// across a ward at A3, come down to this on A4, where they are read in
/// the hand.
const HEADING_MAX_PT: f64 = 28.0;

/// Sizes of at least 16 pt, headings larger (24 to 28 pt), line spacing
/// 1.5 or more.
fn type_scale(standard: &TypeSizes) -> TypeSizes {
    let at_least = |size: Abs, pt: f64| size.max(Abs::pt(pt));
    TypeSizes {
        title: at_least(standard.title, 32.0),
        subtitle: at_least(standard.subtitle, 20.0),
        heading: at_least(standard.heading, 24.0).min(Abs::pt(HEADING_MAX_PT)),
        body: at_least(standard.body, BODY_PT),
        small: at_least(standard.small, BODY_PT),
        phone: at_least(standard.phone, BODY_PT),
        leading: standard.leading.max(1.5),
    }
}

/// The standard variant's blocks in reading order (the flowing sections in
/// place of the flow page), one section each, a heading joined to the
/// block after it, every block stacked from the top, the journey scene
/// as a row for each stage ([`stage`]).
fn sections(standard: &VariantDef) -> Vec<SectionDef> {
    let mut blocks: Vec<BlockDef> = Vec::new();
    let printed = |b: &&BlockDef| super::printed_in(&b.formats, FORMATS_NAME);
    for page in &standard.pages {
        blocks.extend(page.blocks.iter().filter(printed).cloned());
        if page.flow {
            let sections = standard
                .sections
                .iter()
                .filter(|s| super::printed_in(&s.formats, FORMATS_NAME));
            blocks.extend(sections.flat_map(|s| s.blocks.iter().filter(printed).cloned()));
        }
    }
    let mut out: Vec<SectionDef> = Vec::new();
    let mut pending: Vec<BlockDef> = Vec::new();
    for mut block in blocks {
        // Chosen for large print above; its own format is another name.
        block.formats.clear();
        match &mut block.content {
            BlockContent::Spacer { .. } => continue,
            BlockContent::Contacts { count, .. } => *count = usize::MAX,
            // A band of colour is for the foot of a page; here helplines
            // are a list like the contacts.
            BlockContent::Helplines { fill, .. } => *fill = None,
            // The journey, a scene sized for a poster, becomes a row for
            // each stage in order: the stage's name over its tip, with the
            // tip's picture (a stage without a tip is its name alone).
            BlockContent::Journey { stages, .. } => {
                let stages = std::mem::take(stages);
                let rows: Vec<BlockDef> = stages.iter().map(|s| stage(s, &block)).collect();
                out.extend(rows.into_iter().map(|b| {
                    SectionDef {
                        span: b.span.clone(),
                        formats: Vec::new(),
                        blocks: std::mem::take(&mut pending)
                            .into_iter()
                            .chain([b])
                            .collect(),
                    }
                }));
                continue;
            }
            _ => {}
        }
        block.anchor = Anchor::Top;
        let keep_with_next = matches!(block.content, BlockContent::Heading { .. });
        pending.push(block);
        if !keep_with_next {
            let span = pending[0].span.clone();
            out.push(SectionDef {
                blocks: std::mem::take(&mut pending),
                formats: Vec::new(),
                span,
            });
        }
    }
    if let Some(first) = pending.first() {
        let span = first.span.clone();
        out.push(SectionDef {
            blocks: pending,
            formats: Vec::new(),
            span,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(heading: f64) -> TypeSizes {
        TypeSizes {
            title: Abs::pt(52.0),
            subtitle: Abs::pt(24.0),
            heading: Abs::pt(heading),
            body: Abs::pt(19.8),
            small: Abs::pt(12.0),
            phone: Abs::pt(19.8),
            leading: 1.25,
        }
    }

    #[test]
    fn headings_are_24_to_28_pt_whatever_the_standard_design_sets() {
        let heading = |pt| type_scale(&sizes(pt)).heading.to_pt();
        assert_eq!(heading(7.5), 24.0, "a card's headings come up");
        assert_eq!(heading(26.0), 26.0, "between the two: as designed");
        assert_eq!(heading(32.0), 28.0, "an A3 poster's come down");
        let lp = type_scale(&sizes(32.0));
        assert_eq!((lp.body.to_pt(), lp.small.to_pt()), (19.8, 16.0));
    }
}
