//! Pouring a document's sections into the panels or pages of its `flow`
//! page, each section kept whole: by height, so that the pages are about
//! equally full, or, when a fixed number of panels cannot take them so,
//! the same number of sections to each.

use crate::geom::Abs;
use crate::resolve::{Block, Document, Page};

use super::blocks;
use super::flow;
use super::frame::Frame;

/// Pours the document's sections into panels shaped like `page`: first as
/// designed, so that a section that does not fit moves to the next panel;
/// only when that fails, with the page's fit strategies. Where the pages
/// are as many as needed, a section too tall for one is first split at
/// its contacts ([`super::carry`]).
pub(super) fn pour<'a>(
    doc: &Document,
    page: &Page,
    cx_at: &dyn Fn(usize) -> blocks::BlockContext<'a>,
    bleed: Abs,
    panels: Option<usize>,
) -> Result<Vec<Frame>, Vec<crate::diag::Diagnostic>> {
    // Pages as many as needed: a section too tall for one carries its
    // contacts over to the next.
    let carried = match panels {
        None => super::carry::split(doc, page, &cx_at(0), bleed),
        Some(_) => std::borrow::Cow::Borrowed(doc),
    };
    let doc = carried.as_ref();
    let as_designed = Page {
        fit: crate::model::Fit::none(),
        ..page.clone()
    };
    match pour_as(doc, &as_designed, cx_at, bleed, panels) {
        Err(_) if !page.fit.order.is_empty() => pour_as(doc, page, cx_at, bleed, panels),
        done => done,
    }
}

/// Pours the document's sections into panels shaped like `page` (panel `i`
/// of them laid out with `cx_at(i)`), keeping each section on one panel.
/// Without a fixed number of panels: in as few pages as hold them, split
/// so that the emptiest page is as full as can be ([`balanced`]). With a
/// fixed number: each panel as full as the shortest height that still
/// takes them all; when they do not fit so, the same number to each.
fn pour_as<'a>(
    doc: &Document,
    page: &Page,
    cx_at: &dyn Fn(usize) -> blocks::BlockContext<'a>,
    bleed: Abs,
    panels: Option<usize>,
) -> Result<Vec<Frame>, Vec<crate::diag::Diagnostic>> {
    let with = |sections: &[Vec<Block>]| {
        let mut blocks = page.blocks.clone();
        for s in sections {
            // A clear gap between sections, on top of the usual block gap.
            if !blocks.is_empty()
                && let Some(first) = s.first()
            {
                blocks.push(Block {
                    content: crate::resolve::Content::Spacer {
                        height: doc.type_sizes.body * doc.type_sizes.leading * 0.8,
                    },
                    ..first.clone()
                });
            }
            blocks.extend(s.iter().cloned());
        }
        Page {
            blocks,
            ..page.clone()
        }
    };
    // In order, the same number of sections to each panel: the way
    // sections are shared when they do not fit by height.
    let even = || -> Option<Result<Vec<Frame>, Vec<crate::diag::Diagnostic>>> {
        let n = panels.filter(|&n| n > 0)?;
        let (base, extra) = (doc.sections.len() / n, doc.sections.len() % n);
        let mut even = Vec::with_capacity(n);
        let mut at = 0;
        for i in 0..n {
            let take = base + usize::from(i < extra);
            even.push(flow::page(
                &with(&doc.sections[at..at + take]),
                &cx_at(i),
                bleed,
            ));
            at += take;
        }
        even.iter()
            .all(Result::is_ok)
            .then(|| even.into_iter().collect())
    };
    let fill = |splits: &[(usize, usize)]| -> Result<Vec<Frame>, Vec<crate::diag::Diagnostic>> {
        let mut out = Vec::with_capacity(splits.len());
        for (i, &(a, b)) in splits.iter().enumerate() {
            out.push(super::grow::page(
                &with(&doc.sections[a..b]),
                &cx_at(i),
                bleed,
            )?);
        }
        if let Some(n) = panels {
            while out.len() < n {
                out.push(flow::page(&with(&[]), &cx_at(out.len()), bleed)?);
            }
        }
        Ok(out)
    };
    let splits = match greedy(doc, &with, cx_at, bleed, panels, 1.0) {
        Ok(splits) => splits,
        Err(e) => return even().unwrap_or(Err(e)),
    };
    // Shared by height: the shortest pages that still take the sections
    // in as many pages (or the format's panels), so the last page is not
    // left half empty.
    let pages = panels.unwrap_or(splits.len());
    if pages < 2 {
        return fill(&splits);
    }
    if panels.is_none()
        && let Some(shared) = balanced(doc, &with, &cx_at(0), bleed, pages)
        && let Ok(frames) = fill(&shared)
    {
        return Ok(frames);
    }
    let (mut lo, mut hi, mut best) = (0.3, 1.0, splits.clone());
    for _ in 0..6 {
        let mid = (lo + hi) / 2.0;
        match greedy(doc, &with, cx_at, bleed, panels, mid) {
            Ok(s) if s.len() <= pages && (panels.is_some() || s.len() == pages) => {
                best = s;
                hi = mid;
            }
            _ => lo = mid,
        }
    }
    fill(&best)
}

