//! The Easy Read variants as laid out: large type everywhere, no sentence
//! split across pages or panels, a picture with alternative text beside
//! every row.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Example, text_lines};
use wellprint::geom::Abs;
use wellprint::inspect::inspect;
use wellprint::layout::FrameItem;
use wellprint::model::Variant;

const RESOURCES: [&str; 3] = ["chime-wallet-card", "wellbeing-leaflet", "tips-poster"];

/// The shipped `resource`'s Easy Read variant, as loaded.
fn easy_read_def<'a>(ex: &'a Example, resource: &str) -> &'a wellprint::model::VariantDef {
    &ex.project
        .resources
        .iter()
        .find(|r| r.id.value == resource)
        .expect("resource")
        .variants[&Variant::EasyRead]
}

#[test]
fn every_resource_has_an_easy_read_variant_built_for_every_area() {
    let ex = Example::shipped();
    for resource in RESOURCES {
        for area in &ex.project.areas {
            let built = ex.build(resource, Variant::EasyRead, &area.id.value, None);
            assert!(!built.bytes.is_empty());
        }
    }
}

#[test]
fn all_text_is_at_least_14pt() {
    let ex = Example::shipped();
    for resource in RESOURCES {
        let built = ex.build(resource, Variant::EasyRead, "oxfordshire", None);
        let report = inspect(&built.bytes).expect("parses");
        for (i, page) in report.pages.iter().enumerate() {
            for run in &page.text {
                assert!(
                    run.size >= 14.0 - 1e-3,
                    "{resource} page {}: \"{}\" is {:.1} pt",
                    i + 1,
                    run.text,
                    run.size
                );
            }
        }
    }
}

#[test]
fn no_text_block_is_split_across_pages_or_panels() {
    let ex = Example::shipped();
    for resource in RESOURCES {
        let built = ex.build(resource, Variant::EasyRead, "medway", None);
        // Panel width: the folding card puts 4 card-sized panels on a sheet.
        let panel_w = if resource == "chime-wallet-card" {
            built.frames[0].size.w / 4.0
        } else {
            built.frames[0].size.w
        };
        let mut places: BTreeMap<(usize, usize), BTreeSet<(usize, i64)>> = BTreeMap::new();
        for (page, frame) in built.frames.iter().enumerate() {
            frame.visit(&mut |pos, item| {
                if let FrameItem::Text(t) = item
                    && let Some(span) = &t.span
                {
                    let panel = (pos.x / panel_w).floor() as i64;
                    places
                        .entry((span.file.index(), span.range.start))
                        .or_default()
                        .insert((page, panel));
                }
            });
        }
        for (span, at) in &places {
            // Page numbers have no span; every written text stays in one place.
            assert_eq!(
                at.len(),
                1,
                "{resource}: text at {span:?} is split across {at:?}"
            );
        }
    }
}

#[test]
fn every_row_has_a_picture_with_alternative_text() {
    let ex = Example::shipped();
    for resource in RESOURCES {
        let built = ex.build(resource, Variant::EasyRead, "oxfordshire", None);
        let mut pictures = 0;
        let mut bodies = 0;
        for frame in &built.frames {
            frame.visit(&mut |_, item| match item {
                FrameItem::Group(g) if g.alt.is_some() => {
                    assert!(!g.alt.as_deref().unwrap_or_default().trim().is_empty());
                    pictures += 1;
                }
                FrameItem::Image(i) => {
                    assert!(!i.alt.trim().is_empty());
                    pictures += 1;
                }
                _ => {}
            });
        }
        let def = easy_read_def(&ex, resource);
        for block in def
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .chain(def.sections.iter().flat_map(|s| &s.blocks))
        {
            use wellprint::model::BlockContent as B;
            match &block.content {
                B::Row { .. } => bodies += 1,
                B::Paragraph { style, .. } => {
                    assert_eq!(
                        *style,
                        wellprint::model::StyleName::Small,
                        "{resource}: Easy Read body text belongs in rows with pictures"
                    );
                }
                B::Contacts { picture, .. } => {
                    assert!(picture.is_some(), "{resource}: contacts need a picture")
                }
                B::Helplines { picture, .. } => {
                    assert!(picture.is_some(), "{resource}: helplines need a picture")
                }
                _ => {}
            }
        }
        assert!(
            pictures >= bodies,
            "{resource}: {pictures} pictures for {bodies} rows"
        );
        assert!(bodies >= 5, "{resource}: at least the five ideas");
    }
}

