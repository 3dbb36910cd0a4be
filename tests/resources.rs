//! The leaflet and the poster: every format for every area, page boxes,
//! content in reading order, pictures, safe margins, and reference images
//! that catch layout regressions.

mod common;

use std::collections::BTreeMap;

use common::{Example, TempProject, mm, render_page, root, text_lines};
use wellprint::geom::Point;
use wellprint::inspect::inspect;
use wellprint::layout::{FrameItem, Role, visit_items};
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
    // Signposts, top to bottom along the path as it winds down.
    let stages = [
        "Admission",
        "Care Planning",
        "Transitions",
        "Discharge Planning",
        "Discharge",
        "Community",
    ];
    let mut signs: Vec<_> = page
        .text
        .iter()
        .filter(|r| stages.contains(&r.text.trim()))
        .collect();
    signs.sort_by(|a, b| b.y.total_cmp(&a.y));
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

/// The DL in folding order (docs/print.md): outside, the flap with the
/// area's support, the back with a quote, the credits and the helplines,
/// then the cover; inside, Connection and Hope, Identity and Meaning,
/// Empowerment and a quote.
#[test]
fn the_dl_prints_its_panels_in_folding_order() {
    let ex = Example::shipped();
    let built = ex.build("wellbeing-leaflet", Variant::Standard, "medway", Some("dl"));
    let report = inspect(&built.bytes).expect("parses");
    // The panel (1 to 3, left to right) each phrase is printed on.
    let panels = |page: usize, phrases: &[&str]| -> Vec<usize> {
        let trim = report.pages[page].trim_box.expect("TrimBox");
        phrases
            .iter()
            .map(|phrase| {
                let run = report.pages[page]
                    .text
                    .iter()
                    .find(|r| r.text.contains(phrase))
                    .unwrap_or_else(|| panic!("{phrase:?} on sheet side {}", page + 1));
                1 + ((run.x - trim.x0) / (trim.width() / 3.0)) as usize
            })
            .collect()
    };
    let outside = ["Support in Medway", "Samaritans", "Published", "What helps"];
    assert_eq!(panels(0, &outside), [1, 2, 2, 3]);
    let inside = [
        "Connection",
        "Hope",
        "Identity",
        "Meaning",
        "Empowerment",
        "stands out",
    ];
    assert_eq!(panels(1, &inside), [1, 1, 2, 2, 3, 3]);
    let all = report.text();
    assert_eq!(all.matches("Support in Medway").count(), 1, "once: {all}");
}

/// The area's logo on the poster: at least 40 mm wide on A3 for Glasgow's
/// wide logo, and scaled with the poster on A2; in the Easy Read poster
/// too.
#[test]
fn the_area_logo_on_the_poster_is_at_least_40_mm_on_a3() {
    let ex = Example::shipped();
    for (variant, format, least) in [
        (Variant::Standard, None, 40.0),
        (Variant::Standard, Some("a2"), 40.0 * 2f64.sqrt()),
        (Variant::EasyRead, None, 40.0),
    ] {
        let built = ex.build("tips-poster", variant, "glasgow", format);
        let mut widest: f64 = 0.0;
        for frame in &built.frames {
            frame.visit(&mut |_, item| {
                if let wellprint::layout::FrameItem::Image(i) = item
                    && i.alt == "Glasgow logo"
                {
                    widest = widest.max(i.size.w.to_mm());
                }
            });
        }
        assert!(
            widest >= least - 0.1,
            "{variant:?} {format:?}: the logo is {widest:.1} mm wide, at least {least:.1} wanted"
        );
    }
}

