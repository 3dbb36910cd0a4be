//! Page boxes (`/MediaBox`, `/CropBox`, ...) as rectangles in points.

use lopdf::{Document, Object};

/// A rectangle in points (1/72 inch), page default user space, normalised so
/// that `x0 <= x1` and `y0 <= y1` whatever corner order the file used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxPt {
    /// Left edge, in points.
    pub x0: f64,
    /// Bottom edge, in points.
    pub y0: f64,
    /// Right edge, in points.
    pub x1: f64,
    /// Top edge, in points.
    pub y1: f64,
}

impl BoxPt {
    /// A box from two opposite corners, in points, in any order.
    pub fn new(xa: f64, ya: f64, xb: f64, yb: f64) -> Self {
        Self {
            x0: xa.min(xb),
            y0: ya.min(yb),
            x1: xa.max(xb),
            y1: ya.max(yb),
        }
    }

    /// Width in points.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in points.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether `other` lies inside this box, allowing `tolerance` points of
    /// overhang on each side.
    pub fn contains(&self, other: &BoxPt, tolerance: f64) -> bool {
        other.x0 >= self.x0 - tolerance
            && other.y0 >= self.y0 - tolerance
            && other.x1 <= self.x1 + tolerance
            && other.y1 <= self.y1 + tolerance
    }

    /// Reads a PDF rectangle: an array of four numbers (integers or reals,
    /// possibly indirect). `None` if it is anything else or not finite.
    pub(super) fn from_object(doc: &Document, object: &Object) -> Option<Self> {
        let array = object.as_array().ok()?;
        if array.len() != 4 {
            return None;
        }
        let mut v = [0.0_f64; 4];
        for (slot, item) in v.iter_mut().zip(array) {
            let value = super::deref(doc, item)?;
            *slot = number(value)?;
        }
        Some(Self::new(v[0], v[1], v[2], v[3]))
    }
}

/// An integer or real as `f64`, if finite.
pub(super) fn number(object: &Object) -> Option<f64> {
    let value = match object {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => return None,
    };
    value.is_finite().then_some(value)
}
