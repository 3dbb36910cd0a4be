//! Tests against PDFs written by hand with lopdf and by printpdf.

use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};

use super::{BoxPt, InspectError, PdfReport, TextRun, inspect};

fn close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: got {actual}, expected {expected} ± {tolerance}"
    );
}

fn assert_run(run: &TextRun, text: &str, font: &str, size: f64, x: f64, y: f64, width: f64) {
    assert_eq!(run.text, text);
    assert_eq!(run.font, font, "font of {text:?}");
    close(run.size, size, 1e-3, &format!("size of {text:?}"));
    close(run.x, x, 0.01, &format!("x of {text:?}"));
    close(run.y, y, 0.01, &format!("y of {text:?}"));
    close(run.width, width, 0.01, &format!("width of {text:?}"));
}

fn assert_box(actual: Option<BoxPt>, expected: [f64; 4]) {
    let actual = actual.expect("box present");
    let got = [actual.x0, actual.y0, actual.x1, actual.y1];
    for (g, e) in got.iter().zip(expected) {
        close(*g, e, 1e-4, "box edge");
    }
}

fn content_stream(ops: &str) -> Stream {
    Stream::new(dictionary! {}, ops.as_bytes().to_vec())
}

const TO_UNICODE: &str = "/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <0048>
<0002> <0069>
<0005> <00660069>
endbfchar
1 beginbfrange
<000A> <000C> [<0175> <0177> <2014>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";

/// Two pages written object by object:
///
/// 1. Helvetica (a standard font without `/Widths`), exercising `Tm`, `TJ`,
///    `cm`, `Tz`, `Tw`, `Tc`, `TL`, `Td`, `T*`, `Ts`.
/// 2. A Type0 Identity-H font with a `/W` array and a ToUnicode CMap (in a
///    compressed stream), a TrueType font with `/Widths` and WinAnsi, and a
///    form XObject with its own resources; content split over two streams.
fn handmade_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();

    let (helvetica, type0, times) = handmade_fonts(&mut doc);
    let form = handmade_form(&mut doc);

    let page1_content = doc.add_object(content_stream(
        "BT
/F1 10 Tf
1 0 0 1 72 700 Tm
(Hello) Tj
[(W) 80 (orld) -500 (again)] TJ
ET
q 2 0 0 2 0 0 cm
BT /F1 12 Tf 150 Tz 3 Tw 1 Tc 14 TL 10 300 Td (a b) Tj T* (c) Tj 5 Ts (d) Tj ET
Q",
    ));
    let page1 = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => page1_content,
        "CropBox" => vec![10.into(), 10.into(), 602.into(), 782.into()],
        "TrimBox" => vec![592.into(), 772.into(), 20.into(), 20.into()],
        "BleedBox" => vec![11.5.into(), 11.5.into(), 600.5.into(), 780.5.into()],
    });

    let mut compressed =
        content_stream("BT /F2 20 Tf 100 200 Td <00010002000A000B000C00050063> Tj ET");
    compressed.compress().expect("compress");
    let page2_a = doc.add_object(compressed);
    let page2_b = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F3 10 Tf 72 100 Td (caf\xe9) Tj ET\nq 1 0 0 1 50 50 cm /Fm1 Do Q".to_vec(),
    ));
    let page2 = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => vec![page2_a.into(), page2_b.into()],
        "Resources" => dictionary! {
            "Font" => dictionary! { "F2" => type0, "F3" => times },
            "XObject" => dictionary! { "Fm1" => form },
        },
    });

    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page1.into(), page2.into()],
            "Count" => 2,
            "MediaBox" => vec![612.0.into(), 792.into(), 0.into(), 0.into()],
            "Rotate" => -90,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => helvetica } },
        }),
    );
    handmade_catalog(&mut doc, pages_id);

    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