/// The area's logo on the leaflet's cover (`kind = "logo"`), 30 mm wide
/// for Glasgow's wide logo, in every form; an area without a logo gets
/// none.
#[test]
fn the_area_logo_is_on_the_leaflet_cover() {
    let ex = Example::shipped();
    for format in [None, Some("dl"), Some("a5-booklet")] {
        let built = ex.build("wellbeing-leaflet", Variant::Standard, "glasgow", format);
        // The cover: the first page, or the outside sheet (its right
        // panel or page) of a folded form.
        let cover = 0;
        let mut logos = Vec::new();
        built.frames[cover].visit(&mut |_, item| {
            if let wellprint::layout::FrameItem::Image(i) = item
                && i.alt == "Glasgow logo"
            {
                logos.push(i.size);
            }
        });
        // The back page's "prepared by" line has it too, smaller.
        logos.sort_by(|a, b| a.w.to_pt().total_cmp(&b.w.to_pt()));
        let size = *logos
            .last()
            .unwrap_or_else(|| panic!("{format:?}: no logo"));
        assert!(
            (size.w.to_mm() - 30.0).abs() < 0.1,
            "{format:?}: {} mm wide",
            size.w.to_mm()
        );
        let medway = ex.build("wellbeing-leaflet", Variant::Standard, "medway", format);
        let mut images = 0;
        medway.frames[0].visit(&mut |_, item| {
            if let wellprint::layout::FrameItem::Image(i) = item
                && i.alt.ends_with("logo")
            {
                images += 1;
            }
        });
        assert_eq!(images, 0, "{format:?}: Medway has no logo");
    }
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
            text.contains("Pictures drawn for wellprint"),
            "the pictures' credit is printed"
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
            "Two people having a cup of tea together",
            "A raised hand holding a spanner and a screwdriver",
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

/// A reference image: a document of Oxfordshire rendered at `dpi`, each
/// page kept as `tests/ref/<name>-<page>.png`.
struct Reference {
    resource: &'static str,
    variant: Variant,
    format: Option<&'static str>,
    name: &'static str,
    /// Enough for the smallest text to be legible (an em of 10 px or more):
    /// a changed digit in a phone number changes dozens of pixels.
    dpi: f32,
}

const REFERENCES: &[Reference] = {
    use Variant::{EasyRead, Standard};
    const fn r(
        resource: &'static str,
        variant: Variant,
        format: Option<&'static str>,
        name: &'static str,
        dpi: f32,
    ) -> Reference {
        Reference {
            resource,
            variant,
            format,
            name,
            dpi,
        }
    }
    &[
        // 6 pt small print.
        r("chime-wallet-card", Standard, None, "card", 150.0),
        r("chime-wallet-card", EasyRead, None, "card-easy-read", 100.0),
        // 7 pt small print.
        r("wellbeing-leaflet", Standard, None, "leaflet-a5", 100.0),
        r(
            "wellbeing-leaflet",
            Standard,
            Some("dl"),
            "leaflet-dl",
            100.0,
        ),
        // 12 pt and more.
        r("tips-poster", Standard, None, "poster-a3", 72.0),
        r(
            "wellbeing-leaflet",
            EasyRead,
            None,
            "leaflet-easy-read",
            72.0,
        ),
        r("tips-poster", EasyRead, None, "tips-easy-read", 72.0),
    ]
};

/// A pixel is different when one of its channels differs from the
/// reference's by more than this: anti-aliasing noise stays under it, a
/// glyph's stroke appearing or disappearing does not.
const PIXEL_THRESHOLD: u8 = 48;

/// Different pixels a page may have and still match. Rendering is
/// deterministic; this only absorbs a stray edge pixel. A changed digit
/// in a phone number on the card changes far more (see
/// `a_changed_phone_digit_fails_the_reference_image`).
const PIXELS_ALLOWED: usize = 4;

/// Page `index` of `pdf` rendered at `dpi`, as RGB.
fn render_rgb(pdf: &[u8], index: usize, dpi: f32) -> image::RgbImage {
    let px = render_page(pdf, index, dpi);
    let rgb = px
        .rgba
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    image::RgbImage::from_raw(px.width as u32, px.height as u32, rgb).expect("image")
}

/// The reference image at `path`, as RGB.
fn reference_image(path: &std::path::Path) -> image::RgbImage {
    image::open(path)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run WELLPRINT_UPDATE=1 cargo test --test resources pages_match",
                path.display()
            )
        })
        .to_rgb8()
}

