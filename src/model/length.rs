//! Lengths and page sizes as written in TOML (`"5mm"`, `"12pt"`, `"a5"`).
//! A length is always above zero: a zero or negative margin, width or
//! height cannot print, so it is an error at its key.

use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::geom::{Abs, Size};

/// A length written as `"5mm"`, `"0.5cm"` or `"12pt"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Length(pub Abs);

impl FromStr for Length {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Length::parse(s, false)
    }
}

impl Length {
    /// A length that may be zero (`--bleed 0mm`: no bleed), never negative.
    pub fn zero_or_more(s: &str) -> Result<Length, String> {
        Length::parse(s, true)
    }

    fn parse(s: &str, zero_ok: bool) -> Result<Length, String> {
        let hint = || {
            format!("`{s}` is not a length: write a number and a unit, like \"5mm\" or \"12pt\"")
        };
        let t = s.trim();
        let (num, unit) = t
            .find(|c: char| c.is_ascii_alphabetic())
            .map(|i| t.split_at(i))
            .ok_or_else(hint)?;
        let v: f64 = num.trim().parse().map_err(|_| hint())?;
        if !v.is_finite() {
            return Err(hint());
        }
        if v < 0.0 || (v == 0.0 && !zero_ok) {
            return Err(format!(
                "`{s}` is {} length, which cannot print: write a size above zero, like \"5mm\"",
                if v < 0.0 { "a negative" } else { "a zero" }
            ));
        }
        let abs = match unit {
            "mm" => Abs::mm(v),
            "cm" => Abs::mm(v * 10.0),
            "pt" => Abs::pt(v),
            "in" => Abs::pt(v * 72.0),
            _ => return Err(hint()),
        };
        Ok(Length(abs))
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// A trimmed page size: a named size or `"WIDTHxHEIGHTmm"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    /// Finished (trimmed) width and height.
    pub trim: Size,
}

/// Named sizes, in millimetres (width × height, portrait).
const NAMED: &[(&str, f64, f64)] = &[
    ("id-1", 85.60, 53.98),
    ("business-card", 85.0, 55.0),
    ("a6", 105.0, 148.0),
    ("a5", 148.0, 210.0),
    ("a4", 210.0, 297.0),
    ("a3", 297.0, 420.0),
    ("a2", 420.0, 594.0),
    ("a1", 594.0, 841.0),
    ("dl", 99.0, 210.0),
];

impl FromStr for PageSize {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        if let Some(&(_, w, h)) = NAMED.iter().find(|(n, _, _)| *n == lower) {
            return Ok(PageSize {
                trim: Size::mm(w, h),
            });
        }
        let names: Vec<&str> = NAMED.iter().map(|(n, _, _)| *n).collect();
        let hint = || {
            format!(
                "`{s}` is not a page size: use one of {} or \"WIDTHxHEIGHTmm\" like \"85x55mm\"",
                names.join(", ")
            )
        };
        let dims = lower.strip_suffix("mm").ok_or_else(hint)?;
        let (w, h) = dims.split_once('x').ok_or_else(hint)?;
        let w: f64 = w.trim().parse().map_err(|_| hint())?;
        let h: f64 = h.trim().parse().map_err(|_| hint())?;
        if !(10.0..=2000.0).contains(&w) || !(10.0..=2000.0).contains(&h) {
            return Err(format!(
                "page size `{s}` is out of range: each side must be 10–2000 mm"
            ));
        }
        Ok(PageSize {
            trim: Size::mm(w, h),
        })
    }
}

impl<'de> Deserialize<'de> for PageSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_by_name_and_dimensions() {
        let card: PageSize = "85x55mm".parse().expect("size");
        assert!((card.trim.w.to_mm() - 85.0).abs() < 1e-9);
        assert!((card.trim.h.to_mm() - 55.0).abs() < 1e-9);
        let a5: PageSize = "A5".parse().expect("size");
        assert!((a5.trim.h.to_mm() - 210.0).abs() < 1e-9);
        assert!("85x55".parse::<PageSize>().is_err());
        assert!("5x5mm".parse::<PageSize>().is_err());
    }

    #[test]
    fn lengths_need_units() {
        assert_eq!("12pt".parse::<Length>(), Ok(Length(Abs::pt(12.0))));
        assert!("5".parse::<Length>().is_err());
        assert!("-5mm".parse::<Length>().is_err());
        assert!("0pt".parse::<Length>().is_err());
        assert!("0.0mm".parse::<Length>().is_err());
        assert!("5furlongs".parse::<Length>().is_err());
    }
}