/// The handmade PDF's fonts: Helvetica, a Type0 Identity-H font and a
/// TrueType font with `/Widths`.
fn handmade_fonts(doc: &mut Document) -> (ObjectId, ObjectId, ObjectId) {
    let helvetica = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });

    let font_file = doc.add_object(Stream::new(dictionary! {}, b"not really a font".to_vec()));
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "ABCDEF+Test",
        "Flags" => 4,
        "FontFile2" => font_file,
    });
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+Test",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 300,
        "W" => vec![
            1.into(),
            vec![500.into(), 600.into()].into(),
            10.into(),
            12.into(),
            700.into(),
        ],
    });
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, TO_UNICODE.as_bytes().to_vec()));
    let type0 = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+Test",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid_font.into()],
        "ToUnicode" => to_unicode,
    });
    let times = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "Times-Roman",
        "Encoding" => "WinAnsiEncoding",
        "FirstChar" => 97,
        "Widths" => vec![Object::Integer(500); 233 - 97 + 1],
    });
    (helvetica, type0, times)
}

/// The handmade PDF's form XObject, with its own resources.
fn handmade_form(doc: &mut Document) -> ObjectId {
    doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 10.into(), 20.into()],
            "Resources" => dictionary! {
                "Font" => dictionary! {
                    "F9" => dictionary! {
                        "Type" => "Font",
                        "Subtype" => "Type1",
                        "BaseFont" => "Helvetica-Bold",
                    },
                },
            },
        },
        b"BT /F9 8 Tf 0 0 Td (Hi) Tj ET".to_vec(),
    ))
}

