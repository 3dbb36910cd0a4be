//! The CHIME wallet card, built for every example area and checked as a
//! print shop and a screen reader would: page boxes, fonts, text, pixels.

mod common;

use common::{build, load, mm, render_page, root};
use wellprint::inspect::inspect;
use wellprint::model::Variant;

const CARD: &str = "chime-wallet-card";

fn close(a: f64, b: f64, tol_mm: f64) -> bool {
    (a - b).abs() <= mm(tol_mm)
}

#[test]
fn every_area_gets_a_two_sided_card_with_correct_page_boxes() {
    let (sources, project) = load(&root());
    assert!(project.areas.len() >= 2, "at least two example areas");
    for area in &project.areas {
        let built = build(&sources, &project, CARD, Variant::Standard, &area.id.value)
            .unwrap_or_else(|e| panic!("{}: {e}", area.id.value));
        let report = inspect(&built.bytes).expect("our PDF parses");
        assert_eq!(report.pages.len(), 2, "{}: front and back", area.id.value);
        for page in &report.pages {
            let media = &page.media_box;
            assert!(
                close(media.width(), mm(91.0), 0.1),
                "MediaBox width {}",
                media.width()
            );
            assert!(
                close(media.height(), mm(61.0), 0.1),
                "MediaBox height {}",
                media.height()
            );
            let trim = page.trim_box.as_ref().expect("TrimBox set");
            assert!(close(trim.width(), mm(85.0), 0.1));
            assert!(close(trim.height(), mm(55.0), 0.1));
            assert!(
                close(trim.x0 - media.x0, mm(3.0), 0.1),
                "3 mm bleed on the left"
            );
            assert!(
                close(trim.y0 - media.y0, mm(3.0), 0.1),
                "3 mm bleed at the bottom"
            );
            let bleed = page.bleed_box.as_ref().expect("BleedBox set");
            assert!(bleed.x0 <= trim.x0 && bleed.y0 <= trim.y0);
            assert!(bleed.x1 >= trim.x1 && bleed.y1 >= trim.y1);
            assert!(close(bleed.width(), mm(91.0), 0.1));
        }
    }
}

#[test]
fn fonts_are_embedded_and_subset_and_text_extracts() {
    let (sources, project) = load(&root());
    for area in &project.areas {
        let built =
            build(&sources, &project, CARD, Variant::Standard, &area.id.value).expect("builds");
        let report = inspect(&built.bytes).expect("parses");
        assert!(!report.fonts.is_empty());
        for font in &report.fonts {
            assert!(font.embedded, "{} embedded", font.base_font);
            assert!(font.subset, "{} subset", font.base_font);
            assert!(font.to_unicode, "{} maps to Unicode", font.base_font);
        }
        let programs = font_programs(&built.bytes);
        assert_eq!(programs.len(), report.fonts.len(), "{programs:?}");
        for (bytes, mapped) in programs {
            // The bundled faces are 48 KB: a card's subset is a small part.
            assert!(
                bytes < 16_000,
                "a font program of {bytes} bytes is not cut down"
            );
            assert!(
                mapped,
                "a subset font maps its codes with a /CIDToGIDMap stream"
            );
        }
        let text = report.text();
        let left_out = common::left_out(&built);
        for word in ["Connection", "Hope", "Identity", "Meaning", "Empowerment"] {
            assert!(text.contains(word), "{word} in {}", area.id.value);
        }
        assert!(text.contains(&area.name.value), "area name printed");
        // Every card contact is printed, or named in a warning: the back
        // keeps its type at 7.5 pt and prints the first that fit
        // (North Yorkshire's four long names do not all fit).
        for contact in area
            .contacts
            .iter()
            .filter(|c| c.tags.iter().any(|t| t.value == "card"))
        {
            assert!(
                text.contains(&contact.phone.value) || left_out.contains(&contact.name.value),
                "{} phone {} in the text of {}:\n{text}",
                contact.name.value,
                contact.phone.value,
                area.id.value
            );
        }
        assert!(text.contains("116 123"), "a national helpline");
        assert_eq!(report.lang.as_deref(), Some("en-GB"));
        assert_eq!(report.display_doc_title, Some(true));
        let title = report.info.get("Title").expect("title");
        assert!(
            title.contains(&area.name.value),
            "title names the area: {title}"
        );
        assert!(report.version.as_str() >= "1.7");
    }
}

