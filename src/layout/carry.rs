//! Carrying contacts over to the next page: where a document flows into as
//! many pages as it needs (large print), a section too tall for a page of
//! its own is split at its contacts list. The first part keeps what comes
//! before the list and as many contacts as fit; the rest of the list (and
//! what follows it in the section) becomes a section of its own, which
//! pours onto the next page. Nothing is dropped and no type shrinks.

use std::borrow::Cow;

use crate::geom::Abs;
use crate::resolve::{Block, Content, Document, Page};

use super::blocks;
use super::flow;

/// `doc` with every section that does not fit on one page shaped like
/// `page` split at its contacts list, as often as it takes. A section with
/// no list of two or more contacts, or one of more than
/// [`super::fewer::MOST`], or whose first contact alone does not fit,
/// stays whole (and pouring says why it does not fit).
pub(super) fn split<'d>(
    doc: &'d Document,
    page: &Page,
    cx: &blocks::BlockContext<'_>,
    bleed: Abs,
) -> Cow<'d, Document> {
    let fits = |section: &[Block]| {
        let mut blocks = page.blocks.clone();
        blocks.extend(section.iter().cloned());
        let alone = Page {
            blocks,
            ..page.clone()
        };
        flow::page(&alone, cx, bleed).is_ok()
    };
    if doc.sections.iter().all(|s| fits(s)) {
        return Cow::Borrowed(doc);
    }
    let mut sections = Vec::with_capacity(doc.sections.len() + 1);
    for section in &doc.sections {
        let mut rest = section.clone();
        while !fits(&rest) {
            let Some((head, tail)) = cut(&rest, &fits) else {
                break;
            };
            sections.push(head);
            rest = tail;
        }
        sections.push(rest);
    }
    Cow::Owned(Document {
        sections,
        ..doc.clone()
    })
}

/// The section cut after the most contacts of its first list of two or
/// more that fit one page: the part that fits, and the rest of the list
/// with the blocks after it. `None` when there is no such list or not
/// even its first contact fits.
fn cut(section: &[Block], fits: &dyn Fn(&[Block]) -> bool) -> Option<(Vec<Block>, Vec<Block>)> {
    let at = section
        .iter()
        .position(|b| matches!(&b.content, Content::Contacts(e) if e.entries.len() >= 2))?;
    let Content::Contacts(list) = &section[at].content else {
        return None;
    };
    if list.entries.len() > super::fewer::MOST {
        return None;
    }
    let with_first = |k: usize| {
        let mut head = section[..at].to_vec();
        head.push(part(&section[at], list, 0..k));
        head
    };
    if !fits(&with_first(1)) {
        return None;
    }
    // Fewer contacts never take more room: the most that fit, by halves.
    let (mut lo, mut hi) = (1, list.entries.len());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(&with_first(mid)) {
            lo = mid
        } else {
            hi = mid
        }
    }
    let mut tail = vec![part(&section[at], list, lo..list.entries.len())];
    tail.extend(section[at + 1..].iter().cloned());
    Some((with_first(lo), tail))
}

/// `block`, a contacts list, with only the contacts in `range`.
fn part(block: &Block, list: &crate::resolve::Entries, range: std::ops::Range<usize>) -> Block {
    let mut list = list.clone();
    list.entries = list.entries[range.clone()].to_vec();
    list.marks = list.marks.get(range).map(<[_]>::to_vec).unwrap_or_default();
    Block {
        content: Content::Contacts(list),
        ..block.clone()
    }
}
