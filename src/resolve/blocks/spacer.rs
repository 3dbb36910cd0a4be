//! `kind = "spacer"`: nothing to fill in.

use super::super::Content;
use crate::geom::Abs;

/// Empty space `height` tall.
pub(super) fn resolve(height: Abs) -> Content {
    Content::Spacer { height }
}
