//! The leaflet and the poster: every format for every area, page boxes,
//! content in reading order, pictures, safe margins, and reference images
//! that catch layout regressions.

mod common;

use common::{Example, TempProject, mm, render_page, root};
use wellprint::inspect::inspect;
use wellprint::model::Variant;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= mm(0.01)
}

/// (resource, format, pages, trimmed width mm, trimmed height mm)
const FORMATS: &[(&str, Option<&str>, usize, f64, f64)] = &[
    ("wellbeing-leaflet", None, 4, 148.0, 210.0),
    ("wellbeing-leaflet", Some("dl"), 2, 297.0, 210.0),
    // Two A5 pages side by side: 296 mm, 1 mm under A4 (ISO rounds A5 down).
    ("wellbeing-leaflet", Some("a5-booklet"), 2, 296.0, 210.0),
    ("tips-poster", None, 1, 297.0, 420.0),
    ("tips-poster", Some("a2"), 1, 420.0, 594.0),
];

#[test]
fn every_format_builds_for_every_area_with_correct_boxes() {
    let ex = Example::shipped();
    for area in &ex.project.areas {
        for &(resource, format, pages, w, h) in FORMATS {
            let built = ex.build(resource, Variant::Standard, &area.id.value, format);
            let report = inspect(&built.bytes).expect("parses");
            assert_eq!(report.pages.len(), pages, "{resource} {format:?}");
            for page in &report.pages {
                let trim = page.trim_box.as_ref().expect("TrimBox");
                let bleed = page.bleed_box.as_ref().expect("BleedBox");
                assert!(
                    close(trim.width(), mm(w)) && close(trim.height(), mm(h)),
                    "{resource} {format:?} trim {trim:?}"
                );
                assert!(close(bleed.width(), mm(w + 6.0)) && close(bleed.height(), mm(h + 6.0)));
                assert!(close(page.media_box.width(), mm(w + 6.0)));
            }
            for font in &report.fonts {
                assert!(font.embedded && font.subset && font.to_unicode, "{font:?}");
            }
        }
    }
}

#[test]
fn poster_shows_the_six_signposts_in_journey_order_and_every_tip() {
    let ex = Example::shipped();
    let built = ex.build("tips-poster", Variant::Standard, "oxfordshire", None);
    let report = inspect(&built.bytes).expect("parses");
    let page = &report.pages[0];
    // Signposts, left to right along the path.
    let stages = [
        "Admission",
        "Care",
        "Transitions",
        "Discharge",
        "Discharge",
        "Community",
    ];
    let mut signs: Vec<_> = page
        .text
        .iter()
        .filter(|r| stages.contains(&r.text.trim()) || r.text.trim() == "Planning")
        .filter(|r| r.text.trim() != "Planning")
        .collect();
    signs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let order: Vec<&str> = signs.iter().map(|r| r.text.trim()).collect();
    assert_eq!(order, stages, "signposts in journey order");
    // Lines broken at a space keep the space, so runs of white space collapse.
    let text = report
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for phrase in [
        "Care Planning",
        "Discharge Planning",
        "compassion and respect",
        "strengths",
        "do things for myself",
        "people I love",
        "Plan my discharge",
    ] {
        assert!(text.contains(phrase), "poster mentions {phrase:?}:\n{text}");
    }
    // Secure-setting profile: the advocacy contact, no web addresses.
    assert!(text.contains("Advocacy and PALS"), "{text}");
    assert!(
        !text.contains("example.org"),
        "no web addresses on a secure-ward poster"
    );
}

#[test]
fn poster_type_scales_with_the_sheet() {
    let ex = Example::shipped();
    let sizes = |format| {
        let built = ex.build("tips-poster", Variant::Standard, "medway", format);
        let report = inspect(&built.bytes).expect("parses");
        let runs = &report.pages[0].text;
        let max = runs.iter().map(|r| r.size).fold(0.0, f64::max);
        let min = runs.iter().map(|r| r.size).fold(f64::MAX, f64::min);
        (max, min)
    };
    let (a3_max, a3_min) = sizes(None);
    let (a2_max, a2_min) = sizes(Some("a2"));
    assert!(a2_max >= 72.0, "A2 title {a2_max} pt");
    assert!((a2_max / a3_max - 2f64.sqrt()).abs() < 0.01);
    assert!((a2_min / a3_min - 2f64.sqrt()).abs() < 0.01);
    // Body text: the tips' explanations.
    let built = ex.build("tips-poster", Variant::Standard, "medway", Some("a2"));
    let report = inspect(&built.bytes).expect("parses");
    let body = report.pages[0]
        .text
        .iter()
        .find(|r| r.text.contains("Listen"))
        .expect("tip text");
    assert!(body.size >= 28.0 - 0.01, "A2 body {} pt", body.size);
}

