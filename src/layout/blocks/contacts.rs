//! `kind = "contacts"`: a list of entries, each a short paragraph with its
//! links and languages tagged; with a picture, each entry is a row with the
//! picture on the left. Helplines are laid out the same way.

use super::{BlockContext, Laid};
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point};
use crate::layout::frame::{Group, Role};
use crate::layout::pictures;
use crate::layout::text::Wrap;
use crate::resolve::{Block, Entries, EntryMark, RichText, Run, TextStyle};

/// The entries one below the other, on the band of `fill` if any; in two
/// columns (filled down the first, then the second) when the block asks
/// for two, or when it leaves it to layout and every entry fits half the
/// width on as many lines as the whole width.
pub(super) fn lay(
    cx: &BlockContext,
    block: &Block,
    list: &Entries,
    laid: &mut Laid,
) -> Result<(), Diagnostic> {
    let spec = cx.spec(TextStyle::Body);
    let gap = spec.size * spec.leading * if list.picture.is_some() { 0.8 } else { 0.35 };
    let col_gap = spec.size * 2.0;
    let half = (cx.width - col_gap) * 0.5;
    let whole = entries(cx, block, list, cx.width)?;
    let two = match list.columns {
        Some(n) => n >= 2 && list.entries.len() > 1,
        // The `columns` fit strategy: two wherever every entry fits.
        None if cx.relax.columns => {
            list.entries.len() > 1 && entries(cx, block, list, half).is_ok()
        }
        // A word too wide for half the width rules two columns out.
        None => {
            list.entries.len() > 1
                && entries(cx, block, list, half).is_ok_and(|halves| {
                    halves
                        .iter()
                        .zip(&whole)
                        .all(|(h, w)| h.1 <= w.1 + Abs::pt(0.01))
                })
        }
    };
    if two {
        let halves = halves(cx, block, list, half, &whole)?;
        let split = balanced_split(&halves, gap);
        let left = stack(
            &halves[..split],
            gap,
            Point::new(Abs::ZERO, Abs::ZERO),
            laid,
        );
        let right = stack(
            &halves[split..],
            gap,
            Point::new(half + col_gap, Abs::ZERO),
            laid,
        );
        laid.height = left.max(right);
    } else {
        laid.height = stack(&whole, gap, Point::new(Abs::ZERO, Abs::ZERO), laid);
    }
    laid.band = list.fill;
    Ok(())
}

/// The entries laid out in a column of `width`. An entry whose details
/// would wrap there more than across the block (`whole`) puts each detail
/// on its own line, so that a phone number or opening hours are never
/// broken across lines ("Mon–Fri / 10am–4pm").
fn halves(
    cx: &BlockContext,
    block: &Block,
    list: &Entries,
    width: Abs,
    whole: &[Entry],
) -> Result<Vec<Entry>, Diagnostic> {
    let plain = entries(cx, block, list, width)?;
    if plain
        .iter()
        .zip(whole)
        .all(|(h, w)| h.1 <= w.1 + Abs::pt(0.01))
    {
        return Ok(plain);
    }
    let one_per_line = Entries {
        entries: list.entries.iter().map(details_on_lines).collect(),
        ..list.clone()
    };
    let stacked = entries(cx, block, &one_per_line, width)?;
    Ok(plain
        .into_iter()
        .zip(stacked)
        .zip(whole)
        .map(|((p, s), w)| if p.1 <= w.1 + Abs::pt(0.01) { p } else { s })
        .collect())
}

/// An entry with each of its details (joined by " · ") on its own line.
fn details_on_lines(entry: &RichText) -> RichText {
    RichText {
        runs: entry
            .runs
            .iter()
            .map(|r| Run {
                text: r.text.replace(" · ", "\n"),
                ..r.clone()
            })
            .collect(),
        span: entry.span.clone(),
    }
}

/// One laid-out entry: its items from its own top-left corner, and its
/// height.
type Entry = (Vec<(Point, crate::layout::frame::FrameItem)>, Abs);