/// The size of each embedded TrueType program (decompressed), and whether
/// its descendant font maps codes to glyphs with a stream.
fn font_programs(pdf: &[u8]) -> Vec<(usize, bool)> {
    let doc = lopdf::Document::load_mem(pdf).expect("parses");
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(type0) = object.as_dict() else {
            continue;
        };
        if type0.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Type0") {
            continue;
        }
        let font = type0
            .get(b"DescendantFonts")
            .and_then(|d| d.as_array())
            .ok()
            .and_then(|d| d.first())
            .and_then(|d| match d.as_reference() {
                Ok(id) => doc.get_dictionary(id).ok(),
                Err(_) => d.as_dict().ok(),
            })
            .expect("a descendant font");
        let mapped = font
            .get(b"CIDToGIDMap")
            .and_then(|m| m.as_reference())
            .and_then(|id| doc.get_object(id))
            .and_then(|m| m.as_stream())
            .is_ok();
        let program = font
            .get(b"FontDescriptor")
            .and_then(|d| d.as_reference())
            .and_then(|id| doc.get_dictionary(id))
            .and_then(|d| d.get(b"FontFile2"))
            .and_then(|f| f.as_reference())
            .and_then(|id| doc.get_object(id))
            .and_then(|f| f.as_stream())
            .expect("a FontFile2 stream");
        let bytes = program
            .decompressed_content()
            .unwrap_or_else(|_| program.content.clone())
            .len();
        out.push((bytes, mapped));
    }
    out
}

#[test]
fn no_text_within_4mm_of_the_trim_edge() {
    let (sources, project) = load(&root());
    for area in &project.areas {
        let built =
            build(&sources, &project, CARD, Variant::Standard, &area.id.value).expect("builds");
        let report = inspect(&built.bytes).expect("parses");
        for (i, page) in report.pages.iter().enumerate() {
            let trim = page.trim_box.as_ref().expect("trim");
            let safe = mm(4.0);
            assert!(!page.text.is_empty());
            for run in &page.text {
                // Glyph box: from the descender to the ascender.
                let (x0, x1) = (run.x, run.x + run.width);
                let (y0, y1) = (run.y - 0.25 * run.size, run.y + 0.95 * run.size);
                assert!(
                    x0 >= trim.x0 + safe - 0.01
                        && x1 <= trim.x1 - safe + 0.01
                        && y0 >= trim.y0 + safe - 0.01
                        && y1 <= trim.y1 - safe + 0.01,
                    "page {} of {}: \"{}\" at ({x0:.1}, {y0:.1})–({x1:.1}, {y1:.1}) is within 4 mm of the trim {trim:?}",
                    i + 1,
                    area.id.value,
                    run.text
                );
                assert!(
                    run.size >= 6.0 - 1e-6,
                    "\"{}\" is {} pt, under the 6 pt print minimum",
                    run.text,
                    run.size
                );
            }
        }
    }
}

#[test]
fn rendered_pages_show_the_design_and_bleed() {
    let (sources, project) = load(&root());
    let built = build(&sources, &project, CARD, Variant::Standard, "oxfordshire").expect("builds");
    let dpi = 150.0;
    let px_per_mm = f64::from(dpi) / 25.4;
    for index in 0..2 {
        let page = render_page(&built.bytes, index, dpi);
        assert!(
            (page.width as f64 - 91.0 * px_per_mm).abs() < 3.0,
            "width {}",
            page.width
        );
        let non_white = (0..page.height)
            .flat_map(|y| (0..page.width).map(move |x| (x, y)))
            .filter(|&(x, y)| page.at(x, y).iter().any(|&c| c < 230))
            .count();
        let share = non_white as f64 / (page.width * page.height) as f64;
        assert!(share > 0.03, "page {index} is nearly blank: {share:.3}");
    }
    // The front's navy banner runs into the bleed: the very corner pixel
    // (outside the trim) is navy, not white.
    let front = render_page(&built.bytes, 0, dpi);
    let [r, g, b] = front.at(2, 2);
    assert!(
        r < 60 && g < 80 && b > 60 && b < 120,
        "corner pixel is navy: {:?}",
        [r, g, b]
    );
    // The back's helpline band runs off the bottom edge.
    let back = render_page(&built.bytes, 1, dpi);
    let corner = back.at(2, back.height - 3);
    assert!(corner != [255, 255, 255], "bottom band bleeds: {corner:?}");
}

