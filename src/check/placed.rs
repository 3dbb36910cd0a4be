//! Rules that need the layout or the resource structure.
//!
//! They take plain values (sizes in points, colours, flags) so the caller
//! decides where the values come from: the resource model, or the laid-out
//! frames.

use crate::colour::Colour;
use crate::diag::Span;

use super::{Finding, Policy, Rule};

/// WCAG "large text": at least 18 pt, or at least 14 pt when bold.
pub fn is_large_text(size_pt: f64, bold: bool) -> bool {
    size_pt >= 18.0 || (bold && size_pt >= 14.0)
}

/// `FontTooSmall` when `size_pt` is below [`Policy::min_body`] (or not a
/// number).
pub fn check_font_size(size_pt: f64, span: &Span, policy: &Policy) -> Option<Finding> {
    if size_pt >= policy.min_body.to_pt() {
        return None;
    }
    Some(Finding::new(
        Rule::FontTooSmall,
        span.clone(),
        format!(
            "text is set at {size_pt:.1} pt; Easy Read text is at least {} pt",
            policy.min_body.to_pt()
        ),
        format!(
            "use 16 pt for body text (the Easy Read default), never less than {} pt",
            policy.min_body.to_pt()
        ),
    ))
}

/// `LowContrast` when text in `fg` on `bg` falls below the WCAG 2.x minimum:
/// [`Policy::min_contrast`] (4.5:1), or [`Policy::min_contrast_large`] (3:1)
/// for large text ([`is_large_text`]). The ratio is compared unrounded, so
/// 4.48:1 fails 4.5:1.
pub fn check_contrast(
    fg: Colour,
    bg: Colour,
    size_pt: f64,
    bold: bool,
    span: &Span,
    policy: &Policy,
) -> Option<Finding> {
    let large = is_large_text(size_pt, bold);
    let need = if large {
        policy.min_contrast_large
    } else {
        policy.min_contrast
    };
    let ratio = fg.contrast(bg);
    if ratio >= need {
        return None;
    }
    // Shown rounded down, so a failing 4.499 never reads as "4.50".
    let shown = (ratio * 100.0).floor() / 100.0;
    let kind = if large { "large text" } else { "text" };
    Some(Finding::new(
        Rule::LowContrast,
        span.clone(),
        format!(
            "{kind} in {fg} on {bg} has a contrast of {shown:.2}:1; it needs at least {need}:1"
        ),
        "darken the text or lighten the background; aim for 7:1 or more (black on white is 21:1)",
    ))
}

/// `RowWithoutPicture` for Easy Read text with no picture beside it.
/// `what` names the block in the message ("this list", "these contacts").
pub fn check_row_picture(has_picture: bool, what: &str, span: &Span) -> Option<Finding> {
    (!has_picture).then(|| {
        Finding::new(
            Rule::RowWithoutPicture,
            span.clone(),
            format!("{what} is Easy Read text without a picture beside it"),
            "make it a `row` with a picture on the left that shows the idea (or, for contacts, \
             add picture = \"assets/pictures/phone.svg\" and alt = \"A telephone\")",
        )
    })
}

/// `PictureWithoutAlt` when a picture's alternative text is missing, blank,
/// or just a file name.
pub fn check_picture_alt(alt: Option<&str>, span: &Span) -> Option<Finding> {
    let alt = alt.map(str::trim).unwrap_or("");
    let lower = alt.to_lowercase();
    let file_name = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    if !alt.is_empty() && !file_name {
        return None;
    }
    let message = if file_name {
        format!("the alternative text \"{alt}\" is a file name")
    } else {
        "this picture has no alternative text".to_owned()
    };
    Some(Finding::new(
        Rule::PictureWithoutAlt,
        span.clone(),
        message,
        "add `alt = \"...\"` saying what the picture shows, in a few plain words",
    ))
}
