//! Reads PDFs back: page boxes, fonts, positioned text.
//!
//! [`inspect`] parses a finished PDF (ours or anyone's) with `lopdf` and
//! reports what a print shop or an accessibility checker looks at: the header
//! version, the document information strings, the catalog's language and
//! title preference, every font reachable from the pages (with its embedding
//! and `/ToUnicode` status), and for each page its boxes and the text it
//! shows, positioned in points.
//!
//! All lengths are PDF points (1/72 inch) in the page's default user space,
//! as written in the file: `/UserUnit` and `/Rotate` are not applied to the
//! coordinates (the rotation is reported separately in
//! [`PageReport::rotate`]).
//!
//! # What is supported
//!
//! * Page trees of any shape; `/MediaBox`, `/CropBox`, `/Resources` and
//!   `/Rotate` inherited from parent `/Pages` nodes; boxes given as integers or
//!   reals in any corner order.
//! * Content streams given as one stream or an array of streams, with any
//!   filter `lopdf` can decode.
//! * The full text state: `q`/`Q`, `cm`, `BT`/`ET`, `Tf`, `Tm`, `Td`, `TD`,
//!   `T*`, `TL`, `Tc`, `Tw`, `Tz`, `Ts`, the showing operators `Tj`, `TJ`, `'`
//!   and `"`, and a font set through an ExtGState (`gs`) `/Font` entry.
//! * Form XObjects (`Do`), with their `/Matrix` and own `/Resources`, nested
//!   up to [`MAX_FORM_DEPTH`] deep.
//! * Simple fonts (Type1, MMType1, TrueType, Type3) with `/FirstChar` and
//!   `/Widths` (or, for the standard 14 fonts written without widths, the Adobe
//!   core metrics), text decoded through `/ToUnicode` when present and
//!   otherwise through the font's `/Encoding` (standard, WinAnsi, MacRoman,
//!   `/Differences`).
//! * Composite (Type0) fonts with two-byte codes (Identity-H and similar),
//!   widths from the descendant's `/W` (both forms) and `/DW`, text through
//!   `/ToUnicode`, or the UCS-2 CMaps when there is no `/ToUnicode`.
//!
//! # What is not
//!
//! * Encrypted PDFs that need a password (an error), and PDFs whose page
//!   content cannot be parsed (an error naming the page).
//! * Vertical writing (Identity-V is read as if horizontal), predefined CJK
//!   CMaps with variable code lengths or a CID mapping other than identity
//!   (codes are read as two-byte CIDs), and glyph widths inside embedded font
//!   programs (only the PDF's width arrays are read).
//! * Text drawn by annotation appearance streams, Type3 glyph procedures,
//!   patterns or marked content `/ActualText`; these are not walked for text.
//!   (Fonts used by annotation appearances and forms *are* listed in
//!   [`PdfReport::fonts`].)
//! * Clipping, invisible text (render mode 3 is still reported) and
//!   reading order: runs come in content-stream order.
//!
//! # Why not `hayro-interpret`
//!
//! hayro 0.9 (a dev-dependency, for rendering pages in tests) interprets
//! content streams through a `Device` that would serve the paint checks,
//! but it does not say whether a font is embedded or name a glyph's font,
//! reads TrimBox and BleedBox only from the raw page dictionary, and gives none of the document-level facts the
//! tests read here (Info strings, `/Lang`, `/ToUnicode`, subset tags,
//! MCIDs, artifacts). Those would still come from `lopdf`, so hayro would
//! be a third PDF parser in the library; see `docs/print.md`, Preflight.
//!
//! `inspect` never panics on bad input: malformed files give an
//! [`InspectError`]. As a last line of defence a panic inside the PDF parser
//! itself is caught and reported as [`InspectError::ReaderPanicked`].

mod boxes;
mod content;
mod fonts;
mod std14;
#[cfg(test)]
mod tests;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

pub use boxes::BoxPt;
pub(crate) use content::decode as decode_content;

/// Largest size, in bytes, that any one stream (or a page's content streams
/// together) may decompress to. Bigger streams are treated as malformed.
pub const MAX_DECOMPRESSED_BYTES: usize = 256 * 1024 * 1024;

/// How deeply form XObjects may nest (a form drawing a form drawing a form
/// ...) before the inner ones are ignored.
pub const MAX_FORM_DEPTH: usize = 12;

