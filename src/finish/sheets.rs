//! Cards on sheets: n-up imposition for office printers (pre-cut Avery
//! card sheets) and print shops (A4 and SRA3 with bleed and cut marks),
//! duplex backs mirrored so each back lands behind its front, and a
//! calibration sheet.
//!
//! Imposition works on frames: each card's page is placed as a clipped
//! [`Group`], so text stays real text. Positions are from
//! `shared/PRINT.md`; all lengths are from the sheet's top-left corner, y
//! down, like every frame.
//!
//! A wallet card is 85 × 55 mm but the Avery cells are 85 × 54 mm. The card
//! is placed at full size, centred on its cell and clipped to it: 0.5 mm is
//! cut from the top and bottom (inside the card's 4 mm safe margin, so no
//! text is lost, and the type keeps its designed size).

use crate::colour::Colour;
use crate::geom::{Abs, FillRule, LineCap, LineJoin, Point, Size};
use crate::layout::{FontBook, Frame, FrameItem, Geometry, Group, PathSeg, Role, Shape, Stroke};

use super::label::label;

/// A sheet layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SheetLayout {
    /// Avery C32011: A4, 2 × 5 pre-cut 85 × 54 mm cards.
    AveryC32011,
    /// Avery C32015: A4, 2 × 4 pre-cut 85 × 54 mm cards.
    AveryC32015,
    /// A4, 2 × 4 cards of 85 × 55 mm with 3 mm bleed and cut marks.
    A4EightUpBleed,
    /// SRA3 (320 × 450 mm), 3 × 7 cards of 85 × 55 mm with 3 mm bleed and
    /// cut marks: a print-shop sheet.
    Sra3,
}

/// Which edge the printer turns the paper on for the back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Duplex {
    /// Long-edge flip (most office printers' default): the back sheet
    /// mirrors positions left ↔ right.
    #[default]
    LongEdge,
    /// Short-edge flip: the back sheet mirrors positions top ↔ bottom and
    /// is printed upside down (see [`crate::render::turn_pages`]).
    ShortEdge,
}

/// Where the cells of a layout are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    /// The paper.
    pub sheet: Size,
    /// One cell (the finished card).
    pub cell: Size,
    /// Columns and rows.
    pub cols: usize,
    /// Rows.
    pub rows: usize,
    /// Top-left corner of the first cell.
    pub origin: Point,
    /// Distance from one cell's left edge to the next one's.
    pub pitch: Size,
    /// Whether the sheet is die-cut (no cut marks, no bleed between cells
    /// that touch).
    pub precut: bool,
}

impl SheetLayout {
    /// Every layout, in command-line order.
    pub const ALL: [SheetLayout; 4] = [
        SheetLayout::AveryC32011,
        SheetLayout::AveryC32015,
        SheetLayout::A4EightUpBleed,
        SheetLayout::Sra3,
    ];

    /// The command-line name (`avery-c32011`, ...), also used in file names.
    pub fn name(self) -> &'static str {
        match self {
            SheetLayout::AveryC32011 => "avery-c32011",
            SheetLayout::AveryC32015 => "avery-c32015",
            SheetLayout::A4EightUpBleed => "a4-8up-bleed",
            SheetLayout::Sra3 => "sra3",
        }
    }

    /// The cell positions (PRINT.md).
    pub fn grid(self) -> Grid {
        let a4 = Size::mm(210.0, 297.0);
        match self {
            SheetLayout::AveryC32011 => Grid {
                sheet: a4,
                cell: Size::mm(85.0, 54.0),
                cols: 2,
                rows: 5,
                origin: Point::new(Abs::mm(15.0), Abs::mm(13.5)),
                // 10 mm column gap; rows touch.
                pitch: Size::mm(95.0, 54.0),
                precut: true,
            },
            SheetLayout::AveryC32015 => Grid {
                sheet: a4,
                cell: Size::mm(85.0, 54.0),
                cols: 2,
                rows: 4,
                origin: Point::new(Abs::mm(17.0), Abs::mm(31.5)),
                pitch: Size::mm(91.0, 60.0),
                precut: true,
            },
            // 2 × 85 + 6 = 176 wide, 4 × 55 + 3 × 6 = 238 high, centred.
            SheetLayout::A4EightUpBleed => Grid {
                sheet: a4,
                cell: Size::mm(85.0, 55.0),
                cols: 2,
                rows: 4,
                origin: Point::new(Abs::mm(17.0), Abs::mm(29.5)),
                pitch: Size::mm(91.0, 61.0),
                precut: false,
            },
            // 3 × 91 − 6 = 267 wide, 7 × 61 − 6 = 421 high, centred.
            SheetLayout::Sra3 => Grid {
                sheet: Size::mm(320.0, 450.0),
                cell: Size::mm(85.0, 55.0),
                cols: 3,
                rows: 7,
                origin: Point::new(Abs::mm(26.5), Abs::mm(14.5)),
                pitch: Size::mm(91.0, 61.0),
                precut: false,
            },
        }
    }
}

