//! Fonts: the report of every font resource, and the per-font decoder used
//! for text extraction (code splitting, Unicode text, glyph widths).

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::boxes::number;
use super::{FontReport, MAX_DECOMPRESSED_BYTES, MAX_FORM_DEPTH, deref, dict_entry};

/// Identity of a font dictionary: its object id, or for a dictionary written
/// inline in a resource dictionary, its address (stable while the document
/// is alive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum FontKey {
    Id(ObjectId),
    Inline(usize),
}

impl FontKey {
    /// The key and dictionary of a font entry of a `/Font` resource dictionary.
    fn resolve<'a>(doc: &'a Document, entry: &'a Object) -> Option<(Self, &'a Dictionary)> {
        let (id, object) = doc.dereference(entry).ok()?;
        let dict = object.as_dict().ok()?;
        let key = match id {
            Some(id) => Self::Id(id),
            None => Self::Inline(std::ptr::from_ref(dict) as usize),
        };
        Some((key, dict))
    }
}

/// Whether a PostScript name starts with a subset tag: six uppercase ASCII
/// letters and a plus sign, as in `ABCDEF+Name`.
pub(super) fn is_subset_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 7 && bytes[6] == b'+' && bytes[..6].iter().all(u8::is_ascii_uppercase)
}

/// The name a font is reported under: `/BaseFont`, else (Type3) `/Name`,
/// else the resource name.
fn font_name(doc: &Document, dict: &Dictionary, resource_name: &[u8]) -> String {
    let name = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
    };
    name(b"BaseFont")
        .or_else(|| name(b"Name"))
        .unwrap_or_else(|| String::from_utf8_lossy(resource_name).into_owned())
}

fn name_entry(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    dict.get(key)
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// The first descendant of a Type0 font.
fn descendant<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    font.get(b"DescendantFonts")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
}

/// Whether a font descriptor points at an embedded font program.
fn has_font_file(doc: &Document, font: &Dictionary) -> bool {
    dict_entry(doc, font, b"FontDescriptor").is_some_and(|descriptor| {
        [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
            .iter()
            .any(|key| {
                descriptor
                    .get(key)
                    .ok()
                    .and_then(|o| deref(doc, o))
                    .is_some()
            })
    })
}

fn font_report(doc: &Document, dict: &Dictionary, resource_name: &[u8]) -> FontReport {
    let base_font = font_name(doc, dict, resource_name);
    let subtype = name_entry(doc, dict, b"Subtype").unwrap_or_default();
    let embedded = match subtype.as_str() {
        "Type3" => true,
        "Type0" => descendant(doc, dict).is_some_and(|d| has_font_file(doc, d)),
        _ => has_font_file(doc, dict),
    };
    FontReport {
        subset: is_subset_name(&base_font),
        to_unicode: dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| deref(doc, o))
            .is_some_and(|o| o.as_stream().is_ok()),
        base_font,
        subtype,
        embedded,
    }
}

/// Gathers one [`FontReport`] per font object reachable from the pages.
#[derive(Default)]
pub(super) struct FontCollector {
    seen_fonts: BTreeSet<FontKey>,
    seen_forms: BTreeSet<ObjectId>,
    reports: Vec<FontReport>,
}

impl FontCollector {
    /// Fonts of a resource dictionary and of the form XObjects it names.
    pub(super) fn collect_resources(
        &mut self,
        doc: &Document,
        resources: &Dictionary,
        depth: usize,
    ) {
        if let Some(fonts) = dict_entry(doc, resources, b"Font") {
            for (name, entry) in fonts.iter() {
                if let Some((key, dict)) = FontKey::resolve(doc, entry)
                    && self.seen_fonts.insert(key)
                {
                    self.reports.push(font_report(doc, dict, name));
                }
            }
        }
        if depth >= MAX_FORM_DEPTH {
            return;
        }
        if let Some(xobjects) = dict_entry(doc, resources, b"XObject") {
            for (_, entry) in xobjects.iter() {
                let Ok(id) = entry.as_reference() else {
                    continue;
                };
                if self.seen_forms.insert(id) {
                    self.collect_stream(doc, doc.get_object(id).ok(), depth + 1);
                }
            }
        }
    }

