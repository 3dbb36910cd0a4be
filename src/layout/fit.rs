//! Fit strategies: what layout relaxes, step by step and in the order the
//! page states (`fit`), when a page does not fit as designed. Each step
//! keeps the ones before it; the first step whose page fits is used.
//! Nothing is clipped, nothing overlaps, and no type goes below the page's
//! `min-size` (itself never below the variant's floor; see
//! `model::convert::fit`).

use crate::geom::Abs;
use crate::model::{Fit, FitStrategy, TypeSizes};
use crate::resolve::{Content, Page};

/// How far the strategies have gone.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Relax {
    /// The gap between blocks, as a share of the usual gap taken away
    /// (0: the usual gap; at most [`MAX_GAP_CUT`]).
    pub gap_cut: f64,
    /// Contacts blocks that leave their columns to layout are set in two
    /// wherever every entry fits half the width.
    pub columns: bool,
    /// The logo's box as a share of its declared size (0: as declared).
    pub logo_cut: f64,
    /// The smallest the logo's longer side may get.
    pub min_logo: Abs,
    /// The type sizes in use, when stepped down.
    pub sizes: Option<TypeSizes>,
    /// Sentences run on instead of each starting a line: an Easy Read
    /// page tries this, from its first step again, only when no step fits
    /// with every sentence on a line of its own (`super::flow::page`).
    pub run_on: bool,
}

/// The most of the usual gap between blocks that `spacing` takes away.
pub const MAX_GAP_CUT: f64 = 0.5;

/// How much smaller each type step makes the body size.
const TYPE_STEP: Abs = Abs::pt(0.5);

/// Every step to try on `page` (whose type sizes are `sizes`), in order,
/// each one relaxing a little more than the one before. Strategies that
/// cannot change the page (no logo, no contacts) are left out.
pub fn steps(page: &Page, sizes: TypeSizes) -> Vec<Relax> {
    let fit = &page.fit;
    let mut at = Relax {
        min_logo: fit.min_logo,
        ..Relax::default()
    };
    let mut out = Vec::new();
    for strategy in &fit.order {
        match strategy {
            FitStrategy::Spacing => {
                for cut in [0.25, MAX_GAP_CUT] {
                    at.gap_cut = cut;
                    out.push(at);
                }
            }
            FitStrategy::Columns
                if has(
                    page,
                    |c| matches!(c, Content::Contacts(e) if e.columns.is_none()),
                ) =>
            {
                at.columns = true;
                out.push(at);
            }
            FitStrategy::Logo
                if has(page, |c| {
                    matches!(
                        c,
                        Content::PreparedBy { logo: Some(_), .. } | Content::Logo { .. }
                    )
                }) =>
            {
                for cut in [0.15, 0.3, 0.45, 0.6, 0.75] {
                    at.logo_cut = cut;
                    out.push(at);
                }
            }
            FitStrategy::Type => {
                for s in stepped(sizes, fit) {
                    at.sizes = Some(s);
                    out.push(at);
                }
            }
            // Done around the whole document, after every other step
            // (`super::fewer`).
            FitStrategy::Columns | FitStrategy::Logo | FitStrategy::Fewer => {}
        }
    }
    out
}

/// Whether any block of `page` shows content that `test` picks.
fn has(page: &Page, test: impl Fn(&Content) -> bool) -> bool {
    page.blocks.iter().any(|b| test(&b.content))
}

/// The type sizes, the body half a point smaller each step until it
/// reaches `min-size`; every size scales with the body, but none goes
/// below `min-size` (a size already below it stays as it is). Phone
/// numbers set larger than the body come down to it first, the sizes
/// otherwise as they were, and then step with the body: a page short of
/// room gives up their emphasis before any size.
pub(super) fn stepped(sizes: TypeSizes, fit: &Fit) -> Vec<TypeSizes> {
    let floor = fit.min_size;
    let mut out = Vec::new();
    let sizes = if sizes.phone > sizes.body {
        let level = TypeSizes {
            phone: sizes.body,
            ..sizes
        };
        out.push(level);
        level
    } else {
        sizes
    };
    let mut body = sizes.body - TYPE_STEP;
    while body >= floor - Abs::pt(1e-9) && sizes.body > Abs::ZERO {
        let f = body / sizes.body;
        let scale = |s: Abs| (s * f).max(s.min(floor));
        out.push(TypeSizes {
            title: scale(sizes.title),
            subtitle: scale(sizes.subtitle),
            heading: scale(sizes.heading),
            body: scale(sizes.body),
            small: scale(sizes.small),
            phone: scale(sizes.phone),
            leading: sizes.leading,
        });
        body -= TYPE_STEP;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(body: f64, small: f64) -> TypeSizes {
        TypeSizes {
            title: Abs::pt(40.0),
            subtitle: Abs::pt(20.0),
            heading: Abs::pt(20.0),
            body: Abs::pt(body),
            small: Abs::pt(small),
            phone: Abs::pt(body),
            leading: 1.25,
        }
    }

    fn fit(min: f64) -> Fit {
        Fit {
            order: FitStrategy::DEFAULT.to_vec(),
            min_size: Abs::pt(min),
            min_logo: Abs::mm(12.0),
        }
    }

    #[test]
    fn type_steps_stop_at_the_floor() {
        let steps = stepped(sizes(16.0, 12.0), &fit(14.0));
        // 15.5, 15.0, 14.5, 14.0.
        assert_eq!(steps.len(), 4);
        for s in &steps {
            for size in [s.title, s.subtitle, s.heading, s.body] {
                assert!(size >= Abs::pt(14.0 - 1e-9), "{size:?}");
            }
            // Small print already below the floor stays where it is.
            assert_eq!(s.small, Abs::pt(12.0));
        }
        assert!((steps[3].body.to_pt() - 14.0).abs() < 1e-9);
        assert!((steps[3].title.to_pt() - 35.0).abs() < 1e-9);
    }

    #[test]
    fn larger_phone_numbers_come_down_to_the_body_first() {
        let steps = stepped(
            TypeSizes {
                phone: Abs::pt(17.0),
                ..sizes(16.0, 12.0)
            },
            &fit(14.0),
        );
        // The phone at 16, then 15.5, 15.0, 14.5, 14.0 with the body.
        assert_eq!(steps.len(), 5);
        assert_eq!(steps[0], sizes(16.0, 12.0));
        for s in &steps {
            assert_eq!(s.phone, s.body);
        }
    }

    #[test]
    fn no_type_step_below_the_floor() {
        assert!(stepped(sizes(14.0, 14.0), &fit(14.0)).is_empty());
    }
}