#[test]
fn the_a5_booklet_puts_back_and_cover_outside_and_the_inside_pages_inside() {
    let ex = Example::shipped();
    let built = ex.build(
        "wellbeing-leaflet",
        Variant::Standard,
        "medway",
        Some("a5-booklet"),
    );
    let report = inspect(&built.bytes).expect("parses");
    // Which half of the A4 sheet a phrase is printed on.
    let half = |page: usize, phrase: &str| {
        let trim = report.pages[page].trim_box.expect("TrimBox");
        let run = report.pages[page]
            .text
            .iter()
            .find(|r| r.text.contains(phrase))
            .unwrap_or_else(|| panic!("{phrase:?} on sheet side {}", page + 1));
        if run.x < trim.x0 + trim.width() / 2.0 {
            "left"
        } else {
            "right"
        }
    };
    // Outside: page 4 (back, local support) left, page 1 (cover) right.
    assert_eq!(half(0, "Support in Medway"), "left");
    assert_eq!(half(0, "What helps"), "right");
    // Inside: pages 2 and 3 in reading order.
    assert_eq!(half(1, "Connection"), "left");
    assert_eq!(half(1, "Empowerment"), "right");
}

#[test]
fn leaflet_has_the_five_chime_headings_and_pictures_with_alt_text() {
    let ex = Example::shipped();
    for format in [None, Some("dl")] {
        let built = ex.build("wellbeing-leaflet", Variant::Standard, "medway", format);
        let text = inspect(&built.bytes).expect("parses").text();
        for heading in ["Connection", "Hope", "Identity", "Meaning", "Empowerment"] {
            assert!(text.contains(heading), "{heading} in {format:?}");
        }
        assert!(
            text.contains("OpenMoji"),
            "the pictures' licence credit is printed"
        );
        // Every picture is a vector group with alternative text.
        let mut alts = Vec::new();
        for frame in &built.frames {
            frame.visit(&mut |_, item| {
                if let wellprint::layout::FrameItem::Group(g) = item
                    && let Some(alt) = &g.alt
                {
                    alts.push(alt.clone());
                }
            });
        }
        for alt in [
            "A set of wind chimes",
            "A lit candle",
            "A cup of tea",
            "A hammer and a spanner, tools for the job",
        ] {
            assert!(alts.iter().any(|a| a == alt), "{alt:?} among {alts:?}");
        }
    }
}

#[test]
fn nothing_but_background_art_within_5mm_of_the_trim() {
    let ex = Example::shipped();
    for &(resource, format, _, _, _) in FORMATS {
        let built = ex.build(resource, Variant::Standard, "oxfordshire", format);
        let report = inspect(&built.bytes).expect("parses");
        for page in &report.pages {
            let trim = page.trim_box.as_ref().expect("trim");
            let safe = mm(5.0);
            for run in &page.text {
                let (x0, x1) = (run.x, run.x + run.width);
                let (y0, y1) = (run.y - 0.25 * run.size, run.y + 0.95 * run.size);
                assert!(
                    x0 >= trim.x0 + safe
                        && x1 <= trim.x1 - safe
                        && y0 >= trim.y0 + safe
                        && y1 <= trim.y1 - safe,
                    "{resource} {format:?}: \"{}\" within 5 mm of the trim",
                    run.text
                );
            }
        }
    }
}

#[test]
fn raster_pictures_are_embedded_and_their_resolution_checked() {
    use std::io::Cursor;
    let p = TempProject::new().with_area("medway");
    // A 300 × 300 pixel PNG placed 50 mm wide: 152 ppi, too low for A5.
    let img = image::RgbImage::from_fn(300, 300, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut png = Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png)
        .expect("encode");
    std::fs::create_dir_all(p.path().join("assets/pictures")).expect("mkdir");
    std::fs::write(p.path().join("assets/pictures/photo.png"), png.into_inner()).expect("write");
    for f in std::fs::read_dir(root().join("assets/pictures"))
        .expect("list")
        .flatten()
    {
        std::fs::copy(
            f.path(),
            p.path().join("assets/pictures").join(f.file_name()),
        )
        .expect("copy");
    }
    let leaflet =
        std::fs::read_to_string(p.path().join("resources/wellbeing-leaflet.toml")).expect("read");
    let chimes = "picture = \"assets/pictures/wind-chimes-tubes.svg\"\nalt = \"A set of wind chimes\"\nwidth = \"30mm\"";
    assert!(
        leaflet.contains(chimes),
        "the leaflet's first picture moved"
    );
    p.write(
        "resources/wellbeing-leaflet.toml",
        &leaflet.replace(
            chimes,
            "picture = \"assets/pictures/photo.png\"\nalt = \"A photo of a garden\"\nwidth = \"50mm\"",
        ),
    );
    let (sources, project) = p.load().expect("loads");
    let ex = Example { sources, project };
    let built = ex.build("wellbeing-leaflet", Variant::Standard, "medway", None);
    assert_eq!(built.images.len(), 1);
    let (alt, ppi) = &built.images[0];
    assert_eq!(alt, "A photo of a garden");
    assert!((ppi - 300.0 / (50.0 / 25.4)).abs() < 0.5, "ppi {ppi}");
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.message.contains("152 ppi") && w.message.contains("300 ppi")),
        "{:?}",
        built.warnings
    );
    // The image XObject is in the PDF.
    let doc = lopdf::Document::load_mem(&built.bytes).expect("lopdf");
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").ok().and_then(|v| v.as_name().ok()) == Some(b"Image"))
        .count();
    assert_eq!(images, 1, "one image XObject");
}