/// Most content-stream operators interpreted for one page, counting those
/// inside form XObjects each time a form is drawn. A page that needs more is
/// reported as [`InspectError::Page`] rather than left running.
pub const MAX_OPERATIONS_PER_PAGE: usize = 20_000_000;

/// Why a PDF could not be inspected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InspectError {
    /// The bytes are not a PDF `lopdf` can load (no header, broken
    /// cross-reference data, a password is needed, ...).
    #[error("not a readable PDF: {0}")]
    Load(String),
    /// The document has no catalog or page tree, or the page tree is empty.
    #[error("the PDF has no pages")]
    NoPages,
    /// One page could not be read.
    #[error("page {page}: {message}")]
    Page {
        /// 1-based page number.
        page: usize,
        /// What was wrong with it.
        message: String,
    },
    /// The underlying PDF library panicked on this input. It is caught and
    /// reported here so that callers never see a panic from malformed input.
    #[error("the PDF reader failed on malformed input: {0}")]
    ReaderPanicked(String),
}

/// Everything [`inspect`] found in one PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfReport {
    /// Version from the file header, e.g. `"1.7"` for `%PDF-1.7`. (A
    /// catalog `/Version` override is not applied.)
    pub version: String,
    /// Document information dictionary: each key (without the slash, e.g.
    /// `Title`, `Author`, `Subject`, `Producer`, `CreationDate`) with its
    /// value decoded from PDFDocEncoding or UTF-16BE/UTF-8 with a byte-order
    /// mark. Name values (such as `/Trapped /False`) are given as the name.
    /// Other kinds of value are left out.
    pub info: BTreeMap<String, String>,
    /// The catalog's `/Lang`, the document's natural language (e.g. `"en-GB"`).
    pub lang: Option<String>,
    /// The catalog's `/ViewerPreferences` `/DisplayDocTitle`: whether a viewer
    /// should show the document title rather than the file name.
    pub display_doc_title: Option<bool>,
    /// Every font resource reachable from the pages (page resources, form
    /// XObjects they draw, annotation appearance streams), once per font
    /// object, sorted by [`FontReport::base_font`].
    pub fonts: Vec<FontReport>,
    /// The pages in order.
    pub pages: Vec<PageReport>,
}