/// Every text item of `frames` with contrast under 7:1 against what it
/// is printed on, and how many text items were checked. Items are visited
/// in painting order, groups included: a text's background is the last
/// filled rectangle or ellipse painted before it under the middle of its
/// first line (paper white where there is none).
fn low_contrast_text(frames: &[wellprint::layout::Frame]) -> (usize, Vec<String>) {
    use wellprint::colour::Colour;
    use wellprint::geom::Point;
    use wellprint::layout::{FrameItem, Geometry};
    let mut checked = 0;
    let mut failures = Vec::new();
    for (page, frame) in frames.iter().enumerate() {
        // Filled shapes painted so far: (top-left, geometry, fill).
        let mut under: Vec<(Point, Geometry, Colour)> = Vec::new();
        frame.visit(&mut |pos, item| match item {
            FrameItem::Shape(s) => under.extend(s.fill.map(|f| (pos, s.geometry.clone(), f))),
            FrameItem::Text(t) if !t.text().trim().is_empty() => {
                // Half-way along the run, a third of the size above the baseline.
                let at = Point::new(pos.x + t.width() * 0.5, pos.y - t.size * 0.3);
                let bg = under
                    .iter()
                    .rev()
                    .find(|(p, g, _)| covers(*p, g, at))
                    .map_or(Colour::WHITE, |(_, _, f)| *f);
                checked += 1;
                let ratio = t.fill.contrast(bg);
                if ratio < 7.0 {
                    failures.push(format!(
                        "page {}: \"{}\" {} on {bg} has contrast {ratio:.2}",
                        page + 1,
                        t.text(),
                        t.fill
                    ));
                }
            }
            _ => {}
        });
    }
    (checked, failures)
}

/// Whether the shape `g` placed at `p` covers `at`.
fn covers(
    p: wellprint::geom::Point,
    g: &wellprint::layout::Geometry,
    at: wellprint::geom::Point,
) -> bool {
    use wellprint::layout::Geometry;
    let (dx, dy) = ((at.x - p.x).to_pt(), (at.y - p.y).to_pt());
    match g {
        Geometry::Rect { size, .. } => {
            (0.0..=size.w.to_pt()).contains(&dx) && (0.0..=size.h.to_pt()).contains(&dy)
        }
        Geometry::Ellipse { size } => {
            let (rx, ry) = (size.w.to_pt() / 2.0, size.h.to_pt() / 2.0);
            rx > 0.0 && ry > 0.0 && ((dx - rx) / rx).powi(2) + ((dy - ry) / ry).powi(2) <= 1.0
        }
        Geometry::Path(_) => false,
    }
}

#[test]
fn body_text_contrast_is_at_least_7_to_1() {
    let (sources, project) = load(&root());
    for area in &project.areas {
        for variant in [Variant::Standard, Variant::EasyRead] {
            let built = build(&sources, &project, CARD, variant, &area.id.value).expect("builds");
            let (checked, failures) = low_contrast_text(&built.frames);
            // Every word on the card is a text item: dozens per document.
            assert!(
                checked >= 20,
                "{} {variant:?}: only {checked} text items checked",
                area.id.value
            );
            assert!(
                failures.is_empty(),
                "{} {variant:?}:\n{}",
                area.id.value,
                failures.join("\n")
            );
        }
    }
}

#[test]
fn the_contrast_check_finds_pale_text_inside_groups() {
    // The card with its contact names in a pale grey: the check must see
    // them, although every text item is inside a group.
    let card = std::fs::read_to_string(root().join("resources/chime-wallet-card.toml"))
        .expect("read card");
    let pale = card.replacen("ink = \"#1A1A1A\"", "ink = \"#9A9A9A\"", 1);
    assert_ne!(card, pale, "premise: the card sets its ink colour");
    let p = common::TempProject::new().with_area("medway");
    p.write("resources/chime-wallet-card.toml", &pale);
    let (sources, project) = p.load().expect("loads");
    let built = build(&sources, &project, CARD, Variant::Standard, "medway").expect("builds");
    let (checked, failures) = low_contrast_text(&built.frames);
    assert!(checked >= 20, "{checked} checked");
    assert!(
        failures.iter().any(|f| f.contains("#9A9A9A")),
        "pale ink is found: {failures:?}"
    );
}

