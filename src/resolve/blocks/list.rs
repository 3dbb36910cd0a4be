//! `kind = "list"`: each bullet point filled in.

use super::super::{Content, Filler};
use crate::colour::Colour;
use crate::model::Located;

/// The bullet points, filled in.
pub(super) fn resolve(cx: &mut Filler, items: &[Located<String>], colour: Colour) -> Content {
    Content::List {
        items: items.iter().map(|i| cx.rich(i)).collect(),
        colour,
    }
}