/// The handmade PDF's catalog and document information.
fn handmade_catalog(doc: &mut Document, pages_id: ObjectId) {
    let prefs = doc.add_object(dictionary! { "DisplayDocTitle" => true });
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Lang" => Object::string_literal("en-GB"),
        "ViewerPreferences" => prefs,
    });
    let mut title = vec![0xFE, 0xFF];
    title.extend("Côte — ŵ".encode_utf16().flat_map(u16::to_be_bytes));
    let info = doc.add_object(dictionary! {
        "Title" => Object::String(title, StringFormat::Hexadecimal),
        "Author" => Object::string_literal(b"Ann \x84 Bo".to_vec()),
        "Trapped" => "False",
        "Count" => 3,
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
}

#[test]
fn handmade_document_metadata_and_boxes() {
    let report = inspect(&handmade_pdf()).expect("inspect");
    assert_eq!(report.version, "1.7");
    assert_eq!(
        report.info.get("Title").map(String::as_str),
        Some("Côte — ŵ")
    );
    // PDFDocEncoding 0x84 is the em dash.
    assert_eq!(
        report.info.get("Author").map(String::as_str),
        Some("Ann — Bo")
    );
    assert_eq!(
        report.info.get("Trapped").map(String::as_str),
        Some("False")
    );
    assert!(!report.info.contains_key("Count"));
    assert_eq!(report.lang.as_deref(), Some("en-GB"));
    assert_eq!(report.display_doc_title, Some(true));

    assert_eq!(report.pages.len(), 2);
    let [p1, p2] = [&report.pages[0], &report.pages[1]];
    assert_box(Some(p1.media_box), [0.0, 0.0, 612.0, 792.0]);
    assert_box(Some(p2.media_box), [0.0, 0.0, 612.0, 792.0]);
    close(p1.media_box.width(), 612.0, 1e-9, "width");
    close(p1.media_box.height(), 792.0, 1e-9, "height");
    assert_box(p1.crop_box, [10.0, 10.0, 602.0, 782.0]);
    assert_box(p1.trim_box, [20.0, 20.0, 592.0, 772.0]);
    assert_box(p1.bleed_box, [11.5, 11.5, 600.5, 780.5]);
    assert!(p1.art_box.is_none());
    assert!(p2.crop_box.is_none() && p2.trim_box.is_none() && p2.bleed_box.is_none());
    assert_eq!(p1.rotate, 270);
    assert!(
        p1.crop_box
            .expect("crop")
            .contains(&p1.trim_box.expect("trim"), 0.0)
    );
}

#[test]
fn handmade_document_fonts() {
    let report = inspect(&handmade_pdf()).expect("inspect");
    let fonts: Vec<_> = report
        .fonts
        .iter()
        .map(|f| {
            (
                f.base_font.as_str(),
                f.subtype.as_str(),
                f.embedded,
                f.subset,
                f.to_unicode,
            )
        })
        .collect();
    assert_eq!(
        fonts,
        [
            ("ABCDEF+Test", "Type0", true, true, true),
            ("Helvetica", "Type1", false, false, false),
            ("Helvetica-Bold", "Type1", false, false, false),
            ("Times-Roman", "TrueType", false, false, false),
        ]
    );
}

#[test]
fn handmade_standard_font_text_state() {
    let report = inspect(&handmade_pdf()).expect("inspect");
    let runs = &report.pages[0].text;
    assert_eq!(runs.len(), 5, "{runs:#?}");
    // Helvetica AFM widths: H 722, e 556, l 222, o 556 -> 2278/1000 * 10.
    assert_run(&runs[0], "Hello", "Helvetica", 10.0, 72.0, 700.0, 22.78);
    // W 944, -80 kern, orld 1667, -500 (a word space), again 2446.
    assert_run(
        &runs[1],
        "World again",
        "Helvetica",
        10.0,
        94.78,
        700.0,
        54.77,
    );
    // Under a 2x CTM, Tz 150, Tc 1, Tw 3: a (6.672+1)*1.5, space
    // (3.336+1+3)*1.5, b (6.672+1)*1.5 = 34.02 text units = 68.04 pt.
    assert_run(&runs[2], "a b", "Helvetica", 24.0, 20.0, 600.0, 68.04);
    // T* moves down TL 14 (28 pt); c is 500 wide: (6+1)*1.5*2 = 21.
    assert_run(&runs[3], "c", "Helvetica", 24.0, 20.0, 572.0, 21.0);
    // Ts 5 raises the baseline by 10 pt.
    assert_run(&runs[4], "d", "Helvetica", 24.0, 41.0, 582.0, 23.016);
    assert_eq!(report.pages[0].text(), "HelloWorld again\na b\ncd");
}

#[test]
fn handmade_type0_truetype_and_form_text() {
    let report = inspect(&handmade_pdf()).expect("inspect");
    let runs = &report.pages[1].text;
    assert_eq!(runs.len(), 3, "{runs:#?}");
    // Widths 500 + 600 + 3 * 700 (range) + 300 + 300 (DW) = 3800 at 20 pt.
    assert_run(
        &runs[0],
        "Hiŵŷ—fi\u{FFFD}",
        "ABCDEF+Test",
        20.0,
        100.0,
        200.0,
        76.0,
    );
    assert_run(&runs[1], "café", "Times-Roman", 10.0, 72.0, 100.0, 20.0);
    // Form at cm (50, 50) with /Matrix (10, 20); Helvetica-Bold H 722 i 278.
    assert_run(&runs[2], "Hi", "Helvetica-Bold", 8.0, 60.0, 70.0, 8.0);
    assert_eq!(report.pages[1].text(), "Hiŵŷ—fi\u{FFFD}\ncafé\nHi");
    assert_eq!(
        report.text(),
        "HelloWorld again\na b\ncd\n\nHiŵŷ—fi\u{FFFD}\ncafé\nHi"
    );
}

/// Advance widths straight from the font's `hhea`/`hmtx` tables, and its
/// units per em, independently of printpdf.
fn hmtx_advances(font: &[u8]) -> (Vec<u16>, u16) {
    let u16_at = |at: usize| u16::from_be_bytes([font[at], font[at + 1]]);
    let u32_at =
        |at: usize| u32::from_be_bytes([font[at], font[at + 1], font[at + 2], font[at + 3]]);
    let table = |tag: &[u8]| {
        (0..usize::from(u16_at(4)))
            .map(|i| 12 + 16 * i)
            .find(|&rec| &font[rec..rec + 4] == tag)
            .map(|rec| u32_at(rec + 8) as usize)
            .expect("table present")
    };
    let units_per_em = u16_at(table(b"head") + 18);
    let metrics = usize::from(u16_at(table(b"hhea") + 34));
    let hmtx = table(b"hmtx");
    (
        (0..metrics).map(|i| u16_at(hmtx + 4 * i)).collect(),
        units_per_em,
    )
}

#[test]
fn printpdf_subset_font_text() {
    use printpdf::{
        Codepoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
        TextItem, TextMatrix,
    };

    let font_bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/AtkinsonHyperlegibleNext_400Regular.ttf"
    ))
    .expect("font file");
    let font = ParsedFont::from_bytes(&font_bytes, 0, &mut Vec::new()).expect("parse font");
    let (advances, units_per_em) = hmtx_advances(&font_bytes);

    let text = "Connectedness — ŵŷ gwŷr";
    let glyphs: Vec<Codepoint> = text
        .chars()
        .map(|c| Codepoint {
            gid: font
                .lookup_glyph_index(u32::from(c))
                .unwrap_or_else(|| panic!("no glyph for {c:?}")),
            offset: 0.0,
            cid: Some(c.to_string()),
        })
        .collect();
    let expected_width: f64 = glyphs
        .iter()
        .map(|g| {
            let gid = usize::from(g.gid);
            let advance = advances.get(gid).or(advances.last()).copied().unwrap_or(0);
            f64::from(advance) * 12.0 / f64::from(units_per_em)
        })
        .sum();

    let mut doc = PdfDocument::new("inspect test");
    let font_id = doc.add_font(&font);
    let page = PdfPage::new(
        Mm(210.0),
        Mm(297.0),
        vec![
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font_id),
                size: Pt(12.0),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(72.5), Pt(700.25)),
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            },
            Op::EndTextSection,
        ],
    );
    let options = PdfSaveOptions {
        subset_fonts: true,
        image_optimization: None,
        ..Default::default()
    };
    let bytes = doc.with_pages(vec![page]).save(&options, &mut Vec::new());

    let report: PdfReport = inspect(&bytes).expect("inspect printpdf output");
    assert_eq!(report.pages.len(), 1);
    let page = &report.pages[0];
    let mm = 72.0 / 25.4;
    assert_box(Some(page.media_box), [0.0, 0.0, 210.0 * mm, 297.0 * mm]);
    close(page.media_box.width(), 595.276, 0.01, "A4 width");
    close(page.media_box.height(), 841.89, 0.01, "A4 height");

    assert_eq!(page.text.len(), 1, "{:#?}", page.text);
    let run = &page.text[0];
    assert_eq!(run.text, text);
    assert_eq!(page.text(), text);
    assert_eq!(report.text(), text);
    close(run.x, 72.5, 0.01, "x");
    close(run.y, 700.25, 0.01, "y");
    close(run.size, 12.0, 1e-6, "size");
    close(run.width, expected_width, 0.05, "width");

    assert_eq!(report.fonts.len(), 1, "{:#?}", report.fonts);
    let font = &report.fonts[0];
    assert_eq!(run.font, font.base_font);
    assert_eq!(font.subtype, "Type0");
    assert!(font.embedded, "{font:?}");
    assert!(font.subset, "{font:?}");
    assert!(font.to_unicode, "{font:?}");
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    let inputs: [&[u8]; 5] = [
        b"",
        b"hello, world",
        b"%PDF-1.7\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        &[0xFF; 4096],
    ];
    for input in inputs {
        assert!(inspect(input).is_err(), "{input:?} should not inspect");
    }
}