/// How many pixels of `img` differ from `reference` by more than
/// [`PIXEL_THRESHOLD`]; an error when the sizes differ.
fn differing_pixels(img: &image::RgbImage, reference: &image::RgbImage) -> Result<usize, String> {
    if img.dimensions() != reference.dimensions() {
        return Err(format!(
            "size {:?}, reference {:?}",
            img.dimensions(),
            reference.dimensions()
        ));
    }
    Ok(img
        .pixels()
        .zip(reference.pixels())
        .filter(|(a, b)| {
            a.0.iter()
                .zip(b.0)
                .any(|(x, y)| x.abs_diff(y) > PIXEL_THRESHOLD)
        })
        .count())
}

/// Whether `img` matches `reference`; if not, why.
fn matches_reference(img: &image::RgbImage, reference: &image::RgbImage) -> Result<(), String> {
    let n = differing_pixels(img, reference)?;
    if n > PIXELS_ALLOWED {
        return Err(format!("{n} pixels differ (at most {PIXELS_ALLOWED} may)"));
    }
    Ok(())
}

/// Saves `img` as a PNG, compressed hard (references are committed).
fn save_png(img: &image::RgbImage, path: &std::path::Path) {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let file = std::fs::File::create(path).expect("create PNG");
    PngEncoder::new_with_quality(
        std::io::BufWriter::new(file),
        CompressionType::Best,
        FilterType::Adaptive,
    )
    .write_image(
        img.as_raw(),
        img.width(),
        img.height(),
        image::ExtendedColorType::Rgb8,
    )
    .expect("write PNG");
}

fn reference_path(name: &str, page: usize) -> std::path::PathBuf {
    root().join(format!("tests/ref/{name}-{}.png", page + 1))
}

