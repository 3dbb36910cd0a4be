//! Issue 19, pictures: every picture wellprint ships is credited in
//! `assets/ATTRIBUTION.md`, is drawn on a square canvas, and draws through
//! wellprint's own SVG path (usvg: flat colours, no text, nothing outside
//! the file) as a vector group with its alternative text.

mod common;

use common::{Example, TempProject, root};
use wellprint::layout::FrameItem;
use wellprint::model::Variant;

/// The file names of the shipped SVG pictures, sorted.
fn shipped_svgs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("assets/pictures"))
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_shipped_picture_is_credited() {
    let credits = std::fs::read_to_string(root().join("assets/ATTRIBUTION.md")).expect("read");
    let names = shipped_svgs();
    assert!(names.len() > 20, "{names:?}");
    for name in &names {
        let stem = name.trim_end_matches(".svg");
        // Either named as a file (`people-tea.svg`) or in the OpenMoji list
        // by name and codepoint ("candle 1F56F").
        let credited = credits.contains(&format!("{name}`"))
            || credits.contains(&format!(": {stem} "))
            || credits.contains(&format!(", {stem} "));
        assert!(credited, "{name} is not credited in assets/ATTRIBUTION.md");
    }
}

#[test]
fn every_shipped_picture_is_square_and_draws_through_wellprint() {
    let names = shipped_svgs();
    let mut sheet = String::from(
        "id = \"sheet\"\ntitle = \"Pictures\"\nsubject = \"Every shipped picture\"\n\
         author = \"wellprint\"\nsize = \"a4\"\n\n[standard]\nmargin = \"10mm\"\n\n\
         [[standard.page]]\nflow = true\n",
    );
    for name in &names {
        let svg = std::fs::read_to_string(root().join("assets/pictures").join(name)).expect("read");
        assert!(
            svg.contains("viewBox=\"0 0 72 72\""),
            "{name} is not drawn on the 72 × 72 canvas"
        );
        sheet.push_str(&format!(
            "\n[[standard.section]]\n[[standard.section.block]]\nkind = \"row\"\n\
             picture = \"assets/pictures/{name}\"\nalt = \"{name}\"\nwidth = \"25mm\"\ntext = \"{name}\"\n"
        ));
    }
    let p = TempProject::new().with_area("medway");
    p.write("resources/sheet.toml", &sheet);
    let (sources, project) = p.load().expect("loads");
    let built = Example { sources, project }.build("sheet", Variant::Standard, "medway", None);
    let mut alts = Vec::new();
    for frame in &built.frames {
        frame.visit(&mut |_, item| {
            if let FrameItem::Group(g) = item
                && let Some(alt) = &g.alt
            {
                alts.push(alt.clone());
            }
        });
    }
    assert!(built.images.is_empty(), "a vector picture became a raster");
    for name in &names {
        assert!(alts.contains(name), "{name} was not drawn: {alts:?}");
    }
}
