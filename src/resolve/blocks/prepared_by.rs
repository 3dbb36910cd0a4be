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
    let text = cx.area.prepared_by.as_ref().and_then(line);
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
/// (`**` is printed as written, not as bold).
fn line(line: &Phrases) -> Option<RichText> {
    let first = line.parts.first()?;
    let mut runs = Vec::new();
    for (i, p) in line.parts.iter().enumerate() {
        if i > 0 {
            runs.push(Run::new(PHRASE_SEPARATOR, false));
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