#[test]
fn shipped_easy_read_text_has_zero_findings_and_zero_waivers() {
    let ex = Example::shipped();
    let policy = wellprint::check::Policy::default();
    for resource in &ex.project.resources {
        let report = wellprint::check::check_resource(&ex.sources, resource, &policy)
            .expect("every resource has an Easy Read variant")
            .expect("waivers are well formed");
        let shown: Vec<String> = report
            .diagnostics()
            .iter()
            .map(|d| ex.sources.render_plain(d))
            .collect();
        assert!(
            report.findings.is_empty(),
            "{}:\n{}",
            resource.id.value,
            shown.join("\n")
        );
        assert!(
            report.waived.is_empty(),
            "{}: no waivers",
            resource.id.value
        );
    }
}

#[test]
fn an_easy_read_error_stops_that_build_and_a_waiver_lets_it_through() {
    let p = common::TempProject::new().with_area("medway");
    let path = p.path().join("resources/wellbeing-leaflet.toml");
    let leaflet = std::fs::read_to_string(&path).expect("read");
    let long = "Connection means having people in your life that you can talk to about anything at all when you feel low.";
    let broken = leaflet.replace(
        "text = \"Connection means having people in your life.\"",
        &format!("text = \"{long}\""),
    );
    assert_ne!(broken, leaflet);
    p.write("resources/wellbeing-leaflet.toml", &broken);
    let out = common::run(p.path(), &["build", "--resource", "wellbeing-leaflet"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The standard variant still builds, so the run as a whole exits 1.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("[sentence-too-long]"), "{stderr}");
    assert!(
        stderr.contains("resources/wellbeing-leaflet.toml:"),
        "{stderr}"
    );
    assert!(
        !p.path()
            .join("out/medway/wellbeing-leaflet-easy-read.pdf")
            .exists()
    );
    assert!(
        p.path()
            .join("out/medway/wellbeing-leaflet-standard.pdf")
            .exists(),
        "the standard variant still builds"
    );

    let waived = broken.replace(
        &format!("text = \"{long}\""),
        &format!("text = \"{long}\"\nwaive = {{ rule = \"sentence-too-long\", reason = \"Testing the waiver.\" }}"),
    );
    p.write("resources/wellbeing-leaflet.toml", &waived);
    let out = common::run(p.path(), &["build", "--resource", "wellbeing-leaflet"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("waived in wellbeing-leaflet: sentence-too-long"),
        "{stdout}"
    );
    assert!(
        p.path()
            .join("out/medway/wellbeing-leaflet-easy-read.pdf")
            .exists()
    );

    let json = common::run(p.path(), &["check", "--format", "json"]);
    let text = String::from_utf8_lossy(&json.stdout);
    assert!(
        text.contains("\"resource\": \"wellbeing-leaflet\""),
        "{text}"
    );
    assert!(
        text.contains("sentence-too-long"),
        "the waived finding is in the JSON: {text}"
    );
}

/// `measure = "120mm"`: on the A4 leaflet and poster no line of a row's
/// words (body text and headings) is longer than 120 mm, and some lines
/// come close to it.
#[test]
fn easy_read_lines_on_a4_are_at_most_120_mm() {
    let ex = Example::shipped();
    for resource in ["wellbeing-leaflet", "tips-poster"] {
        let def = easy_read_def(&ex, resource);
        // Rows' words: body text and headings (banners and small print
        // run the width of the page).
        let sizes = [def.type_scale.body, def.type_scale.heading];
        let built = ex.build(resource, Variant::EasyRead, "north-yorkshire", None);
        let mut longest: f64 = 0.0;
        for (page, frame) in built.frames.iter().enumerate() {
            // (baseline, size) -> (left, right) of each line, in mm.
            let mut lines: BTreeMap<(i64, i64), (f64, f64)> = BTreeMap::new();
            frame.visit(&mut |at, item| {
                if let FrameItem::Text(t) = item
                    && sizes.iter().any(|s| (t.size - *s).to_pt().abs() < 0.01)
                    && !t.text().starts_with("Page ")
                {
                    let key = (
                        (at.y.to_mm() * 10.0).round() as i64,
                        (t.size.to_pt() * 10.0) as i64,
                    );
                    // A wrapped line keeps its last space, which paints nothing.
                    let space: Abs = t
                        .glyphs
                        .iter()
                        .rev()
                        .take_while(|g| g.text.trim().is_empty())
                        .map(|g| g.advance.at(t.size))
                        .sum();
                    let (x0, x1) = (at.x.to_mm(), (at.x + t.width() - space).to_mm());
                    let line = lines.entry(key).or_insert((x0, x1));
                    *line = (line.0.min(x0), line.1.max(x1));
                }
            });
            for ((y, _), (x0, x1)) in lines {
                let w = x1 - x0;
                assert!(
                    w <= 120.05,
                    "{resource} page {}: the line at {:.1} mm is {w:.1} mm long",
                    page + 1,
                    y as f64 / 10.0
                );
                longest = longest.max(w);
            }
        }
        assert!(
            longest > 100.0,
            "{resource}: the longest line is {longest:.1} mm"
        );
    }
}

/// Easy Read lines break between phrases: in every area's Easy Read
/// leaflet and poster, no line of body text ends on a word that leads into
/// the next ("the", "to", "can"), and where a row of two sentences fits
/// on two lines each sentence starts a line.
#[test]
fn easy_read_lines_break_between_phrases() {
    const LEADING: [&str; 12] = [
        "a", "an", "the", "to", "of", "and", "or", "can", "with", "for", "your", "you",
    ];
    let ex = Example::shipped();
    for resource in ["wellbeing-leaflet", "tips-poster"] {
        let body = easy_read_def(&ex, resource).type_scale.body;
        for area in &ex.project.areas {
            let id = area.id.value.to_string();
            let built = ex.build(resource, Variant::EasyRead, &id, None);
            let texts: Vec<String> = built
                .frames
                .iter()
                .flat_map(text_lines)
                .filter(|(size, _)| (*size - body).to_pt().abs() < 0.01)
                .map(|(_, line)| line)
                .collect();
            for line in &texts {
                let last = line.rsplit(' ').next().unwrap_or(line).to_lowercase();
                assert!(
                    !LEADING.contains(&last.as_str()),
                    "{id} {resource}: a line ends on {last:?}: {line:?}"
                );
            }
            if resource == "wellbeing-leaflet" {
                for sentence in ["You can join a group.", "You can feel better too."] {
                    assert!(
                        texts.iter().any(|t| t == sentence),
                        "{id}: {sentence:?} does not have a line of its own"
                    );
                }
            }
        }
    }
}

/// Every sentence of every area's Easy Read card, leaflet and poster
/// starts a line, as Easy Read asks: no line holds the end of one
/// sentence and the start of the next ("… feel better. This / card …").
#[test]
fn every_easy_read_sentence_starts_a_line() {
    let ex = Example::shipped();
    for resource in ["chime-wallet-card", "wellbeing-leaflet", "tips-poster"] {
        for area in &ex.project.areas {
            let id = area.id.value.to_string();
            let built = ex.build(resource, Variant::EasyRead, &id, None);
            let mut seen = 0;
            for frame in &built.frames {
                for (_, line) in text_lines(frame) {
                    let words: Vec<&str> = line.split(' ').collect();
                    for pair in words.windows(2) {
                        let end = pair[0].trim_end_matches(['"', '”', '’', ')', '*']);
                        assert!(
                            !end.ends_with(['.', '!', '?']),
                            "{id} {resource}: a sentence starts inside the line {line:?}"
                        );
                    }
                    seen += 1;
                }
            }
            assert!(seen > 10, "{id} {resource}: {seen} lines read");
        }
    }
}

/// A helpline in Easy Read is a row like a contact: its picture, then the
/// name, the number and the hours one below the other, with no "·".
#[test]
fn easy_read_helplines_have_a_picture_and_no_separators() {
    let ex = Example::shipped();
    let built = ex.build("tips-poster", Variant::EasyRead, "glasgow", None);
    let text = inspect(&built.bytes).expect("parses").text();
    assert!(!text.contains('·'), "{text}");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| *l == "Samaritans")
        .unwrap_or_else(|| panic!("Samaritans on a line of its own in\n{text}"));
    assert_eq!(lines.get(at + 1), Some(&"116 123"), "{text}");
    assert_eq!(
        lines.get(at + 2),
        Some(&"free, any time, day or night"),
        "{text}"
    );
    let last = built.frames.last().expect("pages");
    let mut phone_pictures = 0;
    last.visit(&mut |_, item| {
        if let FrameItem::Group(g) = item
            && g.alt.as_deref() == Some("A person on the phone at night")
        {
            phone_pictures += 1;
        }
    });
    assert_eq!(phone_pictures, 1, "the helpline's picture");
}
