//! What a print shop's preflight rejects: annotations and actions in a
//! PDF/X file, near-black text that is not 100 % K, artwork past the
//! BleedBox.

mod common;

use common::{Example, fonts, job, print_shop_options, render_page};
use lopdf::{Document, Object, dictionary};
use wellprint::model::Variant;
use wellprint::preflight::preflight;

/// Oxfordshire's document of a resource, variant and format (`None`: the
/// first), built with `options`.
fn oxfordshire(
    ex: &Example,
    resource: &str,
    variant: Variant,
    format: Option<&str>,
    options: &wellprint::BuildOptions,
) -> Vec<u8> {
    let job = job(&ex.project, resource, variant, "oxfordshire", format);
    wellprint::build(&ex.project, &job, &fonts(), options)
        .unwrap_or_else(|_| panic!("{resource} {variant:?} {format:?} builds"))
        .bytes
}

/// Every shipped resource × variant × format for Oxfordshire with crop
/// marks, slug and PDF/X-4.
fn pdfx_files() -> Vec<(String, Vec<u8>)> {
    let ex = Example::shipped();
    let options = print_shop_options();
    let mut out = Vec::new();
    for resource in &ex.project.resources {
        for &variant in resource.variants.keys() {
            for format in resource.formats_for(variant) {
                let name = format!("{} {variant:?} {}", resource.id.value, format.name);
                let id = resource.id.value.as_str();
                let bytes = oxfordshire(&ex, id, variant, Some(format.name.as_str()), &options);
                out.push((name, bytes));
            }
        }
    }
    out
}

#[test]
fn pdfx_files_have_no_annotations_and_only_100_percent_k_black_text() {
    let files = pdfx_files();
    assert!(files.len() >= 9, "every document: {}", files.len());
    for (name, bytes) in &files {
        let doc = Document::load_mem(bytes).expect("parses");
        for (n, page) in doc.get_pages() {
            let page = doc.get_dictionary(page).expect("page");
            assert!(!page.has(b"Annots"), "{name} page {n} has annotations");
            assert!(!page.has(b"AA"), "{name} page {n} has an action");
        }
        let report = preflight(bytes).expect("preflight reads it");
        assert!(report.pdfx.is_some(), "{name} claims PDF/X");
        let bad: Vec<_> = report
            .findings
            .iter()
            .filter(|f| matches!(f.check, "black-text" | "annotations"))
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
    }
}

/// The card's PDF/X file with its black text turned into K 89.8 % and a
/// link annotation on page 1: what the files looked like before.
fn flawed_card() -> Document {
    let ex = Example::shipped();
    let bytes = oxfordshire(
        &ex,
        "chime-wallet-card",
        Variant::Standard,
        None,
        &print_shop_options(),
    );
    let mut doc = Document::load_mem(&bytes).expect("parses");
    doc.decompress();
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let mut changed = 0;
    for &page in &pages {
        let content = doc.get_page_content(page);
        let text = String::from_utf8_lossy(&content).into_owned();
        changed += text.matches("0 0 0 1 k").count();
        let text = text.replace("0 0 0 1 k", "0 0 0 0.898 k");
        doc.change_page_content(page, text.into_bytes())
            .expect("content replaced");
    }
    assert!(changed > 0, "the card's text is 0 0 0 1 k");
    let link = doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Link",
        "Rect" => vec![10.into(), 10.into(), 50.into(), 20.into()],
        "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://example.org") },
    });
    let page = doc.get_object_mut(pages[0]).expect("page");
    page.as_dict_mut()
        .expect("dictionary")
        .set("Annots", vec![Object::Reference(link)]);
    doc
}

#[test]
fn preflight_flags_grey_black_text_and_annotations_in_a_pdfx_file() {
    let mut bytes = Vec::new();
    flawed_card().save_to(&mut bytes).expect("saves");
    let report = preflight(&bytes).expect("preflight reads it");
    let checks: Vec<&str> = report.findings.iter().map(|f| f.check).collect();
    assert!(checks.contains(&"black-text"), "{:?}", report.findings);
    assert!(checks.contains(&"annotations"), "{:?}", report.findings);
    let black = report
        .findings
        .iter()
        .find(|f| f.check == "black-text")
        .expect("black-text");
    assert!(black.message.contains("K89.8"), "{}", black.message);
}