#[test]
fn damaged_files_never_panic() {
    let good = handmade_pdf();
    // Truncations.
    for len in (0..good.len()).step_by(97) {
        let _ = inspect(&good[..len]);
    }
    // Single-byte corruptions.
    for (i, at) in (0..good.len()).step_by(41).enumerate() {
        let mut bad = good.clone();
        bad[at] = [b'0', b'<', b')', b'[', 0xFF, b'R', b' '][i % 7];
        match inspect(&bad) {
            Ok(_)
            | Err(InspectError::Load(_) | InspectError::NoPages | InspectError::Page { .. }) => {}
            Err(e) => panic!("byte {at}: {e}"),
        }
    }
}

#[test]
fn missing_media_box_is_a_page_error() {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    match inspect(&bytes) {
        Err(InspectError::Page { page: 1, .. }) => {}
        other => panic!("expected a page-1 error, got {other:?}"),
    }
}

/// A one-page PDF (US Letter) whose resources and content `build` makes.
fn one_page_pdf(build: impl FnOnce(&mut Document) -> (lopdf::Dictionary, String)) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let (resources, content) = build(&mut doc);
    let content = doc.add_object(content_stream(&content));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Resources" => resources,
        "Contents" => content,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

fn helvetica(doc: &mut Document) -> lopdf::ObjectId {
    doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    })
}