impl PdfReport {
    /// All text of the document: each page's [`PageReport::text`], pages
    /// separated by a blank line (`"\n\n"`).
    pub fn text(&self) -> String {
        self.pages
            .iter()
            .map(PageReport::text)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// One font resource.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FontReport {
    /// PostScript name from `/BaseFont`, including any subset tag
    /// (`"ABCDEF+AtkinsonHyperlegibleNext-Regular"`). A Type3 font without
    /// `/BaseFont` is named by its `/Name`, or else its resource name.
    pub base_font: String,
    /// Font dictionary `/Subtype`: `Type0`, `Type1`, `MMType1`, `TrueType`
    /// or `Type3`.
    pub subtype: String,
    /// Whether the font program is in the file: the font descriptor (for a
    /// Type0 font, its descendant's) has `/FontFile`, `/FontFile2` or
    /// `/FontFile3`. Type3 fonts are always embedded: their glyphs are PDF
    /// content streams.
    pub embedded: bool,
    /// Whether `base_font` carries a subset tag: six uppercase letters and
    /// `+`.
    pub subset: bool,
    /// Whether the font has a `/ToUnicode` CMap stream.
    pub to_unicode: bool,
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageReport {
    /// `/MediaBox`, in points (inherited if the page has none).
    pub media_box: BoxPt,
    /// `/CropBox`, in points (inherited), if given. Viewers default it to the
    /// media box.
    pub crop_box: Option<BoxPt>,
    /// `/BleedBox`, in points, if the page gives one. Readers default it to
    /// the crop box.
    pub bleed_box: Option<BoxPt>,
    /// `/TrimBox`, in points, if the page gives one. Readers default it to
    /// the crop box.
    pub trim_box: Option<BoxPt>,
    /// `/ArtBox`, in points, if the page gives one.
    pub art_box: Option<BoxPt>,
    /// `/Rotate` (inherited), in degrees clockwise, normalised to 0, 90, 180
    /// or 270. Coordinates in this report are not rotated.
    pub rotate: i32,
    /// Text shown on the page, one run per string-showing operator, in
    /// content-stream order.
    pub text: Vec<TextRun>,
}

impl PageReport {
    /// The page's text, runs joined in content order.
    ///
    /// A run on a different baseline from the previous one (moved by more
    /// than half the font size) starts a new line (`"\n"`); a run on the same
    /// baseline that starts more than 0.2 em after the previous one ended, or
    /// that jumps back left of it, is separated by a space, unless there is
    /// already whitespace at the join. This assumes horizontal text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut prev: Option<&TextRun> = None;
        for run in &self.text {
            if let Some(p) = prev {
                let size = p.size.abs().max(run.size.abs()).max(0.1);
                let same_line = (run.y - p.y).abs() <= 0.5 * size;
                let joined_by_space =
                    out.ends_with(char::is_whitespace) || run.text.starts_with(char::is_whitespace);
                if !same_line {
                    if !out.ends_with('\n') {
                        out.push('\n');
                    }
                } else {
                    let gap = run.x - (p.x + p.width);
                    if (gap > 0.2 * size || gap < -size) && !joined_by_space {
                        out.push(' ');
                    }
                }
            }
            out.push_str(&run.text);
            prev = Some(run);
        }
        out
    }
}

/// A piece of text shown by one `Tj`, `TJ`, `'` or `"` operator.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The decoded text. For `TJ`, the strings of the array concatenated;
    /// where the array moves the pen forward by at least 0.2 em between two
    /// strings (the way many typesetters write word spaces), a space is put
    /// in unless one is already there.
    pub text: String,
    /// `/BaseFont` of the font (see [`FontReport::base_font`]); the resource
    /// name if the font could not be found.
    pub font: String,
    /// Effective font size in points: the `Tf` size scaled by the text matrix
    /// and the current transformation matrix (the length of their combined
    /// vertical unit vector). Always non-negative, even for a mirrored
    /// (negative) `Tf` size.
    pub size: f64,
    /// Start of the baseline (including text rise), x in points, page user
    /// space.
    pub x: f64,
    /// Start of the baseline (including text rise), y in points, page user
    /// space.
    pub y: f64,
    /// Advance width of the run in points, along the baseline: glyph widths,
    /// character and word spacing, horizontal scaling and `TJ` adjustments up
    /// to the last visible glyph (trailing spaces and adjustments after the
    /// last string are not counted). Positive for ordinary left-to-right
    /// text.
    pub width: f64,
    /// The baseline runs right to left on the page and the glyphs hang
    /// below it: the text is upside down (a page whose artwork is turned
    /// head to foot, such as the inside of the Easy Read folding card).
    pub turned: bool,
    /// The MCID of the innermost marked-content sequence with one around
    /// the run (`/P <</MCID 3>> BDC … EMC`), if any: what ties the text to
    /// its structure element.
    pub mcid: Option<i64>,
    /// Whether the run is inside an `/Artifact` marked-content sequence
    /// (decoration, not content).
    pub artifact: bool,
}

/// Reads a PDF and reports its version, metadata, fonts, page boxes and
/// positioned text. See the [module documentation](self) for what is and is
/// not supported.
///
/// # Errors
///
/// [`InspectError`] if the bytes are not a loadable PDF, it has no pages, a
/// page has no usable `/MediaBox` or unparseable content, or the PDF library
/// fails on the input.
pub fn inspect(bytes: &[u8]) -> Result<PdfReport, InspectError> {
    guarded(|| {
        let doc = load(bytes)?;
        inspect_loaded(&doc).map(|(report, _)| report)
    })
}

/// Runs `f`, turning a panic inside the PDF parser into
/// [`InspectError::ReaderPanicked`].
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, InspectError>) -> Result<T, InspectError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(InspectError::ReaderPanicked(message))
        }
    }
}

/// Parses PDF bytes, refusing encrypted documents. Call inside
/// [`guarded`].
pub(crate) fn load(bytes: &[u8]) -> Result<Document, InspectError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options)
        .map_err(|e| InspectError::Load(e.to_string()))?;
    if doc.is_encrypted() {
        return Err(InspectError::Load(
            "the document is encrypted and could not be decrypted".to_owned(),
        ));
    }
    Ok(doc)
}

