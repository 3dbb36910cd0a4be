//! `kind = "helplines"`: laid out as a list of entries, like contacts.

use super::{BlockContext, Laid, contacts};
use crate::diag::Diagnostic;
use crate::resolve::{Block, Entries};

/// The helplines one below the other, on the band of `fill` if any.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    list: &Entries,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    contacts::lay(cx, block, list, laid)
}
