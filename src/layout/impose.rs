//! After layout: scaling a design to a larger format, and putting folded
//! leaflet panels on their sheets.

use crate::geom::{Abs, Point, Size};
use crate::model::{Fold, Pairing};

use super::frame::{Frame, FrameItem, Geometry, Group, Shape};

/// Scales every frame laid out at `design` size to `output` (type, lines
/// and pictures included, by the ratio of the widths); the bleed stays as
/// it is. The page gets exactly the output's nominal size (A2 is
/// 420 × 594 mm, not the 593.94 mm that scaling A3's 297 × 420 gives):
/// content is at most a few hundredths of a millimetre off its place.
pub fn scale(frames: Vec<Frame>, design: Size, output: Size) -> Vec<Frame> {
    if design == output {
        return frames;
    }
    let factor = output.w / design.w;
    frames
        .into_iter()
        .map(|f| Frame {
            size: if f.size == design {
                output
            } else {
                ss(f.size, factor)
            },
            bleed: f.bleed,
            items: scale_items(f.items, factor),
            folds: f.folds.into_iter().map(|x| x * factor).collect(),
            turned: f.turned,
        })
        .collect()
}

fn sp(p: Point, k: f64) -> Point {
    Point::new(p.x * k, p.y * k)
}

fn ss(s: Size, k: f64) -> Size {
    Size::new(s.w * k, s.h * k)
}

fn scale_items(items: Vec<(Point, FrameItem)>, k: f64) -> Vec<(Point, FrameItem)> {
    items
        .into_iter()
        .map(|(p, item)| {
            let item = match item {
                FrameItem::Text(mut t) => {
                    t.size = t.size * k;
                    FrameItem::Text(t)
                }
                FrameItem::Shape(s) => FrameItem::Shape(scale_shape(s, k)),
                FrameItem::Image(mut i) => {
                    i.size = ss(i.size, k);
                    FrameItem::Image(i)
                }
                FrameItem::Group(g) => FrameItem::Group(Group {
                    items: scale_items(g.items, k),
                    clip: g.clip.map(|c| ss(c, k)),
                    ..g
                }),
            };
            (sp(p, k), item)
        })
        .collect()
}

fn scale_shape(mut s: Shape, k: f64) -> Shape {
    use super::frame::PathSeg;
    s.geometry = match s.geometry {
        Geometry::Rect { size, radius } => Geometry::Rect {
            size: ss(size, k),
            radius: radius * k,
        },
        Geometry::Ellipse { size } => Geometry::Ellipse { size: ss(size, k) },
        Geometry::Path(segs) => Geometry::Path(
            segs.into_iter()
                .map(|seg| match seg {
                    PathSeg::Move(a) => PathSeg::Move(sp(a, k)),
                    PathSeg::Line(a) => PathSeg::Line(sp(a, k)),
                    PathSeg::Cubic(a, b, c) => PathSeg::Cubic(sp(a, k), sp(b, k), sp(c, k)),
                    PathSeg::Close => PathSeg::Close,
                })
                .collect(),
        ),
    };
    if let Some(st) = &mut s.stroke {
        st.thickness = st.thickness * k;
    }
    s
}

/// How much narrower than the others a roll fold's tuck-in panel is, so
/// that it folds in flat: the DL's 297 mm are 100 + 100 + 97.
pub const TUCK_IN: Abs = Abs::pt(3.0 * 72.0 / 25.4);

/// The width of each panel (in reading order) of `count` panels of
/// `width` folded as `fold`: on a roll fold (tri-fold) the tuck-in panel,
/// panel 5 outside with panel 4 behind it, is [`TUCK_IN`] narrower and the
/// other two of each side share what it gives up, so each side keeps its
/// width. Other folds keep their panels equal.
pub fn panel_widths(fold: Option<Fold>, count: usize, width: Abs) -> Vec<Abs> {
    (0..count)
        .map(|i| match fold {
            Some(Fold::TriFold) if count == 6 && (i == 3 || i == 4) => {
                width - TUCK_IN * (2.0 / 3.0)
            }
            Some(Fold::TriFold) if count == 6 => width + TUCK_IN * (1.0 / 3.0),
            _ => width,
        })
        .collect()
}

