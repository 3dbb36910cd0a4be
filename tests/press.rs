//! Press files (issue 15): no annotations in PDF/X, black text 100 % K,
//! artwork clipped to the BleedBox.

mod common;

use lopdf::content::Content;
use lopdf::{Document, Object};
use wellprint::BuildOptions;
use wellprint::model::Variant;

fn build(resource: &str, format: Option<&str>, options: &BuildOptions) -> Vec<u8> {
    let (_, project) = common::load(&common::root());
    let job = common::job(&project, resource, Variant::Standard, "oxfordshire", format);
    wellprint::build(&project, &job, &common::fonts(), options)
        .expect("builds")
        .bytes
}

#[test]
fn pdfx_files_have_no_annotations_and_preflight_flags_them() {
    let bytes = build("wellbeing-leaflet", None, &common::print_shop_options());
    let doc = Document::load_mem(&bytes).expect("reads");
    for (n, page) in doc.get_pages() {
        let dict = doc.get_dictionary(page).expect("page");
        assert!(!dict.has(b"Annots"), "page {n} has annotations");
    }
    assert!(
        !doc.objects.values().any(|o| o.as_dict().is_ok_and(|d| d
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Link"))),
        "a Link annotation object is left"
    );
    let pre = wellprint::preflight::preflight(&bytes).expect("reads");
    assert!(pre.passed(), "{:?}", pre.findings);

    // The default print file keeps its links; claiming PDF/X with them
    // is an error preflight reports.
    let office = build("wellbeing-leaflet", None, &BuildOptions::default());
    let mut doc = Document::load_mem(&office).expect("reads");
    assert!(
        doc.get_pages()
            .values()
            .any(|p| doc.get_dictionary(*p).is_ok_and(|d| d.has(b"Annots"))),
        "the office print file keeps its links"
    );
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("info");
    doc.get_object_mut(info)
        .and_then(Object::as_dict_mut)
        .expect("info dict")
        .set("GTS_PDFXVersion", Object::string_literal("PDF/X-4"));
    let mut claimed = Vec::new();
    doc.save_to(&mut claimed).expect("saves");
    let pre = wellprint::preflight::preflight(&claimed).expect("reads");
    assert!(
        pre.findings.iter().any(|f| f.check == "annotations"),
        "{:?}",
        pre.findings
    );
}

/// Every CMYK text fill colour in the file, `[c, m, y, k]`.
fn text_colours(bytes: &[u8]) -> Vec<Vec<f32>> {
    let doc = Document::load_mem(bytes).expect("reads");
    let mut out = Vec::new();
    for page in doc.get_pages().values() {
        let content = doc.get_page_content(*page);
        let mut fill: Vec<f32> = Vec::new();
        for op in Content::decode(&content).expect("decodes").operations {
            match op.operator.as_str() {
                "k" => {
                    fill = op
                        .operands
                        .iter()
                        .filter_map(|o| o.as_float().ok())
                        .collect()
                }
                "Tj" | "TJ" => out.push(fill.clone()),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn dark_text_in_pdfx_is_exactly_100_k() {
    for resource in ["wellbeing-leaflet", "chime-wallet-card", "tips-poster"] {
        let bytes = build(resource, None, &common::print_shop_options());
        let colours = text_colours(&bytes);
        assert!(!colours.is_empty());
        for c in colours {
            assert_eq!(c.len(), 4, "{resource}: text not in CMYK: {c:?}");
            if c[3] >= 0.8 && c[..3].iter().all(|v| *v <= 0.1) {
                assert_eq!(c, vec![0.0, 0.0, 0.0, 1.0], "{resource}: dark text");
            }
        }
    }
}

/// A one-page PDF whose text is painted in `k` (CMYK) `fill`.
fn text_in(fill: &str) -> Vec<u8> {
    use lopdf::dictionary;
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let body = format!("{fill} k BT /F1 12 Tf 100 400 Td (Call us) Tj ET");
    let content = doc.add_object(lopdf::Stream::new(dictionary! {}, body.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "TrimBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages,
        dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }.into(),
    );
    let root = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", root);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

#[test]
fn preflight_flags_near_black_text_that_is_not_100_k() {
    let checks = |fill: &str| -> Vec<&'static str> {
        wellprint::preflight::preflight(&text_in(fill))
            .expect("reads")
            .findings
            .iter()
            .map(|f| f.check)
            .collect()
    };
    assert!(checks("0 0 0 0.898").contains(&"black-text"));
    assert!(
        checks("0.6 0.6 0.6 1").contains(&"black-text"),
        "rich black"
    );
    assert!(!checks("0 0 0 1").contains(&"black-text"));
    assert!(!checks("0.67 0.39 0 0.66").contains(&"black-text"), "navy");
}

#[test]
fn a2_artwork_stays_inside_the_bleed_box() {
    let options = BuildOptions {
        pdf: wellprint::render::PdfOptions {
            marks: Some(wellprint::render::MarkSettings::default()),
            ..Default::default()
        },
        ..BuildOptions::default()
    };
    let bytes = build("tips-poster", Some("a2"), &options);
    let dpi = 72.0;
    let px = common::render_page(&bytes, 0, dpi);
    let at = |mm: f64| (mm * f64::from(dpi) / 25.4).round() as usize;
    // The MediaBox reaches 15 mm beyond the trim (marks 4 mm out, 10 mm
    // long, 1 mm more): the bleed edge is 12 mm from the media edge.
    // Half-way along each side (clear of the corner crop marks), 1–11.5 mm
    // from the media edge must be paper (a scaled background ran to
    // 10.8 mm).
    let (w, h) = (px.width, px.height);
    let mut painted = Vec::new();
    for d in at(1.0)..at(11.5) {
        for (x, y) in [
            (w / 2, d),
            (w / 2, h - 1 - d),
            (d, h / 2),
            (w - 1 - d, h / 2),
        ] {
            let c = px.at(x, y);
            if c.iter().any(|v| *v < 245) {
                painted.push((x, y, c));
            }
        }
    }
    assert!(
        painted.is_empty(),
        "artwork outside the bleed: {:?}",
        &painted[..painted.len().min(5)]
    );
}
