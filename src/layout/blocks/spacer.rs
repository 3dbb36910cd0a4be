//! `kind = "spacer"`: empty space.

use super::Laid;
use crate::geom::Abs;

/// Nothing, `height` tall.
pub(super) fn lay(height: Abs, laid: &mut Laid) {
    laid.height = height;
}