impl std::fmt::Display for SheetLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Grid {
    /// Number of cells.
    pub fn len(&self) -> usize {
        self.cols * self.rows
    }

    /// Whether the grid has no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Top-left corner of cell `i` on the front sheet (row by row).
    pub fn front(&self, i: usize) -> Point {
        let (col, row) = (i % self.cols, i / self.cols);
        Point::new(
            self.origin.x + self.pitch.w * col as f64,
            self.origin.y + self.pitch.h * row as f64,
        )
    }

    /// Top-left corner, on the back sheet as the printer sees it, of the
    /// back of cell `i`. Long edge: `x' = sheet_w − x − cell_w`; short
    /// edge: `y' = sheet_h − y − cell_h` (and the back page is printed
    /// turned by 180°).
    pub fn back(&self, i: usize, duplex: Duplex) -> Point {
        let p = self.front(i);
        match duplex {
            Duplex::LongEdge => Point::new(self.sheet.w - p.x - self.cell.w, p.y),
            Duplex::ShortEdge => Point::new(p.x, self.sheet.h - p.y - self.cell.h),
        }
    }

    /// Where the back of cell `i` is drawn in the back page's frame. For
    /// short-edge duplex the page is turned afterwards, so it is drawn at
    /// the long-edge position.
    fn back_drawn(&self, i: usize) -> Point {
        self.back(i, Duplex::LongEdge)
    }

    /// How far a card in the cell at `at` may paint beyond the cell on each
    /// side (left, top, right, bottom): up to `bleed`, but no more than
    /// half the gap to a neighbouring cell or the distance to the paper's
    /// edge.
    fn room(&self, at: Point, cells: &[Point], bleed: Abs) -> [Abs; 4] {
        let (w, h) = (self.cell.w, self.cell.h);
        let mut room = [at.x, at.y, self.sheet.w - at.x - w, self.sheet.h - at.y - h];
        for c in cells {
            let overlaps_v = c.y < at.y + h && at.y < c.y + h;
            let overlaps_h = c.x < at.x + w && at.x < c.x + w;
            if overlaps_v && c.x + w <= at.x {
                room[0] = room[0].min((at.x - (c.x + w)) / 2.0);
            }
            if overlaps_v && c.x >= at.x + w {
                room[2] = room[2].min((c.x - (at.x + w)) / 2.0);
            }
            if overlaps_h && c.y + h <= at.y {
                room[1] = room[1].min((at.y - (c.y + h)) / 2.0);
            }
            if overlaps_h && c.y >= at.y + h {
                room[3] = room[3].min((c.y - (at.y + h)) / 2.0);
            }
        }
        room.map(|r| r.min(bleed).max(Abs::ZERO))
    }
}

/// One card: its front and back pages.
#[derive(Debug, Clone)]
pub struct Card {
    /// Front page.
    pub front: Frame,
    /// Back page (`None` for a one-sided card).
    pub back: Option<Frame>,
}

/// Places `cards` on sheets: pairs of pages (front sheet, back sheet), as
/// many pairs as needed, cells filled row by row. Backs are drawn at the
/// long-edge mirrored position; for [`Duplex::ShortEdge`] turn every back
/// page (the odd indices) with [`crate::render::turn_pages`].
pub fn impose(cards: &[Card], layout: SheetLayout) -> Vec<Frame> {
    let grid = layout.grid();
    let mut sheets = Vec::new();
    let two_sided = cards.iter().any(|c| c.back.is_some());
    for chunk in cards.chunks(grid.len().max(1)) {
        let fronts: Vec<Point> = (0..chunk.len()).map(|i| grid.front(i)).collect();
        let backs: Vec<Point> = (0..chunk.len()).map(|i| grid.back_drawn(i)).collect();
        let mut front = sheet(&grid);
        let mut back = sheet(&grid);
        for (i, card) in chunk.iter().enumerate() {
            place(&mut front.items, &grid, fronts[i], &fronts, &card.front);
            if let Some(b) = &card.back {
                place(&mut back.items, &grid, backs[i], &backs, b);
            }
        }
        if !grid.precut {
            front.items.extend(cut_marks(&grid, &fronts));
            back.items.extend(cut_marks(&grid, &backs));
        }
        sheets.push(front);
        if two_sided {
            sheets.push(back);
        }
    }
    sheets
}