#[test]
fn a2_artwork_with_marks_stays_inside_the_bleed_box() {
    let ex = Example::shipped();
    let bytes = oxfordshire(
        &ex,
        "tips-poster",
        Variant::Standard,
        Some("a2"),
        &print_shop_options(),
    );
    let report = wellprint::inspect::inspect(&bytes).expect("parses");
    let page = &report.pages[0];
    let (media, bleed) = (page.media_box, page.bleed_box.expect("BleedBox"));
    let dpi = 36.0;
    let px = render_page(&bytes, 0, dpi);
    let to_px = |pt: f64| (pt * f64::from(dpi) / 72.0).round() as usize;
    // A band 0.5–1.2 mm outside the BleedBox, along the middle half of each
    // edge (away from the corner marks): nothing may be painted there.
    let (near, far) = (common::mm(0.5), common::mm(1.2));
    let mut painted = 0;
    let mut looked = 0;
    let height = media.height();
    for step in 0..40 {
        let t = 0.25 + 0.5 * f64::from(step) / 40.0;
        let x_mid = bleed.x0 + t * bleed.width();
        let y_mid = bleed.y0 + t * bleed.height();
        let mut points = Vec::new();
        for d in [near, (near + far) / 2.0, far] {
            points.push((x_mid - media.x0, height - (bleed.y1 + d - media.y0)));
            points.push((x_mid - media.x0, height - (bleed.y0 - d - media.y0)));
            points.push((bleed.x0 - d - media.x0, height - (y_mid - media.y0)));
            points.push((bleed.x1 + d - media.x0, height - (y_mid - media.y0)));
        }
        for (x, y) in points {
            looked += 1;
            let [r, g, b] = px.at(to_px(x), to_px(y));
            if r < 240 || g < 240 || b < 240 {
                painted += 1;
            }
        }
    }
    assert!(looked > 400);
    assert_eq!(
        painted, 0,
        "{painted} of {looked} points outside the bleed are painted"
    );
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
        preflight(&text_in(fill))
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

/// The x positions (points) of dashed vertical lines drawn outside the
/// BleedBox, top and bottom, on page `index`.
fn fold_marks(bytes: &[u8], index: usize) -> (Vec<f64>, Vec<f64>) {
    use lopdf::content::Content;
    let doc = Document::load_mem(bytes).expect("parses");
    let page = *doc.get_pages().values().nth(index).expect("page");
    let report = wellprint::inspect::inspect(bytes).expect("inspects");
    let bleed = report.pages[index].bleed_box.expect("BleedBox");
    let ops = Content::decode(&doc.get_page_content(page))
        .expect("decodes")
        .operations;
    let (mut top, mut bottom) = (Vec::new(), Vec::new());
    let mut dashed = false;
    let mut start: Option<(f64, f64)> = None;
    let num = |o: &Object| o.as_float().map(f64::from).unwrap_or(f64::NAN);
    for op in ops {
        match op.operator.as_str() {
            "d" => {
                dashed = op
                    .operands
                    .first()
                    .and_then(|a| a.as_array().ok())
                    .is_some_and(|a| !a.is_empty())
            }
            "Q" => dashed = false,
            "m" => start = Some((num(&op.operands[0]), num(&op.operands[1]))),
            "l" if dashed => {
                let (x, y) = (num(&op.operands[0]), num(&op.operands[1]));
                if let Some((x0, y0)) = start
                    && (x - x0).abs() < 0.01
                {
                    if y0.min(y) >= bleed.y1 {
                        top.push(x);
                    } else if y0.max(y) <= bleed.y0 {
                        bottom.push(x);
                    }
                }
            }
            _ => {}
        }
    }
    (top, bottom)
}

#[test]
fn folded_formats_have_dashed_fold_marks_at_each_fold_outside_the_bleed() {
    let ex = Example::shipped();
    let mut options = wellprint::BuildOptions::default();
    options.pdf.marks = Some(wellprint::render::MarkSettings::default());
    // (resource, variant, format, folds from the trim's left edge in mm on
    // each sheet side; `None`: equal panels, this many across). The DL's
    // tuck-in panel (5 outside, 4 inside) is 3 mm narrower: 97 + 100 + 100
    // outside, 100 + 100 + 97 inside.
    let dl: &[&[f64]] = &[&[97.0, 197.0], &[100.0, 200.0]];
    for (resource, variant, format, folds, panels) in [
        (
            "wellbeing-leaflet",
            Variant::Standard,
            Some("dl"),
            Some(dl),
            3,
        ),
        (
            "wellbeing-leaflet",
            Variant::Standard,
            Some("a5-booklet"),
            None,
            2,
        ),
        ("chime-wallet-card", Variant::EasyRead, None, None, 4),
    ] {
        let bytes = oxfordshire(&ex, resource, variant, format, &options);
        let report = wellprint::inspect::inspect(&bytes).expect("inspects");
        for index in 0..report.pages.len() {
            let trim = report.pages[index].trim_box.expect("TrimBox");
            let panel = trim.width() / f64::from(panels);
            let want: Vec<f64> = match folds {
                Some(sides) => sides[index]
                    .iter()
                    .map(|mm| trim.x0 + common::mm(*mm))
                    .collect(),
                None => (1..panels)
                    .map(|k| trim.x0 + panel * f64::from(k))
                    .collect(),
            };
            let (top, bottom) = fold_marks(&bytes, index);
            for marks in [&top, &bottom] {
                let mut got = marks.clone();
                got.sort_by(f64::total_cmp);
                assert_eq!(
                    got.len(),
                    want.len(),
                    "{resource} {format:?} page {index}: {got:?}"
                );
                for (g, w) in got.iter().zip(&want) {
                    assert!(
                        (g - w).abs() < 0.1,
                        "{resource} {format:?}: fold at {g}, want {w}"
                    );
                }
            }
        }
    }
    // A page that does not fold has none.
    let bytes = oxfordshire(&ex, "chime-wallet-card", Variant::Standard, None, &options);
    assert_eq!(fold_marks(&bytes, 0), (Vec::new(), Vec::new()));
}

/// The card in PDF/X from a copy of the project whose theme states
/// `inks` under `[theme.cmyk]`; `Err` with the errors if it does not load.
fn card_with_inks(inks: &str) -> Result<Vec<u8>, String> {
    let p = common::TempProject::new().with_area("oxfordshire");
    let path = p.path().join("resources/chime-wallet-card.toml");
    let text = std::fs::read_to_string(&path).expect("card");
    let text = text.replacen(
        "[theme.colours]",
        &format!("[theme.cmyk]\n{inks}\n\n[theme.colours]"),
        1,
    );
    std::fs::write(&path, text).expect("write");
    let (sources, project) = p.load()?;
    let _ = sources;
    let job = job(
        &project,
        "chime-wallet-card",
        Variant::Standard,
        "oxfordshire",
        None,
    );
    let built = wellprint::build(&project, &job, &fonts(), &print_shop_options())
        .map_err(|e| format!("{e:?}"))?;
    let mut doc = Document::load_mem(&built.bytes).expect("parses");
    doc.decompress();
    let mut content = Vec::new();
    for page in doc.get_pages().into_values() {
        content.extend(doc.get_page_content(page));
    }
    Ok(content)
}

#[test]
fn a_theme_can_state_the_cmyk_inks_of_its_colours() {
    let content = String::from_utf8_lossy(
        &card_with_inks("ink = [0, 0, 0, 100]\nnavy = [100, 72, 0, 38]").expect("builds"),
    )
    .into_owned();
    // The banner and heading navy prints in the stated inks, not in the
    // conversion from #1D3557.
    assert!(content.contains("1 0.72 0 0.38 k"), "navy as stated");
    let [c, m, y, k] = "#1D3557"
        .parse::<wellprint::colour::Colour>()
        .expect("colour")
        .to_cmyk();
    assert!(
        !content.contains(&format!("{c} {m} {y} {k} k")),
        "navy converted anyway"
    );
    assert!(content.contains("0 0 0 1 k"), "the ink is 100 % K");
}

#[test]
fn inks_for_an_unknown_colour_or_over_100_percent_are_errors_at_the_key() {
    let err = card_with_inks("teal = [0, 0, 0, 100]").expect_err("unknown name");
    assert!(err.contains("`teal`, which is not a theme colour"), "{err}");
    assert!(err.contains("chime-wallet-card.toml"), "{err}");
    let err = card_with_inks("navy = [0, 0, 0, 120]").expect_err("over 100");
    assert!(err.contains("must each be 0 to 100"), "{err}");
}