/// Every entry laid out at `width` (the picture, if any, included).
fn entries(
    cx: &BlockContext,
    block: &Block,
    list: &Entries,
    width: Abs,
) -> Result<Vec<Entry>, Diagnostic> {
    let spec = cx.spec(TextStyle::Body);
    let picture = list.picture.as_ref();
    // With a picture, each entry is a row: picture left, text right.
    let pic_w = picture.map_or(Abs::ZERO, |p| {
        p.width.unwrap_or(width * 0.18).min(width * 0.3)
    });
    let x = if picture.is_some() {
        pic_w + spec.size * 1.2
    } else {
        Abs::ZERO
    };
    let mut out = Vec::with_capacity(list.entries.len());
    for (i, entry) in list.entries.iter().enumerate() {
        let mut items = Vec::new();
        let marks = list.marks.get(i).map_or(&[][..], Vec::as_slice);
        let at = Point::new(x, Abs::ZERO);
        let text_h = if picture.is_some() {
            let w = cx.measured(width - x);
            name_and_details(cx, block, entry, marks, w, at, list, &mut items)?
        } else {
            let p = cx.set_as(entry, spec, width - x, block, Wrap::NoWidow)?;
            p.place_linked(Role::P, &roles(marks), at, list.colour, &mut items);
            p.height()
        };
        // The picture after the words: heading navigation lands on the
        // name, and the picture is read after what it stands beside.
        let mut h = Abs::ZERO;
        if let Some(pic) = picture {
            let (item, ph) = pictures::place(cx.pictures, pic, pic_w, block)?;
            items.push((Point::new(Abs::ZERO, Abs::ZERO), item));
            h = ph;
        }
        out.push((items, text_h.max(h)));
    }
    Ok(out)
}

/// An Easy Read contact row's text: the name as a heading (so that a
/// screen reader can jump from contact to contact), the details below it
/// as a paragraph, on the same lines one paragraph would take. Returns the
/// height.
#[allow(clippy::too_many_arguments)]
fn name_and_details(
    cx: &BlockContext,
    block: &Block,
    entry: &RichText,
    marks: &[EntryMark],
    width: Abs,
    at: Point,
    list: &Entries,
    items: &mut Vec<(Point, crate::layout::frame::FrameItem)>,
) -> Result<Abs, Diagnostic> {
    let spec = cx.spec(TextStyle::Body);
    let (name, details) = split_entry(entry);
    let name_text = name.plain();
    let (in_name, in_details): (Vec<EntryMark>, Vec<EntryMark>) = marks
        .iter()
        .cloned()
        .partition(|m| name_text.contains(mark_text(m)));
    let n = cx.set_as(&name, spec, width, block, Wrap::NoWidow)?;
    n.place_linked(Role::H3, &roles(&in_name), at, list.colour, items);
    let Some(details) = details else {
        return Ok(n.height());
    };
    let d = cx.set_as(&details, spec, width, block, Wrap::NoWidow)?;
    let below = Point::new(at.x, at.y + n.height());
    d.place_linked(Role::P, &roles(&in_details), below, list.colour, items);
    Ok(n.height() + d.height())
}

/// An entry's name (its first run) and the rest, without the line break
/// that separates them.
fn split_entry(entry: &RichText) -> (RichText, Option<RichText>) {
    let name = RichText {
        runs: entry.runs.iter().take(1).cloned().collect(),
        span: entry.span.clone(),
    };
    let mut rest: Vec<Run> = entry.runs.iter().skip(1).cloned().collect();
    if let Some(first) = rest.first_mut() {
        first.text = first.text.trim_start_matches('\n').to_owned();
    }
    rest.retain(|r| !r.text.is_empty());
    let details = (!rest.is_empty()).then(|| RichText {
        runs: rest,
        span: entry.span.clone(),
    });
    (name, details)
}

/// The characters a mark covers.
fn mark_text(mark: &EntryMark) -> &str {
    match mark {
        EntryMark::Link(l) => &l.text,
        EntryMark::Lang { text, .. } => text,
    }
}

/// Places `entries` one below the other from `at`; returns the foot of the
/// stack (from the block's top).
fn stack(entries: &[Entry], gap: Abs, at: Point, laid: &mut Laid) -> Abs {
    let mut y = at.y;
    for (i, (items, height)) in entries.iter().enumerate() {
        if i > 0 {
            y += gap;
        }
        let origin = Point::new(at.x, y);
        laid.items
            .extend(items.iter().map(|(p, item)| (origin + *p, item.clone())));
        y += *height;
    }
    y
}

/// Where the second column starts: the split that makes the taller column
/// shortest (the first column is never the shorter by a whole entry).
fn balanced_split(entries: &[Entry], gap: Abs) -> usize {
    let height = |part: &[Entry]| {
        part.iter().map(|e| e.1).fold(Abs::ZERO, |a, b| a + b)
            + gap * part.len().saturating_sub(1) as f64
    };
    (1..entries.len())
        .min_by(|&a, &b| {
            let ha = height(&entries[..a]).max(height(&entries[a..]));
            let hb = height(&entries[..b]).max(height(&entries[b..]));
            ha.to_pt().total_cmp(&hb.to_pt()).then(b.cmp(&a))
        })
        .unwrap_or(1)
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
