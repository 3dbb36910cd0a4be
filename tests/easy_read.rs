//! The Easy Read variants as laid out: large type everywhere, no sentence
//! split across pages or panels, a picture with alternative text beside
//! every row.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{build, load, root};
use wellprint::inspect::inspect;
use wellprint::layout::FrameItem;
use wellprint::model::Variant;

const RESOURCES: [&str; 3] = ["chime-wallet-card", "wellbeing-leaflet", "tips-poster"];

#[test]
fn every_resource_has_an_easy_read_variant_built_for_every_area() {
    let (sources, project) = load(&root());
    for resource in RESOURCES {
        for area in &project.areas {
            let built = build(
                &sources,
                &project,
                resource,
                Variant::EasyRead,
                &area.id.value,
            )
            .unwrap_or_else(|e| panic!("{resource} for {}: {e}", area.id.value));
            assert!(!built.bytes.is_empty());
        }
    }
}

#[test]
fn all_text_is_at_least_14pt() {
    let (sources, project) = load(&root());
    for resource in RESOURCES {
        let built = build(
            &sources,
            &project,
            resource,
            Variant::EasyRead,
            "oxfordshire",
        )
        .expect("builds");
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
    let (sources, project) = load(&root());
    for resource in RESOURCES {
        let built =
            build(&sources, &project, resource, Variant::EasyRead, "medway").expect("builds");
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
    let (sources, project) = load(&root());
    for resource in RESOURCES {
        let built = build(
            &sources,
            &project,
            resource,
            Variant::EasyRead,
            "oxfordshire",
        )
        .expect("builds");
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
        let def = &project
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
