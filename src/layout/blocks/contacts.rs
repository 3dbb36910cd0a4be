//! `kind = "contacts"`: a list of entries, each a short paragraph with its
//! links and languages tagged; with a picture, each entry is a row with the
//! picture on the left. Helplines are laid out the same way.

use super::{BlockContext, Laid};
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::frame::{Group, Role};
use crate::layout::pictures;
use crate::resolve::{Block, Entries, EntryMark, TextStyle};

/// The entries one below the other, on the band of `fill` if any.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    list: &Entries,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let spec = cx.spec(TextStyle::Body);
    let picture = list.picture.as_ref();
    let gap = spec.size * spec.leading * if picture.is_some() { 0.8 } else { 0.35 };
    // With a picture, each entry is a row: picture left, text right.
    let pic_w = picture.map_or(Abs::ZERO, |p| {
        p.width.unwrap_or(cx.width * 0.18).min(cx.width * 0.3)
    });
    let x = if picture.is_some() {
        pic_w + spec.size * 1.2
    } else {
        Abs::ZERO
    };
    for (i, entry) in list.entries.iter().enumerate() {
        if i > 0 {
            laid.height += gap;
        }
        let top = laid.height;
        let mut h = Abs::ZERO;
        if let Some(pic) = picture {
            let (item, ph) = pictures::place(cx.pictures, pic, pic_w, block)?;
            laid.items.push((Point::new(Abs::ZERO, top), item));
            h = ph;
        }
        let p = cx.set(entry, spec, cx.width - x, block)?;
        let roles = roles(list.marks.get(i).map_or(&[], Vec::as_slice));
        p.place_linked(
            Role::P,
            &roles,
            Point::new(x, top),
            list.colour,
            &mut laid.items,
        );
        laid.height = top + p.height().max(h);
    }
    laid.band = list.fill;
    Ok(())
}

/// The text of each mark and the group it is tagged with: a link, or a
/// span in another language.
fn roles(marks: &[EntryMark]) -> Vec<(String, Group)> {
    marks
        .iter()
        .map(|m| match m {
            EntryMark::Link(l) => {
                let role = Role::Link {
                    uri: l.uri.clone(),
                    description: l.description.clone(),
                };
                (l.text.clone(), Group::tagged(role, Vec::new()))
            }
            EntryMark::Lang { text, lang } => (
                text.clone(),
                Group {
                    lang: Some(lang.clone()),
                    ..Group::tagged(Role::Span, Vec::new())
                },
            ),
        })
        .collect()
}
