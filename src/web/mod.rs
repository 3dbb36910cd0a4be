//! A resolved document as one self-contained, accessible web page
//! (`build --for web`).
//!
//! The page is made from the same [`Document`] the PDF is laid out from,
//! so it says the same things in the same order. It is semantic HTML:
//! `lang` on `<html>` and on every run in another language, one `h1`,
//! headings that never skip a level, lists as lists, contacts as an
//! address list with `tel:` links, pictures as inline SVG (drawings) or
//! `data:` images (photos and logos) with their alternative text, and a
//! stylesheet with print rules. Nothing is loaded from another site.

mod blocks;
mod html;
mod picture;
mod style;

use crate::pictures::Pictures;
use crate::resolve::{Block, Document};

use blocks::Writer;
use html::escape;

/// The HTML page for `doc`, with its pictures from `pictures`.
pub fn page(doc: &Document, pictures: &Pictures) -> String {
    let mut body = Writer::new(pictures, doc.sentence_lines);
    if !reading_order(doc).any(|b| blocks::is_title(&b.content)) {
        body.title(&doc.title);
    }
    for block in reading_order(doc) {
        body.block(block);
    }
    let mut out = String::with_capacity(body.len() + 4096);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", escape(&doc.lang)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&doc.title)));
    if !doc.subject.is_empty() {
        out.push_str(&format!(
            "<meta name=\"description\" content=\"{}\">\n",
            escape(&doc.subject)
        ));
    }
    if !doc.author.is_empty() {
        out.push_str(&format!(
            "<meta name=\"author\" content=\"{}\">\n",
            escape(&doc.author)
        ));
    }
    out.push_str(&format!("<style>\n{}</style>\n", style::css(doc)));
    out.push_str("</head>\n<body>\n<main>\n");
    out.push_str(&body.finish());
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The blocks in the order they are read: page by page, with the flowing
/// sections in place of the page that stands for them.
fn reading_order(doc: &Document) -> impl Iterator<Item = &Block> {
    doc.pages.iter().flat_map(move |page| {
        let sections: &[Vec<Block>] = if page.flow { &doc.sections } else { &[] };
        page.blocks
            .iter()
            .chain(sections.iter().flat_map(|s| s.iter()))
    })
}
