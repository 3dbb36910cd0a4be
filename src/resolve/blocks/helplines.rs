//! `kind = "helplines"`: the national helplines for the area's nation,
//! each an entry of its name, number and hours.

use super::super::{Content, Entries, EntryLink, EntryMark, Filler, RichText};
use crate::colour::Colour;
use crate::diag::{Diagnostic, Span};
use crate::model::Helpline;

/// The first `count` helplines of the area's nation; `None` (with an error
/// at `span`) when the nation has none.
pub(super) fn resolve(
    cx: &mut Filler,
    helplines: &[Helpline],
    count: usize,
    fill: Option<Colour>,
    colour: Colour,
    span: &Span,
) -> Option<Content> {
    let nation = cx.area.nation;
    let shown: Vec<_> = helplines
        .iter()
        .filter(|h| h.nations.contains(&nation))
        .take(count)
        .collect();
    let marks = shown
        .iter()
        .map(|h| {
            EntryLink::phone(&h.phone.value)
                .map(EntryMark::Link)
                .into_iter()
                .collect()
        })
        .collect();
    let entries: Vec<_> = shown
        .into_iter()
        .map(|h| {
            let mut detail = h.phone.value.clone();
            if let Some(hours) = &h.hours {
                detail.push_str(" · ");
                detail.push_str(&hours.value);
            }
            RichText::entry(&h.name.value, "  ", &detail, &h.name.span)
        })
        .collect();
    if entries.is_empty() {
        cx.errors.push(
            Diagnostic::error(
                span.clone(),
                format!("no national helpline is listed for {}", nation.name()),
            )
            .with_hint("add a [[helpline]] for this nation to areas/national.toml"),
        );
        return None;
    }
    Some(Content::Helplines(Entries {
        entries,
        picture: None,
        marks,
        fill,
        colour,
    }))
}
