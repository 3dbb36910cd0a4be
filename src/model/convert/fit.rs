//! A page's fit keys (`fit`, `min-size`, `min-logo`): what layout may do
//! when the page does not fit, with the floors checked here.

use super::Checker;
use crate::diag::Diagnostic;
use crate::geom::Abs;
use crate::model::resource::PageFile;
use crate::model::{Fit, FitStrategy, TypeSizes, Variant};

/// Default smallest length of a logo's longer side, in millimetres.
const DEFAULT_MIN_LOGO_MM: f64 = 12.0;

/// The floor no fit may go below, for `variant`: 6 pt in print, the Easy
/// Read minimum in Easy Read, large print's body size in large print.
fn floor(variant: Variant) -> Abs {
    match variant {
        Variant::Standard | Variant::Bilingual => crate::rules::MIN_TEXT,
        Variant::EasyRead => crate::rules::MIN_EASY_READ_TEXT.max(crate::rules::MIN_TEXT),
        Variant::LargePrint => Abs::pt(crate::model::large_print::BODY_PT),
    }
}

impl Checker<'_> {
    /// The page's fit, defaults filled in. A `min-size` below the floor of
    /// the variant is an error at the key.
    pub(super) fn fit(&mut self, page: &PageFile, variant: Variant, sizes: &TypeSizes) -> Fit {
        let floor = floor(variant);
        let min_size = match &page.min_size {
            Some(v) => {
                let size = v.get_ref().0;
                if size < floor - Abs::pt(1e-9) {
                    self.errors
                        .push(too_small(variant, size, floor, self.span(v)));
                }
                size.max(floor)
            }
            None => (sizes.body * 0.75).max(floor),
        };
        let min_logo = page
            .min_logo
            .as_ref()
            .map_or(Abs::mm(DEFAULT_MIN_LOGO_MM), |v| v.get_ref().0);
        Fit {
            order: page
                .fit
                .clone()
                .unwrap_or_else(|| FitStrategy::DEFAULT.to_vec()),
            min_size,
            min_logo,
        }
    }
}

/// The error for a `min-size` below the variant's floor.
fn too_small(variant: Variant, size: Abs, floor: Abs, span: crate::diag::Span) -> Diagnostic {
    let what = match variant {
        Variant::EasyRead => "Easy Read text",
        Variant::Standard | Variant::LargePrint | Variant::Bilingual => "printed text",
    };
    Diagnostic::error(
        span,
        format!(
            "`min-size` is {:.1} pt, but {what} may not be smaller than {:.1} pt",
            size.to_pt(),
            floor.to_pt()
        ),
    )
    .with_hint(format!(
        "set min-size = \"{}pt\" or larger, or leave it out",
        floor.to_pt()
    ))
}
