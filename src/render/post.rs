//! Finishing printpdf's output with lopdf: what printpdf 0.12 gets wrong or
//! leaves out (see `shared/PRINTPDF-NOTES.md`).

use lopdf::{Dictionary, Document, Object, StringFormat};
use sha2::{Digest, Sha256};

use crate::geom::Abs;
use crate::layout::Frame;

use super::page::PageBoxes;
use super::{Metadata, PdfOptions};

/// The Producer written into Info (and XMP).
pub(super) const PRODUCER: &str = concat!(
    "wellprint ",
    env!("CARGO_PKG_VERSION"),
    " (printpdf, lopdf)"
);

/// Sets page boxes, catalog and Info entries and version; compresses;
/// saves with a content-derived ID.
pub(super) fn finish(
    mut doc: Document,
    frames: &[Frame],
    meta: &Metadata,
    options: &PdfOptions,
) -> Vec<u8> {
    doc.version = "1.7".to_owned();
    set_page_boxes(&mut doc, frames, options);
    set_catalog(&mut doc, meta);
    set_info(&mut doc, meta, options);
    if options.pdfx {
        super::pdfx::apply(&mut doc);
    }
    super::deflate::compress(&mut doc);
    // After compressing: the XMP packet stays plain text.
    super::xmp::attach(&mut doc, meta, options);
    save(doc)
}

/// A placeholder document ID, replaced in the written bytes by
/// [`save`].
const ID_PLACEHOLDER: [u8; 16] = [0; 16];

/// Saves `doc` with a document ID derived from the file's own bytes, so
/// the same input gives the same file and any change gives a new ID.
///
/// The file is written with a placeholder ID (16 zero bytes, hex in the
/// trailer), hashed, and the placeholder's two copies at the end of the
/// file are overwritten with the first 16 bytes of the SHA-256. Same
/// length, so no offset in the cross-reference table moves.
pub(super) fn save(mut doc: Document) -> Vec<u8> {
    let id = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = doc.save_to(&mut out);
    let digest = Sha256::digest(&out);
    let hex: Vec<u8> = digest[..16]
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    let placeholder = [b"<".as_slice(), &[b'0'; 32], b">"].concat();
    // The trailer is the last thing in the file: search from the end.
    let mut end = out.len();
    for _ in 0..2 {
        let Some(at) = out[..end]
            .windows(placeholder.len())
            .rposition(|w| w == placeholder)
        else {
            break;
        };
        out[at + 1..at + 33].copy_from_slice(&hex);
        end = at;
    }
    out
}

/// `[x0 y0 x1 y1]` in points.
fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Object {
    Object::Array(
        [x0, y0, x1, y1]
            .iter()
            .map(|v| Object::Real((v * 1000.0).round() as f32 / 1000.0))
            .collect(),
    )
}

/// BleedBox = trim + bleed; TrimBox = the finished size; MediaBox = the
/// BleedBox, or larger to hold printer's marks (see [`PageBoxes`]).
fn set_page_boxes(doc: &mut Document, frames: &[Frame], options: &PdfOptions) {
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for (id, frame) in pages.into_iter().zip(frames) {
        let boxes = PageBoxes::new(frame, options.marks.as_ref());
        let r = |[x0, y0, x1, y1]: [Abs; 4]| rect(x0.to_pt(), y0.to_pt(), x1.to_pt(), y1.to_pt());
        if let Ok(page) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
            page.set("MediaBox", r(boxes.media));
            page.set("BleedBox", r(boxes.bleed));
            page.set("TrimBox", r(boxes.trim));
            page.remove(b"CropBox");
            page.remove(b"ArtBox");
        }
    }
}

/// Language and "show the title, not the file name".
fn set_catalog(doc: &mut Document, meta: &Metadata) {
    let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(catalog) = doc.get_object_mut(root).and_then(Object::as_dict_mut) {
        catalog.set("Lang", Object::string_literal(meta.lang.as_str()));
        let mut prefs = Dictionary::new();
        prefs.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    }
}

/// A text string: PDFDocEncoding-safe ASCII as is, anything else UTF-16BE.
pub(super) fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// `D:YYYYMMDDHHmmSSZ` for seconds since 1970 (UTC).
pub fn pdf_date(timestamp: i64) -> String {
    let days = timestamp.div_euclid(86_400);
    let secs = timestamp.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "D:{year:04}{month:02}{day:02}{:02}{:02}{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// `YYYY-MM-DD` for seconds since 1970 (UTC).
pub fn iso_date(timestamp: i64) -> String {
    let d = pdf_date(timestamp);
    format!("{}-{}-{}", &d[2..6], &d[6..8], &d[8..10])
}

/// A fresh Info dictionary: printpdf's has 1970 dates, an empty
/// GTS_PDFXVersion and empty keys.
fn set_info(doc: &mut Document, meta: &Metadata, options: &PdfOptions) {
    let date = Object::string_literal(pdf_date(options.timestamp));
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    if !meta.author.is_empty() {
        info.set("Author", text_string(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(&meta.subject));
    }
    info.set("Creator", text_string("wellprint"));
    info.set("Producer", text_string(PRODUCER));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    info.set("Trapped", Object::Name(b"False".to_vec()));
    if options.pdfx {
        info.set("GTS_PDFXVersion", text_string(super::pdfx::PDFX_VERSION));
    }
    let id = doc.add_object(Object::Dictionary(info));
    if let Ok(old) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        doc.objects.remove(&old);
    }
    doc.trailer.set("Info", Object::Reference(id));
}

#[cfg(test)]
mod tests {
    use super::{pdf_date, save};
    use lopdf::{Document, Object};

    /// The ID of `bytes`' trailer, as written.
    fn trailer_id(bytes: &[u8]) -> Vec<u8> {
        let doc = Document::load_mem(bytes).expect("reads");
        match doc.trailer.get(b"ID").expect("has an ID") {
            Object::Array(a) => {
                assert_eq!(a[0], a[1], "both halves are the same");
                a[0].as_str().expect("a string").to_vec()
            }
            other => panic!("ID is not an array: {other:?}"),
        }
    }

    #[test]
    fn id_comes_from_the_bytes_and_is_repeatable() {
        let make = |title: &str| {
            let mut doc = Document::with_version("1.7");
            let pages = doc.new_object_id();
            let info =
                doc.add_object(lopdf::dictionary! { "Title" => Object::string_literal(title) });
            doc.objects.insert(
                pages,
                lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 }.into(),
            );
            let root = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
            doc.trailer.set("Root", root);
            doc.trailer.set("Info", info);
            save(doc)
        };
        let a = make("one");
        assert_eq!(a, make("one"), "same input, same bytes");
        let id_a = trailer_id(&a);
        let id_b = trailer_id(&make("two"));
        assert_eq!(id_a.len(), 16);
        assert_ne!(id_a, vec![0; 16], "the placeholder was replaced");
        assert_ne!(id_a, id_b, "different content, different ID");
        assert!(
            !a.windows(32).any(|w| w == [b'0'; 32]),
            "no placeholder left"
        );
    }

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        assert_eq!(pdf_date(1_767_225_600), "D:20260101000000Z");
        assert_eq!(pdf_date(951_825_600), "D:20000229120000Z");
    }
}