    /// Fonts used by the appearance streams of a page's annotations.
    pub(super) fn collect_annotations(&mut self, doc: &Document, page: &Dictionary) {
        let Some(annots) = page
            .get(b"Annots")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
        else {
            return;
        };
        for annot in annots {
            let Some(appearance) = deref(doc, annot)
                .and_then(|o| o.as_dict().ok())
                .and_then(|a| dict_entry(doc, a, b"AP"))
            else {
                continue;
            };
            for (_, state) in appearance.iter() {
                if let Ok(id) = state.as_reference()
                    && !self.seen_forms.insert(id)
                {
                    continue;
                }
                match deref(doc, state) {
                    // One appearance per state: /N << /On 12 0 R /Off 13 0 R >>
                    Some(Object::Dictionary(states)) => {
                        for (_, stream) in states.iter() {
                            if let Ok(id) = stream.as_reference()
                                && !self.seen_forms.insert(id)
                            {
                                continue;
                            }
                            self.collect_stream(doc, deref(doc, stream), 1);
                        }
                    }
                    other => self.collect_stream(doc, other, 1),
                }
            }
        }
    }

    /// Fonts of the resources of a form XObject (or appearance stream).
    fn collect_stream(&mut self, doc: &Document, object: Option<&Object>, depth: usize) {
        if let Some(Object::Stream(stream)) = object
            && let Some(resources) = dict_entry(doc, &stream.dict, b"Resources")
        {
            self.collect_resources(doc, resources, depth);
        }
    }

    /// The reports, sorted by base font name (then subtype and flags).
    pub(super) fn into_reports(mut self) -> Vec<FontReport> {
        self.reports.sort();
        self.reports
    }
}

/// One character code of a shown string, decoded.
pub(super) struct Glyph {
    /// Unicode text of the code (U+FFFD when the font gives no mapping).
    pub text: String,
    /// Horizontal advance in text space units per unit of font size (glyph
    /// width / 1000 for all but Type3 fonts).
    pub width: f64,
    /// Whether this is the single-byte code 32, to which word spacing
    /// applies.
    pub is_word_space: bool,
}

/// Widths of a composite font's CIDs, from the descendant's `/W` and `/DW`,
/// in glyph space (1/1000 em).
struct CidWidths {
    default: f64,
    /// First CID of a range -> (last CID, width).
    ranges: BTreeMap<u32, (u32, f64)>,
}

impl CidWidths {
    fn read(doc: &Document, cid_font: Option<&Dictionary>) -> Self {
        let mut widths = Self {
            default: 1000.0,
            ranges: BTreeMap::new(),
        };
        let Some(cid_font) = cid_font else {
            return widths;
        };
        if let Some(dw) = cid_font
            .get(b"DW")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(number)
        {
            widths.default = dw;
        }
        let Some(w) = cid_font
            .get(b"W")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
        else {
            return widths;
        };
        let cid = |o: &Object| {
            deref(doc, o)
                .and_then(number)
                .filter(|n| (0.0..=f64::from(u32::MAX)).contains(n))
                .map(|n| n as u32)
        };
        let mut i = 0;
        while i < w.len() {
            let Some(first) = cid(&w[i]) else { break };
            let Some(next) = w.get(i + 1).and_then(|o| deref(doc, o)) else {
                break;
            };
            if let Ok(list) = next.as_array() {
                // c [w1 w2 ...]
                for (offset, width) in list.iter().enumerate() {
                    if let Some(width) = deref(doc, width).and_then(number) {
                        let c = first.saturating_add(offset as u32);
                        widths.ranges.insert(c, (c, width));
                    }
                }
                i += 2;
            } else {
                // cfirst clast w
                let (Some(last), Some(width)) = (
                    cid(next),
                    w.get(i + 2).and_then(|o| deref(doc, o)).and_then(number),
                ) else {
                    break;
                };
                if last >= first {
                    widths.ranges.insert(first, (last, width));
                }
                i += 3;
            }
        }
        widths
    }

    fn get(&self, cid: u32) -> f64 {
        match self.ranges.range(..=cid).next_back() {
            Some((_, &(last, width))) if cid <= last => width,
            _ => self.default,
        }
    }
}

