//! Colours and the WCAG 2.x contrast formula.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// An sRGB colour with 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
    /// The process inks the theme states for this colour, each 0–100 %
    /// (`[theme.cmyk]`); `None`: converted by [`Colour::to_cmyk`].
    pub cmyk: Option<[u8; 4]>,
}

impl Colour {
    /// Pure white.
    pub const WHITE: Colour = Colour::rgb(255, 255, 255);
    /// Pure black.
    pub const BLACK: Colour = Colour::rgb(0, 0, 0);

    /// A colour from its three channels.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Colour {
            r,
            g,
            b,
            cmyk: None,
        }
    }

    /// Channels as fractions 0.0–1.0, for PDF operators.
    pub fn to_unit(self) -> [f32; 3] {
        [self.r, self.g, self.b].map(|c| f32::from(c) / 255.0)
    }

    /// The same colour printed in the inks `cmyk` (percentages).
    pub const fn with_cmyk(self, cmyk: [u8; 4]) -> Colour {
        Colour {
            cmyk: Some(cmyk),
            ..self
        }
    }

    /// Process colour for print, each ink 0.0–1.0 as `[c, m, y, k]`.
    ///
    /// The inks the theme states for the colour, if it does; otherwise:
    ///
    /// A device-naive conversion with full grey component replacement:
    /// `k = 1 − max(r, g, b)`, then each of c, m, y from what is left. Black
    /// and greys become pure K (black text is 100 % K), and at least one of
    /// c, m, y is always zero, so the total ink is at most 300 %. It is not
    /// colour-managed: a brand colour that must match a swatch needs its
    /// CMYK value from the print shop.
    ///
    /// A near-black (see [`Colour::is_near_black`]) is exactly 100 % K, so
    /// black text (the theme ink `#1A1A1A` included) prints in one ink.
    pub fn to_cmyk(self) -> [f32; 4] {
        if let Some(inks) = self.cmyk {
            return inks.map(|i| f32::from(i.min(100)) / 100.0);
        }
        if self.is_near_black() {
            return [0.0, 0.0, 0.0, 1.0];
        }
        let [r, g, b] = self.to_unit();
        let max = r.max(g).max(b);
        let k = 1.0 - max;
        if max <= 0.0 {
            return [0.0, 0.0, 0.0, 1.0];
        }
        let ink = |c: f32| ((max - c) / max).clamp(0.0, 1.0);
        [ink(r), ink(g), ink(b), k]
    }

    /// Whether the colour is meant as black: every channel at most `0x33`
    /// (20 %) and the channels within `0x0C` of each other (neutral, not
    /// a dark navy or brown).
    pub fn is_near_black(self) -> bool {
        let (lo, hi) = (
            self.r.min(self.g).min(self.b),
            self.r.max(self.g).max(self.b),
        );
        hi <= 0x33 && hi - lo <= 0x0C
    }

    /// WCAG 2.x relative luminance: each channel linearised from sRGB, then
    /// weighted 0.2126 R + 0.7152 G + 0.0722 B.
    pub fn relative_luminance(self) -> f64 {
        fn lin(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1.0 to 21.0.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.relative_luminance(), other.relative_luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// This colour mixed with white: `amount` 0.0 keeps it, 1.0 gives white.
    pub fn tint(self, amount: f64) -> Colour {
        let mix = |c: u8| {
            let c = f64::from(c);
            (c + (255.0 - c) * amount.clamp(0.0, 1.0)).round() as u8
        };
        Colour::rgb(mix(self.r), mix(self.g), mix(self.b))
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

/// Why a colour could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a colour: write it as \"#RRGGBB\", for example \"#1D3557\"")]
pub struct ParseColourError(String);

impl FromStr for Colour {
    type Err = ParseColourError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseColourError(s.to_owned());
        let hex = s.strip_prefix('#').ok_or_else(err)?;
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(err());
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| err());
        Ok(Colour::rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_wcag_values() {
        let white = Colour::WHITE;
        let c = |s: &str| s.parse::<Colour>().expect("valid colour");
        assert!((c("#767676").contrast(white) - 4.54).abs() < 0.01);
        assert!((c("#777777").contrast(white) - 4.48).abs() < 0.01);
        assert!((Colour::BLACK.contrast(white) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn cmyk_black_is_pure_k_and_ink_stays_under_300() {
        assert_eq!(Colour::BLACK.to_cmyk(), [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(Colour::WHITE.to_cmyk(), [0.0, 0.0, 0.0, 0.0]);
        for near in ["#1A1A1A", "#333333", "#222428"] {
            let c: Colour = near.parse().expect("valid");
            assert_eq!(c.to_cmyk(), [0.0, 0.0, 0.0, 1.0], "{near}");
        }
        let grey: Colour = "#343434".parse().expect("valid");
        assert!(grey.to_cmyk()[3] < 0.8);
        let navy: Colour = "#1D3557".parse().expect("valid");
        let [c, m, y, k] = navy.to_cmyk();
        assert!(c > m && m > y && k > 0.6, "{c} {m} {y} {k}");
        for r in (0..=255).step_by(17) {
            for g in (0..=255).step_by(17) {
                for b in (0..=255).step_by(17) {
                    let total: f32 = Colour::rgb(r, g, b).to_cmyk().iter().sum();
                    assert!(total <= 3.0 + 1e-5, "#{r:02X}{g:02X}{b:02X}: {total}");
                }
            }
        }
    }

    #[test]
    fn bad_colours_are_refused_with_a_hint() {
        for bad in ["1D3557", "#12345", "#GGGGGG", "#1D35577", "#ŵŵŵ"] {
            let err = bad.parse::<Colour>().expect_err(bad);
            assert!(err.to_string().contains("#RRGGBB"));
        }
    }
}