/// An empty sheet without bleed.
fn sheet(grid: &Grid) -> Frame {
    Frame {
        size: grid.sheet,
        bleed: Abs::ZERO,
        items: Vec::new(),
        folds: Vec::new(),
        turned: false,
    }
}

/// Puts `card` centred on the cell at `at`, clipped to the cell plus the
/// bleed there is room for.
fn place(
    items: &mut Vec<(Point, FrameItem)>,
    grid: &Grid,
    at: Point,
    cells: &[Point],
    card: &Frame,
) {
    let [l, t, r, b] = grid.room(at, cells, card.bleed);
    // The card's trim origin, centred on the cell.
    let offset = Point::new(
        (grid.cell.w - card.size.w) / 2.0,
        (grid.cell.h - card.size.h) / 2.0,
    );
    let clip_origin = Point::new(at.x - l, at.y - t);
    items.push((
        clip_origin,
        FrameItem::Group(Group {
            clip: Some(Size::new(grid.cell.w + l + r, grid.cell.h + t + b)),
            ..Group::plain(vec![(
                Point::new(l + offset.x, t + offset.y),
                FrameItem::Group(Group::plain(card.items.clone())),
            )])
        }),
    ));
}

/// A 0.25 pt black line from `a` to `b`.
fn hairline(a: Point, b: Point) -> (Point, FrameItem) {
    (
        Point::default(),
        FrameItem::Shape(Shape {
            geometry: Geometry::Path(vec![PathSeg::Move(a), PathSeg::Line(b)]),
            fill: None,
            stroke: Some(Stroke {
                paint: Colour::BLACK,
                thickness: Abs::pt(0.25),
                cap: LineCap::Butt,
                join: LineJoin::Miter,
            }),
            rule: FillRule::NonZero,
        }),
    )
}

/// Cut marks in the paper margin, in line with every cell edge, starting
/// 2 mm outside the outermost bleed (3 mm) and at most 8 mm long.
fn cut_marks(grid: &Grid, cells: &[Point]) -> Vec<(Point, FrameItem)> {
    let Some(first) = cells.first() else {
        return Vec::new();
    };
    let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.x, first.y);
    for c in cells {
        x0 = x0.min(c.x);
        y0 = y0.min(c.y);
        x1 = x1.max(c.x + grid.cell.w);
        y1 = y1.max(c.y + grid.cell.h);
    }
    let gap = Abs::mm(5.0);
    let len = |room: Abs| (room - gap - Abs::mm(1.0)).min(Abs::mm(8.0));
    let mut xs: Vec<Abs> = cells
        .iter()
        .flat_map(|c| [c.x, c.x + grid.cell.w])
        .collect();
    let mut ys: Vec<Abs> = cells
        .iter()
        .flat_map(|c| [c.y, c.y + grid.cell.h])
        .collect();
    for v in [&mut xs, &mut ys] {
        v.sort_by(|a, b| a.to_pt().total_cmp(&b.to_pt()));
        v.dedup_by(|a, b| (a.to_pt() - b.to_pt()).abs() < 0.01);
    }
    let mut out = Vec::new();
    let (top, bottom) = (len(y0), len(grid.sheet.h - y1));
    for &x in &xs {
        if top > Abs::ZERO {
            out.push(hairline(
                Point::new(x, y0 - gap),
                Point::new(x, y0 - gap - top),
            ));
        }
        if bottom > Abs::ZERO {
            out.push(hairline(
                Point::new(x, y1 + gap),
                Point::new(x, y1 + gap + bottom),
            ));
        }
    }
    let (left, right) = (len(x0), len(grid.sheet.w - x1));
    for &y in &ys {
        if left > Abs::ZERO {
            out.push(hairline(
                Point::new(x0 - gap, y),
                Point::new(x0 - gap - left, y),
            ));
        }
        if right > Abs::ZERO {
            out.push(hairline(
                Point::new(x1 + gap, y),
                Point::new(x1 + gap + right, y),
            ));
        }
    }
    out
}

