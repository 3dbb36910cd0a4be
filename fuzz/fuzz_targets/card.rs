//! Fuzzes loading an area file (with its contacts CSV) or the card's
//! resource file, then filling in and laying out the CHIME wallet card,
//! standard and Easy Read: any input must give a document or diagnostics,
//! never a panic.
//!
//! Input: an area file, optionally followed by a line `%%CSV%%` and the
//! CSV it names (`contacts = "fuzz.csv"`). An input starting with
//! `#resource` is the card's resource file instead, laid out for the
//! Oxfordshire area. Seeds: `fuzz/seeds/` (see the README).

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use wellprint::diag::Sources;
use wellprint::model::{Area, Project, Resource, Variant, load_area, load_resource};
use wellprint::{Fonts, layout::LayoutOptions};

/// The real project, loaded once.
struct Fixed {
    root: PathBuf,
    project: Project,
    fonts: Fonts,
    /// Scratch project folder for the fuzzed files.
    scratch: tempfile::TempDir,
}

static FIXED: LazyLock<Fixed> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut sources = Sources::new();
    let project = wellprint::model::load_project(&root, &mut sources)
        .unwrap_or_else(|e| panic!("the shipped project loads: {e:?}"));
    let fonts = Fonts::load(&root.join("fonts")).expect("fonts");
    let scratch = tempfile::tempdir().expect("scratch folder");
    std::fs::create_dir_all(scratch.path().join("areas")).expect("mkdir");
    std::fs::create_dir_all(scratch.path().join("resources")).expect("mkdir");
    Fixed {
        root,
        project,
        fonts,
        scratch,
    }
});

/// Fills in and lays out every format of both card variants.
fn lay_out(
    resource: &Resource,
    area: &Area,
    fixed: &Fixed,
    pictures: &wellprint::pictures::Pictures,
) {
    for variant in [Variant::Standard, Variant::EasyRead] {
        for format in resource.formats_for(variant) {
            if let Ok(doc) = wellprint::resolve::resolve(
                resource,
                variant,
                format,
                area,
                &fixed.project.helplines,
            ) {
                let _ = wellprint::layout::layout(
                    &doc,
                    fixed.fonts.book(),
                    pictures,
                    &LayoutOptions::default(),
                );
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fixed = &*FIXED;
    let scratch = fixed.scratch.path();
    let mut sources = Sources::new();
    if let Some(resource_text) = text.strip_prefix("#resource") {
        let path = scratch.join("resources/card.toml");
        std::fs::write(&path, resource_text).expect("write");
        let Ok(resource) = load_resource(scratch, &path, &mut sources) else {
            return;
        };
        // Pictures are read from the real project, inside it only.
        let Ok(pictures) = wellprint::pictures::Pictures::load(&fixed.root, resource.pictures())
        else {
            return;
        };
        let Some(area) = fixed
            .project
            .areas
            .iter()
            .find(|a| a.id.value == "oxfordshire")
        else {
            return;
        };
        lay_out(&resource, area, fixed, &pictures);
    } else {
        let (area_text, csv_text) = text.split_once("\n%%CSV%%\n").unwrap_or((text, ""));
        let path = scratch.join("areas/fuzz.toml");
        std::fs::write(&path, area_text).expect("write");
        std::fs::write(scratch.join("areas/fuzz.csv"), csv_text).expect("write");
        let Ok(area) = load_area(scratch, &path, &mut sources) else {
            return;
        };
        let Some(card) = fixed
            .project
            .resources
            .iter()
            .find(|r| r.id.value == "chime-wallet-card")
        else {
            return;
        };
        lay_out(card, &area, fixed, &fixed.project.pictures);
    }
});