/// Reference images: each page at low resolution must match `tests/ref/<name>.png`
/// within a small tolerance. `WELLPRINT_UPDATE=1 cargo test --test resources`
/// rewrites them deliberately.
#[test]
fn pages_match_their_reference_images() {
    let ex = Example::shipped();
    let update = std::env::var_os("WELLPRINT_UPDATE").is_some();
    use Variant::{EasyRead, Standard};
    let cases: &[(&str, Variant, Option<&str>, &str)] = &[
        ("chime-wallet-card", Standard, None, "card"),
        ("wellbeing-leaflet", Standard, None, "leaflet-a5"),
        ("wellbeing-leaflet", Standard, Some("dl"), "leaflet-dl"),
        ("tips-poster", Standard, None, "poster-a3"),
        ("chime-wallet-card", EasyRead, None, "card-easy-read"),
        ("wellbeing-leaflet", EasyRead, None, "leaflet-easy-read"),
        ("tips-poster", EasyRead, None, "tips-easy-read"),
    ];
    let mut failures = Vec::new();
    for &(resource, variant, format, name) in cases {
        let built = ex.build(resource, variant, "oxfordshire", format);
        let pages = inspect(&built.bytes).expect("parses").pages.len();
        for i in 0..pages {
            let dpi = match (resource, variant) {
                ("chime-wallet-card", Standard) => 72.0,
                ("chime-wallet-card", EasyRead) => 36.0,
                ("wellbeing-leaflet", Standard) => 24.0,
                _ => 16.0,
            };
            let px = render_page(&built.bytes, i, dpi);
            let path = root().join(format!("tests/ref/{name}-{}.png", i + 1));
            let img =
                image::RgbaImage::from_raw(px.width as u32, px.height as u32, px.rgba.clone())
                    .expect("image");
            if update {
                std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
                img.save(&path).expect("save reference");
                continue;
            }
            let reference = image::open(&path)
                .unwrap_or_else(|e| {
                    panic!(
                        "{}: {e}; run WELLPRINT_UPDATE=1 cargo test --test resources",
                        path.display()
                    )
                })
                .to_rgba8();
            if reference.dimensions() != img.dimensions() {
                failures.push(format!(
                    "{name} page {}: size {:?} vs {:?}",
                    i + 1,
                    img.dimensions(),
                    reference.dimensions()
                ));
                continue;
            }
            let diff: u64 = img
                .as_raw()
                .iter()
                .zip(reference.as_raw())
                .map(|(a, b)| u64::from(a.abs_diff(*b)))
                .sum();
            let mean = diff as f64 / img.as_raw().len() as f64;
            if mean > 1.5 {
                let store = root().join(format!("tests/store/{name}-{}.png", i + 1));
                std::fs::create_dir_all(store.parent().expect("dir")).expect("mkdir");
                img.save(&store).expect("save");
                failures.push(format!(
                    "{name} page {}: mean difference {mean:.2} (output in {})",
                    i + 1,
                    store.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "pages differ from references:\n{}",
        failures.join("\n")
    );
}

#[test]
fn a_fold_with_the_wrong_page_count_is_an_error_at_its_pages() {
    let leaflet = std::fs::read_to_string(root().join("resources/wellbeing-leaflet.toml"))
        .expect("read leaflet");
    for (from, to, says) in [
        (
            "pages = 6\nfold = \"tri-fold\"",
            "pages = 5\nfold = \"tri-fold\"",
            "a `tri-fold` fold needs pages = 6, not 5",
        ),
        (
            "pages = 4\nfold = \"booklet\"",
            "pages = 6\nfold = \"booklet\"",
            "a `booklet` fold needs pages = 4 (or 8, 12, …), not 6",
        ),
    ] {
        let p = TempProject::new().with_area("medway");
        assert!(leaflet.contains(from), "{from}");
        p.write(
            "resources/wellbeing-leaflet.toml",
            &leaflet.replacen(from, to, 1),
        );
        let err = p.load().expect_err("must fail");
        assert!(err.contains(says), "{err}");
        assert!(err.contains("resources/wellbeing-leaflet.toml:"), "{err}");
        let line = leaflet.replacen(from, to, 1)[..leaflet.find(from).expect("found")]
            .lines()
            .count()
            + 1;
        assert!(
            err.contains(&format!("resources/wellbeing-leaflet.toml:{line}:9")),
            "points at the pages line {line}: {err}"
        );
    }
}
