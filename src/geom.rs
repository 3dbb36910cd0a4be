//! Lengths and positions as types.
//!
//! Every length that crosses a module border is an [`Abs`] (an absolute
//! length stored in PostScript points, 1/72 inch). Font-relative lengths are
//! [`Em`]. Conversion to a PDF library's own unit types happens only in
//! `render`.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// Points per millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;

/// An absolute length, stored in points (1/72 inch).
#[derive(Debug, Default, Clone, Copy, PartialEq, PartialOrd)]
pub struct Abs(f64);

impl Abs {
    /// Zero length.
    pub const ZERO: Abs = Abs(0.0);

    /// A length of `pt` points.
    pub const fn pt(pt: f64) -> Self {
        Abs(pt)
    }

    /// A length of `mm` millimetres.
    pub const fn mm(mm: f64) -> Self {
        Abs(mm * PT_PER_MM)
    }

    /// The length in points.
    pub const fn to_pt(self) -> f64 {
        self.0
    }

    /// The length in millimetres.
    pub const fn to_mm(self) -> f64 {
        self.0 / PT_PER_MM
    }

    /// The larger of two lengths.
    pub fn max(self, other: Abs) -> Abs {
        Abs(self.0.max(other.0))
    }

    /// The smaller of two lengths.
    pub fn min(self, other: Abs) -> Abs {
        Abs(self.0.min(other.0))
    }

    /// Whether the two lengths differ by less than a thousandth of a point.
    pub fn approx_eq(self, other: Abs) -> bool {
        (self.0 - other.0).abs() < 1e-3
    }
}

impl fmt::Display for Abs {
    /// Shows the length in millimetres with one decimal, the unit
    /// coordinators use.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} mm", self.to_mm())
    }
}

impl Add for Abs {
    type Output = Abs;
    fn add(self, rhs: Abs) -> Abs {
        Abs(self.0 + rhs.0)
    }
}

impl AddAssign for Abs {
    fn add_assign(&mut self, rhs: Abs) {
        self.0 += rhs.0;
    }
}

impl Sub for Abs {
    type Output = Abs;
    fn sub(self, rhs: Abs) -> Abs {
        Abs(self.0 - rhs.0)
    }
}

impl SubAssign for Abs {
    fn sub_assign(&mut self, rhs: Abs) {
        self.0 -= rhs.0;
    }
}

impl Neg for Abs {
    type Output = Abs;
    fn neg(self) -> Abs {
        Abs(-self.0)
    }
}

impl Mul<f64> for Abs {
    type Output = Abs;
    fn mul(self, rhs: f64) -> Abs {
        Abs(self.0 * rhs)
    }
}

impl Div<f64> for Abs {
    type Output = Abs;
    fn div(self, rhs: f64) -> Abs {
        Abs(self.0 / rhs)
    }
}

impl Div for Abs {
    type Output = f64;
    fn div(self, rhs: Abs) -> f64 {
        self.0 / rhs.0
    }
}

impl Sum for Abs {
    fn sum<I: Iterator<Item = Abs>>(iter: I) -> Abs {
        Abs(iter.map(|a| a.0).sum())
    }
}

/// A length relative to a font size: 1 em is the font size.
#[derive(Debug, Default, Clone, Copy, PartialEq, PartialOrd)]
pub struct Em(f64);

impl Em {
    /// A length of `em` ems.
    pub const fn new(em: f64) -> Self {
        Em(em)
    }

    /// `units` font design units in a font of `units_per_em`.
    pub fn from_units(units: f64, units_per_em: f64) -> Self {
        Em(units / units_per_em)
    }

    /// The value in ems.
    pub const fn get(self) -> f64 {
        self.0
    }

    /// The absolute length at font size `size`.
    pub fn at(self, size: Abs) -> Abs {
        size * self.0
    }
}

impl Add for Em {
    type Output = Em;
    fn add(self, rhs: Em) -> Em {
        Em(self.0 + rhs.0)
    }
}

impl Sub for Em {
    type Output = Em;
    fn sub(self, rhs: Em) -> Em {
        Em(self.0 - rhs.0)
    }
}

/// A position on a page: `x` to the right and `y` down from the top-left
/// corner of the trimmed page.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Point {
    /// Distance from the left trim edge.
    pub x: Abs,
    /// Distance from the top trim edge.
    pub y: Abs,
}

impl Point {
    /// The point at `(x, y)`.
    pub const fn new(x: Abs, y: Abs) -> Self {
        Point { x, y }
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, rhs: Point) -> Point {
        Point::new(self.x + rhs.x, self.y + rhs.y)
    }
}

/// A width and a height.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Size {
    /// Horizontal extent.
    pub w: Abs,
    /// Vertical extent.
    pub h: Abs,
}

impl Size {
    /// A size of `w` by `h`.
    pub const fn new(w: Abs, h: Abs) -> Self {
        Size { w, h }
    }

    /// A size given in millimetres.
    pub fn mm(w: f64, h: f64) -> Self {
        Size::new(Abs::mm(w), Abs::mm(h))
    }
}

/// An axis-aligned rectangle in page coordinates (top-left origin).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Top-left corner.
    pub origin: Point,
    /// Extent.
    pub size: Size,
}

impl Rect {
    /// A rectangle at `origin` with `size`.
    pub const fn new(origin: Point, size: Size) -> Self {
        Rect { origin, size }
    }

    /// Right edge.
    pub fn right(&self) -> Abs {
        self.origin.x + self.size.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> Abs {
        self.origin.y + self.size.h
    }

    /// The rectangle shrunk by `d` on every side.
    pub fn inset(&self, d: Abs) -> Rect {
        Rect::new(
            Point::new(self.origin.x + d, self.origin.y + d),
            Size::new(self.size.w - d * 2.0, self.size.h - d * 2.0),
        )
    }
}

/// How a path's inside is decided when it crosses itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FillRule {
    /// Non-zero winding.
    #[default]
    NonZero,
    /// Even-odd.
    EvenOdd,
}

/// How open line ends are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineCap {
    /// Square off at the end point.
    #[default]
    Butt,
    /// Round.
    Round,
    /// Square, extended by half the width.
    Square,
}

/// How corners are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineJoin {
    /// Pointed.
    #[default]
    Miter,
    /// Round.
    Round,
    /// Cut off.
    Bevel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_round_trip_through_points() {
        let a = Abs::mm(85.0);
        assert!((a.to_pt() - 240.944).abs() < 1e-3);
        assert!((a.to_mm() - 85.0).abs() < 1e-9);
    }

    #[test]
    fn em_scales_with_font_size() {
        let e = Em::from_units(500.0, 1000.0);
        assert_eq!(e.at(Abs::pt(10.0)), Abs::pt(5.0));
    }
}
