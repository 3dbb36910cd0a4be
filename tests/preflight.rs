//! Preflight finds each defect of a set of broken PDFs made here with lopdf,
//! and passes our own output.

mod common;

use std::collections::BTreeSet;

use lopdf::{Document, Object, Stream, dictionary};
use wellprint::model::Variant;
use wellprint::preflight::preflight;
use wellprint::{BuildOptions, Fonts};

/// What a fixture page has.
struct Fixture {
    trim: bool,
    helvetica: bool,
    image: Option<(i64, i64)>,
    content: String,
    pdfx_claim: bool,
}

impl Fixture {
    fn new(content: &str) -> Self {
        Fixture {
            trim: true,
            helvetica: false,
            image: None,
            content: content.to_owned(),
            pdfx_claim: false,
        }
    }
}

/// An A4 page (595 × 842 pt) with TrimBox [20 20 575 822] inside a
/// BleedBox [11.5 11.5 583.5 830.5] (3 mm bleed).
fn pdf(f: Fixture) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut resources = lopdf::Dictionary::new();
    if f.helvetica {
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        resources.set("Font", dictionary! { "F1" => font });
    }
    if let Some((w, h)) = f.image {
        let pixels = vec![128u8; (w * h) as usize];
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            pixels,
        ));
        resources.set("XObject", dictionary! { "Im1" => image });
    }
    let content = doc.add_object(Stream::new(
        lopdf::Dictionary::new(),
        f.content.into_bytes(),
    ));
    let r = |v: [f64; 4]| Object::Array(v.iter().map(|x| Object::Real(*x as f32)).collect());
    let mut page = dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => r([0.0, 0.0, 595.0, 842.0]),
        "BleedBox" => r([11.5, 11.5, 583.5, 830.5]),
        "Resources" => resources,
        "Contents" => content,
    };
    if f.trim {
        page.set("TrimBox", r([20.0, 20.0, 575.0, 822.0]));
    }
    let page = doc.add_object(page);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if f.pdfx_claim {
        let info = doc.add_object(dictionary! {
            "GTS_PDFXVersion" => Object::string_literal("PDF/X-4"),
        });
        doc.trailer.set("Info", info);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

fn checks(bytes: &[u8]) -> BTreeSet<&'static str> {
    let report = preflight(bytes).expect("fixture reads");
    report.findings.iter().map(|f| f.check).collect()
}