#[test]
fn quote_operators_set_spacing_and_move_down() {
    let bytes = one_page_pdf(|doc| {
        let f1 = helvetica(doc);
        (
            dictionary! { "Font" => dictionary! { "F1" => f1 } },
            "BT /F1 10 Tf 12 TL 100 500 Td (a) Tj (b) ' 2 1 (c d) \" ET".to_owned(),
        )
    });
    let report = inspect(&bytes).expect("inspect");
    let runs = &report.pages[0].text;
    assert_eq!(runs.len(), 3, "{runs:#?}");
    assert_run(&runs[0], "a", "Helvetica", 10.0, 100.0, 500.0, 5.56);
    assert_run(&runs[1], "b", "Helvetica", 10.0, 100.0, 488.0, 5.56);
    // Tc 1 on each glyph, Tw 2 on the space: c 6 + space 5.78 + d 6.56.
    assert_run(&runs[2], "c d", "Helvetica", 10.0, 100.0, 476.0, 18.34);
    assert_eq!(report.text(), "a\nb\nc d");
}

#[test]
fn differences_type3_ext_g_state_and_unknown_fonts() {
    let bytes = one_page_pdf(|doc| {
        let f1 = helvetica(doc);
        let accented = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![65.into(), "eacute".into()],
            },
        });
        let glyph = doc.add_object(Stream::new(dictionary! {}, b"50 0 d0".to_vec()));
        let type3 = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type3",
            "FontBBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
            "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
            "CharProcs" => dictionary! { "A" => glyph, "B" => glyph },
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "Differences" => vec![65.into(), "A".into(), "B".into()],
            },
            "FirstChar" => 65,
            "Widths" => vec![50.into(), 60.into()],
        });
        (
            dictionary! {
                "Font" => dictionary! { "F1" => f1, "FA" => accented, "T3" => type3 },
                "ExtGState" => dictionary! {
                    "GS1" => dictionary! { "Font" => vec![f1.into(), 9.into()] },
                },
            },
            "BT /FA 10 Tf 0 700 Td (A) Tj /T3 10 Tf 0 -100 Td (AB) Tj \
             /GS1 gs 0 -100 Td (a) Tj /Nope 10 Tf 0 -100 Td (hi) Tj ET"
                .to_owned(),
        )
    });
    let report = inspect(&bytes).expect("inspect");
    let runs = &report.pages[0].text;
    assert_eq!(runs.len(), 4, "{runs:#?}");
    // Code 65 is eacute (556 in Helvetica), not A (667).
    assert_run(&runs[0], "é", "Helvetica", 10.0, 0.0, 700.0, 5.56);
    // Type3 widths in glyph space scaled by the 0.01 font matrix.
    assert_eq!(runs[1].text, "AB");
    close(runs[1].width, 11.0, 1e-6, "Type3 width");
    assert_run(&runs[2], "a", "Helvetica", 9.0, 0.0, 500.0, 5.004);
    assert_run(&runs[3], "hi", "Nope", 10.0, 0.0, 400.0, 0.0);
    let type3 = report
        .fonts
        .iter()
        .find(|f| f.subtype == "Type3")
        .expect("Type3 font listed");
    assert!(type3.embedded);
}

#[test]
fn self_drawing_form_does_not_recurse_forever() {
    let bytes = one_page_pdf(|doc| {
        let f1 = helvetica(doc);
        let form_id = doc.new_object_id();
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
                "Resources" => dictionary! {
                    "Font" => dictionary! { "F1" => f1 },
                    "XObject" => dictionary! { "Me" => form_id },
                },
            },
            b"/Me Do BT /F1 10 Tf (x) Tj ET".to_vec(),
        );
        doc.objects.insert(form_id, Object::Stream(form));
        (
            dictionary! { "XObject" => dictionary! { "Fm" => form_id } },
            "/Fm Do".to_owned(),
        )
    });
    let report = inspect(&bytes).expect("inspect");
    assert_eq!(report.text(), "x");
}
