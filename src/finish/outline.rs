//! Bookmarks: an outline of one entry per named page, added to a finished
//! PDF with lopdf (for combined files: one entry per area).

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

/// One bookmark: its title and the 1-based page it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bookmark<'a> {
    /// The title shown.
    pub title: &'a str,
    /// The page it points at, 1-based.
    pub page: usize,
}

/// `bytes` with an outline of one entry per bookmark (pointing at its
/// page, fitted in the window), shown when the file opens. The document ID
/// written by the renderer is kept.
pub fn with_outline(bytes: &[u8], marks: &[Bookmark<'_>]) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| doc.new_object_id()).collect();
    for (i, mark) in marks.iter().enumerate() {
        let page = pages
            .get(mark.page.saturating_sub(1))
            .ok_or_else(|| format!("the file has no page {}", mark.page))?;
        let mut item = Dictionary::new();
        item.set("Title", text_string(mark.title));
        item.set("Parent", root);
        item.set(
            "Dest",
            Object::Array(vec![Object::Reference(*page), "Fit".into()]),
        );
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", "Outlines");
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        outlines.set("First", *first);
        outlines.set("Last", *last);
    }
    outlines.set("Count", ids.len() as i64);
    doc.objects.insert(root, Object::Dictionary(outlines));
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("Outlines", root);
    catalog.set("PageMode", "UseOutlines");
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// A PDF text string: PDFDocEncoding (here: ASCII) as is, anything else
/// UTF-16BE with a byte-order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_titles_are_utf16() {
        assert_eq!(
            text_string("Ynys Môn"),
            Object::String(
                [0xFE, 0xFF]
                    .into_iter()
                    .chain("Ynys Môn".encode_utf16().flat_map(u16::to_be_bytes))
                    .collect(),
                StringFormat::Hexadecimal
            )
        );
        assert_eq!(
            text_string("Medway"),
            Object::String(b"Medway".to_vec(), StringFormat::Literal)
        );
    }
}
