//! Print production checked on the output PDFs: card sheets against the
//! Avery template, duplex backs behind their fronts, crop marks outside
//! the bleed, PDF/X-4 structure.

mod common;

use common::{fonts, load, mm, root};
use lopdf::content::Content;
use lopdf::{Document, Object};
use wellprint::BuildOptions;
use wellprint::finish::sheets::{Card, Duplex, SheetLayout, calibration, impose};
use wellprint::inspect::{PageReport, TextRun, inspect};
use wellprint::model::Variant;
use wellprint::render::{ColourMode, Metadata, PdfOptions};

const CARD: &str = "chime-wallet-card";

/// The card's metadata and its front and back frames, for the first area.
fn card() -> (Metadata, Card, Vec<u8>) {
    let (_, project) = load(&root());
    let area = project.areas[0].id.value.clone();
    let job = common::job(&project, CARD, Variant::Standard, &area, None);
    let fonts = fonts();
    let options = BuildOptions::default();
    let (meta, mut frames) =
        wellprint::lay_out_with_metadata(&project, &job, &fonts, &options).expect("lays out");
    let built = wellprint::build(&project, &job, &fonts, &options).expect("builds");
    let back = frames.pop();
    let front = frames.pop().expect("front");
    (meta, Card { front, back }, built.bytes)
}

/// The first non-blank run of a page, relative to its TrimBox's top-left
/// corner (x right, y down), in points.
fn first_run(page: &PageReport) -> (TextRun, f64, f64) {
    let trim = page.trim_box.expect("TrimBox");
    let run = page
        .text
        .iter()
        .find(|r| !r.text.trim().is_empty())
        .expect("text")
        .clone();
    let (x, y) = (run.x - trim.x0, trim.y1 - run.y);
    (run, x, y)
}

/// Runs on a sheet page with the given text, as (x from left, y from top).
fn runs_with(page: &PageReport, text: &str) -> Vec<(f64, f64)> {
    let h = page.media_box.y1;
    page.text
        .iter()
        .filter(|r| r.text == text)
        .map(|r| (r.x, h - r.y))
        .collect()
}

fn within(a: (f64, f64), b: (f64, f64), tol_mm: f64) -> bool {
    (a.0 - b.0).abs() <= mm(tol_mm) && (a.1 - b.1).abs() <= mm(tol_mm)
}

#[test]
fn avery_c32011_cards_sit_on_the_template_within_0_2_mm() {
    let (meta, card, alone) = card();
    let alone = inspect(&alone).expect("card reads");
    let (run, rel_x, rel_y) = first_run(&alone.pages[0]);
    let sheets = impose(&vec![card; 10], SheetLayout::AveryC32011);
    assert_eq!(sheets.len(), 2, "a front and a back sheet");
    let bytes = wellprint::render_frames(&sheets, &meta, &fonts(), &PdfOptions::default());
    let report = inspect(&bytes).expect("sheet reads");
    let front = &report.pages[0];
    assert!((front.media_box.width() - mm(210.0)).abs() < 0.1, "A4 wide");
    assert!(
        (front.media_box.height() - mm(297.0)).abs() < 0.1,
        "A4 high"
    );
    let found = runs_with(front, &run.text);
    assert_eq!(found.len(), 10, "ten cards: {found:?}");
    // The template (PRINT.md): 2 × 5 cells of 85 × 54 mm, left 15, top
    // 13.5, 10 mm column gap, rows touching. The 85 × 55 card is centred on
    // its cell (0.5 mm cut top and bottom).
    for row in 0..5 {
        for col in 0..2 {
            let cell_x = 15.0 + col as f64 * (85.0 + 10.0);
            let cell_y = 13.5 + row as f64 * 54.0;
            let expected = (mm(cell_x) + rel_x, mm(cell_y - 0.5) + rel_y);
            assert!(
                found.iter().any(|&p| within(p, expected, 0.2)),
                "cell ({col}, {row}): expected {expected:?} in {found:?}"
            );
        }
    }
}