/// The report of a parsed document, with each page's decoded content
/// operators (for a caller that walks them again, such as a paint check).
/// Call inside [`guarded`].
pub(crate) fn inspect_loaded(
    doc: &Document,
) -> Result<(PdfReport, Vec<Vec<Operation>>), InspectError> {
    let catalog = doc.catalog().map_err(|_| InspectError::NoPages)?;

    let page_ids: Vec<ObjectId> = doc.page_iter().collect();
    if page_ids.is_empty() {
        return Err(InspectError::NoPages);
    }

    let mut fonts = fonts::FontCollector::default();
    let mut cache = fonts::FontCache::default();
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut page_operations = Vec::with_capacity(page_ids.len());
    for (index, &page_id) in page_ids.iter().enumerate() {
        let page_error = |message: String| InspectError::Page {
            page: index + 1,
            message,
        };
        let page = doc
            .get_dictionary(page_id)
            .map_err(|e| page_error(e.to_string()))?;
        let resources = inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok());
        if let Some(resources) = resources {
            fonts.collect_resources(doc, resources, 0);
        }
        fonts.collect_annotations(doc, page);

        let content = doc
            .get_page_content_with_limit(page_id, MAX_DECOMPRESSED_BYTES)
            .map_err(|e| page_error(format!("content stream: {e}")))?;
        let operations = text::decode(&content).map_err(page_error)?;
        let runs = text::extract(doc, &operations, resources, &mut cache).map_err(page_error)?;
        page_operations.push(operations);

        pages.push(PageReport {
            media_box: inherited(doc, page, b"MediaBox")
                .and_then(|o| BoxPt::from_object(doc, o))
                .ok_or_else(|| page_error("no usable /MediaBox".to_owned()))?,
            crop_box: inherited(doc, page, b"CropBox").and_then(|o| BoxPt::from_object(doc, o)),
            bleed_box: own_box(doc, page, b"BleedBox"),
            trim_box: own_box(doc, page, b"TrimBox"),
            art_box: own_box(doc, page, b"ArtBox"),
            rotate: inherited(doc, page, b"Rotate")
                .and_then(|o| o.as_i64().ok())
                .map(|r| r.rem_euclid(360) as i32 / 90 * 90)
                .unwrap_or(0),
            text: runs,
        });
    }

    let report = PdfReport {
        version: doc.version.clone(),
        info: read_info(doc),
        lang: catalog
            .get(b"Lang")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(decode_text_string),
        display_doc_title: catalog
            .get(b"ViewerPreferences")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|prefs| prefs.get(b"DisplayDocTitle").ok())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_bool().ok()),
        fonts: fonts.into_reports(),
        pages,
    };
    Ok((report, page_operations))
}

/// Follows references (with `lopdf`'s chain limit); `None` for a dangling one.
fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

/// `key` of a dictionary, dereferenced, as a dictionary.
fn dict_entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    dict.get(key)
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
}

/// An attribute of a page, or of the nearest ancestor `/Pages` node that has
/// it (dereferenced). Guards against `/Parent` cycles.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    let mut seen = BTreeSet::new();
    loop {
        if let Ok(value) = node.get(key) {
            return deref(doc, value);
        }
        let parent = node.get(b"Parent").ok()?;
        if let Ok(id) = parent.as_reference()
            && !seen.insert(id)
        {
            return None;
        }
        node = deref(doc, parent)?.as_dict().ok()?;
        if seen.len() > 256 {
            return None;
        }
    }
}

/// A box that is not inheritable (BleedBox, TrimBox, ArtBox).
fn own_box(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<BoxPt> {
    page.get(key)
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| BoxPt::from_object(doc, o))
}

/// Decodes a PDF text string: UTF-16BE or UTF-8 with a byte-order mark,
/// otherwise PDFDocEncoding. Names are given as their (UTF-8, lossy) name.
fn decode_text_string(object: &Object) -> Option<String> {
    match object {
        Object::String(bytes, _) => {
            if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
                let units: Vec<u16> = rest
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                    .collect();
                Some(String::from_utf16_lossy(&units))
            } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                Some(String::from_utf8_lossy(rest).into_owned())
            } else {
                lopdf::decode_text_string(object).ok()
            }
        }
        Object::Name(name) => Some(String::from_utf8_lossy(name).into_owned()),
        _ => None,
    }
}

/// The document information dictionary's string (and name) entries.
fn read_info(doc: &Document) -> BTreeMap<String, String> {
    let mut info = BTreeMap::new();
    let Some(dict) = dict_entry(doc, &doc.trailer, b"Info") else {
        return info;
    };
    for (key, value) in dict.iter() {
        if let Some(text) = deref(doc, value).and_then(decode_text_string) {
            info.insert(String::from_utf8_lossy(key).into_owned(), text);
        }
    }
    info
}