fn set(items: &[&'static str]) -> BTreeSet<&'static str> {
    items.iter().copied().collect()
}

const CLEAN: &str = "0.5 w 0 0 0 1 K 100 100 m 300 100 l S 0 0 0 1 k 100 200 50 50 re f";

#[test]
fn a_clean_page_passes() {
    assert_eq!(checks(&pdf(Fixture::new(CLEAN))), set(&[]));
}

#[test]
fn missing_trim_box() {
    let f = Fixture {
        trim: false,
        ..Fixture::new(CLEAN)
    };
    assert_eq!(checks(&pdf(f)), set(&["page-boxes"]));
}

#[test]
fn unembedded_helvetica() {
    let f = Fixture {
        helvetica: true,
        ..Fixture::new("BT /F1 12 Tf 200 400 Td (Hello) Tj ET")
    };
    assert_eq!(checks(&pdf(f)), set(&["fonts"]));
}

#[test]
fn four_point_text() {
    let f = Fixture {
        helvetica: true,
        ..Fixture::new("BT /F1 4 Tf 200 400 Td (Tiny print) Tj ET")
    };
    let bytes = pdf(f);
    assert_eq!(checks(&bytes), set(&["fonts", "text-size"]));
    let report = preflight(&bytes).expect("reads");
    let finding = report
        .findings
        .iter()
        .find(|f| f.check == "text-size")
        .expect("text-size finding");
    assert!(finding.message.contains("4.0 pt"), "{}", finding.message);
    assert_eq!(finding.page, Some(1));
}

#[test]
fn hairline_thinner_than_a_quarter_point() {
    let bytes = pdf(Fixture::new("0.1 w 100 100 m 300 100 l S"));
    assert_eq!(checks(&bytes), set(&["line-width"]));
    // The width counts after scaling: 1 pt scaled by 0.2 is 0.2 pt.
    let scaled = pdf(Fixture::new(
        "q 0.2 0 0 0.2 0 0 cm 1 w 500 500 m 900 500 l S Q",
    ));
    assert_eq!(checks(&scaled), set(&["line-width"]));
}

#[test]
fn image_at_72_ppi() {
    // 72 × 72 pixels over 72 × 72 pt (one inch): 72 ppi.
    let f = Fixture {
        image: Some((72, 72)),
        ..Fixture::new("q 72 0 0 72 200 400 cm /Im1 Do Q")
    };
    assert_eq!(checks(&pdf(f)), set(&["image-resolution"]));
    // The same pixels at a quarter of an inch: 288 ppi, still too few;
    // at a fifth (360 ppi) it passes.
    let f = Fixture {
        image: Some((72, 72)),
        ..Fixture::new("q 14.4 0 0 14.4 200 400 cm /Im1 Do Q")
    };
    assert_eq!(checks(&pdf(f)), set(&[]));
}

#[test]
fn text_in_the_safe_margin() {
    // 2 mm inside the trim's left edge (x = 20 pt).
    let x = 20.0 + 2.0 * 72.0 / 25.4;
    let f = Fixture {
        helvetica: true,
        ..Fixture::new(&format!("BT /F1 12 Tf {x} 400 Td (Near the edge) Tj ET"))
    };
    assert_eq!(checks(&pdf(f)), set(&["fonts", "safe-margin"]));
}

#[test]
fn ink_over_300_percent() {
    let bytes = pdf(Fixture::new("1 1 1 0.5 k 100 100 50 50 re f"));
    assert_eq!(checks(&bytes), set(&["ink-limit"]));
    let report = preflight(&bytes).expect("reads");
    assert!(report.findings[0].message.contains("350 %"));
    // Registration colour outside the BleedBox (crop marks) is fine.
    let marks = pdf(Fixture::new("0.25 w 1 1 1 1 K 0 15 m 8 15 l S"));
    assert_eq!(checks(&marks), set(&[]));
}

#[test]
fn pdfx_claim_without_output_intent() {
    let f = Fixture {
        pdfx_claim: true,
        ..Fixture::new(CLEAN)
    };
    assert_eq!(checks(&pdf(f)), set(&["output-intent"]));
}

#[test]
fn garbage_is_an_error() {
    assert!(preflight(b"not a pdf").is_err());
}

#[test]
fn our_card_passes_as_screen_and_as_pdfx_with_marks() {
    let (sources, project) = common::load(&common::root());
    for area in &project.areas {
        let built = common::build(
            &sources,
            &project,
            "chime-wallet-card",
            Variant::Standard,
            &area.id.value,
        )
        .expect("builds");
        let report = preflight(&built.bytes).expect("reads");
        assert!(report.passed(), "{}: {:?}", area.id.value, report.findings);
    }
}

/// What `build` reports for each document (preflight of its frames,
/// nothing parsed) is what preflight of the written file finds, for every document of every example area, plain and as
/// PDF/X with crop marks and a slug.
#[test]
fn build_preflights_what_it_writes() {
    let (_, project) = common::load(&common::root());
    let fonts: Fonts = common::fonts();
    let marked = common::print_shop_options();
    let mut compared = 0;
    for job in wellprint::all_jobs(&project) {
        for options in [&BuildOptions::default(), &marked] {
            let built = wellprint::build(&project, &job, &fonts, options).expect("builds");
            let from_file = preflight(&built.bytes).expect("reads");
            assert_eq!(
                built.preflight.as_ref().expect("checked in memory"),
                &from_file,
                "{} {} {} {}",
                job.area.id.value,
                job.resource.id.value,
                job.variant,
                job.format.name
            );
            assert!(from_file.pages > 0);
            compared += 1;
        }
    }
    assert!(compared >= 100, "every document, twice: {compared}");
}

#[test]
fn cli_exit_codes_and_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.pdf");
    let bad = dir.path().join("bad.pdf");
    let junk = dir.path().join("junk.pdf");
    std::fs::write(&good, pdf(Fixture::new(CLEAN))).expect("write");
    std::fs::write(&bad, pdf(Fixture::new("0.1 w 100 100 m 300 100 l S"))).expect("write");
    std::fs::write(&junk, b"junk").expect("write");
    let code = |args: &[&str]| {
        common::run(dir.path(), args)
            .status
            .code()
            .expect("exit code")
    };
    assert_eq!(code(&["preflight", "good.pdf"]), 0);
    assert_eq!(code(&["preflight", "good.pdf", "bad.pdf"]), 1);
    assert_eq!(code(&["preflight", "junk.pdf", "good.pdf"]), 2);
    let out = common::run(dir.path(), &["preflight", "--format", "json", "bad.pdf"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json[0]["report"]["findings"][0]["check"], "line-width");
}

/// Ofcom's drama numbers and example.org reach no one: both readers warn
/// on the page that prints them (the card's back), not on the others, and
/// the file still passes.
#[test]
fn example_numbers_and_addresses_are_a_warning_on_the_page_that_prints_them() {
    let (sources, project) = common::load(&common::root());
    let built = common::build(
        &sources,
        &project,
        "chime-wallet-card",
        Variant::Standard,
        "oxfordshire",
    )
    .expect("builds");
    for report in [
        preflight(&built.bytes).expect("reads"),
        built.preflight.clone().expect("frames"),
    ] {
        assert!(report.passed(), "{:?}", report.findings);
        let pages: Vec<Option<usize>> = report
            .notices
            .iter()
            .filter(|n| n.check == "example-data")
            .map(|n| n.page)
            .collect();
        assert_eq!(pages, [Some(2)], "{:?}", report.notices);
        assert!(report.notices[0].message.contains("01632 960xxx"));
    }
    let warned = built
        .warnings
        .iter()
        .chain(
            &built
                .preflight
                .as_ref()
                .expect("frames")
                .diagnostics("card"),
        )
        .any(|d| d.message.contains("[example-data]"));
    assert!(warned);
}
