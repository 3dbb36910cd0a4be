//! The Easy Read variants as laid out: large type everywhere, no sentence
//! split across pages or panels, a picture with alternative text beside
//! every row.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::Example;
use wellprint::inspect::inspect;
use wellprint::layout::FrameItem;
use wellprint::model::Variant;

const RESOURCES: [&str; 3] = ["chime-wallet-card", "wellbeing-leaflet", "tips-poster"];

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
        let def = &ex
            .project
            .resources
            .iter()
            .find(|r| r.id.value == resource)
            .expect("resource")
            .variants[&Variant::EasyRead];
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
        "text = \"Connection means having people in your life. You can have a cup of tea with a friend. You can join a group.\"",
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