/// A calibration sheet pair: the front shows every cell's outline with a
/// numbered target at its centre; the back shows the same targets at the
/// mirrored positions. Printed duplex and held against the light, each
/// back target should sit on its front target; the distance between them
/// is the printer's duplex error.
pub fn calibration(layout: SheetLayout, duplex: Duplex, book: &FontBook) -> Vec<Frame> {
    let grid = layout.grid();
    let grey = Colour::rgb(0x80, 0x80, 0x80);
    let mut front = sheet(&grid);
    let mut back = sheet(&grid);
    let flip = match duplex {
        Duplex::LongEdge => "long edge",
        Duplex::ShortEdge => "short edge",
    };
    for i in 0..grid.len() {
        let at = grid.front(i);
        front.items.push((
            at,
            FrameItem::Shape(Shape {
                geometry: Geometry::Rect {
                    size: grid.cell,
                    radius: Abs::ZERO,
                },
                fill: None,
                stroke: Some(Stroke {
                    paint: grey,
                    thickness: Abs::pt(0.5),
                    cap: LineCap::Butt,
                    join: LineJoin::Miter,
                }),
                rule: FillRule::NonZero,
            }),
        ));
        front
            .items
            .extend(target(at, &grid, &format!("F{}", i + 1), book));
        back.items.extend(target(
            grid.back_drawn(i),
            &grid,
            &format!("B{}", i + 1),
            book,
        ));
    }
    let note = format!(
        "wellprint calibration: {} — print double-sided, flip on the {flip}, at 100 % (no fit to page). Hold against the light: each B target should cover its F target.",
        layout.name()
    );
    let y = (grid.origin.y / 2.0).max(Abs::mm(5.0));
    if let Some(items) = label(
        &note,
        Abs::pt(7.0),
        Point::new(Abs::mm(10.0), y),
        Colour::BLACK,
        book,
    ) {
        // The note is the sheet's content for a screen reader (tagged P);
        // the cell outlines and targets are measuring marks (artifacts).
        front.items.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::P, items)),
        ));
    }
    vec![front, back]
}

/// A cross-hair and circle at the centre of the cell at `at`, with a name.
fn target(at: Point, grid: &Grid, name: &str, book: &FontBook) -> Vec<(Point, FrameItem)> {
    let c = Point::new(at.x + grid.cell.w / 2.0, at.y + grid.cell.h / 2.0);
    let arm = Abs::mm(8.0);
    let r = Abs::mm(4.0);
    let mut out = vec![
        hairline(Point::new(c.x - arm, c.y), Point::new(c.x + arm, c.y)),
        hairline(Point::new(c.x, c.y - arm), Point::new(c.x, c.y + arm)),
        (
            Point::new(c.x - r, c.y - r),
            FrameItem::Shape(Shape {
                geometry: Geometry::Ellipse {
                    size: Size::new(r * 2.0, r * 2.0),
                },
                fill: None,
                stroke: Some(Stroke {
                    paint: Colour::BLACK,
                    thickness: Abs::pt(0.5),
                    cap: LineCap::Butt,
                    join: LineJoin::Miter,
                }),
                rule: FillRule::NonZero,
            }),
        ),
    ];
    if let Some(items) = label(
        name,
        Abs::pt(8.0),
        Point::new(c.x + Abs::mm(2.0), c.y - Abs::mm(2.0)),
        Colour::BLACK,
        book,
    ) {
        out.extend(items);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_edge_backs_mirror_left_right() {
        for layout in SheetLayout::ALL {
            let g = layout.grid();
            for i in 0..g.len() {
                let (f, b) = (g.front(i), g.back(i, Duplex::LongEdge));
                let sum = (f.x + b.x + g.cell.w).to_mm();
                assert!((sum - g.sheet.w.to_mm()).abs() < 1e-9);
                assert_eq!(f.y, b.y);
                let s = g.back(i, Duplex::ShortEdge);
                assert_eq!(f.x, s.x);
                assert!(((f.y + s.y + g.cell.h).to_mm() - g.sheet.h.to_mm()).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn grids_fit_their_sheets() {
        for layout in SheetLayout::ALL {
            let g = layout.grid();
            let last = g.front(g.len() - 1);
            assert!(last.x + g.cell.w <= g.sheet.w, "{layout}");
            assert!(last.y + g.cell.h <= g.sheet.h, "{layout}");
        }
    }
}