#[test]
fn backs_land_behind_their_fronts_after_a_long_edge_flip() {
    let (meta, card, alone) = card();
    let alone = inspect(&alone).expect("card reads");
    let (front_run, fx, fy) = first_run(&alone.pages[0]);
    let (back_run, bx, by) = first_run(&alone.pages[1]);
    for layout in SheetLayout::ALL {
        let grid = layout.grid();
        let n = grid.len();
        let sheets = impose(&vec![card.clone(); n], layout);
        let bytes = wellprint::render_frames(&sheets, &meta, &fonts(), &PdfOptions::default());
        let report = inspect(&bytes).expect("reads");
        let width = report.pages[0].media_box.width();
        let offset = (
            (grid.cell.w - card.front.size.w).to_pt() / 2.0,
            (grid.cell.h - card.front.size.h).to_pt() / 2.0,
        );
        // Each card's cell, found from its text on each sheet.
        let cells = |page: &PageReport, text: &str, rx: f64, ry: f64| -> Vec<(f64, f64)> {
            runs_with(page, text)
                .into_iter()
                .map(|(x, y)| (x - rx - offset.0, y - ry - offset.1))
                .collect()
        };
        let fronts = cells(&report.pages[0], &front_run.text, fx, fy);
        let backs = cells(&report.pages[1], &back_run.text, bx, by);
        assert_eq!(fronts.len(), n, "{layout}");
        assert_eq!(backs.len(), n, "{layout}");
        for i in 0..n {
            let f = grid.front(i);
            let front = (f.x.to_pt(), f.y.to_pt());
            assert!(
                fronts.iter().any(|&p| within(p, front, 0.2)),
                "{layout} front {i}"
            );
            // Flip the printed back sheet over its long (vertical) edge: a
            // cell at x lands at width − x − cell width.
            let b = grid.back(i, Duplex::LongEdge);
            let back = (b.x.to_pt(), b.y.to_pt());
            assert!(
                backs.iter().any(|&p| within(p, back, 0.2)),
                "{layout} back {i}"
            );
            let flipped = (width - back.0 - grid.cell.w.to_pt(), back.1);
            assert!(within(flipped, front, 0.2), "{layout} card {i}");
        }
    }
}

#[test]
fn short_edge_backs_are_turned_and_land_behind_their_fronts() {
    let (meta, card, _) = card();
    let sheets = impose(&vec![card; 10], SheetLayout::AveryC32011);
    let bytes = wellprint::render_frames(&sheets, &meta, &fonts(), &PdfOptions::default());
    let turned = wellprint::render::turn_pages(&bytes, &[1]).expect("turns");
    let doc = Document::load_mem(&turned).expect("reads");
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let content = doc.get_page_content(pages[1]);
    let ops = Content::decode(&content).expect("decodes").operations;
    assert_eq!(ops[0].operator, "q");
    assert_eq!(ops[1].operator, "cm");
    let m: Vec<f32> = ops[1]
        .operands
        .iter()
        .map(|o| o.as_float().expect("number"))
        .collect();
    assert_eq!(&m[..4], &[-1.0, 0.0, 0.0, -1.0]);
    assert!((f64::from(m[4]) - mm(210.0)).abs() < 0.01);
    assert!((f64::from(m[5]) - mm(297.0)).abs() < 0.01);
    // Long-edge position (x' = W − x − w, y) turned by 180° is
    // (x, H − y − h): the short-edge position.
    let g = SheetLayout::AveryC32011.grid();
    for i in 0..g.len() {
        let long = g.back(i, Duplex::LongEdge);
        let short = g.back(i, Duplex::ShortEdge);
        let turned_x = g.sheet.w - long.x - g.cell.w;
        let turned_y = g.sheet.h - long.y - g.cell.h;
        assert!((turned_x - short.x).to_mm().abs() < 1e-9);
        assert!((turned_y - short.y).to_mm().abs() < 1e-9);
    }
}