/// The share of a page's height that `page` needs, to within 1/128, or
/// `None` when it does not fit the whole page.
fn needed(page: &Page, cx: &blocks::BlockContext<'_>, bleed: Abs) -> Option<f64> {
    let fits = |share: f64| {
        let mut cx = *cx;
        cx.size.h = cx.size.h * share;
        flow::page(page, &cx, bleed).is_ok()
    };
    if !fits(1.0) {
        return None;
    }
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..7 {
        let mid = (lo + hi) / 2.0;
        if fits(mid) { hi = mid } else { lo = mid }
    }
    Some(hi)
}

/// The split of the sections into `pages` pages, in order, whose emptiest
/// page is as full as can be (so no page is left with a few lines while
/// the others are full): `(first, end)` of each page's sections, or
/// `None` when no split fits.
fn balanced(
    doc: &Document,
    with: &dyn Fn(&[Vec<Block>]) -> Page,
    cx: &blocks::BlockContext<'_>,
    bleed: Abs,
    pages: usize,
) -> Option<Vec<(usize, usize)>> {
    let n = doc.sections.len();
    // need[a][b - a - 1]: the share sections a..b need on one page; the
    // list for `a` stops at the first range that does not fit.
    let need: Vec<Vec<f64>> = (0..n)
        .map(|a| {
            (a + 1..=n)
                .map_while(|b| needed(&with(&doc.sections[a..b]), cx, bleed))
                .collect()
        })
        .collect();
    // best[j][e]: over splits of sections 0..e into j pages, the largest
    // smallest share, and where the last page starts.
    let mut best = vec![vec![None::<(f64, usize)>; n + 1]; pages + 1];
    best[0][0] = Some((f64::INFINITY, 0));
    for j in 1..=pages {
        for e in 1..=n {
            best[j][e] = (0..e)
                .filter_map(|s| {
                    let (before, _) = best[j - 1][s]?;
                    let share = *need[s].get(e - s - 1)?;
                    Some((before.min(share), s))
                })
                .max_by(|x, y| x.0.total_cmp(&y.0));
        }
    }
    let mut splits = Vec::with_capacity(pages);
    let mut end = n;
    for j in (1..=pages).rev() {
        let (_, start) = best[j][end]?;
        splits.push((start, end));
        end = start;
    }
    splits.reverse();
    Some(splits)
}

/// Where the sections break into panels when each panel takes as many as
/// fit on a page `share` of the panel's height: `(first, end)` of each.
fn greedy<'a>(
    doc: &Document,
    with: &dyn Fn(&[Vec<Block>]) -> Page,
    cx_at: &dyn Fn(usize) -> blocks::BlockContext<'a>,
    bleed: Abs,
    panels: Option<usize>,
    share: f64,
) -> Result<Vec<(usize, usize)>, Vec<crate::diag::Diagnostic>> {
    let at = |i: usize| {
        let mut cx = cx_at(i);
        cx.size.h = cx.size.h * share;
        cx
    };
    let mut out = Vec::new();
    let mut start = 0;
    for end in 1..=doc.sections.len() {
        let cx = at(out.len());
        if flow::page(&with(&doc.sections[start..end]), &cx, bleed).is_ok() {
            continue;
        }
        if end - 1 == start {
            // This section does not fit even an empty panel: say why.
            flow::page(&with(&doc.sections[start..end]), &cx, bleed)?;
        }
        out.push((start, end - 1));
        start = end - 1;
        if let Some(n) = panels
            && out.len() >= n
        {
            let first = doc.sections[start].first();
            let label = first.map_or("a section".to_owned(), |b| b.label.clone());
            return Err(vec![crate::diag::Diagnostic::error(
                    first.map(|b| b.span.clone()),
                    format!("the sections do not fit in the {n} panels of this format: {label} is left over"),
                ).with_hint("shorten the sections or use a format with more pages")]);
        }
    }
    out.push((start, doc.sections.len()));
    Ok(out)
}