enum Kind {
    /// One byte per code; text and width (per unit font size) by code.
    Simple { text: Vec<String>, widths: Vec<f64> },
    /// Type0: two-byte (or, per its ToUnicode, one-byte) codes read as CIDs.
    Composite {
        to_unicode: Option<Encoding<'static>>,
        ucs2: bool,
        widths: CidWidths,
        code_len: usize,
    },
}

/// What the text extractor needs to know about one font.
pub(super) struct FontInfo {
    /// Name reported in [`super::TextRun::font`].
    pub name: String,
    kind: Kind,
}

impl FontInfo {
    /// A stand-in for a font the resources do not define: codes are single
    /// bytes read as Latin-1, with zero width.
    pub(super) fn unknown(resource_name: &[u8]) -> Self {
        Self {
            name: String::from_utf8_lossy(resource_name).into_owned(),
            kind: Kind::Simple {
                text: (0..=255u8).map(|b| char::from(b).to_string()).collect(),
                widths: vec![0.0; 256],
            },
        }
    }

    fn load(doc: &Document, dict: &Dictionary, resource_name: &[u8]) -> Self {
        let name = font_name(doc, dict, resource_name);
        let to_unicode = read_to_unicode(doc, dict);
        let kind = if name_entry(doc, dict, b"Subtype").as_deref() == Some("Type0") {
            let encoding = name_entry(doc, dict, b"Encoding").unwrap_or_default();
            // A ToUnicode map with only one-byte codes means one-byte codes.
            let code_len = match &to_unicode {
                Some(Encoding::UnicodeMapEncoding(cmap))
                    if !cmap.bf_ranges[0].is_empty() && cmap.bf_ranges[1].is_empty() =>
                {
                    1
                }
                _ => 2,
            };
            Kind::Composite {
                ucs2: encoding.contains("UCS2") || encoding.contains("UTF16"),
                widths: CidWidths::read(doc, descendant(doc, dict)),
                to_unicode,
                code_len,
            }
        } else {
            simple_kind(doc, dict, &name, to_unicode.as_ref())
        };
        Self { name, kind }
    }

    /// Splits a shown string into codes and decodes each.
    pub(super) fn decode(&self, bytes: &[u8]) -> Vec<Glyph> {
        match &self.kind {
            Kind::Simple { text, widths } => bytes
                .iter()
                .map(|&b| Glyph {
                    text: text.get(usize::from(b)).cloned().unwrap_or_default(),
                    width: widths.get(usize::from(b)).copied().unwrap_or(0.0),
                    is_word_space: b == b' ',
                })
                .collect(),
            Kind::Composite {
                to_unicode,
                ucs2,
                widths,
                code_len,
            } => bytes
                .chunks(*code_len)
                .map(|chunk| {
                    let code = chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                    let mapped = match to_unicode {
                        Some(Encoding::UnicodeMapEncoding(cmap)) => cmap
                            .get(code, chunk.len() as u8)
                            .map(|u| String::from_utf16_lossy(&u)),
                        _ => None,
                    };
                    let text = mapped
                        .or_else(|| {
                            (*ucs2 && chunk.len() == 2)
                                .then(|| char::from_u32(code).map(String::from))
                                .flatten()
                        })
                        .unwrap_or_else(|| char::REPLACEMENT_CHARACTER.to_string());
                    Glyph {
                        text,
                        width: widths.get(code) / 1000.0,
                        is_word_space: chunk == b" ",
                    }
                })
                .collect(),
        }
    }
}

/// The font's `/ToUnicode` CMap, parsed by `lopdf`.
fn read_to_unicode(doc: &Document, font: &Dictionary) -> Option<Encoding<'static>> {
    let stream_ref = font.get(b"ToUnicode").ok()?;
    deref(doc, stream_ref)?.as_stream().ok()?;
    // lopdf reads /ToUnicode only when there is no /Encoding, so ask it
    // about a dictionary holding just that.
    let probe: Dictionary = [
        ("Type", Object::Name(b"Font".to_vec())),
        ("ToUnicode", stream_ref.clone()),
    ]
    .into_iter()
    .collect();
    match probe.get_font_encoding_with_limit(doc, MAX_DECOMPRESSED_BYTES) {
        // The CMap owns its data, so it can outlive the probe.
        Ok(Encoding::UnicodeMapEncoding(cmap)) => Some(Encoding::UnicodeMapEncoding(cmap)),
        _ => None,
    }
}

