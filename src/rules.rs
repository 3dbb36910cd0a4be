//! The print rules, in one place: the numbers a print shop holds a file to,
//! used by the checks `build` runs on every document (on its frames), by
//! `wellprint preflight` (on any PDF), by the TOML model (type sizes) and
//! by the Easy Read checks.
//!
//! | rule | value |
//! |---|---|
//! | [`MIN_TEXT`] | 6 pt, the smallest text a printed page may carry |
//! | [`MIN_EASY_READ_TEXT`] | 14 pt, the smallest Easy Read body text |
//! | [`HAIRLINE`] | 0.25 pt, the thinnest stroke that prints |
//! | [`MAX_INK_PERCENT`] | 300 %, the most CMYK ink in one colour |
//! | [`min_ppi`] | 300 ppi, or 150 ppi on pages of A2 and larger |
//! | [`safe_margin`] | 5 mm from the trim, or 4 mm on cards |
//!
//! Page-size rules compare the trimmed size with its short and long side,
//! so a landscape page is judged as its portrait twin.

use crate::geom::{Abs, Size};

/// Smallest text on a printed page.
pub const MIN_TEXT: Abs = Abs::pt(6.0);
/// Smallest Easy Read body text.
pub const MIN_EASY_READ_TEXT: Abs = Abs::pt(14.0);
/// Thinnest stroke that prints reliably.
pub const HAIRLINE: Abs = Abs::pt(0.25);
/// Most ink in one CMYK colour, percent (C + M + Y + K).
pub const MAX_INK_PERCENT: f64 = 300.0;
/// Resolution raster pictures need at their placed size, pixels per inch.
pub const PRINT_PPI: f64 = 300.0;
/// Resolution enough on posters ([`is_poster`]), seen from further away.
pub const POSTER_PPI: f64 = 150.0;
/// Text keeps this far from the trim.
pub const SAFE_MARGIN: Abs = Abs::mm(5.0);
/// Text keeps this far from the trim on cards ([`is_card`]).
pub const CARD_SAFE_MARGIN: Abs = Abs::mm(4.0);

/// A2, the smallest poster: 420 × 594 mm.
const A2: Size = Size::new(Abs::mm(420.0), Abs::mm(594.0));
/// A6, the smallest page that is not a card: 105 × 148 mm.
const A6: Size = Size::new(Abs::mm(105.0), Abs::mm(148.0));
/// Card panels are at most this high: a strip of them (a folding card)
/// is a card whatever its length.
const CARD_HEIGHT: Abs = Abs::mm(60.0);

/// The short and the long side.
fn sides(trim: Size) -> (Abs, Abs) {
    (trim.w.min(trim.h), trim.w.max(trim.h))
}

/// Whether a trimmed page is A2 or larger (1 mm short of it still counts,
/// so a size rounded in the file is not judged smaller).
pub fn is_poster(trim: Size) -> bool {
    let (short, long) = sides(trim);
    short >= A2.w - Abs::mm(1.0) && long >= A2.h - Abs::mm(1.0)
}

/// Whether a trimmed page is a card: smaller than A6 (by more than half a
/// millimetre), or a strip of card panels whose short side is card height.
pub fn is_card(trim: Size) -> bool {
    let (short, long) = sides(trim);
    let half = Abs::mm(0.5);
    (short < A6.w - half && long < A6.h - half) || short < CARD_HEIGHT
}

/// The resolution raster pictures need on a page of `trim` size:
/// [`PRINT_PPI`], or [`POSTER_PPI`] on posters.
pub fn min_ppi(trim: Size) -> f64 {
    if is_poster(trim) {
        POSTER_PPI
    } else {
        PRINT_PPI
    }
}

/// How far text keeps from the trim on a page of `trim` size.
pub fn safe_margin(trim: Size) -> Abs {
    if is_card(trim) {
        CARD_SAFE_MARGIN
    } else {
        SAFE_MARGIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a2_and_larger_in_either_orientation_need_150_ppi() {
        assert_eq!(min_ppi(Size::mm(420.0, 594.0)), POSTER_PPI);
        assert_eq!(min_ppi(Size::mm(594.0, 420.0)), POSTER_PPI);
        assert_eq!(min_ppi(Size::mm(841.0, 1189.0)), POSTER_PPI);
        // Wide but not A2: a DL strip of panels 420 mm across.
        assert_eq!(min_ppi(Size::mm(420.0, 99.0)), PRINT_PPI);
        assert_eq!(min_ppi(Size::mm(297.0, 420.0)), PRINT_PPI);
        assert_eq!(min_ppi(Size::mm(210.0, 297.0)), PRINT_PPI);
    }

    #[test]
    fn cards_keep_4_mm_and_pages_5_mm() {
        assert_eq!(safe_margin(Size::mm(85.6, 54.0)), CARD_SAFE_MARGIN);
        assert_eq!(safe_margin(Size::mm(171.2, 54.0)), CARD_SAFE_MARGIN);
        assert_eq!(safe_margin(Size::mm(105.0, 148.0)), SAFE_MARGIN);
        assert_eq!(safe_margin(Size::mm(210.0, 297.0)), SAFE_MARGIN);
    }
}
