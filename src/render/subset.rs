//! Font subsets, cut from the glyphs a document's frames draw.
//!
//! printpdf embeds each face whole (`subset_fonts: false`): its own
//! subsetter re-parses every subset it makes and decodes each glyph's
//! outline again to read its width, a fifth of the time a wallet card took
//! to make. Here each face's program is cut down with `subsetter` instead.
//! The codes printpdf wrote stay the face's own glyph ids, so its content
//! streams, `/W` widths and `/ToUnicode` map stay as they are; a
//! `/CIDToGIDMap` stream sends each code to its glyph in the subset
//! (ISO 32000-1, 9.7.4.2), and the face's names get the subset tag
//! (9.6.4).

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use subsetter::GlyphRemapper;

use crate::layout::{FontBook, FontId, Frame, FrameItem};

/// Replaces each whole face printpdf embedded with the subset of the
/// glyphs `frames` draw in it. `ids` are the fonts' resource names (their
/// subset tags). A face that cannot be cut down stays whole and keeps its
/// untagged name, which is still a valid PDF.
pub(super) fn apply(
    doc: &mut Document,
    frames: &[Frame],
    ids: &BTreeMap<FontId, printpdf::FontId>,
    book: &FontBook,
) {
    let fonts = font_objects(doc);
    for (font, tag) in ids {
        let Some(&object) = fonts.get(tag.0.as_bytes()) else {
            continue;
        };
        let glyphs = glyphs_used(frames, *font);
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&glyphs);
        let Ok(program) = subsetter::subset(book.data(*font), 0, &remapper) else {
            continue;
        };
        let map = cid_to_gid_map(&glyphs, &remapper);
        let _ = replace_program(doc, object, &tag.0, program, map);
    }
}

/// The glyph ids `font` draws anywhere in `frames`, sorted, each once.
pub(super) fn glyphs_used(frames: &[Frame], font: FontId) -> Vec<u16> {
    let mut glyphs: Vec<u16> = Vec::new();
    for frame in frames {
        frame.visit(&mut |_, item| {
            if let FrameItem::Text(t) = item
                && t.font == font
            {
                glyphs.extend(t.glyphs.iter().map(|g| g.id));
            }
        });
    }
    glyphs.sort_unstable();
    glyphs.dedup();
    glyphs
}

/// Each font resource name of the document's pages, with the font
/// dictionary it names.
fn font_objects(doc: &Document) -> BTreeMap<Vec<u8>, ObjectId> {
    let mut out = BTreeMap::new();
    for page in doc.get_pages().into_values() {
        let Ok(resources) = doc
            .get_dictionary(page)
            .and_then(|p| p.get_deref(b"Resources", doc))
            .and_then(Object::as_dict)
        else {
            continue;
        };
        let Ok(fonts) = resources.get_deref(b"Font", doc).and_then(Object::as_dict) else {
            continue;
        };
        for (name, font) in fonts {
            if let Ok(id) = font.as_reference() {
                out.insert(name.clone(), id);
            }
        }
    }
    out
}

/// Two bytes for every code from 0 to the highest glyph drawn: the glyph
/// it draws in the subset (0, `.notdef`, for codes never used).
fn cid_to_gid_map(glyphs: &[u16], remapper: &GlyphRemapper) -> Vec<u8> {
    let top = glyphs.last().map_or(0, |&g| usize::from(g));
    let mut map = vec![0u8; (top + 1) * 2];
    for &g in glyphs {
        let new = remapper.get(g).unwrap_or(0).to_be_bytes();
        let at = usize::from(g) * 2;
        map[at..at + 2].copy_from_slice(&new);
    }
    map
}

/// Puts `program` in place of the whole face in the Type 0 font
/// `object`: the descendant font maps codes through `map`, and the
/// face's names (both fonts' `/BaseFont`, the descriptor's `/FontName`)
/// get the subset tag. Everything is looked up before anything changes,
/// so a font printpdf wrote differently is left whole.
fn replace_program(
    doc: &mut Document,
    object: ObjectId,
    tag: &str,
    program: Vec<u8>,
    map: Vec<u8>,
) -> lopdf::Result<()> {
    let font = doc.get_dictionary(object)?;
    let name = format!(
        "{tag}+{}",
        String::from_utf8_lossy(font.get(b"BaseFont")?.as_name()?)
    );
    let descriptor = descendant(font)?.get(b"FontDescriptor")?.as_reference()?;
    let file = doc
        .get_dictionary(descriptor)?
        .get(b"FontFile2")?
        .as_reference()?;
    doc.get_object(file)?.as_stream()?;

    let map = doc.add_object(Stream::new(Dictionary::new(), map));
    let name = || Object::Name(name.clone().into_bytes());
    let font = doc.get_dictionary_mut(object)?;
    font.set("BaseFont", name());
    let descendant = font
        .get_mut(b"DescendantFonts")?
        .as_array_mut()?
        .first_mut()
        .ok_or_else(|| lopdf::Error::DictKey("DescendantFonts".to_owned()))?
        .as_dict_mut()?;
    descendant.set("BaseFont", name());
    descendant.set("CIDToGIDMap", Object::Reference(map));
    doc.get_dictionary_mut(descriptor)?.set("FontName", name());
    let stream = doc.get_object_mut(file)?.as_stream_mut()?;
    stream
        .dict
        .set("Length1", Object::Integer(program.len() as i64));
    stream.set_content(program);
    Ok(())
}

/// The descendant CID font of a Type 0 font.
fn descendant(font: &Dictionary) -> lopdf::Result<&Dictionary> {
    font.get(b"DescendantFonts")?
        .as_array()?
        .first()
        .ok_or_else(|| lopdf::Error::DictKey("DescendantFonts".to_owned()))?
        .as_dict()
}
