//! Text items as PDF text objects: `BT /F size Tf … Tm [<gid>…] TJ ET`.

use std::collections::BTreeMap;

use printpdf::{Codepoint, Op, PdfFontHandle, Pt, TextItem as PdfText, TextMatrix};

use crate::geom::Point;
use crate::layout::Faces;
use crate::layout::{FontId, TextItem};

use super::PageSpace;

/// Appends the operators that draw `item` with its baseline starting at `pos`.
pub(super) fn write(
    ops: &mut Vec<Op>,
    space: PageSpace,
    pos: Point,
    item: &TextItem,
    ids: &BTreeMap<FontId, printpdf::FontId>,
    faces: &Faces,
) {
    let Some(font) = ids.get(&item.font) else {
        return;
    };
    let codepoints = item
        .glyphs
        .iter()
        .map(|g| {
            // TJ adjustments are in thousandths of an em; positive moves left.
            let default = faces.default_advance(item.font, g.id).get();
            Codepoint {
                gid: g.id,
                offset: ((default - g.advance.get()) * 1000.0) as f32,
                cid: Some(g.text.as_str().to_owned()),
            }
        })
        .collect();
    let (x, y) = space.to_pdf(pos);
    ops.extend([
        Op::StartTextSection,
        Op::SetFillColor {
            col: space.paint(item.fill),
        },
        Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(item.size.to_pt() as f32),
        },
        Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(y)),
        },
        Op::ShowText {
            items: vec![PdfText::GlyphIds(codepoints)],
        },
        Op::EndTextSection,
    ]);
}

/// The box a run covers, `[x0 y0 x1 y1]` in PDF points: its advance width,
/// and from a quarter of the size below the baseline to 0.9 of it above
/// (where a link annotation goes).
pub(super) fn bounds(space: PageSpace, pos: Point, item: &TextItem) -> [f32; 4] {
    let (x, y) = space.to_pdf(pos);
    let size = item.size.to_pt() as f32;
    let w = item.width().to_pt() as f32;
    space.on_page([x, y - size * 0.25, x + w, y + size * 0.9])
}