/// Reference images: each page must match `tests/ref/<name>-<page>.png`
/// pixel for pixel, but for a stray edge pixel. `WELLPRINT_UPDATE=1 cargo
/// test --test resources pages_match` rewrites them deliberately.
#[test]
fn pages_match_their_reference_images() {
    let ex = Example::shipped();
    let update = std::env::var_os("WELLPRINT_UPDATE").is_some();
    let mut failures = Vec::new();
    for r in REFERENCES {
        let built = ex.build(r.resource, r.variant, "oxfordshire", r.format);
        let pages = inspect(&built.bytes).expect("parses").pages.len();
        for i in 0..pages {
            let img = render_rgb(&built.bytes, i, r.dpi);
            let path = reference_path(r.name, i);
            if update {
                save_png(&img, &path);
                continue;
            }
            if let Err(why) = matches_reference(&img, &reference_image(&path)) {
                let store = root().join(format!("tests/store/{}-{}.png", r.name, i + 1));
                std::fs::create_dir_all(store.parent().expect("dir")).expect("mkdir");
                save_png(&img, &store);
                failures.push(format!(
                    "{} page {}: {why} (output in {})",
                    r.name,
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
fn a_changed_phone_digit_fails_the_reference_image() {
    // Oxfordshire with one digit of one card contact's phone changed.
    let area = std::fs::read_to_string(root().join("areas/oxfordshire.toml")).expect("read");
    let (from, to) = ("phone = \"01632 960 102\"", "phone = \"01632 960 108\"");
    assert!(area.contains(from), "premise: Oxfordshire has {from}");
    let p = TempProject::new().with_area("oxfordshire");
    p.write("areas/oxfordshire.toml", &area.replacen(from, to, 1));
    let (sources, project) = p.load().expect("loads");
    let card = &REFERENCES[0];
    assert_eq!(card.name, "card");
    let built = common::build(
        &sources,
        &project,
        card.resource,
        card.variant,
        "oxfordshire",
    )
    .expect("builds");
    let text = inspect(&built.bytes).expect("parses").text();
    assert!(
        text.contains("01632 960 108"),
        "premise: the new number is printed"
    );

    // The front has no contacts: it still matches, so the project is the
    // same but for the digit.
    let front = render_rgb(&built.bytes, 0, card.dpi);
    matches_reference(&front, &reference_image(&reference_path("card", 0))).expect("front matches");
    // The back does not.
    let back = render_rgb(&built.bytes, 1, card.dpi);
    let reference = reference_image(&reference_path("card", 1));
    let n = differing_pixels(&back, &reference).expect("same size");
    assert!(
        matches_reference(&back, &reference).is_err() && n >= 5 * PIXELS_ALLOWED,
        "a changed digit changes only {n} pixels"
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

/// The lines of every bullet point's text (`LBody`) under `items`, each
/// point's lines top to bottom.
fn bullet_lines(items: &[(Point, FrameItem)], out: &mut Vec<Vec<String>>) {
    for (_, item) in items {
        let FrameItem::Group(g) = item else { continue };
        if g.role != Some(Role::LBody) {
            bullet_lines(&g.items, out);
            continue;
        }
        let mut lines: BTreeMap<i64, Vec<(i64, String)>> = BTreeMap::new();
        visit_items(Point::default(), &g.items, &mut |at, item| {
            if let FrameItem::Text(t) = item {
                let y = (at.y.to_mm() * 10.0).round() as i64;
                let x = (at.x.to_mm() * 10.0).round() as i64;
                lines.entry(y).or_default().push((x, t.text()));
            }
        });
        out.push(
            lines
                .into_values()
                .map(|mut runs| {
                    runs.sort();
                    runs.into_iter()
                        .map(|(_, t)| t)
                        .collect::<String>()
                        .trim()
                        .to_owned()
                })
                .collect(),
        );
    }
}

/// No bullet point of the standard leaflet (A5 and DL, every area; and
/// the bilingual leaflet) ends on a line of one word: "Join a peer support
/// group with people who / understand." is set "… with people / who
/// understand.".
#[test]
fn no_bullet_point_ends_on_a_line_of_one_word() {
    let ex = Example::shipped();
    let mut jobs = Vec::new();
    for area in &ex.project.areas {
        for format in [None, Some("dl")] {
            jobs.push((Variant::Standard, area.id.value.to_string(), format));
        }
    }
    jobs.push((Variant::Bilingual, "cardiff".to_owned(), None));
    let mut points = 0;
    for (variant, area, format) in jobs {
        let built = ex.build("wellbeing-leaflet", variant, &area, format);
        let mut items = Vec::new();
        for frame in &built.frames {
            bullet_lines(&frame.items, &mut items);
        }
        for lines in items {
            points += 1;
            if let [.., before, last] = lines.as_slice() {
                assert!(
                    last.contains(' '),
                    "{area} {variant:?} {format:?}: a bullet point ends on one word: \
                     {before:?} / {last:?}"
                );
            }
        }
    }
    assert!(points > 50, "only {points} bullet points found");
}

/// No line of any standard, large-print or bilingual document ends on the
/// "·" that joins a contact's details or a helpline's: a line broken
/// between two details drops it ("Mon–Fri 10am–4pm / example.org/…", not
/// "Mon–Fri 10am–4pm · / example.org/…").
#[test]
fn no_line_ends_on_a_separator() {
    let ex = Example::shipped();
    let mut jobs = Vec::new();
    for area in &ex.project.areas {
        let id = area.id.value.to_string();
        for resource in ["chime-wallet-card", "wellbeing-leaflet", "tips-poster"] {
            jobs.push((resource, Variant::Standard, id.clone(), None));
            jobs.push((resource, Variant::LargePrint, id.clone(), None));
        }
        jobs.push(("wellbeing-leaflet", Variant::Standard, id, Some("dl")));
    }
    for resource in ["chime-wallet-card", "wellbeing-leaflet", "tips-poster"] {
        jobs.push((resource, Variant::Bilingual, "cardiff".to_owned(), None));
    }
    let mut separators = 0;
    for (resource, variant, area, format) in jobs {
        let built = ex.build(resource, variant, &area, format);
        for frame in &built.frames {
            for (_, line) in text_lines(frame) {
                separators += line.matches('·').count();
                assert!(
                    !line.ends_with('·'),
                    "{area} {resource} {variant:?} {format:?}: a line ends on a separator: {line:?}"
                );
            }
        }
    }
    assert!(separators > 100, "only {separators} separators found");
}