/// Puts panels on sheets for folding. Panels are given in reading order.
pub fn fold(panels: Vec<Frame>, fold: Fold) -> Vec<Frame> {
    match fold {
        // Roll fold, panels 1–6: the outside sheet shows 5 (the flap that
        // folds in), 6 (back) and 1 (cover); the inside shows 2, 3, 4.
        Fold::TriFold => sheets(panels, &[&[4, 5, 0], &[1, 2, 3]]),
        // Concertina, panels 1–8: the outside shows 8 (the back cover:
        // Samaritans), 6, 7 and 1 (the cover, at the right, so that it
        // opens like a book); the inside 2-3-4-5 as the reader sees it
        // unfolded, turned head to foot for long-edge duplex (see
        // docs/print.md and `tests/fold.rs`).
        Fold::Concertina => {
            let mut sides = sheets(panels, &[&[7, 5, 6, 0], &[1, 2, 3, 4]]);
            if let Some(inside) = sides.get_mut(1) {
                inside.turned = true;
            }
            sides
        }
        Fold::Booklet => {
            // Sheet k (from the outside in): outside n-2k and 2k+1, inside
            // 2k+2 and n-2k-1 (1-based).
            let n = panels.len();
            let order: Vec<[usize; 2]> = (0..n / 4)
                .flat_map(|k| [[n - 1 - 2 * k, 2 * k], [2 * k + 1, n - 2 - 2 * k]])
                .collect();
            let rows: Vec<&[usize]> = order.iter().map(|r| &r[..]).collect();
            sheets(panels, &rows)
        }
    }
}

/// A bilingual document's pages from its Welsh and English versions'
/// pages: back to back, every Welsh page then every English page; side by
/// side, each Welsh page on the left of its English page on one sheet
/// twice as wide (not a fold: the sheet is not folded there). A version
/// with fewer pages than the other gets blank pages beside the other's.
pub fn pair(welsh: Vec<Frame>, english: Vec<Frame>, pairing: Pairing) -> Vec<Frame> {
    match pairing {
        Pairing::BackToBack => welsh.into_iter().chain(english).collect(),
        Pairing::SideBySide => {
            let n = welsh.len().max(english.len());
            let blank = |like: &Frame| Frame {
                items: Vec::new(),
                folds: Vec::new(),
                ..like.clone()
            };
            let mut pages = Vec::with_capacity(n);
            for i in 0..n {
                let (cy, en) = match (welsh.get(i), english.get(i)) {
                    (Some(cy), Some(en)) => (cy.clone(), en.clone()),
                    (Some(cy), None) => (cy.clone(), blank(cy)),
                    (None, Some(en)) => (blank(en), en.clone()),
                    (None, None) => continue,
                };
                pages.extend(
                    sheets(vec![cy, en], &[&[0, 1]])
                        .into_iter()
                        .map(|mut sheet| {
                            sheet.folds.clear();
                            sheet
                        }),
                );
            }
            pages
        }
    }
}

/// Places panels side by side on sheets, each clipped to its panel (plus
/// the bleed on the sheet's outer edges). Each panel keeps its reading
/// number ([`Group::reading`]) so the tags read panels in order.
fn sheets(panels: Vec<Frame>, order: &[&[usize]]) -> Vec<Frame> {
    let Some(first) = panels.first() else {
        return panels;
    };
    let (height, bleed) = (first.size.h, first.bleed);
    order
        .iter()
        .map(|row| {
            let n = row.len();
            let mut items = Vec::new();
            let mut x = Abs::ZERO;
            let mut folds = Vec::new();
            for (slot, &index) in row.iter().enumerate() {
                let Some(p) = panels.get(index) else { continue };
                if slot > 0 {
                    // Every edge between two panels is a fold.
                    folds.push(x);
                }
                let left = if slot == 0 { bleed } else { Abs::ZERO };
                let right = if slot + 1 == n { bleed } else { Abs::ZERO };
                // Clip in the panel's own coordinates.
                items.push((
                    Point::new(x - left, -bleed),
                    FrameItem::Group(Group {
                        clip: Some(Size::new(p.size.w + left + right, height + bleed * 2.0)),
                        ..Group::plain(vec![(
                            Point::new(left, bleed),
                            FrameItem::Group(Group {
                                reading: Some(index),
                                ..Group::plain(p.items.clone())
                            }),
                        )])
                    }),
                ));
                x += p.size.w;
            }
            Frame {
                size: Size::new(x, height),
                bleed,
                items,
                folds,
                turned: false,
            }
        })
        .collect()
}