/// The Easy Read card's cover (the outside's rightmost panel) shows its
/// banner's picture as a figure with its alternative text, at the right of
/// the title, inside the panel's margins.
#[test]
fn the_easy_read_cover_shows_its_picture_beside_the_title() {
    use wellprint::layout::{FrameItem, Role};
    let built = common::Example::shipped().build(
        "chime-wallet-card",
        Variant::EasyRead,
        "oxfordshire",
        None,
    );
    let outside = &built.frames[0];
    let (width, panel) = (outside.size.w.to_mm(), outside.size.w.to_mm() / 4.0);
    let (mut figure, mut title) = (None, None);
    outside.visit(&mut |at, item| match item {
        FrameItem::Group(g)
            if g.role == Some(Role::Figure)
                && g.alt.as_deref() == Some("A happy, calm person holding a heart") =>
        {
            figure = Some(at);
        }
        FrameItem::Text(t) if t.text() == "CHIME" => title = Some(at),
        _ => {}
    });
    let figure = figure.expect("the cover's picture, with its alt text");
    let title = title.expect("the cover's title");
    let (figure, title) = (figure.x.to_mm(), title.x.to_mm());
    assert!(
        title > panel * 3.0,
        "the cover is the outside's rightmost panel"
    );
    assert!(figure > title + 20.0, "the picture is right of the title");
    assert!(
        figure + 25.0 <= width - 4.0 + 0.01,
        "the 25 mm picture ends inside the margin: at {figure:.1} of {width:.1} mm"
    );
}

#[test]
fn phone_numbers_on_the_back_are_8_pt_bold_beside_7_5_pt_words() {
    let (sources, project) = load(&root());
    let mut full_size = 0;
    for area in &project.areas {
        let built =
            build(&sources, &project, CARD, Variant::Standard, &area.id.value).expect("builds");
        let report = inspect(&built.bytes).expect("parses");
        let back = &report.pages[1];
        let phones: Vec<&str> = area
            .contacts
            .iter()
            .map(|c| c.phone.value.as_str())
            .collect();
        let numbers: Vec<_> = back
            .text
            .iter()
            .filter(|r| phones.contains(&r.text.trim()))
            .collect();
        // The body size the back is set at: the helpline's name is in it.
        let body = back
            .text
            .iter()
            .find(|r| r.text.trim() == "Samaritans")
            .map(|r| r.size)
            .expect("the helpline's name");
        assert!(
            !numbers.is_empty(),
            "{}: no local phone number on the back",
            area.id.value
        );
        // 8 pt beside 7.5 pt; a back that steps its type down to fit many
        // contacts sets them at the body size (`docs/format.md`).
        let full = (body - 7.5).abs() < 0.01;
        let phone = if full { 8.0 } else { body };
        for run in numbers {
            assert!(
                (run.size - phone).abs() < 0.01 && run.font.contains("Bold"),
                "{}: \"{}\" is {:.2} pt in {} beside {body:.2} pt words, not 8 pt bold beside 7.5",
                area.id.value,
                run.text,
                run.size,
                run.font
            );
        }
        full_size += usize::from(full);
    }
    // The back never steps below 7.5 pt (its `min-size`): a back with
    // more contacts than fit prints the first that do and warns.
    assert_eq!(
        full_size,
        project.areas.len(),
        "only {full_size} areas' backs are at 7.5 pt"
    );
}

/// A contact's name that wraps never leaves its last word alone on a
/// line ("Cowley Road Peer Support / Group"): the line before the phone
/// number is never one word, unless that word is a whole name.
#[test]
fn no_wrapped_contact_name_ends_on_a_word_alone() {
    let (sources, project) = load(&root());
    let mut wrapped = 0;
    for area in &project.areas {
        let built =
            build(&sources, &project, CARD, Variant::Standard, &area.id.value).expect("builds");
        let text = inspect(&built.bytes).expect("parses").text();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for w in lines.windows(3) {
            let [before, line, after] = [w[0], w[1], w[2]];
            let digit = |l: &str| l.starts_with(|c: char| c.is_ascii_digit());
            let names_it = area.contacts.iter().any(|c| c.name.value == line);
            if digit(after) && !before.is_empty() && !digit(before) && !names_it {
                wrapped += 1;
                assert!(
                    line.split_whitespace().count() > 1,
                    "{}: \"{line}\" alone on the line after \"{before}\"",
                    area.id.value
                );
            }
        }
    }
    assert!(wrapped > 0, "premise: some names wrap");
}
