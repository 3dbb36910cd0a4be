//! `kind = "prepared-by"`: the area's logo and "prepared by" line.

use super::super::{Content, Filler, PictureSpec, RichText, Run};
use crate::colour::Colour;
use crate::geom::Abs;
use crate::model::{PHRASE_SEPARATOR, Phrases};

/// The area's logo and line; `None` when the area has neither.
pub(super) fn resolve(cx: &mut Filler, width: Option<Abs>, colour: Colour) -> Option<Content> {
    let logo = cx.area.logo.as_ref().map(|l| PictureSpec {
        src: l.src(),
        alt: format!("{} logo", cx.area.name.value),
        width,
        max_width: None,
        lang: None,
    });
    let easy_read = cx.easy_read;
    let text = cx
        .area
        .prepared_by
        .as_ref()
        .and_then(|l| line(l, easy_read));
    if logo.is_none() && text.is_none() {
        return None;
    }
    let logo_at = cx.area.logo.as_ref().map(|l| l.span.clone());
    Some(Content::PreparedBy {
        logo,
        text,
        colour,
        logo_at,
    })
}

/// The "prepared by" line: its parts in their languages, joined by " · "
/// or, in Easy Read, one below the other (`**` is printed as written, not
/// as bold).
fn line(line: &Phrases, easy_read: bool) -> Option<RichText> {
    let first = line.parts.first()?;
    let mut runs = Vec::new();
    for (i, p) in line.parts.iter().enumerate() {
        if i > 0 {
            let separator = if easy_read { "\n" } else { PHRASE_SEPARATOR };
            runs.push(Run::new(separator, false));
        }
        runs.push(Run {
            lang: p.lang.as_ref().map(|l| l.value.clone()),
            ..Run::new(p.text.value.replace("**", ""), false)
        });
    }
    Some(RichText {
        runs,
        span: Some(first.text.span.clone()),
    })
}