/// Straight two-point lines stroked after `1 1 1 1 K` (registration).
fn registration_lines(bytes: &[u8]) -> Vec<[f64; 4]> {
    let doc = Document::load_mem(bytes).expect("reads");
    let page = doc.get_pages().into_values().next().expect("page");
    let content = doc.get_page_content(page);
    let ops = Content::decode(&content).expect("decodes").operations;
    let num = |o: &Object| f64::from(o.as_float().expect("number"));
    let mut registration = false;
    let mut start = None;
    let mut lines = Vec::new();
    for op in &ops {
        match op.operator.as_str() {
            "K" => registration = op.operands.iter().all(|o| num(o) == 1.0),
            "Q" => registration = false,
            "m" => start = Some((num(&op.operands[0]), num(&op.operands[1]))),
            "l" => {
                if let (true, Some((x, y))) = (registration, start) {
                    lines.push([x, y, num(&op.operands[0]), num(&op.operands[1])]);
                }
            }
            _ => {}
        }
    }
    lines
}

#[test]
fn crop_marks_lie_outside_the_bleed_box_and_inside_the_media_box() {
    let (_, project) = load(&root());
    let area = project.areas[0].id.value.clone();
    let job = common::job(&project, CARD, Variant::Standard, &area, None);
    let options = common::print_shop_options();
    let built = wellprint::build(&project, &job, &fonts(), &options).expect("builds");
    let report = inspect(&built.bytes).expect("reads");
    let page = &report.pages[0];
    let (media, bleed, trim) = (
        page.media_box,
        page.bleed_box.expect("BleedBox"),
        page.trim_box.expect("TrimBox"),
    );
    // The trim and bleed keep their size; the media box grows by 12 mm
    // beyond the bleed on every side.
    assert!((trim.width() - mm(85.0)).abs() < 0.1);
    assert!((bleed.width() - mm(91.0)).abs() < 0.1);
    assert!((media.width() - mm(91.0 + 24.0)).abs() < 0.1);
    assert!((media.height() - mm(61.0 + 24.0)).abs() < 0.1);

    let lines = registration_lines(&built.bytes);
    assert_eq!(lines.len(), 8, "two marks per corner: {lines:?}");
    for [x0, y0, x1, y1] in lines {
        for (x, y) in [(x0, y0), (x1, y1)] {
            let in_bleed = x > bleed.x0 + 0.01
                && x < bleed.x1 - 0.01
                && y > bleed.y0 + 0.01
                && y < bleed.y1 - 0.01;
            assert!(!in_bleed, "({x}, {y}) is inside the BleedBox");
            assert!(
                x >= media.x0 && x <= media.x1 && y >= media.y0 && y <= media.y1,
                "({x}, {y}) is outside the MediaBox"
            );
            // At least 3 mm from the trim.
            let dx = (trim.x0 - x).max(x - trim.x1);
            let dy = (trim.y0 - y).max(y - trim.y1);
            assert!(dx.max(dy) >= mm(3.0) - 0.01, "({x}, {y}) too close");
        }
        let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        assert!((len - mm(10.0)).abs() < 0.1, "10 mm long: {len}");
        // In line with a trim edge.
        let on_edge = |v: f64, a: f64, b: f64| (v - a).abs() < 0.01 || (v - b).abs() < 0.01;
        assert!(on_edge(x0, trim.x0, trim.x1) || on_edge(y0, trim.y0, trim.y1));
    }
    // The slug line is in the margin below the trim, outside the bleed.
    let slug = page
        .text
        .iter()
        .find(|r| r.text.contains(CARD))
        .expect("slug line");
    assert!(slug.y < bleed.y0 && slug.y > media.y0);
    assert!(slug.text.contains(project.areas[0].id.value.as_str()));
    assert!((slug.size - 6.0).abs() < 0.01);
}

