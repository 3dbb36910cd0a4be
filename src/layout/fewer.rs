//! The `fewer` fit strategy, the last resort: when a document does not fit
//! with every other strategy its pages state, each contacts block on a
//! page whose `fit` lists `"fewer"` prints as many of its contacts as fit
//! (at least one), and every contact left out is named in a warning.
//! Nothing is dropped silently.

use crate::diag::{Diagnostic, SourceResult};
use crate::pictures::Pictures;
use crate::resolve::{Content, Document, Entries};

use super::{FontBook, Frame, LayoutOptions};

/// [`super::layout`], or, when that fails and pages allow `fewer`, the
/// layout with the fewest contacts left out, and a warning for each block
/// that left some out. The errors are the full layout's when even one
/// contact a block does not fit.
pub fn layout(
    doc: &Document,
    fonts: &FontBook,
    pictures: &Pictures,
    options: &LayoutOptions,
) -> SourceResult<(Vec<Frame>, Vec<Diagnostic>)> {
    let errors = match super::layout(doc, fonts, pictures, options) {
        Ok(frames) => return Ok((frames, Vec::new())),
        Err(e) => e,
    };
    let most = allowing(doc).map(|e| e.entries.len()).max().unwrap_or(0);
    // No page holds more than a few hundred contacts: far more is a
    // mistake in the area's data, and stays an error.
    if !(2..=MOST).contains(&most) {
        return Err(errors);
    }
    let fits = |n: usize| {
        let (fewer, warnings) = cut_to(doc, n);
        super::layout(&fewer, fonts, pictures, options).map(|frames| (frames, warnings))
    };
    let Ok(mut best) = fits(1) else {
        return Err(errors);
    };
    // Fewer contacts never take more room: the most that fit, by halves.
    let (mut lo, mut hi) = (1, most);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        match fits(mid) {
            Ok(done) => (lo, best) = (mid, done),
            Err(_) => hi = mid,
        }
    }
    Ok(best)
}

/// The most contacts a block may have for `fewer` to be tried (and for
/// [`super::carry`] to carry them over): far more is a mistake in the
/// area's data, and stays an error.
pub(super) const MOST: usize = 200;

/// The contacts blocks of the pages that allow `fewer`.
fn allowing(doc: &Document) -> impl Iterator<Item = &Entries> {
    doc.pages
        .iter()
        .filter(|p| allows(p))
        .flat_map(|p| &p.blocks)
        .filter_map(|b| match &b.content {
            Content::Contacts(e) => Some(e),
            _ => None,
        })
}

/// Whether the page's `fit` lists `fewer`.
fn allows(page: &crate::resolve::Page) -> bool {
    page.fit.order.contains(&crate::model::FitStrategy::Fewer)
}

/// The document with every contacts block of the pages that allow `fewer`
/// cut to its first `n` contacts, and a warning for each block cut. A
/// bilingual document's Welsh version is cut alike, so both languages
/// print the same contacts (and only one set of warnings is given).
fn cut_to(doc: &Document, n: usize) -> (Document, Vec<Diagnostic>) {
    let mut fewer = doc.clone();
    let warnings = cut_pages(&mut fewer, n);
    if let Some((welsh, _)) = &mut fewer.welsh {
        cut_pages(welsh, n);
    }
    (fewer, warnings)
}

/// Cuts `doc`'s own pages as [`cut_to`] says; the warnings.
fn cut_pages(doc: &mut Document, n: usize) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for page in doc.pages.iter_mut().filter(|p| allows(p)) {
        for block in &mut page.blocks {
            let Content::Contacts(e) = &mut block.content else {
                continue;
            };
            if e.entries.len() <= n {
                continue;
            }
            let left: Vec<_> = e.entries.drain(n..).collect();
            e.marks.truncate(n);
            warnings.push(left_out(&block.span, &block.label, n, &left));
        }
    }
    warnings
}

/// The warning for a block that prints its first `n` contacts and leaves
/// out `left` (each named, and pointed at in the area file).
fn left_out(
    at: &crate::diag::Span,
    label: &str,
    n: usize,
    left: &[crate::resolve::RichText],
) -> Diagnostic {
    let name = |e: &crate::resolve::RichText| {
        e.runs
            .first()
            .map_or(String::new(), |r| r.text.trim().to_owned())
    };
    let names: Vec<String> = left.iter().map(|e| format!("\"{}\"", name(e))).collect();
    let what = match left.len() {
        1 => "1 contact is".to_owned(),
        k => format!("{k} contacts are"),
    };
    let mut d = Diagnostic::warning(
        at.clone(),
        format!(
            "{what} not printed: {label} has room for the first {n} (`fit` lists \"fewer\"), which leaves out {}",
            names.join(", ")
        ),
    )
    .with_hint("to print them, shorten the contacts' names or details, move the most important up the area's list, or give them their own tag");
    for e in left {
        if let Some(span) = &e.span {
            d = d.with_related(span.clone(), format!("{}, left out", name(e)));
        }
    }
    d
}