/// Text and widths of the 256 codes of a simple font.
fn simple_kind(
    doc: &Document,
    dict: &Dictionary,
    name: &str,
    to_unicode: Option<&Encoding<'static>>,
) -> Kind {
    // The font's own encoding, through lopdf, on a dictionary without the
    // ToUnicode entry (lopdf would otherwise use it when /Encoding is absent).
    let mut probe: Dictionary = [("Type", Object::Name(b"Font".to_vec()))]
        .into_iter()
        .collect();
    if let Ok(encoding) = dict.get(b"Encoding") {
        probe.set("Encoding", encoding.clone());
    }
    let encoding = probe
        .get_font_encoding_with_limit(doc, MAX_DECOMPRESSED_BYTES)
        .ok();
    let by_encoding: Vec<String> = (0..=255u8)
        .map(|b| {
            encoding
                .as_ref()
                .and_then(|e| Document::decode_text(e, &[b]).ok())
                .unwrap_or_default()
        })
        .collect();

    let text = (0..=255u8)
        .map(|b| {
            let mapped = match to_unicode {
                Some(Encoding::UnicodeMapEncoding(cmap)) => cmap
                    .get(u32::from(b), 1)
                    .map(|u| String::from_utf16_lossy(&u)),
                _ => None,
            };
            mapped
                .or_else(|| Some(by_encoding[usize::from(b)].clone()).filter(|s| !s.is_empty()))
                .unwrap_or_else(|| char::REPLACEMENT_CHARACTER.to_string())
        })
        .collect();

    // Glyph space -> text space: 1/1000, or the Type3 font matrix.
    let scale = if name_entry(doc, dict, b"Subtype").as_deref() == Some("Type3") {
        dict.get(b"FontMatrix")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|m| m.first())
            .and_then(|o| deref(doc, o))
            .and_then(number)
            .unwrap_or(0.001)
    } else {
        0.001
    };
    let missing = dict_entry(doc, dict, b"FontDescriptor")
        .and_then(|d| d.get(b"MissingWidth").ok())
        .and_then(|o| deref(doc, o))
        .and_then(number)
        .unwrap_or(0.0);
    let mut widths = vec![missing; 256];
    let first_char = dict
        .get(b"FirstChar")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_i64().ok());
    let width_array = dict
        .get(b"Widths")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok());
    if let (Some(first), Some(array)) = (first_char, width_array) {
        for (i, w) in array.iter().enumerate() {
            let code = first.saturating_add(i as i64);
            if let (Ok(code), Some(w)) = (usize::try_from(code), deref(doc, w).and_then(number))
                && let Some(slot) = widths.get_mut(code)
            {
                *slot = w;
            }
        }
    } else if let Some(metrics) = super::std14::metrics_for(name) {
        for (slot, text) in widths.iter_mut().zip(&by_encoding) {
            if let Some(w) = text.chars().next().and_then(|c| metrics.width(c)) {
                *slot = w;
            }
        }
    }
    for w in &mut widths {
        *w *= scale;
    }
    Kind::Simple { text, widths }
}

/// Loaded fonts, by font object, shared across pages.
#[derive(Default)]
pub(super) struct FontCache {
    fonts: BTreeMap<FontKey, Rc<FontInfo>>,
}

impl FontCache {
    /// The font named `name` in a `/Font` resource dictionary entry `entry`.
    pub(super) fn get(&mut self, doc: &Document, entry: &Object, name: &[u8]) -> Rc<FontInfo> {
        let Some((key, dict)) = FontKey::resolve(doc, entry) else {
            return Rc::new(FontInfo::unknown(name));
        };
        Rc::clone(
            self.fonts
                .entry(key)
                .or_insert_with(|| Rc::new(FontInfo::load(doc, dict, name))),
        )
    }
}
