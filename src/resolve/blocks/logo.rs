//! `kind = "logo"`: the area's logo on its own.

use super::super::{Content, Filler, PictureSpec};
use crate::geom::Abs;

/// The area's logo; `None` when the area has none.
pub(super) fn resolve(cx: &mut Filler, width: Option<Abs>) -> Option<Content> {
    let logo = cx.area.logo.as_ref()?;
    Some(Content::Logo {
        logo: PictureSpec {
            src: logo.src(),
            alt: format!("{} logo", cx.area.name.value),
            width: Some(width.unwrap_or(Abs::mm(30.0))),
            max_width: None,
            lang: None,
        },
        logo_at: logo.span.clone(),
    })
}
