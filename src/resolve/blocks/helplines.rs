//! `kind = "helplines"`: the national helplines for the area's nation,
//! each an entry of its name, number and hours.

use super::super::{Content, Entries, EntryLink, EntryMark, Filler, RichText};
use crate::colour::Colour;
use crate::diag::{Diagnostic, Span};
use crate::model::{Helpline, PictureRef};

/// The first `count` helplines of the area's nation, with `picture` beside
/// each if given; `None` (with an error at `span`) when the nation has
/// none.
pub(super) fn resolve(
    cx: &mut Filler,
    (helplines, count): (&[Helpline], usize),
    picture: Option<&PictureRef>,
    (fill, colour): (Option<Colour>, Colour),
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
    let easy_read = cx.easy_read;
    let entries: Vec<_> = shown
        .into_iter()
        .map(|h| match easy_read {
            true => easy_read_entry(h),
            false => entry(h),
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
    let picture = picture.map(|p| cx.picture(p));
    Some(Content::Helplines(Entries {
        entries,
        picture,
        marks,
        fill,
        colour,
        // A band of helplines reads across the page, one under another.
        columns: Some(1),
    }))
}

/// A helpline on one line: the name in bold, then its number and hours
/// joined by " · ".
fn entry(h: &Helpline) -> RichText {
    let mut detail = h.phone.value.clone();
    if let Some(hours) = &h.hours {
        detail.push_str(" · ");
        detail.push_str(&hours.value);
    }
    RichText::entry(&h.name.value, "  ", &detail, &h.name.span)
}

/// A helpline as Easy Read prints a contact ([`super::contacts::entry_lines`]):
/// the name, the number and the hours written out, one below the other.
fn easy_read_entry(h: &Helpline) -> RichText {
    let mut details = vec![(h.phone.value.clone(), true)];
    if let Some(hours) = &h.hours {
        details.push((super::super::hours::spelt_out(&hours.value), false));
    }
    super::contacts::entry_lines(&h.name.value, &details, true, &h.name.span)
}