#[test]
fn pdfx_4_output_has_its_parts_and_no_rgb() {
    let (_, project) = load(&root());
    let area = project.areas[0].id.value.clone();
    let job = common::job(&project, CARD, Variant::Standard, &area, None);
    let options = BuildOptions {
        pdf: PdfOptions {
            pdfx: true,
            ..PdfOptions::default()
        },
        ..BuildOptions::default()
    };
    let built = wellprint::build(&project, &job, &fonts(), &options).expect("builds");
    let report = inspect(&built.bytes).expect("reads");
    assert_eq!(report.version, "1.7");
    assert_eq!(report.info["GTS_PDFXVersion"], "PDF/X-4");
    assert_eq!(report.info["Trapped"], "False");
    assert!(report.pages.iter().all(|p| p.trim_box.is_some()));

    let doc = Document::load_mem(&built.bytes).expect("reads");
    assert!(doc.trailer.get(b"ID").is_ok(), "document ID");
    let catalog = doc.catalog().expect("catalog");
    let intents = catalog
        .get(b"OutputIntents")
        .and_then(Object::as_array)
        .expect("OutputIntents");
    let intent = doc
        .get_dictionary(intents[0].as_reference().expect("ref"))
        .expect("intent");
    assert_eq!(
        intent.get(b"S").and_then(Object::as_name).ok(),
        Some(&b"GTS_PDFX"[..])
    );
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .and_then(Object::as_reference)
                .expect("profile ref"),
        )
        .and_then(Object::as_stream)
        .expect("profile stream");
    assert_eq!(
        profile.dict.get(b"N").and_then(Object::as_i64).ok(),
        Some(4)
    );
    let data = profile.decompressed_content().expect("profile data");
    assert_eq!(&data[16..20], b"CMYK", "a CMYK ICC profile");
    assert_eq!(&data[12..16], b"prtr", "an output profile");

    let xmp = doc
        .get_object(
            catalog
                .get(b"Metadata")
                .and_then(Object::as_reference)
                .expect("XMP"),
        )
        .and_then(Object::as_stream)
        .expect("XMP stream");
    let xmp = String::from_utf8_lossy(&xmp.content);
    assert!(xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
    assert!(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"));

    // No RGB colour operators anywhere in the content, only CMYK within the
    // ink limit (black as 100 % K is tested on `Colour::to_cmyk`).
    let mut saw_k = false;
    for page in doc.get_pages().into_values() {
        let content = doc.get_page_content(page);
        for op in Content::decode(&content).expect("decodes").operations {
            assert!(
                !matches!(op.operator.as_str(), "rg" | "RG"),
                "RGB operator in PDF/X: {op:?}"
            );
            if op.operator == "k" {
                let v: Vec<f32> = op
                    .operands
                    .iter()
                    .map(|o| o.as_float().expect("number"))
                    .collect();
                saw_k = true;
                assert!(v.iter().sum::<f32>() <= 3.0 + 1e-4, "ink over 300 %: {v:?}");
            }
        }
    }
    assert!(saw_k, "CMYK fill operators");
    let pre = wellprint::preflight::preflight(&built.bytes).expect("reads");
    assert!(pre.passed(), "{:?}", pre.findings);
    assert_eq!(pre.pdfx.as_deref(), Some("PDF/X-4"));
}

#[test]
fn screen_output_does_not_claim_pdfx() {
    let (_, _, bytes) = card();
    let report = inspect(&bytes).expect("reads");
    assert!(!report.info.contains_key("GTS_PDFXVersion"));
}

#[test]
fn cmyk_sheets_and_calibration_render() {
    let (meta, card, _) = card();
    let options = PdfOptions {
        colour: ColourMode::Cmyk,
        ..PdfOptions::default()
    };
    let sheets = impose(&vec![card; 21], SheetLayout::Sra3);
    let bytes = wellprint::render_frames(&sheets, &meta, &fonts(), &options);
    let report = inspect(&bytes).expect("reads");
    assert!((report.pages[0].media_box.width() - mm(320.0)).abs() < 0.1);
    let cal = calibration(SheetLayout::AveryC32011, Duplex::LongEdge, fonts().book());
    let cal = wellprint::render_frames(&cal, &meta, &fonts(), &PdfOptions::default());
    let report = inspect(&cal).expect("reads");
    assert_eq!(report.pages.len(), 2);
    assert!(report.pages[0].text().contains("F1"));
    assert!(report.pages[1].text().contains("B10"));
}
