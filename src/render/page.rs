//! Page box maths, in one place: where the trim, bleed and media boxes lie
//! for a frame, with or without printer's marks.

use crate::geom::{Abs, Size};
use crate::layout::Frame;

/// Printer's marks around the bleed: crop marks and, optionally, a slug
/// line (see [`MarkSettings::slug`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkSettings {
    /// Length of each crop mark line (default 10 mm).
    pub length: Abs,
    /// Gap between the BleedBox and the near end of a crop mark (default
    /// 1 mm); the marks start at least 3 mm from the trim whatever the bleed.
    pub gap: Abs,
    /// Line width of the marks (default 0.25 pt).
    pub thickness: Abs,
    /// Whether the caller adds a slug line (resource, area, variant, date)
    /// below the bottom marks. The text itself is laid out by
    /// [`crate::finish::slug`]; this only keeps room for it.
    pub slug: bool,
}

impl Default for MarkSettings {
    fn default() -> Self {
        MarkSettings {
            length: Abs::mm(10.0),
            gap: Abs::mm(1.0),
            thickness: Abs::pt(0.25),
            slug: false,
        }
    }
}

impl MarkSettings {
    /// Distance from the trim to the near end of each crop mark.
    pub fn offset(&self, bleed: Abs) -> Abs {
        (bleed + self.gap).max(Abs::mm(3.0))
    }

    /// Distance from the trim to the MediaBox edge: the marks plus 1 mm.
    pub fn margin(&self, bleed: Abs) -> Abs {
        self.offset(bleed) + self.length + Abs::mm(1.0)
    }
}

/// The boxes of one page, from the bottom-left of the MediaBox (PDF's
/// default user space, y up), each `[x0, y0, x1, y1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageBoxes {
    /// The whole sheet: bleed plus the marks' margin.
    pub media: [Abs; 4],
    /// Trim plus bleed.
    pub bleed: [Abs; 4],
    /// The finished size.
    pub trim: [Abs; 4],
    /// From the trim to the MediaBox edge, on every side.
    pub margin: Abs,
}

impl PageBoxes {
    /// The boxes for `frame`, with room for `marks` if given.
    pub fn new(frame: &Frame, marks: Option<&MarkSettings>) -> PageBoxes {
        let margin = marks.map_or(frame.bleed, |m| m.margin(frame.bleed));
        let (m, b) = (margin, frame.bleed);
        let (w, h) = (frame.size.w, frame.size.h);
        PageBoxes {
            media: [Abs::ZERO, Abs::ZERO, w + m * 2.0, h + m * 2.0],
            bleed: [m - b, m - b, m + w + b, m + h + b],
            trim: [m, m, m + w, m + h],
            margin,
        }
    }

    /// The MediaBox's width and height: the whole sheet.
    pub fn sheet(&self) -> Size {
        let [x0, y0, x1, y1] = self.media;
        Size::new(x1 - x0, y1 - y0)
    }
}
